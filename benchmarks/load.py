"""Load test: a constant-arrival-rate mix against the two-API topology (run by hand).

    .venv/bin/python -m benchmarks.load                  # steps of 10 s: 10, 20, 40, … req/s
    .venv/bin/python -m benchmarks.load --step-seconds 20 --rates 50,100,150,200

It starts what ``tests/chaos/topology.py`` starts (two ``meterwise serve`` in production
mode, two workers, a scheduler, a Redis of its own, the fake providers over HTTPS) on a
throwaway database of the local PostgreSQL (``METERWISE_BENCH_SERVER_URL``, default
``postgres://postgres@127.0.0.1:5432/postgres``), seeds accounts and syncs 30 days of their
usage. Then, per step, requests are *sent on schedule* (open loop: a slow answer does not
slow the sender, so queueing shows in the latencies) round-robin over both APIs:

- 90 % the dashboard query (30 days, DAY x MODEL) over HTTP,
- 5 % ``syncConnection`` (a sync enqueued, or the active run returned),
- 5 % a new WebSocket subscription (connect, ``connection_init``, ack, subscribe; kept open
  to the end of the step).

A step is *held* when its p99 is under 250 ms with 0 errors; the run stops at the first
step not held and reports the highest rate held. The same steps then run against
``benchmarks/bare_usage.py`` (bare Starlette + asyncpg serving the same SQL, two uvicorn
workers) as the ceiling. The load generator shares the machine: on a small box it is part
of what is measured (say so with the figures).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import connect

from meterwise.config import ProviderKind
from meterwise.fakeproviders import start_fakes
from tests.adversary.support import PROTOCOL, PROXY_HEADERS
from tests.chaos.topology import Topology, Victim
from tests.support import db as test_db
from tests.support.processes import free_port, wait_http

SERVER = os.environ.get("METERWISE_BENCH_SERVER_URL",
                        "postgres://postgres@127.0.0.1:5432/postgres")
P99_BUDGET = 0.250
DASHBOARD = """query($filter: UsageFilter!) {
  usage(filter: $filter, groupBy: [MODEL], granularity: DAY) {
    currency totalCost inputTokens outputTokens requests
    series { bucketStart model cost inputTokens outputTokens requests } } }"""
SYNC = "mutation($id: ID!) { syncConnection(id: $id) { run { id } errors { code } } }"
SUBSCRIBE = "subscription { syncStatus { connectionId status runId } }"


@dataclass
class Step:
    target: str
    rate: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    late: int = 0  # requests the generator itself sent more than 50 ms behind schedule

    def quantile(self, q: float) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=1000)[int(q * 1000) - 1]

    @property
    def held(self) -> bool:
        return self.errors == 0 and self.quantile(0.99) < P99_BUDGET

    def line(self) -> str:
        return (f"{self.target:9} {self.rate:5d} req/s  n={len(self.latencies):6d}  "
                f"p50={self.quantile(0.5) * 1000:7.1f} ms  p95={self.quantile(0.95) * 1000:7.1f}"
                f" ms  p99={self.quantile(0.99) * 1000:7.1f} ms  errors={self.errors}"
                f"  late={self.late}  {'held' if self.held else 'NOT held'}")


async def open_loop(rate: int, seconds: float, call: Callable[[int], Awaitable[bool]],
                    step: Step) -> None:
    """Send ``rate`` calls a second for ``seconds`` on schedule; time each one."""
    started = time.monotonic()
    tasks = []

    async def timed(index: int) -> None:
        sent = time.monotonic()
        try:
            ok = await call(index)
        except Exception:
            ok = False
        step.latencies.append(time.monotonic() - sent)
        step.errors += not ok

    for index in range(int(rate * seconds)):
        due = started + index / rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        elif delay < -0.05:
            step.late += 1
        tasks.append(asyncio.ensure_future(timed(index)))
    await asyncio.gather(*tasks)


def dashboard_variables() -> dict[str, Any]:
    end = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    end += timedelta(days=1)
    return {"filter": {"from": (end - timedelta(days=30)).isoformat(), "to": end.isoformat()}}


async def meterwise_step(top: Topology, victims: list[Victim], rate: int, seconds: float
                         ) -> Step:
    step = Step("meterwise", rate)
    clients = [httpx.AsyncClient(base_url=top.api(i).http_url, headers=PROXY_HEADERS,
                                 timeout=10, limits=httpx.Limits(max_connections=200))
               for i in range(2)]
    sockets: list[Any] = []
    variables = dashboard_variables()

    async def graphql(index: int, query: str, variables: dict[str, Any], token: str) -> bool:
        response = await clients[index % 2].post(
            "/graphql", json={"query": query, "variables": variables},
            headers={"authorization": f"Bearer {token}"})
        body = response.json() if response.status_code == 200 else {}
        if response.status_code != 200 or body.get("errors"):
            return False
        payload = next(iter(body["data"].values()))
        return not (isinstance(payload, dict) and payload.get("errors"))

    async def subscribe(index: int, token: str) -> bool:
        api = top.api(index % 2)
        ws = await connect(api.ws_url, subprotocols=[PROTOCOL],  # type: ignore[list-item]
                           additional_headers=PROXY_HEADERS)
        sockets.append(ws)
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {token}"}}))
        ack = json.loads(await asyncio.wait_for(ws.recv(), 10))
        if ack.get("type") != "connection_ack":
            return False
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": SUBSCRIBE}}))
        return True

    async def call(index: int) -> bool:
        victim = victims[index % len(victims)]
        kind = index % 20
        if kind == 0:
            connection = list(victim.connections.values())[index % 3]
            return await graphql(index, SYNC, {"id": str(connection)}, victim.token)
        if kind == 10:
            return await subscribe(index, victim.token)
        return await graphql(index, DASHBOARD, variables, victim.token)

    try:
        await open_loop(rate, seconds, call, step)
    finally:
        for ws in sockets:
            with contextlib.suppress(Exception):
                await ws.close()
        for client in clients:
            await client.aclose()
    return step


async def bare_step(base_url: str, victims: list[Victim], rate: int, seconds: float) -> Step:
    step = Step("bare", rate)
    async with httpx.AsyncClient(base_url=base_url, timeout=10,
                                 limits=httpx.Limits(max_connections=200)) as client:
        async def call(index: int) -> bool:
            victim = victims[index % len(victims)]
            response = await client.get("/usage", params={"account": str(victim.account_id)})
            return response.status_code == 200

        await open_loop(rate, seconds, call, step)
    return step


async def run_steps(name: str, rates: list[int], run: Callable[[int], Awaitable[Step]]
                    ) -> Step | None:
    """Each rate in turn until one is not held (after an unreported warm-up at 5 req/s:
    pools, caches and the first connections are not what a step should measure)."""
    await run(5)
    best = None
    for rate in rates:
        step = await run(rate)
        print(step.line(), flush=True)
        if not step.held:
            break
        best = step
        await asyncio.sleep(2)  # let queues empty between steps
    print(f"{name}: highest rate held (p99 < {P99_BUDGET * 1000:.0f} ms, 0 errors): "
          f"{best.rate if best else 0} req/s", flush=True)
    return best


async def seed(top: Topology, accounts: int) -> list[Victim]:
    victims = [top.seed() for _ in range(accounts)]
    runs = [await top.sync(victim, kind) for victim in victims for kind in ProviderKind]
    for run in runs:
        assert (await top.wait_run(run, timeout=300))["status"] == "succeeded"
    return victims


@contextlib.contextmanager
def bare_server(url: str, victim: Victim) -> Iterator[str]:
    """``benchmarks/bare_usage.py`` on two uvicorn workers; its base URL."""
    port = free_port()
    proc = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, "-m", "uvicorn", "benchmarks.bare_usage:app", "--port", str(port),
         "--workers", "2", "--log-level", "warning"],
        env={**os.environ, "BENCH_DATABASE_URL": url}, cwd=Path(__file__).parents[1])
    try:
        wait_http(f"http://127.0.0.1:{port}/usage?account={victim.account_id}")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


async def main(args: argparse.Namespace) -> None:
    rates = [int(rate) for rate in args.rates.split(",")]
    url = await test_db.create_test_database(SERVER)
    try:
        with tempfile.TemporaryDirectory(prefix="mw-load-") as tmp, \
                start_fakes(seed=16, days=30, tls=True) as fakes, \
                Topology.start(url, fakes, Path(tmp), ws_max_sockets_per_user="1000",
                               rate_limit_user_points="100000000",
                               rate_limit_anonymous_points="100000000",
                               rate_limit_requests_per_ip="100000000") as top:
            victims = await seed(top, args.accounts)
            print(f"seeded {len(victims)} accounts x 3 connections; "
                  f"{os.cpu_count()} CPUs on this machine", flush=True)
            await run_steps("meterwise", rates,
                            lambda rate: meterwise_step(top, victims, rate, args.step_seconds))
            with bare_server(url, victims[0]) as base_url:
                await run_steps("bare", rates, lambda rate: bare_step(
                    base_url, victims, rate, args.step_seconds))
    finally:
        await test_db.drop_database(SERVER, url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rates", default="10,20,40,60,80,120,160,200,250,300,400,500,650,800")
    parser.add_argument("--step-seconds", type=float, default=10.0)
    parser.add_argument("--accounts", type=int, default=5)
    asyncio.run(main(parser.parse_args()))
