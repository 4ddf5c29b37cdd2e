"""TLS for ``meterwise serve --ssl-certfile/--ssl-keyfile``: TLS 1.3 only.

TLS 1.3 removes the legacy ciphers, renegotiation and RSA key exchange that 1.2 still
allows; clients that cannot speak it are refused during the handshake.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any


def tls13_context_factory(config: Any, default: Callable[[], ssl.SSLContext]) -> ssl.SSLContext:
    """uvicorn's ``ssl_context_factory``: its own context (cert, key), minimum TLS 1.3."""
    context = default()
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.options |= ssl.OP_NO_COMPRESSION
    return context
