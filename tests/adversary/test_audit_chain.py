"""The audit chain against an attacker with write access to the database (and the project's
source): events come from a real server, the attacker edits rows with plain SQL and
recomputes the chain with ``meterwise.security.auditchain``, and ``meterwise audit verify``
runs as a real CLI process.

Each test starts from an empty ``audit_event`` (and ``audit_checkpoint``) and puts the
session's rows back afterwards, so what other tests did to the log does not matter here.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from meterwise import clock
from meterwise.config import Settings
from meterwise.models.shield import Sighting
from meterwise.security.auditchain import GENESIS_HASH, EventFields, chain_hash
from meterwise.services import account_deletion, audit
from tests.adversary.support import LiveServer
from tests.support.identity import Who, signed_in
from tests.support.processes import clean_env, run

pytestmark = pytest.mark.slow

LOG_IN = """mutation($input: LogInInput!) { logIn(input: $input) { mfaToken errors { code } } }"""
VERIFY = """mutation($input: VerifyMfaInput!) { verifyMfa(input: $input) {
  token errors { code } } }"""
DELETE = """mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) {
  errors { code } } }"""
TABLES = ("audit_event", "audit_checkpoint")


@pytest.fixture
async def pg(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """The attacker's connection to an empty audit log; the session's is put back after."""
    conn = await asyncpg.connect(database_url)
    present = [t for t in TABLES if await conn.fetchval("SELECT to_regclass($1)", t)]
    for table in present:
        await conn.execute(f"CREATE TABLE snapshot_{table} AS SELECT * FROM {table}")
        await conn.execute(f"TRUNCATE {table}")
    try:
        yield conn
    finally:
        for table in present:
            await conn.execute(f"TRUNCATE {table}")
            await conn.execute(f"INSERT INTO {table} SELECT * FROM snapshot_{table}")
            await conn.execute(f"DROP TABLE snapshot_{table}")
        await conn.close()


def _cli(settings: Settings, database_url: str, tmp_path: Path, *args: str) -> Any:
    env = clean_env(database_url=database_url, data_dir=str(tmp_path),
                    master_key_file=str(settings.resolved_master_key_file()))
    return run(["audit", *args], env)


async def auth_gql(live: LiveServer, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """A sign-in call that waits out the per-IP sign-in limit (the whole session calls
    from 127.0.0.1) instead of failing on it."""
    for _ in range(10):
        response = await live.post({"query": query, "variables": variables})
        body: dict[str, Any] = response.json()
        errors = body.get("errors") or [{}]
        if errors[0].get("extensions", {}).get("code") != "RATE_LIMITED":
            assert response.status_code == 200, response.text
            return body
        await asyncio.sleep(float(errors[0]["extensions"].get("retryAfter", 5)))
    raise AssertionError("still rate limited")


async def _traffic(live: LiveServer, who: Who, n: int = 3) -> None:
    """Audit events: a failed sign-in written by the server (its IP and agent), then ``n``
    more through the service (cheaper than sign-ins, and no sign-in limit)."""
    await auth_gql(live, LOG_IN, {"input": {"email": who.email, "password": "wrong password!"}})
    for i in range(n):
        await audit.record("test.traffic", account_id=who.account_id, actor_id=who.user_id,
                           target=str(i), ip="198.51.100.7", user_agent="attack-test")


async def _sign_in_fully(live: LiveServer, who: Who) -> None:
    """Password, then TOTP: the server records the IP and device sightings."""
    body = await auth_gql(live, LOG_IN, {"input": {"email": who.email,
                                                   "password": who.password}})
    mfa_token = body["data"]["logIn"]["mfaToken"]
    done = await auth_gql(live, VERIFY, {"input": {"mfaToken": mfa_token, "code": who.totp()}})
    assert done["data"]["verifyMfa"]["token"], done


def _legacy_fields(row: asyncpg.Record) -> EventFields:
    return EventFields(seq=row["seq"], id=str(row["id"]), action=row["action"],
                       occurred_at=row["occurred_at"],
                       account_id=None if row["account_id"] is None else str(row["account_id"]),
                       actor_id=None if row["actor_id"] is None else str(row["actor_id"]),
                       target=row["target"], ip=row["ip"], user_agent=row["user_agent"],
                       metadata=_json(row["metadata"]))


def _json(value: Any) -> dict[str, Any]:
    return json.loads(value) if isinstance(value, str) else dict(value or {})


async def _rewrite_as_legacy_chain(pg: asyncpg.Connection, victim_seq: int) -> None:
    """Edit one event's IP, then recompute every hash with the project's own function,
    as an unkeyed (legacy) chain: the strongest rewrite possible without the key."""
    has_key_columns = await pg.fetchval(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit_event' "
        "AND column_name = 'key_id'")
    await pg.execute("UPDATE audit_event SET ip = '203.0.113.66' WHERE seq = $1", victim_seq)
    if has_key_columns:
        await pg.execute("UPDATE audit_event SET key_id = NULL, personal_digest = NULL, "
                         "personal_salt = NULL")
    prev = GENESIS_HASH
    for row in await pg.fetch("SELECT * FROM audit_event ORDER BY seq"):
        digest = chain_hash(prev, _legacy_fields(row))
        await pg.execute("UPDATE audit_event SET prev_hash = $1, hash = $2 WHERE id = $3",
                         prev, digest, row["id"])
        prev = digest


async def test_edit_and_recompute_the_chain_is_detected(
        live: LiveServer, pg: asyncpg.Connection, settings: Settings, database_url: str,
        tmp_path: Path) -> None:
    _, who = await signed_in()
    await _traffic(live, who)
    assert _cli(settings, database_url, tmp_path, "verify").returncode == 0
    victim = await pg.fetchval("SELECT max(seq) - 2 FROM audit_event")
    await _rewrite_as_legacy_chain(pg, victim)
    if await pg.fetchval("SELECT to_regclass('audit_checkpoint')"):
        await pg.execute("DELETE FROM audit_checkpoint")  # the attacker drops the anchors too
    result = _cli(settings, database_url, tmp_path, "verify")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "broken: " in result.stdout


async def test_edit_in_place_with_recomputed_digest_is_detected(
        live: LiveServer, pg: asyncpg.Connection, settings: Settings, database_url: str,
        tmp_path: Path) -> None:
    """The attacker keeps the row's format: new IP, its digest recomputed with the stored
    salt, the hash recomputed without the key (they do not have it)."""
    _, who = await signed_in()
    await _traffic(live, who)
    row = await pg.fetchrow("SELECT * FROM audit_event ORDER BY seq DESC LIMIT 1")
    assert row["ip"] == "198.51.100.7"
    salt = dict(row).get("personal_salt")
    fields = replace(_legacy_fields(row), ip="203.0.113.66")
    if salt:
        from meterwise.security.auditchain import personal_digest  # not in the old scheme

        digest = personal_digest(bytes.fromhex(salt), target=row["target"], ip=fields.ip,
                                 user_agent=row["user_agent"], metadata=fields.metadata)
        fields = replace(fields, personal_digest=digest)
        await pg.execute("UPDATE audit_event SET personal_digest = $1 WHERE id = $2", digest,
                         row["id"])
    await pg.execute("UPDATE audit_event SET ip = $1, hash = $2 WHERE id = $3", fields.ip,
                     chain_hash(row["prev_hash"], fields), row["id"])
    result = _cli(settings, database_url, tmp_path, "verify")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"broken: {row['id']}" in result.stdout


async def test_dropping_the_newest_events_is_detected_against_checkpoints(
        live: LiveServer, pg: asyncpg.Connection, settings: Settings, database_url: str,
        tmp_path: Path) -> None:
    _, who = await signed_in()
    await _traffic(live, who)
    signed = _cli(settings, database_url, tmp_path, "checkpoint")
    assert signed.returncode == 0, signed.stdout + signed.stderr
    line = signed.stdout.strip().splitlines()[-1]  # the operator ships this off the box
    kept = tmp_path / "checkpoints.log"
    kept.write_text(f"2026-12-01T09:00:00Z host meterwise: {line}\n")
    top = await pg.fetchval("SELECT max(seq) FROM audit_event")

    await pg.execute("DELETE FROM audit_event WHERE seq > $1", top - 2)  # drop the newest
    stored = _cli(settings, database_url, tmp_path, "verify")
    assert stored.returncode == 1, stored.stdout + stored.stderr  # the stored checkpoint
    assert "broken: " in stored.stdout

    await pg.execute("DELETE FROM audit_checkpoint")  # ... so the attacker drops it too
    assert _cli(settings, database_url, tmp_path, "verify").returncode == 0  # documented
    for supplied in (line, str(kept)):
        result = _cli(settings, database_url, tmp_path, "verify", "--checkpoint", supplied)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "missing" in result.stderr


async def test_a_forged_stored_checkpoint_is_detected(
        live: LiveServer, pg: asyncpg.Connection, settings: Settings, database_url: str,
        tmp_path: Path) -> None:
    _, who = await signed_in()
    await _traffic(live, who, n=1)
    assert _cli(settings, database_url, tmp_path, "checkpoint").returncode == 0
    await pg.execute("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)")
    head = await pg.fetchrow("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
    await pg.execute("UPDATE audit_checkpoint SET seq = $1, head_hash = $2", head["seq"],
                     head["hash"])
    result = _cli(settings, database_url, tmp_path, "verify")
    assert result.returncode == 1, result.stdout + result.stderr


async def test_sightings_cannot_be_brute_forced_from_the_database(
        live: LiveServer, pg: asyncpg.Connection) -> None:
    """Plain SHA-256 of an IP falls to a scan of its /16 (65 536 hashes)."""
    _, who = await signed_in()
    await _sign_in_fully(live, who)
    digests = {row.digest for row in await Sighting.filter(subject=f"user:{who.user_id}",
                                                             kind="ip")}
    found = [str(ip) for ip in ipaddress.ip_network("127.0.0.0/16")
             if hashlib.sha256(str(ip).encode()).hexdigest() in digests]
    assert digests and found == []


async def test_a_deleted_account_leaves_nothing_personal(
        live: LiveServer, pg: asyncpg.Connection, settings: Settings, database_url: str,
        tmp_path: Path) -> None:
    token, who = await signed_in()
    await _traffic(live, who)
    await _sign_in_fully(live, who)
    assert await Sighting.filter(subject=f"user:{who.user_id}").exists()
    code = who.totp(clock.now() + timedelta(seconds=30))  # the sign-in used this step's
    body = await live.gql(DELETE, {"input": {"password": who.password, "code": code}},
                          token=token)
    assert body["data"]["deleteAccount"]["errors"] == []
    await account_deletion.purge_account(who.account_id)  # what the worker runs
    personal = await pg.fetch(
        "SELECT seq, action, ip, user_agent, target, metadata::text AS m FROM audit_event "
        "WHERE (account_id = $1 OR actor_id = $2) AND (ip IS NOT NULL OR user_agent IS NOT NULL "
        "OR (target IS NOT NULL AND target <> $1::text) "  # the account's own id is no one's
        "OR (metadata::text NOT IN ('{}', 'null') AND action <> 'account.deleted'))",  # counts
        who.account_id, who.user_id)
    assert [dict(r) for r in personal] == []
    assert not await Sighting.filter(subject=f"user:{who.user_id}").exists()
    result = _cli(settings, database_url, tmp_path, "verify")
    assert result.returncode == 0, result.stdout + result.stderr
