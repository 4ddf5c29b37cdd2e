"""``keyring.rotate_after_deletions`` decides from the tombstones: nothing pending, nothing
rotated; keys in the environment, a clear refusal instead of a silent no-op."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from meterwise.config import Settings
from meterwise.models.vault import AccountDeletion
from meterwise.security.masterkeys import MasterKeyError, load_key_file
from meterwise.services.vault import keyring


async def test_nothing_pending_rotates_nothing(db: object, settings: Settings) -> None:
    await AccountDeletion.filter(master_retired_at__isnull=True).update(
        master_retired_at=datetime.now(UTC))
    before = load_key_file(settings.resolved_master_key_file()).ids
    result = await keyring.rotate_after_deletions(settings.resolved_master_key_file())
    assert result == keyring.ShredRotation(0)
    assert load_key_file(settings.resolved_master_key_file()).ids == before


async def test_pending_deletion_with_environment_keys_is_refused(db: object) -> None:
    tombstone = await AccountDeletion.create(account_id=uuid4(),
                                             keys_destroyed_at=datetime.now(UTC))
    try:
        with pytest.raises(MasterKeyError, match="METERWISE_MASTER_KEYS"):
            await keyring.rotate_after_deletions(None)
        assert (await AccountDeletion.get(account_id=tombstone.account_id)
                ).master_retired_at is None
    finally:
        await tombstone.delete()


async def test_a_rotation_retires_every_older_version(db: object, settings: Settings) -> None:
    tombstone = await AccountDeletion.create(account_id=uuid4(),
                                             keys_destroyed_at=datetime.now(UTC))
    key_file = settings.resolved_master_key_file()
    try:
        result = await keyring.rotate_after_deletions(key_file)
        ring = load_key_file(key_file)
        assert ring.ids == (result.new_key_id,)
        assert result.deletions >= 1 and result.retired
        assert await keyring.pending_count_on_old_versions() == 0
        assert (await AccountDeletion.get(account_id=tombstone.account_id)
                ).master_retired_at is not None
    finally:
        await tombstone.delete()
