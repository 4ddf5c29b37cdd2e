"""Secrets sealed per account: bound to their row, unreadable once the account's key is gone."""

from __future__ import annotations

import uuid

import asyncpg
import pytest
from starlette.applications import Starlette

from meterwise.services import vault

SECRET = "sk-admin-canary-0123456789abcdef"


async def test_seal_and_open_round_trip(db: Starlette) -> None:
    account = uuid.uuid4()
    await vault.create_account_key(account)
    token = await vault.seal(account, SECRET, record="conn", record_id="r1", field="api_key")
    assert SECRET not in token
    assert await vault.open_secret(account, token, record="conn", record_id="r1",
                                   field="api_key") == SECRET.encode()


async def test_ciphertext_moved_to_another_row_or_account_fails(db: Starlette) -> None:
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    for account in (mine, theirs):
        await vault.create_account_key(account)
    token = await vault.seal(mine, SECRET, record="conn", record_id="r1", field="api_key")
    with pytest.raises(vault.SecretUnavailable):
        await vault.open_secret(mine, token, record="conn", record_id="r2", field="api_key")
    with pytest.raises(vault.SecretUnavailable):
        await vault.open_secret(theirs, token, record="conn", record_id="r1", field="api_key")


async def test_destroying_the_account_key_shreds_its_secrets(db: Starlette) -> None:
    account = uuid.uuid4()
    await vault.create_account_key(account)
    token = await vault.seal(account, SECRET, record="conn", record_id="r1", field="api_key")
    assert await vault.destroy_account_keys(account) == 1
    with pytest.raises(vault.SecretUnavailable, match="no longer exists"):
        await vault.open_secret(account, token, record="conn", record_id="r1", field="api_key")


async def test_keystore_holds_no_plaintext_key(db: Starlette, database_url: str) -> None:
    account = uuid.uuid4()
    await vault.create_account_key(account)
    conn = await asyncpg.connect(database_url)
    try:
        row = await conn.fetchrow("SELECT master_key_id, wrapped FROM keystore.data_key")
    finally:
        await conn.close()
    assert row["master_key_id"] == vault.master_ring().active.id
    assert len(row["wrapped"]) == 61  # version byte + nonce + 32-byte key + tag
