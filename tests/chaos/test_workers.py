"""Worker faults on the topology: SIGKILL mid-sync (takeover), boot (ready before work),
SIGTERM to the process group (drain).

The topology runs the production defaults for leases and scheduling (not the harness's
shortened ones), so the takeover bound asserted here is the one operators get. Chunks are
three days, as many as a fake page holds, so one chunk is one page per endpoint.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from meterwise.config import ProviderKind, Settings, SyncSettings
from meterwise.fakeproviders import FakeProvider, Fakes
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.tasks.lifecycle import EXIT_NOT_READY
from tests.chaos.topology import Topology, until
from tests.support.processes import free_port, read_all, spawn
from tests.sync.support import expected_totals

TAKEOVER_BOUND = 15.0  # s from SIGKILL to the run claimed again: lease 10 + scan 2 + slack
DRAIN_BOUND = 10.0  # s from SIGTERM to the group to exit (a chunk in flight + Dramatiq's 1 s)
READY_LINE = "Worker process is ready for action."
STALL = 2.0  # s a fake page takes while a second worker boots (a loaded box boots slowly)
SLOW_BOOT = Path(__file__).parent / "slow_boot"
PRODUCTION = {
    "sync_lease_seconds": str(SyncSettings.model_fields["lease_seconds"].default),
    "scheduler_interval_seconds": str(Settings.model_fields["scheduler_interval_seconds"].default),
    "sync_chunk_days": "3",
}


@pytest.fixture(scope="module")
def workers_topology(fresh_database: str, chaos_fakes: Fakes,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    """One API, one worker (tests add a second) and a scheduler, production timings."""
    workdir: Path = tmp_path_factory.mktemp("workers")
    with Topology.start(fresh_database, chaos_fakes, workdir, apis=1, workers=1,
                        **PRODUCTION) as running:
        yield running


@pytest.fixture
def top(workers_topology: Topology) -> Iterator[Topology]:
    """The topology with worker 0 (tests await ``_ready``) and no worker 1; default fakes."""
    workers_topology.fakes.reset()
    if len(workers_topology.workers) > 1 and workers_topology.workers[1] is not None:
        workers_topology.kill_worker(1)
    if workers_topology.workers[0] is None:
        workers_topology.start_worker(0)
    yield workers_topology
    workers_topology.fakes.reset()


def _log(top: Topology, index: int) -> str:
    path = top.workdir / f"worker{index}.log"
    return path.read_text(errors="replace") if path.exists() else ""


async def _ready(top: Topology, index: int) -> None:
    """Until worker ``index``'s process said it consumes."""
    await until(lambda: _async(READY_LINE in _log(top, index)), timeout=60,
                message=lambda: f"worker{index} never became ready\n{_log(top, index)}")


async def _async(value: Any) -> Any:
    return value


async def _fetching(fake: FakeProvider, since: int, pages: int) -> bool:
    """The sync is past its first chunk: ``pages`` served since ``since`` (7 a chunk)."""
    return len(fake.hits) - since >= pages


async def _assert_exact(top: Topology, connection: UUID, fake: FakeProvider) -> None:
    assert await top.stored_totals(connection) == expected_totals(fake), top.logs()
    assert await top.duplicate_rows(connection) == 0


async def test_a_sigkilled_workers_sync_is_taken_over_within_the_bound_and_resumes(
        top: Topology) -> None:
    await _ready(top, 0)
    victim = top.seed()
    fake = top.fakes.by_kind(ProviderKind.OPENAI)
    fake.switches.latency = 0.12  # about a second a chunk: time to die in the middle
    hits_before = len(fake.hits)  # seeding validated the key
    run_id = await top.sync(victim, ProviderKind.OPENAI)
    await until(lambda: _fetching(fake, hits_before, 10), timeout=60, message=top.logs)
    fake.switches.latency = STALL  # the sync all but stops while the survivor boots
    top.start_worker(1)  # the survivor, consuming before the kill
    await _ready(top, 1)
    assert (await top.run_row(run_id))["status"] == "running", "the sync ended too soon"

    top.kill_worker(0)
    fake.switches.latency = 0.05
    killed = time.monotonic()
    hits_at_kill = len(fake.hits)
    at_kill = await top.run_row(run_id)  # what the dead worker committed, for good

    async def resumed() -> Any:
        row = await top.run_row(run_id)
        return row if row["attempts"] >= 2 else None

    await until(resumed, timeout=90, interval=0.05, message=top.logs)
    takeover = time.monotonic() - killed
    final = await top.wait_run(run_id, timeout=90)

    assert takeover < TAKEOVER_BOUND, f"takeover took {takeover:.1f}s"
    assert final["status"] == "succeeded", top.logs()
    assert final["attempts"] == 2
    assert final["taken_over_at"] is not None
    assert at_kill["stored_until"] is not None
    assert final["resumed_from"] == at_kill["stored_until"]
    fetched_after = len(fake.hits) - hits_at_kill
    not_stored = final["pages"] - at_kill["pages"]
    assert fetched_after <= not_stored + 1, (fetched_after, not_stored)
    await _assert_exact(top, victim.connection(ProviderKind.OPENAI), fake)
    print(f"\ntakeover {takeover:.1f}s; pages after takeover {fetched_after} of "
          f"{final['pages']} (stored before the kill: {at_kill['pages']})")


