"""Envelope encryption of secrets: per-account data keys wrapped by master keys.

Every account has its own 32-byte data key (DEK). Secrets (provider keys, TOTP secrets,
webhook secrets) are sealed with the account's DEK; the DEK is stored only wrapped by a
master key. Destroying every copy of an account's wrapped DEK therefore shreds all its
secrets (so a copy must not survive in a restorable backup), and rotating a master key only
re-wraps DEKs, never re-encrypts secrets.

Both layers are AES-256-GCM with a fresh random 96-bit nonce per encryption, and both
bind their ciphertext to where it belongs through associated data (AAD):

* wrapped DEK: AAD = parts("meterwise/dek-wrap/v1", master key id, account id, DEK id),
  so a wrapped DEK copied to another account (or relabelled) fails to unwrap;
* sealed secret: AAD = parts("meterwise/seal/v1", DEK id, account id, record, record id,
  field), so a ciphertext copied to another row, field or account fails to open.

``parts`` is an unambiguous encoding: each part as a 4-byte big-endian length followed by
its UTF-8 bytes (``("a:b", "c")`` and ``("a", "b:c")`` differ).

Formats
-------
Sealed secret (text, safe for a TEXT column)::

    mw1:<dek id>:<nonce>:<ciphertext+tag>

``mw1`` is the format version; ``<dek id>`` names the data key (1-64 of A-Z a-z 0-9 _ -),
so the reader knows which DEK version to load (``sealed_key_id``); nonce (12 bytes) and
ciphertext+tag (plaintext length + 16 bytes) are unpadded URL-safe base64. Parsing is
strict: exactly four fields, canonical base64 only, exact nonce size.

Wrapped DEK: ``WrappedKey(master_key_id, blob)``, blob = ``0x01 | nonce(12) |
ciphertext+tag(48)`` (61 bytes); store the master key id in its own column so
``keys status`` can count keys per version.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import struct
from dataclasses import dataclass, field
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from meterwise.security.masterkeys import MasterKeyRing

__all__ = [
    "DEK_SIZE",
    "DecryptionError",
    "Ident",
    "SealContext",
    "WrappedKey",
    "new_data_key",
    "open_sealed",
    "rewrap",
    "seal",
    "sealed_key_id",
    "unwrap_data_key",
    "wrap_data_key",
]

DEK_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
SEAL_PREFIX = "mw1"
_WRAP_VERSION = b"\x01"
_WRAPPED_SIZE = 1 + NONCE_SIZE + DEK_SIZE + TAG_SIZE
_DEK_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")

Ident = str | int | UUID
"""Account, record and key ids: given as str, int or UUID, bound in AAD as ``str(value)``."""


class DecryptionError(Exception):
    """A wrapped key or sealed value could not be opened. Says what failed, never the data."""


@dataclass(frozen=True, slots=True)
class WrappedKey:
    """A data key encrypted under the master key ``master_key_id``."""

    master_key_id: str
    blob: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class SealContext:
    """Where a sealed value lives; it must match exactly to open the value."""

    account_id: Ident
    record: str
    record_id: Ident
    field: str

    def __post_init__(self) -> None:
        for name in ("account_id", "record", "record_id", "field"):
            _ident(getattr(self, name), name)


def new_data_key() -> bytes:
    """A fresh random 32-byte data key."""
    return os.urandom(DEK_SIZE)


def wrap_data_key(
    ring: MasterKeyRing, dek: bytes, *, account_id: Ident, dek_id: Ident
) -> WrappedKey:
    """Encrypt a data key under the ring's active master key, bound to its account and id."""
    _check_dek(dek)
    master = ring.active
    nonce = os.urandom(NONCE_SIZE)
    aad = _wrap_aad(master.id, account_id, dek_id)
    return WrappedKey(
        master.id, _WRAP_VERSION + nonce + AESGCM(master.key).encrypt(nonce, dek, aad)
    )


