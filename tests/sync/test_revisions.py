"""Re-reads replace, revisions are kept, one endpoint's failure is partial: real HTTP, fakes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID, uuid4

import httpx
import pytest

from meterwise.cli import demo
from meterwise.config import ProviderKind, Settings
from meterwise.fakeproviders import Fakes
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.identity import Role
from meterwise.models.usage import RevisionKind, SyncRun, SyncStatus, UsageRecord, UsageRevision
from meterwise.providers import UsageRow
from meterwise.providers.openrouter import KEY_USAGE_LINE_ITEM
from meterwise.services import connections
from meterwise.services.sync import run_sync
from meterwise.services.sync.ingest import PreviousRead, Reread, Target, midnight, reread
from meterwise.services.viewer import Viewer
from tests.support.identity import gql, signed_in
from tests.sync.support import (
    add_connection,
    expected_totals,
    normalised,
    rollup_totals,
    stored_totals,
)


def today() -> date:
    return datetime.now(UTC).date()


async def sync_once(connection_id: UUID, settings: Settings, *, max_attempts: int = 5
                    ) -> SyncStatus | None:
    return await run_sync(connection_id, None, settings=settings, max_attempts=max_attempts)


async def latest_run(connection_id: UUID) -> SyncRun:
    run = await SyncRun.filter(connection_id=connection_id).order_by("-created_at").first()
    assert run is not None
    return run


@pytest.mark.parametrize("kind", list(ProviderKind), ids=lambda k: k.value.lower())
async def test_a_revision_that_lowers_raises_and_removes_lines_is_stored_exactly_and_listed(
    kind: ProviderKind, account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.by_kind(kind)
    connection = await add_connection(account, fake)
    assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED
    before_cost = fake.dataset.total_cost()

    data = fake.dataset
    # recent days (inside the 3-day look-back) with usage and a cost; quiet days are skipped
    days = [day for day in (today() - timedelta(days=n) for n in (1, 2, 3))
            if data.usage_on(day) and (data.costs_on(day) or any(
                u.cost for u in data.usage_on(day)))]
    assert days
    raised, lowered, removed = days[0], days[-1], days[len(days) // 2]
    data.lower(lowered, by=Decimal("0.10"))
    data.revise(raised, cost=Decimal("1.20"))
    data.remove_line(removed)
    assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED

    assert normalised(await stored_totals(connection.id)) == expected_totals(fake)
    assert normalised(await rollup_totals(connection.id)) == expected_totals(fake)
    run = await latest_run(connection.id)
    revisions = await UsageRevision.filter(connection_id=connection.id)
    assert {r.kind for r in revisions} >= {RevisionKind.CHANGED, RevisionKind.REMOVED}
    assert {r.sync_run_id for r in revisions} == {run.id}
    assert {r.bucket_start.date() for r in revisions} == {raised, lowered, removed}
    delta = sum(((r.new_cost or Decimal(0)) - (r.old_cost or Decimal(0)) for r in revisions),
                Decimal(0))
    assert delta == fake.dataset.total_cost() - before_cost
    assert run.rows_removed >= 1
    removed = [r for r in revisions if r.kind is RevisionKind.REMOVED]
    assert all(r.new_cost is None and r.new_input_tokens == 0 for r in removed)
    stored = await ProviderConnection.get(id=connection.id)
    assert stored.settled_before == midnight(today() - timedelta(days=3))  # the look-back


async def test_a_bucket_still_filling_when_last_read_grows_without_a_revision(
    account: UUID
) -> None:
    target = Target(account, uuid4(), "openai")
    day = midnight(today() - timedelta(days=1))
    end = day + timedelta(days=1)
    row = UsageRow(bucket_start=day, bucket_width="1d", source="cost", model="gpt-4o",
                   project="proj_abc", api_key_id=None, line_item="gpt-4o, input",
                   cost=Decimal("1.00"))
    await reread(target, [Reread("costs", day, end, [row])])

    during = PreviousRead(day, end, read_at=day + timedelta(hours=20))
    grew = await reread(target, [Reread("costs", day, end, [replace(row, cost=Decimal(2))],
                                        during)])
    after = PreviousRead(day, end, read_at=end + timedelta(minutes=5))
    revised = await reread(target, [Reread("costs", day, end,
                                           [replace(row, cost=Decimal("1.5"))], after)])

    assert (grew.updated, grew.revisions) == (1, 0)
    assert (revised.updated, revised.revisions) == (1, 1)
    revision = await UsageRevision.get(connection_id=target.connection_id)
    assert (revision.kind, revision.old_cost, revision.new_cost) == (
        RevisionKind.CHANGED, Decimal(2), Decimal("1.5"))


async def test_an_unchanged_re_read_keeps_no_revision_and_changes_nothing(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.anthropic
    connection = await add_connection(account, fake)
    await sync_once(connection.id, provider_settings)
    fake.dataset.revise(today() - timedelta(days=1))
    await sync_once(connection.id, provider_settings)
    kept = await UsageRevision.filter(connection_id=connection.id).count()

    assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED

    assert kept >= 1
    assert await UsageRevision.filter(connection_id=connection.id).count() == kept
    run = await latest_run(connection.id)
    assert (run.rows_inserted, run.rows_updated, run.rows_removed) == (0, 0, 0)


async def test_the_first_sync_is_no_revision(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    connection = await add_connection(account, live_fakes.openai)

    await sync_once(connection.id, provider_settings)

    assert await UsageRevision.filter(connection_id=connection.id).count() == 0


async def test_a_permanent_400_on_one_endpoint_stores_the_rest_and_says_which_part(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.anthropic
    fake.switches.fail_paths = {"/cost_report": 400}
    connection = await add_connection(account, fake)

    outcome = await sync_once(connection.id, provider_settings)

    assert outcome is SyncStatus.PARTIAL
    usage_only = {k: v for k, v in fake.dataset.expected().items()}
    stored = normalised(await stored_totals(connection.id))
    assert {k: (v.input_tokens, v.output_tokens) for k, v in stored.items()} == {
        k: (v.input_tokens, v.output_tokens) for k, v in normalised(usage_only).items()
        if v.input_tokens or v.output_tokens}
    assert await UsageRecord.filter(connection_id=connection.id, source="cost").count() == 0
    assert await UsageRecord.filter(connection_id=connection.id, source="usage").count() > 0
    stored_connection = await ProviderConnection.get(id=connection.id)
    assert stored_connection.status is ConnectionStatus.ACTIVE
    assert stored_connection.last_error is not None
    assert "cost_report" in stored_connection.last_error
    assert "400" in stored_connection.last_error
    assert stored_connection.last_synced_at is None  # the next window still covers the gap
    run = await latest_run(connection.id)
    assert run.status is SyncStatus.PARTIAL and run.error_class == "ProviderResponseError"
    assert {(s["name"], s["ok"]) for s in run.sources or []} == {
        ("usage_report", True), ("cost_report", False)}


@pytest.mark.parametrize("status", [400, 500])
async def test_a_failing_endpoint_never_removes_its_earlier_rows(
    status: int, account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.openai
    connection = await add_connection(account, fake)
    await sync_once(connection.id, provider_settings)
    costs_before = {(r.bucket_start, r.line_item, r.project, r.cost)
                    for r in await UsageRecord.filter(connection_id=connection.id, source="cost")}
    recent = today() - timedelta(days=1)
    fake.dataset.costs[:] = [c for c in fake.dataset.costs if c.day != recent]  # gone...
    fake.switches.fail_paths = {"/organization/costs": status}  # ...but unreadable

    outcome = await sync_once(connection.id, provider_settings, max_attempts=1)

    assert outcome is (SyncStatus.PARTIAL if status == 400 else SyncStatus.FAILED)
    costs_after = {(r.bucket_start, r.line_item, r.project, r.cost)
                   for r in await UsageRecord.filter(connection_id=connection.id, source="cost")}
    assert costs_after == costs_before
    assert any(start.date() == recent for start, *_ in costs_before)


async def test_replacing_an_openrouter_inference_key_by_a_management_key_never_double_counts(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.openrouter
    connection = await add_connection(account, fake, key=fake.extra_keys["inference"])
    target = Target(account, connection.id, "openrouter")
    # what the inference key's daily syncs stored: each day's usage_daily as a "key" row
    for day in sorted({u.day for u in fake.dataset.usage})[-10:]:
        spent = sum((u.cost or Decimal(0) for u in fake.dataset.usage_on(day)), Decimal(0))
        row = UsageRow(bucket_start=midnight(day), bucket_width="1d", source="cost",
                       model=None, project=None, api_key_id=None,
                       line_item=KEY_USAGE_LINE_ITEM, cost=spent)
        await reread(target, [Reread("key", midnight(day),
                                     midnight(day) + timedelta(days=1), [row])])
    assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED
    assert await UsageRecord.filter(connection_id=connection.id, origin="key").count() >= 10

    viewer = Viewer(user_id=uuid4(), account_id=account, role=Role.OWNER)
    await connections.replace_key(viewer, provider_settings, connection.id, fake.valid_key)
    assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED

    assert normalised(await stored_totals(connection.id)) == expected_totals(fake)
    assert normalised(await rollup_totals(connection.id)) == expected_totals(fake)
    assert await UsageRecord.filter(connection_id=connection.id, origin="key").count() == 0


REVISIONS = """query($filter: UsageFilter!) { usageRevisions(filter: $filter, first: 100) {
  edges { node { kind bucketStart provider connectionId origin source oldCost newCost costDelta
                 syncRunId } }
  pageInfo { hasNextPage } } }"""
CONNECTIONS = "{ connections { id lastError lastSyncedAt settledBefore } }"


async def test_the_api_lists_the_revisions_a_sync_found_and_says_which_part_failed(
    client: httpx.AsyncClient, provider_settings: Settings, live_fakes: Fakes
) -> None:
    token, who = await signed_in(client, Role.VIEWER)
    fake = live_fakes.openai
    connection = await add_connection(who.account_id, fake)
    await sync_once(connection.id, provider_settings)
    fake.dataset.revise(today() - timedelta(days=1), cost=Decimal("1.20"))
    fake.switches.fail_paths = {"/usage/embeddings": 400}
    assert await sync_once(connection.id, provider_settings) is SyncStatus.PARTIAL

    window = {"from": midnight(today() - timedelta(days=40)).isoformat(),
              "to": midnight(today() + timedelta(days=1)).isoformat()}
    body = await gql(client, REVISIONS, {"filter": window}, token=token)
    listed = await gql(client, CONNECTIONS, token=token)

    nodes = [e["node"] for e in body["data"]["usageRevisions"]["edges"]]
    run = await latest_run(connection.id)
    assert nodes and {n["syncRunId"] for n in nodes} == {str(run.id)}
    assert sum(Decimal(n["costDelta"]) for n in nodes) == Decimal("1.20")
    assert {n["bucketStart"][:10] for n in nodes} == {str(today() - timedelta(days=1))}
    assert {(n["provider"], n["connectionId"]) for n in nodes} == {("OPENAI", str(connection.id))}
    (shown,) = listed["data"]["connections"]
    assert "usage.embeddings" in shown["lastError"] and "400" in shown["lastError"]
    assert shown["settledBefore"] is not None


async def test_the_demo_revises_recent_days_of_every_fake(live_fakes: Fakes) -> None:
    before = {fake.kind: fake.dataset.expected() for fake in live_fakes.all()}

    demo._revise(live_fakes)

    for fake in live_fakes.all():
        after = fake.dataset.expected()
        changed = {k[0] for k in set(after) | set(before[fake.kind])
                   if after.get(k) != before[fake.kind].get(k)}
        assert changed and all(today() - day <= timedelta(days=3) for day in changed)


async def test_the_demo_seeds_a_breached_and_an_on_track_budget_an_anomaly_and_a_gap(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    from meterwise.models.spend import Alert, AlertKind
    from meterwise.services.analytics.query import build_request
    from meterwise.services.spend import budgets
    from meterwise.services.spend.reconciliation import reconcile

    added = [await add_connection(account, fake) for fake in live_fakes.all()]
    for connection in added:
        assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED
    demo._revise(live_fakes)
    for connection in added:
        assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED
    owner = Viewer(user_id=uuid4(), account_id=account, role=Role.OWNER)

    first = await demo.seed_spend(owner)
    ids = {b.name: b.id for b in await budgets.list_budgets(owner)}
    assert await demo.seed_spend(owner) == []  # a re-run raises nothing that already fired
    assert {b.name: b.id for b in await budgets.list_budgets(owner)} == ids  # same budgets
    assert first

    shown = {b.name: await budgets.budget_status(b) for b in await budgets.list_budgets(owner)}
    assert set(shown) == {demo.BREACHED_BUDGET, demo.ON_TRACK_BUDGET}
    assert shown[demo.BREACHED_BUDGET].percent_used >= 100
    on_track = shown[demo.ON_TRACK_BUDGET]
    assert on_track.percent_used < 100 and on_track.forecast is not None
    assert on_track.forecast.high < budgets.amount_of(on_track.budget)
    kinds = [a.kind for a in await Alert.filter(account_id=account)]
    assert kinds.count(AlertKind.BUDGET_THRESHOLD) == 3  # 50/80/100 once, for both runs
    spikes = await Alert.filter(account_id=account, kind=AlertKind.COST_ANOMALY)
    assert spikes and all(Decimal(str(a.details["delta"])) >= 200 for a in spikes)
    assert {a.details["day"] for a in spikes} == {str(today() - timedelta(days=1))}
    day = midnight(today() - timedelta(days=1))
    rows = await reconcile(build_request(account, start=day, end=day + timedelta(days=1),
                                         connection_ids=[str(added[0].id)]))
    assert sum(r.difference for r in rows) >= Decimal(demo.SPIKE_USD)
