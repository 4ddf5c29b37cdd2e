"""Identity housekeeping: drop sessions, challenges, tokens and counters nobody can use."""

from __future__ import annotations

import logging

from meterwise.services.identity import api_tokens, sessions, throttle
from meterwise.tasks.registry import job

log = logging.getLogger(__name__)


@job("identity.purge_expired", max_retries=1, time_limit_ms=5 * 60_000)
async def purge_expired() -> None:
    dead_sessions = await sessions.purge_expired()
    dead_tokens = await api_tokens.purge_dead()
    counters = await throttle.purge()
    log.info("identity purge: %d sessions/challenges, %d API tokens, %d throttle counters",
             dead_sessions, dead_tokens, counters)
