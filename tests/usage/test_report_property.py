"""Property: every report equals the stored rows summed by hand, for every granularity,
grouping, filter and range — around the 2026/2027 month, year and ISO-week boundaries.

Random rows (hourly and daily, usage and cost, "" dimensions, 12-decimal costs) for two
accounts are stored as the ingest path stores them (records + its own daily rollup); the
report, read from the rollup and the partial-day records, must match a Python oracle that
buckets and sums the same rows exactly. The other account's rows must never appear.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TypeVar
from uuid import UUID

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from meterwise.config import ProviderKind
from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import Account
from meterwise.services.analytics.query import (
    DIMENSION_COLUMNS,
    Dimension,
    Granularity,
    ReportRequest,
    build_request,
)
from meterwise.services.analytics.report import Report, cost_basis, money, run_report
from tests.usage.data import Row, add_connection, clear_usage, insert_rows

BASE = datetime(2026, 12, 20, tzinfo=UTC)  # 45 days: Dec/Jan/Feb, ISO week 2026-12-28..
HOURS = 45 * 24
PROVIDERS = [ProviderKind.OPENAI, ProviderKind.ANTHROPIC, ProviderKind.OPENROUTER]
T = TypeVar("T")

def sometimes(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """A filter in one example of four: most examples should see data."""
    return st.one_of(st.none(), st.none(), st.none(), strategy)


row_specs = st.lists(st.tuples(
    st.integers(0, 3),                       # connection: 0-2 are ours, 3 is the other account's
    st.sampled_from(range(HOURS)),           # hour offset (sampled: spread evenly)
    st.sampled_from(["1h", "1d"]),
    st.sampled_from(["usage", "cost"]),
    st.sampled_from(["", "gpt-4o", "claude"]),
    st.sampled_from(["", "p1"]),
    st.sampled_from(["", "k1", "k2"]),
    st.integers(0, 10**9),                   # input tokens; cached reads are a share of them
    st.integers(0, 10**6),
    st.integers(0, 1000),
    st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=12,
                                     allow_nan=False, allow_infinity=False)),
    st.booleans(),                           # reported (else estimated) when it has a cost
), min_size=8, max_size=40)
queries = st.tuples(
    st.sampled_from(list(Granularity)),
    st.sets(st.sampled_from(list(Dimension))),
    st.builds(lambda day, minute: day * 1440 + minute,  # from, in minutes after BASE:
              st.sampled_from(range(45)), st.one_of(st.just(0), st.integers(0, 1439))),
    st.one_of(st.sampled_from([60, 1440, 7 * 1440, 14 * 1440, 31 * 1440]),  # length, minutes
              st.sampled_from(range(1, 31 * 1440, 97))),  # (HOUR allows 31 days)
    sometimes(st.sets(st.integers(0, 3), min_size=1)),  # connection filter (3 is foreign)
    sometimes(st.sets(st.sampled_from(PROVIDERS), min_size=1)),
    sometimes(st.sets(st.sampled_from(["", "gpt-4o", "claude"]), min_size=1)),
    sometimes(st.sets(st.sampled_from(["", "p1"]), min_size=1)),
)


@pytest.fixture
async def world(client: httpx.AsyncClient) -> tuple[UUID, list[ProviderConnection]]:
    """Our account with three connections (one per provider), and another account's one."""
    ours = await Account.create(name="ours", mfa_required=False)
    other = await Account.create(name="other", mfa_required=False)
    connections = [await add_connection(ours.id, provider) for provider in PROVIDERS]
    connections.append(await add_connection(other.id, ProviderKind.OPENAI))
    return ours.id, connections


def make_rows(specs: list[tuple[object, ...]], conns: list[ProviderConnection]) -> list[Row]:
    rows: dict[tuple[object, ...], Row] = {}
    for (c, hour, width, source, model, project, key, inp, out, req, cost, reported) in specs:
        start = BASE + timedelta(hours=int(hour))
        if width == "1d":
            start = start.replace(hour=0)
        conn = conns[c]
        row = Row(account_id=conn.account_id, connection_id=conn.id,
                  provider=conn.provider.value, bucket_start=start, bucket_width=str(width),
                  source=str(source), model=str(model), project=str(project),
                  api_key_id=str(key), input_tokens=int(inp),
                  cached_input_tokens=int(inp) // 3,
                  output_tokens=int(out), requests=int(req),
                  cost=cost,
                  cost_basis="none" if cost is None else
                  "reported" if reported else "estimated")
        rows[row.key] = row  # the unique key: the last one wins, as an upsert would
    return list(rows.values())


def bucket(moment: datetime, granularity: Granularity) -> datetime:
    if granularity is Granularity.HOUR:
        return moment.replace(minute=0)
    day = moment.replace(hour=0, minute=0)
    if granularity is Granularity.WEEK:
        return day - timedelta(days=day.weekday())  # ISO: Monday
    if granularity is Granularity.MONTH:
        return day.replace(day=1)
    return day


