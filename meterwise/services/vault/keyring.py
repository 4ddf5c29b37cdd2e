"""Master-key rotation: re-wrap every data key under the active master key, in batches.

Re-wrapping touches only ``keystore.data_key`` (a DEK's plaintext never changes, so sealed
secrets stay as they are). Each batch locks its rows with ``FOR UPDATE SKIP LOCKED`` and
commits on its own, so any number of runs may overlap, a crash loses at most one batch,
and running again simply continues: the job is idempotent and resumable. Readers are never
blocked: a row holds a valid wrap under the old or the new key at every instant, and both
stay in the ring until ``keys status`` shows the old one wraps nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.vault import AccountDeletion
from meterwise.security import envelope
from meterwise.security.masterkeys import (
    MasterKeyError,
    MasterKeyRing,
    add_version,
    remove_version,
)
from meterwise.services import vault

DEFAULT_BATCH = 200

_SELECT_STALE = (
    "SELECT id, account_id, master_key_id, wrapped FROM keystore.data_key "
    "WHERE master_key_id = ANY($1::text[]) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED"
)
_UPDATE = (
    "UPDATE keystore.data_key SET master_key_id = $1, wrapped = $2, rewrapped_at = now() "
    "WHERE id = $3"
)


@dataclass(frozen=True)
class VersionStatus:
    """One master key version and how many data keys it wraps."""

    id: str
    data_keys: int
    active: bool
    in_ring: bool

    @property
    def retirable(self) -> bool:
        return self.in_ring and not self.active and self.data_keys == 0


async def status(ring: MasterKeyRing | None = None) -> list[VersionStatus]:
    """Every version in the ring (oldest first), then any id the keystore names but the ring
    lacks (those data keys cannot be unwrapped until the key is restored)."""
    ring = ring or vault.master_ring(reload=True)
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict(
            "SELECT master_key_id, count(*) AS n FROM keystore.data_key GROUP BY master_key_id")
    counts = {row["master_key_id"]: int(row["n"]) for row in rows}
    versions = [VersionStatus(k.id, counts.pop(k.id, 0), k.id == ring.active.id, True)
                for k in ring.keys]
    versions += [VersionStatus(key_id, n, False, False) for key_id, n in sorted(counts.items())]
    return versions


async def pending(ring: MasterKeyRing | None = None) -> int:
    """How many data keys are wrapped by an older version that the ring still holds."""
    ring = ring or vault.master_ring(reload=True)
    return sum(v.data_keys for v in await status(ring) if v.in_ring and not v.active)


async def rewrap_batch(ring: MasterKeyRing, *, limit: int = DEFAULT_BATCH) -> int:
    """Re-wrap up to ``limit`` stale data keys in one transaction; returns how many."""
    old_ids = [key.id for key in ring.keys if key.id != ring.active.id]
    if not old_ids:
        return 0
    async with in_transaction() as conn:
        rows: list[dict[str, Any]] = await conn.execute_query_dict(_SELECT_STALE,
                                                                   [old_ids, limit])
        for row in rows:
            wrapped = envelope.WrappedKey(row["master_key_id"], bytes(row["wrapped"]))
            fresh = envelope.rewrap(ring, wrapped, account_id=row["account_id"],
                                    dek_id=row["id"])
            await conn.execute_query(_UPDATE, [fresh.master_key_id, fresh.blob, row["id"]])
    return len(rows)


async def rewrap_all(*, batch: int = DEFAULT_BATCH,
                     progress: Callable[[int, int], None] | None = None) -> int:
    """Re-wrap every stale data key; ``progress(done, total)`` after each batch.

    Stops when a batch finds nothing it can lock, so rows another run holds are left to
    that run. Returns how many this call re-wrapped.
    """
    ring = vault.master_ring(reload=True)
    total = await pending(ring)
    done = 0
    if progress is not None:
        progress(done, total)
    while True:
        count = await rewrap_batch(ring, limit=batch)
        if count == 0:
            return done
        done += count
        if progress is not None:
            progress(done, max(total, done))


@dataclass(frozen=True)
class ShredRotation:
    """What ``rotate_after_deletions`` did: deletions it covered, the new master version,
    data keys re-wrapped and the versions retired (removed from the key file)."""

    deletions: int
    new_key_id: str | None = None
    rewrapped: int = 0
    retired: tuple[str, ...] = ()


async def rotate_after_deletions(key_file: Path | None, *, batch: int = DEFAULT_BATCH,
                                 force: bool = False) -> ShredRotation:
    """Make deletions effective for database-level copies of the keystore too.

    A PITR archive, a replica or a dump taken before a deletion still holds the deleted
    account's data keys, wrapped by a master key version this instance still has. So, when a
    deletion has destroyed keys since the last run (or ``force``): add a master version,
    re-wrap every surviving data key under it, and retire every older version. An old
    keystore copy then needs a retired key, which the operator is told to destroy (with any
    copy of the key file that holds it). Idempotent: a crash leaves deletions pending and the
    next run rotates again. ``key_file`` None (keys from the environment): MasterKeyError.
    """
    pending = list(await AccountDeletion.filter(
        keys_destroyed_at__isnull=False, master_retired_at__isnull=True,
    ).values_list("account_id", flat=True))
    if not pending and not force:
        return ShredRotation(0)
    if key_file is None:
        raise MasterKeyError(
            f"{len(pending)} deleted account(s) await a master-key rotation, but the keys come "
            "from METERWISE_MASTER_KEYS: append a new key, restart, `meterwise keys rotate`, "
            "then remove the old entries")
    new_id = add_version(key_file)
    rewrapped = await rewrap_all(batch=batch)
    ring = vault.master_ring(reload=True)
    retired: list[str] = []
    for version in await status(ring):
        if version.retirable:
            remove_version(key_file, version.id)
            retired.append(version.id)
    vault.master_ring(reload=True)
    if await pending_count_on_old_versions() == 0:
        await AccountDeletion.filter(account_id__in=pending).update(
            master_retired_at=clock.now())
    return ShredRotation(len(pending), new_id, rewrapped, tuple(retired))


async def pending_count_on_old_versions() -> int:
    """Data keys on any version but the active one, in the ring or not (0: fully retired)."""
    ring = vault.master_ring(reload=True)
    return sum(v.data_keys for v in await status(ring) if not v.active)
