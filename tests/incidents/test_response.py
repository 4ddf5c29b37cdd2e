"""``contain`` and ``notify`` on an incident: the affected accounts are acted on, the
timeline says what was done, contain makes the incident contained, notify's campaign is the
incident id (a second run mails nobody again)."""

from __future__ import annotations

import pytest

from meterwise.models.identity import Session
from meterwise.models.incidents import EntryKind, IncidentSeverity, IncidentStatus
from meterwise.models.notices import NoticeDelivery
from meterwise.services import containment
from meterwise.services.containment import ContainmentAction
from meterwise.services.errors import UserInputError
from meterwise.services.incidents import records, response, transitions
from meterwise.services.incidents.transitions import IllegalTransition
from tests.notices.conftest import mailbox
from tests.notices.support import FACTS, team
from tests.spend.smtp import Mailbox
from tests.support.identity import new_account

__all__ = ["mailbox"]  # the notices tests' SMTP fixture
pytestmark = pytest.mark.usefixtures("db")
ACTOR = "operator:alice@bastion"


async def actions(incident_id: object) -> list[str]:
    return [e.text for e in await records.timeline(incident_id)  # type: ignore[arg-type]
            if e.kind is EntryKind.ACTION]


async def test_contain_acts_on_every_affected_account_and_contains_the_incident() -> None:
    hit, spared = await team(), await team()
    incident = await records.open_incident(title="Session tokens leaked",
                                           severity=IncidentSeverity.SEV1, actor=ACTOR,
                                           account_ids=[hit.account_id])
    lines = await response.contain(str(incident.id), [ContainmentAction.REVOKE_CREDENTIALS,
                                                       ContainmentAction.FREEZE_CONNECTIONS],
                                   actor=ACTOR, reason="tokens in a public log")

    assert len(lines) == 2 and all(line.startswith(str(hit.account_id)) for line in lines)
    assert (await records.get(str(incident.id))).status is IncidentStatus.CONTAINED
    assert await Session.filter(account_id=hit.account_id, revoked_at=None).count() == 0
    assert await Session.filter(account_id=spared.account_id, revoked_at=None).count() > 0
    assert await containment.is_frozen(hit.account_id)
    assert not await containment.is_frozen(spared.account_id)
    done = await actions(incident.id)
    assert sum(t.startswith(f"contained account {hit.account_id}: ") for t in done) == 2

    released = await response.release(str(incident.id), [ContainmentAction.FREEZE_CONNECTIONS],
                                      actor=ACTOR, reason="keys rotated")
    assert released and not await containment.is_frozen(hit.account_id)
    assert any(t.startswith(f"released account {hit.account_id}: ") for t in
               await actions(incident.id))


async def test_contain_is_refused_for_strangers_resolved_incidents_and_no_accounts() -> None:
    affected, stranger = await new_account(), await new_account()
    incident = await records.open_incident(title="x", severity=IncidentSeverity.SEV2,
                                           actor=ACTOR, account_ids=[affected])
    bare = await records.open_incident(title="y", severity=IncidentSeverity.SEV2, actor=ACTOR)
    freeze = [ContainmentAction.FREEZE_CONNECTIONS]
    with pytest.raises(UserInputError, match="Not affected by this incident"):
        await response.contain(str(incident.id), freeze, actor=ACTOR, reason="r",
                               account_ids=[stranger])
    with pytest.raises(UserInputError, match="has no affected accounts"):
        await response.contain(str(bare.id), freeze, actor=ACTOR, reason="r")
    await transitions.acknowledge(str(incident.id), actor=ACTOR)
    await transitions.resolve(str(incident.id), actor=ACTOR)
    with pytest.raises(IllegalTransition, match="is resolved"):
        await response.contain(str(incident.id), freeze, actor=ACTOR, reason="r")
    assert not await containment.is_frozen(stranger)
    assert not await containment.is_frozen(affected)


async def test_notify_mails_each_owner_and_admin_once_under_the_incident_id(
        mailbox: Mailbox) -> None:
    first, second, outside = await team(), await team(), await team()
    incident = await records.open_incident(title="Backup exposed",
                                           severity=IncidentSeverity.SEV1, actor=ACTOR,
                                           account_ids=[first.account_id, second.account_id])
    result = await response.notify(str(incident.id), FACTS, actor=ACTOR)
    again = await response.notify(str(incident.id), FACTS, actor=ACTOR)

    mailed = sorted(r for mail in mailbox.mails for r in mail.recipients)
    assert mailed == sorted(first.mailed | second.mailed)
    assert not outside.mailed & set(mailed)
    assert (result.sent, again.sent, again.already_sent) == (4, 0, 4)
    assert set(await NoticeDelivery.all().values_list("campaign", flat=True)) == {
        str(incident.id)}
    notes = [t for t in await actions(incident.id) if t.startswith("breach notice: ")]
    assert len(notes) == 2
    assert "4 e-mail(s) sent now" in notes[0] and "0 e-mail(s) sent now" in notes[1]
