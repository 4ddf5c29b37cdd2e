"""Operational services: worker heartbeats."""

from __future__ import annotations

from datetime import datetime, timedelta

from meterwise import clock
from meterwise.models.system import WorkerHeartbeat

HEARTBEAT_RETENTION = timedelta(days=1)


async def record_heartbeat(token: str, *, worker: str) -> None:
    if not token or len(token) > 64:
        raise ValueError("heartbeat token must be 1-64 characters")
    await WorkerHeartbeat.create(token=token, worker=worker[:128])


async def prune_heartbeats(now: datetime | None = None) -> int:
    cutoff = (now or clock.now()) - HEARTBEAT_RETENTION
    return await WorkerHeartbeat.filter(created_at__lt=cutoff).delete()
