"""Network views: the same answers as the live queries and plain Python, own changes at once,
others' changes after the max age, one refresh per person at a time, never half a view."""

from __future__ import annotations

import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j.exceptions import DriverError

from backend.cli import cli
from backend.db import Database
from backend.network import service
from backend.network.refresher import LEASE, ViewRefresher
from backend.tokens import hash_token
from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.graph import auth, connect, counts, create_person
from tests.support.pages import all_pages, ids
from tests.support.snap import sample_people

MAX_AGE = 600  # seconds, the default


@pytest.fixture
def views_app(make_app):
    """Everyone is heavy: the first discovery read computes a view in the background."""
    return make_app(view_threshold=0)


def refresher(app):
    return app.extensions["mutuals"].refresher


def compute_view(app, person_id: str) -> None:
    """Both parts of the person's view, now."""
    for part in ("second", "suggestions", "counts"):
        assert refresher(app).refresh(person_id, part, force=True) == "refreshed"


def second_degree(people, person_id: str, **query):
    response = people.get(person_id, "/v1/me/second-degree", **query)
    assert response.status_code == 200, response.json
    return response.json


def suggestions(people, person_id: str, **query):
    response = people.get(person_id, "/v1/me/suggestions", **query)
    assert response.status_code == 200, response.json
    return response.json


# -- the same answers ----------------------------------------------------------------------------

FILTERS = [{}, {"location": "Berlin"}, {"profession": "Founder"}, {"skill": "PYTHON"}]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(graph=graphs(), view_size=st.integers(2, 6))
def test_view_answers_equal_live_answers_and_plain_python(
    graph, view_size, cypher, make_app, complements
):
    """With nothing changed since the view, every page under every filter, the suggestions
    and the counts equal the live ones (views off) and plain Python; small views make the
    pages past their end fall back to the live query with the same cursors."""
    callers = graph[-1]
    cypher("MATCH (v:NetworkView) DELETE v")
    model = build_with_model(cypher, graph, complements)
    tokens = {me: token_of(me) for me in callers}
    viewed = AuthActions(make_app(view_threshold=0, view_size=view_size).test_client(), tokens)
    live = AuthActions(make_app(view_max_age_s=0).test_client(), tokens)
    for me in callers:
        compute_view(viewed.client.application, me)
        assert second_degree(viewed, me, limit=1)["from_view"] is True
        assert suggestions(viewed, me, limit=1)["from_view"] is True
        for filters in FILTERS:
            for limit in (1, 3):
                assert all_pages(viewed, me, "/v1/me/second-degree", limit, **filters) == all_pages(
                    live, me, "/v1/me/second-degree", limit, **filters
                )
        assert [
            (i["id"], i["mutual_count"]) for i in all_pages(viewed, me, "/v1/me/second-degree", 2)
        ] == model.ranked_second_degree(me)

        for limit in (1, 3):
            assert all_pages(viewed, me, "/v1/me/suggestions", limit) == all_pages(
                live, me, "/v1/me/suggestions", limit
            )
        assert [
            (s["id"], round(s["score"] * service.SCORE_SCALE))
            for s in all_pages(viewed, me, "/v1/me/suggestions", 3)
        ] == model.suggestions(me, service.SCORE_WEIGHTS, service.SUGGESTION_POOL_SIZE)

        network = viewed.get(me, "/v1/me/network").json
        assert network["from_view"] is True
        assert (
            counts(network)
            == counts(live.get(me, "/v1/me/network").json)
            == model.network_counts(me)
        )


# -- who gets a view ----------------------------------------------------------------------------


def _star(cypher, center="me", friends=("f1", "f2"), far=("x1", "x2")) -> dict[str, str]:
    """``center`` knows each friend; each friend knows each far person."""
    tokens = {person: create_person(cypher, person) for person in (center, *friends, *far)}
    for friend in friends:
        connect(cypher, center, friend)
        for other in far:
            connect(cypher, friend, other)
    return tokens


