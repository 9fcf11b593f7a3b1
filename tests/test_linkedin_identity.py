"""Who a person is on LinkedIn (GET/PUT /v1/me/identity): the profile URL normalised, one
member per profile even under races, email addresses private and kept as keyed hashes."""

from __future__ import annotations

import pytest

from backend.organizations.names import profile_key
from tests.support.auth import AuthActions
from tests.support.races import race


@pytest.fixture
def people(client, cypher) -> AuthActions:
    actors = AuthActions(client)
    for person_id in ("ada", "bea"):
        actors.add(cypher, person_id)
    return actors


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/ana-costa",
        "http://linkedin.com/in/Ana-Costa/",
        "linkedin.com/in/ana-costa",
        "https://de.linkedin.com/in/ana-costa?trk=public_profile&originalSubdomain=de",
        "www.linkedin.com/in/ANA-COSTA/#experience",
        "https://www.linkedin.com/in/ana%2Dcosta",
    ],
)
def test_every_form_of_a_profile_url_is_one_key(url):
    assert profile_key(url) == "in/ana-costa"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/in/ana-costa",
        "https://www.linkedin.com/company/acme",
        "https://www.linkedin.com/in/",
        "https://www.linkedin.com.evil.example/in/ana",
        "not a url",
    ],
)
def test_what_is_not_a_profile_url_has_no_key(url):
    assert profile_key(url) is None


def test_non_ascii_slugs_are_kept_folded():
    assert profile_key("https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller") == "in/jürgen-müller"


def test_the_identity_is_set_read_back_normalised_and_only_by_its_owner(people, cypher):
    body = {
        "linkedin_url": "https://de.linkedin.com/in/Bea-Costa/?trk=x",
        "emails": ["Bea@Example.com", "bea.work@example.org"],
    }
    answer = people.put("bea", "/v1/me/identity", body)
    assert answer.status_code == 200, answer.json
    assert answer.json == {
        "linkedin_url": "https://www.linkedin.com/in/bea-costa",
        "emails": ["bea.work@example.org", "bea@example.com"],
    }
    assert people.get("bea", "/v1/me/identity").json == answer.json
    assert people.get("ada", "/v1/me/identity").json == {"linkedin_url": None, "emails": []}
    seen_by_ada = people.get("ada", "/v1/people/bea").get_data(as_text=True)
    assert "example.com" not in seen_by_ada and "bea-costa" not in seen_by_ada
    # The graph holds keyed hashes to match on, not just the addresses.
    stored = cypher("MATCH (:Person {id: 'bea'})-[:HAS_EMAIL]->(e:Email) RETURN e.hash AS h")
    assert len(stored) == 2 and all(len(row["h"]) == 64 for row in stored)


def test_replacing_the_identity_drops_what_is_left_out(people, cypher):
    people.put("bea", "/v1/me/identity", {"linkedin_url": None, "emails": ["a@example.com"]})
    answer = people.put("bea", "/v1/me/identity", {"linkedin_url": None, "emails": []})
    assert answer.json == {"linkedin_url": None, "emails": []}
    assert cypher("MATCH (e:Email) RETURN count(e) AS n") == [{"n": 0}]


@pytest.mark.parametrize(
    "body",
    [
        {"linkedin_url": "https://example.com/in/bea", "emails": []},
        {"linkedin_url": None, "emails": ["not an address"]},
        {"linkedin_url": None, "emails": [f"a{i}@example.com" for i in range(11)]},
        {"emails": []},
    ],
)
def test_bad_identities_are_refused_and_change_nothing(people, cypher, body):
    answer = people.put("bea", "/v1/me/identity", body)
    assert answer.status_code == 422
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert cypher("MATCH (p:Person) WHERE p.linkedin_key IS NOT NULL RETURN count(p) AS n") == [
        {"n": 0}
    ]


def test_a_profile_on_another_members_profile_is_a_conflict(people):
    url = "https://www.linkedin.com/in/ana-costa"
    assert (
        people.put("ada", "/v1/me/identity", {"linkedin_url": url, "emails": []}).status_code == 200
    )
    answer = people.put("bea", "/v1/me/identity", {"linkedin_url": url + "/", "emails": []})
    assert answer.status_code == 409
    assert people.get("bea", "/v1/me/identity").json["linkedin_url"] is None


def test_one_address_on_two_profiles_is_allowed_and_tells_nothing(people):
    """An address is not verified: refusing the second would tell them the first exists."""
    body = {"linkedin_url": None, "emails": ["shared@example.com"]}
    assert people.put("ada", "/v1/me/identity", body).status_code == 200
    assert people.put("bea", "/v1/me/identity", body).status_code == 200


def test_twelve_people_claiming_one_profile_at_once_leave_one_holder(live_server, cypher):
    actors = AuthActions(None)
    body = {"linkedin_url": "https://www.linkedin.com/in/ana-costa", "emails": []}
    calls = [
        ("PUT", f"{live_server}/v1/me/identity", actors.add(cypher, f"p{i}"), body)
        for i in range(12)
    ]
    statuses = sorted(response.status_code for response in race(calls))
    assert statuses == [200] + [409] * 11
    assert cypher("MATCH (p:Person {linkedin_key: 'in/ana-costa'}) RETURN count(p) AS n") == [
        {"n": 1}
    ]


def test_the_export_has_the_addresses_and_deleting_the_account_removes_them(people, cypher):
    body = {"linkedin_url": "https://www.linkedin.com/in/bea", "emails": ["bea@example.com"]}
    people.put("bea", "/v1/me/identity", body)
    sections = people.get("bea", "/v1/me/export").json["sections"]
    assert [e["address"] for e in sections["emails"]] == ["bea@example.com"]
    assert sections["profile"][0]["linkedin_url"] == "https://www.linkedin.com/in/bea"
    assert people.delete("bea", "/v1/me", json={"confirm": "bea"}).status_code == 204
    assert cypher("MATCH (e:Email) RETURN count(e) AS n") == [{"n": 0}]
