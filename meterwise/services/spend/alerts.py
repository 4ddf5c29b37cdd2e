"""Alerts: stored once (a unique key), pushed live, queued once per matching channel.

``raise_alert`` is the one way any detector raises an alert. It inserts with ``ON CONFLICT
DO NOTHING`` on (account, dedupe key), so N workers racing on the same threshold store one
row and only the winner fans it out: one ``Delivery`` outbox row per matching channel (again
unique), committed with the alert, then the live event and the delivery jobs go out.

Mutes: an alert with a ``mute_key`` (an anomaly's dimension and value) is not inserted while
the account has a live ``AlertMute`` on that key; the check is part of the same INSERT.
``mute`` sets one from an alert (owners/admins), ``days=0`` lifts it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from tortoise import connections
from tortoise.transactions import in_transaction

from meterwise import clock, pubsub
from meterwise.models.spend import Alert, AlertKind, AlertMute
from meterwise.services.deliveries import enqueue_sends
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.scoping import scoped, scoped_get
from meterwise.services.viewer import Viewer

log = logging.getLogger(__name__)

ALERT_RAISED = "alertRaised"
DELIVER_JOB = "spend.deliver"
# kinds that stay in the app: a failing channel must not page through itself
IN_APP_ONLY = frozenset({AlertKind.SPEND_REVISED, AlertKind.DELIVERY_FAILED})


@dataclass(frozen=True)
class NewAlert:
    kind: AlertKind
    severity: str
    title: str
    message: str
    dedupe_key: str
    budget_id: UUID | None = None
    details: dict[str, Any] | None = None
    mute_key: str | None = None  # what ``mute`` silences (stored as details["muteKey"])


MAX_MUTE_DAYS = 365
_INSERT_ALERT = (
    "INSERT INTO spend_alert (id, account_id, kind, severity, title, message, budget_id, "
    "dedupe_key, details, created_at) "
    "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10 WHERE NOT EXISTS ("
    "SELECT 1 FROM spend_alert_mute m WHERE m.account_id = $2 AND m.mute_key = $11 "
    "AND m.until > $10) "
    "ON CONFLICT (account_id, dedupe_key) DO NOTHING RETURNING id"
)
_UPSERT_MUTE = (
    "INSERT INTO spend_alert_mute (id, account_id, mute_key, until, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, mute_key) "
    "DO UPDATE SET until = EXCLUDED.until, created_by = EXCLUDED.created_by"
)
# every channel of the account that wants this kind (an empty list means every kind)
_INSERT_DELIVERIES = (
    "INSERT INTO spend_delivery (id, account_id, alert_id, channel_id, status, attempts, "
    "next_attempt_at, created_at) "
    "SELECT gen_random_uuid(), $1, $2, c.id, 'pending', 0, $3, $3 FROM spend_channel c "
    "WHERE c.account_id = $1 AND (c.alert_kinds = '[]'::jsonb OR c.alert_kinds ? $4) "
    "ON CONFLICT (alert_id, channel_id) DO NOTHING RETURNING id"
)


async def raise_alert(account_id: UUID, new: NewAlert, *, now: datetime | None = None
                      ) -> Alert | None:
    """Store ``new`` unless its key already fired or it is muted; the stored alert, or
    None if not stored."""
    now = now or clock.now()
    alert_id = uuid4()
    details = dict(new.details or {})
    if new.mute_key:
        details["muteKey"] = new.mute_key[:300]
    async with in_transaction() as conn:
        # execute_query_dict: tortoise's execute_query drops RETURNING rows of an INSERT
        rows = await conn.execute_query_dict(_INSERT_ALERT, [
            alert_id, account_id, str(new.kind), new.severity, new.title[:200], new.message,
            new.budget_id, new.dedupe_key[:300], json.dumps(details, default=str),
            now, new.mute_key[:300] if new.mute_key else None])
        if not rows:
            return None
        deliveries: Sequence[Any] = []
        if new.kind not in IN_APP_ONLY:
            deliveries = await conn.execute_query_dict(
                _INSERT_DELIVERIES, [account_id, alert_id, now, str(new.kind)])
    alert = await Alert.get(id=alert_id)
    log.info("alert %s (%s) raised for account %s", alert.id, new.kind, account_id)
    await pubsub.publish(pubsub.account_channel(account_id),
                         AlertRaised.from_model(alert).payload())
    await enqueue_deliveries([row["id"] for row in deliveries])
    return alert


async def enqueue_deliveries(ids: list[UUID]) -> None:
    """Queue a send per outbox row; a lost job is picked up by the outbox sweep."""
    await enqueue_sends(DELIVER_JOB, "delivery_id", ids, what="delivery")


@dataclass(frozen=True)
class AlertRaised:
    """A new alert as the ``alertRaised`` stream and deliveries see it; owns its payload
    both ways, so publisher and subscriber share one set of wire names."""

    id: UUID
    kind: AlertKind
    severity: str
    title: str
    message: str
    budget_id: UUID | None
    created_at: datetime

    @classmethod
    def from_model(cls, alert: Alert) -> AlertRaised:
        return cls(id=alert.id, kind=AlertKind(alert.kind), severity=alert.severity,
                   title=alert.title, message=alert.message, budget_id=alert.budget_id,
                   created_at=alert.created_at.astimezone(UTC))

    def payload(self) -> dict[str, Any]:
        return {
            "type": ALERT_RAISED,
            "id": str(self.id),
            "kind": str(self.kind),
            "severity": self.severity,
            "title": self.title,
            "message": self.message,
            "budgetId": str(self.budget_id) if self.budget_id else None,
            "createdAt": self.created_at.isoformat(),
            "acknowledgedAt": None,
        }

    @classmethod
    def parse(cls, payload: dict[str, Any]) -> AlertRaised | None:
        """The typed event, or None for another type or a missing or malformed field."""
        if payload.get("type") != ALERT_RAISED:
            return None
        try:
            budget = payload.get("budgetId")
            return cls(id=UUID(str(payload["id"])), kind=AlertKind(payload["kind"]),
                       severity=str(payload["severity"]), title=str(payload["title"]),
                       message=str(payload["message"]),
                       budget_id=UUID(str(budget)) if budget else None,
                       created_at=datetime.fromisoformat(str(payload["createdAt"]))
                       .astimezone(UTC))
        except (KeyError, TypeError, ValueError):
            return None


async def alerts_query(viewer: Viewer) -> Any:
    """The viewer's account's alerts (a queryset for ``paginate``)."""
    return scoped(Alert, viewer)


async def _own_alert(viewer: Viewer, alert_id: str) -> Alert:
    alert = await scoped_get(Alert, viewer, alert_id)
    if alert is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such alert.", "id")
    return alert


async def mute(viewer: Viewer, alert_id: str, days: int, *, now: datetime | None = None
               ) -> tuple[Alert, datetime | None]:
    """Silence what raised this alert (its anomaly dimension value) for ``days`` from now;
    0 lifts the mute. The alert and the mute's end (None when lifted)."""
    alert = await _own_alert(viewer, alert_id)
    key = str((alert.details or {}).get("muteKey") or "")
    if not key:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             "Only cost-anomaly alerts can be muted.", "id")
    if not 0 <= days <= MAX_MUTE_DAYS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"Mute for 0 to {MAX_MUTE_DAYS} days.", "days")
    now = now or clock.now()
    if days == 0:
        await AlertMute.filter(account_id=viewer.account_id, mute_key=key).delete()
        return alert, None
    until = now + timedelta(days=days)
    conn = connections.get("default")
    await conn.execute_query(_UPSERT_MUTE, [uuid4(), viewer.account_id, key, until,
                                            viewer.user_id, now])
    log.info("alerts on %s muted until %s in account %s", key, until, viewer.account_id)
    return alert, until


async def acknowledge(viewer: Viewer, alert_id: str, *, now: datetime | None = None) -> Alert:
    """Mark an alert seen (idempotent: the first acknowledgement's time stays)."""
    alert = await _own_alert(viewer, alert_id)
    if alert.acknowledged_at is None:
        await scoped(Alert, viewer).filter(id=alert.id, acknowledged_at__isnull=True).update(
            acknowledged_at=now or clock.now(), acknowledged_by=viewer.user_id)
        await alert.refresh_from_db()
    return alert
