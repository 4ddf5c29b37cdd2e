"""The review over a real WebSocket: the same rules as HTTP (real ``meterwise serve``)."""

from __future__ import annotations

import pytest

from meterwise.models.identity import Role
from meterwise.models.reviews import AccessReview
from meterwise.services.reviews import reviews
from tests.adversary.support import LiveServer
from tests.reviews.support import ACCESS_REVIEW, COMPLETE, RUN, THIRD_PARTIES, connect_provider
from tests.support.identity import signed_in

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("db")]


def code(payload: dict[str, object]) -> object:
    errors = payload.get("errors") or [{}]
    assert isinstance(errors, list)
    return errors[0].get("extensions", {}).get("code")


async def test_sockets_see_only_their_account_and_role(live: LiveServer) -> None:
    _, owner = await signed_in()
    await connect_provider(owner.account_id)
    victim = await reviews.run_review(owner.account_id, trigger="manual")
    assert victim is not None
    viewer_token, _ = await signed_in(None, Role.VIEWER, account=owner.account_id)
    member_token, _ = await signed_in(None, Role.MEMBER, account=owner.account_id)
    stranger_token, _ = await signed_in()

    for token in (viewer_token, member_token):
        async with live.socket(token) as ws:
            for query, variables in ((ACCESS_REVIEW, None), (THIRD_PARTIES, None),
                                     (RUN, None), (COMPLETE, {"id": str(victim.id)})):
                assert code(await ws.execute(query, variables)) == "FORBIDDEN", query
    async with live.socket(stranger_token) as ws:
        assert (await ws.execute(ACCESS_REVIEW))["data"] == {"accessReview": None}
        body = await ws.execute(COMPLETE, {"id": str(victim.id)})
        data = body["data"]
        assert isinstance(data, dict)
        assert data["completeAccessReview"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await AccessReview.get(id=victim.id)).completed_at is None
