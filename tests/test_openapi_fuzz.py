"""Every operation in /openapi.json, fed schemathesis-generated input (valid and invalid):
never a 500, and every error is problem+json that validates against what the document
says for that operation and status."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from backend import create_app
from tests.support.graph import auth, connect, create_person
from tests.support.openapi import check_error_response

# Per operation; `make fuzz` raises it (MUTUALS_FUZZ_EXAMPLES).
EXAMPLES = int(os.environ.get("MUTUALS_FUZZ_EXAMPLES") or 15)
SPEC = create_app().test_client().get("/openapi.json").json  # building it needs no database
OPERATIONS = [
    (path, method.upper())
    for path, item in SPEC["paths"].items()
    for method in item
    if method in ("get", "post", "put", "patch", "delete")
]


def test_the_document_is_valid_openapi():
    assert SPEC["openapi"] == "3.0.3" and len(OPERATIONS) > 40
    schemathesis.openapi.from_dict(SPEC).validate()


@pytest.mark.parametrize("path, method", OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_no_input_makes_a_server_error(app, cypher, path, method):
    token = create_person(cypher, "fuzzer", skills=["Python"])
    create_person(cypher, "friend", skills=["Python"])  # someone to act on
    connect(cypher, "fuzzer", "friend")
    operation = schemathesis.openapi.from_wsgi("/openapi.json", app)[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def check(case):
        response = case.call(headers=auth(token))
        assert response.status_code < 500, (method, case.formatted_path, response.text[:500])
        if response.status_code >= 400:
            assert response.headers["content-type"] == ["application/problem+json"]
            check_error_response(
                SPEC,
                method,
                path,
                response.status_code,
                response.headers["content-type"][0],
                response.json(),
            )

    check()
