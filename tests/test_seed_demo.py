"""``mutuals seed demo``: deterministic, idempotent, with the 1,700+ career coach."""

from __future__ import annotations

import re

from backend.recommendations.demo import ENDORSEMENTS
from backend.seed import demo, demo_careers
from tests.support.cli import graph_counts, graph_snapshot, run_cli


def test_demo_network_is_complete_and_idempotent(app, cypher):
    first = run_cli(app, "seed", "demo", "--no-progress")
    assert first.exit_code == 0, first.output
    assert "demo-coach" in first.output and "demo-ana" in first.output
    totals = graph_counts(cypher)
    assert totals["people"] == demo.GENERATED + len(demo.SHOWCASE) == 2000
    assert totals["requests"] > len(demo.SHOWCASE_REQUESTS)

    coach = cypher(
        "MATCH (c:Person {id: 'demo-coach'}) "
        "RETURN c.profession AS profession, COUNT { (c)-[:CONNECTED_TO]-() } AS degree"
    )[0]
    assert coach["profession"] == "Career Coach" and coach["degree"] >= 1700
    assert cypher(
        "MATCH (:Person)-[r:REQUESTED {state: 'pending'}]->(:Person {id: 'demo-ana'}) "
        "RETURN count(r) AS n"
    ) == [{"n": 2}]
    # Named people with realistic profiles, in the reference professions.
    assert cypher(
        "MATCH (p:Person) WHERE p.name IS NULL OR p.headline IS NULL OR p.location IS NULL "
        "OR size(p.skills) = 0 OR NOT EXISTS { MATCH (:Profession {name: p.profession}) } "
        "RETURN count(p) AS n"
    ) == [{"n": 0}]

    # Introductions in several states, recommendations and endorsements among the showcase.
    states = {r["state"] for r in cypher("MATCH (i:Introduction) RETURN DISTINCT i.state AS state")}
    assert {"requested", "introduced", "accepted", "declined"} <= states
    assert cypher(
        "MATCH (:Introduction {state: 'accepted'})-[:HAS_FOLLOW_UP]->(f:FollowUp) "
        "RETURN count(f) > 0 AS ok"
    ) == [{"ok": True}]
    rec_states = {
        r["state"] for r in cypher("MATCH (r:Recommendation) RETURN DISTINCT r.state AS state")
    }
    assert rec_states == {"requested", "pending", "accepted", "hidden"}
    endorsements = cypher(
        "MATCH (e:Person)-[x:ENDORSED]->(p:Person) RETURN count(x) AS all, "
        "count(CASE WHEN EXISTS { (e)-[:CONNECTED_TO]-(p) } AND x.skill IN p.skills "
        "THEN x END) AS valid"
    )[0]
    assert endorsements["all"] == endorsements["valid"] == len(ENDORSEMENTS)

    # Careers tell the story: the showcase's jobs and schools at organizations the generated
    # people work at too, the coach's clients' boards shared with her, her read in Ana's log.
    assert cypher(
        "MATCH (p:Person)-[w:WORKED_AT]->(o:Organization) WHERE p.id STARTS WITH 'demo-' "
        "AND NOT p.id STARTS WITH 'demo-p' RETURN count(w) AS n"
    ) == [{"n": len(demo_careers.POSITIONS)}]
    assert cypher(
        "MATCH (o:Organization {kind: 'company'}) WHERE o.name IN $names "
        "RETURN o.name AS name, COUNT { (o)<-[:WORKED_AT]-(:Person) } > 1 AS staffed "
        "ORDER BY name",
        names=list(demo_careers.NAMED["company"].values()),
    ) == [{"name": n, "staffed": True} for n in sorted(demo_careers.NAMED["company"].values())]
    assert cypher(
        "MATCH (:Person {id: 'demo-ana'})-[w:WORKED_AT]->(o) WHERE w.end IS NULL "
        "RETURN o.name AS name, w.title AS title"
    ) == [{"name": "Northwind Labs", "title": "Senior Software Engineer"}]
    boards = cypher(
        "MATCH (s:Person)-[t:TARGETS]->(o:Organization) RETURN s.id AS seeker, "
        "collect(o.name) AS names, EXISTS { (s)-[:SHARES_BOARD]->(:Person {id: 'demo-coach'}) } "
        "AS shared ORDER BY seeker"
    )
    assert [(b["seeker"], len(b["names"]), b["shared"]) for b in boards] == [
        ("demo-ana", 3, True),
        ("demo-chloe", 2, True),
        ("demo-grace", 2, True),
    ]
    assert cypher("MATCH (r:BoardRead) RETURN count(r) AS n") == [{"n": 1}]
    # Each generated person has a career, each showcase person at least one position.
    assert cypher(
        "MATCH (p:Person) WHERE NOT EXISTS { (p)-[:WORKED_AT]->() } RETURN count(p) AS n"
    ) == [{"n": 0}]

    before = graph_snapshot(cypher)
    again = run_cli(app, "seed", "demo", "--no-progress")
    assert again.exit_code == 0
    assert set(re.findall(r"\(([\d,]+) new\)", again.output)) == {"0"}
    assert "demo targets: already there" in again.output
    assert graph_snapshot(cypher) == before
