"""deleteAccount: owner + password + code, access ends at once, keys shredded, rows purged,
and a backup from before the deletion cannot bring the account's secrets back."""

from __future__ import annotations

import asyncio
from pathlib import Path
from uuid import UUID

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette

from meterwise.jobs.inprocess import InProcessJobQueue
from meterwise.models.audit import AuditEvent
from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import Account, Membership, Role, User
from meterwise.models.vault import AccountDeletion, DataKey
from meterwise.services import account_deletion, connections, vault
from meterwise.services.backup import create_backup, restore_backup
from tests.support.identity import error_code, gql, signed_in
from tests.vault.support import seed_secrets
from tests.vault.test_backup import _wipe_public

DELETE = """mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) {
  deletedId errors { code field } } }"""


async def _leftovers(url: str, account_id: UUID) -> dict[str, int]:
    """Rows in any public table (but the kept audit log) that name the account."""
    conn = await asyncpg.connect(url)
    try:
        columns = await conn.fetch(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type = 'uuid' AND table_name <> 'audit_event'")
        found: dict[str, int] = {}
        for row in columns:
            count = await conn.fetchval(
                f'SELECT count(*) FROM public."{row["table_name"]}" '
                f'WHERE "{row["column_name"]}" = $1', account_id)
            if count:
                found[f"{row['table_name']}.{row['column_name']}"] = count
        return found
    finally:
        await conn.close()


async def _drain(app: Starlette) -> None:
    jobs = app.state.runtime.jobs
    assert isinstance(jobs, InProcessJobQueue)
    await jobs.drain()


async def test_only_an_owner_with_password_and_code_can_delete(client: httpx.AsyncClient) -> None:
    token, owner = await signed_in(client)
    admin_token, _ = await signed_in(client, Role.ADMIN, account=owner.account_id)
    body = await gql(client, DELETE, {"input": {"password": owner.password, "code": "000000"}},
                     token=admin_token)
    assert error_code(body) == "FORBIDDEN"
    wrong_password = await gql(client, DELETE, {"input": {"password": "nope", "code":
                                                          owner.totp()}}, token=token)
    assert wrong_password["data"]["deleteAccount"]["errors"] == [
        {"code": "INVALID_CREDENTIALS", "field": "password"}]
    wrong_code = await gql(client, DELETE, {"input": {"password": owner.password,
                                                      "code": "123456"}}, token=token)
    assert wrong_code["data"]["deleteAccount"]["errors"][0]["code"] == "INVALID_CODE"
    assert await Account.filter(id=owner.account_id).exists()
    assert not await AccountDeletion.filter(account_id=owner.account_id).exists()


async def test_delete_account_revokes_shreds_and_purges(client: httpx.AsyncClient, app: Starlette,
                                                        database_url: str) -> None:
    token, owner = await signed_in(client)
    _, member = await signed_in(client, Role.MEMBER, account=owner.account_id)
    _, elsewhere = await signed_in(client)  # another account, untouched
    shared_token, shared = await signed_in(client, Role.ADMIN, account=owner.account_id)
    await Membership.create(user_id=shared.user_id, account_id=elsewhere.account_id,
                            role=Role.VIEWER)
    other = await seed_secrets("other")
    conn = ProviderConnection(account_id=owner.account_id, provider="openai", label="k",
                              key_hint="abcd", key_sealed="x")
    await conn.save()

    body = await gql(client, DELETE, {"input": {"password": owner.password,
                                                "code": owner.totp()}}, token=token)

    assert body["data"]["deleteAccount"] == {"deletedId": str(owner.account_id), "errors": []}
    assert error_code(await gql(client, "{ connections { id } }", token=token)) == (
        "UNAUTHENTICATED")
    await _drain(app)
    account = owner.account_id
    assert await _leftovers(database_url, account) == {}
    assert not await User.filter(id__in=[owner.user_id, member.user_id]).exists()
    assert await DataKey.filter(account_id=account).count() == 0
    survivor = await User.get(id=shared.user_id)  # still a member elsewhere: re-homed
    assert survivor.home_account_id == elsewhere.account_id and survivor.totp_enabled
    assert survivor.totp_secret_sealed is not None
    assert await vault.open_secret(elsewhere.account_id, survivor.totp_secret_sealed,
                                   record="app_user", record_id=survivor.id,
                                   field="totp_secret") == shared.totp_secret.encode()  # type: ignore[union-attr]
    assert await Account.filter(id=elsewhere.account_id).exists()
    row = await ProviderConnection.get(id=other.connection_id)
    assert await connections.open_provider_key(row) == other.provider_key
    events = await AuditEvent.filter(action__startswith="account.delet").order_by("seq")
    assert [e.action for e in events] == ["account.deletion_requested", "account.deleted"]
    assert all(e.ip is None and e.user_agent is None for e in events)
    tombstone = await AccountDeletion.get(account_id=account)
    assert tombstone.finished_at is not None and tombstone.keys_destroyed_at is not None
    assert await account_deletion.purge_account(account) == 0  # idempotent
    del shared_token


async def test_a_backup_from_before_the_deletion_cannot_reveal_its_secrets(
        db: Starlette, database_url: str, tmp_path: Path) -> None:
    gone, kept = await seed_secrets("gone"), await seed_secrets("kept")
    backup = tmp_path / "before.backup"
    ring = vault.master_ring(reload=True)
    await asyncio.to_thread(create_backup, database_url, backup, ring)
    await account_deletion.purge_account(gone.account_id)
    await _wipe_public(database_url)

    await asyncio.to_thread(restore_backup, database_url, backup, ring)

    # the old rows are back, but the keys to their secrets are not
    row = await ProviderConnection.get(id=gone.connection_id)
    with pytest.raises(vault.SecretUnavailable):
        await connections.open_provider_key(row)
    user = await User.get(id=gone.user_id)
    assert user.totp_secret_sealed is not None
    with pytest.raises(vault.SecretUnavailable):
        await vault.open_secret(gone.account_id, user.totp_secret_sealed, record="app_user",
                                record_id=user.id, field="totp_secret")
    kept_row = await ProviderConnection.get(id=kept.connection_id)
    assert await connections.open_provider_key(kept_row) == kept.provider_key
    kept_user = await User.get(id=kept.user_id)
    assert kept_user.totp_secret_sealed is not None
    assert await vault.open_secret(kept.account_id, kept_user.totp_secret_sealed,
                                   record="app_user", record_id=kept_user.id,
                                   field="totp_secret") == kept.totp_secret.encode()
    # the tombstone outlived the restore: purging again removes the resurrected rows
    assert await account_deletion.purge_tombstoned() > 0
    assert await _leftovers(database_url, gone.account_id) == {}
    assert await Account.filter(id=kept.account_id).exists()
