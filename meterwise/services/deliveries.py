"""The outbox steps that spend deliveries and incident notifications share.

Both keep a row per message and send it from a job; the job is only a fast path (a lost or
failed enqueue is the sweep's to pick up), and the sweep gives every due row one attempt.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Protocol
from uuid import UUID

from meterwise import wiring
from meterwise.models.spend import DeliveryStatus

log = logging.getLogger(__name__)


class Sent(Protocol):
    status: DeliveryStatus


async def enqueue_sends(job: str, argument: str, ids: Iterable[UUID], *, what: str) -> None:
    """Queue ``job`` once per row (``argument=<id>``); without a queue (CLI, tests) nothing
    is queued and the sweep or the caller sends."""
    jobs = wiring.current().jobs
    if jobs is None:
        return
    for ident in ids:
        try:
            await jobs.enqueue(job, **{argument: str(ident)})
        except Exception:
            log.exception("could not enqueue %s %s; the sweep will send it", what, ident)


async def deliver_each(ids: Iterable[object],
                       deliver: Callable[[UUID], Awaitable[Sent | None]]) -> int:
    """One attempt per due row, in order; how many ended delivered."""
    done = 0
    for ident in ids:
        result = await deliver(UUID(str(ident)))
        done += result is not None and result.status is DeliveryStatus.DELIVERED
    return done
