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


# Deleting from the few tables a test touched is far cheaper than TRUNCATE of every table
# (which rewrites each relation's files): one round trip, FK triggers off for the session.
_EMPTY_TOUCHED_TABLES = """
DO $$
DECLARE t record;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR t IN SELECT schemaname, tablename FROM pg_tables
           WHERE schemaname IN ('public', 'keystore') AND tablename <> 'tortoise_migrations'
  LOOP
    EXECUTE format('DELETE FROM %I.%I', t.schemaname, t.tablename);
  END LOOP;
END $$;
"""


async def truncate_all(conn: asyncpg.Connection) -> None:
    """Empty every application table, keystore included (the migration ledger stays)."""
    await conn.execute(_EMPTY_TOUCHED_TABLES)
