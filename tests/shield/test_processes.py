"""Real ``meterwise serve`` processes: TLS 1.3 only, WebSocket guards, limits shared in Redis."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import trustme
import websockets
from websockets.exceptions import ConnectionClosed, InvalidStatus

from tests.support.processes import clean_env, free_port, read_all, spawn, wait_http

pytestmark = pytest.mark.slow
MASTER_KEYS = "k1:" + base64.b64encode(os.urandom(32)).decode()
WS_MAX = 4096


@dataclass
class TlsServer:
    port: int
    ca: trustme.CA

    def context(self, *, maximum: ssl.TLSVersion | None = None) -> ssl.SSLContext:
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        if maximum is not None:
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            context.maximum_version = maximum
        return context


def _wait_tls(port: int, context: ssl.SSLContext, proc: subprocess.Popen[str],
              timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {read_all(proc)}")
        try:
            if httpx.get(f"https://localhost:{port}/healthz", verify=context,
                         timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError(f"TLS server did not start: {read_all(proc)}")


@pytest.fixture(scope="module")
def tls_server(database_url: str, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[TlsServer]:
    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    folder: Path = tmp_path_factory.mktemp("tls")
    cert.private_key_pem.write_to_path(str(folder / "key.pem"))
    cert.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
    port = free_port()
    env = clean_env(database_url=database_url, master_keys=MASTER_KEYS,
                    ws_max_message_bytes=str(WS_MAX), ws_connection_init_timeout_seconds="1",
                    allowed_origins="https://dashboard.example")
    args = ["serve", "--port", str(port), "--ssl-certfile", str(folder / "cert.pem"),
            "--ssl-keyfile", str(folder / "key.pem")]
    with spawn(args, env) as proc:
        server = TlsServer(port=port, ca=ca)
        _wait_tls(port, server.context(), proc)
        yield server


def test_tls_listener_serves_tls13(tls_server: TlsServer) -> None:
    with socket.create_connection(("127.0.0.1", tls_server.port), timeout=5) as raw, \
            tls_server.context().wrap_socket(raw, server_hostname="localhost") as tls:
        assert tls.version() == "TLSv1.3"
    response = httpx.get(f"https://localhost:{tls_server.port}/healthz",
                         verify=tls_server.context())
    assert response.status_code == 200


def test_tls_listener_refuses_a_tls12_only_client(tls_server: TlsServer) -> None:
    context = tls_server.context(maximum=ssl.TLSVersion.TLSv1_2)
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"https://localhost:{tls_server.port}/healthz", verify=context)


def _ws_url(server: TlsServer) -> str:
    return f"wss://localhost:{server.port}/graphql"


async def _connect(server: TlsServer, **kwargs: object) -> websockets.ClientConnection:
    return await websockets.connect(_ws_url(server), ssl=server.context(),
                                    subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                                    **kwargs)  # type: ignore[arg-type]


async def test_websocket_from_a_foreign_origin_is_refused(tls_server: TlsServer) -> None:
    with pytest.raises(InvalidStatus) as refused:
        await _connect(tls_server, origin="https://evil.example")
    assert refused.value.response.status_code == 403
    allowed = await _connect(tls_server, origin="https://dashboard.example")
    await allowed.close()


async def test_websocket_message_over_the_limit_closes(tls_server: TlsServer) -> None:
    ws = await _connect(tls_server)
    await ws.send(json.dumps({"type": "connection_init", "payload": {"pad": "x" * WS_MAX}}))
    with pytest.raises(ConnectionClosed) as closed:
        await asyncio.wait_for(ws.recv(), 5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009


async def test_websocket_without_connection_init_times_out(tls_server: TlsServer) -> None:
    ws = await _connect(tls_server)
    with pytest.raises(ConnectionClosed) as closed:
        await asyncio.wait_for(ws.recv(), 5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4408


def test_two_api_processes_share_one_rate_limit(database_url: str, redis_url: str,
                                                redis_prefix: str, tmp_path: Path) -> None:
    env = clean_env(env="production", database_url=database_url, redis_url=redis_url,
                    redis_prefix=f"{redis_prefix}-shared", master_keys=MASTER_KEYS,
                    data_dir=str(tmp_path), rate_limit_anonymous_points="10")
    ports = [free_port(), free_port()]
    with spawn(["serve", "--port", str(ports[0])], env) as one, \
            spawn(["serve", "--port", str(ports[1])], env) as two:
        for port, proc in zip(ports, (one, two), strict=True):
            wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc)
        headers = {"x-forwarded-proto": "https", "x-forwarded-for": "192.0.2.44"}
        statuses = [
            httpx.post(f"http://127.0.0.1:{ports[i % 2]}/graphql", headers=headers,
                       json={"query": "{ __typename }"}).status_code
            for i in range(14)
        ]
    assert statuses == [200] * 10 + [429] * 4
