"""The one wiring: this process's settings, clock and shared resources, set by ``wire``.

Every process (server, worker, scheduler, CLI command) calls ``wire`` once with its
``Settings``; services read their settings group (``current().settings.sync`` …) and
resources from here, never from holders of their own, so a process cannot be half wired.
Tests replace parts for a block with ``override`` (a fake clock, cheap hashing, a
webhook) instead of weakening production defaults.

This module sits below every layer that reads it, so the resources it holds are typed
loosely where naming their type would import upward or sideways (the job queue beside the
event bus, the rate limiter in services): their owners' modules give them back typed.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from meterwise.config import Settings, load_settings
from meterwise.keys import MasterKeyLoader, master_key_loader
from meterwise.security.masterkeys import MasterKeyRing
from meterwise.security.passwords import DEFAULT_PARAMS, HashParams

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, in UTC: the one OS clock read behind ``clock.now()``."""
    return datetime.now(UTC)


@dataclass
class Wiring:
    """What one process runs with; ``ring`` caches what ``master_keys`` last loaded."""

    settings: Settings
    master_keys: MasterKeyLoader
    jobs: Any = None  # a meterwise.jobs.base.JobQueue; None: no queue (CLI, tests)
    events: Any = None  # a meterwise.pubsub.EventBus (pubsub sits above the wiring)
    limiter: Any = None  # a services.guards.ratelimit.RateLimiter; None means in-process buckets
    clock: Clock = system_clock
    hash_params: HashParams = DEFAULT_PARAMS
    ring: MasterKeyRing | None = None


class _Process:
    wiring: Wiring | None = None


_process = _Process()


def wire(settings: Settings, *, master_keys: MasterKeyLoader | None = None,
         jobs: Any = None, events: Any = None,
         limiter: Any = None, clock: Clock = system_clock,
         hash_params: HashParams = DEFAULT_PARAMS) -> Wiring:
    """Make this the process's wiring; master keys come from ``settings`` unless given."""
    _process.wiring = Wiring(settings=settings,
                             master_keys=master_keys or master_key_loader(settings),
                             jobs=jobs, events=events, limiter=limiter, clock=clock,
                             hash_params=hash_params)
    return _process.wiring


def current() -> Wiring:
    """The process's wiring; one from the environment if nothing wired it yet."""
    if _process.wiring is None:
        return wire(load_settings())
    return _process.wiring


def settings() -> Settings:
    """The process's settings (shorthand for ``current().settings``)."""
    return current().settings


_draining = threading.Event()


def begin_drain() -> None:
    """The process was asked to stop (SIGTERM): long jobs hand their work back at the next
    safe point instead of starting more of it. Safe from any thread or signal handler."""
    _draining.set()


def draining() -> bool:
    """Whether this process is shutting down (see ``begin_drain``)."""
    return _draining.is_set()


@contextlib.contextmanager
def override(**changes: Any) -> Iterator[Wiring]:
    """Replace some fields of the process's wiring for the block, then put them back.

    Only the named fields are restored, so resources wired meanwhile (an app's lifespan
    starting inside the block) survive it.
    """
    wiring = current()
    before = {name: getattr(wiring, name) for name in changes}
    for name, value in changes.items():
        setattr(wiring, name, value)
    if "master_keys" in changes:
        wiring.ring = None
    try:
        yield wiring
    finally:
        for name, value in before.items():
            setattr(wiring, name, value)
        if "master_keys" in changes:
            wiring.ring = None


def with_groups(**groups: Any) -> Settings:
    """The process's settings with some groups replaced (``sync=SyncSettings(...)``)."""
    return current().settings.model_copy(update=groups)
