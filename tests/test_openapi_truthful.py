"""/openapi.json tells the truth about errors, and a client generated from it works.

Every documented error response is application/problem+json with the Problem schema
(ValidationProblem, with `errors` per field, for 422); real error answers validate against
the document; openapi-python-client builds a client from the live document, and that client
drives sign-up -> request -> accept -> 2nd degree -> introduction against gunicorn."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import requests

from backend import create_app
from tests.support.auth import AuthActions
from tests.support.graph import auth, connect, create_person
from tests.support.openapi import PROBLEM_MIME, check_error_response, documented_response

SPEC = create_app().test_client().get("/openapi.json").json  # building it needs no database
METHODS = ("get", "post", "put", "patch", "delete")


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        node = SPEC["components"]["responses"][node["$ref"].rsplit("/", 1)[1]]
    return node


def test_every_documented_error_is_problem_json_with_the_real_schema():
    seen = 0
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            for status, response in item.get(method, {}).get("responses", {}).items():
                if status != "default" and int(status) < 400:
                    continue
                seen += 1
                content = _resolve(response).get("content")
                assert list(content or {}) == [PROBLEM_MIME], (method, path, status, content)
                want = "ValidationProblem" if status == "422" else "Problem"
                assert content[PROBLEM_MIME]["schema"] == {"$ref": f"#/components/schemas/{want}"}
    assert seen > 100
    assert "Error" not in SPEC["components"]["schemas"]  # flask-smorest's own, never answered
    problem = SPEC["components"]["schemas"]["Problem"]
    assert problem["required"] == ["type", "title", "status"]
    assert set(problem["properties"]) == {"type", "title", "status", "detail", "errors"}
    assert "errors" in SPEC["components"]["schemas"]["ValidationProblem"]["required"]


def test_the_checker_refuses_what_the_old_document_said():
    """The check below can fail: flask-smorest's default error body does not validate."""
    with pytest.raises(jsonschema.ValidationError):
        check_error_response(
            SPEC,
            "GET",
            "/v1/me",
            401,
            PROBLEM_MIME,
            {"code": 401, "status": "Unauthorized", "message": "x"},
        )
    with pytest.raises(AssertionError):
        check_error_response(
            SPEC,
            "GET",
            "/v1/me",
            401,
            "application/json",
            {"type": "about:blank", "title": "Unauthorized", "status": 401},
        )


