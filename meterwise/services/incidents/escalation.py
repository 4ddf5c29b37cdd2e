"""Escalation: the operator's security contacts hear of an incident at open, and the next
level after each delay of the rubric, until someone acknowledges it.

Contacts are ``METERWISE_INCIDENT_CONTACTS`` (levels 1 … 5; e-mail or webhook). Messages go
out through the spend alerts' senders (SMTP, Standard Webhooks signed with
``METERWISE_SECURITY_WEBHOOK_SECRET``, every URL checked by ``outbound`` at send time) from
an outbox of their own, ``IncidentNotification``: the alert outbox is per account and its
channels are sealed with an account's data key, while these contacts are the operator's.
Like that outbox, a row is claimed by one conditional UPDATE, so a job, a retry and the
sweep never send it twice, and a failed attempt backs off (``outbox.backoff``).

A level is claimed by one conditional UPDATE of ``next_escalation_at`` too, so any number of
schedulers escalate each level once. The timeline records every level reached, every
delivery and every contact given up on. Contact targets are never stored: a row keeps a
digest (to find the contact in the settings at send time) and a hint (scheme and host, or
the operator's own address).
"""

from __future__ import annotations

import base64
import hashlib
import logging
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise import connections

from meterwise import clock, wiring
from meterwise.config import IncidentContact, Settings
from meterwise.models.incidents import (
    EntryKind,
    Incident,
    IncidentNotification,
    IncidentStatus,
)
from meterwise.models.spend import ChannelKind, DeliveryStatus
from meterwise.security.standard_webhooks import PREFIX as WHSEC_PREFIX
from meterwise.services.deliveries import deliver_each, enqueue_sends
from meterwise.services.incidents import records, rubric
from meterwise.services.spend import outbound, senders
from meterwise.services.spend.outbox import HOLD, MAX_ATTEMPTS, backoff

log = logging.getLogger(__name__)

DELIVER_JOB = "incidents.deliver"
BATCH = 100
ACTOR = "escalation"

_CLAIM_LEVEL = (
    "UPDATE incident SET escalation_level = $2, next_escalation_at = $3 "
    "WHERE id = $1 AND status = 'open' AND escalation_level = $4 "
    "AND next_escalation_at IS NOT NULL AND next_escalation_at <= $5 RETURNING id"
)
_INSERT_NOTIFICATION = (
    "INSERT INTO incident_notification (id, incident_id, level, contact_ref, contact_hint, "
    "channel, status, attempts, next_attempt_at, created_at) "
    "VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'pending', 0, $6, $6) "
    "ON CONFLICT (incident_id, level, contact_ref) DO NOTHING RETURNING id"
)
_CLAIM = (
    "UPDATE incident_notification SET attempts = attempts + 1, locked_until = $2 "
    "WHERE id = $1 AND status = 'pending' AND next_attempt_at <= $3 "
    "AND (locked_until IS NULL OR locked_until < $3) RETURNING attempts"
)


def contact_ref(contact: IncidentContact) -> str:
    return hashlib.sha256(f"{contact.kind}:{contact.target}".encode()).hexdigest()


def contact_hint(contact: IncidentContact) -> str:
    """What the timeline shows: the operator's address, or a URL's scheme and host only."""
    if contact.kind == "email":
        return f"mailto:{contact.target}"[:200]
    return outbound.hint(contact.target)


def contacts_at(level: int, settings: Settings) -> list[IncidentContact]:
    return [c for c in settings.incident_contact_list if c.level == level]


async def escalate_due(*, now: datetime | None = None, settings: Settings | None = None
                       ) -> list[UUID]:
    """Every open incident whose next level is due gets it; the notification rows queued."""
    now = now or clock.now()
    due = await Incident.filter(status=IncidentStatus.OPEN, next_escalation_at__lte=now
                                ).order_by("next_escalation_at").limit(BATCH)
    queued: list[UUID] = []
    for incident in due:
        queued += await escalate(incident.id, now=now, settings=settings)
    return queued


async def escalate(incident_id: UUID, *, now: datetime | None = None,
                   settings: Settings | None = None) -> list[UUID]:
    """Reach every level of this incident that is due (several when a scheduler was down)."""
    now = now or clock.now()
    settings = settings or wiring.settings()
    queued: list[UUID] = []
    conn = connections.get("default")
    while True:
        incident = await Incident.get(id=incident_id)
        level = incident.escalation_level + 1
        if rubric.escalation_delay(incident.severity, level) is None:
            break
        after = rubric.escalation_delay(incident.severity, level + 1)
        following = incident.opened_at + after if after is not None else None
        claimed = await conn.execute_query_dict(_CLAIM_LEVEL, [
            incident.id, level, following, incident.escalation_level, now])
        if not claimed:
            break
        queued += await _notify_level(incident, level, now, settings)
    await enqueue(queued)
    return queued


