"""Crypto-shredding against a database-level copy of the keystore (a PITR archive, a
replica, a dump of the ``keystore`` schema): the copy is taken before ``deleteAccount``,
the account is deleted over HTTP and purged, ``meterwise keys shred`` runs as a real CLI
process, and the attacker then puts the old key rows back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
import pytest

from meterwise.config import Settings
from meterwise.models.identity import User
from meterwise.security.masterkeys import load_key_file
from meterwise.services import account_deletion, vault
from tests.adversary.support import LiveServer
from tests.support.identity import signed_in
from tests.support.processes import clean_env, run

pytestmark = pytest.mark.slow

DELETE = """mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) {
  errors { code } } }"""
TOTP = {"record": "app_user", "field": "totp_secret"}


def _cli(settings: Settings, database_url: str, tmp_path: Path, *args: str) -> Any:
    env = clean_env(database_url=database_url, data_dir=str(tmp_path),
                    master_key_file=str(settings.resolved_master_key_file()))
    return run(list(args), env)


async def _restore(pg: asyncpg.Connection, rows: list[asyncpg.Record]) -> None:
    for row in rows:
        await pg.execute(
            "INSERT INTO keystore.data_key (id, account_id, version, master_key_id, wrapped, "
            "active, created_at, rewrapped_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            *(row[c] for c in ("id", "account_id", "version", "master_key_id", "wrapped",
                               "active", "created_at", "rewrapped_at")))


async def test_an_old_keystore_copy_cannot_open_a_deleted_accounts_secrets(
        live: LiveServer, settings: Settings, database_url: str, tmp_path: Path) -> None:
    token, victim = await signed_in()
    _, bystander = await signed_in()
    sealed = (await User.get(id=victim.user_id)).totp_secret_sealed
    other_sealed = (await User.get(id=bystander.user_id)).totp_secret_sealed
    assert sealed and other_sealed
    pg = await asyncpg.connect(database_url)
    try:
        copy = await pg.fetch("SELECT * FROM keystore.data_key WHERE account_id = $1",
                              victim.account_id)  # the PITR archive has these rows
        assert copy
        body = await live.gql(DELETE, {"input": {"password": victim.password,
                                                 "code": victim.totp()}}, token=token)
        assert body["data"]["deleteAccount"]["errors"] == []
        await account_deletion.purge_account(victim.account_id)  # the worker's job
        old_versions = {row["master_key_id"] for row in copy}
        await _restore(pg, copy)  # before the rotation the copy still opens: the attack
        opened = await vault.open_secret(victim.account_id, sealed, record_id=victim.user_id,
                                         **TOTP)
        assert opened.decode() == victim.totp_secret
        await vault.destroy_account_keys(victim.account_id)

        shred = _cli(settings, database_url, tmp_path, "keys", "shred")
        assert shred.returncode == 0, shred.stdout + shred.stderr
        remaining = load_key_file(settings.resolved_master_key_file())
        assert not old_versions & set(remaining.ids)

        await _restore(pg, copy)  # the attacker puts the old rows back
        try:
            vault.master_ring(reload=True)
            with pytest.raises(vault.SecretUnavailable):
                await vault.open_secret(victim.account_id, sealed, record_id=victim.user_id,
                                        **TOTP)
        finally:
            await pg.execute("DELETE FROM keystore.data_key WHERE account_id = $1",
                             victim.account_id)
    finally:
        await pg.close()

    # Everyone else is untouched: their secrets open, the audit log still verifies.
    opened = await vault.open_secret(bystander.account_id, other_sealed,
                                     record_id=bystander.user_id, **TOTP)
    assert opened.decode() == bystander.totp_secret
    verified = _cli(settings, database_url, tmp_path, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    me = await live.gql("{ me { email } }", token=(await signed_in())[0])
    assert me["data"]["me"]["email"]
