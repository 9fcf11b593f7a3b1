"""GET /v1/people: name part, location, industry, profession, skill; name order; pages."""

from __future__ import annotations

import pytest

from backend.pagination import encode_cursor
from tests.support.auth import AuthActions
from tests.support.graph import connect, create_person

PEOPLE = [
    # id, name, location, industry, profession, skills
    ("p1", "Ada Lovelace", "London", "Technology", "Software Engineer", ["Mathematics", "Poetry"]),
    ("p2", "Alan Turing", "Manchester", "Technology", "Data Scientist", ["mathematics"]),
    ("p3", "Grace Hopper", "New York", "Technology", "Software Engineer", ["COBOL"]),
    ("p4", "Adam Smith", "London", "Financial Services", "Financial Analyst", []),
    ("p5", "ada lovelace", "Paris", "Media", "Journalist", ["Writing"]),
]


@pytest.fixture
def people(cypher, client):
    """The people above, and me (Ada Me, London), whom the tests act as."""
    for pid, name, location, industry, profession, skills in PEOPLE:
        create_person(
            cypher,
            pid,
            name=name,
            location=location,
            industry=industry,
            profession=profession,
            skills=skills,
        )
    return AuthActions(
        client, {"me": create_person(cypher, "me", name="Ada Me", location="London")}
    )


def found(people, query: str) -> list[str]:
    response = people.get("me", f"/v1/people?{query}")
    assert response.status_code == 200, response.json
    return [person["id"] for person in response.json["items"]]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["p1", "p5", "p4", "p2", "p3"]),  # everyone but me, by name (any case), then id
        ("q=ADA", ["p1", "p5", "p4"]),  # name part, any case; never the caller
        ("q=love", ["p1", "p5"]),
        ("q=", ["p1", "p5", "p4", "p2", "p3"]),  # a blank name part filters nothing
        ("location=London", ["p1", "p4"]),
        ("location=london", []),  # facets match exactly
        ("industry=Technology", ["p1", "p2", "p3"]),
        ("profession=Software%20Engineer", ["p1", "p3"]),
        ("skill=MATHEMATICS", ["p1", "p2"]),  # skills match in any case
        ("q=a&industry=Technology&skill=mathematics", ["p1", "p2"]),
        ("q=ada&location=Paris", ["p5"]),
        ("q=nobody", []),
    ],
)
def test_filters(people, query, expected):
    assert found(people, query) == expected


def test_pages_follow_the_cursor(people):
    seen, cursor = [], None
    while True:
        response = people.get("me", "/v1/people?limit=2" + (f"&cursor={cursor}" if cursor else ""))
        assert response.status_code == 200
        assert len(response.json["items"]) <= 2
        seen += [p["id"] for p in response.json["items"]]
        cursor = response.json["next_cursor"]
        if cursor is None:
            break
    assert seen == ["p1", "p5", "p4", "p2", "p3"]
    named = people.get("me", "/v1/people?q=love&limit=1").json
    rest = people.get("me", f"/v1/people?q=love&limit=1&cursor={named['next_cursor']}").json
    assert [p["id"] for p in named["items"] + rest["items"]] == ["p1", "p5"]
    assert rest["next_cursor"] is None


def test_results_are_summaries(people):
    assert people.get("me", "/v1/people?q=grace").json["items"] == [
        {
            "id": "p3",
            "name": "Grace Hopper",
            "headline": None,
            "location": "New York",
            "industry": "Technology",
            "profession": "Software Engineer",
            "degree": None,
            "mutual_count": 0,
        }
    ]


@pytest.mark.parametrize(
    "query, field",
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("cursor=garbage", "cursor"),
        (f"cursor={encode_cursor([1, 2])}", "cursor"),
        ("q=" + "a" * 101, "q"),
        ("location=" + "x" * 101, "location"),
    ],
)
def test_bad_arguments_are_422_naming_the_field(people, query, field):
    response = people.get("me", f"/v1/people?{query}")
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert field in response.json["errors"]


def test_search_needs_a_token(client, people):
    assert client.get("/v1/people?q=ada").status_code == 401


def test_degree_filter_and_badges(cypher, people):
    # me - p1 - p2 - p3 - p4: p1 is 1st, p2 2nd (one mutual: p1), p3 3rd, p4 beyond.
    for a, b in (("me", "p1"), ("p1", "p2"), ("p2", "p3"), ("p3", "p4")):
        connect(cypher, a, b)
    assert found(people, "degree=1") == ["p1"]
    assert found(people, "degree=2,3") == ["p2", "p3"]
    assert found(people, "degree=1,2,3&q=ada") == ["p1"]  # not p4, Adam Smith: 4 hops
    assert found(people, "degree=3&location=London") == []
    page = people.get("me", "/v1/people?degree=1,2&limit=1").json
    assert [(p["id"], p["degree"], p["mutual_count"]) for p in page["items"]] == [("p1", 1, 0)]
    rest = people.get("me", f"/v1/people?degree=1,2&limit=1&cursor={page['next_cursor']}").json
    assert [(p["id"], p["degree"], p["mutual_count"]) for p in rest["items"]] == [("p2", 2, 1)]
    everyone = people.get("me", "/v1/people").json["items"]
    assert {p["id"]: p["degree"] for p in everyone} == {
        "p1": 1,
        "p2": 2,
        "p3": 3,
        "p4": None,
        "p5": None,
    }


@pytest.mark.parametrize("degree", ["0", "4", "x", "1,,2", "1,2,3,1"])
def test_bad_degree_filter_is_422(people, degree):
    response = people.get("me", f"/v1/people?degree={degree}")
    assert response.status_code == 422
    assert "degree" in response.json["errors"]


def test_profile_carries_degree_and_mutual_count(cypher, people):
    connect(cypher, "me", "p1")
    connect(cypher, "p1", "p2")
    profile = people.get("me", "/v1/people/p2").json
    assert (profile["degree"], profile["mutual_count"]) == (2, 1)
    assert "degree" not in people.get("me", "/v1/me").json
