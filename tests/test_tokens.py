"""Token lifecycle: expiry after MUTUALS_TOKEN_TTL_DAYS without use (the last use recorded at
most daily), listing and revoking one's tokens, logging out; per-address limits on sign-ups
and failed authentications (429 + Retry-After), X-Forwarded-For only behind trusted proxies;
the admin token compared in constant time."""

from __future__ import annotations

import hmac
import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import requests

from backend import address_limits, create_app
from backend.webhooks.worker import sweep
from harness.gunicorn import Gunicorn, free_port
from tests.support.auth import sign_up
from tests.support.graph import auth, create_person
from tests.support.servers import production_environment


def tokens(client, token) -> list[dict]:
    response = client.get("/v1/me/tokens", headers=auth(token))
    assert response.status_code == 200, response.json
    return response.json["items"]


def test_a_person_lists_their_tokens_without_secrets(client, clock):
    person, token = sign_up(client)
    second = client.post(
        f"/v1/admin/people/{person['id']}/tokens", headers=auth("test-admin-token")
    ).json["token"]

    listed = tokens(client, token)
    assert len(listed) == 2 and [t["current"] for t in listed].count(True) == 1
    for item in listed:
        assert set(item) == {"id", "created_at", "last_used_at", "expires_at", "current"}
        assert re.fullmatch(r"[0-9a-f]{16}", item["id"])
        assert token not in str(item) and second not in str(item)
    mine = next(t for t in listed if t["current"])
    assert mine["expires_at"].startswith((clock.now + timedelta(days=90)).date().isoformat())
    assert [t["current"] for t in tokens(client, second)].count(True) == 1


def test_a_token_expires_after_the_ttl_without_use(client, clock):
    _, token = sign_up(client)
    clock.advance(days=89)
    assert client.get("/v1/me", headers=auth(token)).status_code == 200  # refreshes it
    clock.advance(days=89)
    assert client.get("/v1/me", headers=auth(token)).status_code == 200
    clock.advance(days=90)
    response = client.get("/v1/me", headers=auth(token))
    assert response.status_code == 401
    assert response.json["detail"] == "The bearer token has expired."


def test_the_last_use_is_recorded_at_most_daily(client, clock, cypher):
    _, token = sign_up(client)
    start = clock.now
    assert tokens(client, token)[0]["last_used_at"] is None  # the sign-up is no use
    clock.advance(days=1, hours=12)
    first_use = tokens(client, token)[0]["last_used_at"]
    assert first_use.startswith((start + timedelta(days=1, hours=12)).isoformat()[:16])
    clock.advance(hours=20)
    assert tokens(client, token)[0]["last_used_at"] == first_use  # within the day: no write
    clock.advance(hours=5)
    assert tokens(client, token)[0]["last_used_at"] != first_use


def test_revoking_a_token_by_id(client):
    person, token = sign_up(client)
    other = client.post(
        f"/v1/admin/people/{person['id']}/tokens", headers=auth("test-admin-token")
    ).json["token"]
    _, stranger = sign_up(client, "Stranger")
    other_id = next(t["id"] for t in tokens(client, token) if not t["current"])

    assert client.delete(f"/v1/me/tokens/{other_id}", headers=auth(stranger)).status_code == 404
    assert client.get("/v1/me", headers=auth(other)).status_code == 200  # not theirs to revoke
    assert client.delete(f"/v1/me/tokens/{other_id}", headers=auth(token)).status_code == 204
    assert client.get("/v1/me", headers=auth(other)).status_code == 401
    assert client.get("/v1/me", headers=auth(token)).status_code == 200
    assert client.delete(f"/v1/me/tokens/{other_id}", headers=auth(token)).status_code == 404
    assert len(tokens(client, token)) == 1


def test_logging_out_revokes_the_current_token_only(client):
    person, token = sign_up(client)
    other = client.post(
        f"/v1/admin/people/{person['id']}/tokens", headers=auth("test-admin-token")
    ).json["token"]
    assert client.delete("/v1/me/tokens/current", headers=auth(token)).status_code == 204
    assert client.get("/v1/me", headers=auth(token)).status_code == 401
    assert client.get("/v1/me", headers=auth(other)).status_code == 200
    assert client.delete("/v1/me/tokens/current").status_code == 401


