"""Each kind of finding for its trigger, none for a healthy account, races and bad input."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from pydantic import SecretStr

from meterwise import wiring
from meterwise.config import Settings
from meterwise.models.audit import AuditEvent
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.identity import Role
from meterwise.models.reviews import AccessReview, FindingKind
from meterwise.services import audit
from meterwise.services.identity import invites
from meterwise.services.identity.common import Client
from meterwise.services.reviews import digest, findings, reviews
from meterwise.services.viewer import Viewer
from tests.reviews.support import COMPLETE, RUN, connect_provider
from tests.spend.smtp import smtp_server
from tests.support.identity import FakeClock, gql, signed_in

pytestmark = pytest.mark.usefixtures("db")


def found_kinds(found: list[findings.Found]) -> list[FindingKind]:
    return sorted(f.kind for f in found)


async def test_a_healthy_account_has_no_findings(clock: FakeClock) -> None:
    _, owner = await signed_in()
    connection_id = await connect_provider(owner.account_id)
    await ProviderConnection.filter(id=connection_id).update(last_synced_at=clock.current)
    assert await findings.find(owner.account_id, clock.current, wiring.settings().review) == []


async def test_each_trigger_gives_its_finding(clock: FakeClock) -> None:
    _, owner = await signed_in()
    for _ in range(2):  # three owners: one more than the default allows
        await signed_in(None, Role.OWNER, account=owner.account_id)
    _, idle_member = await signed_in(None, Role.MEMBER, account=owner.account_id)
    viewer = Viewer(user_id=owner.user_id, account_id=owner.account_id, role=Role.OWNER)
    await invites.invite_member(viewer, Client(), role=Role.MEMBER)
    failing = await connect_provider(owner.account_id, label="failing")
    await ProviderConnection.filter(id=failing).update(
        status=ConnectionStatus.INVALID_CREDENTIALS, last_synced_at=clock.current)
    clock.advance(timedelta(days=6))
    found = await findings.find(owner.account_id, clock.current, wiring.settings().review)
    assert found_kinds(found) == sorted([FindingKind.EXCESS_OWNERS,
                                         FindingKind.PENDING_INVITE,
                                         FindingKind.FAILING_CONNECTION])
    idle = await connect_provider(owner.account_id, label="idle")
    clock.advance(timedelta(days=94))  # past the invite's expiry, the members' inactivity
    found = await findings.find(owner.account_id, clock.current, wiring.settings().review)
    by_kind = {f.kind: f for f in found}
    assert FindingKind.PENDING_INVITE not in by_kind  # expired: it opens nothing any more
    inactive = [f for f in found if f.kind is FindingKind.INACTIVE_MEMBER]
    assert idle_member.membership_id in {f.subject_id for f in inactive}
    assert {f.subject_id for f in found if f.kind is FindingKind.IDLE_CONNECTION} == {idle}
    assert {f.subject_id for f in found if f.kind is FindingKind.STALE_PROVIDER_KEY} == {
        failing, idle}


async def test_racing_runs_store_one_review_and_mail_once(settings: Settings,
                                                          clock: FakeClock) -> None:
    _, owner = await signed_in()
    await connect_provider(owner.account_id)
    clock.advance(timedelta(days=100))
    with smtp_server() as box:
        mailing = settings.model_copy(update={"smtp_url": SecretStr(box.url)})
        with wiring.override(settings=mailing):
            stored = await asyncio.gather(*(reviews.run_due() for _ in range(4)))
            review = await reviews.latest_for(owner.account_id)
            assert review is not None
            await asyncio.gather(*(digest.send_digests(review.id) for _ in range(4)))
    assert sum(stored) == 1
    assert await AccessReview.filter(account_id=owner.account_id).count() == 1
    assert [m.recipients for m in box.mails] == [[owner.email]]


async def test_running_is_audited_and_a_huge_note_is_refused(client: httpx.AsyncClient
                                                             ) -> None:
    session, owner = await signed_in(client)
    body = await gql(client, RUN, token=session)
    review_id = body["data"]["runAccessReview"]["review"]["id"]
    event = await AuditEvent.get(action="access_review.run")
    assert (event.actor_id, event.target) == (owner.user_id, review_id)
    body = await gql(client, COMPLETE, {"id": review_id, "note": "x" * 10_000}, token=session)
    assert body["data"]["completeAccessReview"]["errors"][0]["field"] == "note"
    body = await gql(client, COMPLETE, {"id": "not-a-uuid"}, token=session)
    assert body["data"]["completeAccessReview"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await AccessReview.get(id=review_id)).completed_at is None


async def test_a_key_replaced_in_fake_time_is_as_old_as_the_fake_clock_says(
        clock: FakeClock) -> None:
    """The audit log stamps events with ``clock.now()``: a key replaced after the clock moved
    200 days is fresh, and stale again 91 fake days later (it read the OS clock before)."""
    _, owner = await signed_in()
    connection_id = await connect_provider(owner.account_id)
    limits = wiring.settings().review

    async def stale() -> list[object]:
        found = await findings.find(owner.account_id, clock.current, limits)
        return [f.subject_id for f in found if f.kind is FindingKind.STALE_PROVIDER_KEY]

    clock.advance(timedelta(days=200))
    assert await stale() == [connection_id]
    await audit.record(findings.KEY_REPLACED, account_id=owner.account_id,
                       actor_id=owner.user_id, target=str(connection_id), ip=None,
                       user_agent=None)
    assert await stale() == []
    clock.advance(timedelta(days=limits.provider_key_max_days + 1))
    assert await stale() == [connection_id]
