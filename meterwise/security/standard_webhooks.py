"""Standard Webhooks signing (standardwebhooks.com): what alert receivers verify.

The secret is ``whsec_<base64 of the key bytes>``; the signature header is
``v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`` (space-separated when several
secrets sign during a rotation). ``webhook-id`` stays the same across retries so receivers
can drop duplicates; ``verify`` refuses timestamps outside ``tolerance`` (no replays).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"
PREFIX = "whsec_"
KEY_BYTES = 32


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(PREFIX), validate=True)


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` value for one message."""
    content = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret: str, message_id: str, body: bytes, *, timestamp: int | None = None
            ) -> dict[str, str]:
    stamp = int(time.time()) if timestamp is None else timestamp
    return {ID_HEADER: message_id, TIMESTAMP_HEADER: str(stamp),
            SIGNATURE_HEADER: sign(secret, message_id, stamp, body)}


def verify(secret: str, received: dict[str, str], body: bytes, *, tolerance: float = 300,
           now: float | None = None) -> bool:
    """True when one of the signatures matches and the timestamp is fresh."""
    try:
        stamp = int(received[TIMESTAMP_HEADER])
        message_id = received[ID_HEADER]
        offered = received[SIGNATURE_HEADER].split()
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - stamp) > tolerance:
        return False
    expected = sign(secret, message_id, stamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in offered)
