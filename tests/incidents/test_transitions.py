"""Statuses move open → acknowledged → contained → resolved → closed and nowhere else."""

from __future__ import annotations

import asyncio

import pytest

from meterwise.models.incidents import (
    ChecklistStatus,
    EntryKind,
    IncidentSeverity,
    IncidentStatus,
)
from meterwise.services.errors import UserInputError
from meterwise.services.incidents import checklist, records, transitions
from meterwise.services.incidents.transitions import IllegalTransition

pytestmark = pytest.mark.usefixtures("db")
ACTOR = "operator:test@host"


async def opened() -> str:
    incident = await records.open_incident(title="Leaked key", severity=IncidentSeverity.SEV2,
                                           actor=ACTOR)
    return str(incident.id)


async def test_the_whole_path_is_recorded_on_the_timeline() -> None:
    ident = await opened()
    for to in (IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED,
               IncidentStatus.RESOLVED, IncidentStatus.CLOSED):
        moved = await transitions.move(ident, to, actor=ACTOR)
        assert moved.status is to
    incident = await records.get(ident)
    assert None not in (incident.acknowledged_at, incident.contained_at,
                        incident.resolved_at, incident.closed_at)
    moves = [e.details for e in await records.timeline(incident.id)
             if e.kind is EntryKind.STATUS]
    assert [(m["from"], m["to"]) for m in moves] == [
        ("open", "acknowledged"), ("acknowledged", "contained"),
        ("contained", "resolved"), ("resolved", "closed")]


@pytest.mark.parametrize(("path", "refused"), [
    ((), IncidentStatus.RESOLVED),  # must be acknowledged first
    ((), IncidentStatus.CLOSED),
    ((), IncidentStatus.OPEN),
    ((IncidentStatus.ACKNOWLEDGED,), IncidentStatus.ACKNOWLEDGED),  # twice
    ((IncidentStatus.ACKNOWLEDGED, IncidentStatus.RESOLVED), IncidentStatus.CONTAINED),
    ((IncidentStatus.ACKNOWLEDGED, IncidentStatus.RESOLVED, IncidentStatus.CLOSED),
     IncidentStatus.OPEN),  # closed is final
])
async def test_illegal_moves_are_refused_saying_what_is_allowed(
        path: tuple[IncidentStatus, ...], refused: IncidentStatus) -> None:
    ident = await opened()
    for to in path:
        await transitions.move(ident, to, actor=ACTOR)
    before = await records.get(ident)
    with pytest.raises(IllegalTransition, match="cannot become") as caught:
        await transitions.move(ident, refused, actor=ACTOR)
    assert "Allowed next:" in caught.value.message
    after = await records.get(ident)
    assert after.status == before.status
    assert len(await records.timeline(after.id)) == len(await records.timeline(before.id))


async def test_closing_waits_for_the_checklist() -> None:
    ident = await opened()
    await transitions.acknowledge(ident, actor=ACTOR)
    await transitions.resolve(ident, actor=ACTOR)
    item = await checklist.add_item(ident, "Rotate the provider key", owner="alice",
                                    actor=ACTOR)
    with pytest.raises(IllegalTransition, match="1 open checklist item"):
        await transitions.close(ident, actor=ACTOR)
    await checklist.update_item(str(item.id), status=ChecklistStatus.DONE, actor=ACTOR)
    assert (await transitions.close(ident, actor=ACTOR)).status is IncidentStatus.CLOSED


async def test_two_operators_racing_make_one_move() -> None:
    ident = await opened()
    results = await asyncio.gather(
        *(transitions.acknowledge(ident, actor=f"operator:{n}@host") for n in range(5)),
        return_exceptions=True)
    assert sum(not isinstance(r, Exception) for r in results) == 1
    assert all(isinstance(r, IllegalTransition) for r in results if isinstance(r, Exception))
    incident = await records.get(ident)
    moves = [e for e in await records.timeline(incident.id) if e.kind is EntryKind.STATUS]
    assert len(moves) == 1


async def test_an_unknown_or_ambiguous_id_is_not_found() -> None:
    with pytest.raises(UserInputError, match="No incident"):
        await records.get("00000000-0000-4000-8000-000000000000")
    ident = await opened()
    assert str((await records.get(ident[:8])).id) == ident
