"""Where a webhook may send: https to public addresses only, after DNS resolution, and http
to loopback when ``MUTUALS_WEBHOOKS_ALLOW_LOCAL=1`` (tests, ``make run``).

"Public" is an allow-list, not ``is_global`` alone: a unicast range (IPv4 below multicast,
IPv6 2000::/3) that the IANA registries also call global, minus the IPv6 ranges that carry
an IPv4 address inside (6to4, Teredo) and so may route to an internal host. Everything else
(private, loopback, link-local, cloud metadata, NAT64 64:ff9b::/96, IPv4-translated
::ffff:0:0:0/96, site-local fec0::/10, multicast, reserved) is refused. A refusal says only
"not a public address": never the address a name resolved to (a way to map internal DNS).

The check runs when a webhook is registered (a 422) and again before every attempt, on the
addresses the connection then uses (a name may resolve elsewhere later): the sender connects
to the address checked here, never resolving the name a second time.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

URL_MAX = 2000
# A name that takes longer to resolve is refused (at registration; an attempt has its own
# deadline, which includes the lookup).
RESOLVE_TIMEOUT_S = 5.0
NOT_PUBLIC = "Not a public address."
GLOBAL_UNICAST = tuple(
    ipaddress.ip_network(n) for n in ("0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "2000::/3")
)
# Global unicast on paper, an IPv4 address inside: 6to4 (2002::/16) and Teredo (2001::/32).
TUNNELLED = tuple(ipaddress.ip_network(n) for n in ("2002::/16", "2001::/32"))
DEFAULT_PORTS = {"https": 443, "http": 80}


class RefusedURL(ValueError):
    """A URL the webhooks must not send to; the message says why."""


@dataclass(frozen=True)
class Target:
    """A checked URL: the address to connect to and what to tell the server."""

    scheme: str
    host: str  # as in the URL: the Host header and the TLS server name
    port: int
    path: str  # path and query
    address: str  # the IP address checked


def check(url: str, allow_local: bool, resolve_timeout_s: float = RESOLVE_TIMEOUT_S) -> Target:
    """The target of ``url``, or :class:`RefusedURL` (also when its name does not resolve
    within ``resolve_timeout_s``)."""
    if len(url) > URL_MAX:
        raise RefusedURL(f"Longer than {URL_MAX} characters.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise RefusedURL(f"Not a URL: {error}.") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise RefusedURL("Use an https:// URL.")
    if parts.username is not None or parts.password is not None:
        raise RefusedURL("No credentials in the URL: verify the signature instead.")
    if parts.fragment:
        raise RefusedURL("No #fragment in the URL.")
    port = port or DEFAULT_PORTS[parts.scheme]
    addresses = resolve(parts.hostname, port, resolve_timeout_s)
    local = all(address.is_loopback for address in addresses)
    if parts.scheme == "http" and not (allow_local and local):
        raise RefusedURL("Use an https:// URL (http only for loopback in development).")
    if not all(is_public(a) or (allow_local and a.is_loopback) for a in addresses):
        raise RefusedURL(NOT_PUBLIC)
    path = parts.path or "/"
    return Target(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port,
        path=f"{path}?{parts.query}" if parts.query else path,
        address=str(addresses[0]),
    )


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """On the allow-list (an address is never in a network of the other IP version)."""
    return (
        any(address in network for network in GLOBAL_UNICAST)
        and not any(address in network for network in TUNNELLED)
        and address.is_global
    )


def resolve(
    host: str, port: int, timeout_s: float = RESOLVE_TIMEOUT_S
) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address ``host`` resolves to (an IPv4-mapped IPv6 address as its IPv4 one)."""
    infos = _getaddrinfo_within(host, port, timeout_s)
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise RefusedURL(f"Cannot resolve {host}.")
    return addresses


def _getaddrinfo_within(host: str, port: int, timeout_s: float) -> list:
    """``getaddrinfo``, which has no timeout of its own, given ``timeout_s``: the lookup runs
    in a daemon thread that is left behind (to finish or fail on its own) when it is late."""
    answer: dict = {}

    def lookup():
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:  # gaierror is an OSError
            answer["error"] = error

    thread = threading.Thread(target=lookup, daemon=True, name=f"resolve {host}")
    thread.start()
    thread.join(max(timeout_s, 0.0))
    if thread.is_alive():
        raise RefusedURL(f"Cannot resolve {host} within {timeout_s:.0f} s.")
    if "error" in answer:
        raise RefusedURL(f"Cannot resolve {host}: {answer['error']}.")
    return answer["infos"]
