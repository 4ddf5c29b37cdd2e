"""TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with replay protection, and recovery codes.

pyotp's own `verify` accepts the same code again and again inside its window, so this
module returns the matched *time step* and refuses any step at or below the last one the
caller stored for the user: a code is accepted once, and after a newer code no older one.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import re
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime

import pyotp
import segno
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "DIGITS",
    "RECOVERY_CODE_CHARS",
    "STEP_SECONDS",
    "generate_recovery_codes",
    "hash_recovery_code",
    "match_recovery_code",
    "new_totp_secret",
    "normalise_totp_code",
    "provisioning_uri",
    "qr_svg",
    "recovery_code_key",
    "time_step",
    "verify_totp",
]

STEP_SECONDS = 30
DIGITS = 6
VALID_WINDOW = 1  # steps either side of now: tolerates ~30 s of clock drift
SECRET_BASE32_CHARS = 32  # 160 bits, the size RFC 4226 recommends for HMAC-SHA-1 keys

_CODE_RE = re.compile(r"[0-9]{6}", re.ASCII)


def new_totp_secret() -> str:
    """A fresh random base32 TOTP secret (160 bits)."""
    return pyotp.random_base32(SECRET_BASE32_CHARS)


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)


def provisioning_uri(secret: str, email: str, issuer: str = "Meterwise") -> str:
    """The `otpauth://` URI authenticator apps scan."""
    return _totp(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The URI as a QR code, as standalone SVG text."""
    out = io.BytesIO()
    segno.make(uri, error="m", micro=False).save(out, kind="svg", scale=4, xmldecl=False)
    return out.getvalue().decode("utf-8")


def time_step(now: datetime | float) -> int:
    """The RFC 6238 counter for `now` (naive datetimes are UTC); callers pass
    ``clock.now()``: this module sits below the clock."""
    if isinstance(now, datetime):
        ts = (now if now.tzinfo else now.replace(tzinfo=UTC)).timestamp()
    else:
        ts = float(now)
    return int(ts // STEP_SECONDS)


def normalise_totp_code(code: str) -> str | None:
    """`code` without spaces if it is exactly six ASCII digits, else None."""
    compact = "".join(code.split())
    return compact if _CODE_RE.fullmatch(compact) else None


def verify_totp(
    secret: str,
    code: str,
    *,
    last_used_step: int | None,
    now: datetime | float,
) -> int | None:
    """The time step `code` matches (now ±1), if that step is newer than `last_used_step`.

    Store the returned step as the user's new `last_used_step`: that makes the same code,
    and any code from an older or equal step, fail from then on. All candidate steps are
    compared in constant time, with no early exit.
    """
    candidate = normalise_totp_code(code)
    if candidate is None:
        return None
    totp = _totp(secret)
    current = time_step(now)
    matched: int | None = None
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        ok = hmac.compare_digest(totp.generate_otp(step).encode(), candidate.encode())
        fresh = last_used_step is None or step > last_used_step
        if ok and fresh:
            matched = step
    return matched


# --- recovery codes -----------------------------------------------------------------------

# Crockford's base32: no I, L, O or U, so codes survive being read aloud or handwritten.
RECOVERY_CODE_CHARS = "0123456789abcdefghjkmnpqrstvwxyz"
_RECOVERY_GROUPS = 3
_RECOVERY_GROUP_LEN = 4  # 3 x 4 chars x 5 bits = 60 bits per code
_CONFUSABLE = str.maketrans({"o": "0", "i": "1", "l": "1"})


def generate_recovery_codes(n: int = 10) -> list[str]:
    """`n` single-use recovery codes like `7k2m-q9xd-4hzt` (60 random bits each)."""
    return [
        "-".join(
            "".join(secrets.choice(RECOVERY_CODE_CHARS) for _ in range(_RECOVERY_GROUP_LEN))
            for _ in range(_RECOVERY_GROUPS)
        )
        for _ in range(n)
    ]


def recovery_code_key(master_key: bytes, key_id: str) -> bytes:
    """The HMAC key for recovery codes under one master key version (HKDF-SHA-256, its own
    label): a stolen database without the master key cannot test a single guess."""
    info = b"meterwise/recovery-codes/v1\x00" + key_id.encode("ascii")
    return HKDF(algorithm=SHA256(), length=32, salt=None, info=info).derive(master_key)


def _normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.casefold() if ch not in "- \t\r\n").translate(_CONFUSABLE)


def hash_recovery_code(code: str, *, key: bytes | None = None) -> str:
    """SHA-256 hex of the normalised code (HMAC-SHA-256 when a server `key` is given).

    A slow password hash is not needed: each code carries 60 random bits, so brute-forcing
    one plain SHA-256 from a stolen database costs ~2^59 hashes (GPU-years). Passing a key
    kept outside the database (e.g. derived from the master key) makes a stolen database
    alone useless. Case, dashes, spaces and O/0, I/L/1 confusions are normalised first.
    """
    data = _normalise_recovery_code(code).encode("ascii", "replace")
    if key is not None:
        return hmac.new(key, data, hashlib.sha256).hexdigest()
    return hashlib.sha256(data).hexdigest()


def match_recovery_code(
    code: str, hashes: Sequence[str], *, key: bytes | None = None
) -> int | None:
    """Index of the stored hash `code` matches, else None.

    Every hash is compared in constant time, without stopping at the first match. The
    caller must delete (or mark used) the hash at the returned index: that is what makes
    recovery codes single-use.
    """
    if not _normalise_recovery_code(code):
        return None
    digest = hash_recovery_code(code, key=key).encode()
    found: int | None = None
    for index, stored in enumerate(hashes):
        if hmac.compare_digest(digest, stored.encode()) and found is None:
            found = index
    return found
