"""Notification channels: validated, sealed, account-scoped; a test send on demand.

The target (URL or e-mail address) and the WEBHOOK signing secret are sealed with the
account's data key like provider keys; the list shows only ``target_hint``. The secret is
returned once, when the channel is created.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import uuid4

from meterwise import clock
from meterwise.config import Settings
from meterwise.models.spend import AlertKind, ChannelKind, Delivery, NotificationChannel
from meterwise.security import standard_webhooks
from meterwise.services import vault
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.scoping import scoped, scoped_get
from meterwise.services.spend import outbound
from meterwise.services.viewer import Viewer

MAX_CHANNELS = 20
RECORD = "notification_channel"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$")


@dataclass(frozen=True)
class ChannelInput:
    kind: ChannelKind
    name: str
    target: str
    alert_kinds: Sequence[AlertKind] = ()


@dataclass(frozen=True)
class CreatedChannel:
    channel: NotificationChannel
    secret: str | None  # WEBHOOK only; never shown again


def _target(data: ChannelInput, settings: Settings) -> tuple[str, str]:
    if data.kind is ChannelKind.EMAIL:
        address = data.target.strip()
        if len(address) > 254 or not _EMAIL.match(address):
            raise UserInputError(UserErrorCode.INVALID_INPUT, "A valid e-mail address.",
                                 "input.target")
        return address, "email:" + address.rsplit("@", 1)[1]
    url = outbound.check_format(data.target, settings)
    return url, outbound.hint(url)


async def create_channel(viewer: Viewer, data: ChannelInput, settings: Settings
                         ) -> CreatedChannel:
    name = data.name.strip()
    if not 1 <= len(name) <= 100:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "A name of 1 to 100 characters.",
                             "input.name")
    target, target_hint = _target(data, settings)
    if await scoped(NotificationChannel, viewer).count() >= MAX_CHANNELS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"An account has at most {MAX_CHANNELS} channels.")
    ident = uuid4()
    secret = standard_webhooks.new_secret() if data.kind is ChannelKind.WEBHOOK else None
    async with vault.sealing(viewer.account_id):
        sealed_target = await vault.seal(viewer.account_id, target, record=RECORD,
                                         record_id=ident, field="target")
        sealed_secret = (await vault.seal(viewer.account_id, secret, record=RECORD,
                                          record_id=ident, field="secret")
                         if secret else None)
        channel = await NotificationChannel.create(
            id=ident, account_id=viewer.account_id, kind=data.kind, name=name,
            target_sealed=sealed_target, target_hint=target_hint, secret_sealed=sealed_secret,
            alert_kinds=sorted({str(kind) for kind in data.alert_kinds}))
    return CreatedChannel(channel=channel, secret=secret)


async def list_channels(viewer: Viewer) -> list[NotificationChannel]:
    return await scoped(NotificationChannel, viewer).order_by("created_at", "id").limit(
        MAX_CHANNELS)


async def get_channel(viewer: Viewer, channel_id: str) -> NotificationChannel | None:
    return await scoped_get(NotificationChannel, viewer, channel_id)


async def delete_channel(viewer: Viewer, channel_id: str) -> None:
    channel = await get_channel(viewer, channel_id)
    if channel is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such channel.", "id")
    await channel.delete()


async def rotate_secret(viewer: Viewer, channel_id: str) -> CreatedChannel:
    """A new WEBHOOK signing secret (shown once); the old one stops signing at once."""
    channel = await get_channel(viewer, channel_id)
    if channel is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such channel.", "id")
    if channel.kind != ChannelKind.WEBHOOK:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Only WEBHOOK channels are signed.",
                             "id")
    secret = standard_webhooks.new_secret()
    async with vault.sealing(viewer.account_id):
        channel.secret_sealed = await vault.seal(viewer.account_id, secret, record=RECORD,
                                                 record_id=channel.id, field="secret")
        await channel.save(update_fields=["secret_sealed"])
    return CreatedChannel(channel=channel, secret=secret)


async def open_target(channel: NotificationChannel) -> str:
    return (await vault.open_secret(channel.account_id, channel.target_sealed, record=RECORD,
                                    record_id=channel.id, field="target")).decode()


async def open_signing_secret(channel: NotificationChannel) -> str | None:
    if channel.secret_sealed is None:
        return None
    return (await vault.open_secret(channel.account_id, channel.secret_sealed, record=RECORD,
                                    record_id=channel.id, field="secret")).decode()


async def new_test_delivery(viewer: Viewer, channel_id: str) -> Delivery:
    """An outbox row without an alert: ``outbox.deliver`` sends it once, at once."""
    channel = await get_channel(viewer, channel_id)
    if channel is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such channel.", "id")
    return await Delivery.create(account_id=viewer.account_id, channel_id=channel.id,
                                 alert_id=None, next_attempt_at=clock.now())


async def list_deliveries(viewer: Viewer, channel_id: str | None = None, *, limit: int = 50
                          ) -> list[Delivery]:
    """The delivery log, newest first (optionally one channel's)."""
    query = scoped(Delivery, viewer)
    if channel_id is not None:
        channel = await get_channel(viewer, channel_id)
        if channel is None:
            return []
        query = query.filter(channel_id=channel.id)
    return await query.order_by("-created_at", "-id").limit(limit)
