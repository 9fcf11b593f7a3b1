"""On the real SNAP ego-Facebook graph (4,039 people, 88,234 friendships, hubs up to 1,045):
2nd-degree sets, mutual counts, degrees and network counts equal plain Python exactly, for a
sample of people that includes the largest hubs. Skipped when ../shared/data is absent."""

from __future__ import annotations

import random

import pytest

from backend.network import service
from backend.tokens import hash_token
from tests.support.auth import AuthActions
from tests.support.graph import counts
from tests.support.snap import sample_people

pytestmark = pytest.mark.data


def test_discovery_equals_plain_python_on_ego_facebook(facebook, database, app, client, cypher):
    people = sample_people(facebook)
    assert len(facebook.adjacency[people[0]]) == 1045  # the largest hub is in the sample
    for me in people:
        rows = database.read(
            "network.second_degree",
            2,
            person_id=me,
            location=None,
            industry=None,
            profession=None,
            skill=None,
            organization=None,
            title=None,
            after_count=None,
            after_id=None,
            limit=1_000_000,
            sample_size=0,
        )
        assert [(r["id"], r["mutual_count"]) for r in rows] == facebook.ranked_second_degree(me)

        cypher(
            "MATCH (p:Person {id: $id}) CREATE (:Token {hash: $hash})-[:AUTHENTICATES]->(p)",
            id=me,
            hash=hash_token(f"token-{me}"),
        )
        viewer = AuthActions(client, {me: f"token-{me}"})
        top = viewer.get(me, "/v1/me/second-degree", limit=100).json
        assert [
            (i["id"], i["mutual_count"]) for i in top["items"]
        ] == facebook.ranked_second_degree(me)[:100]
        for item in top["items"]:  # hubs take their samples from a join, the others while counting
            assert [m["id"] for m in item["mutual_sample"]] == sorted(
                facebook.mutuals(me, item["id"])
            )[: service.MUTUAL_SAMPLE_SIZE]
        assert counts(viewer.get(me, "/v1/me/network").json) == facebook.network_counts(me)

        targets = random.Random(me).sample(sorted(facebook.adjacency), 40)
        with app.app_context():
            relations = service.relations(me, targets)
        for target in targets:
            assert relations[target] == {
                "degree": facebook.degree(me, target),
                "mutual_count": len(facebook.mutuals(me, target)) if target != me else 0,
            }
