"""Where a webhook may send: https to public addresses only (no private, loopback,
link-local or cloud metadata address, after DNS resolution), and http to loopback when
``MUTUALS_WEBHOOKS_ALLOW_LOCAL=1`` (tests, ``make run``).

The check runs when a webhook is registered (a 422) and again before every attempt, on the
addresses the connection then uses (a name may resolve elsewhere later): the sender connects
to the address checked here, never resolving the name a second time.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

URL_MAX = 2000
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


def check(url: str, allow_local: bool) -> Target:
    """The target of ``url``, or :class:`RefusedURL`."""
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
    addresses = resolve(parts.hostname, port)
    local = all(address.is_loopback for address in addresses)
    if parts.scheme == "http" and not (allow_local and local):
        raise RefusedURL("Use an https:// URL (http only for loopback in development).")
    for address in addresses:
        if not (address.is_global or (allow_local and address.is_loopback)):
            named = (
                parts.hostname
                if parts.hostname == str(address)
                else (f"{parts.hostname} resolves to {address}, which")
            )
            raise RefusedURL(f"{named} is a private, loopback, link-local or reserved address.")
    path = parts.path or "/"
    return Target(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port,
        path=f"{path}?{parts.query}" if parts.query else path,
        address=str(addresses[0]),
    )


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address ``host`` resolves to (an IPv4-mapped IPv6 address as its IPv4 one)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise RefusedURL(f"Cannot resolve {host}: {error}.") from None
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
