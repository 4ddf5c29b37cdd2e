"""usageRevisions over a real server: another account's revisions are never visible."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest

from meterwise.models.usage import RevisionKind, UsageRevision
from tests.adversary.support import LiveServer
from tests.support.identity import signed_in

pytestmark = pytest.mark.slow

QUERY = """
query($filter: UsageFilter!, $first: Int, $after: String) {
  usageRevisions(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id kind bucketStart provider connectionId model oldCost newCost
                          costDelta oldOutputTokens newOutputTokens syncRunId revisedAt } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
DAY = datetime(2026, 11, 3, tzinfo=UTC)


def window(**extra: Any) -> dict[str, Any]:
    return {"from": (DAY - timedelta(days=10)).isoformat(),
            "to": (DAY + timedelta(days=10)).isoformat(), **extra}


async def revisions_of(account_id: UUID, connection_id: UUID, count: int) -> None:
    for n in range(count):
        await UsageRevision.create(
            account_id=account_id, connection_id=connection_id, provider="openai",
            sync_run_id=uuid4(), kind=RevisionKind.CHANGED, origin="costs", source="cost",
            bucket_start=DAY, bucket_width="1d", model="gpt-4o", project="proj_abc",
            line_item=f"gpt-4o, input {n}", old_cost=Decimal("2.00"),
            new_cost=Decimal("3.20"), old_output_tokens=10, new_output_tokens=15,
            revised_at=DAY + timedelta(days=1, minutes=n))


def nodes(body: dict[str, Any]) -> list[dict[str, Any]]:
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["usageRevisions"]["edges"]]


async def test_another_accounts_revisions_are_never_visible(live: LiveServer) -> None:
    victim_token, victim = await signed_in()
    attacker_token, _ = await signed_in()
    victim_connection = uuid4()
    await revisions_of(victim.account_id, victim_connection, 3)

    mine = nodes(await live.gql(QUERY, {"filter": window()}, token=victim_token))
    theirs = nodes(await live.gql(QUERY, {"filter": window()}, token=attacker_token))
    by_id = nodes(await live.gql(
        QUERY, {"filter": window(connectionIds=[str(victim_connection)])},
        token=attacker_token))
    async with live.socket(attacker_token) as ws:
        over_socket = await ws.execute(QUERY, {"filter": window()})

    assert len(mine) == 3
    assert {Decimal(n["costDelta"]) for n in mine} == {Decimal("1.2")}
    assert {n["connectionId"] for n in mine} == {str(victim_connection)}
    assert theirs == [] and by_id == []
    assert nodes(over_socket) == []


async def test_pages_follow_the_cursor_and_stay_in_the_account(live: LiveServer) -> None:
    token, who = await signed_in()
    other_token, other = await signed_in()
    await revisions_of(who.account_id, uuid4(), 3)
    await revisions_of(other.account_id, uuid4(), 2)

    first = (await live.gql(QUERY, {"filter": window(), "first": 2}, token=token))
    page = first["data"]["usageRevisions"]
    second = await live.gql(QUERY, {"filter": window(), "first": 2,
                                    "after": page["pageInfo"]["endCursor"]}, token=token)
    # the victim's cursor presented by another account finds only that account's rows
    replayed = await live.gql(QUERY, {"filter": window(), "first": 2,
                                      "after": page["pageInfo"]["endCursor"]},
                              token=other_token)

    assert page["pageInfo"]["hasNextPage"] is True and len(page["edges"]) == 2
    seen = [e["node"]["id"] for e in page["edges"]] + [n["id"] for n in nodes(second)]
    assert len(seen) == len(set(seen)) == 3
    assert all(n["connectionId"] not in {e["node"]["connectionId"] for e in page["edges"]}
               for n in nodes(replayed))
    assert len(nodes(replayed)) <= 2


async def test_an_unauthenticated_caller_gets_no_revisions(live: LiveServer) -> None:
    body = await live.gql(QUERY, {"filter": window()})

    assert body.get("data") is None or body["data"].get("usageRevisions") is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
