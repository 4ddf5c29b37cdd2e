"""Queue depth for ``/metrics``: Redis list lengths in production, pending tasks embedded."""

from __future__ import annotations

import logging
from typing import Any

from meterwise.jobs.inprocess import InProcessJobQueue
from meterwise.services import metrics

log = logging.getLogger(__name__)


async def refresh_queue_depth(runtime: Any) -> None:
    """Set ``meterwise_queue_depth`` (waiting and delayed jobs) just before a scrape."""
    if isinstance(runtime.jobs, InProcessJobQueue):
        metrics.QUEUE_DEPTH.labels(queue="default").set(runtime.jobs.pending)
        return
    if runtime.redis is None:
        return
    namespace = f"{runtime.settings.redis_prefix}:dramatiq"
    try:
        waiting = await runtime.redis.llen(f"{namespace}:default")
        delayed = await runtime.redis.llen(f"{namespace}:default.DQ")
    except Exception as exc:
        log.warning("queue depth unavailable: %s", type(exc).__name__)
        return
    metrics.QUEUE_DEPTH.labels(queue="default").set(waiting)
    metrics.QUEUE_DEPTH.labels(queue="default.delayed").set(delayed)
