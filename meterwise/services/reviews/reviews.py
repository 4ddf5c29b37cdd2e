"""Access reviews: run (scheduled per account, or on demand), read the latest, complete.

``run_due`` is the periodic job: every account whose latest review is older than
``METERWISE_REVIEW_INTERVAL_DAYS`` gets a new one. A run locks the account's row, so two
schedulers (or a scheduler and a button) racing on one account store one review. The
digest goes to the owners after the review commits (``digest.send_digests``). Reading a
review recomputes the current findings so each stored one says whether it is still open:
revoking the token or replacing the key from the console closes it. Completing a review is
an attestation by a person and is audited with the findings it left open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from tortoise.transactions import in_transaction

from meterwise import clock, wiring
from meterwise.models.identity import Account, User
from meterwise.models.reviews import AccessReview, ReviewFinding
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.reviews import digest
from meterwise.services.reviews.findings import find
from meterwise.services.scoping import scoped, scoped_get
from meterwise.services.viewer import Viewer

RUN_DUE_JOB = "reviews.run_due"
MAX_NOTE = 500
MAX_FINDINGS = 200  # stored per review; a larger account sees the first 200 in the order found
DUE_BATCH = 200


@dataclass(frozen=True)
class FindingView:
    row: ReviewFinding
    open: bool


@dataclass(frozen=True)
class ReviewView:
    review: AccessReview
    findings: list[FindingView]
    completed_by_email: str | None

    @property
    def open_count(self) -> int:
        return sum(1 for f in self.findings if f.open)


async def run_review(account_id: UUID, *, trigger: str, now: datetime | None = None,
                     only_if_due: bool = False) -> AccessReview | None:
    """Store a review of the account's findings now (None: not due, or already taken)."""
    now = now or clock.now()
    limits = wiring.settings().review
    async with in_transaction() as conn:
        await Account.filter(id=account_id).select_for_update()  # one run per account at once
        if only_if_due:
            latest = await AccessReview.filter(account_id=account_id).order_by(
                "-created_at").first()
            if latest and latest.created_at > now - timedelta(days=limits.interval_days):
                return None
        review = await AccessReview.create(id=uuid4(), account_id=account_id, trigger=trigger,
                                           created_at=now)
        found = (await find(account_id, now, limits))[:MAX_FINDINGS]
        await ReviewFinding.bulk_create([
            ReviewFinding(id=uuid4(), review_id=review.id, kind=f.kind,
                          subject_id=f.subject_id, summary=f.summary[:300], since=f.since)
            for f in found])
        await digest.queue_digests(review, findings=len(found), conn=conn)  # with the review
    await digest.send_digests(review.id)
    return review


async def run_due(*, now: datetime | None = None) -> int:
    """The periodic job: review every account that is due; returns reviews stored."""
    now = now or clock.now()
    cutoff = now - timedelta(days=wiring.settings().review.interval_days)
    reviewed = await AccessReview.filter(created_at__gt=cutoff).values_list("account_id",
                                                                             flat=True)
    due = [UUID(str(ident)) for ident in await Account.exclude(
        id__in=list(reviewed)).order_by("created_at").limit(DUE_BATCH).values_list(
        "id", flat=True)]
    stored = 0
    for account_id in due:
        if await run_review(account_id, trigger="schedule", now=now, only_if_due=True):
            stored += 1
    return stored


async def run_now(viewer: Viewer, client: Client) -> ReviewView:
    """A review on demand (owners/admins), audited."""
    review = await run_review(viewer.account_id, trigger="manual")
    assert review is not None
    await audit_event("access_review.run", client, account_id=viewer.account_id,
                      actor_id=viewer.user_id, target=review.id)
    return await _view(review)


async def latest_for(account_id: UUID) -> AccessReview | None:
    return await AccessReview.filter(account_id=account_id).order_by("-created_at").first()


async def latest(viewer: Viewer) -> ReviewView | None:
    review = await latest_for(viewer.account_id)
    return None if review is None else await _view(review)


async def complete(viewer: Viewer, client: Client, review_id: str, note: str | None
                   ) -> ReviewView:
    """Sign off a review of the viewer's account (once); audited with what is still open."""
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"A note of at most {MAX_NOTE} characters.", "note")
    review = await scoped_get(AccessReview, viewer, review_id)
    if review is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such access review.", "id")
    now = clock.now()
    claimed = await scoped(AccessReview, viewer).filter(
        id=review.id, completed_at__isnull=True).update(
        completed_at=now, completed_by=viewer.user_id, completion_note=note or None)
    if not claimed:
        raise UserInputError(UserErrorCode.ALREADY_EXISTS,
                             "This access review is already completed.", "id")
    await review.refresh_from_db()
    view = await _view(review)
    await audit_event("access_review.completed", client, account_id=viewer.account_id,
                      actor_id=viewer.user_id, target=review.id,
                      metadata={"findings": len(view.findings), "open": view.open_count,
                                "note": bool(note)})
    return view


async def _view(review: AccessReview) -> ReviewView:
    rows = await ReviewFinding.filter(review_id=review.id).order_by("kind", "summary")
    current = {f.key for f in await find(review.account_id, clock.now(),
                                         wiring.settings().review)}
    email = None
    if review.completed_by is not None:
        user = await User.get_or_none(id=review.completed_by).only("id", "email")
        email = user.email if user else None
    return ReviewView(review, [FindingView(r, (r.kind, r.subject_id) in current)
                               for r in rows], email)
