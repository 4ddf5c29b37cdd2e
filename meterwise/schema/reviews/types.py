"""Access-review and third-party types, mapped field by field from the services' views."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from meterwise.models.reviews import FindingKind
from meterwise.schema.errors import UserError, errors_field
from meterwise.schema.guards.cost import list_size
from meterwise.services.connections import MAX_CONNECTIONS
from meterwise.services.reviews.reviews import MAX_FINDINGS, FindingView, ReviewView
from meterwise.services.reviews.third_parties import ThirdParty as ThirdPartyView
from meterwise.services.spend.channels import MAX_CHANNELS

strawberry.enum(FindingKind, name="AccessFindingKind")


@strawberry.enum(description="What kind of outside party receives the account's data.")
class ThirdPartyKind(Enum):
    PROVIDER = "provider"
    WEBHOOK = "webhook"
    SLACK = "slack"
    EMAIL = "email"


@strawberry.type(description="One thing an access review found. `subjectId` is the "
                             "membership, API token, invite or connection to act on.")
class AccessFinding:
    id: strawberry.ID
    kind: FindingKind
    subject_id: strawberry.ID | None
    summary: str
    since: datetime | None
    open: bool = strawberry.field(description="Still true now (false once acted on).")

    @classmethod
    def from_view(cls, view: FindingView) -> AccessFinding:
        row = view.row
        return cls(id=strawberry.ID(str(row.id)), kind=row.kind,
                   subject_id=strawberry.ID(str(row.subject_id)) if row.subject_id else None,
                   summary=row.summary, since=row.since, open=view.open)


@strawberry.type(description="A periodic review of who and what can reach the account.")
class AccessReview:
    id: strawberry.ID
    trigger: str
    created_at: datetime
    completed_at: datetime | None
    completed_by: str | None = strawberry.field(description="The e-mail of who completed it.")
    open_findings: int
    findings: list[AccessFinding] = strawberry.field(metadata=list_size(MAX_FINDINGS))

    @classmethod
    def from_view(cls, view: ReviewView) -> AccessReview:
        review = view.review
        return cls(id=strawberry.ID(str(review.id)), trigger=review.trigger,
                   created_at=review.created_at, completed_at=review.completed_at,
                   completed_by=view.completed_by_email, open_findings=view.open_count,
                   findings=[AccessFinding.from_view(f) for f in view.findings])


@strawberry.type
class AccessReviewPayload:
    review: AccessReview | None = None
    errors: list[UserError] = errors_field()


@strawberry.type(description="An outside party the account shares data with. "
                             "`destination` is the provider, or the target's scheme and "
                             "host (the e-mail's domain); `lastUsedAt` the last sync or the "
                             "last delivered message.")
class ThirdParty:
    kind: ThirdPartyKind
    id: strawberry.ID
    name: str
    destination: str
    added_at: datetime
    last_used_at: datetime | None
    status: str

    @classmethod
    def from_view(cls, view: ThirdPartyView) -> ThirdParty:
        return cls(kind=ThirdPartyKind(view.kind), id=strawberry.ID(str(view.id)),
                   name=view.name, destination=view.destination, added_at=view.added_at,
                   last_used_at=view.last_used_at, status=view.status)


THIRD_PARTIES_MAX = MAX_CONNECTIONS + MAX_CHANNELS