async def test_sigterm_to_a_workers_group_drains_it_and_the_sync_completes_once(
        top: Topology) -> None:
    await _ready(top, 0)
    victim = top.seed()
    fake = top.fakes.by_kind(ProviderKind.OPENAI)
    fake.switches.latency = 0.12
    hits_before = len(fake.hits)  # seeding validated the key
    run_id = await top.sync(victim, ProviderKind.OPENAI)
    await until(lambda: _fetching(fake, hits_before, 10), timeout=60, message=top.logs)
    fake.switches.latency = STALL
    top.start_worker(1)
    await _ready(top, 1)
    doomed = top.workers[0]
    assert doomed is not None and (await top.run_row(run_id))["status"] == "running"

    fake.switches.latency = 0.12  # the chunk in flight finishes within a few seconds
    termed = time.monotonic()
    os.killpg(doomed.pid, signal.SIGTERM)  # what systemd and container runtimes send
    try:
        code = await asyncio.to_thread(doomed.wait, 60)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"worker still running 60 s after SIGTERM\n{_log(top, 0)}"
                             ) from None
    drained = time.monotonic() - termed
    log = _log(top, 0)
    top.workers[0] = None  # exited by itself; the fixture starts it again

    final = await top.wait_run(run_id, timeout=90)
    assert drained < DRAIN_BOUND, f"exit took {drained:.1f}s\n{log}"
    assert code == 0, log
    assert "handed back" in log, log
    assert "Traceback" not in log, log
    assert final["status"] == "succeeded", top.logs()
    assert final["attempts"] == 2 and final["taken_over_at"] is None
    # every page was fetched once and stored once: handed back at a chunk boundary
    fetched = len(fake.hits) - hits_before
    assert fetched == final["pages"], (fetched, final["pages"])
    await _assert_exact(top, victim.connection(ProviderKind.OPENAI), fake)
    print(f"\nSIGTERM to the group -> exit in {drained:.1f}s; {final['pages']} pages, "
          "each fetched once")


async def test_a_worker_takes_no_job_before_its_database_layer_is_ready(
        top: Topology) -> None:
    prefix = f"boot{secrets.token_hex(4)}"  # a queue of its own: the topology's worker
    token = secrets.token_hex(8)            # must not take this job
    queue = RedisJobQueue(build_redis_broker(top.redis.url, prefix=prefix))
    try:
        await queue.enqueue("system.heartbeat", token=token)  # queued before the worker
    finally:
        queue.close()
    env = top.env(redis_prefix=prefix)
    env.update(PYTHONPATH=str(SLOW_BOOT), MW_TEST_ORM_INIT_DELAY="2")
    with spawn(["worker", "--processes", "1", "--threads", "2"], env) as proc:
        async def ran() -> Any:
            rows = await top.sql("SELECT count(*) AS n FROM worker_heartbeat WHERE token = $1",
                                 token)
            return rows[0]["n"] or None

        await until(ran, timeout=60, message=lambda: read_all(proc))
        await asyncio.sleep(1.5)  # a failed first delivery would be retried meanwhile
        rows = await top.sql("SELECT count(*) AS n FROM worker_heartbeat WHERE token = $1",
                             token)
        os.killpg(proc.pid, signal.SIGTERM)
        output = read_all(proc)
    assert rows[0]["n"] == 1
    assert "ConfigurationError" not in output, output
    assert "Traceback" not in output, output


def test_a_worker_whose_database_never_answers_exits_with_one_line(top: Topology) -> None:
    closed = free_port()
    env = top.env(database_url=f"postgres://postgres@127.0.0.1:{closed}/nowhere",
                  worker_ready_timeout_seconds="1", redis_prefix="boot-unready")
    started = time.monotonic()
    with spawn(["worker", "--processes", "1", "--threads", "1"], env) as proc:
        try:
            code = proc.wait(30)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"still running: {read_all(proc)}") from None
        output = read_all(proc)
    assert code == EXIT_NOT_READY, output
    assert time.monotonic() - started < 30
    assert output.count("worker not ready: the database did not answer") == 1, output
    assert "Traceback" not in output, output


def _terminate_group(proc: subprocess.Popen[str], timeout: float = 60) -> tuple[int, float]:
    """SIGTERM to ``proc``'s process group: (exit code, seconds until it exited)."""
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        code = proc.wait(timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"still running {timeout:.0f} s after SIGTERM to its group"
                             ) from None
    return code, time.monotonic() - started


async def test_sigterm_to_the_schedulers_group_stops_it_at_once(top: Topology) -> None:
    scheduler = top.scheduler
    assert scheduler is not None
    log = top.workdir / "scheduler.log"
    await until(lambda: _async(log.exists() and "scheduler running" in log.read_text()),
                timeout=60, message=lambda: read_all(scheduler))
    code, took = await asyncio.to_thread(_terminate_group, scheduler)
    output = read_all(scheduler)
    top.start_scheduler()
    assert code == 0, output
    assert took < DRAIN_BOUND, f"{took:.1f}s"
    assert "Traceback" not in output, output


async def test_sigterm_to_an_apis_group_exits_within_the_bound_despite_open_sockets(
        top: Topology) -> None:
    victim = top.seed()
    server = top.api(0)
    assert server.proc is not None
    async with server.socket(victim.token) as live:
        await live.subscribe("subscription { syncStatus { connectionId status } }")
        code, took = await asyncio.to_thread(_terminate_group, server.proc)
        close_code = await live.closed(5)
    top.start_api(0)
    assert code in (0, -signal.SIGTERM)  # uvicorn re-raises the signal after a clean stop
    assert took < DRAIN_BOUND, f"{took:.1f}s"
    assert close_code == 1001  # going away: clients reconnect elsewhere
    print(f"\nSIGTERM to the API's group -> exit in {took:.1f}s; socket closed {close_code}")
