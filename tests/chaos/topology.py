"""A production-like topology for fault tests: two APIs, two workers, a scheduler.

    with Topology.start(database_url, fakes, tmp) as top:   # its own Redis, own processes
        victim = top.seed()                                  # an owner, one connection/fake
        run_id = await top.sync(victim, ProviderKind.OPENAI)
        top.redis.kill(); top.redis.start_again()            # faults: kill/restart anything
        await top.wait_run(run_id)
        assert await top.stored_totals(victim.connection(...)) == expected_totals(fake)

Every process is a real ``meterwise`` command in production mode (``METERWISE_ENV``) on
real PostgreSQL (``database_url``: a fresh database, or a throwaway cluster's when the
test restarts PostgreSQL), a ``redis-server`` of the topology's own (``RedisServer``: kill
it and it comes back empty), and the fake providers over real HTTPS (their CA trusted
through ``SSL_CERT_FILE``). The test process never opens the ORM: victims are seeded by a
subprocess (``tests.chaos.seed``) and results are read with plain SQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import httpx

from meterwise.config import ProviderKind, Settings
from meterwise.fakeproviders import Fakes, Totals, TotalsKey
from meterwise.security.masterkeys import load_or_create_key_file
from tests.adversary.support import LiveServer, server_prefix, start_live_server
from tests.support.processes import clean_env, run, spawn
from tests.support.services import RedisServer
from tests.sync.support import normalised

REPO = Path(__file__).resolve().parents[2]
FINISHED = ("succeeded", "partial", "failed")

# What every process of the topology runs with, beside its database, Redis and keys.
TOPOLOGY_SETTINGS = {
    "env": "production",
    "scheduler_interval_seconds": "1",
    "sync_lease_seconds": "5",
    "shutdown_drain_seconds": "1",
    "shutdown_timeout_seconds": "10",
    "usage_live_recheck_seconds": "30",
    "rate_limit_requests_per_ip": "100000",
    "rate_limit_anonymous_points": "1000000",
    "rate_limit_user_points": "1000000",
    "rate_limit_auth_attempts": "1000",
}


@dataclass(frozen=True)
class Victim:
    """A seeded owner (MFA done), their session token and one connection per fake."""

    token: str
    account_id: UUID
    user_id: UUID
    connections: dict[ProviderKind, UUID]

    def connection(self, kind: ProviderKind) -> UUID:
        return self.connections[kind]


@dataclass
class Topology:
    database_url: str
    redis: RedisServer
    fakes: Fakes
    workdir: Path
    settings: dict[str, str]
    apis: list[LiveServer | None] = field(default_factory=list)
    workers: list[subprocess.Popen[str] | None] = field(default_factory=list)
    scheduler: subprocess.Popen[str] | None = None
    _stacks: dict[str, contextlib.ExitStack] = field(default_factory=dict)
    _ports: dict[int, int] = field(default_factory=dict)

    # -- building ---------------------------------------------------------------------

    @classmethod
    @contextlib.contextmanager
    def start(cls, database_url: str, fakes: Fakes, workdir: Path, *, apis: int = 2,
              workers: int = 2, scheduler: bool = True, **overrides: str
              ) -> Iterator[Topology]:
        """Migrate, then start every process; all of it is stopped on exit (the Redis too).

        ``overrides`` are settings (``sync_lease_seconds="3"``) for every process.
        """
        assert fakes.ca_path, "the topology is production mode: start the fakes with tls=True"
        redis = RedisServer.start()
        key_file = workdir / "master.keys"
        load_or_create_key_file(key_file)
        top = cls(
            database_url=database_url, redis=redis, fakes=fakes, workdir=workdir,
            settings={
                **TOPOLOGY_SETTINGS,
                "database_url": database_url, "redis_url": redis.url,
                "redis_prefix": server_prefix("chaos", production=True),
                "data_dir": str(workdir), "master_key_file": str(key_file),
                **{f"provider_{f.kind.value.lower()}_base_url": f.base_url
                   for f in fakes.all()},
                **overrides,
            })
        try:
            migrated = run(["migrate"], top.env())
            assert migrated.returncode == 0, migrated.stdout + migrated.stderr
            for index in range(apis):
                top.start_api(index)
            for index in range(workers):
                top.start_worker(index)
            if scheduler:
                top.start_scheduler()
            yield top
        finally:
            for name in list(top._stacks):
                top._stop(name)
            redis.stop()

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a topology process (``extra``: settings of its own)."""
        env = clean_env(**{**self.settings, **extra})
        env["SSL_CERT_FILE"] = str(self.fakes.ca_path)
        return env

    def _log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def _stop(self, name: str) -> None:
        stack = self._stacks.pop(name, None)
        if stack is not None:
            stack.close()

    # -- processes --------------------------------------------------------------------

    def start_api(self, index: int, **extra: str) -> LiveServer:
        """API ``index`` (again on the same port after a kill: clients reconnect to it)."""
        self._stop(f"api{index}")
        stack = contextlib.ExitStack()
        port = self._ports.get(index)
        settings = Settings(_env_file=None)  # only its key file is read (overridden below)
        env = {k: v for k, v in self.settings.items()
               if k not in ("database_url", "redis_url", "redis_prefix", "data_dir", "env")}
        server = stack.enter_context(start_live_server(
            settings, database_url=self.database_url, redis_url=self.redis.url,
            redis_prefix="chaos", data_dir=self.workdir, production=True,
            log_path=self._log(f"api{index}"), port=port,
            environ={"SSL_CERT_FILE": str(self.fakes.ca_path)}, **{**env, **extra}))
        self._ports[index] = int(server.http_url.rsplit(":", 1)[1])
        self._stacks[f"api{index}"] = stack
        while len(self.apis) <= index:
            self.apis.append(None)
        self.apis[index] = server
        return server

    def api(self, index: int) -> LiveServer:
        server = self.apis[index]
        assert server is not None, f"api{index} is not running"
        return server

    def stop_api(self, index: int) -> None:
        """Stop API ``index`` the ordinary way (an extra API a test started for itself)."""
        self._stop(f"api{index}")
        if index < len(self.apis):
            self.apis[index] = None

    def kill_api(self, index: int) -> None:
        """SIGKILL to the API's process group: no drain, sockets cut without a close code."""
        server = self.api(index)
        assert server.proc is not None
        os.killpg(server.proc.pid, signal.SIGKILL)
        server.proc.wait(10)
        self._stop(f"api{index}")
        self.apis[index] = None

    def terminate_api(self, index: int, *, timeout: float = 30) -> tuple[int, float]:
        """SIGTERM to the API process (what an orchestrator sends): its exit code and how
        long it took to exit."""
        server = self.api(index)
        assert server.proc is not None
        started = time.monotonic()
        server.proc.send_signal(signal.SIGTERM)
        code = server.proc.wait(timeout)
        elapsed = time.monotonic() - started
        self._stop(f"api{index}")
        self.apis[index] = None
        return code, elapsed

    def start_worker(self, index: int) -> subprocess.Popen[str]:
        self._stop(f"worker{index}")
        stack = contextlib.ExitStack()
        proc = stack.enter_context(spawn(["worker", "--processes", "1", "--threads", "2"],
                                         self.env(), output=self._log(f"worker{index}")))
        self._stacks[f"worker{index}"] = stack
        while len(self.workers) <= index:
            self.workers.append(None)
        self.workers[index] = proc
        return proc

    def kill_worker(self, index: int) -> None:
        proc = self.workers[index]
        assert proc is not None
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        self._stop(f"worker{index}")
        self.workers[index] = None

    def start_scheduler(self) -> subprocess.Popen[str]:
        self._stop("scheduler")
        stack = contextlib.ExitStack()
        self.scheduler = stack.enter_context(spawn(["scheduler"], self.env(),
                                                   output=self._log("scheduler")))
        self._stacks["scheduler"] = stack
        return self.scheduler

    def logs(self) -> str:
        """Every process's log so far (for assertion messages)."""
        parts = []
        for path in sorted(self.workdir.glob("*.log")):
            parts.append(f"--- {path.name}\n{path.read_text(errors='replace')[-4000:]}")
        return "\n".join(parts)

    # -- data -------------------------------------------------------------------------

    def seed(self) -> Victim:
        """A new victim, written by a subprocess (``tests.chaos.seed``)."""
        spec = {"fakes": [{"kind": f.kind.value, "key": f.valid_key} for f in self.fakes.all()]}
        done = subprocess.run(
            [sys.executable, "-m", "tests.chaos.seed", json.dumps(spec)],
            env={**self.env(), "PYTHONPATH": str(REPO)}, cwd=REPO, capture_output=True,
            text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        body = json.loads(done.stdout.strip().splitlines()[-1])
        return Victim(token=body["token"], account_id=UUID(body["account_id"]),
                      user_id=UUID(body["user_id"]),
                      connections={ProviderKind(k): UUID(v)
                                   for k, v in body["connections"].items()})

    async def sql(self, query: str, *args: Any) -> list[asyncpg.Record]:
        """One query on the topology's database, on a connection of its own (so a restart of
        PostgreSQL never leaves the test holding a dead one)."""
        conn = await asyncpg.connect(self.database_url)
        try:
            return list(await conn.fetch(query, *args))
        finally:
            await conn.close()

    async def sync(self, victim: Victim, kind: ProviderKind, *, api: int = 0) -> UUID:
        """``syncConnection`` over HTTP to API ``api``: the run's id."""
        body = await self.api(api).gql(
            "mutation($id: ID!) { syncConnection(id: $id) { run { id } errors { code } } }",
            {"id": str(victim.connection(kind))}, token=victim.token)
        payload = body["data"]["syncConnection"]
        assert payload["errors"] == [], body
        return UUID(payload["run"]["id"])

    async def run_row(self, run_id: UUID) -> asyncpg.Record:
        rows = await self.sql("SELECT * FROM sync_run WHERE id = $1", run_id)
        assert rows, f"no sync run {run_id}"
        return rows[0]

    async def wait_run(self, run_id: UUID, *, timeout: float = 60) -> asyncpg.Record:
        """The run once it finished (succeeded or failed); fails after ``timeout``."""
        async def finished() -> asyncpg.Record | None:
            row = await self.run_row(run_id)
            return row if row["status"] in FINISHED else None

        return await until(finished, timeout=timeout,
                           message=lambda: f"sync run {run_id} unfinished\n{self.logs()}")

    async def stored_totals(self, connection_id: UUID) -> dict[TotalsKey, Totals]:
        """``tests.sync.support.stored_totals`` in SQL: per (day, model, project)."""
        rows = await self.sql(
            "SELECT (bucket_start AT TIME ZONE 'UTC')::date AS day, model, project,"
            " sum(input_tokens) i, sum(output_tokens) o, sum(cached_input_tokens) c,"
            " sum(cache_write_tokens) w, sum(requests) r, sum(coalesce(cost, 0)) cost"
            " FROM usage_record WHERE connection_id = $1 GROUP BY 1, 2, 3", connection_id)
        return normalised({
            (row["day"], row["model"] or None, row["project"] or None):
                Totals(int(row["i"]), int(row["o"]), int(row["c"]), int(row["w"]),
                       int(row["r"]), Decimal(row["cost"]))
            for row in rows})

    async def duplicate_rows(self, connection_id: UUID) -> int:
        """Usage rows sharing their natural key with another (must be 0)."""
        rows = await self.sql(
            "SELECT count(*) - count(DISTINCT (source, bucket_start, model, project,"
            " api_key_id, line_item)) AS dupes FROM usage_record WHERE connection_id = $1",
            connection_id)
        return int(rows[0]["dupes"])

    async def ready(self, index: int) -> int:
        """``GET /readyz`` on API ``index``: its status code (0 when it does not answer)."""
        server = self.api(index)
        try:
            async with server.client(timeout=2) as http:
                return (await http.get("/readyz")).status_code
        except httpx.HTTPError:
            return 0


async def until(check: Callable[[], Awaitable[Any]], *, timeout: float = 60,
                interval: float = 0.1, message: Callable[[], str] | None = None) -> Any:
    """Poll ``check`` until it returns something truthy (returned); fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError, asyncpg.PostgresError):
            result = await check()
            if result:
                return result
        if time.monotonic() > deadline:
            raise AssertionError(message() if message else f"not met within {timeout}s")
        await asyncio.sleep(interval)
