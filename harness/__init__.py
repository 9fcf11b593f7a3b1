"""What the tests and the benchmarks share, beside the product (neither imports the other):

- gunicorn.py: the API under gunicorn in a subprocess, as production serves it
- tcp_proxy.py: a TCP proxy in front of Neo4j that is cut and restored (outages, blips)
- inmemory.py: network discovery in plain Python, the reference Neo4j's answers are checked with
- queries.py: the product's query registry plus the benchmarks' own Cypher (bench/cypher)
- faults.py: the fault scenarios (Neo4j cut off, a blip, a killed worker, a drain)
- http.py: calling the API from outside: the bearer header, percentiles
"""
