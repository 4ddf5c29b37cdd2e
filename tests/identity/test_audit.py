"""The audit log: concurrent appends stay one gap-free chain; tampering is detected by the
real ``meterwise audit verify``; owners/admins page through their own account's events."""

from __future__ import annotations

import asyncio
from pathlib import Path
from uuid import uuid4

import asyncpg
import httpx
import pytest

from meterwise.config import Settings
from meterwise.models.audit import AuditEvent
from meterwise.models.identity import Role
from meterwise.services import audit
from tests.support.identity import gql, signed_in
from tests.support.processes import clean_env, run


async def test_concurrent_appends_form_one_gap_free_chain(db: object) -> None:
    account = uuid4()
    await asyncio.gather(*(
        audit.record("test.concurrent", account_id=account, actor_id=None, target=str(i),
                     ip="127.0.0.1", user_agent="pytest", metadata={"i": i})
        for i in range(25)
    ))
    seqs = [row.seq for row in await AuditEvent.all().order_by("seq")]
    assert seqs == list(range(1, 26))
    assert await audit.verify_log() == (25, None)


async def test_metadata_never_keeps_secret_named_values(db: object) -> None:
    await audit.record("test.meta", account_id=None, actor_id=None, target=None, ip=None,
                       user_agent=None, metadata={"password": "hunter2hunter2", "ok": 1,
                                                  "note": "Bearer mws_" + "a" * 43})
    row = await AuditEvent.get(action="test.meta")
    assert row.metadata == {"password": "[REDACTED]", "ok": 1, "note": "Bearer [REDACTED]"}


@pytest.mark.slow
async def test_tampering_one_row_makes_verify_exit_1_naming_it(
        db: object, database_url: str, tmp_path: Path, settings: Settings) -> None:
    for i in range(5):
        await audit.record("test.event", account_id=None, actor_id=None, target=str(i),
                           ip="10.0.0.1", user_agent="pytest")
    env = clean_env(database_url=database_url, data_dir=str(tmp_path),
                    master_key_file=str(settings.resolved_master_key_file()))
    intact = run(["audit", "verify"], env)
    assert intact.returncode == 0, intact.stderr
    assert "intact: " in intact.stdout

    victim = await AuditEvent.filter(action="test.event").order_by("-seq").offset(2).first()
    assert victim is not None
    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute("UPDATE audit_event SET target = 'edited' WHERE id = $1", victim.id)
    finally:
        await conn.close()
    broken = run(["audit", "verify"], env)
    assert broken.returncode == 1
    assert f"broken: {victim.id}" in broken.stdout
    assert str(victim.id) in broken.stderr and "seq 3" in broken.stderr


async def test_audit_log_pages_for_admins_only_their_account(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.ADMIN)
    for i in range(130):
        await audit.record("test.page", account_id=who.account_id, actor_id=who.user_id,
                           target=str(i), ip=None, user_agent=None)
    await audit.record("test.page", account_id=uuid4(), actor_id=None, target="foreign",
                       ip=None, user_agent=None)
    query = """query($after: String) { auditLog(first: 100, after: $after) {
        edges { cursor node { target actorEmail } } pageInfo { hasNextPage endCursor } } }"""
    first = (await gql(client, query, token=token))["data"]["auditLog"]
    assert len(first["edges"]) == 100 and first["pageInfo"]["hasNextPage"] is True
    assert first["edges"][0]["node"] == {"target": "129", "actorEmail": who.email}
    second = (await gql(client, query, {"after": first["pageInfo"]["endCursor"]},
                        token=token))["data"]["auditLog"]
    assert [e["node"]["target"] for e in second["edges"]] == [str(i) for i in range(29, -1, -1)]
    assert second["pageInfo"]["hasNextPage"] is False
