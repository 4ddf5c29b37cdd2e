"""Benchmark a 90-day backfill of one busy connection and the usage upsert path.

    .venv/bin/python scripts/bench_sync.py [--projects 12] [--keys 4] [--days 90]

A throwaway database on the local server (``METERWISE_BENCH_SERVER_URL``, default
``postgres://postgres@127.0.0.1:5432/postgres``) gets the real migrations. The fake OpenAI
server is started with many projects and keys (plain HTTP on 127.0.0.1), then:

1. the full sync path (``run_sync``: claim, audit, fetch every page, ingest, rollup) backfills
   90 days for one connection; the fetch alone is timed too;
2. the fetched rows are stored again into fresh connection ids, side by side, by
   * ``ingest`` (one ``INSERT … SELECT FROM unnest … ON CONFLICT DO UPDATE`` per chunk),
   * the same ``ingest`` re-run on unchanged rows and on rows that all changed,
   * ``reread`` (the sync's path: the window is replaced, removed rows deleted, revisions
     kept) on the same three cases plus one where a tenth of the rows went away,
   * Tortoise ``bulk_create`` (which sends one INSERT per row; no upsert at all),
   * one ``INSERT … ON CONFLICT DO UPDATE`` statement per row;
   and rows/s is printed for each.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from meterwise import pubsub, wiring
from meterwise.config import Settings
from meterwise.db.config import tortoise_config
from meterwise.fakeproviders import generate, start_fakes
from meterwise.models.identity import Account
from meterwise.models.usage import UsageRecord
from meterwise.providers import UsageRow, create_client, get_adapter
from meterwise.security.masterkeys import MasterKeyRing, generate_master_key
from meterwise.services import sync, vault
from meterwise.services.sync.ingest import (
    UPSERT_SQL,
    PreviousRead,
    Reread,
    Target,
    _prepare,
    reread,
)
from tests.support import db as test_db
from tests.sync.support import add_connection

SERVER = os.environ.get("METERWISE_BENCH_SERVER_URL",
                        "postgres://postgres@127.0.0.1:5432/postgres")


def busy_openai(projects: int, keys: int) -> None:
    """Make the fake OpenAI organisation busy: many projects, each with several API keys."""
    generate.OPENAI_PROJECTS.clear()
    for p in range(projects):
        generate.OPENAI_PROJECTS[f"proj_{p:03d}"] = [f"key_{p:03d}_{k}" for k in range(keys)]


def rate(rows: int, seconds: float) -> str:
    return f"{rows:>7} rows in {seconds:7.2f} s = {rows / seconds:>9,.0f} rows/s"


async def bulk_create_baseline(target: Target, rows: list[UsageRow]) -> float:
    objects = [UsageRecord(account_id=target.account_id, connection_id=target.connection_id,
                           provider=target.provider, source=r.source, bucket_start=r.bucket_start,
                           bucket_width=r.bucket_width, model=r.model or "",
                           project=r.project or "", api_key_id=r.api_key_id or "",
                           line_item=r.line_item, input_tokens=r.input_tokens,
                           output_tokens=r.output_tokens,
                           cached_input_tokens=r.cached_input_tokens,
                           cache_write_tokens=r.cache_write_tokens, requests=r.requests,
                           cost=r.cost, currency=r.currency) for r in rows]
    started = time.perf_counter()
    async with in_transaction():
        await UsageRecord.bulk_create(objects, batch_size=1000)
    return time.perf_counter() - started


async def row_by_row_baseline(target: Target, rows: list[UsageRow]) -> float:
    """The same upsert statement, one row per statement (what a naive loop does)."""
    prepared = [_prepare(target.provider, r, set(), "") for r in rows]
    started = time.perf_counter()
    async with in_transaction() as conn:
        for row in prepared:
            await conn.execute_query_dict(UPSERT_SQL, [
                target.account_id, target.connection_id, target.provider,
                *([value] for value in row)])
    return time.perf_counter() - started


async def timed_ingest(target: Target, rows: list[UsageRow]) -> tuple[float, sync.IngestResult]:
    started = time.perf_counter()
    result = await sync.ingest(target, rows)
    return time.perf_counter() - started, result


async def timed_reread(target: Target, rows: list[UsageRow], start: datetime, end: datetime,
                       previous: PreviousRead | None) -> tuple[float, sync.IngestResult]:
    """The sync's path: every row from one source, re-read over [start, end)."""
    started = time.perf_counter()
    result = await reread(target, [Reread("costs", start, end, rows, previous)])
    return time.perf_counter() - started, result


