"""Registry of jobs by name, filled by the job modules listed in ``JOB_MODULES``."""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from meterwise.jobs.base import JobSpec

JOB_MODULES = ("meterwise.tasks.system", "meterwise.tasks.audit", "meterwise.tasks.vault",
               "meterwise.tasks.identity", "meterwise.tasks.security_events",
               "meterwise.tasks.sync", "meterwise.tasks.spend", "meterwise.tasks.reviews",
               "meterwise.tasks.incidents")

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])
_jobs: dict[str, JobSpec] = {}


def job(name: str, *, max_retries: int = 3, time_limit_ms: int = 10 * 60_000,
        min_backoff_ms: int = 1_000, max_backoff_ms: int = 60_000) -> Callable[[F], F]:
    """Register an async function as job ``name`` with an explicit retry policy."""

    def register(fn: F) -> F:
        if name in _jobs and _jobs[name].fn is not fn:
            raise ValueError(f"job {name!r} is registered twice")
        _jobs[name] = JobSpec(name=name, fn=fn, max_retries=max_retries,
                              time_limit_ms=time_limit_ms, min_backoff_ms=min_backoff_ms,
                              max_backoff_ms=max_backoff_ms)
        return fn

    return register


def all_jobs() -> dict[str, JobSpec]:
    for module in JOB_MODULES:
        importlib.import_module(module)
    return dict(_jobs)


def lookup(name: str) -> JobSpec:
    jobs = all_jobs()
    if name not in jobs:
        raise LookupError(f"unknown job {name!r}")
    return jobs[name]
