"""``syncConnection``: enqueues one sync, returns the active one instead of a second, scoped."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from starlette.applications import Starlette

from meterwise.fakeproviders import Fakes
from meterwise.models.identity import Role
from meterwise.models.usage import SyncRun, SyncStatus
from tests.support.identity import error_code, gql, signed_in
from tests.sync.support import RecordingQueue, add_connection

SYNC = """mutation($id: ID!) { syncConnection(id: $id) {
  run { id connectionId status trigger attempts } alreadyActive
  errors { code message field } } }"""


@pytest.fixture
def queue(app: Starlette, monkeypatch: pytest.MonkeyPatch) -> RecordingQueue:
    recording = RecordingQueue()
    monkeypatch.setattr(app.state.runtime, "jobs", recording)
    return recording


async def _sync(client: httpx.AsyncClient, token: str, connection_id: object) -> dict[str, Any]:
    return await gql(client, SYNC, {"id": str(connection_id)}, token=token)


async def test_sync_enqueues_one_run_and_returns_it_while_it_is_active(
    client: httpx.AsyncClient, queue: RecordingQueue, fakes: Fakes
) -> None:
    token, who = await signed_in(client, Role.MEMBER)
    connection = await add_connection(who.account_id, fakes.openai)

    first = (await _sync(client, token, connection.id))["data"]["syncConnection"]
    second = (await _sync(client, token, connection.id))["data"]["syncConnection"]

    assert first["errors"] == [] and first["alreadyActive"] is False
    assert first["run"]["status"] == "QUEUED" and first["run"]["trigger"] == "MANUAL"
    assert first["run"]["connectionId"] == str(connection.id)
    assert second["alreadyActive"] is True and second["run"]["id"] == first["run"]["id"]
    assert queue.sent == [("sync.connection", {"connection_id": str(connection.id),
                                               "run_id": first["run"]["id"]})]


async def test_sync_after_the_active_run_finished_starts_a_new_one(
    client: httpx.AsyncClient, queue: RecordingQueue, fakes: Fakes
) -> None:
    token, who = await signed_in(client, Role.ADMIN)
    connection = await add_connection(who.account_id, fakes.anthropic)
    first = (await _sync(client, token, connection.id))["data"]["syncConnection"]
    await SyncRun.filter(id=first["run"]["id"]).update(status=SyncStatus.SUCCEEDED)

    again = (await _sync(client, token, connection.id))["data"]["syncConnection"]

    assert again["alreadyActive"] is False and again["run"]["id"] != first["run"]["id"]
    assert len(queue.sent) == 2


@pytest.mark.parametrize("connection_id", ["00000000-0000-0000-0000-000000000000", "nope"])
async def test_unknown_ids_are_not_found(
    client: httpx.AsyncClient, queue: RecordingQueue, connection_id: str
) -> None:
    token, _ = await signed_in(client, Role.OWNER)

    payload = (await _sync(client, token, connection_id))["data"]["syncConnection"]

    assert payload["run"] is None
    assert payload["errors"] == [{"code": "NOT_FOUND", "message": "No such connection.",
                                  "field": "id"}]
    assert queue.sent == []


async def test_another_accounts_connection_is_not_found(
    client: httpx.AsyncClient, queue: RecordingQueue, fakes: Fakes
) -> None:
    _, owner = await signed_in(client, Role.OWNER)
    theirs = await add_connection(owner.account_id, fakes.openai)
    intruder, _ = await signed_in(client, Role.OWNER)  # another account

    payload = (await _sync(client, intruder, theirs.id))["data"]["syncConnection"]

    assert payload["errors"][0]["code"] == "NOT_FOUND"
    assert queue.sent == [] and await SyncRun.all().count() == 0


@pytest.mark.parametrize(("role", "allowed"), [(Role.OWNER, True), (Role.ADMIN, True),
                                               (Role.MEMBER, True), (Role.VIEWER, False)])
async def test_who_may_sync(
    client: httpx.AsyncClient, queue: RecordingQueue, fakes: Fakes, role: Role, allowed: bool
) -> None:
    _, owner = await signed_in(client, Role.OWNER)
    connection = await add_connection(owner.account_id, fakes.openrouter)
    token, _ = await signed_in(client, role, account=owner.account_id)

    body = await _sync(client, token, connection.id)

    if allowed:
        assert body["data"]["syncConnection"]["errors"] == []
    else:
        assert error_code(body) == "FORBIDDEN"
        assert queue.sent == []


async def test_signed_out_and_mfa_pending_callers_cannot_sync(
    client: httpx.AsyncClient, queue: RecordingQueue, fakes: Fakes, account: UUID
) -> None:
    connection = await add_connection(account, fakes.openai)
    pending, _ = await signed_in(client, Role.OWNER, account=account, mfa=False)

    anonymous = await gql(client, SYNC, {"id": str(connection.id)})
    no_mfa = await _sync(client, pending, connection.id)

    assert error_code(anonymous) == "UNAUTHENTICATED"
    assert error_code(no_mfa) == "MFA_REQUIRED"
    assert queue.sent == []
