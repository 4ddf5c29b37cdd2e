"""Provider truth (issue 11): connect and first sync against the strict fakes, over real HTTP.

The fakes' data runs into today, so they refuse what the real APIs refuse (a future
`ending_at`, a range with no whole day) and hide what the real APIs hide (today's cost, the
hour in progress).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qs
from uuid import UUID

import httpx
import pytest

from meterwise.config import Settings
from meterwise.fakeproviders import FakeProvider, Fakes, Totals, TotalsKey, start_fakes
from meterwise.models.identity import Role
from meterwise.models.usage import CostBasis, SyncStatus, UsageRecord
from meterwise.providers.common import floor_hour
from meterwise.services.sync import run_sync
from tests.support.identity import gql, signed_in
from tests.sync.support import normalised, stored_totals

CONNECT = """mutation($input: ConnectProviderInput!) { connectProvider(input: $input) {
  connection { id status } errors { code field message } } }"""
BY_MODEL = """query($from: DateTime!, $to: DateTime!) {
  usage(filter: {from: $from, to: $to}, groupBy: [MODEL]) {
    totalCost series { model cost inputTokens outputTokens cachedInputTokens } } }"""


@pytest.fixture(scope="module")
def fakes_today() -> Iterator[Fakes]:
    """30 finished days and today so far: exactly the first sync's backfill window."""
    today = datetime.now(UTC).date()
    with start_fakes(seed=6, start_day=today - timedelta(days=30), days=31) as running:
        yield running


@pytest.fixture
def strict(fakes_today: Fakes, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    """Every provider base URL (the app's settings included) points at the strict fakes."""
    fakes_today.reset()
    urls = {fake.kind.value: fake.base_url for fake in fakes_today.all()}
    monkeypatch.setattr(Settings, "provider_base_url", lambda self, kind: urls[kind.lower()])
    return fakes_today


async def _connect(client: httpx.AsyncClient, token: str, provider: str, key: str) -> UUID:
    body = await gql(client, CONNECT, {"input": {"provider": provider, "label": "Main",
                                                 "apiKey": key}}, token=token)
    payload = body["data"]["connectProvider"]
    assert payload["errors"] == [] and payload["connection"]["status"] == "active"
    return UUID(payload["connection"]["id"])


def _hourly_end(fake: FakeProvider) -> datetime | None:
    """The `ending_at` the adapter sent for today's 1h buckets (None: it sent none)."""
    for hit in fake.hits:
        query = parse_qs(hit.query)
        if query.get("bucket_width") == ["1h"]:
            return datetime.fromisoformat(query["ending_at"][0].replace("Z", "+00:00"))
    return None


def _without_cost_on(totals: dict[TotalsKey, Totals], day: date) -> dict[TotalsKey, Totals]:
    return {k: Totals(t.input_tokens, t.output_tokens, t.cached_input_tokens,
                      t.cache_write_tokens, t.requests, Decimal(0) if k[0] == day else t.cost)
            for k, t in totals.items()}


async def test_an_anthropic_key_connects_and_a_first_sync_stores_the_providers_truth(
    client: httpx.AsyncClient, strict: Fakes, settings: Settings
) -> None:
    fake = strict.anthropic
    token, _who = await signed_in(client, Role.ADMIN)
    before = datetime.now(UTC)
    connection_id = await _connect(client, token, "ANTHROPIC", fake.valid_key)
    assert await run_sync(connection_id, None, settings=settings) is SyncStatus.SUCCEEDED
    after = datetime.now(UTC)

    assert all(hit.status == 200 for hit in fake.hits)
    sent_until = _hourly_end(fake)
    if sent_until is None:  # 00:xx UTC: no hour of today has finished yet
        assert floor_hour(before) == before.replace(hour=0, minute=0, second=0, microsecond=0)
        sent_until = floor_hour(before)
    assert sent_until in (floor_hour(before), floor_hour(after))
    today = sent_until.date()
    expected = normalised(fake.dataset.expected_by(sent_until))
    stored = normalised(_without_cost_on(await stored_totals(connection_id), today))
    assert stored == expected  # per day and model (and workspace), to the cent
    assert any(key[0] == today for key in expected)  # today's usage so far is there
    assert not await UsageRecord.filter(connection_id=connection_id, source="cost",
                                        bucket_start__gte=sent_until.replace(hour=0))
    today_rows = await UsageRecord.filter(connection_id=connection_id,
                                          bucket_start__gte=sent_until.replace(hour=0))
    assert today_rows and all(r.cost_basis is not CostBasis.REPORTED for r in today_rows)


async def test_an_openai_by_model_report_equals_the_providers_per_model_totals(
    client: httpx.AsyncClient, strict: Fakes, settings: Settings
) -> None:
    fake = strict.openai
    token, _who = await signed_in(client, Role.ADMIN)
    connection_id = await _connect(client, token, "OPENAI", fake.valid_key)
    assert await run_sync(connection_id, None, settings=settings) is SyncStatus.SUCCEEDED
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    start = today - timedelta(days=30)

    body = await gql(client, BY_MODEL, {"from": start.isoformat(), "to": today.isoformat()},
                     token=token)

    report: dict[str | None, Totals] = {}
    for point in body["data"]["usage"]["series"]:
        report[point["model"]] = report.get(point["model"], Totals()) + Totals(
            int(point["inputTokens"]), int(point["outputTokens"]),
            int(point["cachedInputTokens"]), cost=Decimal(point["cost"]))
    truth: dict[str | None, Totals] = {}
    for (_day, model, _project), t in fake.dataset.expected(start.date(), today.date()).items():
        truth[model] = truth.get(model, Totals()) + Totals(
            t.input_tokens, t.output_tokens, t.cached_input_tokens, cost=t.cost)
    assert {m: (t.input_tokens, t.output_tokens, t.cached_input_tokens, t.cost.normalize())
            for m, t in report.items()} == \
        {m: (t.input_tokens, t.output_tokens, t.cached_input_tokens, t.cost.normalize())
         for m, t in truth.items()}
    lines = {c.line_item for c in fake.dataset.costs}
    assert {"ft:gpt-4o-mini-2024-07-18:acme::B1xYz9", "gpt-4.1-2025-04-14",
            "gpt-4o-audio-preview-2024-12-17", "whisper-1"} <= set(report)
    assert any(line.startswith("priority | ") and line.endswith(", long context")
               for line in lines)
