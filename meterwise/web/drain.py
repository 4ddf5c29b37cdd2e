"""Draining an API process: what SIGTERM does before the server stops.

Why a drain at all: a load balancer keeps sending to a process until its ``/readyz`` fails,
so a process that closed its listener at once would refuse requests still on their way.
``begin`` marks the process draining (``/readyz`` answers 503, new WebSockets are refused)
and closes every open WebSocket with 1001 (going away), so graphql-ws clients reconnect,
through the load balancer, to another process and resubscribe there. HTTP requests are
still served until the server stops (``meterwise serve`` waits ``shutdown_drain_seconds``,
then lets in-flight requests finish for up to ``shutdown_timeout_seconds``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator
from types import FrameType

import uvicorn
from starlette.types import Send

log = logging.getLogger(__name__)

GOING_AWAY = 1001


class Drain:
    """This process's drain state and the WebSockets it would close."""

    def __init__(self) -> None:
        self.draining = False
        self._sockets: dict[int, Send] = {}

    @contextlib.contextmanager
    def tracked(self, send: Send) -> Iterator[None]:
        """Hold one WebSocket (its ASGI ``send``) for the duration of its connection."""
        key = id(send)
        self._sockets[key] = send
        try:
            yield
        finally:
            self._sockets.pop(key, None)

    @property
    def open_sockets(self) -> int:
        return len(self._sockets)

    async def begin(self) -> None:
        """Start draining: ``/readyz`` 503 from now on, every socket closed with 1001."""
        self.draining = True
        sends = list(self._sockets.values())
        log.info("draining: /readyz answers 503; closing %d WebSockets (1001)", len(sends))
        await asyncio.gather(*(self._close(send) for send in sends))

    @staticmethod
    async def _close(send: Send) -> None:
        with contextlib.suppress(Exception):  # already closing, or never accepted
            await send({"type": "websocket.close", "code": GOING_AWAY,
                        "reason": "server going away"})


class DrainingServer(uvicorn.Server):
    """uvicorn with a drain on SIGTERM: ``Drain.begin`` at once, the listener kept open
    for ``drain_seconds`` (requests the load balancer still sends are served), then
    uvicorn's own graceful shutdown. Ctrl-C, a second signal, or a drain of 0 stop as
    uvicorn always did."""

    def __init__(self, config: uvicorn.Config, drain: Drain, drain_seconds: float) -> None:
        super().__init__(config)
        self._drain = drain
        self._drain_seconds = drain_seconds
        self._drain_task: asyncio.Task[None] | None = None

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if (sig == signal.SIGTERM and self._drain_task is None and self.started
                and not self.should_exit and self._drain_seconds > 0):
            # a signal handler, between two bytecodes of the loop's own thread
            asyncio.get_event_loop().call_soon_threadsafe(self._start_drain)
            return
        super().handle_exit(sig, frame)

    def _start_drain(self) -> None:
        self._drain_task = asyncio.ensure_future(self._drain_then_exit())

    async def _drain_then_exit(self) -> None:
        try:
            await self._drain.begin()
            await asyncio.sleep(self._drain_seconds)
        finally:
            self.should_exit = True
