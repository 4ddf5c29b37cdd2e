"""Operational jobs: heartbeat (proves the pipeline end to end) and housekeeping."""

from __future__ import annotations

import os
import socket

from meterwise.services import system
from meterwise.tasks.registry import job


@job("system.heartbeat", max_retries=3)
async def heartbeat(token: str) -> None:
    await system.record_heartbeat(token, worker=f"{socket.gethostname()}:{os.getpid()}")


@job("system.prune_heartbeats", max_retries=1)
async def prune_heartbeats() -> None:
    await system.prune_heartbeats()