def test_deleting_the_account_deletes_its_tokens(client, cypher):
    person, token = sign_up(client)
    deleted = client.delete("/v1/me", json={"confirm": person["id"]}, headers=auth(token))
    assert deleted.status_code == 204
    assert client.get("/v1/me/tokens", headers=auth(token)).status_code == 401
    assert cypher("MATCH (t:Token) RETURN count(t) AS n") == [{"n": 0}]


# -- per-address limits ---------------------------------------------------------------------


def limited_app(database, **settings):
    return create_app(
        {"TESTING": True, "SETTINGS": {"admin_token": "test-admin-token", **settings}}
    )


@pytest.fixture
def limited(database):
    apps = []

    def make(**settings):
        apps.append(limited_app(database, **settings))
        return apps[-1].test_client()

    yield make
    for app in apps:
        app.extensions["mutuals"].close()


def test_sign_ups_are_limited_per_address(limited, cypher):
    client = limited(signup_limit="2/hour")
    sign_up(client, "One")
    sign_up(client, "Two")
    refused = client.post("/v1/people", json={"name": "Three"})
    assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
    assert 1 <= int(refused.headers["Retry-After"]) <= 3600
    assert cypher("MATCH (p:Person {name: 'Three'}) RETURN count(p) AS n") == [{"n": 0}]
    sign_up(
        client, "Elsewhere", environ_base={"REMOTE_ADDR": "10.0.0.2"}
    )  # another address has its own count


