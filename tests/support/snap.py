"""The real SNAP ego-Facebook graph (4,039 people, 88,234 friendships), when ../shared/data has it."""

from __future__ import annotations

import random

from backend.pair_keys import connection_key
from harness.inmemory import Network
from tests.support.data import shared_data

LOAD = """
CALL () {
  UNWIND $ids AS id
  CREATE (:Person {id: id, name: 'Person ' + id, name_lower: 'person ' + id,
                   connections_visibility: 'connections'})
}
CALL () {
  UNWIND $pairs AS pair
  MATCH (a:Person {id: pair[0]}), (b:Person {id: pair[1]})
  CREATE (a)-[:CONNECTED_TO {pair: pair[2]}]->(b)
}
"""


def read_pairs() -> list[tuple[str, str]]:
    path = shared_data("snap-ego-facebook", "facebook_combined.txt")
    return [tuple(line.split()) for line in path.read_text().splitlines() if line.strip()]


def load_facebook(cypher) -> Network:
    """The SNAP ego-Facebook graph in Neo4j (skips the test when the data is absent); the same
    graph in plain Python."""
    pairs = read_pairs()
    network = Network.from_pairs(pairs)
    cypher(
        LOAD, ids=sorted(network.adjacency), pairs=[[a, b, connection_key(a, b)] for a, b in pairs]
    )
    return network


def sample_people(network: Network, size: int = 8) -> list[str]:
    by_degree = sorted(network.adjacency, key=lambda p: (-len(network.adjacency[p]), p))
    rng = random.Random(4039)
    return by_degree[:4] + rng.sample(by_degree[4:], size)
