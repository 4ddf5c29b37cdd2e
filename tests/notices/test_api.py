"""``notices`` and ``acknowledgeNotice`` over HTTP: the notice shows to its account only,
every role reads it, only owners and admins in person acknowledge it, and it shows even to
a member who must change their password first."""

from __future__ import annotations

import httpx
import pytest

from meterwise.models.identity import Role
from meterwise.models.notices import Notice
from meterwise.services.containment import ContainmentAction, contain_account
from meterwise.services.notices import notify_affected
from tests.adversary.test_operations import full_token
from tests.notices.support import FACTS, team
from tests.spend.smtp import Mailbox
from tests.support.identity import error_code, gql

NOTICES = "{ notices { id title body severity acknowledgedAt } }"
ACK = """mutation($id: ID!) { acknowledgeNotice(id: $id) { notice { id acknowledgedAt }
  errors { code } } }"""


async def test_every_role_of_the_account_sees_the_notice_and_no_other_account_does(
        client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    affected, stranger = await team(), await team()
    await notify_affected("INC-10", [affected.account_id], FACTS)
    notice = await Notice.get(account_id=affected.account_id)

    for role in Role:
        body = await gql(client, NOTICES, token=affected.tokens[role])
        assert body["data"]["notices"] == [{
            "id": str(notice.id), "title": FACTS.title, "body": notice.body,
            "severity": "CRITICAL", "acknowledgedAt": None}], role
        assert (await gql(client, NOTICES, token=stranger.tokens[role]))["data"] == {
            "notices": []}
    assert "What happened\n" + FACTS.what_happened in notice.body
    # a stranger cannot acknowledge it by id, whatever their role
    foreign = await gql(client, ACK, {"id": str(notice.id)}, token=stranger.tokens[Role.OWNER])
    assert foreign["data"]["acknowledgeNotice"] == {"notice": None,
                                                    "errors": [{"code": "NOT_FOUND"}]}
    assert (await Notice.get(id=notice.id)).acknowledged_at is None


async def test_only_owners_and_admins_acknowledge_and_then_it_is_gone_for_everyone(
        client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    affected = await team()
    await notify_affected("INC-11", [affected.account_id], FACTS)
    notice = await Notice.get(account_id=affected.account_id)

    for role in (Role.MEMBER, Role.VIEWER):
        body = await gql(client, ACK, {"id": str(notice.id)}, token=affected.tokens[role])
        assert error_code(body) == "FORBIDDEN", role
    leaked = await full_token(affected.people[Role.OWNER])
    assert error_code(await gql(client, ACK, {"id": str(notice.id)}, token=leaked)) == (
        "FORBIDDEN")  # a leaked token must not hide the breach notice
    assert (await Notice.get(id=notice.id)).acknowledged_at is None

    done = await gql(client, ACK, {"id": str(notice.id)}, token=affected.tokens[Role.ADMIN])

    assert done["data"]["acknowledgeNotice"]["notice"]["acknowledgedAt"]
    for role in Role:
        assert (await gql(client, NOTICES, token=affected.tokens[role]))["data"] == {
            "notices": []}
    stored = await Notice.get(id=notice.id)
    assert stored.acknowledged_by == affected.people[Role.ADMIN].user_id


@pytest.mark.parametrize("bad", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
async def test_acknowledging_nothing_finds_nothing(client: httpx.AsyncClient,
                                                   mailbox: Mailbox, bad: str) -> None:
    affected = await team()
    body = await gql(client, ACK, {"id": bad}, token=affected.tokens[Role.OWNER])
    assert body["data"]["acknowledgeNotice"]["errors"] == [{"code": "NOT_FOUND"}]


async def test_a_member_who_must_change_their_password_still_reads_why(
        client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    affected = await team()
    await notify_affected("INC-12", [affected.account_id], FACTS)
    await contain_account(affected.account_id, [ContainmentAction.REQUIRE_PASSWORD_CHANGE],
                          actor="ops", reason="INC-12")
    owner = affected.tokens[Role.OWNER]

    assert len((await gql(client, NOTICES, token=owner))["data"]["notices"]) == 1
    notice = await Notice.get(account_id=affected.account_id)
    body = await gql(client, ACK, {"id": str(notice.id)}, token=owner)
    assert error_code(body) == "PASSWORD_CHANGE_REQUIRED"


async def test_a_read_usage_token_cannot_read_notices_and_a_full_one_can(
        client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    from meterwise.services.identity import api_tokens
    from meterwise.services.identity.common import Client
    from meterwise.services.viewer import TokenScope, Viewer

    affected = await team()
    await notify_affected("INC-13", [affected.account_id], FACTS)
    owner = affected.people[Role.OWNER]
    narrow = await api_tokens.create_token(
        Viewer(user_id=owner.user_id, account_id=owner.account_id, role=Role.OWNER), Client(),
        name="dash", scope=TokenScope.READ_USAGE, expires_in_days=30)

    assert error_code(await gql(client, NOTICES, token=narrow.token)) == "FORBIDDEN"
    full = await full_token(owner)
    assert len((await gql(client, NOTICES, token=full))["data"]["notices"]) == 1
