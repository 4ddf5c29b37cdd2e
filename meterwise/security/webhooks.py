"""Signing webhook bodies: HMAC-SHA256 over ``<timestamp>.<body>``.

Receivers recompute the signature with the shared secret and reject stale timestamps
(``verify`` allows ``tolerance`` seconds), so a captured delivery cannot be replayed later.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Meterwise-Signature"
TIMESTAMP_HEADER = "X-Meterwise-Timestamp"
SCHEME = "v1"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """``v1=<hex>``: the value of the signature header."""
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"{SCHEME}={digest}"


def verify(secret: str, timestamp: str, body: bytes, signature: str, *,
           tolerance: float = 300, now: float | None = None) -> bool:
    """True when ``signature`` matches and ``timestamp`` is within ``tolerance`` seconds."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    if abs((now if now is not None else time.time()) - sent) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, sent, body), signature)