def test_a_heavy_person_gets_a_view_a_light_one_stays_live(make_app, cypher, clock):
    tokens = _star(cypher)  # "me" reads 2 friends x 3 connections = 6 two-hop rows
    heavy = make_app(view_threshold=6)
    people = AuthActions(heavy.test_client(), tokens)
    first = second_degree(people, "me")
    assert (first["from_view"], first["as_of"]) == (False, clock.now.isoformat())
    refresher(heavy).wait_idle()
    second = second_degree(people, "me")
    assert second["from_view"] is True and ids(second) == ids(first) == ["x1", "x2"]
    # The counts (3 hops) are computed only for those who ask for them.
    network = [
        people.get("me", "/v1/me/network").json,
        refresher(heavy).wait_idle(),
        people.get("me", "/v1/me/network").json,
    ]
    assert [network[0]["from_view"], network[2]["from_view"]] == [False, True]
    assert counts(network[0]) == counts(network[2]) == {"first": 2, "second": 2, "third": 0}

    light = AuthActions(make_app(view_threshold=7).test_client(), tokens)
    cypher("MATCH (v:NetworkView) DELETE v")
    for _ in range(2):
        assert second_degree(light, "me")["from_view"] is False
        refresher(light.client.application).wait_idle()
    assert cypher("MATCH (v:NetworkView) RETURN count(v) AS n")[0]["n"] == 0


def test_views_off_means_always_live(make_app, cypher):
    tokens = _star(cypher)
    app = make_app(view_threshold=0, view_max_age_s=0)
    compute_view(app, "me")  # even with a view there
    assert second_degree(AuthActions(app.test_client(), tokens), "me")["from_view"] is False


# -- own changes show at once ------------------------------------------------------------------


@pytest.fixture
def viewed(views_app, cypher):
    """me - f1, f2 - x1, x2 (and a third friend f3 - x3 to connect later), with me's view:
    the people, to act as."""
    tokens = _star(cypher, friends=("f1", "f2"), far=("x1", "x2"))
    tokens["f3"] = create_person(cypher, "f3")
    tokens["x3"] = create_person(cypher, "x3")
    connect(cypher, "f3", "x3")
    compute_view(views_app, "me")
    people = AuthActions(views_app.test_client(), tokens)
    assert second_degree(people, "me")["from_view"] is True
    return people


def _answers_now(people, person_id: str):
    """2nd degree, suggestions and counts, after the background refresh has caught up."""
    return (
        second_degree(people, person_id),
        suggestions(people, person_id),
        people.get(person_id, "/v1/me/network").json,
    )


def test_connecting_shows_at_once(viewed, views_app, cypher):
    sent = viewed.post("me", "/v1/me/requests", {"to": "x1"})
    assert sent.status_code == 201
    # A pending request shows on the view's page, and the person leaves the suggestions.
    page = second_degree(viewed, "me")
    assert page["from_view"] is True and page["items"][0]["pending"] is True
    assert "x1" not in ids(suggestions(viewed, "me"))
    accepted = viewed.post("x1", "/v1/me/requests/incoming/me/accept")
    assert accepted.status_code == 201
    # Live, or from the view the accept had recomputed in the background: right either way.
    assert ids(second_degree(viewed, "me")) == ["x2"]
    refresher(views_app).wait_idle()
    page, suggested, network = _answers_now(viewed, "me")
    assert page["from_view"] is suggested["from_view"] is True and ids(page) == ["x2"]
    assert "x1" not in ids(suggested)
    assert counts(network) == {"first": 3, "second": 1, "third": 0}
    # Only existing views are recomputed: x1 never asked for one.
    assert cypher("MATCH (v:NetworkView {person_id: 'x1'}) RETURN count(v) AS n") == [{"n": 0}]


