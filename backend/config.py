"""Settings from the environment.

Every knob has one name (see docs/configuration.md). When ``NEO4J_URI`` is unset
the app talks to the local Neo4j that ``mutuals neo4j start`` runs, reading its password from
the local folder, so nothing has to be exported by hand.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from limits import parse as parse_rate

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(ValueError):
    """A setting the environment gives in a form the app cannot use."""


def _integer(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None


def _number(name: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None


def _switch(name: str, raw: str) -> bool:
    """``0`` off, any other integer on."""
    return _integer(name, raw) != 0


def _text(name: str, raw: str) -> str:
    return raw


def _folder(name: str, raw: str) -> Path:
    return Path(raw).resolve()


def _given(env, variables: dict[str, tuple]) -> dict:
    """The fields whose variable the environment sets (and not to ""), read with their
    converter: ``{field: (variable, converter)}``; a field left out keeps the default its
    dataclass writes. A variable may be a pair, (name, former deprecated name): the former is
    read only when the new one is unset, so that existing deployments keep their value."""
    values = {}
    for field, (names, convert) in variables.items():
        for name in (names,) if isinstance(names, str) else names:
            if raw := env.get(name):
                values[field] = convert(name, raw)
                break
    return values


def _positive_number(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not value > 0:
        raise ConfigError(f"{name} must be above 0, got {raw!r}")
    return value


def _rate(name: str, raw: str) -> str:
    """A rate in the `limits` library's notation (``10/hour``, ``5 per minute``)."""
    try:
        parse_rate(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a rate such as 10/hour, got {raw!r}") from None
    return raw


def _neo4j_user(env) -> str:
    """NEO4J_USERNAME (cypher-shell's and Neo4j's name) or NEO4J_USER; both only if equal."""
    username, user = env.get("NEO4J_USERNAME") or None, env.get("NEO4J_USER") or None
    if username and user and username != user:
        raise ConfigError(
            f"NEO4J_USERNAME ({username!r}) and NEO4J_USER ({user!r}) differ: set one"
        )
    return username or user or "neo4j"


@dataclass(frozen=True)
class LocalNeo4jSettings:
    """Where and how the project's own Neo4j server runs."""

    home: Path = PROJECT_ROOT / ".neo4j"
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "512m"
    pagecache: str = "256m"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    def password(self) -> str | None:
        try:
            return self.password_file.read_text().strip()
        except FileNotFoundError:
            return None

    @property
    def admin_token_file(self) -> Path:
        return self.home / "admin-token"

    def dev_admin_token(self) -> str | None:
        """The development admin token `mutuals neo4j start` generates (local default only)."""
        try:
            return self.admin_token_file.read_text().strip() or None
        except FileNotFoundError:
            return None


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str
    neo4j_user: str
    neo4j_password: str | None
    neo4j_database: str | None
    uses_local_neo4j: bool
    local: LocalNeo4jSettings
    host: str = "127.0.0.1"
    port: int = 8000
    admin_token: str | None = None
    # The key that signs Mutuals-Bookmark headers (backend/bookmarks.py); unset: derived from
    # the Neo4j password.
    bookmark_secret: str | None = None
    # The key of the hashes that email addresses are matched by (backend/imports/identity.py);
    # unset: derived from the Neo4j password. Changing it unmatches every stored address.
    match_secret: str | None = None
    # Product rules; the defaults are the ones the issues name.
    resend_wait_days: int = 21
    max_pending_outgoing: int = 500
    max_requests_per_week: int = 100
    intro_expiry_days: int = 30
    max_open_intros: int = 5
    # Network views (backend/network/views.py): how old a view may get before it is
    # recomputed (0: always live), the 2-hop work above which a person gets one, and how
    # many ranked entries it keeps.
    view_max_age_s: int = 600
    view_threshold: int = 1_000
    view_size: int = 200
    # Operations: how long a request may wait for Neo4j in all (connection and retries)
    # before it answers 503; how long one transaction of background work (loaders, view
    # refreshes, the delivery worker, `mutuals` commands) may run before Neo4j ends it; and
    # the query time above which a query is logged as slow.
    db_timeout_s: float = 5.0
    db_background_timeout_s: float = 300.0
    slow_query_ms: int = 500
    # Tokens expire this many days after their last use (refreshed at most daily); sign-ups
    # and failed authentications per client address (`limits` notation); how many proxies in
    # front of the app to believe about X-Forwarded-For (0: none, use the peer address).
    token_ttl_days: int = 90
    signup_limit: str = "20/hour"
    auth_failure_limit: str = "30/minute"
    # Where those counts live: a `limits` storage URI (redis://..., memcached://...); unset:
    # in the graph, seen by every worker and server (backend/address_limits.py).
    limits_storage: str | None = None
    trusted_proxies: int = 0
    # The largest file upload (POST /v1/me/imports: a LinkedIn export), in bytes.
    upload_max_bytes: int = 50 * 1024 * 1024
    # GET /v1/me/export: how many times a person may export their data per rolling 24 hours.
    exports_per_day: int = 5
    # Notifications (backend/notifications) and their webhooks (backend/webhooks).
    notifications: bool = True
    notification_days: int = 90
    webhooks_allow_local: bool = False
    webhooks_retry_base_s: float = 10.0
    webhooks_disable_after: int = 15
    # One delivery attempt in all (DNS, connect, TLS, send, the answer's headers).
    webhooks_deadline_s: float = 15.0

    @classmethod
    def from_env(cls, env=None) -> Settings:
        env = os.environ if env is None else env
        local = LocalNeo4jSettings(**_given(env, LOCAL_VARIABLES))
        uri = env.get("NEO4J_URI") or None
        return cls(
            neo4j_uri=uri or local.uri,
            neo4j_user=_neo4j_user(env),
            neo4j_password=env.get("NEO4J_PASSWORD") if uri else local.password(),
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            uses_local_neo4j=uri is None,
            local=local,
            # Unset: the local default's development token (never with NEO4J_URI).
            admin_token=env.get("MUTUALS_ADMIN_TOKEN")
            or (None if uri else local.dev_admin_token()),
            **_given(env, VARIABLES),
        )


# The variables of the settings that are plain values (docs/configuration.md): the defaults are
# the dataclasses' own.
LOCAL_VARIABLES = {
    "home": ("MUTUALS_LOCAL_NEO4J_DIR", _folder),
    "bolt_port": ("MUTUALS_LOCAL_BOLT_PORT", _integer),
    "http_port": ("MUTUALS_LOCAL_HTTP_PORT", _integer),
    "heap": ("MUTUALS_LOCAL_HEAP", _text),
    "pagecache": ("MUTUALS_LOCAL_PAGECACHE", _text),
}
VARIABLES = {
    "host": ("MUTUALS_HOST", _text),
    "port": ("MUTUALS_PORT", _integer),
    "bookmark_secret": ("MUTUALS_BOOKMARK_SECRET", _text),
    "match_secret": ("MUTUALS_MATCH_SECRET", _text),
    "resend_wait_days": (("MUTUALS_RESEND_WAIT_DAYS", "MUTUALS_REINVITE_WAIT_DAYS"), _integer),
    "max_pending_outgoing": ("MUTUALS_MAX_PENDING_OUTGOING", _integer),
    "max_requests_per_week": (
        ("MUTUALS_MAX_REQUESTS_PER_WEEK", "MUTUALS_MAX_INVITES_PER_WEEK"),
        _integer,
    ),
    "intro_expiry_days": ("MUTUALS_INTRO_EXPIRY_DAYS", _integer),
    "max_open_intros": ("MUTUALS_MAX_OPEN_INTROS", _integer),
    "view_max_age_s": ("MUTUALS_VIEW_MAX_AGE", _integer),
    "view_threshold": ("MUTUALS_VIEW_THRESHOLD", _integer),
    "view_size": ("MUTUALS_VIEW_SIZE", _integer),
    "db_timeout_s": ("MUTUALS_DB_TIMEOUT_S", _positive_number),
    "db_background_timeout_s": ("MUTUALS_DB_BACKGROUND_TIMEOUT_S", _positive_number),
    "slow_query_ms": ("MUTUALS_SLOW_QUERY_MS", _integer),
    "token_ttl_days": ("MUTUALS_TOKEN_TTL_DAYS", _integer),
    "signup_limit": ("MUTUALS_SIGNUP_LIMIT", _rate),
    "auth_failure_limit": ("MUTUALS_AUTH_FAILURE_LIMIT", _rate),
    "limits_storage": ("MUTUALS_LIMITS_STORAGE", _text),
    "trusted_proxies": ("MUTUALS_TRUSTED_PROXIES", _integer),
    "exports_per_day": ("MUTUALS_EXPORTS_PER_DAY", _integer),
    "upload_max_bytes": ("MUTUALS_UPLOAD_MAX_BYTES", _integer),
    "notifications": ("MUTUALS_NOTIFICATIONS", _switch),
    "notification_days": ("MUTUALS_NOTIFICATION_DAYS", _integer),
    "webhooks_allow_local": ("MUTUALS_WEBHOOKS_ALLOW_LOCAL", _switch),
    "webhooks_retry_base_s": ("MUTUALS_WEBHOOKS_RETRY_BASE", _number),
    "webhooks_disable_after": ("MUTUALS_WEBHOOKS_DISABLE_AFTER", _integer),
    "webhooks_deadline_s": ("MUTUALS_WEBHOOKS_DEADLINE_S", _positive_number),
}
