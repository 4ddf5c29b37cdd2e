"""``notify_affected``: a breach notice to every owner and admin of the affected accounts,
by e-mail and in the app; resumable, and no recipient is ever mailed twice.

Each recipient is a ``NoticeDelivery`` row (campaign, account, user), created once. Sending
one is: **claim** (one conditional UPDATE ``pending`` -> ``sending``, committed), hand the
mail to SMTP, **mark** ``sent``. A run that dies half-way leaves ``sent`` rows (skipped by
the next run), ``pending`` rows (sent by the next run) and at most the rows it was handing
to SMTP in ``sending``. Those are never sent again: we chose **at-most-once**, because a
breach notice that arrives twice erodes trust and a repeat cannot be taken back, while a
missing one is visible: ``NotifyResult.uncertain`` lists them for the operator to check in
the SMTP server's log (and the in-app notice reaches the account anyway). A refusal from
the SMTP server (``SendFailed``: it did not take the mail) puts the row back to ``pending``
for the next run, until ``MAX_ATTEMPTS``. Concurrent runs claim disjoint rows.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from uuid import UUID, uuid4

from tortoise.expressions import F

from meterwise import clock, wiring
from meterwise.config import Settings
from meterwise.models.identity import Account, Membership, Role
from meterwise.models.notices import NoticeDelivery, NoticeDeliveryStatus
from meterwise.services import audit
from meterwise.services.notices import inbox
from meterwise.services.notices.facts import BreachFacts, checked_campaign
from meterwise.services.notices.template import NoticeText, render
from meterwise.services.spend import senders

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # SMTP refusals before a recipient's row is FAILED for good
RECIPIENT_ROLES = (Role.OWNER, Role.ADMIN)


@dataclass
class NotifyResult:
    """What one run did (``sent``, ``refused``, ``notices_posted``) and where the campaign
    stands for these accounts afterwards (``already_sent``, ``uncertain``, ``failed``)."""

    campaign: str
    accounts: int = 0
    recipients: int = 0
    sent: int = 0
    already_sent: int = 0
    refused: int = 0  # SMTP did not take it this run; the next run tries again
    failed: int = 0  # given up
    uncertain: list[str] = field(default_factory=list)  # addresses left ``sending``
    notices_posted: int = 0
    unknown_accounts: list[UUID] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The result in words, for the operator."""
        out = [f"Campaign {self.campaign}: {self.accounts} account(s), {self.recipients} "
               f"recipient(s); {self.sent} e-mail(s) sent now, {self.already_sent} earlier; "
               f"{self.notices_posted} in-app notice(s) posted now."]
        if self.refused:
            out.append(f"{self.refused} e-mail(s) refused by the SMTP server: run notify "
                       "again to retry them.")
        if self.failed:
            out.append(f"{self.failed} recipient(s) given up on (see notice_delivery).")
        if self.uncertain:
            out.append("Interrupted while sending (not re-sent; check the SMTP log): "
                       + ", ".join(self.uncertain))
        if self.unknown_accounts:
            out.append("No such account: " + ", ".join(map(str, self.unknown_accounts)))
        return out


async def notify_affected(campaign: str, account_ids: Sequence[UUID],
                          facts: BreachFacts) -> NotifyResult:
    """E-mail every owner and admin of each account once, post its in-app notice once."""
    campaign = checked_campaign(campaign)
    facts = facts.check()
    result = NotifyResult(campaign)
    for account_id in dict.fromkeys(account_ids):
        account = await Account.get_or_none(id=account_id)
        if account is None:
            result.unknown_accounts.append(account_id)
            continue
        result.accounts += 1
        text = await render(account, facts, campaign)
        if await inbox.post(account.id, campaign, title=facts.title, body=text.notice_body,
                            severity=facts.severity):
            result.notices_posted += 1
        sent_before = result.sent
        await _enlist(campaign, account.id)
        for row in await NoticeDelivery.filter(campaign=campaign, account_id=account.id,
                                               status=NoticeDeliveryStatus.PENDING):
            await _deliver(row, text, result)
        await _tally(campaign, account.id, result, sent_now=result.sent - sent_before)
    return result