def oracle(rows: list[Row], request: ReportRequest) -> dict[tuple[object, ...], list[object]]:
    """The report's series, computed row by row in Python."""
    sums: dict[tuple[object, ...], list[object]] = defaultdict(
        lambda: [Decimal(0), 0, 0, 0, 0, 0, 0])
    for row in rows:
        if (row.account_id != request.account_id
                or not request.start <= row.bucket_start < request.end
                or (request.providers is not None and row.provider not in request.providers)
                or (request.connection_ids is not None
                    and row.connection_id not in request.connection_ids)
                or (request.models is not None and row.model not in request.models)
                or (request.projects is not None and row.project not in request.projects)):
            continue
        dims = tuple(getattr(row, DIMENSION_COLUMNS[d]) or None for d in request.group_by)
        acc = sums[(bucket(row.bucket_start, request.granularity), *dims)]
        for i, value in enumerate((row.cost or Decimal(0), row.input_tokens,
                                   row.cached_input_tokens, row.output_tokens, row.requests,
                                   row.cost_basis == "reported",
                                   row.cost_basis == "estimated")):
            acc[i] += value
    return sums


def observed(report: Report, request: ReportRequest) -> dict[tuple[object, ...], list[object]]:
    series: dict[tuple[object, ...], list[object]] = {}
    for p in report.series:
        values = {Dimension.PROVIDER: p.provider, Dimension.CONNECTION: p.connection_id,
                  Dimension.MODEL: p.model, Dimension.PROJECT: p.project,
                  Dimension.API_KEY: p.api_key_id}
        key = (p.bucket_start, *(values[d] for d in request.group_by))
        assert key not in series, "one point per bucket and combination"
        series[key] = [p.cost, p.input_tokens, p.cached_input_tokens, p.output_tokens,
                       p.requests, p.cost_basis]
    return series


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(specs=row_specs, query=queries)
async def test_report_equals_the_stored_rows_summed(
        world: tuple[UUID, list[ProviderConnection]], specs: list[tuple[object, ...]],
        query: tuple[object, ...]) -> None:
    account_id, conns = world
    granularity, dims, start_min, length_min, conn_ids, providers, models, projects = query
    await clear_usage()
    rows = make_rows(specs, conns)
    await insert_rows(rows)
    start = BASE + timedelta(minutes=start_min)
    request = build_request(
        account_id, start=start, end=start + timedelta(minutes=length_min),
        granularity=granularity, group_by=sorted(dims),
        connection_ids=None if conn_ids is None else [str(conns[i].id) for i in conn_ids],
        providers=None if providers is None else [p.value for p in providers],
        models=None if models is None else sorted(models),
        projects=None if projects is None else sorted(projects),
    )

    report = await run_report(request)

    expected = oracle(rows, request)
    event(f"{granularity}: {'points' if expected else 'empty'}")
    assert observed(report, request) == {
        key: [money(v[0]), float(v[1]), float(v[2]), float(v[3]), float(v[4]),
              cost_basis(v[5], v[6])]
        for key, v in expected.items()}
    assert [p.bucket_start for p in report.series] == sorted(p.bucket_start
                                                             for p in report.series)
    assert report.total_cost == money(sum((v[0] for v in expected.values()), Decimal(0)))
    assert report.input_tokens == float(sum(v[1] for v in expected.values()))
    assert report.requests == float(sum(v[4] for v in expected.values()))


async def test_boundary_weeks_and_months_on_a_dense_data_set(
        world: tuple[UUID, list[ProviderConnection]]) -> None:
    """Deterministic companion: rows every 5 hours across 2026-12-20..2027-02-03 on every
    connection, checked for each granularity, aligned and unaligned ranges."""
    account_id, conns = world
    await clear_usage()
    specs = [(c, hour, "1h" if hour % 3 else "1d", "usage" if hour % 2 else "cost",
              ["", "gpt-4o", "claude"][hour % 3], ["", "p1"][hour % 2], "k1", hour * 1000,
              hour, 1, (Decimal(hour) / 7).quantize(Decimal("1E-12")) if hour % 4 else None,
              hour % 5 == 0)
             for c in range(4) for hour in range(0, HOURS, 5)]
    rows = make_rows(specs, conns)
    await insert_rows(rows)
    ranges = [(datetime(2026, 12, 28, tzinfo=UTC), datetime(2027, 1, 4, tzinfo=UTC)),
              (datetime(2026, 12, 27, 13, 30, tzinfo=UTC), datetime(2027, 1, 5, 2, tzinfo=UTC)),
              (datetime(2026, 12, 31, 23, tzinfo=UTC), datetime(2027, 1, 31, 23, tzinfo=UTC)),
              (datetime(2027, 1, 1, 5, tzinfo=UTC), datetime(2027, 1, 1, 9, tzinfo=UTC))]
    for granularity in Granularity:
        for start, end in ranges:
            for dims in ([], [Dimension.MODEL], [Dimension.CONNECTION, Dimension.PROJECT]):
                request = build_request(account_id, start=start, end=end,
                                        granularity=granularity, group_by=dims)
                report = await run_report(request)
                expected = oracle(rows, request)
                assert expected, (granularity, start, end)
                assert observed(report, request) == {
                    key: [money(v[0]), float(v[1]), float(v[2]), float(v[3]), float(v[4]),
                          cost_basis(v[5], v[6])]
                    for key, v in expected.items()}, (granularity, start, end, dims)