def test_own_connections_move_the_counts_at_once(viewed, views_app, clock):
    """A connection made or removed shifts the counts in its own transaction: from the view at
    once, as of the view's compute (nothing recomputed). A block is recomputed instead."""
    computed = viewed.get("me", "/v1/me/network").json
    assert computed["from_view"] is True
    assert counts(computed) == {"first": 2, "second": 2, "third": 0}
    clock.advance(seconds=1)

    def network():
        answer = viewed.get("me", "/v1/me/network").json
        return answer["from_view"], answer["as_of"] == computed["as_of"], counts(answer)

    assert viewed.post("me", "/v1/me/requests", {"to": "f3"}).status_code == 201
    assert viewed.post("f3", "/v1/me/requests/incoming/me/accept").status_code == 201
    assert network() == (True, True, {"first": 3, "second": 3, "third": 0})  # x3 via f3
    # Without me - f1, f1 is 3 hops away (me - f2 - x1 - f1).
    assert viewed.delete("me", "/v1/me/connections/f1").status_code == 204
    assert network() == (True, True, {"first": 2, "second": 3, "third": 1})
    assert viewed.put("me", "/v1/me/blocks/x1").status_code == 204
    refresher(views_app).wait_idle()
    assert network() == (True, False, {"first": 2, "second": 2, "third": 1})


def test_removing_blocking_unblocking_show_at_once(viewed, views_app):
    assert viewed.delete("me", "/v1/me/connections/f1").status_code == 204
    page = second_degree(viewed, "me")
    assert [(i["id"], i["mutual_count"]) for i in page["items"]] == [("x1", 1), ("x2", 1)]
    refresher(views_app).wait_idle()

    assert viewed.put("me", "/v1/me/blocks/x1").status_code == 204
    assert ids(second_degree(viewed, "me")) == ["x2"]
    assert "x1" not in ids(suggestions(viewed, "me"))
    refresher(views_app).wait_idle()
    assert second_degree(viewed, "me")["from_view"] is True

    assert viewed.delete("me", "/v1/me/blocks/x1").status_code == 204
    assert ids(second_degree(viewed, "me")) == ["x1", "x2"]


def test_being_blocked_shows_at_once(viewed):
    assert viewed.put("x2", "/v1/me/blocks/me").status_code == 204
    assert ids(second_degree(viewed, "me")) == ["x1"]
    assert "x2" not in ids(suggestions(viewed, "me"))


def test_dismissing_shows_at_once_from_the_view(viewed):
    before = suggestions(viewed, "me")
    assert before["from_view"] is True and "x1" in ids(before)
    dismissed = viewed.post("me", "/v1/me/suggestions/x1/dismiss")
    assert dismissed.status_code == 204
    after = suggestions(viewed, "me")
    assert after["from_view"] is True and ids(after) == [i for i in ids(before) if i != "x1"]


def test_a_profile_change_shows_at_once(viewed, views_app, make_app, cypher):
    live = AuthActions(make_app(view_max_age_s=0).test_client(), viewed.tokens)
    cypher("MATCH (p:Person {id: 'x2'}) SET p.location = 'Lagos'")
    changed = viewed.patch("me", "/v1/me", {"location": "Lagos"})
    assert changed.status_code == 200
    # x2 now shares my location: a higher score (and a reason), at once and once refreshed.
    expected = suggestions(live, "me")["items"]
    assert expected[0]["id"] == "x2" and "location" in [r["code"] for r in expected[0]["reasons"]]
    assert suggestions(viewed, "me")["items"] == expected
    refresher(views_app).wait_idle()
    page = suggestions(viewed, "me")
    assert page["from_view"] is True and page["items"] == expected


def test_deleting_the_account_deletes_the_view(viewed, cypher):
    assert cypher("MATCH (v:NetworkView {person_id: 'me'}) RETURN count(v) AS n")[0]["n"] == 3
    assert viewed.delete("me", "/v1/me", json={"confirm": "me"}).status_code == 204
    assert cypher("MATCH (v:NetworkView {person_id: 'me'}) RETURN count(v) AS n")[0]["n"] == 0


# -- others' changes show after the max age ----------------------------------------------------


