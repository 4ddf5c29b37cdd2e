"""The access-review digest: one e-mail per owner per review, never sent twice.

Rows are queued with the review (``ON CONFLICT DO NOTHING``); a send claims its row with a
conditional UPDATE (pending → sending), so a retry, a second worker or a re-run never mails
the same owner twice. A review with no findings sends nothing: the console still shows it.
The mail carries summaries (names, dates) and where to act, never a secret or a link token.
"""

from __future__ import annotations

import logging
from uuid import UUID, uuid4

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from meterwise import clock, wiring
from meterwise.models.identity import Membership, Role
from meterwise.models.reviews import AccessReview, ReviewDigest, ReviewFinding
from meterwise.models.spend import ChannelKind
from meterwise.services.spend import senders

log = logging.getLogger(__name__)

_CLAIM = ("UPDATE access_review_digest SET status = 'sending' "
          "WHERE id = $1 AND status = 'pending' RETURNING id")


async def queue_digests(review: AccessReview, *, findings: int,
                        conn: BaseDBAsyncClient | None = None) -> None:
    """A pending digest row per owner of the account (nothing when there is nothing);
    ``conn``: the review's own transaction, so the two commit together."""
    if not findings:
        return
    conn = conn or connections.get("default")
    owners = await Membership.filter(account_id=review.account_id, role=Role.OWNER
                                     ).using_db(conn).values_list("user_id", flat=True)
    for user_id in owners:
        await conn.execute_query(
            "INSERT INTO access_review_digest (id, review_id, user_id, status) "
            "VALUES ($1, $2, $3, 'pending') ON CONFLICT (review_id, user_id) DO NOTHING",
            [uuid4(), review.id, user_id])


def render(review: AccessReview, findings: list[ReviewFinding]) -> dict[str, object]:
    lines = [f"- {f.kind.value.replace('_', ' ')}: {f.summary}" for f in findings]
    message = (f"Access review of {review.created_at:%Y-%m-%d}: {len(findings)} finding(s) "
               "to look at.\n\n" + "\n".join(lines) + "\n\nOpen the Meterwise console, "
               "Access review, to revoke, rotate or complete the review.")
    return {"type": "accessReview", "id": str(review.id),
            "data": {"title": f"Access review: {len(findings)} finding(s)",
                     "message": message}}


async def send_digests(review_id: UUID) -> int:
    """Send every pending digest of the review; returns how many went out."""
    review = await AccessReview.get(id=review_id)
    findings = await ReviewFinding.filter(review_id=review_id).order_by("kind", "summary")
    message = render(review, findings)
    settings = wiring.settings()
    sent = 0
    for row in await ReviewDigest.filter(review_id=review_id, status="pending"):
        claimed = await connections.get("default").execute_query_dict(_CLAIM, [row.id])
        if not claimed:
            continue  # another sender has it
        membership = await Membership.get_or_none(
            account_id=review.account_id, user_id=row.user_id, role=Role.OWNER
        ).select_related("user")
        if membership is None:  # no longer an owner: not theirs to read
            await ReviewDigest.filter(id=row.id).update(status="skipped")
            continue
        try:
            await senders.send(ChannelKind.EMAIL, target=membership.user.email, secret=None,
                               message_id=str(row.id), message=message, settings=settings)
        except senders.SendFailed as exc:
            log.warning("access review digest %s not sent: %s", row.id, exc)
            await ReviewDigest.filter(id=row.id).update(status="failed",
                                                        last_error=str(exc)[:300])
            continue
        await ReviewDigest.filter(id=row.id).update(status="sent", sent_at=clock.now())
        sent += 1
    return sent
