"""The client's address behind a reverse proxy: X-Forwarded-For, believed only from the
proxies named in MODERATION_TRUSTED_PROXIES.

A hop count (Werkzeug's ProxyFix) would believe the header from anyone who reaches the
port directly; naming the proxies' addresses lets a forged header count only when the
connection really comes from a proxy of ours.
"""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Network, IPv6Network, ip_address

Network = IPv4Network | IPv6Network


def _is_in(address: str, networks: Iterable[Network]) -> bool:
    try:
        parsed = ip_address(address.strip())
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def client_address(peer: str, forwarded_for: str, trusted: tuple[Network, ...]) -> str:
    """The first address, from the right, that no trusted proxy accounts for.

    Each trusted proxy appends the address it was reached from, so entries left of the
    first untrusted one were written by the client and prove nothing.
    """
    if not _is_in(peer, trusted):
        return peer
    client = peer
    for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
        try:
            ip_address(hop)
        except ValueError:
            break  # not written by a proxy of ours: keep the last hop we can vouch for
        client = hop
        if not _is_in(hop, trusted):
            break
    return client


class TrustedProxies:
    """WSGI middleware: REMOTE_ADDR becomes the client's address when a trusted proxy says so."""

    def __init__(self, app, trusted: tuple[Network, ...]) -> None:
        self.app = app
        self.trusted = trusted

    def __call__(self, environ, start_response):
        peer = environ.get("REMOTE_ADDR", "")
        client = client_address(peer, environ.get("HTTP_X_FORWARDED_FOR", ""), self.trusted)
        if client != peer:
            environ["moderation.proxy_addr"] = peer
            environ["REMOTE_ADDR"] = client
        return self.app(environ, start_response)
