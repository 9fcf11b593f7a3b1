"""Organizations and schools as nodes: the normaliser, keys (name, domain, LinkedIn page),
aliases, one node under racing requests, the typeahead and the organization page."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from backend.organizations.names import LEGAL_FORMS, domain_key, linkedin_key, name_key
from tests.support.auth import AuthActions
from tests.support.races import race


def test_the_normaliser_merges_spellings_of_acme_and_keeps_acme_bank_apart():
    assert {name_key(n) for n in ("Acme, Inc.", "ACME inc", "Acme Inc", " acme  INC ")} == {"acme"}
    assert name_key("Acme Bank") == "acme bank"
    assert name_key("Nestlé S.A.") == name_key("NESTLE S. A.") == "nestle"
    assert name_key("Foo GmbH & Co. KG") == name_key("Foo Ltd") == "foo"
    assert name_key("AT&T Inc.") == name_key("AT and T") == "at and t"
    assert name_key("Company") == "company"  # a name that is only a legal form keeps it


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8).filter(
    lambda w: w not in LEGAL_FORMS and w != "and"
)


@given(
    base=st.lists(words, min_size=1, max_size=3),
    suffix=st.sampled_from(["", " Inc.", ", Inc", " LLC", " GmbH", " S.A.", " Ltd", " plc"]),
    upper=st.booleans(),
    spaces=st.sampled_from([" ", "  ", " \t"]),
)
def test_spellings_of_one_name_share_a_key_and_another_word_tells_apart(
    base, suffix, upper, spaces
):
    plain = " ".join(base)
    spelled = spaces.join(base) + suffix
    spelled = spelled.upper() if upper else spelled.title()
    assert name_key(spelled) == name_key(plain) == plain
    assert name_key(spelled + " Bank") != name_key(plain)


def test_domains_and_linkedin_pages_are_read_from_urls():
    assert domain_key("https://www.Acme.com/about") == domain_key("acme.com:443") == "acme.com"
    assert domain_key("not a domain") is None
    assert linkedin_key("https://www.linkedin.com/company/Acme-Inc/") == "acme-inc"
    assert linkedin_key("https://example.com/company/acme") is None


def position(organization, **more) -> dict:
    return {"organization": organization, "title": "Engineer", "start": "2020-01", **more}


def organization_count(cypher) -> int:
    return cypher("MATCH (o:Organization) RETURN count(o) AS n")[0]["n"]


def test_spellings_find_one_organization_and_a_bank_is_another(client, cypher):
    people = AuthActions(client)
    for who in ("ada", "bob", "cy", "di"):
        people.add(cypher, who)
    ids = set()
    for who, name in (("ada", "Acme, Inc."), ("bob", "ACME inc"), ("cy", "Acme Inc")):
        response = people.post(who, "/v1/me/positions", position({"name": name}))
        assert response.status_code == 201, response.json
        ids.add(response.json["organization"]["id"])
    assert len(ids) == 1
    bank = people.post("di", "/v1/me/positions", position({"name": "Acme Bank"})).json
    assert bank["organization"]["id"] not in ids
    assert organization_count(cypher) == 2
    page = people.get("ada", f"/v1/organizations/{ids.pop()}").json
    assert (page["name"], page["kind"], page["current"], page["former"]) == (
        "Acme, Inc.",
        "company",
        3,
        0,
    )


def test_a_domain_is_a_stronger_key_than_a_name(client, cypher):
    people = AuthActions(client)
    for who in ("ada", "bob", "cy", "di"):
        people.add(cypher, who)
    acme = people.post("ada", "/v1/me/positions", position({"name": "Acme"})).json
    # The same name with a domain: the same organization, which now has that domain.
    with_domain = people.post(
        "bob", "/v1/me/positions", position({"name": "ACME Inc", "domain": "https://acme.com"})
    ).json
    assert with_domain["organization"]["id"] == acme["organization"]["id"]
    assert with_domain["organization"]["domain"] == "acme.com"
    # Another name with that domain: the same one again, and the name becomes an alias.
    renamed = people.post(
        "cy", "/v1/me/positions", position({"name": "Acme Holdings", "domain": "www.acme.com"})
    ).json
    assert renamed["organization"]["id"] == acme["organization"]["id"]
    # The same name with another domain: another organization.
    other = people.post(
        "di", "/v1/me/positions", position({"name": "Acme", "domain": "acme.de"})
    ).json
    assert other["organization"]["id"] != acme["organization"]["id"]
    page = people.get("ada", f"/v1/organizations/{acme['organization']['id']}").json
    assert page["aliases"] == ["Acme Holdings"]
    hits = people.get("ada", "/v1/organizations", q="holdings").json["items"]
    assert [hit["id"] for hit in hits] == [acme["organization"]["id"]]


def test_a_linkedin_page_finds_its_organization_whatever_the_name(client, cypher):
    people = AuthActions(client)
    people.add(cypher, "ada")
    page = "https://www.linkedin.com/company/acme-corp"
    first = people.post(
        "ada", "/v1/me/positions", position({"name": "Acme", "linkedin_url": page})
    ).json
    second = people.post(
        "ada",
        "/v1/me/positions",
        position({"name": "Acme Corporation Worldwide", "linkedin_url": page}),
    ).json
    assert first["organization"]["id"] == second["organization"]["id"]


def test_two_people_adding_two_spellings_at_once_make_one_organization(live_server, cypher):
    people = AuthActions(None)
    calls = []
    for i in range(12):
        token = people.add(cypher, f"p{i}")
        name = ("Acme Inc", "ACME inc.", "acme, INC")[i % 3]
        calls.append(("POST", f"{live_server}/v1/me/positions", token, position({"name": name})))
    responses = race(calls)
    assert all(response.status_code == 201 for response in responses)
    assert organization_count(cypher) == 1
    assert cypher("MATCH (:Person)-[w:WORKED_AT]->() RETURN count(w) AS n") == [{"n": 12}]


def test_typeahead_puts_names_starting_with_the_words_first(client, cypher):
    people = AuthActions(client)
    people.add(cypher, "ada")
    for name in ("Northwind Labs", "Great North Bank", "Southwind", "North Star Academy"):
        people.post("ada", "/v1/me/positions", position({"name": name}))
    people.post("ada", "/v1/me/education", {"school": {"name": "Northwestern University"}})
    hits = people.get("ada", "/v1/organizations", q="north").json["items"]
    names = [hit["name"] for hit in hits]
    assert set(names[:3]) == {"Northwind Labs", "North Star Academy", "Northwestern University"}
    assert names[3:] == ["Great North Bank"]
    assert [
        h["name"] for h in people.get("ada", "/v1/organizations", q="North LAB").json["items"]
    ] == ["Northwind Labs"]
    schools = people.get("ada", "/v1/organizations", q="north", kind="school").json["items"]
    assert [hit["name"] for hit in schools] == ["Northwestern University"]
    assert schools[0]["people"] == 1


def test_typeahead_refuses_a_query_without_words(client, cypher):
    people = AuthActions(client)
    people.add(cypher, "ada")
    for q in ("", "!!", "*"):
        response = people.get("ada", "/v1/organizations", q=q)
        assert response.status_code == 422, q
        assert "q" in response.json["errors"]


def test_an_unknown_organization_is_404(client, cypher):
    people = AuthActions(client)
    people.add(cypher, "ada")
    assert people.get("ada", "/v1/organizations/nope").status_code == 404
