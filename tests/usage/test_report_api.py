"""``usage`` through GraphQL: shape, exact money, range rules and account isolation."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import httpx

from meterwise.config import ProviderKind
from meterwise.models.identity import Role
from tests.support.identity import error_code, gql, signed_in
from tests.usage.data import Row, add_connection, insert_rows

QUERY = """
query($filter: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
  usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
    currency totalCost costBasis inputTokens outputTokens cachedInputTokens requests
    series { bucketStart provider connectionId model project apiKey currency cost costBasis
             inputTokens outputTokens cachedInputTokens requests }
  }
}"""


def at(day: int, hour: int = 0, month: int = 1) -> datetime:
    return datetime(2027, month, day, hour, tzinfo=UTC)


async def test_day_by_model_sums_exact_money_and_omits_empty_buckets(
        client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.VIEWER)
    conn = await add_connection(who.account_id)
    base = dict(account_id=who.account_id, connection_id=conn.id, provider="openai")
    await insert_rows([
        Row(**base, bucket_start=at(1, 3), model="gpt-4o", input_tokens=100,
            cached_input_tokens=40, output_tokens=10, requests=2,
            cost=Decimal("0.000000000001"), cost_basis="estimated"),
        Row(**base, bucket_start=at(1, 4), model="gpt-4o", input_tokens=1, requests=1,
            cost=Decimal("1.1"), cost_basis="estimated"),
        Row(**base, bucket_start=at(1), bucket_width="1d", source="cost", project="p1",
            cost=Decimal("2.50"), cost_basis="reported", line_item="gpt-4o input"),
        Row(**base, bucket_start=at(3, 23), model="o3", output_tokens=7, requests=1),
    ])

    body = await gql(client, QUERY, {
        "filter": {"from": "2027-01-01T00:00:00Z", "to": "2027-01-05T00:00:00Z"},
        "groupBy": ["MODEL"], "granularity": "DAY"}, token=token)

    assert "errors" not in body, body
    report = body["data"]["usage"]
    assert report["currency"] == "USD"
    assert report["totalCost"] == "3.600000000001"
    assert report["costBasis"] == "MIXED"
    assert (report["inputTokens"], report["cachedInputTokens"]) == (101.0, 40.0)
    assert (report["outputTokens"], report["requests"]) == (17.0, 4.0)
    assert [(p["bucketStart"], p["model"], p["cost"], p["costBasis"], p["inputTokens"])
            for p in report["series"]] == [
        ("2027-01-01T00:00:00+00:00", None, "2.50", "REPORTED", 0.0),
        ("2027-01-01T00:00:00+00:00", "gpt-4o", "1.100000000001", "ESTIMATED", 101.0),
        ("2027-01-03T00:00:00+00:00", "o3", "0.00", "NONE", 0.0),
    ]
    assert {p["provider"] for p in report["series"]} == {None}


async def test_foreign_connection_ids_contribute_nothing(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.MEMBER)
    _, other = await signed_in(client)
    mine = await add_connection(who.account_id, ProviderKind.ANTHROPIC)
    theirs = await add_connection(other.account_id)
    await insert_rows([
        Row(account_id=who.account_id, connection_id=mine.id, provider="anthropic",
            bucket_start=at(2, 5), model="claude", input_tokens=5, requests=1,
            cost=Decimal("1"), cost_basis="reported"),
        Row(account_id=other.account_id, connection_id=theirs.id, provider="openai",
            bucket_start=at(2, 5), model="gpt", input_tokens=500, requests=9,
            cost=Decimal("99"), cost_basis="reported"),
    ])
    window = {"from": "2027-01-01T00:00:00Z", "to": "2027-01-10T00:00:00Z"}

    only_foreign = await gql(client, QUERY, {
        "filter": {**window, "connectionIds": [str(theirs.id), "not-a-uuid"]}}, token=token)
    mixed = await gql(client, QUERY, {
        "filter": {**window, "connectionIds": [str(theirs.id), str(mine.id)]},
        "groupBy": ["CONNECTION", "PROVIDER"]}, token=token)

    assert only_foreign["data"]["usage"]["series"] == []
    assert only_foreign["data"]["usage"]["totalCost"] == "0.00"
    assert mixed["data"]["usage"]["totalCost"] == "1.00"
    assert [(p["connectionId"], p["provider"]) for p in mixed["data"]["usage"]["series"]] == [
        (str(mine.id), "ANTHROPIC")]


async def test_range_errors_are_coded_and_name_the_field(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client)

    backwards = await gql(client, QUERY, {"filter": {
        "from": "2027-01-02T00:00:00Z", "to": "2027-01-01T00:00:00Z"}}, token=token)
    too_wide = await gql(client, QUERY, {"filter": {
        "from": "2027-01-01T00:00:00Z", "to": "2027-02-02T00:00:01Z"}, "granularity": "HOUR"},
        token=token)
    anonymous = await gql(client, QUERY, {"filter": {
        "from": "2027-01-01T00:00:00Z", "to": "2027-01-02T00:00:00Z"}})

    assert error_code(backwards) == "INVALID_INPUT"
    assert backwards["errors"][0]["extensions"]["field"] == "filter.from"
    assert error_code(too_wide) == "INVALID_INPUT"
    assert "31 days" in too_wide["errors"][0]["message"]
    assert error_code(anonymous) == "UNAUTHENTICATED"
