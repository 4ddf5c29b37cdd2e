"""``runAccessReview`` and ``completeAccessReview`` (owners/admins; both audited)."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.identity.common import client_of
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.reviews.types import AccessReview, AccessReviewPayload
from meterwise.services.authz import Operation
from meterwise.services.reviews import reviews


@strawberry.type
class ReviewsMutation:
    @strawberry.mutation(description="Review the account's access now (owners/admins); the "
                                     "owners get the digest when there are findings.",
                         extensions=operation(Operation.RUN_ACCESS_REVIEW))
    async def run_access_review(self, info: Info) -> AccessReviewPayload:
        view = await reviews.run_now(viewer_of(info), client_of(info))
        return AccessReviewPayload(review=AccessReview.from_view(view))

    @strawberry.mutation(description="Sign off an access review once (a person, "
                                     "owners/admins); audited with the findings left open.",
                         extensions=operation(Operation.COMPLETE_ACCESS_REVIEW))
    async def complete_access_review(self, info: Info, id: strawberry.ID,
                                     note: str | None = None) -> AccessReviewPayload:
        view = await reviews.complete(viewer_of(info), client_of(info), id, note)
        return AccessReviewPayload(review=AccessReview.from_view(view))
