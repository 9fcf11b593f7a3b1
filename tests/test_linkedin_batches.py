"""An import's mutual listings connected in the transaction of the contacts that make them,
many pairs in one statement (imports.connect_pairs, backend/imports/matches.py): across a
batch boundary every pair is connected once, with its earlier date and its notice; and the
views of people who gain several connections in one transaction (each person's version moves
once) stay exactly the live answer."""

from __future__ import annotations

from datetime import date

import pytest

from backend.imports import service
from backend.network import deltas, views
from tests.support.auth import AuthActions
from tests.support.graph import connect
from tests.support.linkedin import contact, import_contacts, set_identity
from tests.support.pages import all_pages

OTHERS = ("ben", "cyd", "dan", "eve", "fay")
# Around ana and her five: friends of friends, so that both views' parts have candidates.
EDGES = [
    ("ben", "gus"), ("cyd", "gus"), ("dan", "hal"), ("eve", "hal"), ("fay", "ivy"),
    ("gus", "ivy"), ("ana", "jon"), ("jon", "gus"), ("hal", "ivy"),
]  # fmt: skip


@pytest.mark.parametrize("budget", [deltas.OWN_DELTA_BUDGET, 0], ids=["budget", "floor-raises"])
def test_many_mutual_listings_across_batches_connect_once_and_keep_views_exact(
    make_app, cypher, monkeypatch, budget
):
    """ana imports five people who listed her before: 3 + 2 pairs a transaction, each pair
    connected once since its earlier date, each of the five told; the views of ana (five new
    connections in two transactions) and of the five equal the live answers, page by page."""
    monkeypatch.setattr(service, "BATCH", 3)
    monkeypatch.setattr(deltas, "OWN_DELTA_BUDGET", budget)
    app = make_app(view_threshold=0, view_size=2)
    people = AuthActions(app.test_client())
    refresher = listed_by_five_with_views(app, people, cypher)
    rows = rows_of_the_five()
    report = import_contacts(people, "ana", rows)
    assert (report["connections_made"], report["suggestions_added"]) == (5, 0)
    connections = cypher(
        "MATCH (:Person {id: 'ana'})-[c:CONNECTED_TO]-(o:Person) WHERE o.id IN $others "
        "RETURN o.id AS id, count(c) AS n, toString(min(c.since)) AS since ORDER BY id",
        others=list(OTHERS),
    )
    assert connections == [
        {"id": o, "n": 1, "since": f"2019-01-0{1 + n}T00:00:00Z"} for n, o in enumerate(OTHERS)
    ]
    for other in OTHERS:
        items = people.get(other, "/v1/me/notifications").json["items"]
        assert [(i["kind"], i["actor"]["id"]) for i in items] == [("linkedin.connected", "ana")]
    assert people.get("ana", "/v1/me/notifications").json["items"] == []

    refresher.wait_idle()
    live = AuthActions(make_app(view_max_age_s=0).test_client(), people.tokens)
    for person_id in ("ana", *OTHERS):
        for path in ("/v1/me/second-degree", "/v1/me/suggestions"):
            assert all_pages(people, person_id, path, 2) == all_pages(live, person_id, path, 2), (
                person_id,
                path,
            )
    if budget:  # at 0, the floors rose past ana's entries: her pages go live (docs/views.md)
        assert people.get("ana", "/v1/me/second-degree", limit=1).json["from_view"] is True
    again = import_contacts(people, "ana", rows)
    assert (again["contacts_added"], again["connections_made"], again["already_connected"]) == (
        0,
        0,
        5,
    )


def listed_by_five_with_views(app, people, cypher):
    """ana and five people who listed her in their imports, all with computed views; the
    app's refresher."""
    for person_id in ("ana", *OTHERS, "gus", "hal", "ivy", "jon"):
        people.add(cypher, person_id)
    for a, b in EDGES:
        connect(cypher, a, b)
    set_identity(people, "ana", "ana-costa")
    for n, other in enumerate(OTHERS):
        set_identity(people, other, f"{other}-x")
        listed = import_contacts(
            people, other, [contact("ana-costa", "Ana", "Costa", date(2020, 1, 1 + n))]
        )
        assert listed["suggestions_added"] == 1
    refresher = app.extensions["mutuals"].refresher
    for person_id in ("ana", *OTHERS):
        for part in ("second", "suggestions"):
            assert refresher.refresh(person_id, part, force=True) == "refreshed"
    return refresher


def rows_of_the_five():
    return [contact(f"{o}-x", o.title(), "X", date(2019, 1, 1 + n)) for n, o in enumerate(OTHERS)]


def test_past_a_few_pairs_with_views_a_batch_leaves_those_views_to_a_recompute(
    make_app, cypher, monkeypatch
):
    """ana, who has a view, imports the five in one transaction: more pairs with a view part
    than views.EXACT_PAIRS. No pair gets a delta of its own (the transaction's work stays
    bounded, whatever the number of pairs: before, one delta per pair, five here); ana's and
    the five's parts fall behind their versions, so their next reads are live and start a
    recompute, and every page equals the live answer before and after it."""
    assert len(OTHERS) > views.EXACT_PAIRS
    own_deltas = []
    apply_own = deltas.apply_own
    monkeypatch.setattr(
        deltas, "apply_own", lambda *args: own_deltas.append(args[3:]) or apply_own(*args)
    )
    app = make_app(view_threshold=0, view_size=2)
    people = AuthActions(app.test_client())
    refresher = listed_by_five_with_views(app, people, cypher)

    report = import_contacts(people, "ana", rows_of_the_five())
    assert report["connections_made"] == 5
    assert own_deltas == []
    assert people.get("ana", "/v1/me/second-degree", limit=1).json["from_view"] is False
    live = AuthActions(make_app(view_max_age_s=0).test_client(), people.tokens)
    for person_id in ("ana", *OTHERS):
        for path in ("/v1/me/second-degree", "/v1/me/suggestions"):
            assert all_pages(people, person_id, path, 2) == all_pages(live, person_id, path, 2)
    refresher.wait_idle()
    assert people.get("ana", "/v1/me/second-degree", limit=1).json["from_view"] is True
    for path in ("/v1/me/second-degree", "/v1/me/suggestions"):
        assert all_pages(people, "ana", path, 2) == all_pages(live, "ana", path, 2), path
