"""Linking by hand: a security event or an audit entry goes on the timeline once."""

from __future__ import annotations

from uuid import uuid4

import pytest

from meterwise.models.audit import AuditEvent
from meterwise.models.incidents import EntryKind, IncidentSeverity
from meterwise.models.shield import SecurityEvent, Severity
from meterwise.services import audit, security_events
from meterwise.services.errors import UserInputError
from meterwise.services.incidents import records
from tests.support.identity import new_account

pytestmark = pytest.mark.usefixtures("db")
ACTOR = "operator:t@h"


async def test_events_and_audit_entries_are_linked_once() -> None:
    account = await new_account()
    await security_events.record("mfa_disabled", account_id=account, severity=Severity.HIGH,
                                 details={"userId": "u1", "ip": "192.0.2.1"})
    await audit.record("member.removed", account_id=account, actor_id=None, target="u2",
                       ip=None, user_agent=None)
    event = await SecurityEvent.get(kind="mfa_disabled")
    entry = await AuditEvent.get(action="member.removed")
    incident = await records.open_incident(title="Odd admin activity", actor=ACTOR,
                                           severity=IncidentSeverity.SEV3)

    assert await records.link_security_event(incident.id, event.id, actor=ACTOR)
    assert not await records.link_security_event(incident.id, event.id, actor=ACTOR)
    assert await records.link_audit_entry(incident.id, entry.seq, actor=ACTOR)
    assert not await records.link_audit_entry(incident.id, entry.seq, actor=ACTOR)

    linked = [e for e in await records.timeline(incident.id)
              if e.kind in (EntryKind.SECURITY_EVENT, EntryKind.AUDIT_ENTRY)]
    assert [e.ref for e in linked] == [f"security_event:{event.id}", f"audit:{entry.seq}"]
    assert linked[0].details["details"] == {"userId": "u1", "ip": "192.0.2.1"}
    with pytest.raises(UserInputError, match="No security event"):
        await records.link_security_event(incident.id, uuid4(), actor=ACTOR)
    with pytest.raises(UserInputError, match="No audit entry #999"):
        await records.link_audit_entry(incident.id, 999, actor=ACTOR)
