"""FREEZE_CONNECTIONS: a real sync against the fake provider never opens a frozen
account's key (no vault open, no request to the provider, no key-use audit), ends with a
clear status instead of retrying, and release lets the next sync through."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import httpx
import pytest

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes
from meterwise.models.audit import AuditEvent
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.usage import SyncRun, SyncStatus
from meterwise.security import envelope
from meterwise.services import connections, vault
from meterwise.services.containment import ContainmentAction, contain_account, release_account
from meterwise.services.sync import enqueue_due_syncs, run_sync
from meterwise.services.sync.runner import FROZEN_MESSAGE
from tests.support.identity import gql, signed_in
from tests.sync.support import RecordingQueue, add_connection

FREEZE = [ContainmentAction.FREEZE_CONNECTIONS]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The record-ids whose sealed value was decrypted (every vault open ends here)."""
    seen: list[str] = []
    real = envelope.open_sealed

    def spy(key: bytes, token: str, *, context: envelope.SealContext) -> bytes:
        seen.append(f"{context.record}:{context.record_id}")
        return real(key, token, context=context)

    monkeypatch.setattr(envelope, "open_sealed", spy)
    yield seen


async def frozen_connection(fake_account: UUID, live_fakes: Fakes) -> ProviderConnection:
    connection = await add_connection(fake_account, live_fakes.openai)
    lines = await contain_account(fake_account, FREEZE, actor="ops@host", reason="INC-1")
    assert lines == ["Connections frozen: no sync runs and no provider key is opened until "
                     "release."]
    return connection


async def test_a_sync_of_a_frozen_account_opens_no_key_and_ends_without_retry(
        client: httpx.AsyncClient, provider_settings: Settings, live_fakes: Fakes,
        opened: list[str]) -> None:
    _, who = await signed_in(client)
    connection = await frozen_connection(who.account_id, live_fakes)

    outcome = await run_sync(connection.id, None, settings=provider_settings, max_attempts=1)

    assert outcome is SyncStatus.FAILED  # final: no SyncAttemptFailed, so no retry
    run = await SyncRun.get(connection_id=connection.id)
    assert (run.status, run.error_class, run.error_message) == (
        SyncStatus.FAILED, "AccountFrozen", FROZEN_MESSAGE)
    assert opened == []
    assert live_fakes.openai.hits == []
    assert not await AuditEvent.filter(action="connection.key_used").exists()
    stored = await ProviderConnection.get(id=connection.id)
    assert (stored.status, stored.last_error) == (ConnectionStatus.ACTIVE, None)


async def test_no_code_path_opens_a_frozen_accounts_provider_key(
        client: httpx.AsyncClient, live_fakes: Fakes, opened: list[str]) -> None:
    _, who = await signed_in(client)
    connection = await frozen_connection(who.account_id, live_fakes)

    with pytest.raises(vault.AccountFrozen):
        await connections.open_provider_key(connection)
    with pytest.raises(vault.AccountFrozen):
        await vault.open_secret(who.account_id, connection.key_sealed,
                                record=connections.SEALED_RECORD, record_id=connection.id,
                                field=connections.SEALED_FIELD)
    assert opened == []
    # the members' own secrets (TOTP) still open: signing in is not frozen
    assert (await gql(client, "{ me { id } }",
                      token=(await signed_in(client, account=who.account_id))[0]))["data"]


async def test_the_scheduler_skips_and_the_api_refuses_and_shows_the_freeze(
        client: httpx.AsyncClient, live_fakes: Fakes) -> None:
    token, who = await signed_in(client)
    _, other = await signed_in(client)
    connection = await frozen_connection(who.account_id, live_fakes)
    theirs = await add_connection(other.account_id, live_fakes.openai)
    queue = RecordingQueue()

    tick = await enqueue_due_syncs(queue)

    assert tick.claimed == [theirs.id]
    body = await gql(client, """mutation($id: ID!) { syncConnection(id: $id) {
        run { id } errors { code message } } }""", {"id": str(connection.id)}, token=token)
    assert body["data"]["syncConnection"] == {"run": None, "errors": [
        {"code": "ACCOUNT_FROZEN", "message": FROZEN_MESSAGE}]}
    listed = await gql(client, "{ connections { id frozen status } }", token=token)
    assert listed["data"]["connections"] == [
        {"id": str(connection.id), "frozen": True, "status": "active"}]
    other_token, _ = await signed_in(client, account=other.account_id)
    assert (await gql(client, "{ connections { frozen } }", token=other_token))["data"] == {
        "connections": [{"frozen": False}]}


async def test_release_unfreezes_and_the_next_sync_runs(
        client: httpx.AsyncClient, provider_settings: Settings, live_fakes: Fakes,
        opened: list[str]) -> None:
    _, who = await signed_in(client)
    connection = await frozen_connection(who.account_id, live_fakes)

    lines = await release_account(who.account_id, FREEZE, actor="ops@host", reason="clear")

    assert lines == ["Connections unfrozen: syncing resumes on the next schedule."]
    assert await run_sync(connection.id, None, settings=provider_settings) is (
        SyncStatus.SUCCEEDED)
    assert f"provider_connection:{connection.id}" in opened
    assert live_fakes.openai.hits
    actions = await AuditEvent.filter(account_id=who.account_id,
                                      action__startswith="containment.").order_by("seq")
    assert [(e.action, e.metadata["operator"], e.metadata["reason"]) for e in actions] == [
        ("containment.freeze_connections", "ops@host", "INC-1"),
        ("containment.unfreeze_connections", "ops@host", "clear")]