def unwrap_data_key(
    ring: MasterKeyRing, wrapped: WrappedKey, *, account_id: Ident, dek_id: Ident
) -> bytes:
    """Decrypt a data key; fails if it belongs to another account/DEK id or was altered."""
    master = ring.find(wrapped.master_key_id)
    if master is None:
        raise DecryptionError(
            f"data key is wrapped by master key '{wrapped.master_key_id}', "
            "which is not in the key ring"
        )
    blob = wrapped.blob
    if len(blob) != _WRAPPED_SIZE or blob[:1] != _WRAP_VERSION:
        raise DecryptionError("malformed wrapped data key")
    nonce, ciphertext = blob[1 : 1 + NONCE_SIZE], blob[1 + NONCE_SIZE :]
    aad = _wrap_aad(master.id, account_id, dek_id)
    try:
        return AESGCM(master.key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        pass
    raise DecryptionError(
        "wrapped data key failed authentication: it belongs to another account or data key, "
        "or was altered"
    )


def rewrap(
    ring: MasterKeyRing, wrapped: WrappedKey, *, account_id: Ident, dek_id: Ident
) -> WrappedKey:
    """Re-wrap a data key under the active master key; returns ``wrapped`` if already there."""
    if wrapped.master_key_id == ring.active.id:
        return wrapped
    dek = unwrap_data_key(ring, wrapped, account_id=account_id, dek_id=dek_id)
    return wrap_data_key(ring, dek, account_id=account_id, dek_id=dek_id)


def seal(dek: bytes, plaintext: str | bytes, *, dek_id: Ident, context: SealContext) -> str:
    """Encrypt a secret with a data key into the ``mw1:`` text format (see module doc)."""
    _check_dek(dek)
    key_id = _dek_id(dek_id)
    data = plaintext.encode("utf-8") if isinstance(plaintext, str) else bytes(plaintext)
    nonce = os.urandom(NONCE_SIZE)
    ciphertext = AESGCM(dek).encrypt(nonce, data, _seal_aad(key_id, context))
    return f"{SEAL_PREFIX}:{key_id}:{_b64encode(nonce)}:{_b64encode(ciphertext)}"


def open_sealed(dek: bytes, token: str, *, context: SealContext) -> bytes:
    """Decrypt a sealed value; fails on a wrong context, wrong key or any alteration.

    Pick ``dek`` by ``sealed_key_id(token)``; the id in the token is authenticated, so a
    relabelled token fails too.
    """
    _check_dek(dek)
    key_id, nonce, ciphertext = _parse_token(token)
    try:
        return AESGCM(dek).decrypt(nonce, ciphertext, _seal_aad(key_id, context))
    except InvalidTag:
        pass
    raise DecryptionError(
        "sealed value failed authentication: wrong account, record or field, wrong data key, "
        "or the value was altered"
    )


def sealed_key_id(token: str) -> str:
    """The data key id a sealed value names (validates the whole format)."""
    return _parse_token(token)[0]


def _parse_token(token: str) -> tuple[str, bytes, bytes]:
    if not isinstance(token, str):
        raise DecryptionError("sealed value must be text")
    parts = token.split(":")
    if len(parts) != 4 or parts[0] != SEAL_PREFIX:
        raise DecryptionError("not a Meterwise sealed value (expected mw1:<key>:<nonce>:<data>)")
    _, key_id, nonce_text, data_text = parts
    if not _DEK_ID.fullmatch(key_id):
        raise DecryptionError("malformed sealed value: invalid data key id")
    nonce = _b64decode(nonce_text)
    if nonce is None or len(nonce) != NONCE_SIZE:
        raise DecryptionError("malformed sealed value: invalid nonce")
    ciphertext = _b64decode(data_text)
    if ciphertext is None or len(ciphertext) < TAG_SIZE:
        raise DecryptionError("malformed sealed value: invalid ciphertext")
    return key_id, nonce, ciphertext


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes | None:
    """Strict unpadded URL-safe base64: only the canonical encoding of some bytes decodes."""
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        return None
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    return data if _b64encode(data) == text else None


def _wrap_aad(master_key_id: str, account_id: Ident, dek_id: Ident) -> bytes:
    return _encode_parts(
        "meterwise/dek-wrap/v1", master_key_id, _ident(account_id, "account_id"), _dek_id(dek_id)
    )


def _seal_aad(key_id: str, context: SealContext) -> bytes:
    return _encode_parts(
        "meterwise/seal/v1",
        key_id,
        _ident(context.account_id, "account_id"),
        context.record,
        _ident(context.record_id, "record_id"),
        context.field,
    )


def _encode_parts(*parts: str) -> bytes:
    out = bytearray()
    for part in parts:
        raw = part.encode("utf-8")
        out += struct.pack(">I", len(raw)) + raw
    return bytes(out)


def _ident(value: object, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | UUID):
        raise TypeError(f"{name} must be str, int or UUID, not {type(value).__name__}")
    text = str(value)
    if not text:
        raise ValueError(f"{name} must not be empty")
    return text


def _dek_id(value: Ident) -> str:
    text = _ident(value, "dek_id")
    if not _DEK_ID.fullmatch(text):
        raise ValueError("dek_id must be 1-64 of A-Z a-z 0-9 _ -")
    return text


def _check_dek(dek: bytes) -> None:
    if not isinstance(dek, bytes) or len(dek) != DEK_SIZE:
        raise ValueError(f"data key must be {DEK_SIZE} bytes")
