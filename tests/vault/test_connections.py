"""Provider connections over GraphQL: validated before storing, sealed, write-only, scoped."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from meterwise.config import ProviderKind
from meterwise.fakeproviders import Fakes
from meterwise.models.audit import AuditEvent
from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import Role, Session
from meterwise.models.usage import UsageRecord
from meterwise.services import connections
from tests.vault.support import Gql, make_tenant

pytestmark = pytest.mark.usefixtures("db")

CONNECT = """mutation($input: ConnectProviderInput!) { connectProvider(input: $input) {
  connection { id provider label keyHint status lastSyncedAt lastError }
  errors { code field message } } }"""
REPLACE = """mutation($id: ID!, $key: String!) { replaceProviderKey(id: $id, apiKey: $key) {
  connection { id keyHint status } errors { code field } } }"""
REMOVE = """mutation($id: ID!) { removeConnection(id: $id) { deletedId errors { code field } } }"""
LIST = "{ connections { id provider label keyHint status } }"
ONE = "query($id: ID!) { connection(id: $id) { id label keyHint } }"


def _connect_vars(key: str, label: str = "Prod OpenAI") -> dict[str, Any]:
    return {"input": {"provider": "OPENAI", "label": label, "apiKey": key}}


def _code(body: dict[str, Any]) -> str:
    return str(body["errors"][0]["extensions"]["code"])


async def test_connect_validates_seals_and_never_returns_the_key(gql: Gql,
                                                                 provider_urls: Fakes) -> None:
    tenant = await make_tenant()
    key = provider_urls.openai.valid_key
    body = await gql(CONNECT, _connect_vars(key), token=tenant.tokens[Role.ADMIN])
    payload = body["data"]["connectProvider"]
    assert payload["errors"] == []
    assert payload["connection"]["provider"] == "OPENAI"
    assert payload["connection"]["keyHint"] == key[-4:]
    assert payload["connection"]["status"] == "active"
    row = await ProviderConnection.get(id=payload["connection"]["id"])
    assert key not in row.key_sealed and row.key_sealed.startswith("mw1:")
    assert await connections.open_provider_key(row) == key
    listed = await gql(LIST, token=tenant.tokens[Role.VIEWER])
    assert key[:-4] not in str(listed) and len(listed["data"]["connections"]) == 1
    events = await AuditEvent.filter(action="connection.connected")
    assert [e.target for e in events] == [str(row.id)]
    assert key not in str([(e.metadata, e.target, e.user_agent) for e in events])


async def test_rejected_key_is_invalid_credentials_and_stores_nothing(
        gql: Gql, provider_urls: Fakes) -> None:
    tenant = await make_tenant()
    body = await gql(CONNECT, _connect_vars("sk-admin-" + secrets.token_hex(16)),
                     token=tenant.tokens[Role.OWNER])
    assert body["data"]["connectProvider"] == {
        "connection": None,
        "errors": [{"code": "INVALID_CREDENTIALS", "field": "apiKey",
                    "message": "The provider rejected this key."}],
    }
    assert await ProviderConnection.all().count() == 0
    assert await AuditEvent.filter(action__startswith="connection.").count() == 0


async def test_unreachable_provider_is_a_user_error_and_stores_nothing(
        gql: Gql, provider_urls: Fakes) -> None:
    tenant = await make_tenant()
    provider_urls.openai.switches.fail_5xx = 10
    body = await gql(CONNECT, _connect_vars(provider_urls.openai.valid_key),
                     token=tenant.tokens[Role.OWNER])
    errors = body["data"]["connectProvider"]["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [("PROVIDER_UNAVAILABLE", "apiKey")]
    assert await ProviderConnection.all().count() == 0


async def test_connect_and_replace_need_step_up(gql: Gql, provider_urls: Fakes) -> None:
    tenant = await make_tenant(roles=(Role.OWNER,))
    stale = tenant.tokens[Role.OWNER]
    await Session.filter(user_id=tenant.users[Role.OWNER]).update(
        mfa_verified_at=datetime.now(UTC) - timedelta(hours=1))
    body = await gql(CONNECT, _connect_vars(provider_urls.openai.valid_key), token=stale)
    assert body["data"]["connectProvider"]["errors"][0]["code"] == "STEP_UP_REQUIRED"
    assert provider_urls.openai.hits == []  # the key was not even sent
    assert await ProviderConnection.all().count() == 0


@pytest.mark.parametrize(("role", "allowed"), [(Role.OWNER, True), (Role.ADMIN, True),
                                               (Role.MEMBER, False), (Role.VIEWER, False)])
async def test_role_matrix_for_connection_mutations(gql: Gql, provider_urls: Fakes, role: Role,
                                                    allowed: bool) -> None:
    tenant = await make_tenant()
    key = provider_urls.openai.valid_key
    seeded = await gql(CONNECT, _connect_vars(key, "seed"), token=tenant.tokens[Role.OWNER])
    conn_id = seeded["data"]["connectProvider"]["connection"]["id"]
    viewer = tenant.tokens[role]
    results = [
        await gql(CONNECT, _connect_vars(key), token=viewer),
        await gql(REPLACE, {"id": conn_id, "key": key}, token=viewer),
        await gql(REMOVE, {"id": conn_id}, token=viewer),
    ]
    for body in results:
        if allowed:
            assert "errors" not in body, body
        else:
            assert body["data"] is None and _code(body) == "FORBIDDEN"
    reads = await gql(LIST, token=viewer)
    assert "errors" not in reads  # every role may read
    assert await ProviderConnection.filter(label="seed").exists() is (not allowed)


async def test_anonymous_callers_are_unauthenticated(gql: Gql) -> None:
    for query, variables in ((LIST, {}), (ONE, {"id": "x"}), (REMOVE, {"id": "x"}),
                             (CONNECT, _connect_vars("sk-x-1234567890"))):
        assert _code(await gql(query, variables)) == "UNAUTHENTICATED"


async def test_foreign_connections_are_invisible_and_untouchable(gql: Gql,
                                                                 provider_urls: Fakes) -> None:
    mine, theirs = await make_tenant("mine"), await make_tenant("theirs")
    key = provider_urls.openai.valid_key
    body = await gql(CONNECT, _connect_vars(key, "theirs"), token=theirs.tokens[Role.OWNER])
    foreign_id = body["data"]["connectProvider"]["connection"]["id"]
    me = mine.tokens[Role.OWNER]
    assert (await gql(LIST, token=me))["data"]["connections"] == []
    assert (await gql(ONE, {"id": foreign_id}, token=me))["data"]["connection"] is None
    assert (await gql(ONE, {"id": "not-a-uuid"}, token=me))["data"]["connection"] is None
    replaced = await gql(REPLACE, {"id": foreign_id, "key": key}, token=me)
    assert replaced["data"]["replaceProviderKey"]["errors"] == [{"code": "NOT_FOUND",
                                                                 "field": "id"}]
    removed = await gql(REMOVE, {"id": foreign_id}, token=me)
    assert removed["data"]["removeConnection"]["errors"] == [{"code": "NOT_FOUND", "field": "id"}]
    row = await ProviderConnection.get(id=foreign_id)
    assert await connections.open_provider_key(row) == key
    assert await AuditEvent.filter(account_id=mine.account_id).count() == 0


async def test_replace_key_reseals_and_a_rejected_key_keeps_the_old_one(
        gql: Gql, provider_urls: Fakes) -> None:
    tenant = await make_tenant()
    owner = tenant.tokens[Role.OWNER]
    old_key = provider_urls.openai.valid_key
    body = await gql(CONNECT, _connect_vars(old_key), token=owner)
    conn_id = body["data"]["connectProvider"]["connection"]["id"]
    rejected = await gql(REPLACE, {"id": conn_id, "key": "sk-admin-wrong-key-123456"},
                         token=owner)
    assert rejected["data"]["replaceProviderKey"]["errors"] == [
        {"code": "INVALID_CREDENTIALS", "field": "apiKey"}]
    row = await ProviderConnection.get(id=conn_id)
    assert await connections.open_provider_key(row) == old_key
    new_key = "sk-admin-" + secrets.token_urlsafe(24)
    provider_urls.openai.state.valid_keys.add(new_key)
    try:
        done = await gql(REPLACE, {"id": conn_id, "key": new_key}, token=owner)
    finally:
        provider_urls.openai.state.valid_keys.discard(new_key)
    assert done["data"]["replaceProviderKey"]["connection"]["keyHint"] == new_key[-4:]
    row = await ProviderConnection.get(id=conn_id)
    assert await connections.open_provider_key(row) == new_key
    actions = await AuditEvent.all().order_by("seq").values_list("action", flat=True)
    assert actions == ["connection.connected", "connection.key_replaced"]


async def test_remove_deletes_the_row_and_is_audited(gql: Gql, provider_urls: Fakes) -> None:
    tenant = await make_tenant()
    owner = tenant.tokens[Role.OWNER]
    body = await gql(CONNECT, _connect_vars(provider_urls.openai.valid_key), token=owner)
    conn_id = body["data"]["connectProvider"]["connection"]["id"]
    await UsageRecord.create(account_id=tenant.account_id, connection_id=conn_id,
                             provider="openai", source="cost", bucket_start=datetime.now(UTC),
                             bucket_width="1d", cost=Decimal("1.5"))
    removed = await gql(REMOVE, {"id": conn_id}, token=owner)
    assert removed["data"]["removeConnection"] == {"deletedId": conn_id, "errors": []}
    assert await ProviderConnection.all().count() == 0
    assert await UsageRecord.filter(connection_id=conn_id).count() == 0
    assert await AuditEvent.filter(action="connection.removed", target=conn_id).count() == 1


def test_key_hint_is_at_most_four_characters() -> None:
    assert connections.key_hint("sk-admin-abcdefgh1234") == "1234"
    assert connections.key_hint("abcdefg") == "g"
    assert connections.key_hint("abc") == ""


async def test_an_account_has_at_most_max_connections(gql: Gql, provider_urls: Fakes) -> None:
    """`connections` has no `first`: its query cost is this cap, so the cap must hold."""
    tenant = await make_tenant(roles=(Role.OWNER,))
    await ProviderConnection.bulk_create([
        ProviderConnection(id=uuid4(), account_id=tenant.account_id, provider=ProviderKind.OPENAI,
                           label=f"C{i}",
                           key_hint="", key_sealed="")
        for i in range(connections.MAX_CONNECTIONS)])
    body = await gql(CONNECT, _connect_vars(provider_urls.openai.valid_key),
                     token=tenant.tokens[Role.OWNER])
    payload = body["data"]["connectProvider"]
    assert payload["connection"] is None
    assert [e["code"] for e in payload["errors"]] == ["INVALID_INPUT"]
    assert f"at most {connections.MAX_CONNECTIONS} provider connections" in \
        payload["errors"][0]["message"]
    assert provider_urls.openai.hits == []  # refused before the key was sent anywhere
    assert await ProviderConnection.filter(account_id=tenant.account_id).count() == \
        connections.MAX_CONNECTIONS
    listed = await gql(LIST, token=tenant.tokens[Role.OWNER])
    assert len(listed["data"]["connections"]) == connections.MAX_CONNECTIONS
