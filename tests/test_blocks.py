"""Blocking and deleting an account: what goes, what stays, and who sees what."""

from __future__ import annotations

from tests.support.auth import AuthActions
from tests.support.graph import connect, create_person


def add_intro(cypher, intro_id, requester, broker, target, state, follow_ups=0):
    """An Introduction as the data model has it, with follow-ups."""
    cypher(
        "MATCH (r:Person {id: $r}), (b:Person {id: $b}), (t:Person {id: $t}) "
        "CREATE (r)-[:REQUESTED_INTRO]->(i:Introduction {id: $id, state: $state, "
        "created_at: datetime(), updated_at: datetime()})<-[:BROKERS]-(b), (i)-[:TO]->(t) "
        "WITH i UNWIND range(1, $n) AS k "
        "CREATE (i)-[:HAS_FOLLOW_UP]->(:FollowUp {id: $id + '-' + k, kind: 'call', at: datetime()})",
        r=requester,
        b=broker,
        t=target,
        id=intro_id,
        state=state,
        n=follow_ups,
    )


def intro_ids(cypher) -> list[str]:
    return sorted(r["id"] for r in cypher("MATCH (i:Introduction) RETURN i.id AS id"))


def test_block_ends_everything_between_the_two(client, cypher):
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("a", "b", "c")})
    connect(cypher, "a", "b")
    connect(cypher, "a", "c")
    connect(cypher, "b", "c")
    cypher(
        "MATCH (a:Person {id: 'a'}), (b:Person {id: 'b'}), (c:Person {id: 'c'}) "
        "CREATE (a)-[:CLOSENESS {level: 'close'}]->(b), (b)-[:CLOSENESS {level: 'known'}]->(a), "
        "(a)-[:CLOSENESS {level: 'close'}]->(c), (b)-[:REQUESTED {state: 'pending', pair: 'b|a'}]->(a)"
    )
    add_intro(cypher, "open-ab", "a", "c", "b", "requested", follow_ups=1)  # a and b are parties
    add_intro(cypher, "open-ba", "c", "a", "b", "introduced")  # a brokers to b
    add_intro(cypher, "done-ab", "a", "c", "b", "accepted", follow_ups=2)  # history stays
    add_intro(cypher, "open-ac", "a", "b", "c", "requested")  # b brokers for a: both parties
    cypher(
        "MATCH (x:Person {id: 'c'}), (y:Person {id: 'a'}) CREATE (x)-[:REQUESTED_INTRO]->"
        "(:Introduction {id: 'open-other', state: 'requested'})-[:TO]->(y)"
    )  # b is no party

    assert people.put("a", "/v1/me/blocks/b").status_code == 204

    assert cypher("MATCH (a:Person {id: 'a'})-[r]-(b:Person {id: 'b'}) RETURN type(r) AS t") == [
        {"t": "BLOCKED"}
    ]
    assert intro_ids(cypher) == ["done-ab", "open-other"]
    assert cypher("MATCH (f:FollowUp) RETURN count(f) AS n") == [{"n": 2}]
    # What a and c have, and b and c have, is untouched.
    assert cypher("MATCH (:Person {id: 'c'})-[r:CONNECTED_TO]-() RETURN count(r) AS n") == [
        {"n": 2}
    ]
    assert cypher(
        "MATCH (:Person {id: 'a'})-[k:CLOSENESS]->(:Person {id: 'c'}) RETURN k.level AS l"
    ) == [{"l": "close"}]
    # Hidden from each other, both ways.
    for me, other in (("a", "b"), ("b", "a")):
        assert people.get(me, f"/v1/people/{other}").status_code == 404
        assert people.get(me, f"/v1/people/{other}/connections").status_code == 404
        assert people.post(me, "/v1/me/requests", {"to": other}).status_code == 404
        found = people.get(me, "/v1/people?q=person").json["items"]
        assert [p["id"] for p in found] == ["c"]
        on_c = people.get(me, "/v1/people/c/connections").json["items"]
        assert [p["id"] for p in on_c] == [me]


def test_unblock_restores_nothing(client, cypher):
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("a", "b")})
    connect(cypher, "a", "b")
    assert people.put("a", "/v1/me/blocks/b").status_code == 204
    assert people.put("a", "/v1/me/blocks/b").status_code == 204  # idempotent
    listed = people.get("a", "/v1/me/blocks")
    assert [item["person"]["id"] for item in listed.json["items"]] == ["b"]
    assert people.delete("a", "/v1/me/blocks/b").status_code == 204
    assert people.delete("a", "/v1/me/blocks/b").status_code == 404
    assert people.get("a", "/v1/people/b").status_code == 200
    assert cypher("MATCH (:Person)-[r]-(:Person) RETURN count(r) AS n") == [{"n": 0}]
    assert people.post("b", "/v1/me/requests", {"to": "a"}).status_code == 201


