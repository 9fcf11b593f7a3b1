"""Test helpers, one copy of each; fixtures stay in tests/conftest.py.

- graph.py: arranging people, tokens and connections directly in Cypher; the graph's fingerprint
- auth.py: ``sign_up`` over HTTP; ``AuthActions``, acting over HTTP as people with their tokens
- clock.py: ``FakeClock``, the clock a test sets and advances
- pages.py: the ids on a page, every page of a list
- races.py: requests fired at the same moment at the live server
- intros.py: introductions over HTTP (``IntroActions``) and the usual arrangements
- discovery.py, snap.py: random graphs and the SNAP ego-Facebook graph for discovery
- cli.py: the ``mutuals`` command against the test app; graph snapshots and counts
- openapi.py: checking answers against the OpenAPI document
- data.py: the optional real datasets under ../shared/data
"""
