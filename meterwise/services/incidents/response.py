"""Acting on an incident's affected accounts: containment and the breach notice campaign.

The actions themselves live in ``services.containment`` and ``services.notices``; this
module applies them to every affected account, writes what each did on the timeline and
moves the incident (``contain`` makes it contained). The campaign key of ``notify`` is the
incident id, so running it again resumes the same campaign and never mails anyone twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from uuid import UUID

from meterwise.models.incidents import EntryKind, Incident, IncidentStatus
from meterwise.services import containment, notices
from meterwise.services.containment import ContainmentAction
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.incidents import records, transitions
from meterwise.services.incidents.transitions import IllegalTransition

_Act = Callable[..., Awaitable[list[str]]]  # containment.contain_account / release_account
ACTIONABLE = (IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED)


async def _targets(incident: Incident, account_ids: Sequence[UUID]) -> list[UUID]:
    affected = await records.affected_accounts(incident.id)
    if not account_ids:
        if not affected:
            raise UserInputError(UserErrorCode.INVALID_INPUT,
                                 f"Incident {incident.id} has no affected accounts: add them "
                                 "first (meterwise incidents affect ID ACCOUNT…).", "accounts")
        return affected
    strangers = [a for a in account_ids if a not in affected]
    if strangers:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             "Not affected by this incident: " + ", ".join(map(str, strangers))
                             + " (add them with meterwise incidents affect).", "accounts")
    return list(dict.fromkeys(account_ids))


async def contain(ident: str, actions: Sequence[ContainmentAction], *, actor: str,
                  reason: str, account_ids: Sequence[UUID] = ()) -> list[str]:
    """Contain the affected accounts (or the given ones among them); the incident becomes
    contained. Refused once it is resolved or closed."""
    incident = await records.get(ident)
    if incident.status not in ACTIONABLE:
        raise IllegalTransition(f"Incident {incident.id} is {incident.status}: containment "
                                "is for open, acknowledged or contained incidents.")
    if not actions:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Name at least one action.",
                             "actions")
    lines = await _each_account(incident, account_ids, containment.contain_account,
                                "contained", actions, actor=actor, reason=reason)
    if incident.status is not IncidentStatus.CONTAINED:
        await transitions.move(str(incident.id), IncidentStatus.CONTAINED, actor=actor,
                               note=reason)
    return lines


async def release(ident: str, actions: Sequence[ContainmentAction], *, actor: str,
                  reason: str, account_ids: Sequence[UUID] = ()) -> list[str]:
    """Undo the reversible containment actions on the affected accounts (any status)."""
    incident = await records.get(ident)
    return await _each_account(incident, account_ids, containment.release_account, "released",
                               actions, actor=actor, reason=reason)


async def _each_account(incident: Incident, account_ids: Sequence[UUID], act: _Act, verb: str,
                        actions: Sequence[ContainmentAction], *, actor: str, reason: str
                        ) -> list[str]:
    """``act`` on each target account; every line it answers goes on the timeline."""
    lines: list[str] = []
    for account in await _targets(incident, account_ids):
        try:
            done = await act(account, actions, actor=actor, reason=reason)
        except containment.UnknownAccount:
            done = ["no such account any more; nothing done"]
        except ValueError as exc:
            raise UserInputError(UserErrorCode.INVALID_INPUT, str(exc)) from None
        for line in done:
            await records.add_entry(incident.id, EntryKind.ACTION,
                                    f"{verb} account {account}: {line}", actor=actor,
                                    details={"accountId": str(account),
                                             "actions": [str(a) for a in actions],
                                             "reason": reason[:500]})
        lines += [f"{account}: {line}" for line in done]
    return lines


async def notify(ident: str, facts: notices.BreachFacts, *, actor: str
                 ) -> notices.NotifyResult:
    """Tell the owners and admins of every affected account (campaign = incident id)."""
    incident = await records.get(ident)
    accounts = await _targets(incident, ())
    try:
        result = await notices.notify_affected(str(incident.id), accounts, facts)
    except ValueError as exc:
        raise UserInputError(UserErrorCode.INVALID_INPUT, str(exc)) from None
    await records.add_entry(incident.id, EntryKind.ACTION,
                            "breach notice: " + " ".join(result.lines()), actor=actor,
                            details={"campaign": result.campaign, "accounts": result.accounts,
                                     "recipients": result.recipients, "sent": result.sent,
                                     "alreadySent": result.already_sent,
                                     "refused": result.refused, "failed": result.failed,
                                     "uncertain": len(result.uncertain),
                                     "noticesPosted": result.notices_posted})
    return result
