"""Benchmark the dashboard query on 10 million usage rows (run by hand, not by the tests).

    .venv/bin/python scripts/bench_usage.py                 # generate, measure, drop
    .venv/bin/python scripts/bench_usage.py --keep          # keep the database for re-runs
    .venv/bin/python scripts/bench_usage.py --database mw_bench_ab12  # re-measure a kept one

A throwaway database on the local server (``METERWISE_BENCH_SERVER_URL``, default
``postgres://postgres@127.0.0.1:5432/postgres``) gets the real migrations, then hourly usage
rows made with ``generate_series`` (time-major, as syncs write them, so one account's rows
are spread over the whole table) and their daily rollup. The typical dashboard query (90
days by DAY x MODEL for the biggest account) is then timed through the GraphQL API in-process
(HTTP request, auth, schema, serialisation) and as the same SQL run directly with asyncpg;
EXPLAIN ANALYZE shows the plan and the script checks that it uses the dashboard index.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from meterwise.db.config import with_database
from meterwise.db.migrate import apply_migrations

SERVER = os.environ.get("METERWISE_BENCH_SERVER_URL",
                        "postgres://postgres@127.0.0.1:5432/postgres")
START = datetime(2025, 1, 1, tzinfo=UTC)
END = datetime(2027, 1, 1, tzinfo=UTC)  # two years of hours
TARGET = "00000000-0000-4000-8000-000000000001"
OTHER_ACCOUNTS = 50
QUERY = """
query($filter: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
  usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
    currency totalCost inputTokens outputTokens requests
    series { bucketStart DIMENSIONS cost costBasis inputTokens outputTokens requests }
  }
}"""


async def generate(url: str) -> None:
    """Load ~10.3 M hourly rows and their rollup; indexes are built after the load."""
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; "
                           "SET work_mem = '256MB'")
        constraints = await conn.fetch(
            "SELECT conname AS name, conrelid::regclass::text AS tab, "
            "pg_get_constraintdef(oid) AS def FROM pg_constraint "
            "WHERE conrelid::regclass::text IN ('usage_record', 'usage_daily') AND contype = 'u'")
        for row in constraints:
            await conn.execute(f'ALTER TABLE {row["tab"]} DROP CONSTRAINT "{row["name"]}"')
        indexes = await conn.fetch(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
            "('usage_record', 'usage_daily') AND indexname NOT LIKE '%pkey'")
        for row in indexes:
            await conn.execute(f'DROP INDEX "{row["indexname"]}"')
        await step("accounts and connections", conn.execute(f"""
            CREATE TEMP TABLE combos AS
            WITH accounts AS (  -- the benchmark account: 3 connections, 8 models in all
              SELECT '{TARGET}'::uuid AS account_id, ARRAY[3, 3, 2] AS models, 3 AS projects,
                     3 AS keys
              UNION ALL  -- the rest of the installation: small accounts, one connection each
              SELECT gen_random_uuid(), ARRAY[5], 1, 2 FROM generate_series(1, {OTHER_ACCOUNTS})
            ), conns AS (
              SELECT account_id, gen_random_uuid() AS connection_id,
                     (ARRAY['openai', 'anthropic', 'openrouter'])[c] AS provider,
                     models[c] AS models, projects, keys
              FROM accounts, generate_subscripts(models, 1) AS c
            )
            SELECT account_id, connection_id, provider, provider || '-model-' || m AS model,
                   CASE WHEN p = 1 THEN '' ELSE 'proj_' || p END AS project,
                   'key_' || k AS api_key_id
            FROM conns, generate_series(1, models) m, generate_series(1, projects) p,
                 generate_series(1, keys) k"""))
        await step("usage_record rows", conn.execute(f"""
            INSERT INTO usage_record (account_id, connection_id, provider, source,
              bucket_start, bucket_width, model, project, api_key_id, line_item, input_tokens,
              output_tokens, cached_input_tokens, cache_write_tokens, requests, cost, currency,
              cost_basis, updated_at)
            SELECT c.account_id, c.connection_id, c.provider, 'usage', h, '1h', c.model,
                   c.project, c.api_key_id, 'completions', t.input, t.output, t.input / 3, 0,
                   1 + t.output / 400, round(t.input * 0.0000025 + t.output * 0.00001, 12),
                   'USD', 'estimated', now()
            FROM generate_series('{START.isoformat()}'::timestamptz,
                                 '{(END - timedelta(hours=1)).isoformat()}'::timestamptz,
                                 interval '1 hour') AS h
            CROSS JOIN combos c
            -- the reference to h makes the subquery run (and draw) once per row
            CROSS JOIN LATERAL (SELECT (random() * 20000 + 0 * extract(hour FROM h))::bigint
                                       AS input, (random() * 4000)::bigint AS output) t"""))
        for row in constraints:
            await step(f"constraint {row['name']}", conn.execute(
                f'ALTER TABLE {row["tab"]} ADD CONSTRAINT "{row["name"]}" {row["def"]}'))
        for row in indexes:
            await step(f"index {row['indexname']}", conn.execute(row["indexdef"]))
        await step("usage_daily rollup", conn.execute("""
            INSERT INTO usage_daily (account_id, connection_id, provider, day, model, project,
              api_key_id, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens,
              requests, cost, reported_rows, estimated_rows, currency)
            SELECT account_id, connection_id, min(provider), date_trunc('day', bucket_start,
                   'UTC'), model, project, api_key_id, sum(input_tokens), sum(output_tokens),
                   sum(cached_input_tokens), sum(cache_write_tokens), sum(requests),
                   coalesce(sum(cost), 0), count(*) FILTER (WHERE cost_basis = 'reported'),
                   count(*) FILTER (WHERE cost_basis = 'estimated'), min(currency)
            FROM usage_record
            GROUP BY account_id, connection_id, date_trunc('day', bucket_start, 'UTC'),
                     model, project, api_key_id"""))
        await step("vacuum analyze", conn.execute("VACUUM ANALYZE usage_record, usage_daily"))
        counts = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM usage_record) AS records, "
            "(SELECT count(*) FROM usage_daily) AS daily, "
            f"(SELECT count(*) FROM usage_record WHERE account_id = '{TARGET}') AS target")
        print(f"rows: usage_record {counts['records']:,} (target account "
              f"{counts['target']:,}), usage_daily {counts['daily']:,}")
    finally:
        await conn.close()


async def step(label: str, work: Awaitable[Any]) -> None:
    started = time.perf_counter()
    await work
    print(f"  {label}: {time.perf_counter() - started:.1f}s", flush=True)


async def timed(label: str, call: Callable[[], Awaitable[Any]], runs: int) -> list[float]:
    for _ in range(10):  # warm caches and prepared statements
        await call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"{label:<34} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   ({runs} runs)")
    return [p50, p95]


# (label, days, granularity, groupBy, expected points); the first is the dashboard query
SCENARIOS: list[tuple[str, int, str, list[str], int | None]] = [
    ("dashboard: 90 d DAY x MODEL", 90, "DAY", ["MODEL"], 90 * 8),
    ("90 d DAY x MODEL x PROJECT", 90, "DAY", ["MODEL", "PROJECT"], 90 * 8 * 3),
    ("7 d HOUR x MODEL", 7, "HOUR", ["MODEL"], 7 * 24 * 8),
    ("31 d HOUR (totals per hour)", 31, "HOUR", [], 31 * 24),
    ("2 y MONTH x PROVIDER", 730, "MONTH", ["PROVIDER"], 24 * 3),
]


async def measure(url: str, runs: int) -> None:
    from uuid import UUID

    from asgi_lifespan import LifespanManager
    from pydantic import SecretStr

    from meterwise.app import create_app
    from meterwise.config import Settings
    from meterwise.services.analytics.query import Dimension, Granularity, build_request, build_sql

    direct = await asyncpg.connect(url)
    settings = Settings(_env_file=None, database_url=SecretStr(url),  # type: ignore[call-arg]
                        data_dir=Path(tempfile.mkdtemp(prefix="mw-bench-")),
                        rate_limit_user_points=10**9, rate_limit_requests_per_ip=10**9,
                        rate_limit_anonymous_points=10**9)
    app = create_app(settings, run_scheduler=False)
    async with LifespanManager(app, startup_timeout=60):
        token = await bench_session()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for index, (label, days, granularity, group_by, points) in enumerate(SCENARIOS):
                since = END - timedelta(days=days)
                request = build_request(UUID(TARGET), start=since, end=END,
                                        granularity=Granularity(granularity),
                                        group_by=[Dimension(d) for d in group_by])
                sql, args = build_sql(request, limit=50_064)
                if index == 0:
                    await explain(direct, sql, args)
                variables = {"filter": {"from": since.isoformat(), "to": END.isoformat()},
                             "groupBy": group_by, "granularity": granularity}

                query = QUERY.replace("DIMENSIONS", " ".join(d.lower() for d in group_by))

                async def via_graphql(variables: dict[str, Any] = variables,
                                      points: int | None = points, query: str = query) -> None:
                    response = await client.post(
                        "/graphql", json={"query": query, "variables": variables},
                        headers={"authorization": f"Bearer {token}"})
                    body = response.json()
                    assert "errors" not in body, body
                    assert len(body["data"]["usage"]["series"]) == points, "unexpected series"

                async def via_asyncpg(sql: str = sql, args: list[Any] = args) -> None:
                    await direct.fetch(sql, *args)

                count = runs if index == 0 else max(20, runs // 4)
                print(f"{label} ({points} points)")
                graphql = await timed("  GraphQL API (in-process HTTP)", via_graphql, count)
                sql_times = await timed("  same SQL, asyncpg direct", via_asyncpg, count)
                print(f"  ratio GraphQL/SQL: p50 {graphql[0] / sql_times[0]:.1f}x, "
                      f"p95 {graphql[1] / sql_times[1]:.1f}x")
                if index == 0:
                    verdict = "OK" if graphql[1] < 100 else "TOO SLOW"
                    print(f"  dashboard p95 through GraphQL: {graphql[1]:.1f} ms "
                          f"(< 100 ms: {verdict})")
    await direct.close()


async def explain(conn: asyncpg.Connection, sql: str, args: list[Any]) -> None:
    """Print the plan; stop if the dashboard query does not read the covering index."""
    plan = "\n".join(row[0] for row in await conn.fetch(
        "EXPLAIN (ANALYZE, BUFFERS) " + sql, *args))
    print("EXPLAIN ANALYZE of the dashboard query:\n" + plan + "\n")
    if "Seq Scan" in plan or "Index Only Scan using usage_daily_dashboard" not in plan:
        raise SystemExit("the dashboard query does not use the usage_daily_dashboard index")


async def bench_session() -> str:
    """An owner of the target account with a session token (no MFA required there)."""
    from meterwise.models.identity import Account, Membership, Role, User
    from meterwise.services.identity.common import Client
    from meterwise.services.identity.sessions import start_session

    account, _ = await Account.get_or_create(id=TARGET, defaults={"name": "Bench",
                                                                  "mfa_required": False})
    user = await User.create(email=f"bench-{secrets.token_hex(4)}@example.com",
                             password_hash="x", home_account_id=account.id)
    await Membership.create(user=user, account_id=account.id, role=Role.OWNER)
    return await start_session(user, account.id, Client(ip="127.0.0.1"), mfa_verified=True)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="measure an existing (kept) benchmark database")
    parser.add_argument("--keep", action="store_true", help="keep the generated database")
    parser.add_argument("--runs", type=int, default=200)
    options = parser.parse_args()
    name = options.database or f"mw_bench_{secrets.token_hex(4)}"
    url = with_database(SERVER, name)
    if options.database is None:
        admin = await asyncpg.connect(SERVER)
        await admin.execute(f'CREATE DATABASE "{name}"')
        await admin.close()
        print(f"database {name}: migrating and generating", flush=True)
        started = time.perf_counter()
        await apply_migrations(url)
        await generate(url)
        print(f"generated in {time.perf_counter() - started:.0f}s", flush=True)
    try:
        await measure(url, options.runs)
    finally:
        if options.database is None and not options.keep:
            admin = await asyncpg.connect(SERVER)
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.close()
        elif options.database is None:
            print(f"kept database {name} (re-run with --database {name})")


if __name__ == "__main__":
    asyncio.run(main())
