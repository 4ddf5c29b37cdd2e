"""A real API process and the clients an attacker would use against it (HTTP, WebSocket)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from meterwise.config import Settings
from tests.support.processes import clean_env, free_port, spawn, wait_http

PROTOCOL = "graphql-transport-ws"
PROXY_HEADERS = {"x-forwarded-proto": "https"}


@dataclass
class LiveServer:
    """One running ``meterwise serve``; ``extra_env`` is what it was started with."""

    http_url: str
    ws_url: str
    production: bool
    extra_env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[str] | None = None  # to signal it (chaos tests kill and drain)

    @property
    def headers(self) -> dict[str, str]:
        """Headers every request carries (production answers 421 to plain HTTP otherwise)."""
        return dict(PROXY_HEADERS) if self.production else {}

    def client(self, timeout: float = 30) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.http_url, headers=self.headers, timeout=timeout)

    async def post(self, body: Any, *, token: str | None = None,
                   headers: dict[str, str] | None = None, timeout: float = 30
                   ) -> httpx.Response:
        sent = dict(headers or {})
        if token is not None:
            sent["authorization"] = f"Bearer {token}"
        async with self.client(timeout) as http:
            return await http.post("/graphql", json=body, headers=sent)

    async def gql(self, query: str, variables: dict[str, Any] | None = None, *,
                  token: str | None = None, headers: dict[str, str] | None = None
                  ) -> dict[str, Any]:
        """POST one operation; the whole JSON body (``data`` and ``errors``)."""
        response = await self.post({"query": query, "variables": variables or {}},
                                   token=token, headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    @contextlib.asynccontextmanager
    async def socket(self, token: str | None, *, ack: bool = True
                     ) -> AsyncIterator[LiveSocket]:
        """A graphql-transport-ws connection initialised with ``token``."""
        headers = {"origin": self.http_url} if not self.production else None
        ws = await connect(self.ws_url, subprotocols=[PROTOCOL],  # type: ignore[list-item]
                           additional_headers={**self.headers, **(headers or {})})
        try:
            payload = {"authorization": f"Bearer {token}"} if token else {}
            await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
            live = LiveSocket(ws)
            if ack:
                message = await live.receive(10)
                assert message["type"] == "connection_ack", message
            yield live
        finally:
            await ws.close()


class LiveSocket:
    """The client side of graphql-transport-ws: ``execute`` for queries and mutations,
    ``subscribe`` + ``receive`` for streams, ``closed`` for the close code."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self._ids = 0

    async def receive(self, timeout: float = 10) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(await asyncio.wait_for(self.ws.recv(), timeout))
        return message

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        self._ids += 1
        op_id = str(self._ids)
        await self.ws.send(json.dumps({"id": op_id, "type": "subscribe",
                                       "payload": {"query": query,
                                                   "variables": variables or {}}}))
        return op_id

    async def execute(self, query: str, variables: dict[str, Any] | None = None, *,
                      timeout: float = 10) -> dict[str, Any]:
        """Run one query/mutation over the socket: its ``payload`` (data/errors), or
        ``{"closed": code}`` when the server closed the socket instead of answering."""
        try:
            op_id = await self.subscribe(query, variables)
            while True:
                message = await self.receive(timeout)
                if message.get("id") != op_id:
                    continue
                if message["type"] == "next":
                    payload: dict[str, Any] = message["payload"]
                    return payload
                if message["type"] == "error":
                    return {"errors": message["payload"]}
                if message["type"] == "complete":
                    return {}
        except ConnectionClosed as closed:
            return {"closed": closed.rcvd.code if closed.rcvd else None}

    async def closed(self, timeout: float = 10) -> int | None:
        """Wait for the server to close the socket; its close code (None: still open)."""
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - time.monotonic()))
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None
        except TimeoutError:
            return None
        return None


@contextlib.contextmanager
def start_live_server(settings: Settings, *, database_url: str, redis_url: str,
                      redis_prefix: str, data_dir: Path, production: bool = False,
                      log_path: Path | None = None, port: int | None = None,
                      environ: dict[str, str] | None = None,
                      **extra: str) -> Iterator[LiveServer]:
    """``meterwise serve`` on a free port (or ``port``), sharing this session's database and
    keys; ``log_path`` keeps what it logs (tests that read the access log); ``environ``:
    other variables for the process (``SSL_CERT_FILE``)."""
    port = port or free_port()
    env_settings = {
        "database_url": database_url, "redis_url": redis_url,
        "redis_prefix": server_prefix(redis_prefix, production=production),
        "data_dir": str(data_dir),
        "master_key_file": str(settings.resolved_master_key_file()),
        "usage_live_recheck_seconds": "30",
        **extra,
    }
    if production:
        env_settings["env"] = "production"
    env = {**clean_env(**env_settings), **(environ or {})}
    with spawn(["serve", "--port", str(port)], env, output=log_path) as proc:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc)
        yield LiveServer(http_url=f"http://127.0.0.1:{port}", ws_url=f"ws://127.0.0.1:{port}/graphql",
                         production=production, extra_env=extra, proc=proc)


def server_prefix(redis_prefix: str, *, production: bool) -> str:
    """The Redis prefix ``start_live_server`` gives its server (dev and production servers of
    one session never share limits); workers beside a server must use the same one."""
    return f"{redis_prefix}{'p' if production else 'd'}"


async def healthz_latencies(server: LiveServer, attack: Awaitable[Any], *,
                            min_samples: int = 5) -> tuple[Any, list[float]]:
    """Run ``attack`` while timing ``GET /healthz`` beside it: (its result, latencies).

    Sampling goes on until the attack is over and at least ``min_samples`` were taken,
    so a frozen event loop shows as one very long sample.
    """
    task = asyncio.ensure_future(attack)
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=server.http_url, headers=server.headers,
                                 timeout=120) as http:
        await asyncio.sleep(0.02)  # the attack's request is on the wire
        while not task.done() or len(latencies) < min_samples:
            started = time.perf_counter()
            response = await http.get("/healthz")
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200
            await asyncio.sleep(0.01)
    return await task, latencies


async def healthz_during(server: LiveServer, attack: Callable[[], Awaitable[Any]], *,
                         budget: float, tries: int = 3) -> tuple[Any, list[float]]:
    """``healthz_latencies`` for up to ``tries`` runs of ``attack``, stopping at the first
    whose every sample is within ``budget``: a frozen loop fails every run, while one
    scheduler hiccup on a busy two-core CI box does not fail the test."""
    result, latencies = await healthz_latencies(server, attack())
    for _ in range(tries - 1):
        if max(latencies) < budget:
            break
        result, latencies = await healthz_latencies(server, attack())
    return result, latencies
