"""Running the fakes: uvicorn on 127.0.0.1 free ports in background threads, optional TLS.

`start_fakes()` is what tests, `scripts/fake_providers.py` and `meterwise demo` use. TLS
uses a throwaway trustme CA; clients trust it through `Fakes.ca_path` / `ssl_context()`.
TLS is chosen at start (one listener per fake); start a second set for the other mode.
"""

from __future__ import annotations

import secrets
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import trustme
import uvicorn
from starlette.applications import Starlette

from meterwise.config import ProviderKind
from meterwise.fakeproviders import anthropic_app, openai_app, openrouter_app
from meterwise.fakeproviders.control import FakeState, Hit, Switches
from meterwise.fakeproviders.dataset import Dataset
from meterwise.fakeproviders.generate import GENERATORS


class ServerThread:
    """One uvicorn server on a socket we bound ourselves (so the port is known up front)."""

    def __init__(self, app: Starlette, *, certfile: str | None = None) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                ssl_certfile=certfile, timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True,
                                        name=f"fake-provider-{self.port}")

    def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("fake provider server failed to start")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._sock.close()


@dataclass
class FakeProvider:
    """One running fake: where it is, what it holds, how to steer it, what it saw."""

    kind: ProviderKind
    base_url: str
    dataset: Dataset
    state: FakeState
    valid_key: str
    extra_keys: dict[str, str]

    @property
    def switches(self) -> Switches:
        return self.state.switches

    @property
    def hits(self) -> list[Hit]:
        return list(self.state.hits)

    def reset(self) -> None:
        self.state.reset()


@dataclass
class Fakes:
    """All three fakes and, with TLS on, the CA that signed their certificates."""

    openai: FakeProvider
    anthropic: FakeProvider
    openrouter: FakeProvider
    ca_path: str | None

    def all(self) -> tuple[FakeProvider, FakeProvider, FakeProvider]:
        return (self.openai, self.anthropic, self.openrouter)

    def by_kind(self, kind: ProviderKind) -> FakeProvider:
        return {p.kind: p for p in self.all()}[kind]

    def reset(self) -> None:
        for fake in self.all():
            fake.reset()

    def ssl_context(self) -> ssl.SSLContext | None:
        """A client context trusting only the fakes' CA (None when TLS is off)."""
        return ssl.create_default_context(cafile=self.ca_path) if self.ca_path else None


def _key(prefix: str) -> str:
    return f"{prefix}{secrets.token_urlsafe(24)}"


@contextmanager
def start_fakes(
    *,
    seed: int = 1,
    start_day: date | None = None,
    days: int = 30,
    tls: bool = False,
) -> Iterator[Fakes]:
    """Start the three fakes with data for [start_day, start_day + days); stop them on exit.

    The default start_day makes the data end yesterday (UTC), so every day is complete and
    inside OpenRouter's 30-day activity range when days <= 30. Keys are random per start.
    """
    if start_day is None:
        # the OS clock: the fake provider's own "today" (tests pass start_day)
        start_day = datetime.now(UTC).date() - timedelta(days=days)
    datasets = {kind: gen(seed, start_day, days) for kind, gen in GENERATORS.items()}
    keys = {
        ProviderKind.OPENAI: _key("sk-admin-"),
        ProviderKind.ANTHROPIC: _key("sk-ant-admin01-"),
        ProviderKind.OPENROUTER: _key("sk-or-v1-"),
    }
    inference_key = _key("sk-or-v1-")
    states = {kind: FakeState(valid_keys={key}) for kind, key in keys.items()}
    states[ProviderKind.OPENROUTER].valid_keys.add(inference_key)
    apps = {
        ProviderKind.OPENAI: openai_app.build_app(datasets[ProviderKind.OPENAI],
                                                  states[ProviderKind.OPENAI]),
        ProviderKind.ANTHROPIC: anthropic_app.build_app(datasets[ProviderKind.ANTHROPIC],
                                                        states[ProviderKind.ANTHROPIC]),
        ProviderKind.OPENROUTER: openrouter_app.build_app(
            datasets[ProviderKind.OPENROUTER], states[ProviderKind.OPENROUTER],
            management_key=keys[ProviderKind.OPENROUTER]),
    }
    roots = {ProviderKind.OPENAI: "/v1", ProviderKind.ANTHROPIC: "",
             ProviderKind.OPENROUTER: "/api/v1"}
    with tempfile.TemporaryDirectory(prefix="meterwise-fakes-") as tmp:
        certfile = ca_path = None
        if tls:
            ca = trustme.CA()
            cert = ca.issue_cert("127.0.0.1", "localhost")
            certfile = str(Path(tmp, "server.pem"))
            cert.private_key_and_cert_chain_pem.write_to_path(certfile)
            ca_path = str(Path(tmp, "ca.pem"))
            ca.cert_pem.write_to_path(ca_path)
        servers = {kind: ServerThread(app, certfile=certfile) for kind, app in apps.items()}
        started: list[ServerThread] = []
        try:
            for server in servers.values():
                server.start()
                started.append(server)
            scheme = "https" if tls else "http"
            fakes = {
                kind: FakeProvider(
                    kind=kind,
                    base_url=f"{scheme}://127.0.0.1:{servers[kind].port}{roots[kind]}",
                    dataset=datasets[kind], state=states[kind], valid_key=keys[kind],
                    extra_keys={"inference": inference_key}
                    if kind is ProviderKind.OPENROUTER else {},
                )
                for kind in apps
            }
            yield Fakes(fakes[ProviderKind.OPENAI], fakes[ProviderKind.ANTHROPIC],
                        fakes[ProviderKind.OPENROUTER], ca_path)
        finally:
            for server in started:
                server.stop()
