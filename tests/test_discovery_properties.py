"""Every discovery answer equals a plain-Python computation with sets, on random small graphs
with blocks, pending and ignored requests and dismissed suggestions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from backend.network import service
from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.graph import counts
from tests.support.pages import all_pages


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(graph=graphs())
def test_discovery_matches_plain_python(graph, cypher, client, app, complements):
    people, _, _, requests, _, callers = graph
    model = build_with_model(cypher, graph, complements)

    viewers = AuthActions(client, {me: token_of(me) for me in callers})
    for me in callers:
        blocked = model.blocked_with(me)

        # 2nd connections: set, mutual counts and order, across pages of 2.
        expected = model.ranked_second_degree(me)
        items = all_pages(viewers, me, "/v1/me/second-degree", limit=2)
        assert [(item["id"], item["mutual_count"]) for item in items] == expected
        for item in items:
            mutuals = model.mutuals(me, item["id"])
            assert {m["id"] for m in item["mutual_sample"]} <= mutuals
            assert len(item["mutual_sample"]) == min(service.MUTUAL_SAMPLE_SIZE, len(mutuals))
            assert item["pending"] == ((me, item["id"]) in requests)

        assert counts(viewers.get(me, "/v1/me/network").json) == model.network_counts(me)

        suggested = all_pages(viewers, me, "/v1/me/suggestions", limit=3)
        assert [
            (s["id"], round(s["score"] * service.SCORE_SCALE)) for s in suggested
        ] == model.suggestions(me, service.SCORE_WEIGHTS, service.SUGGESTION_POOL_SIZE)
        for suggestion in suggested:
            assert bool(suggestion["reasons"])
            assert {m["id"] for m in suggestion["mutual_sample"]} <= model.mutuals(
                me, suggestion["id"]
            )

        with app.app_context():
            relations = service.relations(me, list(people) + ["nobody"])
            for degree in (1, 2, 3):
                assert service.ids_at_degrees(me, {degree}) == model.layers(me)[degree]
        assert set(relations) == set(people)

        for other in people:
            expected_degree = model.degree(me, other)
            assert relations[other]["degree"] == expected_degree
            expected_mutuals = model.mutuals(me, other) if other not in blocked | {me} else set()
            assert relations[other]["mutual_count"] == len(expected_mutuals)

            path = viewers.get(me, f"/v1/people/{other}/path")
            mutual = viewers.get(me, f"/v1/people/{other}/mutual")
            if other in blocked:
                assert path.status_code == mutual.status_code == 404
                continue
            assert path.status_code == 200
            assert path.json["degree"] == expected_degree
            shortest = model.shortest_paths(me, other)[: service.MAX_PATHS]
            assert model.path(me, other, service.MAX_PATHS) == (expected_degree, shortest)
            assert [tuple(step["id"] for step in p) for p in path.json["paths"]] == shortest
            if other == me:
                assert mutual.status_code == 422
            else:
                assert mutual.status_code == 200
                assert {m["id"] for m in mutual.json["items"]} == expected_mutuals