async def main(args: argparse.Namespace) -> None:
    busy_openai(args.projects, args.keys)
    print(f"fake OpenAI: {args.projects} projects x {args.keys} keys, "
          f"{len(generate.OPENAI_MODELS)} models, "
          f"{args.days} days", flush=True)
    with start_fakes(seed=5, days=args.days) as fakes:
        fake = fakes.openai
        url = await test_db.create_test_database(SERVER)
        try:
            await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
            ring = MasterKeyRing([generate_master_key("bench")])
            settings = Settings(_env_file=None, database_url=url,  # type: ignore[call-arg,arg-type]
                                provider_openai_base_url=fake.base_url,
                                sync=sync.SyncSettings(backfill_days=args.days))
            wiring.wire(settings, master_keys=lambda: ring, events=pubsub.InProcessBus())
            account = await Account.create(name="bench", mfa_required=False)
            await vault.create_account_key(account.id)
            connection = await add_connection(account.id, fake)

            started = time.perf_counter()
            outcome = await sync.run_sync(connection.id, None, settings=settings)
            backfill = time.perf_counter() - started
            stored = await UsageRecord.filter(connection_id=connection.id).count()

            client = create_client()
            adapter = get_adapter(fake.kind, base_url=fake.base_url, client=client)
            end = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
            started = time.perf_counter()
            fetched = await adapter.fetch(fake.valid_key, end - timedelta(days=args.days),
                                          end + timedelta(days=1))
            fetch_only = time.perf_counter() - started
            await client.aclose()
            rows = list(fetched.rows)

            print(f"\n90-day backfill of one busy connection (run_sync, {outcome}):")
            print(f"  total       {backfill:6.2f} s  ({fetched.pages} pages, {stored} rows stored)")
            print(f"  fetch only  {fetch_only:6.2f} s  (fake server over HTTP, JSON parsing)")
            print(f"  => storing  {backfill - fetch_only:6.2f} s  of it (upsert, estimates, rollup,"
                  " run bookkeeping)")

            print("\nupsert path vs baselines, same rows into a fresh connection each:")
            target = Target(account.id, uuid4(), "openai")
            seconds, result = await timed_ingest(target, rows)
            print(f"  ingest, all new           {rate(result.inserted, seconds)}")
            seconds, result = await timed_ingest(target, rows)
            print(f"  ingest, unchanged re-run  {rate(len(rows), seconds)}"
                  f"  ({result.changed} changed)")
            bumped = [replace(r, requests=r.requests + 1) if r.source == "usage" else
                      replace(r, cost=(r.cost or 0) + 1) for r in rows]
            seconds, result = await timed_ingest(target, bumped)
            print(f"  ingest, every row changed {rate(result.updated, seconds)}")
            print("\nthe sync's replacing re-read (deletes what is gone, keeps revisions):")
            target = Target(account.id, uuid4(), "openai")
            lo, hi = end - timedelta(days=args.days), end + timedelta(days=1)
            seen = PreviousRead(lo, hi, datetime.now(UTC) + timedelta(days=1))  # all revisable
            seconds, result = await timed_reread(target, rows, lo, hi, None)
            print(f"  reread, all new           {rate(result.inserted, seconds)}")
            seconds, result = await timed_reread(target, rows, lo, hi, seen)
            print(f"  reread, unchanged re-run  {rate(len(rows), seconds)}"
                  f"  ({result.changed} changed)")
            seconds, result = await timed_reread(target, bumped, lo, hi, seen)
            print(f"  reread, every row changed {rate(result.updated, seconds)}"
                  f"  ({result.revisions} revisions kept)")
            kept = bumped[: len(bumped) * 9 // 10]
            seconds, result = await timed_reread(target, kept, lo, hi, seen)
            print(f"  reread, a tenth removed   {rate(len(kept), seconds)}"
                  f"  ({result.removed} removed, {result.revisions} revisions)")
            seconds = await bulk_create_baseline(Target(account.id, uuid4(), "openai"), rows)
            print(f"  Tortoise bulk_create      {rate(len(rows), seconds)}  (insert only)")
            seconds = await row_by_row_baseline(Target(account.id, uuid4(), "openai"), rows)
            print(f"  INSERT ON CONFLICT x row  {rate(len(rows), seconds)}")
        finally:
            await Tortoise.close_connections()
            await test_db.drop_database(SERVER, url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--projects", type=int, default=12)
    parser.add_argument("--keys", type=int, default=4)
    parser.add_argument("--days", type=int, default=90)
    asyncio.run(main(parser.parse_args()))
