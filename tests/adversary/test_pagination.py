"""Every paged field over a real server: one answer to ``first: 0`` and to a bad cursor.

Before the one pagination helper, ``auditLog`` and ``securityEvents`` answered ``first: 0``
with one row and a forged or stale cursor with an empty last page, which a client reads as
"nothing more" and stops; the other fields answered with no rows and an ``INVALID_INPUT``.
(A negative or oversized ``first`` is refused by the cost guard before any resolver runs.)
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from meterwise.models.shield import SecurityEventKind
from meterwise.models.usage import RevisionKind, UsageRevision
from meterwise.services import audit, security_events
from tests.adversary.support import LiveServer
from tests.support.identity import signed_in

pytestmark = pytest.mark.slow

DAY = datetime(2026, 11, 3, tzinfo=UTC)
WINDOW = {"from": (DAY - timedelta(days=10)).isoformat(),
          "to": (DAY + timedelta(days=10)).isoformat()}

# field -> (query, variables); each answers with a connection and its pageInfo
CURSORED: dict[str, tuple[str, dict[str, Any]]] = {
    "auditLog": ("query($first: Int, $after: String) { auditLog(first: $first, after: $after)"
                 " { edges { cursor } pageInfo { hasNextPage endCursor } } }", {}),
    "securityEvents": ("query($first: Int!, $after: String) { securityEvents(first: $first, "
                       "after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }",
                       {}),
    "usageRevisions": ("query($filter: UsageFilter!, $first: Int, $after: String) { "
                       "usageRevisions(filter: $filter, first: $first, after: $after) "
                       "{ edges { cursor } pageInfo { hasNextPage endCursor } } }",
                       {"filter": WINDOW}),
    "alerts": ("query($first: Int!, $after: String) { alerts(first: $first, after: $after) "
               "{ nodes { id } pageInfo { hasNextPage endCursor } } }", {}),
}
LISTS = {
    "members": "query($first: Int) { members(first: $first) { id } }",
    "apiTokens": "query($first: Int) { apiTokens(first: $first) { id } }",
    "sessions": "query($first: Int) { sessions(first: $first) { id } }",
    "invites": "query($first: Int) { invites(first: $first) { id } }",
}
# Cursors a client may hold that the server did not make for this field: garbage, the old
# audit and security-event formats, an empty JSON list, another field's shape.
BAD_CURSORS = [
    "not a cursor!",
    base64.urlsafe_b64encode(b"seq:999999").decode(),
    base64.urlsafe_b64encode(f"{DAY.isoformat()}|{uuid4()}".encode()).decode(),
    "W10",
    base64.urlsafe_b64encode(b'["v1","not a time","not an id"]').decode().rstrip("="),
]


async def account_with_rows() -> str:
    """An owner whose account has rows in every cursored field but alerts."""
    token, who = await signed_in()
    for n in range(3):
        await audit.record("test.page", account_id=who.account_id, actor_id=who.user_id,
                           target=str(n), ip=None, user_agent=None)
        await security_events.record(SecurityEventKind.LOGIN_NEW_IP, account_id=who.account_id,
                                     severity="low")
        await UsageRevision.create(
            account_id=who.account_id, connection_id=uuid4(), provider="openai",
            sync_run_id=uuid4(), kind=RevisionKind.CHANGED, origin="costs", source="cost",
            bucket_start=DAY, bucket_width="1d", model="gpt-4o", project="proj_abc",
            line_item=f"gpt-4o, input {n}", old_cost=Decimal("2.00"),
            new_cost=Decimal("3.20"), old_output_tokens=10, new_output_tokens=15,
            revised_at=DAY + timedelta(days=1, minutes=n))
    return token


def connection(body: dict[str, Any], field: str) -> dict[str, Any]:
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"][field]
    return result


def items(page: dict[str, Any]) -> list[Any]:
    found: list[Any] = page["edges"] if "edges" in page else page["nodes"]
    return found


async def test_first_zero_is_an_empty_page_on_every_paged_field(live: LiveServer) -> None:
    token = await account_with_rows()
    for field, (query, variables) in CURSORED.items():
        page = connection(await live.gql(query, {**variables, "first": 0}, token=token), field)
        assert items(page) == [], field
        assert page["pageInfo"]["endCursor"] is None, field
        # one row left unread is "more": the client learns rows exist without seeing any
        assert page["pageInfo"]["hasNextPage"] is (field != "alerts"), field
    for field, query in LISTS.items():
        body = await live.gql(query, {"first": 0}, token=token)
        assert "errors" not in body, body
        assert body["data"][field] == [], field


async def test_a_cursor_the_server_did_not_make_is_invalid_input(live: LiveServer) -> None:
    token = await account_with_rows()
    for field, (query, variables) in CURSORED.items():
        for cursor in BAD_CURSORS:
            body = await live.gql(query, {**variables, "first": 2, "after": cursor},
                                  token=token)
            assert body.get("data") is None or body["data"].get(field) is None, (field, body)
            error = body["errors"][0]
            assert error["extensions"]["code"] == "INVALID_INPUT", (field, cursor, error)
            assert error["extensions"]["field"] == "after", (field, cursor, error)
