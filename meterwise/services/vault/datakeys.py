"""Sealing and opening account secrets with envelope encryption.

Each account has data keys (DEKs) in the keystore, wrapped by a master key; secrets are
AES-256-GCM sealed with the account's active DEK and bound to (account, record, id, field).
A DEK is unwrapped only for the one operation that needs it and never cached or logged.

The instance has data keys of its own too, under the reserved owner ``SYSTEM_OWNER``:
``system_key`` derives the audit-chain, checkpoint and sighting keys from them. They live in
the keystore like account keys, so ``keys rotate`` re-wraps them and retiring an old master
key version never orphans the audit log; account deletion and per-account data-key rotation
never touch them.

A frozen account (incident containment, ``services/containment``) has its provider keys
locked here, at the one place they are opened: ``open_secret`` refuses them with
``AccountFrozen`` whoever calls. Only ``reseal`` (data-key rotation) still reads them, and
it hands no plaintext back.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator
from uuid import UUID

from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from meterwise.models.containment import AccountFreeze
from meterwise.models.shield import SecurityEventKind, Severity
from meterwise.models.vault import DataKey
from meterwise.security import envelope
from meterwise.security.masterkeys import MasterKeyRing, UnknownMasterKeyError
from meterwise.services import security_events
from meterwise.wiring import current

log = logging.getLogger(__name__)

SYSTEM_OWNER = UUID(int=0)  # accounts get random (version 4) ids, never this one
# The sealed records a freeze locks: provider keys (``services.connections.SEALED_RECORD``).
FROZEN_RECORDS = frozenset({"provider_connection"})


class SecretUnavailable(Exception):
    """A secret cannot be opened: its data key was destroyed, or it was tampered with."""


class AccountFrozen(Exception):
    """The account is frozen (incident containment): its provider keys stay sealed."""


def master_ring(*, reload: bool = False) -> MasterKeyRing:
    """The process's master keys (its wiring's loader), read once and on ``reload``."""
    wiring = current()
    if wiring.ring is None or reload:
        wiring.ring = wiring.master_keys()
    return wiring.ring


def _unwrap(row: DataKey) -> bytes:
    wrapped = envelope.WrappedKey(master_key_id=row.master_key_id, blob=bytes(row.wrapped))
    try:
        ring = master_ring()
        if row.master_key_id not in ring:  # rotated by another process since we loaded
            ring = master_ring(reload=True)
        return envelope.unwrap_data_key(ring, wrapped, account_id=row.account_id, dek_id=row.id)
    except (UnknownMasterKeyError, envelope.DecryptionError) as exc:
        raise SecretUnavailable(f"data key {row.id} cannot be unwrapped") from exc


async def create_account_key(account_id: UUID) -> None:
    """Give a new account its first data key (idempotent)."""
    if await DataKey.filter(account_id=account_id).exists():
        return
    await add_account_key(account_id)


async def add_account_key(account_id: UUID) -> DataKey:
    """A new active data-key version for the account; older versions stay until re-sealed.

    Re-reads the master keys first: after ``keys rotate`` added a version to the key file, a
    long-running process must wrap new data keys with the new active key, not its cached one.
    """
    ring = master_ring(reload=True)
    async with in_transaction():
        latest = await DataKey.filter(account_id=account_id).order_by("-version").first()
        version = (latest.version + 1) if latest else 1
        await DataKey.filter(account_id=account_id, active=True).update(active=False)
        row = DataKey(account_id=account_id, version=version, master_key_id=ring.active.id,
                      wrapped=b"", active=True)
        dek = envelope.new_data_key()
        wrapped = envelope.wrap_data_key(ring, dek, account_id=account_id, dek_id=row.id)
        row.master_key_id, row.wrapped = wrapped.master_key_id, wrapped.blob
        await row.save()
    return row


async def seal(account_id: UUID, plaintext: str | bytes, *, record: str,
               record_id: str | UUID, field: str) -> str:
    row = await DataKey.get_or_none(account_id=account_id, active=True)
    if row is None:
        raise SecretUnavailable(f"account {account_id} has no data key")
    context = envelope.SealContext(account_id=account_id, record=record, record_id=record_id,
                                   field=field)
    return envelope.seal(_unwrap(row), plaintext, dek_id=row.id, context=context)


async def open_secret(account_id: UUID, token: str, *, record: str, record_id: str | UUID,
                      field: str) -> bytes:
    """The plaintext of a sealed value; ``AccountFrozen`` for a frozen account's provider
    keys (checked before any key is unwrapped)."""
    if record in FROZEN_RECORDS and await AccountFreeze.exists(account_id=account_id):
        raise AccountFrozen(f"account {account_id} is frozen")
    return await _open(account_id, token, record=record, record_id=record_id, field=field)


async def reseal(account_id: UUID, token: str, *, record: str, record_id: str | UUID,
                 field: str) -> str:
    """``token`` sealed again under the account's active data key (rotation); the
    plaintext never leaves this call, so a frozen account's keys may be re-sealed."""
    plain = await _open(account_id, token, record=record, record_id=record_id, field=field)
    try:
        return await seal(account_id, plain, record=record, record_id=record_id, field=field)
    finally:
        del plain


