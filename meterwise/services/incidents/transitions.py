"""Status transitions: open → acknowledged → contained → resolved → closed, nothing else.

Allowed shortcuts: containing an open incident (acting on it acknowledges it) and resolving
an acknowledged one that needed no containment. Each move is one conditional UPDATE on the
status it was read in, so two operators racing make one move and the other is refused.
Acknowledging or containing stops escalation; resolving frees the (rule, subject) key so a
new trigger opens a new incident; closing needs every checklist item done or dropped.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from meterwise import clock
from meterwise.models.incidents import (
    ChecklistItem,
    ChecklistStatus,
    EntryKind,
    Incident,
    IncidentStatus,
)
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.incidents import records

TRANSITIONS: dict[IncidentStatus, frozenset[IncidentStatus]] = {
    IncidentStatus.OPEN: frozenset({IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED}),
    IncidentStatus.ACKNOWLEDGED: frozenset({IncidentStatus.CONTAINED, IncidentStatus.RESOLVED}),
    IncidentStatus.CONTAINED: frozenset({IncidentStatus.RESOLVED}),
    IncidentStatus.RESOLVED: frozenset({IncidentStatus.CLOSED}),
    IncidentStatus.CLOSED: frozenset(),
}
_STAMP = {IncidentStatus.ACKNOWLEDGED: "acknowledged_at",
          IncidentStatus.CONTAINED: "contained_at",
          IncidentStatus.RESOLVED: "resolved_at", IncidentStatus.CLOSED: "closed_at"}
OPEN_CHECKLIST = (ChecklistStatus.TODO, ChecklistStatus.DOING)


class IllegalTransition(UserInputError):
    """The incident's status does not allow that move (the message says what does)."""

    def __init__(self, message: str) -> None:
        super().__init__(UserErrorCode.INVALID_INPUT, message, "status")


def _allowed_text(status: IncidentStatus) -> str:
    allowed = sorted(TRANSITIONS[status])
    return ", ".join(allowed) if allowed else "nothing (it is closed)"


async def move(ident: str, to: IncidentStatus, *, actor: str, note: str = "",
               now: datetime | None = None) -> Incident:
    """Move the incident to ``to``, or raise ``IllegalTransition``; records the move."""
    incident = await records.get(ident)
    now = now or clock.now()
    current = IncidentStatus(incident.status)
    if to not in TRANSITIONS[current]:
        raise IllegalTransition(f"Incident {incident.id} is {current}: it cannot become "
                                f"{to}. Allowed next: {_allowed_text(current)}.")
    if to is IncidentStatus.CLOSED:
        left = await ChecklistItem.filter(incident_id=incident.id,
                                          status__in=[str(s) for s in OPEN_CHECKLIST]).count()
        if left:
            raise IllegalTransition(f"Incident {incident.id} has {left} open checklist "
                                    "item(s): mark each done or wont_do before closing.")
    changes: dict[str, Any] = {"status": to, _STAMP[to]: now}
    if to in (IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED):
        changes["next_escalation_at"] = None  # someone is on it
        if incident.acknowledged_at is None:
            changes["acknowledged_at"] = now
    if to is IncidentStatus.RESOLVED:
        changes["live_key"] = None
    moved = await Incident.filter(id=incident.id, status=current).update(**changes)
    if not moved:
        raise IllegalTransition(f"Incident {incident.id} changed meanwhile; look again.")
    text = f"{current} → {to}" + (f": {note.strip()}" if note.strip() else "")
    await records.add_entry(incident.id, EntryKind.STATUS, text, actor=actor, at=now,
                            details={"from": str(current), "to": str(to)})
    return await Incident.get(id=incident.id)


async def acknowledge(ident: str, *, actor: str, note: str = "") -> Incident:
    return await move(ident, IncidentStatus.ACKNOWLEDGED, actor=actor, note=note)


async def resolve(ident: str, *, actor: str, note: str = "") -> Incident:
    return await move(ident, IncidentStatus.RESOLVED, actor=actor, note=note)


async def close(ident: str, *, actor: str, note: str = "") -> Incident:
    return await move(ident, IncidentStatus.CLOSED, actor=actor, note=note)