def test_block_refusals(client, cypher):
    people = AuthActions(client)
    people.add(cypher, "a")
    create_person(cypher, "b")
    response = people.put("a", "/v1/me/blocks/a")
    assert response.status_code == 422 and "person_id" in response.json["errors"]
    assert people.put("a", "/v1/me/blocks/nobody").status_code == 404
    assert people.delete("a", "/v1/me/blocks/b").status_code == 404
    assert cypher("MATCH ()-[r:BLOCKED]->() RETURN count(r) AS n") == [{"n": 0}]


def test_both_may_block_each_other(client, cypher):
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("a", "b")})
    assert people.put("a", "/v1/me/blocks/b").status_code == 204
    assert people.put("b", "/v1/me/blocks/a").status_code == 204
    assert people.delete("a", "/v1/me/blocks/b").status_code == 204
    assert people.get("a", "/v1/people/b").status_code == 404  # b's block stands


OTHERS_ONLY = """
MATCH (n) WHERE NOT n:__MutualsMigration AND NOT n:Profession
  AND NOT (n:Person AND n.id = $gone)
  AND NOT EXISTS { (n:Token)-[:AUTHENTICATES]->(:Person {id: $gone}) }
  AND NOT EXISTS { (n:Introduction)-[:REQUESTED_INTRO|BROKERS|TO]-(:Person {id: $gone}) }
  AND NOT EXISTS { (n:FollowUp)<-[:HAS_FOLLOW_UP]-(:Introduction)-[:REQUESTED_INTRO|BROKERS|TO]-(:Person {id: $gone}) }
RETURN collect(elementId(n)) AS ids
"""


def fingerprint_of(cypher, element_ids) -> list:
    nodes = cypher(
        "MATCH (n) WHERE elementId(n) IN $ids RETURN labels(n) AS l, properties(n) AS p",
        ids=element_ids,
    )
    rels = cypher(
        "MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids "
        "RETURN type(r) AS t, properties(r) AS p, elementId(a) AS a, elementId(b) AS b",
        ids=element_ids,
    )
    return sorted(map(repr, nodes)) + sorted(map(repr, rels))


def test_delete_account_removes_the_person_and_changes_nobody_elses_data(client, cypher):
    people = AuthActions(
        client, {pid: create_person(cypher, pid) for pid in ("gone", "a", "b", "c")}
    )
    cypher(
        "MATCH (g:Person {id: 'gone'}) CREATE (:Token {hash: 'second', created_at: datetime()})-[:AUTHENTICATES]->(g)"
    )
    for pair in (("gone", "a"), ("gone", "b"), ("a", "b"), ("b", "c")):
        connect(cypher, *pair)
    assert people.post("gone", "/v1/me/requests", {"to": "c"}).status_code == 201
    assert people.post("a", "/v1/me/requests", {"to": "c"}).status_code == 201
    assert (
        people.put("gone", "/v1/me/connections/a/closeness", {"closeness": "close"}).status_code
        == 200
    )
    assert (
        people.put("b", "/v1/me/connections/gone/closeness", {"closeness": "known"}).status_code
        == 200
    )
    assert (
        people.put("b", "/v1/me/connections/c/closeness", {"closeness": "known"}).status_code == 200
    )
    assert people.put("c", "/v1/me/blocks/gone").status_code == 204
    add_intro(cypher, "as-requester", "gone", "a", "b", "requested", follow_ups=1)
    add_intro(cypher, "as-broker", "a", "gone", "b", "accepted", follow_ups=2)
    add_intro(cypher, "as-target", "b", "a", "gone", "declined")
    add_intro(cypher, "not-theirs", "a", "b", "c", "introduced", follow_ups=1)
    kept_ids = cypher(OTHERS_ONLY, gone="gone")[0]["ids"]
    before = fingerprint_of(cypher, kept_ids)

    assert people.delete("gone", "/v1/me", json={"confirm": "gone"}).status_code == 204

    remaining = cypher(
        "MATCH (n) WHERE NOT n:__MutualsMigration AND NOT n:Profession "
        "RETURN collect(elementId(n)) AS ids"
    )[0]["ids"]
    assert sorted(remaining) == sorted(kept_ids)
    assert fingerprint_of(cypher, kept_ids) == before
    assert intro_ids(cypher) == ["not-theirs"]
    assert cypher("MATCH (t:Token) RETURN count(t) AS n") == [{"n": 3}]
    assert people.get("gone", "/v1/me").status_code == 401
    assert people.get("a", "/v1/people/gone").status_code == 404
    assert people.delete("gone", "/v1/me", json={"confirm": "gone"}).status_code == 401


def test_blocked_people_are_never_in_search(client, cypher):
    people = AuthActions(client)
    people.add(cypher, "me", name="Person me")
    create_person(cypher, "x", name="Xavier")
    create_person(cypher, "y", name="Xena")
    cypher(
        "MATCH (a:Person {id: 'y'}), (b:Person {id: 'me'}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)"
    )
    assert [p["id"] for p in people.get("me", "/v1/people?q=x").json["items"]] == ["x"]
