"""Sync tunables, read from ``METERWISE_SYNC_*`` variables (defaults are production values).

A module-level object like the identity policy: the scheduler, the jobs and the GraphQL
layer all need the same values, and tests (or a worker subprocess) override them by
environment or with ``configure`` instead of weakening the defaults.
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SyncSettings(BaseSettings):
    """How far back a sync reads, how often connections sync, and how long a lease lasts."""

    model_config = SettingsConfigDict(env_prefix="METERWISE_SYNC_", extra="ignore", frozen=True)

    backfill_days: int = Field(default=30, ge=1, le=366)  # a connection's first sync
    lookback_days: int = Field(default=3, ge=1, le=31)  # providers revise recent buckets
    jitter: float = Field(default=0.1, ge=0, lt=1)  # +/- fraction of the interval
    lease_seconds: float = Field(default=60, gt=0, le=3600)  # a dead worker's run frees after
    queued_stale_seconds: float = Field(default=900, gt=0)  # a queued run never picked up
    due_batch: int = Field(default=500, ge=1, le=10_000)  # connections claimed per tick

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.lease_seconds)


class _Holder:
    settings: SyncSettings | None = None


_holder = _Holder()


def sync_settings() -> SyncSettings:
    if _holder.settings is None:
        _holder.settings = SyncSettings()
    return _holder.settings


def configure(settings: SyncSettings | None) -> None:
    """Replace the settings (tests); ``None`` re-reads the environment on next use."""
    _holder.settings = settings
