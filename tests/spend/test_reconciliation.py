"""Reconciliation rows equal hand-computed differences for a fixed dataset.

List prices (genai-prices) used by hand: gpt-4o-2024-08-06 is $2.50 / M input, $1.25 / M
cached input, $10 / M output; ``my-finetune-xyz`` is not in the price list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx

from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import Role
from tests.spend.support import add_connection, at
from tests.support.identity import error_code, gql, signed_in
from tests.usage.data import Row, insert_rows

GPT = "gpt-4o-2024-08-06"
QUERY = ("query($f: UsageFilter!) { reconciliation(filter: $f) { day connectionId provider "
         "model reportedCost computedCost difference likelyCause } }")


def usage(c: ProviderConnection, day: date, model: str, tokens_in: int, tokens_out: int,
          cached: int = 0) -> Row:
    return Row(account_id=UUID(str(c.account_id)), connection_id=c.id, provider="openai",
               bucket_start=at(day, 0), bucket_width="1d", source="usage", model=model,
               input_tokens=tokens_in, output_tokens=tokens_out, cached_input_tokens=cached,
               requests=10)


def cost(c: ProviderConnection, day: date, model: str, amount: str) -> Row:
    return Row(account_id=UUID(str(c.account_id)), connection_id=c.id, provider="openai",
               bucket_start=at(day, 0), bucket_width="1d", source="cost", model=model,
               line_item=f"{model}, all", cost=Decimal(amount), cost_basis="reported")


def filter_for(**extra: Any) -> dict[str, Any]:
    return {"f": {"from": "2026-06-01T00:00:00Z", "to": "2026-06-08T00:00:00Z", **extra}}


async def test_reconciliation_rows_equal_hand_computed_differences(
        client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    member, _ = await signed_in(client, Role.VIEWER, account=who.account_id)
    c = await add_connection(who.account_id)
    d1, d2, d3, d4 = (date(2026, 6, day) for day in (1, 2, 3, 4))
    await insert_rows([
        usage(c, d1, GPT, 1_000_000, 100_000), cost(c, d1, GPT, "3.50"),  # agrees: 2.50 + 1.00
        usage(c, d2, GPT, 1_000_000, 100_000, cached=200_000),  # 2.00 + 0.25 + 1.00 = 3.25
        cost(c, d2, GPT, "3.50"),  # billed as if nothing was cached
        usage(c, d1, "my-finetune-xyz", 1000, 0), cost(c, d1, "my-finetune-xyz", "0.10"),
        usage(c, d3, GPT, 1_000_000, 100_000),  # no cost reported yet
        cost(c, d1, "dall-e-3", "0.40"),  # images: billed, no token usage
        usage(c, d4, GPT, 2_000_000, 200_000), cost(c, d4, GPT, "5.60"),  # batch discount
    ])
    stranger, other = await signed_in(client)
    theirs = await add_connection(other.account_id)
    await insert_rows([cost(theirs, d1, GPT, "99")])

    body = await gql(client, QUERY, filter_for(), token=token)
    viewer = await gql(client, QUERY, filter_for(), token=member)
    only_gpt = await gql(client, QUERY, filter_for(models=[GPT]), token=token)
    foreign = await gql(client, QUERY, filter_for(connectionIds=[str(c.id)]), token=stranger)

    def row(day: date, model: str, reported: str | None, computed: str | None,
            difference: str, cause: str | None) -> dict[str, Any]:
        return {"day": datetime(day.year, day.month, day.day, tzinfo=UTC).isoformat(),
                "connectionId": str(c.id), "provider": "OPENAI", "model": model,
                "reportedCost": reported, "computedCost": computed, "difference": difference,
                "likelyCause": cause}

    expected = [
        row(d1, "dall-e-3", "0.40", None, "0.40", "COST_WITHOUT_USAGE"),
        row(d1, GPT, "3.50", "3.50", "0.00", None),
        row(d1, "my-finetune-xyz", "0.10", None, "0.10", "PRICE_LIST_LACKS_MODEL"),
        row(d2, GPT, "3.50", "3.25", "0.25", "CACHE_PRICING"),
        row(d3, GPT, None, "3.50", "-3.50", "USAGE_WITHOUT_COST"),
        row(d4, GPT, "5.60", "7.00", "-1.40", "TIER_PRICING"),
    ]
    assert body["data"]["reconciliation"] == expected
    assert viewer["data"]["reconciliation"] == expected
    assert only_gpt["data"]["reconciliation"] == [r for r in expected if r["model"] == GPT]
    assert foreign["data"]["reconciliation"] == []


async def test_reconciliation_refuses_wide_ranges(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client)
    body = await gql(client, QUERY, {"f": {"from": "2026-01-01T00:00:00Z",
                                           "to": "2026-06-01T00:00:00Z"}}, token=token)
    assert error_code(body) == "INVALID_INPUT"
