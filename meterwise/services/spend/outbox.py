"""The outbox: every delivery is a ``Delivery`` row, sent by whoever claims it.

Claiming is one conditional UPDATE (pending, due, not held), so a job, a retry and the
periodic sweep never send the same row at once, and a delivered row is never sent again.
A failed attempt sets the next one with exponential backoff; after ``MAX_ATTEMPTS`` the row
is FAILED and the account gets an in-app DELIVERY_FAILED alert saying which channel gave up.
The ``webhook-id`` is the row id, the same on every retry, so receivers can drop repeats.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise import connections

from meterwise import clock, wiring
from meterwise.config import Settings
from meterwise.models.spend import (
    Alert,
    AlertKind,
    ChannelKind,
    Delivery,
    DeliveryStatus,
    NotificationChannel,
)
from meterwise.services import vault
from meterwise.services.deliveries import deliver_each
from meterwise.services.spend import channels, senders
from meterwise.services.spend.alerts import AlertRaised, NewAlert, raise_alert

log = logging.getLogger(__name__)

SWEEP_JOB = "spend.deliver_due"
MAX_ATTEMPTS = 6
FIRST_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)
HOLD = timedelta(seconds=60)  # longer than a send's timeout
SWEEP_BATCH = 100

_CLAIM = (
    "UPDATE spend_delivery SET attempts = attempts + 1, locked_until = $2 "
    "WHERE id = $1 AND status = 'pending' AND next_attempt_at <= $3 "
    "AND (locked_until IS NULL OR locked_until < $3) RETURNING attempts"
)


def backoff(attempts: int) -> timedelta:
    """Wait before attempt ``attempts + 1``: 30 s, 1 min, 2 min, … at most an hour."""
    return min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** max(0, attempts - 1))


async def deliver(delivery_id: UUID, *, now: datetime | None = None,
                  settings: Settings | None = None) -> Delivery | None:
    """One attempt at one row, if it is due and nobody holds it; the row afterwards."""
    now = now or clock.now()
    settings = settings or wiring.settings()
    rows = await connections.get("default").execute_query_dict(  # keeps RETURNING rows
        _CLAIM, [delivery_id, now + HOLD, now])
    if not rows:
        return None
    attempts = int(rows[0]["attempts"])
    delivery = await Delivery.get(id=delivery_id)
    channel = await NotificationChannel.get(id=delivery.channel_id)
    alert = await Alert.get_or_none(id=delivery.alert_id) if delivery.alert_id else None
    try:
        await senders.send(ChannelKind(channel.kind), target=await channels.open_target(channel),
                           secret=await channels.open_signing_secret(channel),
                           message_id=f"msg_{delivery.id.hex}",
                           message=message(alert, channel, now), settings=settings)
    except (senders.SendFailed, vault.SecretUnavailable) as exc:
        reason = str(exc) if isinstance(exc, senders.SendFailed) else "secret unavailable"
        return await _failed(delivery, channel, attempts, reason, now)
    await Delivery.filter(id=delivery.id).update(
        status=DeliveryStatus.DELIVERED, delivered_at=now, locked_until=None, last_error=None)
    log.info("delivery %s to channel %s done (attempt %d)", delivery.id, channel.id, attempts)
    return await Delivery.get(id=delivery.id)


async def _failed(delivery: Delivery, channel: NotificationChannel, attempts: int,
                  reason: str, now: datetime) -> Delivery:
    give_up = attempts >= MAX_ATTEMPTS or delivery.alert_id is None  # a test is sent once
    await Delivery.filter(id=delivery.id).update(
        status=DeliveryStatus.FAILED if give_up else DeliveryStatus.PENDING,
        next_attempt_at=now + backoff(attempts), locked_until=None, last_error=reason[:300])
    log.warning("delivery %s to channel %s failed (attempt %d): %s", delivery.id, channel.id,
                attempts, reason)
    if give_up and delivery.alert_id is not None:
        await raise_alert(channel.account_id, NewAlert(
            kind=AlertKind.DELIVERY_FAILED, severity="warning",
            title=f"Channel {channel.name} could not be reached",
            message=f"Gave up after {attempts} attempts: {reason}.",
            dedupe_key=f"delivery:{delivery.id}:failed",
            details={"channelId": str(channel.id), "deliveryId": str(delivery.id),
                     "alertId": str(delivery.alert_id), "attempts": attempts}), now=now)
    return await Delivery.get(id=delivery.id)


async def deliver_due(*, now: datetime | None = None, settings: Settings | None = None) -> int:
    """The sweep: every due, unheld row gets an attempt; how many were delivered."""
    now = now or clock.now()
    due = await Delivery.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now
                                ).order_by("next_attempt_at").limit(SWEEP_BATCH
                                                                    ).values_list("id", flat=True)
    return await deliver_each(due, lambda ident: deliver(ident, now=now, settings=settings))


def message(alert: Alert | None, channel: NotificationChannel, now: datetime
            ) -> dict[str, Any]:
    """What every channel kind is sent: ``alert.raised`` with the alert, or a test."""
    if alert is None:
        return {"type": "channel.test", "timestamp": now.isoformat(),
                "data": {"channelId": str(channel.id), "title": "Test notification",
                         "message": f"Channel {channel.name} works."}}
    data = AlertRaised.from_model(alert).payload()
    data.pop("type")
    return {"type": "alert.raised", "timestamp": now.isoformat(), "data": data}