def test_others_changes_show_once_a_refresh_is_due(viewed, views_app, clock, cypher):
    computed = second_degree(viewed, "me")["as_of"]
    # f2 connects to x3: x3 becomes my 2nd connection, which my view does not know yet.
    connect(cypher, "f2", "x3")
    clock.advance(seconds=MAX_AGE / 2 - 1)
    for _ in range(2):
        page = second_degree(viewed, "me")
        assert (page["from_view"], page["as_of"], "x3" in ids(page)) == (True, computed, False)
        refresher(views_app).wait_idle()
    clock.advance(seconds=2)  # now due: served as it is while one refresh runs
    page = second_degree(viewed, "me")
    assert page["from_view"] is True and page["as_of"] == computed
    refresher(views_app).wait_idle()
    page = second_degree(viewed, "me")
    assert page["from_view"] is True and page["as_of"] == clock.now.isoformat()
    assert "x3" in ids(page)


def test_a_person_who_left_disappears_at_once(viewed, cypher):
    cypher("MATCH (p:Person {id: 'x1'}) DETACH DELETE p")  # as an analyst or a loader might
    assert ids(second_degree(viewed, "me")) == ["x2"]


# -- one refresh at a time, never half a view --------------------------------------------------


def test_two_workers_racing_to_refresh_one_person_write_one_view(make_app, cypher):
    _star(cypher, friends=("f1", "f2", "f3"), far=("x1", "x2", "x3", "x4"))
    workers = [make_app(view_threshold=0), make_app(view_threshold=0)]
    for attempt in range(5):
        cypher("MATCH (v:NetworkView) DELETE v")
        barrier, outcomes = threading.Barrier(2), []

        def refresh(app, barrier, outcomes):
            barrier.wait()
            outcomes.append(refresher(app).refresh("me", "second"))

        threads = [
            threading.Thread(target=refresh, args=(app, barrier, outcomes)) for app in workers
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # The loser finds the winner's lease, or its fresh view: either way it computes nothing.
        assert sorted(outcomes) == ["refreshed", "skipped"], attempt
        views = cypher(
            "MATCH (v:NetworkView) RETURN v.person_id AS id, v.part AS part, "
            "v.ids AS second, v.lease AS lease"
        )
        assert views == [
            {"id": "me", "part": "second", "second": ["x1", "x2", "x3", "x4"], "lease": None}
        ]


def test_neo4j_lost_mid_refresh_leaves_the_old_view(make_app, cypher, clock, monkeypatch, proxy):
    """Neo4j goes away (through a proxy: every connection dropped, as when it dies) with the
    new view written in a transaction not yet committed: the old view stays."""
    _star(cypher)
    app = make_app(view_threshold=0, neo4j_uri=proxy.uri)
    assert refresher(app).refresh("me", "second", force=True) == "refreshed"
    old = view_payload(cypher)
    create_person(cypher, "x3")
    connect(cypher, "f1", "x3")
    original_write_tx = Database.write_tx

    def write_then_die(db, work, *args, **kwargs):
        if getattr(work, "__func__", None) is not ViewRefresher._save:
            return original_write_tx(db, work, *args, **kwargs)
        # Neo4j goes with the new view written in a transaction not yet committed.
        with db.session() as session:
            tx = session.begin_transaction()
            work(tx, *args, **kwargs)
            proxy.cut()
            tx.commit()

    monkeypatch.setattr(Database, "write_tx", write_then_die)
    try:
        with pytest.raises(DriverError):
            refresher(app).refresh("me", "second", force=True)
    finally:
        monkeypatch.undo()
        proxy.restore()
    assert view_payload(cypher) == old
    # The dead refresher's lease holds the view until it expires; then one refresh goes in.
    assert refresher(app).refresh("me", "second", force=True) == "skipped"
    clock.advance(seconds=LEASE.total_seconds() + 1)
    assert refresher(app).refresh("me", "second", force=True) == "refreshed"
    assert view_payload(cypher)["ids"] == ["x1", "x2", "x3"]


def view_payload(cypher) -> dict:
    """The one view's properties but the claim's bookkeeping (the lease, the replay log)."""
    [row] = cypher("MATCH (v:NetworkView {part: 'second'}) RETURN properties(v) AS view")
    return {
        key: value
        for key, value in row["view"].items()
        if key not in ("claimed_at", "lease", "lease_until") and not key.startswith("replay_")
    }


# -- operators --------------------------------------------------------------------------------


def test_operators_see_and_refresh_views(views_app, cypher):
    _star(cypher)
    runner = views_app.test_cli_runner()
    before = runner.invoke(cli, ["views", "status"])
    assert before.exit_code == 0 and "views: none" in before.output
    assert runner.invoke(cli, ["views", "refresh"]).exit_code == 2  # says what to name

    everyone = runner.invoke(cli, ["views", "refresh", "--all-heavy", "--no-progress"])
    assert everyone.exit_code == 0, everyone.output
    assert "views of 5 people: 10 refreshed" in everyone.output  # second and suggestions
    one = runner.invoke(cli, ["views", "refresh", "--person", "me", "--part", "counts"])
    assert "views of 1 people: 1 refreshed" in one.output

    after = runner.invoke(cli, ["views", "status"]).output
    assert all(f"{part} views: 5;" in after for part in ("second", "suggestions"))
    assert "counts views: 1;" in after
    assert "due 0, outdated by own changes 0, refreshing 0, orphaned 0" in after


def test_an_unreachable_neo4j_is_one_line_from_the_views_commands(make_app):
    """Also when the bound runs out before the driver hears the refusal (as under load): the
    database's own 'unavailable' (an acquisition timeout), not the driver's error."""
    app = make_app(neo4j_uri="bolt://127.0.0.1:1", db_timeout_s=0.001)
    for args in (["views", "status"], ["views", "refresh", "--all-heavy"]):
        result = app.test_cli_runner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert len(result.output.strip().splitlines()) == 1
        assert "Neo4j at bolt://127.0.0.1:1 did not serve the command: " in result.output


def test_view_reads_and_refreshes_are_in_the_metrics(views_app, cypher):
    people = AuthActions(views_app.test_client(), _star(cypher))
    second_degree(people, "me")
    refresher(views_app).wait_idle()
    second_degree(people, "me")
    metrics = people.client.get("/metrics", headers=auth("test-admin-token")).get_data(as_text=True)
    assert 'mutuals_view_reads_total{outcome="live",part="second"} 1.0' in metrics
    assert 'mutuals_view_reads_total{outcome="view",part="second"} 1.0' in metrics
    assert 'mutuals_view_refresh_seconds_count{part="second"} 1.0' in metrics


@pytest.mark.data
def test_views_equal_live_and_plain_python_on_ego_facebook(facebook, make_app, cypher):
    """The real SNAP graph, its largest hubs among the people: every page of the 2nd
    connections and suggestions, and the counts, from views equal live and plain Python."""
    # Exactness, not the request bound: a hub's live pages on this graph may take longer
    # than MUTUALS_DB_TIMEOUT_S, which would answer 503 (tests/test_outages.py covers that).
    slow_ok = {"db_timeout_s": 120}
    viewed, live = make_app(view_threshold=0, **slow_ok), make_app(view_max_age_s=0, **slow_ok)
    for me in sample_people(facebook, size=3):
        cypher(
            "MATCH (p:Person {id: $id}) CREATE (:Token {hash: $hash})-[:AUTHENTICATES]->(p)",
            id=me,
            hash=hash_token(token_of(me)),
        )
        compute_view(viewed, me)
        for app in (viewed, live):
            people = AuthActions(app.test_client(), {me: token_of(me)})
            assert [
                (i["id"], i["mutual_count"])
                for i in all_pages(people, me, "/v1/me/second-degree", 100)
            ] == facebook.ranked_second_degree(me)
            assert [
                (s["id"], round(s["score"] * service.SCORE_SCALE))
                for s in all_pages(people, me, "/v1/me/suggestions", 100)
            ] == facebook.suggestions(me, service.SCORE_WEIGHTS, service.SUGGESTION_POOL_SIZE)
            assert counts(people.get(me, "/v1/me/network").json) == facebook.network_counts(me)
        first_pages = [
            AuthActions(viewed.test_client(), {me: token_of(me)}).get(me, path).json
            for path in ("/v1/me/second-degree", "/v1/me/suggestions", "/v1/me/network")
        ]
        assert all(page["from_view"] for page in first_pages)