def test_x_forwarded_for_counts_only_behind_trusted_proxies(limited):
    direct = limited(signup_limit="1/hour")
    sign_up(direct, "One")
    spoofed = direct.post(
        "/v1/people", json={"name": "Two"}, headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert spoofed.status_code == 429  # a client cannot pick its own address

    proxied = limited(signup_limit="1/hour", trusted_proxies=1)
    for address in ("203.0.113.1", "203.0.113.2"):
        response = proxied.post(
            "/v1/people", json={"name": address}, headers={"X-Forwarded-For": address}
        )
        assert response.status_code == 201
    again = proxied.post(
        "/v1/people", json={"name": "again"}, headers={"X-Forwarded-For": "203.0.113.1"}
    )
    assert again.status_code == 429


def test_failed_authentications_are_limited_per_address(limited, cypher):
    client = limited(auth_failure_limit="3/minute")
    _, token = sign_up(client)
    for _ in range(3):
        assert client.get("/v1/me", headers=auth("not-a-token")).status_code == 401
    refused = client.get("/v1/me", headers=auth("not-a-token"))
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert client.get("/v1/me", headers=auth(token)).status_code == 200  # a good one still works
    admin = client.post("/v1/admin/people/x/tokens", headers=auth("test-admin-token"))
    assert admin.status_code == 429  # the admin token, a person's choice, is not even compared
    other = client.get(
        "/v1/me", headers=auth("not-a-token"), environ_base={"REMOTE_ADDR": "10.0.0.3"}
    )
    assert other.status_code == 401
    wrong_admin = client.post(
        "/v1/admin/people/x/tokens",
        headers=auth("guess"),
        environ_base={"REMOTE_ADDR": "10.0.0.4"},
    )
    assert wrong_admin.status_code == 401


def test_the_sweep_prunes_ended_counters_a_bounded_number_at_a_time(limited, cypher, monkeypatch):
    """Addresses never seen again leave a counter each (V0012): the delivery worker's sweep
    deletes those whose window has ended, at most PRUNE_MOST per sweep, and keeps the live
    ones, whose limits still hold. Before, nothing ever deleted them."""
    monkeypatch.setattr(address_limits, "PRUNE_MOST", 2000)
    client = limited(signup_limit="1/hour")
    sign_up(client, "One")  # a live window: 127.0.0.1 has had its one sign-up this hour
    ended = time.time() - 1
    cypher(
        "UNWIND range(1, 2500) AS i "
        "CREATE (:AddressCounter {key: 'LIMITER/auth/198.51.100.' + i + '/30/1/minute', "
        "count: 1, expires_at: $ended})",
        ended=ended,
    )

    def sweep_and_count() -> tuple[int, int]:
        with client.application.app_context():
            done = sweep()
        left = cypher("MATCH (c:AddressCounter) RETURN count(c) AS n")[0]["n"]
        return done["expired_counters"], left

    assert sweep_and_count() == (2000, 501)  # bounded; the live counter is kept
    assert sweep_and_count() == (500, 1)
    assert sweep_and_count() == (0, 1)
    assert client.post("/v1/people", json={"name": "Two"}).status_code == 429


def test_pruning_races_hits_on_an_ended_window_without_losing_one(database, cypher):
    """The sweep deleting an ended window while clients hit it: every hit is counted once in
    the new window (counts 1..n, none twice), and none fails."""
    counters = address_limits.Neo4jCounters(database)
    key = "LIMITER/signup/203.0.113.7/20/1/hour"
    hits = 24
    for _ in range(3):
        cypher(
            "MERGE (c:AddressCounter {key: $key}) SET c.count = 5, c.expires_at = $ended",
            key=key,
            ended=time.time() - 1,
        )
        with ThreadPoolExecutor(8) as pool:
            both = [
                (pool.submit(counters.incr, key, 3600), pool.submit(counters.prune_expired))
                for _ in range(hits)
            ]
            assert sorted(hit.result() for hit, _ in both) == list(range(1, hits + 1))
            assert sum(prune.result() for _, prune in both) <= 1
        cypher("MATCH (c:AddressCounter) DELETE c")


def test_the_admin_token_is_compared_in_constant_time(client, monkeypatch):
    compared = []
    real = hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    for guess in ("test-admin-tokeX", "t", "test-admin-token-and-more"):
        response = client.post("/v1/admin/people/nobody/tokens", headers=auth(guess))
        assert response.status_code == 401
    assert (
        client.post("/v1/admin/people/nobody/tokens", headers=auth("test-admin-token")).status_code
        == 404
    )
    assert len(compared) == 4


# -- the lockout under gunicorn (issue 22, defect 7) -------------------------------------------


def test_failed_tokens_never_lock_out_a_valid_one_and_count_once_per_address(
    database, cypher, tmp_path
):
    """Under gunicorn with 2 workers: 40 bad tokens at once from one address give exactly the
    limit's 5 answers of 401 (one count for the address, whichever worker answers), then
    429; a valid token from that address still works; an IPv6 client is counted by its /64.
    Before the fix: the valid token got 429 and each worker counted on its own."""
    token = create_person(cypher, "ann")
    environ = production_environment(
        database, MUTUALS_AUTH_FAILURE_LIMIT="5/minute", MUTUALS_TRUSTED_PROXIES="1"
    )
    with Gunicorn(free_port(), 2, 4, tmp_path / "gunicorn.log", environ) as server:

        def me(secret: str, address: str) -> int:
            headers = {**auth(secret), "X-Forwarded-For": address}
            with requests.Session() as fresh:  # a new connection: either worker may answer
                return fresh.get(server.base + "/v1/me", headers=headers, timeout=60).status_code

        with ThreadPoolExecutor(8) as pool:
            statuses = Counter(pool.map(lambda _: me("not-a-token", "198.51.100.7"), range(40)))
        assert statuses == {401: 5, 429: 35}, statuses
        assert me(token, "198.51.100.7") == 200
        assert me("not-a-token", "198.51.100.8") == 401  # another address has its own count

        rotating = [me("not-a-token", f"2001:db8:1:2::{n:x}") for n in range(1, 8)]
        assert rotating == [401] * 5 + [429] * 2, rotating
        assert me("not-a-token", "2001:db8:1:2:ffff:ffff:ffff:ffff") == 429  # same /64
        assert me(token, "2001:db8:1:2::99") == 200
        assert me("not-a-token", "2001:db8:1:3::1") == 401  # the next /64 is another client
