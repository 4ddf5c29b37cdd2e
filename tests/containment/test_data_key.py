"""NEW_DATA_KEY: a fresh data key, every secret of the account (provider keys, TOTP
secrets, notification channel targets and signing secrets) re-sealed under it, the old key
deleted; it works on a frozen account too, whose keys still stay closed to everyone."""

from __future__ import annotations

import httpx
import pytest

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes
from meterwise.models.audit import AuditEvent
from meterwise.models.spend import ChannelKind, NotificationChannel
from meterwise.models.vault import DataKey
from meterwise.security import envelope
from meterwise.services import connections, vault
from meterwise.services.containment import ContainmentAction, contain_account, release_account
from meterwise.services.spend import channels
from meterwise.services.viewer import Viewer
from tests.support.identity import gql, signed_in
from tests.sync.support import add_connection

LOG_IN = """mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) {
  mfaToken } }"""
VERIFY = """mutation($t: String!, $c: String!) { verifyMfa(input: {mfaToken: $t, code: $c}) {
  token errors { code } } }"""


async def test_every_secret_is_resealed_under_a_new_key_and_the_old_one_shredded(
        client: httpx.AsyncClient, settings: Settings, live_fakes: Fakes) -> None:
    _, who = await signed_in(client)
    viewer = Viewer(user_id=who.user_id, account_id=who.account_id, role=who.role)
    connection = await add_connection(who.account_id, live_fakes.openai)
    hook = await channels.create_channel(viewer, channels.ChannelInput(
        kind=ChannelKind.WEBHOOK, name="hook", target="https://hooks.example.com/x"), settings)
    mail = await channels.create_channel(viewer, channels.ChannelInput(
        kind=ChannelKind.EMAIL, name="mail", target="ops@example.com"), settings)
    old = await DataKey.get(account_id=who.account_id)
    await contain_account(who.account_id, [ContainmentAction.FREEZE_CONNECTIONS],
                          actor="ops", reason="INC-3")

    lines = await contain_account(who.account_id, [ContainmentAction.NEW_DATA_KEY],
                                  actor="ops", reason="INC-3")

    new = await DataKey.get(account_id=who.account_id)
    assert new.id != old.id and not await DataKey.exists(id=old.id)
    assert lines == [f"New data key {new.id}: 5 secret(s) re-sealed, 1 old key(s) shredded."]
    for row in await NotificationChannel.filter(account_id=who.account_id):
        assert envelope.sealed_key_id(row.target_sealed) == str(new.id)
    assert await channels.open_target(await NotificationChannel.get(id=mail.channel.id)) == (
        "ops@example.com")
    assert await channels.open_signing_secret(
        await NotificationChannel.get(id=hook.channel.id)) == hook.secret
    with pytest.raises(vault.AccountFrozen):  # still frozen: re-sealed, not opened
        await connections.open_provider_key(connection)
    await release_account(who.account_id, [ContainmentAction.FREEZE_CONNECTIONS],
                          actor="ops", reason="INC-3")
    reloaded = await connections.ProviderConnection.get(id=connection.id)
    assert await connections.open_provider_key(reloaded) == live_fakes.openai.valid_key
    started = await gql(client, LOG_IN, {"e": who.email, "p": who.password})
    done = await gql(client, VERIFY, {"t": started["data"]["logIn"]["mfaToken"],
                                      "c": who.totp()})
    assert done["data"]["verifyMfa"]["token"]  # the TOTP secret opens under the new key
    event = await AuditEvent.get(action="containment.new_data_key")
    assert (event.metadata["resealed"], event.metadata["shredded"]) == (5, 1)
    assert await release_account(who.account_id, [ContainmentAction.NEW_DATA_KEY],
                                 actor="ops", reason="INC-3") == [
        "A new data key cannot be undone: the old key was shredded."]