async def _notify_level(incident: Incident, level: int, now: datetime, settings: Settings
                        ) -> list[UUID]:
    contacts = contacts_at(level, settings)
    conn = connections.get("default")
    queued: list[UUID] = []
    for contact in contacts:
        rows = await conn.execute_query_dict(_INSERT_NOTIFICATION, [
            incident.id, level, contact_ref(contact), contact_hint(contact), contact.kind, now])
        queued += [UUID(str(row["id"])) for row in rows]
    hints = ", ".join(contact_hint(c) for c in contacts) or "no contacts configured"
    await records.add_entry(incident.id, EntryKind.NOTIFICATION,
                            f"escalation level {level}: notifying {hints}", actor=ACTOR,
                            ref=f"escalation:{level}", at=now,
                            details={"level": level, "contacts": len(contacts)})
    if not contacts:
        log.warning("incident %s reached escalation level %d, which has no contacts "
                    "(METERWISE_INCIDENT_CONTACTS)", incident.id, level)
    return queued


async def enqueue(ids: list[UUID]) -> None:
    """Queue a send per row; without a queue (CLI, tests) the sweep or the caller sends."""
    await enqueue_sends(DELIVER_JOB, "notification_id", ids, what="incident notification")


def _signing_secret(settings: Settings) -> str | None:
    """The Standard Webhooks secret: ``whsec_…`` as given, any other value as its bytes."""
    secret = settings.security_webhook_secret
    if secret is None:
        return None
    value = secret.get_secret_value()
    if value.startswith(WHSEC_PREFIX):
        return value
    return WHSEC_PREFIX + base64.b64encode(value.encode()).decode()


def message(incident: Incident, level: int, now: datetime) -> dict[str, Any]:
    """What a contact receives: no evidence details, just enough to act."""
    severity = rubric.level(incident.severity)
    return {"type": "incident.escalated", "timestamp": now.isoformat(), "data": {
        "incidentId": str(incident.id), "severity": str(incident.severity),
        "status": str(incident.status), "level": level,
        "openedAt": incident.opened_at.isoformat(),
        "title": f"{incident.severity.upper()} incident: {incident.title}",
        "message": (f"Incident {incident.id} ({severity.severity.name}, {severity.name}) was "
                    f"opened at {incident.opened_at.isoformat()} and is not acknowledged "
                    f"(escalation level {level}). Acknowledge it with: "
                    f"meterwise incidents ack {incident.id}"),
    }}


async def deliver(notification_id: UUID, *, now: datetime | None = None,
                  settings: Settings | None = None) -> IncidentNotification | None:
    """One attempt at one row, if due and unheld; the row afterwards."""
    now = now or clock.now()
    settings = settings or wiring.settings()
    rows = await connections.get("default").execute_query_dict(
        _CLAIM, [notification_id, now + HOLD, now])
    if not rows:
        return None
    attempts = int(rows[0]["attempts"])
    row = await IncidentNotification.get(id=notification_id)
    incident = await Incident.get(id=row.incident_id)
    contact = next((c for c in settings.incident_contact_list
                    if contact_ref(c) == row.contact_ref), None)
    try:
        if contact is None:
            raise senders.SendFailed("the contact is no longer configured")
        await senders.send(ChannelKind(contact.kind), target=contact.target,
                           secret=_signing_secret(settings),
                           message_id=f"msg_{row.id.hex}",
                           message=message(incident, row.level, now), settings=settings)
    except senders.SendFailed as exc:
        return await _failed(row, attempts, str(exc), final=contact is None, now=now)
    await IncidentNotification.filter(id=row.id).update(
        status=DeliveryStatus.DELIVERED, delivered_at=now, locked_until=None,
        last_error=None)
    await records.add_entry(row.incident_id, EntryKind.NOTIFICATION,
                            f"level {row.level} notification delivered to {row.contact_hint}",
                            actor=ACTOR, ref=f"notification:{row.id}", at=now,
                            details={"level": row.level, "channel": row.channel,
                                     "attempts": attempts})
    return await IncidentNotification.get(id=row.id)


async def _failed(row: IncidentNotification, attempts: int, reason: str, *, final: bool,
                  now: datetime) -> IncidentNotification:
    give_up = final or attempts >= MAX_ATTEMPTS
    await IncidentNotification.filter(id=row.id).update(
        status=DeliveryStatus.FAILED if give_up else DeliveryStatus.PENDING,
        next_attempt_at=now + backoff(attempts), locked_until=None, last_error=reason[:300])
    log.warning("incident notification %s to %s failed (attempt %d): %s", row.id,
                row.contact_hint, attempts, reason)
    if give_up:
        await records.add_entry(row.incident_id, EntryKind.NOTIFICATION,
                                f"level {row.level} notification to {row.contact_hint} given "
                                f"up after {attempts} attempt(s): {reason}", actor=ACTOR,
                                ref=f"notification:{row.id}", at=now,
                                details={"level": row.level, "channel": row.channel,
                                         "attempts": attempts})
    return await IncidentNotification.get(id=row.id)


async def deliver_due(*, now: datetime | None = None, settings: Settings | None = None) -> int:
    """The sweep: every due, unheld row gets an attempt; how many were delivered."""
    now = now or clock.now()
    due = await IncidentNotification.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=now,
    ).order_by("next_attempt_at").limit(BATCH).values_list("id", flat=True)
    return await deliver_each(due, lambda ident: deliver(ident, now=now, settings=settings))
