"""In-app notices: posted once per account and campaign, streamed as ``noticePosted`` on the
account's live channel, listed until an owner or admin acknowledges them."""

from __future__ import annotations

from datetime import UTC
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError

from meterwise import clock, pubsub
from meterwise.models.notices import Notice, NoticeSeverity
from meterwise.services import audit
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer

NOTICE_POSTED = "noticePosted"
MAX_NOTICES = 20  # unacknowledged notices listed at once, newest first


async def post(account_id: UUID, campaign: str, *, title: str, body: str,
               severity: NoticeSeverity) -> bool:
    """The campaign's notice for the account, once (False: it was posted before). The
    live event goes out here or, after a crash, from ``publish_pending``."""
    try:
        notice = await Notice.create(account_id=account_id, campaign=campaign, title=title,
                                     body=body, severity=severity, created_at=clock.now())
    except IntegrityError:  # (account, campaign) is unique: posted by an earlier run
        await publish_pending(account_id, campaign)
        return False
    await audit.record("notice.posted", account_id=account_id, actor_id=None,
                       target=f"notice:{notice.id}", ip=None, user_agent=None,
                       metadata={"campaign": campaign, "severity": str(severity)})
    await publish_pending(account_id, campaign)
    return True


async def publish_pending(account_id: UUID, campaign: str) -> None:
    """Announce the campaign's notice on the account's channel unless that was done (at
    least once: a crash after publishing and before marking repeats the event, which
    subscribers recognise by its id)."""
    notice = await Notice.get_or_none(account_id=account_id, campaign=campaign,
                                      published_at__isnull=True)
    if notice is None:
        return
    await pubsub.publish(pubsub.account_channel(account_id), event(notice))
    await Notice.filter(id=notice.id).update(published_at=clock.now())


def event(notice: Notice) -> dict[str, Any]:
    """The notice as the ``noticePosted`` stream carries it."""
    return {"type": NOTICE_POSTED, "id": str(notice.id), "campaign": notice.campaign,
            "title": notice.title, "body": notice.body, "severity": str(notice.severity),
            "createdAt": notice.created_at.astimezone(UTC).isoformat()}


async def unacknowledged(viewer: Viewer) -> list[Notice]:
    """The viewer's account's notices nobody acknowledged yet, newest first."""
    return await scoped(Notice, viewer).filter(acknowledged_at__isnull=True).order_by(
        "-created_at", "-id").limit(MAX_NOTICES)


async def acknowledge(viewer: Viewer, notice_id: str) -> Notice:
    """Hide the notice for the whole account (idempotent: the first acknowledgement stays).
    Another account's id finds nothing."""
    try:
        ident: UUID | None = UUID(str(notice_id))
    except ValueError:
        ident = None
    notice = await scoped(Notice, viewer).get_or_none(id=ident) if ident else None
    if notice is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such notice.", "id")
    if notice.acknowledged_at is None:
        done = await scoped(Notice, viewer).filter(
            id=notice.id, acknowledged_at__isnull=True).update(
            acknowledged_at=clock.now(), acknowledged_by=viewer.user_id)
        if done:
            await audit.record("notice.acknowledged", account_id=viewer.account_id,
                               actor_id=viewer.user_id, target=f"notice:{notice.id}",
                               ip=None, user_agent=None, metadata={"campaign": notice.campaign})
        await notice.refresh_from_db()
    return notice
