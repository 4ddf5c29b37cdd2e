"""The third-party view: providers and destinations with last use, the caller's only."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from meterwise import wiring
from meterwise.models.connections import ProviderConnection
from meterwise.models.spend import ChannelKind, Delivery, DeliveryStatus
from meterwise.services.spend import channels
from meterwise.services.viewer import Viewer
from tests.reviews.support import THIRD_PARTIES, connect_provider
from tests.support.identity import gql, signed_in

pytestmark = pytest.mark.usefixtures("db")
SYNCED = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
DELIVERED = datetime(2026, 11, 29, 18, 0, tzinfo=UTC)


async def test_every_outside_party_is_listed_with_its_last_use(
        client: httpx.AsyncClient) -> None:
    session, owner = await signed_in(client)
    viewer = Viewer(user_id=owner.user_id, account_id=owner.account_id, role=owner.role)
    connection_id = await connect_provider(owner.account_id, label="prod key")
    await ProviderConnection.filter(id=connection_id).update(last_synced_at=SYNCED)
    hook = await channels.create_channel(viewer, channels.ChannelInput(
        ChannelKind.WEBHOOK, "pager", "https://hooks.example.com/meterwise"),
        wiring.settings())
    mail = await channels.create_channel(viewer, channels.ChannelInput(
        ChannelKind.EMAIL, "finance", "finance@example.com"), wiring.settings())
    await Delivery.create(account_id=owner.account_id, channel_id=mail.channel.id,
                          status=DeliveryStatus.DELIVERED, next_attempt_at=DELIVERED,
                          delivered_at=DELIVERED)
    other_session, other = await signed_in(client)
    await connect_provider(other.account_id, label="someone else's")

    parties = (await gql(client, THIRD_PARTIES, token=session))["data"]["thirdParties"]
    by_name = {p["name"]: p for p in parties}
    assert set(by_name) == {"prod key", "pager", "finance"}
    assert by_name["prod key"]["kind"] == "PROVIDER"
    assert by_name["prod key"]["destination"] == "openai"
    assert by_name["prod key"]["lastUsedAt"].startswith("2026-11-30T06:00:00")
    assert by_name["pager"]["kind"] == "WEBHOOK" and by_name["pager"]["lastUsedAt"] is None
    assert by_name["pager"]["destination"] == "https://hooks.example.com"
    assert by_name["finance"]["kind"] == "EMAIL"
    assert by_name["finance"]["destination"] == "email:example.com"  # the hint, not the address
    assert by_name["finance"]["lastUsedAt"].startswith("2026-11-29T18:00:00")
    assert "finance@example.com" not in str(parties) and hook.secret not in str(parties)
    others = (await gql(client, THIRD_PARTIES, token=other_session))["data"]["thirdParties"]
    assert [p["name"] for p in others] == ["someone else's"]
