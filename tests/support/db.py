"""A fresh, migrated database per test session, and fast per-test cleanup."""

from __future__ import annotations

import secrets

import asyncpg

from meterwise.db.config import with_database
from meterwise.db.migrate import apply_migrations


async def create_test_database(server_url: str) -> str:
    """Create ``mw_test_<random>`` so concurrent runs on one server never share data."""
    name = f"mw_test_{secrets.token_hex(6)}"
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = with_database(server_url, name)
    await apply_migrations(url)
    return url


async def drop_database(server_url: str, url: str) -> None:
    name = url.rsplit("/", 1)[-1].split("?", 1)[0]
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def truncate_all(conn: asyncpg.Connection) -> None:
    """Empty every application table, keystore included (the migration ledger stays)."""
    tables = await conn.fetch(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname IN ('public', 'keystore') AND tablename <> 'tortoise_migrations'"
    )
    if tables:
        names = ", ".join(f'"{row["schemaname"]}"."{row["tablename"]}"' for row in tables)
        await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
