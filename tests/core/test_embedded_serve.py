"""The embedded default, driven as a user would: `meterwise serve` with nothing configured."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import asyncpg
import httpx
import psutil
import pytest

from tests.support.processes import clean_env, free_port, read_all, run, spawn, stop, wait_http

pytestmark = pytest.mark.slow


def _socket_of(pgdata: Path) -> tuple[str, int]:
    lines = (pgdata / "postmaster.pid").read_text().splitlines()
    return lines[4], int(lines[3])


async def _sql(pgdata: Path, query: str) -> object:
    host, port = _socket_of(pgdata)
    conn = await asyncpg.connect(host=host, port=port, user="postgres", database="meterwise")
    try:
        return await conn.fetchval(query)
    finally:
        await conn.close()


def _postgres_running(pgdata: Path) -> bool:
    for proc in psutil.process_iter(attrs=["name", "cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if proc.info["name"] == "postgres" and str(pgdata) in " ".join(cmdline):
            return True
    return False


def test_serve_runs_embedded_stops_cleanly_and_reuses_data(tmp_path: Path) -> None:
    # Given: a fresh directory and no settings at all
    env = clean_env()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    pgdata = (tmp_path / ".meterwise" / "postgres").resolve()

    # When: the README's run command starts the server
    with spawn(["serve", "--port", str(port)], env, cwd=tmp_path) as server:
        wait_http(f"{base}/healthz", proc=server)
        # Then: health and GraphQL answer, and migrations were applied
        assert httpx.get(f"{base}/healthz").status_code == 200
        graphql = httpx.post(f"{base}/graphql", json={"query": "{ __typename }"})
        assert graphql.json() == {"data": {"__typename": "Query"}}
        assert httpx.get(f"{base}/readyz").json()["checks"] == {"database": "ok", "keys": "ok"}
        asyncio.run(_sql(pgdata, "INSERT INTO worker_heartbeat (token, worker, created_at) "
                                 "VALUES ('persisted', 'test', now())"))

        # And: a second serve on the same data dir refuses with a clear message
        second = run(["serve", "--port", str(free_port())], env, cwd=tmp_path, timeout=60)
        assert second.returncode == 2
        assert "already running on data dir" in second.stderr
        assert "Traceback" not in second.stderr

        # And: another command shares the running database
        migrate = run(["migrate"], env, cwd=tmp_path)
        assert migrate.returncode == 0, migrate.stderr
        assert "up to date" in migrate.stdout
        assert _postgres_running(pgdata)

        # When: Ctrl-C
        assert stop(server) == 0, read_all(server)
    # Then: the embedded database stopped with it
    assert not _postgres_running(pgdata)

    # When: started again, the data is still there
    with spawn(["serve", "--port", str(port)], env, cwd=tmp_path) as server:
        wait_http(f"{base}/healthz", proc=server)
        marker = asyncio.run(_sql(pgdata, "SELECT count(*) FROM worker_heartbeat "
                                          "WHERE token = 'persisted'"))
        assert marker == 1
        server.send_signal(signal.SIGINT)
    assert not _postgres_running(pgdata)


def test_command_starts_embedded_database_for_its_own_duration(tmp_path: Path) -> None:
    result = run(["migrate"], clean_env(data_dir=str(tmp_path / "d")))
    assert result.returncode == 0, result.stderr
    assert "apply_done system.0001_initial" in result.stdout
    assert not _postgres_running((tmp_path / "d" / "postgres").resolve())
