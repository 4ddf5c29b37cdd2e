"""Opaque bearer tokens: random, prefixed, stored only as a hash.

The prefix says what a token is for (and lets log redaction and secret scanners find
leaked ones); the rest is 256 random bits, URL-safe base64.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

__all__ = [
    "API_TOKEN_PREFIX",
    "INVITE_PREFIX",
    "MFA_PENDING_PREFIX",
    "SESSION_PREFIX",
    "TOKEN_PATTERN",
    "TOKEN_PREFIXES",
    "constant_time_equals",
    "hash_token",
    "new_token",
    "token_prefix",
]

SESSION_PREFIX = "mws_"
API_TOKEN_PREFIX = "mwt_"  # noqa: S105 - a prefix, not a secret
INVITE_PREFIX = "mwi_"
MFA_PENDING_PREFIX = "mwm_"
TOKEN_PREFIXES: frozenset[str] = frozenset(
    {SESSION_PREFIX, API_TOKEN_PREFIX, INVITE_PREFIX, MFA_PENDING_PREFIX}
)
TOKEN_BYTES = 32  # 256 bits

# Any Meterwise token inside a larger text (used by redaction; 43 chars = 32 bytes b64url).
TOKEN_PATTERN = re.compile(r"(?<![A-Za-z0-9])mw[stim]_[A-Za-z0-9_-]{20,}")


def new_token(prefix: str) -> str:
    """A new token: one of the known prefixes + 256 random bits (43 URL-safe chars).

    Only known prefixes are allowed so that every token the app mints is one the log
    redaction recognises.
    """
    if prefix not in TOKEN_PREFIXES:
        raise ValueError(f"unknown token prefix {prefix!r}")
    return prefix + secrets.token_urlsafe(TOKEN_BYTES)


def token_prefix(token: str) -> str | None:
    """The known prefix `token` starts with, else None."""
    head = token[:4]
    return head if head in TOKEN_PREFIXES else None


def hash_token(token: str) -> str:
    """SHA-256 hex of the token, the only form the database keeps.

    No salt or slow hash is needed: tokens carry 256 random bits, so there is no
    dictionary to precompute and no brute force to slow down. A plain, deterministic hash
    also lets the token be looked up by an indexed equality query.
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def constant_time_equals(a: str | bytes, b: str | bytes) -> bool:
    """Compare two secrets without leaking, through timing, where they first differ."""
    left = a.encode("utf-8") if isinstance(a, str) else a
    right = b.encode("utf-8") if isinstance(b, str) else b
    return hmac.compare_digest(left, right)
