"""Estimates price each row at its own tier, context, cache-write TTL and modality.

Figures are the pinned ``genai-prices`` table's list prices (per million tokens), e.g.
gpt-4.1: $2 in / $8 out, batch half, priority $3.50 / $14; claude-sonnet-4-5: $3 in,
$6 above 200k input tokens in one request; claude-sonnet-4: 5m writes $3.75, 1h writes $6.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from meterwise.providers import UsageRow
from meterwise.providers.line_items import usage_line_item, usage_terms
from meterwise.services.sync.pricing import estimate_cost

DAY = datetime(2026, 11, 3, tzinfo=UTC)
M = 1_000_000


def _row(model: str, line_item: str, **tokens: int) -> UsageRow:
    return UsageRow(bucket_start=DAY, bucket_width="1d", source="usage", model=model,
                    project=None, api_key_id=None, line_item=line_item, **tokens)


@pytest.mark.parametrize(("tier", "expected"), [
    (None, Decimal(10)), ("batch", Decimal(5)), ("priority", Decimal("17.5")),
])
def test_openai_tiers_are_priced_at_their_own_rates(tier: str | None, expected: Decimal) -> None:
    row = _row("gpt-4.1-2025-04-14", usage_line_item("completions", tier),
               input_tokens=M, output_tokens=M)
    assert estimate_cost("openai", row) == expected


def test_a_days_total_does_not_push_a_row_into_the_long_context_tier() -> None:
    day = _row("claude-sonnet-4-5", usage_line_item("messages", "standard", "0-200k"),
               input_tokens=3 * M)
    long = _row("claude-sonnet-4-5", usage_line_item("messages", "standard", "200k-1M"),
                input_tokens=3 * M)
    assert estimate_cost("anthropic", day) == Decimal(9)
    assert estimate_cost("anthropic", long) == Decimal(18)


def test_one_hour_cache_writes_cost_more_than_five_minute_ones() -> None:
    row = _row("claude-sonnet-4-20250514", "messages", input_tokens=M,
               cache_write_tokens=500_000, cache_write_1h_tokens=200_000)
    # 500k uncached x $3 + 300k 5m writes x $3.75 + 200k 1h writes x $6
    assert estimate_cost("anthropic", row) == Decimal("3.825")


def test_audio_tokens_are_priced_as_audio() -> None:
    row = _row("gpt-realtime", "completions", input_tokens=M, input_audio_tokens=500_000)
    assert estimate_cost("openai", row) == Decimal(18)  # 500k text x $4 + 500k audio x $32


def test_usage_line_items_round_trip_their_tier_and_context() -> None:
    assert usage_line_item("messages", "standard", "0-200k") == "messages"
    assert usage_line_item("messages", "priority_on_demand", "200k-1M") == \
        "messages | priority, long context"
    assert usage_terms("messages | priority, long context") == ("priority", "long")
    assert usage_terms(usage_line_item("completions", "scale")) == ("scale", "standard")
    assert usage_terms("completions") == ("default", "standard")
