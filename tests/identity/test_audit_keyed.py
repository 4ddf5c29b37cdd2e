"""The keyed audit chain in the service: legacy events from before the upgrade verify up to
the first keyed one (the first checkpoint seals them), erasure keeps the chain verifiable,
and a checkpoint refuses to bless a broken chain."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import pytest

from meterwise.models.audit import AuditCheckpoint, AuditEvent
from meterwise.security.auditchain import (
    GENESIS_HASH,
    EventFields,
    chain_hash,
    format_checkpoint,
    parse_checkpoint,
)
from meterwise.services import audit


@pytest.fixture
async def empty_log(db: object, database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """An empty audit log for the test; the session's log is put back afterwards."""
    conn = await asyncpg.connect(database_url)
    for table in ("audit_event", "audit_checkpoint"):
        await conn.execute(f"CREATE TABLE keep_{table} AS SELECT * FROM {table}")
        await conn.execute(f"TRUNCATE {table}")
    try:
        yield conn
    finally:
        for table in ("audit_event", "audit_checkpoint"):
            await conn.execute(f"TRUNCATE {table}")
            await conn.execute(f"INSERT INTO {table} SELECT * FROM keep_{table}")
            await conn.execute(f"DROP TABLE keep_{table}")
        await conn.close()


async def _legacy_events(conn: asyncpg.Connection, n: int) -> None:
    """Rows as the previous version wrote them: unkeyed SHA-256 over every column."""
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        fields = EventFields(seq=seq, id=str(uuid4()), action="legacy.event",
                             occurred_at=datetime.now(UTC), ip="192.0.2.1",
                             user_agent="old", metadata={"n": seq})
        digest = chain_hash(prev, fields)
        await conn.execute(
            "INSERT INTO audit_event (id, seq, action, ip, user_agent, metadata, occurred_at, "
            "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)",
            fields.id, seq, fields.action, fields.ip, fields.user_agent,
            json.dumps(dict(fields.metadata)), fields.occurred_at, prev, digest)
        prev = digest


async def test_legacy_events_are_sealed_by_the_first_checkpoint(
        empty_log: asyncpg.Connection) -> None:
    await _legacy_events(empty_log, 3)
    _, broken = await audit.verify_log()
    assert broken is not None and "unkeyed" in broken.reason  # not trusted until sealed
    signed = await audit.checkpoint()
    assert signed.seq == 4
    assert (await AuditEvent.get(seq=4)).action == "audit.sealed_legacy"
    assert await audit.verify_log() == (4, None)
    assert parse_checkpoint("ts host: " + format_checkpoint(signed)) == signed

    # A legacy row edited and its chain recomputed: the keyed seal no longer links.
    prev = (await AuditEvent.get(seq=1)).hash
    for seq in (2, 3):
        row = await AuditEvent.get(seq=seq)
        fields = EventFields(seq=seq, id=str(row.id), action=row.action,
                             occurred_at=row.occurred_at, ip="203.0.113.1" if seq == 2 else row.ip,
                             user_agent=row.user_agent, metadata=row.metadata)
        digest = chain_hash(prev, fields)
        await AuditEvent.filter(id=row.id).update(ip=fields.ip, prev_hash=prev, hash=digest)
        prev = digest
    _, broken = await audit.verify_log()
    assert broken is not None and broken.seq == 4  # the keyed seal no longer links
    # the hourly checkpoint walks only what came after the last one (see the tests below)
    assert (await audit.verify_since_checkpoint()).broken is None


async def test_erasure_wipes_personal_fields_and_the_chain_still_verifies(
        empty_log: asyncpg.Connection) -> None:
    account, other = uuid4(), uuid4()
    for owner in (account, other, account):
        await audit.record("test.personal", account_id=owner, actor_id=None,
                           target="someone@example.com", ip="198.51.100.9",
                           user_agent="Firefox", metadata={"name": "Ada"})
    assert await audit.erase_personal(account_id=account) == 2
    rows = await AuditEvent.filter(account_id=account)
    assert {(r.target, r.ip, r.user_agent, r.personal_salt) for r in rows} == {
        (None, None, None, None)}
    assert all(r.metadata == {} and r.erased_at for r in rows)
    kept = await AuditEvent.get(account_id=other)
    assert kept.ip == "198.51.100.9"
    assert await audit.verify_log() == (3, None)

    # Erasure cannot launder an edit of what it keeps (action, time, account, actor).
    await empty_log.execute("UPDATE audit_event SET action = 'test.other' WHERE seq = 1")
    _, broken = await audit.verify_log()
    assert broken is not None and broken.seq == 1


async def _events(n: int) -> None:
    for i in range(n):
        await audit.record("test.event", account_id=None, actor_id=None, target=str(i),
                           ip=None, user_agent=None)


async def test_a_checkpoint_walks_only_what_was_added_since_the_last_one(
        empty_log: asyncpg.Connection) -> None:
    await _events(5)
    first = await audit.checkpoint()
    assert first.seq == 5
    await _events(3)
    since = await audit.verify_since_checkpoint()
    assert (since.checked, since.head_seq, since.broken) == (3, 8, None)
    second = await audit.checkpoint()
    assert (second.seq, second.head_hash) == (8, (await AuditEvent.get(seq=8)).hash)
    assert (await audit.verify_since_checkpoint()).checked == 0
    assert await audit.verify_log() == (8, None)  # the full walk still covers all of it


async def test_an_append_during_the_checkpoint_is_covered_by_it(
        empty_log: asyncpg.Connection) -> None:
    await _events(2)

    async def append() -> None:
        await _events(1)

    signed = await audit.checkpoint(append=append)
    assert signed.seq == 3 and signed.head_hash == (await AuditEvent.get(seq=3)).hash


@pytest.mark.parametrize("tamper", [
    "UPDATE audit_event SET target = 'edited' WHERE seq = 7",
    "DELETE FROM audit_event WHERE seq = 6",
    "DELETE FROM audit_event WHERE seq > 3",  # the newest events, the checkpoint's head too
    "UPDATE audit_event SET hash = repeat('a', 64) WHERE seq = 4",  # the pinned head
    "UPDATE audit_checkpoint SET seq = 7",  # a forged anchor past the edit
])
async def test_tampering_after_the_last_checkpoint_is_refused(
        empty_log: asyncpg.Connection, tamper: str) -> None:
    await _events(4)
    await audit.checkpoint()
    await _events(4)
    await empty_log.execute(tamper)
    with pytest.raises(audit.AuditChainBroken):
        await audit.checkpoint()
    assert await AuditCheckpoint.all().count() == 1
    _, broken = await audit.verify_log()
    assert broken is not None


async def test_tampering_before_the_last_checkpoint_is_for_the_full_verify(
        empty_log: asyncpg.Connection) -> None:
    """What earlier checkpoints proved is not walked again each hour; ``audit verify``
    (the whole chain) is what finds an edit of it."""
    await _events(4)
    await audit.checkpoint()
    await _events(2)
    await empty_log.execute("UPDATE audit_event SET target = 'edited' WHERE seq = 2")
    await audit.checkpoint()  # walks 5-6 only
    _, broken = await audit.verify_log()
    assert broken is not None and broken.seq == 2
