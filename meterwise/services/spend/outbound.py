"""Outbound URLs of notification channels: checked when saved, resolved and checked again
at every send (DNS may change), and then connected to at the address that was checked.

A channel URL is user input, so it must never reach the operator's network: production
needs https; no address may be private, loopback, link-local, multicast or reserved unless
its host is in ``METERWISE_WEBHOOK_ALLOWED_HOSTS``; development also allows loopback (local
receivers). Redirects are never followed (a 3xx is a failed delivery).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from meterwise.config import Settings
from meterwise.services.errors import UserErrorCode, UserInputError

MAX_URL = 2000


class UnsafeDestination(Exception):
    """The URL may not be reached (scheme, or an address it resolves to)."""


@dataclass(frozen=True)
class Destination:
    """Where to connect: ``url`` names the checked IP; ``hostname`` is the TLS server name
    (certificates are verified against it), ``host_header`` the HTTP Host."""

    url: str
    hostname: str
    host_header: str


def check_format(url: str, settings: Settings, field: str = "input.target") -> str:
    """A well-formed http(s) URL without credentials; raises ``UserInputError``."""
    url = url.strip()
    parts = urlsplit(url)
    allowed = ("https",) if settings.is_production else ("https", "http")
    if (len(url) > MAX_URL or parts.scheme not in allowed or not parts.hostname
            or parts.username or parts.password):
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             "An https:// URL without credentials"
                             + ("" if settings.is_production else " (http:// in development)")
                             + ".", field)
    return url


def hint(url: str) -> str:
    """What a channel list shows of its URL: scheme and host only (paths hold tokens)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}"[:120]


def _allowed(address: ipaddress.IPv4Address | ipaddress.IPv6Address, settings: Settings
             ) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback:
        return not settings.is_production
    return address.is_global and not address.is_multicast


async def resolve(url: str, settings: Settings) -> Destination:
    """The checked destination of ``url``; raises ``UnsafeDestination``."""
    try:
        check_format(url, settings)
    except UserInputError as exc:
        raise UnsafeDestination(exc.message) from None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)
    except OSError:
        raise UnsafeDestination(f"{host} does not resolve") from None
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    if not addresses:
        raise UnsafeDestination(f"{host} does not resolve")
    if host not in settings.webhook_allowed_host_list:
        refused = [a for a in addresses if not _allowed(a, settings)]
        if refused:
            raise UnsafeDestination(f"{host} resolves to a non-public address")
    address = addresses[0]
    literal = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    return Destination(url=urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query,
                                       "")), hostname=host,
                       host_header=f"{host}:{parts.port}" if parts.port else host)
