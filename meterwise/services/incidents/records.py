"""Incident records: open one (by hand, or once per rule and subject), read them, and write
their timeline, affected accounts and owner.

A detection rule's ``Finding`` becomes at most one live incident per (rule, subject):
``open_or_join`` inserts with ``ON CONFLICT (live_key) DO NOTHING``, so racing detectors
agree, and a repeat links only the evidence not linked yet. Evidence already linked to an
earlier (resolved) incident is old news: it opens nothing new.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from tortoise import connections

from meterwise import clock
from meterwise.models.audit import AuditEvent
from meterwise.models.incidents import (
    EntryKind,
    Incident,
    IncidentAccount,
    IncidentEntry,
    IncidentSeverity,
    IncidentStatus,
)
from meterwise.models.shield import SecurityEvent
from meterwise.security.redaction import redact
from meterwise.services.errors import UserErrorCode, UserInputError

log = logging.getLogger(__name__)

LIVE = (IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED)
MAX_EVIDENCE = 50  # entries one finding links (its newest); the rest are counted
MAX_ACCOUNTS = 1000  # accounts one finding adds
MAX_TEXT = 2000

_INSERT_INCIDENT = (
    "INSERT INTO incident (id, title, summary, severity, status, rule, subject, live_key, "
    "owner, opened_by, opened_at, escalation_level, next_escalation_at) "
    "VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, NULL, $8, $9, 0, $9) "
    "ON CONFLICT (live_key) DO NOTHING RETURNING id"
)
_INSERT_ENTRY = (
    "INSERT INTO incident_entry (incident_id, kind, at, actor, text, ref, details) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) "
    "ON CONFLICT (incident_id, ref) DO NOTHING RETURNING id"
)
_INSERT_ACCOUNTS = (
    "INSERT INTO incident_account (id, incident_id, account_id, added_at) "
    "SELECT gen_random_uuid(), $1, a, $2 FROM unnest($3::uuid[]) AS a "
    "ON CONFLICT (incident_id, account_id) DO NOTHING RETURNING account_id"
)


@dataclass(frozen=True)
class Evidence:
    """A security event or audit entry a rule found; ``ref`` names it once."""

    kind: EntryKind
    ref: str
    text: str
    at: datetime
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """What a detection rule reports: one incident per (rule, subject) while it is live."""

    rule: str
    subject: str
    severity: IncidentSeverity
    title: str
    summary: str
    account_ids: Sequence[UUID] = ()
    evidence: Sequence[Evidence] = ()

    @property
    def live_key(self) -> str:
        return f"{self.rule}:{self.subject}"[:300]


def _clean_text(text: str) -> str:
    return redact(text.strip())[:MAX_TEXT]


async def add_entry(incident_id: UUID, kind: EntryKind, text: str, *, actor: str,
                    ref: str | None = None, details: Mapping[str, Any] | None = None,
                    at: datetime | None = None) -> bool:
    """Append a timeline entry; with ``ref``, only once per incident. True if added."""
    rows = await connections.get("default").execute_query_dict(_INSERT_ENTRY, [
        incident_id, str(kind), at or clock.now(), actor[:200], _clean_text(text),
        ref[:200] if ref else None, json.dumps(dict(details or {}), default=str)])
    return bool(rows)


async def add_accounts(incident_id: UUID, account_ids: Iterable[UUID], *, actor: str,
                       now: datetime | None = None) -> list[UUID]:
    """Mark accounts affected (each once); the timeline says which were added."""
    wanted = sorted(set(account_ids), key=str)[:MAX_ACCOUNTS]
    if not wanted:
        return []
    now = now or clock.now()
    rows = await connections.get("default").execute_query_dict(
        _INSERT_ACCOUNTS, [incident_id, now, wanted])
    added = sorted((UUID(str(row["account_id"])) for row in rows), key=str)
    if added:
        await add_entry(incident_id, EntryKind.ACTION,
                        f"affected account(s) added: {', '.join(map(str, added))}",
                        actor=actor, at=now, details={"accountIds": [str(a) for a in added]})
    return added


async def open_incident(*, title: str, severity: IncidentSeverity, actor: str,
                        summary: str = "", account_ids: Sequence[UUID] = (),
                        owner: str | None = None, now: datetime | None = None) -> Incident:
    """An incident opened by hand (never deduplicated: the operator decided)."""
    title = _clean_text(title)[:200]
    if not title:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "An incident needs a title.", "title")
    now = now or clock.now()
    incident = await Incident.create(
        id=uuid4(), title=title, summary=_clean_text(summary), severity=severity,
        opened_by=actor[:200], opened_at=now, owner=owner[:200] if owner else None,
        next_escalation_at=now)
    await add_entry(incident.id, EntryKind.OPENED, f"opened by hand: {title}", actor=actor,
                    at=now, details={"severity": str(severity)})
    if owner:
        await add_entry(incident.id, EntryKind.OWNER, f"owner: {owner}", actor=actor, at=now)
    await add_accounts(incident.id, account_ids, actor=actor, now=now)
    return incident


def _newest(evidence: Sequence[Evidence]) -> Sequence[Evidence]:
    """The newest ``MAX_EVIDENCE`` (rules list evidence oldest first)."""
    return evidence[-MAX_EVIDENCE:]


async def _link(incident_id: UUID, evidence: Sequence[Evidence], *, actor: str) -> int:
    linked = 0
    for item in _newest(evidence):
        linked += await add_entry(incident_id, item.kind, item.text, actor=actor, ref=item.ref,
                                  details=item.details, at=item.at)
    return linked


async def open_or_join(finding: Finding, *, now: datetime | None = None
                       ) -> tuple[Incident, bool] | None:
    """The live incident for the finding's (rule, subject), opened if there is none:
    (incident, opened). None when every piece of evidence already belongs to an earlier
    incident (the window of a rule still holds events a resolved incident dealt with)."""
    now = now or clock.now()
    actor = f"rule:{finding.rule}"
    live = await Incident.get_or_none(live_key=finding.live_key)
    if live is None and finding.evidence:
        refs = [item.ref for item in _newest(finding.evidence)]
        known = set(await IncidentEntry.filter(ref__in=refs).values_list("ref", flat=True))
        if known >= set(refs):
            return None
    if live is None:
        ident = uuid4()
        rows = await connections.get("default").execute_query_dict(_INSERT_INCIDENT, [
            ident, _clean_text(finding.title)[:200], _clean_text(finding.summary),
            str(finding.severity), finding.rule, finding.subject[:200], finding.live_key,
            actor, now])
        if rows:
            await add_entry(ident, EntryKind.OPENED, f"opened by rule {finding.rule}: "
                            f"{finding.title}", actor=actor, at=now,
                            details={"severity": str(finding.severity),
                                     "subject": finding.subject,
                                     "evidence": len(finding.evidence)})
            await _link(ident, finding.evidence, actor=actor)
            await add_accounts(ident, finding.account_ids, actor=actor, now=now)
            log.warning("incident %s opened by rule %s (%s)", ident, finding.rule,
                        finding.severity)
            return await Incident.get(id=ident), True
        live = await Incident.get_or_none(live_key=finding.live_key)
        if live is None:  # resolved between the insert and this read: try next run
            return None
    linked = await _link(live.id, finding.evidence, actor=actor)
    if linked:
        await add_entry(live.id, EntryKind.DETECTION,
                        f"rule {finding.rule} fired again: {linked} new piece(s) of evidence",
                        actor=actor, at=now, details={"evidence": len(finding.evidence)})
    await add_accounts(live.id, finding.account_ids, actor=actor, now=now)
    return live, False


async def set_owner(incident_id: UUID, owner: str, *, actor: str) -> Incident:
    incident = await get(str(incident_id))
    owner = owner.strip()[:200]
    if not owner:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Name an owner.", "owner")
    await Incident.filter(id=incident.id).update(owner=owner)
    await add_entry(incident.id, EntryKind.OWNER, f"owner: {owner}", actor=actor)
    return await Incident.get(id=incident.id)


async def add_note(incident_id: UUID, text: str, *, actor: str) -> None:
    if not text.strip():
        raise UserInputError(UserErrorCode.INVALID_INPUT, "A note needs text.", "text")
    await add_entry(incident_id, EntryKind.NOTE, text, actor=actor)


async def link_security_event(incident_id: UUID, event_id: UUID, *, actor: str) -> bool:
    """Put a recorded security event on the timeline (once); False if it was there."""
    event = await SecurityEvent.get_or_none(id=event_id)
    if event is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, f"No security event {event_id}.", "event")
    return await add_entry(incident_id, EntryKind.SECURITY_EVENT,
                           f"security event {event.kind} ({event.severity}), linked by hand",
                           actor=actor, ref=f"security_event:{event.id}", at=event.created_at,
                           details=event_details(event))


async def link_audit_entry(incident_id: UUID, seq: int, *, actor: str) -> bool:
    """Put an audit entry (by its ``seq``) on the timeline (once); False if it was there."""
    entry = await AuditEvent.get_or_none(seq=seq)
    if entry is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, f"No audit entry #{seq}.", "audit")
    return await add_entry(incident_id, EntryKind.AUDIT_ENTRY,
                           f"audit #{entry.seq}: {entry.action}, linked by hand", actor=actor,
                           ref=f"audit:{entry.seq}", at=entry.occurred_at,
                           details={"seq": entry.seq, "action": entry.action,
                                    "accountId": str(entry.account_id) if entry.account_id
                                    else None, "target": entry.target})


def event_details(event: SecurityEvent) -> dict[str, Any]:
    """What the timeline keeps of a security event (its details were scrubbed when saved)."""
    return {"eventId": str(event.id), "kind": event.kind, "severity": str(event.severity),
            "accountId": str(event.account_id) if event.account_id else None,
            "details": event.details}


async def get(ident: str) -> Incident:
    """An incident by id, or by an unambiguous id prefix of at least 8 characters."""
    text = ident.strip().lower()
    try:
        found = await Incident.get_or_none(id=UUID(text))
    except ValueError:
        found = None
        if len(text) >= 8 and all(c in "0123456789abcdef-" for c in text):
            matches = await _by_prefix(text)
            if len(matches) > 1:
                raise UserInputError(UserErrorCode.INVALID_INPUT,
                                     f"More than one incident starts with {text}.", "id") from None
            found = matches[0] if matches else None
    if found is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, f"No incident {ident!r}.", "id")
    return found


async def _by_prefix(prefix: str) -> list[Incident]:
    rows = await connections.get("default").execute_query_dict(
        "SELECT id FROM incident WHERE id::text LIKE $1 LIMIT 2", [prefix + "%"])
    return [await Incident.get(id=row["id"]) for row in rows]


async def list_incidents(*, statuses: Sequence[IncidentStatus] = (), limit: int = 50
                         ) -> list[Incident]:
    """Newest first; only ``statuses`` when given."""
    query = Incident.all()
    if statuses:
        query = query.filter(status__in=[str(s) for s in statuses])
    return await query.order_by("-opened_at", "-id").limit(max(1, min(limit, 500)))


async def timeline(incident_id: UUID) -> list[IncidentEntry]:
    """Every entry, oldest first (entries of one instant in the order written)."""
    return await IncidentEntry.filter(incident_id=incident_id).order_by("at", "id")


async def affected_accounts(incident_id: UUID) -> list[UUID]:
    rows = await IncidentAccount.filter(incident_id=incident_id).order_by("added_at", "id")
    return [row.account_id for row in rows]
