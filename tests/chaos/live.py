"""Subscribers for fault tests: a socket's subscription proven live, events awaited by run."""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID, uuid4

from meterwise.pubsub import RedisBus, account_channel
from tests.adversary.support import LiveSocket
from tests.chaos.topology import FINISHED

SYNC_STATUS = "subscription { syncStatus { connectionId status runId rowsChanged } }"
USAGE_UPDATED = "subscription { usageUpdated { connectionId rowsChanged } }"


def probe_payload(probe: UUID) -> dict[str, Any]:
    """A syncStatus event nobody else sends: its connection id is the probe's."""
    return {"type": "syncStatus", "connectionId": str(probe), "runId": None,
            "status": "queued", "attempt": None}


async def listening(socket: LiveSocket, op_id: str, bus: RedisBus, account_id: UUID, *,
                    timeout: float = 15) -> None:
    """Probe until ``op_id`` (a syncStatus subscription) hears the account's channel:
    subscribing has no acknowledgement. Late probes are drained."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe = uuid4()
        await bus.publish(account_channel(account_id), probe_payload(probe))
        try:
            while True:
                message = await socket.receive(0.3)
                if message.get("id") == op_id and _event(message).get(
                        "connectionId") == str(probe):
                    await drain(socket)
                    return
        except TimeoutError:
            continue
    raise AssertionError("the subscription never heard its channel")


async def drain(socket: LiveSocket, quiet: float = 0.3) -> list[dict[str, Any]]:
    out = []
    try:
        while True:
            out.append(await socket.receive(quiet))
    except TimeoutError:
        return out


def _event(message: dict[str, Any]) -> dict[str, Any]:
    if message.get("type") != "next":
        return {}
    data = message["payload"].get("data") or {}
    return next(iter(data.values()), {}) or {}


async def run_finished(socket: LiveSocket, run_id: UUID, *, timeout: float
                       ) -> dict[str, Any]:
    """The syncStatus event that says ``run_id`` finished (its ``status`` is the GraphQL
    enum: ``SUCCEEDED``, ``PARTIAL`` or ``FAILED``)."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no final syncStatus for run {run_id} within {timeout}s")
        message = await socket.receive(left)
        event = _event(message)
        if event.get("runId") == str(run_id) and str(event.get("status")).lower() in FINISHED:
            return event


async def events_of(socket: LiveSocket, seconds: float) -> list[dict[str, Any]]:
    """Every event the socket gets for ``seconds``."""
    out = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            out.append(_event(await socket.receive(left)))
        except TimeoutError:
            break
    return out

