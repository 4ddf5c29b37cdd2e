"""What the audit checkpoint costs as the log grows, before and after (run by hand).

    .venv/bin/python scripts/bench_audit.py                       # 10k and 100k events
    .venv/bin/python scripts/bench_audit.py --sizes 10000 1000000 --added 500

In a throwaway database (``mw_bench_<random>`` on METERWISE_DATABASE_URL's server, default
postgres://postgres@127.0.0.1:5432/postgres): a keyed chain of each size (written with COPY,
hashed under the real instance key), one checkpoint, then ``--added`` new events. "Before"
is what the checkpoint did until now: verify the whole chain, then sign (``meterwise audit
checkpoint`` did that walk twice). "After" is ``audit.checkpoint()``: it walks only the
events since the last checkpoint. Best of ``--repeat`` runs each.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
from pydantic import SecretStr
from tortoise import Tortoise

from meterwise import clock, wiring
from meterwise.config import Settings
from meterwise.db.config import tortoise_config
from meterwise.models.audit import AuditCheckpoint
from meterwise.security.auditchain import GENESIS_HASH, EventFields, chain_hash, sign_checkpoint
from meterwise.services import audit, vault
from tests.support import db as test_db

SERVER = os.environ.get("METERWISE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


async def extend(conn: asyncpg.Connection, count: int) -> None:
    """``count`` keyed events after the current head, as ``audit.record`` writes them."""
    head = await conn.fetchrow("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
    seq, prev = (head["seq"], head["hash"]) if head else (0, GENESIS_HASH)
    key_id, key = await vault.system_key(audit.CHAIN_KEY)
    at = clock.now()
    records: list[tuple[Any, ...]] = []
    for n in range(seq + 1, seq + count + 1):
        fields = EventFields(seq=n, id=str(uuid4()), action="bench.event", occurred_at=at,
                             target=f"t{n}", metadata={"n": n})
        digest = chain_hash(prev, fields, key=key)
        records.append((fields.id, n, fields.action, fields.target, f'{{"n": {n}}}', at, prev,
                        digest, key_id))
        prev = digest
    await conn.copy_records_to_table("audit_event", columns=[
        "id", "seq", "action", "target", "metadata", "occurred_at", "prev_hash", "hash",
        "key_id"], records=records)


async def old_checkpoint() -> None:
    """The checkpoint as it was: the whole chain walked, then the head signed."""
    result = await audit.verify()
    assert result.broken is None, result.broken
    key_id, key = await vault.system_key(audit.CHECKPOINT_KEY)
    signed = sign_checkpoint(key, seq=result.head_seq, head_hash=result.head_hash,
                             at=clock.now(), key_id=key_id)
    await AuditCheckpoint.create(seq=signed.seq, head_hash=signed.head_hash, at=signed.at,
                                 key_id=signed.key_id, signature=signed.signature)


async def new_checkpoint() -> None:
    await audit.checkpoint()


async def best(conn: asyncpg.Connection, run: Callable[[], Awaitable[None]], added: int,
               repeat: int) -> float:
    """Best time of ``run`` right after ``added`` new events, ``repeat`` times."""
    times = []
    for _ in range(repeat):
        await extend(conn, added)
        start = time.perf_counter()
        await run()
        times.append(time.perf_counter() - start)
    return min(times)


async def bench(sizes: list[int], added: int, repeat: int) -> None:
    url = await test_db.create_test_database(SERVER)
    try:
        data_dir = Path(tempfile.mkdtemp(prefix="mw-bench-"))
        settings = Settings(_env_file=None, database_url=SecretStr(url),  # type: ignore[call-arg]
                            data_dir=data_dir)
        wiring.wire(settings)
        await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
        conn = await asyncpg.connect(url)
        print(f"checkpoint after {added} new events (best of {repeat}):")
        for size in sizes:
            total = await conn.fetchval("SELECT count(*) FROM audit_event")
            await extend(conn, size - total)
            await conn.execute("ANALYZE audit_event")
            await new_checkpoint()
            before = await best(conn, old_checkpoint, added, repeat)
            after = await best(conn, new_checkpoint, added, repeat)
            print(f"  {size:>9} events: before {before * 1000:8.0f} ms (CLI: twice that), "
                  f"after {after * 1000:6.1f} ms, ratio {before / after:6.0f}x")
        await conn.close()
    finally:
        await Tortoise.close_connections()
        await test_db.drop_database(SERVER, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--added", type=int, default=100, help="events between checkpoints")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(bench(sorted(args.sizes), args.added, args.repeat))


if __name__ == "__main__":
    main()
