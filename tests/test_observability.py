"""JSON request logs with a request id, per-query metrics and the slow-query log."""

from __future__ import annotations

import json
import logging
import logging.config

import pytest

from backend import query_metrics
from backend.request_log import LOGGING, RequestFields
from tests.support.auth import AuthActions
from tests.support.graph import auth


@pytest.fixture
def json_lines(caplog):
    """What the production handler would print for the records of the test, parsed."""
    caplog.set_level(logging.INFO)
    formatter = logging.config.DictConfigurator(LOGGING).configure_custom(
        dict(LOGGING["formatters"]["json"])
    )

    def lines(logger: str | None = None) -> list[dict]:
        return [
            json.loads(formatter.format(r))
            for r in caplog.records
            if logger is None or r.name == logger
        ]

    return lines


@pytest.fixture(autouse=True)
def request_fields(caplog):
    """The filter the production handler carries, on pytest's capturing handler."""
    caplog.handler.addFilter(RequestFields())


def test_a_request_line_names_request_route_status_and_person(client, cypher, json_lines):
    people = AuthActions(client)
    people.add(cypher, "ada")
    response = people.open("ada", "GET", "/v1/me", headers={"X-Request-ID": "trace-42"})
    assert response.headers["X-Request-ID"] == "trace-42"

    [line] = json_lines("mutuals.requests")
    assert line["message"] == "request" and line["level"] == "INFO"
    assert line["request_id"] == "trace-42"
    assert (line["method"], line["route"], line["path"]) == ("GET", "/v1/me", "/v1/me")
    assert line["status"] == 200 and line["person_id"] == "ada"
    assert isinstance(line["duration_ms"], float) and "time" in line


def test_every_line_of_a_request_carries_its_id(client, cypher, json_lines, monkeypatch):
    people = AuthActions(client)
    people.add(cypher, "ada")
    monkeypatch.setattr(query_metrics._Slow, "threshold_ms", 0.000001)  # every query is slow
    people.open("ada", "GET", "/v1/me", headers={"X-Request-ID": "trace-43"})
    lines = json_lines()
    assert {line["logger"] for line in lines} >= {"mutuals.requests", "mutuals.queries"}
    assert {line.get("request_id") for line in lines} == {"trace-43"}


def test_a_request_id_is_generated_when_absent_or_unusable(client, json_lines):
    for sent in (None, "x" * 129, "two words", "semi;colon"):
        headers = {"X-Request-ID": sent} if sent is not None else {}
        response = client.get("/healthz", headers=headers)
        generated = response.headers["X-Request-ID"]
        assert generated != sent and len(generated) == 32
    assert len({line["request_id"] for line in json_lines("mutuals.requests")}) == 4


def test_logs_never_hold_tokens_or_bodies(client, cypher, caplog, json_lines):
    people = AuthActions(client)
    token = people.add(cypher, "ada")
    people.get("ada", "/v1/me")
    client.get("/v1/me", headers=auth("not-" + token))  # a failed authentication
    signup = client.post("/v1/people", json={"name": "Secret Bob Name"})
    assert signup.status_code == 201
    text = caplog.text + json.dumps(json_lines())
    for secret in (token, signup.json["token"], "Secret Bob Name"):
        assert secret not in text
    assert [line["status"] for line in json_lines("mutuals.requests")] == [200, 401, 201]


def test_a_refused_body_is_logged_with_its_id(client, json_lines):
    response = client.post("/v1/people", data="{", content_type="application/json")
    assert response.status_code == 400 and response.headers["X-Request-ID"]
    [line] = json_lines("mutuals.requests")
    assert line["status"] == 400 and line["request_id"] == response.headers["X-Request-ID"]


def _sample(client, name: str, **labels) -> float:
    from prometheus_client.parser import text_string_to_metric_families

    for family in text_string_to_metric_families(
        client.get("/metrics", headers=auth("test-admin-token")).text
    ):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return sample.value
    return 0.0


def test_metrics_time_each_named_query_and_the_pool(client, cypher):
    people = AuthActions(client)
    people.add(cypher, "ada")
    query = {"query": "people.profile_by_token", "version": "1"}
    before = _sample(client, "mutuals_query_seconds_count", **query)
    people.get("ada", "/v1/me")
    people.get("ada", "/v1/me")
    assert _sample(client, "mutuals_query_seconds_count", **query) == before + 2
    assert _sample(client, "mutuals_query_seconds_bucket", le="+Inf", **query) == before + 2
    idle = _sample(client, "mutuals_neo4j_pool_connections", state="idle")
    in_use = _sample(client, "mutuals_neo4j_pool_connections", state="in_use")
    assert idle >= 1 and in_use == 0  # between requests every connection is back


def test_a_failing_query_counts_as_an_error(client, database):
    query = database.query("ops.server_components", 1)
    labels = {"query": "ops.server_components", "version": "1", "error": "CypherSyntaxError"}
    before = _sample(client, "mutuals_query_errors_total", **labels)
    broken = type(query)(**{**query.__dict__, "text": "RETURN RETURN"})

    def work(tx):
        from backend.db import run

        return run(tx, broken)

    with pytest.raises(Exception, match="SyntaxError"):
        database.read_tx(work)
    assert _sample(client, "mutuals_query_errors_total", **labels) == before + 1


def test_a_slow_query_is_logged_with_its_name_and_time(client, cypher, json_lines, monkeypatch):
    people = AuthActions(client)
    people.add(cypher, "ada")
    ticks = iter([10.0, 10.75] * 10)  # every query takes 750 ms
    monkeypatch.setattr(query_metrics, "_clock", lambda: next(ticks))
    monkeypatch.setattr(query_metrics._Slow, "threshold_ms", 500)
    people.get("ada", "/v1/me")
    slow = json_lines("mutuals.queries")
    assert slow and slow[0]["message"] == "slow query"
    assert (slow[0]["query"], slow[0]["version"], slow[0]["ms"]) == (
        "people.profile_by_token",
        1,
        750,
    )
