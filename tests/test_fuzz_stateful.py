"""Stateful fuzzing: schemathesis chains operations along the links of /openapi.json (sign
up, look at the person, invite, accept, introduce, forward, accept ...), each call authorised
as the person it concerns, with generated (valid and invalid) input. Every response: no 5xx,
its status documented, its content type and body what the document says (problem+json
included). After the run the graph's invariants hold.

``make fuzz`` sends MUTUALS_FUZZ_REQUESTS=5000 requests; the suite (and CI) a short slice.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter, defaultdict

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from tqdm import tqdm

from harness.queries import with_bench_queries
from tests.support.graph import connect, create_person

# Split between the two scopes below.
FUZZ_REQUESTS = int(os.environ.get("MUTUALS_FUZZ_REQUESTS") or 300) // 2
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Who acts on an introduction, by the action in its path.
INTRO_ROLES = {"forward": "broker", "decline": "broker", "accept": "target"}


class People:
    """What the scenarios learnt from the answers: tokens, invitations, connections and
    introductions, to authorise each call as the person it concerns."""

    def __init__(self, tokens: dict[str, str], connected: set[frozenset]):
        self.tokens = dict(tokens)
        self.latest = list(tokens)
        self.invited = defaultdict(set)  # invitee -> who invited them
        self.connected = set(connected)  # frozenset pairs
        self.intros = {}  # id -> {"requester": id, "broker": id, "target": id}

    def actor(self, case) -> str:
        path, params, body = case.operation.path, case.path_parameters or {}, case.body
        if path.startswith("/v1/me/requests/incoming/{person_id}"):
            for invitee, inviters in self.invited.items():
                if params.get("person_id") in inviters:
                    return invitee
        if path.startswith("/v1/intros/{intro_id}") and params.get("intro_id") in self.intros:
            roles = self.intros[params["intro_id"]]
            return roles[INTRO_ROLES.get(path.rsplit("/", 1)[-1], "requester")]
        if path == "/v1/intros" and case.method == "POST" and isinstance(body, dict):
            return self.aim_intro(body)
        if path == "/v1/me/requests" and isinstance(body, dict):
            return next((p for p in reversed(self.latest) if p != body.get("to")), self.latest[0])
        return self.latest[-1]

    def aim_intro(self, body: dict) -> str:
        """A requester, broker and target that make an introduction request possible (the
        generated message stays), when the graph has them; else the latest person."""
        pairs = sorted(self.connected, key=sorted)  # the same choice when hypothesis replays
        for pair in pairs:
            for broker in sorted(pair):
                requester = next(iter(pair - {broker}))
                for other in pairs:
                    if broker in other and other != pair:
                        target = next(iter(other - {broker}))
                        if frozenset((requester, target)) not in self.connected:
                            if "between" not in body:  # not the broker-started kind
                                body.update(target=target, broker=broker)
                            return requester
        return self.latest[-1]

    def learn(self, case, actor: str, response) -> None:
        if response.status_code >= 300 or not response.content:
            return
        path, body = case.operation.path, response.json()
        if path == "/v1/people" and case.method == "POST":
            self.tokens[body["person"]["id"]] = body["token"]
            self.latest.append(body["person"]["id"])
        elif path == "/v1/me/requests" and response.status_code == 201:
            self.invited[body["person"]["id"]].add(actor)
        elif path == "/v1/me/requests" or path.endswith("/accept") and "person_id" in path:
            self.connected.add(frozenset((actor, body["person"]["id"])))
        elif path == "/v1/intros" and response.status_code == 201:
            roles = {side["role"]: side["person"]["id"] for side in body["sides"]}
            self.intros[body["id"]] = {"broker": body["broker"]["id"], **roles}


# The social chain alone (sign up, invite, accept, introduce, forward, accept), so that the
# chains get deep; the whole document in the other half of the requests.
SOCIAL = r"^/v1/(people|me/requests.*|intros.*)$"


def broker_and_two(cypher) -> People:
    """Each scenario starts from a broker connected to two people who are not connected to
    each other (new ids each time): an introduction can be asked for from the first step."""
    ids = [f"{role}-{uuid.uuid4().hex[:12]}" for role in ("requester", "broker", "target")]
    tokens = {person_id: create_person(cypher, person_id, skills=["Python"]) for person_id in ids}
    connect(cypher, ids[0], ids[1])
    connect(cypher, ids[1], ids[2])
    return People(tokens, {frozenset(ids[:2]), frozenset(ids[1:])})


@pytest.mark.parametrize("scope", ["social chain", "every operation"])
def test_stateful_fuzzing_follows_the_links_and_every_answer_is_documented(app, cypher, scope):
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    if scope == "social chain":
        schema = schema.include(path_regex=SOCIAL)
    statuses: Counter = Counter()
    succeeded: Counter = Counter()  # 2xx answers per operation: how deep the chains went
    progress = tqdm(total=FUZZ_REQUESTS, desc=f"stateful fuzzing, {scope}", unit="request")

    class Workflow(schema.as_state_machine()):
        def setup(self):
            self.people = broker_and_two(cypher)

        def before_call(self, case):
            self.actor = self.people.actor(case)
            token = self.people.tokens[self.actor]
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}

        def after_call(self, response, case):
            statuses[response.status_code] += 1
            if response.status_code < 300:
                succeeded[f"{case.method} {case.operation.path}"] += 1
            progress.update()
            self.people.learn(case, self.actor, response)

        def validate_response(self, response, case, **kwargs):
            case.validate_response(response, checks=CHECKS)

    run_settings = settings(
        max_examples=50,
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        phases=[Phase.generate],
    )
    with progress:
        while statuses.total() < FUZZ_REQUESTS:
            Workflow.run(settings=run_settings)
    print(
        f"\nstateful fuzzing: {statuses.total()} requests, by status {dict(sorted(statuses.items()))}"
    )

    print(f"2xx by operation: {dict(sorted(succeeded.items()))}")
    assert not any(status >= 500 for status in statuses)
    assert succeeded  # not every request refused: the chains (and tokens) work
    invariants = cypher(
        "MATCH (t:Token) WHERE NOT (t)-[:AUTHENTICATES]->(:Person) RETURN count(t) AS orphan_tokens"
    )
    assert invariants == [{"orphan_tokens": 0}]
    assert with_bench_queries(app.extensions["mutuals"].db).read("network.bench_invariants", 1) == [
        {"duplicate_connections": 0, "duplicate_requests": 0, "requests_beside_connections": 0}
    ]
