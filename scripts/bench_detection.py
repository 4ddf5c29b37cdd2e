"""How long one run of every detection rule takes as history grows (run by hand).

    .venv/bin/python scripts/bench_detection.py                  # local PostgreSQL
    .venv/bin/python scripts/bench_detection.py --history 400000 --recent 5000

In a throwaway database (``mw_bench_<random>`` on METERWISE_DATABASE_URL's server, default
postgres://postgres@127.0.0.1:5432/postgres): ``--recent`` failed logins and failed
decrypts inside the rules' windows, then ``--history`` more of each from days ago, and the
time of ``run_rules`` before and after the history was added. The rules read bounded
windows through indexes, so the second time should be about the first. Also prints the
query plan of the credential-stuffing read (it should use ``audit_event_login_failed``).
Rows are written with plain SQL (the audit chain is not computed: no rule reads it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
from pydantic import SecretStr
from tortoise import Tortoise

from meterwise import wiring
from meterwise.config import Settings
from meterwise.db.config import tortoise_config
from meterwise.services.incidents import detection
from tests.support import db as test_db

SERVER = os.environ.get("METERWISE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


async def fill(conn: asyncpg.Connection, account: str, count: int, at: datetime,
               seq_from: int) -> None:
    """``count`` failed logins from one /24 and ``count`` failed decrypts, all at ``at``."""
    await conn.copy_records_to_table("audit_event", columns=[
        "id", "seq", "account_id", "action", "target", "ip", "metadata", "occurred_at",
        "prev_hash", "hash"], records=[
        (uuid4(), seq_from + n, None, "login.failed", str(uuid4()), f"203.0.113.{n % 250}",
         "{}", at, "0" * 64, "0" * 64) for n in range(count)])
    await conn.copy_records_to_table("security_event", columns=[
        "id", "account_id", "kind", "severity", "details", "created_at"], records=[
        (uuid4(), account, "decrypt_failed", "medium", "{}", at) for _ in range(count)])


async def timed(settings: Settings, repeat: int = 5) -> float:
    """The best of ``repeat`` runs (the machine may be busy)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        await detection.run_rules(settings=settings)
        best = min(best, time.perf_counter() - start)
    return best


async def bench(history: int, recent: int) -> None:
    url = await test_db.create_test_database(SERVER)
    try:
        data_dir = Path(tempfile.mkdtemp(prefix="mw-bench-"))
        settings = Settings(_env_file=None, database_url=SecretStr(url),  # type: ignore[call-arg]
                            data_dir=data_dir)
        wiring.wire(settings)
        await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
        conn = await asyncpg.connect(url)
        account = uuid4()
        await conn.execute("INSERT INTO account (id, name, mfa_required, created_at) "
                           "VALUES ($1, 'bench', false, now())", account)
        now = datetime.now(UTC)
        await fill(conn, str(account), recent, now - timedelta(minutes=1), 1)
        await timed(settings)  # warm up: instance keys, plans, the incidents it opens
        first = await timed(settings)
        await fill(conn, str(account), history, now - timedelta(days=30), 10_000_000)
        await conn.execute("ANALYZE")
        second = await timed(settings)
        plan = await conn.fetch("EXPLAIN " + detection._FAILED_LOGINS,
                                now - detection.STUFFING_WINDOW, detection.SCAN_LIMIT)
        plan += await conn.fetch(
            "EXPLAIN SELECT * FROM security_event WHERE kind = ANY($1::text[]) AND "
            "created_at >= $2 ORDER BY created_at LIMIT $3",
            ["decrypt_failed"], now - detection.DECRYPT_WINDOW, detection.SCAN_LIMIT)
        await conn.close()
        print(f"run_rules with {recent} recent events of each kind: {first * 1000:.0f} ms; "
              f"after {history} older ones of each: {second * 1000:.0f} ms")
        print("the credential-stuffing and failed-decrypt reads:")
        print("\n".join("  " + row[0] for row in plan))
    finally:
        await Tortoise.close_connections()
        await test_db.drop_database(SERVER, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=200_000)
    parser.add_argument("--recent", type=int, default=2_000)
    args = parser.parse_args()
    asyncio.run(bench(args.history, args.recent))


if __name__ == "__main__":
    main()
