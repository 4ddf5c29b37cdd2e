"""``accessReview`` and ``thirdParties``: one service call each."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.guards.cost import list_size
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.reviews.types import THIRD_PARTIES_MAX, AccessReview, ThirdParty
from meterwise.services.authz import Operation
from meterwise.services.reviews import reviews, third_parties


@strawberry.type
class ReviewsQuery:
    @strawberry.field(description="The account's latest access review with its findings "
                                  "(owners/admins); null before the first.",
                      extensions=operation(Operation.READ_ACCESS_REVIEW))
    async def access_review(self, info: Info) -> AccessReview | None:
        view = await reviews.latest(viewer_of(info))
        return None if view is None else AccessReview.from_view(view)

    @strawberry.field(description="Every outside party the account shares data with: "
                                  "providers connected and notification destinations, with "
                                  "last use (owners/admins).",
                      metadata=list_size(THIRD_PARTIES_MAX),
                      extensions=operation(Operation.READ_THIRD_PARTIES))
    async def third_parties(self, info: Info) -> list[ThirdParty]:
        return [ThirdParty.from_view(row)
                for row in await third_parties.list_third_parties(viewer_of(info))]