async def _open(account_id: UUID, token: str, *, record: str, record_id: str | UUID,
                field: str) -> bytes:
    try:
        dek_id = UUID(envelope.sealed_key_id(token))
    except (ValueError, envelope.DecryptionError) as exc:
        raise SecretUnavailable("not a sealed value") from exc
    row = await DataKey.get_or_none(id=dek_id, account_id=account_id)
    if row is None:
        raise SecretUnavailable("the data key of this secret no longer exists")
    context = envelope.SealContext(account_id=account_id, record=record, record_id=record_id,
                                   field=field)
    try:
        return envelope.open_sealed(_unwrap(row), token, context=context)
    except SecretUnavailable:
        await _decrypt_failed(account_id, record, field, "data key does not unwrap")
        raise
    except envelope.DecryptionError as exc:
        await _decrypt_failed(account_id, record, field, "failed authentication")
        raise SecretUnavailable("sealed value failed authentication") from exc


async def _decrypt_failed(account_id: UUID, record: str, field: str, reason: str) -> None:
    """A security event per failed decrypt (tampered ciphertext, swapped keys): the
    ``decrypt_failures`` incident rule counts them. A shredded key is not one: that secret
    is meant to be gone."""
    await security_events.record(SecurityEventKind.DECRYPT_FAILED, account_id=account_id,
                                 severity=Severity.MEDIUM,
                                 details={"record": record, "field": field, "reason": reason})


async def destroy_account_keys(account_id: UUID) -> int:
    """Crypto-shred: every secret of the account, in every backup, becomes unreadable."""
    if account_id == SYSTEM_OWNER:
        raise ValueError("the instance's own keys are not an account's")
    return await DataKey.filter(account_id=account_id).delete()


async def system_key(purpose: str, key_id: str | None = None) -> tuple[str, bytes]:
    """(key id, 32-byte key for ``purpose``), derived by HKDF from an instance data key.

    Without ``key_id``: the current instance key, created on first use (a concurrent
    creator's key wins). With one: that key, or ``SecretUnavailable`` when it no longer
    exists or does not unwrap (deleted or swapped rows, wrong master keys).
    """
    if key_id is None:
        row = await DataKey.get_or_none(account_id=SYSTEM_OWNER, active=True)
        if row is None:
            # Never mint the instance key under foreign master keys (a command run with the
            # wrong key file): they must open the keystore's existing keys first.
            sample = await DataKey.exclude(account_id=SYSTEM_OWNER).order_by("-created_at").first()
            if sample is not None:
                _unwrap(sample)
            try:
                row = await add_account_key(SYSTEM_OWNER)
            except IntegrityError:  # another process created version 1 first
                row = await DataKey.get(account_id=SYSTEM_OWNER, active=True)
    else:
        try:
            ident = UUID(key_id)
        except ValueError:
            raise SecretUnavailable(f"no instance key {key_id!r}") from None
        row = await DataKey.get_or_none(id=ident, account_id=SYSTEM_OWNER)
        if row is None:
            raise SecretUnavailable(f"instance key {key_id} no longer exists")
    derived = HKDF(algorithm=SHA256(), length=32, salt=None,
                   info=b"meterwise/instance-key/v1/" + purpose.encode()).derive(_unwrap(row))
    return str(row.id), derived


def _lock_id(account_id: UUID) -> int:
    digest = hashlib.sha256(b"meterwise/dek-lock/" + account_id.bytes).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextlib.asynccontextmanager
async def sealing(account_id: UUID) -> AsyncIterator[None]:
    """A transaction for sealing and storing an account's secret.

    Holds the account's key lock in shared mode, so a data-key rotation (which takes it
    exclusively before re-sealing and deleting old keys) never deletes the key a concurrent
    writer just sealed with. Seal *and* save inside the block.
    """
    async with in_transaction() as conn:
        await conn.execute_query("SELECT pg_advisory_xact_lock_shared($1)", [_lock_id(account_id)])
        yield


@contextlib.asynccontextmanager
async def rotating(account_id: UUID) -> AsyncIterator[None]:
    """A transaction holding the account's key lock exclusively (data-key rotation)."""
    async with in_transaction() as conn:
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [_lock_id(account_id)])
        yield


async def check_account_keys(account_id: UUID) -> int:
    """Unwrap every data key of the account (nothing kept); raises ``SecretUnavailable``."""
    rows = await DataKey.filter(account_id=account_id)
    for row in rows:
        _unwrap(row)
    return len(rows)