def test_real_error_responses_validate_against_the_document(client, cypher):
    token = create_person(cypher, "ana")
    create_person(cypher, "ben")
    connect(cypher, "ana", "ben")
    cases = [
        ("GET", "/v1/me", {}, None, 401),
        ("GET", "/v1/people/nobody", auth(token), None, 404),
        ("POST", "/v1/me/requests", auth(token), {"to": "ben"}, 409),
        ("POST", "/v1/me/requests", auth(token), {"to": "ana"}, 422),
        ("POST", "/v1/me/requests", auth(token), {"to": "ben", "bogus": 1}, 422),
        ("POST", "/v1/me/requests", auth(token), {"to": "ben", "note": "x" * 5000}, 422),
        ("GET", "/v1/me/second-degree?limit=1000", auth(token), None, 422),
        (
            "POST",
            "/v1/intros",
            auth(token),
            {"target": "nobody", "broker": "ben", "message": "hi"},
            404,
        ),
        ("GET", "/v1/intros/6f1c0e1e-0000-4000-8000-000000000000", auth(token), None, 404),
        ("POST", "/v1/people", {}, {"name": ""}, 422),
    ]
    for method, path, headers, body, status in cases:
        response = client.open(path, method=method, headers=headers, json=body)
        assert response.status_code == status, (method, path, response.get_json())
        check_error_response(
            SPEC,
            method,
            path.split("?")[0],
            status,
            response.headers["Content-Type"],
            response.get_json(),
        )
    # A body that is not JSON at all (415) and one that is not an object are problems too.
    response = AuthActions(client, {"ana": token}).post(
        "ana", "/v1/me/requests", data="to=ben", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    check_error_response(
        SPEC, "POST", "/v1/me/requests", 415, response.headers["Content-Type"], response.get_json()
    )


def test_422_answers_name_each_field(client, cypher):
    ana = AuthActions(client)
    ana.add(cypher, "ana")
    response = ana.post("ana", "/v1/me/requests", {"to": 5, "extra": True})
    body = response.get_json()
    assert response.status_code == 422 and set(body["errors"]) == {"to", "extra"}
    assert documented_response(SPEC, "POST", "/v1/me/requests", 422)["content"][PROBLEM_MIME]


# -- a generated client against the live server -------------------------------------------

GENERATOR_CONFIG = "post_hooks: []\n"  # no formatter run: the code is only imported


@pytest.fixture(scope="module")
def generated_client(live_server, tmp_path_factory):
    """openapi-python-client's package, generated from the live server's /openapi.json."""
    out = tmp_path_factory.mktemp("generated")
    (out / "openapi.json").write_text(
        json.dumps(requests.get(live_server + "/openapi.json", timeout=30).json())
    )
    (out / "config.yml").write_text(GENERATOR_CONFIG)
    generator = Path(sys.executable).parent / "openapi-python-client"
    proc = subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(out / "openapi.json"),
            "--config",
            str(out / "config.yml"),
            "--meta",
            "none",
            "--output-path",
            str(out / "mutuals_client"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Warning" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("mutuals_client")
    finally:
        sys.path.remove(str(out))
        for name in [
            n for n in sys.modules if n == "mutuals_client" or n.startswith("mutuals_client.")
        ]:
            del sys.modules[name]


def test_a_generated_client_drives_the_main_flow(generated_client, live_server, database):
    mc = generated_client
    api = importlib.import_module("mutuals_client.api")
    people = importlib.import_module("mutuals_client.api.people.post_v1_people")
    ask = importlib.import_module("mutuals_client.api.connections.post_v1_me_requests")
    accept = importlib.import_module(
        "mutuals_client.api.connections.post_v1_me_requests_incoming_person_id_accept"
    )
    second = importlib.import_module("mutuals_client.api.network.get_v1_me_second_degree")
    intro = importlib.import_module("mutuals_client.api.intros.post_v1_intros")
    models = importlib.import_module("mutuals_client.models")
    assert api is not None

    anonymous = mc.Client(base_url=live_server)

    def generated_client_of_new_person(name: str, profession: str):
        """Signs up with the generated client: the id, and a client acting as them."""
        response = people.sync_detailed(
            client=anonymous, body=models.SignUp(name=name, profession=profession)
        )
        assert response.status_code == 201, response.content
        signed = response.parsed
        assert isinstance(signed, models.SignedUp)
        return signed.person.id, mc.AuthenticatedClient(base_url=live_server, token=signed.token)

    ana_id, ana = generated_client_of_new_person("Ana Client", "Software Engineer")
    ben_id, ben = generated_client_of_new_person("Ben Client", "Recruiter")
    cara_id, cara = generated_client_of_new_person("Cara Client", "Product Manager")

    for sender, recipient, recipient_id, sender_id in (
        (ana, ben, ben_id, ana_id),
        (ben, cara, cara_id, ben_id),
    ):
        made = ask.sync_detailed(client=sender, body=models.RequestCreate(to=recipient_id))
        assert made.status_code == 201, made.content
        accepted = accept.sync_detailed(person_id=sender_id, client=recipient)
        assert accepted.status_code == 201, accepted.content
        assert isinstance(accepted.parsed, models.Connection)

    page = second.sync(client=ana)
    assert isinstance(page, models.SecondDegreePage)
    assert [(item.id, item.mutual_count) for item in page.items] == [(cara_id, 1)]

    made = intro.sync_detailed(
        client=ana,
        body=models.CreateIntro(
            target=cara_id, broker=ben_id, message="Ben, could you introduce me to Cara?"
        ),
    )
    assert made.status_code == 201, made.content
    assert isinstance(made.parsed, models.Introduction) and made.parsed.state == "requested"

    # Errors arrive as the documented models, not as flask-smorest's Error.
    again = ask.sync_detailed(client=ana, body=models.RequestCreate(to=ben_id))
    assert again.status_code == 409 and isinstance(again.parsed, models.Problem)
    assert again.parsed.status == 409 and again.parsed.title == "Conflict"
    bad = ask.sync_detailed(client=ana, body=models.RequestCreate(to=ana_id))
    assert bad.status_code == 422 and isinstance(bad.parsed, models.ValidationProblem)
    assert "to" in bad.parsed.errors.to_dict()
