"""Access reviews over HTTP: findings, acting on them, completion, who may see them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from meterwise.models.audit import AuditEvent
from meterwise.models.identity import Role
from meterwise.models.reviews import AccessReview
from meterwise.services.reviews import reviews
from meterwise.services.viewer import TokenScope
from tests.reviews.support import (
    ACCESS_REVIEW,
    COMPLETE,
    REVOKE_TOKEN,
    RUN,
    THIRD_PARTIES,
    connect_provider,
    fresh_session,
    issue_token,
)
from tests.support.identity import FakeClock, error_code, gql, signed_in

pytestmark = pytest.mark.usefixtures("db")
CONNECTIONS = "{ connections { id } }"


def kinds(review: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for finding in review["findings"]:
        found.setdefault(finding["kind"], []).append(finding)
    return found


async def test_the_review_lists_an_unused_token_and_a_stale_key_and_revoking_works(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    _, owner = await signed_in(client)
    connection_id = await connect_provider(owner.account_id)
    clock.advance(timedelta(days=100))  # the provider key is now older than 90 days
    token, token_id = await issue_token(owner)
    clock.advance(timedelta(days=20))  # ... and the token has not been used for 20
    session = await fresh_session(owner)

    body = await gql(client, RUN, token=session)
    assert body["data"]["runAccessReview"]["errors"] == []
    review = (await gql(client, ACCESS_REVIEW, token=session))["data"]["accessReview"]
    found = kinds(review)
    assert [f["subjectId"] for f in found["UNUSED_API_TOKEN"]] == [str(token_id)]
    assert [f["subjectId"] for f in found["STALE_PROVIDER_KEY"]] == [str(connection_id)]
    assert all(f["open"] for f in review["findings"])
    assert "ci export" in found["UNUSED_API_TOKEN"][0]["summary"]
    assert token not in str(review)  # a finding never carries the secret

    assert "errors" not in await gql(client, CONNECTIONS, token=token)  # it still works
    revoked = await gql(client, REVOKE_TOKEN, {"id": found["UNUSED_API_TOKEN"][0]["subjectId"]},
                        token=session)
    assert revoked["data"]["revokeApiToken"]["errors"] == []
    assert error_code(await gql(client, CONNECTIONS, token=token)) == "UNAUTHENTICATED"

    after = kinds((await gql(client, ACCESS_REVIEW, token=session))["data"]["accessReview"])
    assert after["UNUSED_API_TOKEN"][0]["open"] is False
    assert after["STALE_PROVIDER_KEY"][0]["open"] is True


async def test_completing_a_review_is_audited_once(client: httpx.AsyncClient) -> None:
    session, owner = await signed_in(client)
    await gql(client, RUN, token=session)
    review = (await gql(client, ACCESS_REVIEW, token=session))["data"]["accessReview"]
    body = await gql(client, COMPLETE, {"id": review["id"], "note": "checked with finance"},
                     token=session)
    done = body["data"]["completeAccessReview"]
    assert done["errors"] == [] and done["review"]["completedBy"] == owner.email
    event = await AuditEvent.get(action="access_review.completed")
    assert (event.account_id, event.actor_id, event.target) == (
        owner.account_id, owner.user_id, review["id"])
    again = await gql(client, COMPLETE, {"id": review["id"]}, token=session)
    assert again["data"]["completeAccessReview"]["errors"][0]["code"] == "ALREADY_EXISTS"
    assert await AuditEvent.filter(action="access_review.completed").count() == 1


async def test_other_accounts_and_lesser_roles_cannot_see_or_act(
        client: httpx.AsyncClient) -> None:
    session, owner = await signed_in(client)
    await connect_provider(owner.account_id)
    await gql(client, RUN, token=session)
    victim = (await gql(client, ACCESS_REVIEW, token=session))["data"]["accessReview"]

    stranger, _ = await signed_in(client)  # the owner of another account
    assert (await gql(client, ACCESS_REVIEW, token=stranger))["data"]["accessReview"] is None
    assert (await gql(client, THIRD_PARTIES, token=stranger))["data"]["thirdParties"] == []
    body = await gql(client, COMPLETE, {"id": victim["id"]}, token=stranger)
    assert body["data"]["completeAccessReview"]["errors"][0]["code"] == "NOT_FOUND"

    for role in (Role.MEMBER, Role.VIEWER):
        lesser, _ = await signed_in(client, role, account=owner.account_id)
        for query, variables in ((ACCESS_REVIEW, None), (THIRD_PARTIES, None), (RUN, None),
                                 (COMPLETE, {"id": victim["id"]})):
            body = await gql(client, query, variables, token=lesser)
            assert error_code(body) == "FORBIDDEN", (role, query)
            assert not any((body["data"] or {}).values())

    full, _ = await issue_token(owner, scope=TokenScope.FULL)
    body = await gql(client, COMPLETE, {"id": victim["id"]}, token=full)
    assert error_code(body) == "FORBIDDEN"  # a token cannot attest a review
    read_only, _ = await issue_token(owner)
    assert error_code(await gql(client, ACCESS_REVIEW, token=read_only)) == "FORBIDDEN"
    assert (await AccessReview.get(id=victim["id"])).completed_at is None


async def test_the_schedule_reviews_each_account_once_per_interval(clock: FakeClock) -> None:
    _, first = await signed_in()
    await signed_in()
    assert await reviews.run_due() == 2
    assert await reviews.run_due() == 0  # both reviewed within the interval
    clock.advance(timedelta(days=31))
    assert await reviews.run_due() == 2
    assert await AccessReview.filter(account_id=first.account_id).count() == 2
    assert await AccessReview.filter(trigger="schedule").count() == 4
