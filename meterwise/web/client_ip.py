"""The client's address: the peer, or ``X-Forwarded-For`` only when the peer is trusted."""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import IPv4Network, IPv6Network, ip_address

from starlette.types import Scope

Network = IPv4Network | IPv6Network


def _trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in trusted)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def client_ip(scope: Scope, trusted: Sequence[Network]) -> str:
    """Walk ``X-Forwarded-For`` from the right, skipping trusted proxies.

    A spoofed header from an untrusted peer is ignored entirely: the peer address wins.
    """
    peer = (scope.get("client") or ("unknown", 0))[0]
    if not _trusted(peer, trusted):
        return str(peer)
    forwarded = _header(scope, b"x-forwarded-for")
    if not forwarded:
        return str(peer)
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            return hop if _is_ip(hop) else str(peer)
    return hops[0] if hops and _is_ip(hops[0]) else str(peer)


def forwarded_proto(scope: Scope, trusted: Sequence[Network]) -> str:
    """The original scheme: ``X-Forwarded-Proto`` from a trusted proxy, else the socket's."""
    peer = (scope.get("client") or ("unknown", 0))[0]
    scheme = str(scope.get("scheme", "http"))
    if _trusted(peer, trusted):
        header = _header(scope, b"x-forwarded-proto")
        if header:
            return header.split(",")[0].strip().lower()
    return scheme


def _is_ip(value: str) -> bool:
    try:
        ip_address(value)
    except ValueError:
        return False
    return True
