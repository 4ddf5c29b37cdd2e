"""Encrypted backups: no secret in any dump or backup, exact round trip, tampering refused."""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from meterwise.config import Settings
from meterwise.models.connections import ProviderConnection
from meterwise.security.masterkeys import parse_master_keys
from meterwise.services import connections, vault
from meterwise.services.backup import (
    BackupError,
    create_backup,
    pg_binary,
    pg_connection,
    restore_backup,
)
from tests.support.processes import clean_env, run
from tests.vault.support import encodings, seed_secrets

pytestmark = pytest.mark.usefixtures("db")


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    assert settings.database_url is not None
    return clean_env(database_url=settings.database_url.get_secret_value(),
                     data_dir=str(settings.data_dir), **extra)


async def _mw(settings: Settings, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(run, list(args), _env(settings, **extra))


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


async def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    conn = await asyncpg.connect(url)
    try:
        tables = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                  "ORDER BY tablename")
        out: dict[str, list[tuple[Any, ...]]] = {}
        for row in tables:
            name = row["tablename"]
            rows = await conn.fetch(f'SELECT * FROM public."{name}"')
            out[name] = sorted((tuple(r.values()) for r in rows), key=repr)
        return out
    finally:
        await conn.close()


async def _wipe_public(url: str) -> None:
    """Lose every row of the public schema (the keystore, outside backups, survives)."""
    conn = await asyncpg.connect(url)
    try:
        tables = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                  "AND tablename <> 'tortoise_migrations'")
        names = ", ".join(f'public."{r["tablename"]}"' for r in tables)
        await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


async def _add_bulk(url: str, rows: int) -> None:
    """Enough rows that the backup spans many 64 KiB chunks."""
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(
            "INSERT INTO worker_heartbeat (token, worker, created_at) "
            "SELECT md5(i::text), 'w' || i, now() FROM generate_series(1, $1) AS i", rows)
    finally:
        await conn.close()


def _decrypted(path: Path, settings: Settings) -> bytes:
    import io

    from meterwise.security.backupformat import decrypt_stream

    out = io.BytesIO()
    with path.open("rb") as src:
        decrypt_stream(src, out, ring=vault.master_ring(reload=True))
    return out.getvalue()


async def test_no_secret_in_a_full_dump_or_a_backup(settings: Settings, database_url: str,
                                                     tmp_path: Path) -> None:
    tenants = [await seed_secrets("alpha"), await seed_secrets("beta")]
    backup = tmp_path / "mw.backup"
    made = await _mw(settings, "backup", "create", str(backup))
    assert made.returncode == 0, made.stderr
    assert backup.stat().st_mode & 0o077 == 0

    args, env = pg_connection(database_url)
    full = subprocess.run([pg_binary("pg_dump"), *args], env=env, capture_output=True,
                          check=True).stdout
    assert b"keystore" in full and b"provider_connection" in full  # all schemas dumped
    blobs = {"full pg_dump": full, "backup file": backup.read_bytes(),
             "decrypted backup": _decrypted(backup, settings)}
    for tenant in tenants:
        assert len(tenant.recovery_codes) == 10
        for secret in tenant.plaintexts():
            for encoded in encodings(secret):
                for where, blob in blobs.items():
                    assert encoded not in blob, f"a secret leaked into the {where}"


async def test_backup_wipe_restore_gives_back_identical_rows(settings: Settings,
                                                             database_url: str,
                                                             tmp_path: Path) -> None:
    tenant = await seed_secrets("gamma")
    await _add_bulk(database_url, 3000)
    before = await _snapshot(database_url)
    backup = tmp_path / "mw.backup"
    assert (await _mw(settings, "backup", "create", str(backup))).returncode == 0
    await _wipe_public(database_url)
    with pytest.raises(BackupError, match="already exists"):
        create_backup(database_url, backup, vault.master_ring())

    restored = await _mw(settings, "backup", "restore", str(backup))

    assert restored.returncode == 0, restored.stderr
    after = await _snapshot(database_url)
    logged = [row for row in after["audit_event"] if str(row[4]).startswith("operator.")]
    assert [row[4] for row in logged] == ["operator.backup.restore"]  # the operator's entry
    after["audit_event"] = [row for row in after["audit_event"] if row not in logged]
    assert after == before
    row = await ProviderConnection.get(id=tenant.connection_id)
    assert await connections.open_provider_key(row) == tenant.provider_key
    again = await _mw(settings, "backup", "restore", str(backup))
    assert again.returncode == 2 and "not empty" in _one_line(again.stderr)


def _tampered(data: bytes, where: str) -> bytes:
    out = bytearray(data)
    if where == "truncated":
        del out[-100:]
    else:
        out[{"header": 20, "early": 200, "late": len(out) - 50}[where]] ^= 0x01
    return bytes(out)


async def test_a_tampered_backup_is_refused_and_restores_nothing(
        settings: Settings, database_url: str, tmp_path: Path) -> None:
    await seed_secrets("delta")
    await _add_bulk(database_url, 3000)
    backup = tmp_path / "mw.backup"
    ring = vault.master_ring(reload=True)
    await asyncio.to_thread(create_backup, database_url, backup, ring)
    data = backup.read_bytes()
    assert len(data) > 3 * 65536  # several chunks: a late fault comes after rows were sent
    await _wipe_public(database_url)
    empty = await _snapshot(database_url)
    expected = {"header": "altered", "early": "chunk 0 failed authentication",
                "late": "failed authentication", "truncated": "truncated"}
    for where, message in expected.items():
        bad = tmp_path / f"{where}.backup"
        bad.write_bytes(_tampered(data, where))
        with pytest.raises(BackupError, match=message):
            await asyncio.to_thread(restore_backup, database_url, bad, ring)
        assert await _snapshot(database_url) == empty, where

    result = await _mw(settings, "backup", "restore", str(tmp_path / "late.backup"))

    assert result.returncode == 2
    assert "nothing was restored" in _one_line(result.stderr)
    assert await _snapshot(database_url) == empty


async def test_a_foreign_backup_is_refused(settings: Settings, database_url: str,
                                           tmp_path: Path) -> None:
    await seed_secrets("epsilon")
    foreign = parse_master_keys(f"foreign1:{base64.b64encode(os.urandom(32)).decode()}")
    backup = tmp_path / "foreign.backup"
    await asyncio.to_thread(create_backup, database_url, backup, foreign)
    await _wipe_public(database_url)
    result = await _mw(settings, "backup", "restore", str(backup))
    assert result.returncode == 2
    assert "master key 'foreign1'" in _one_line(result.stderr)
    not_a_backup = tmp_path / "plain.sql"
    not_a_backup.write_text("DROP TABLE account;")
    with pytest.raises(BackupError, match="not a Meterwise backup"):
        await asyncio.to_thread(restore_backup, database_url, not_a_backup, vault.master_ring())