async def _enlist(campaign: str, account_id: UUID) -> None:
    """A row for each current owner and admin who has none yet (a resumed run adds only
    members who joined meanwhile; rows are never duplicated: the key is unique)."""
    users = await Membership.filter(account_id=account_id, role__in=RECIPIENT_ROLES
                                    ).values_list("user_id", flat=True)
    now = clock.now()
    await NoticeDelivery.bulk_create(
        [NoticeDelivery(id=uuid4(), campaign=campaign, account_id=account_id,
                        user_id=user_id, created_at=now) for user_id in users],
        ignore_conflicts=True)


async def _deliver(row: NoticeDelivery, text: NoticeText, result: NotifyResult) -> None:
    """Claim, send, mark: see the module docstring for what a crash in between means."""
    claimed = await NoticeDelivery.filter(id=row.id, status=NoticeDeliveryStatus.PENDING
                                          ).update(status=NoticeDeliveryStatus.SENDING,
                                                   claimed_at=clock.now(),
                                                   attempts=F("attempts") + 1)
    if not claimed:
        return  # another run took it
    member = await Membership.get_or_none(user_id=row.user_id, account_id=row.account_id,
                                          role__in=RECIPIENT_ROLES).select_related("user")
    if member is None:  # left the account or lost the role since it was enlisted
        await _finish(row, NoticeDeliveryStatus.FAILED, "no longer an owner or admin")
        return
    settings = wiring.settings()
    try:
        await senders.send_email(member.user.email, subject=text.subject, body=text.email_body,
                                 settings=settings, message_id=_message_id(row, settings))
    except senders.SendFailed as exc:
        attempts = row.attempts + 1
        result.refused += 1
        status = (NoticeDeliveryStatus.FAILED if attempts >= MAX_ATTEMPTS
                  else NoticeDeliveryStatus.PENDING)
        await _finish(row, status, str(exc))
        log.warning("notice %s to user %s refused (attempt %d): %s", row.campaign,
                    row.user_id, attempts, exc)
        return
    await NoticeDelivery.filter(id=row.id, status=NoticeDeliveryStatus.SENDING).update(
        status=NoticeDeliveryStatus.SENT, sent_at=clock.now(), last_error=None)
    result.sent += 1


async def _finish(row: NoticeDelivery, status: NoticeDeliveryStatus, reason: str) -> None:
    await NoticeDelivery.filter(id=row.id, status=NoticeDeliveryStatus.SENDING).update(
        status=status, claimed_at=None, last_error=reason[:300])


def _message_id(row: NoticeDelivery, settings: Settings) -> str:
    """Stable per recipient: a copy re-sent by hand folds into the first in mail clients."""
    sender = settings.email_from or ""
    domain = sender.rsplit("@", 1)[-1].strip(" >") or "meterwise.invalid"
    return f"<notice.{row.id.hex}@{domain}>"


async def _tally(campaign: str, account_id: UUID, result: NotifyResult, *,
                 sent_now: int) -> None:
    """Count where the account's recipients stand; audit what this run sent."""
    rows = await NoticeDelivery.filter(campaign=campaign, account_id=account_id
                                       ).select_related("user")
    result.recipients += len(rows)
    for row in rows:
        if row.status is NoticeDeliveryStatus.SENT:
            result.already_sent += 1
        elif row.status is NoticeDeliveryStatus.SENDING:
            result.uncertain.append(row.user.email)
        elif row.status is NoticeDeliveryStatus.FAILED:
            result.failed += 1
    result.already_sent -= sent_now
    if sent_now:
        await audit.record("notice.emailed", account_id=account_id, actor_id=None,
                           target=f"campaign:{campaign}", ip=None, user_agent=None,
                           metadata={"campaign": campaign, "sent": sent_now})
