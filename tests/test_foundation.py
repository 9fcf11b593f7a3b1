"""The foundation: a real Neo4j round trip, health and readiness, problem+json, OpenAPI."""

from __future__ import annotations

import pytest

from backend import create_app
from tests.support.graph import auth


def test_round_trip_to_neo4j(cypher):
    cypher("CREATE (:Person {id: $id, name: $name})", id="p1", name="Ada")
    assert cypher("MATCH (p:Person {id: $id}) RETURN p.name AS name", id="p1") == [{"name": "Ada"}]


def test_each_test_starts_from_an_empty_graph(cypher):
    assert cypher(
        "MATCH (n) WHERE NOT n:__MutualsMigration AND NOT n:Profession RETURN count(n) AS n"
    ) == [{"n": 0}]
    assert cypher("MATCH (:Profession)-[c:COMPLEMENTS]->() RETURN count(c) > 0 AS ok") == [
        {"ok": True}
    ]


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_readyz_reports_neo4j_version_and_migrations_to_the_admin(client):
    response = client.get("/readyz", headers=auth("test-admin-token"))
    assert response.status_code == 200, response.json
    body = response.json
    assert body["status"] == "ready"
    assert body["neo4j"]["version"].startswith("5.26.")
    assert "V0001__people_constraints.cypher" in body["migrations"]["applied"]
    assert body["migrations"]["pending"] == []


def test_readyz_is_503_when_neo4j_is_unreachable(database):
    app = create_app({"SETTINGS": {"neo4j_uri": "bolt://127.0.0.1:1"}})
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.json["status"] == 503


def test_unknown_path_is_problem_json(client):
    response = client.get("/no/such/thing")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.json["title"] == "Not Found"
    assert response.json["status"] == 404


def test_wrong_method_is_problem_json_with_allow(client):
    response = client.delete("/healthz")
    assert response.status_code == 405
    assert response.mimetype == "application/problem+json"
    assert "GET" in response.headers["Allow"]


def test_non_json_body_is_415(client):
    response = client.post(
        "/healthz", data="name=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert response.mimetype == "application/problem+json"


def test_huge_body_is_413(client):
    response = client.post("/healthz", data="x" * (70 * 1024), content_type="application/json")
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_openapi_document_and_swagger_ui(client):
    spec = client.get("/openapi.json")
    assert spec.status_code == 200
    assert spec.json["openapi"].startswith("3.")
    assert "/readyz" in spec.json["paths"]
    assert "bearerAuth" in spec.json["components"]["securitySchemes"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.data
    assets = client.get("/docs/static/swagger-ui-bundle.js")  # served locally, no CDN
    assert assets.status_code == 200
    assert len(assets.data) > 100_000


def test_metrics_are_prometheus_text(client):
    client.get("/healthz")
    response = client.get("/metrics", headers=auth("test-admin-token"))
    assert response.status_code == 200
    assert b"flask_http_request_total" in response.data


def test_live_server_answers(live_server):
    import requests

    assert requests.get(live_server + "/readyz", timeout=10).json()["status"] == "ready"


def test_too_deep_or_broken_json_is_400_not_500(client):
    for body in ("[" * 30000 + "]" * 30000, '{"a": '):
        response = client.post("/healthz", data=body, content_type="application/json")
        assert response.status_code == 400, body[:20]
        assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize(
    "body, field",
    [
        ('{"name": "\\ud800"}', "name"),
        ('{"skills": ["ok", "\\udfff"]}', "skills.1"),
        ('{"\\ud800": 1}', "\ud800"),
    ],
)
def test_unencodable_text_is_422_naming_the_field(client, body, field):
    response = client.post("/healthz", data=body, content_type="application/json")
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert list(response.json["errors"]) == [field]


def test_cursor_values_that_cannot_reach_neo4j_are_refused():
    import pytest

    from backend.pagination import CursorError, Order, decode_cursor, encode_cursor

    order = Order("test", ("after_name", "after_id"), (str, int), ("", None))
    assert decode_cursor(encode_cursor(["test", "ada", 3]), order) == ("ada", 3)
    assert decode_cursor(None, order) == ("", None)
    for bad in (["\ud800", 1], ["x", 2**70], [{"a": 1}, 1], ["x", 1.5], ["x", True], ["x"]):
        with pytest.raises(CursorError):
            decode_cursor(encode_cursor(["test", *bad]), order)
