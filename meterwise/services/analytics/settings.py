"""Analytics tunables, read from ``METERWISE_USAGE_*`` variables (defaults are production values).

A module-level object like the sync and identity settings: the GraphQL layer, the CSV export
and tests share it; tests override by environment (subprocesses) or ``configure``.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class UsageSettings(BaseSettings):
    """How wide a report may be, and how often a live subscription re-checks its credential."""

    model_config = SettingsConfigDict(env_prefix="METERWISE_USAGE_", extra="ignore", frozen=True)

    max_days_hour: int = Field(default=31, ge=1, le=366)
    max_days_day: int = Field(default=1096, ge=1, le=36_600)  # three years of days
    max_days_week: int = Field(default=3660, ge=1, le=36_600)
    max_days_month: int = Field(default=36_600, ge=1, le=36_600)
    max_points: int = Field(default=50_000, ge=1, le=1_000_000)  # series length cap
    max_export_rows: int = Field(default=1_000_000, ge=1, le=100_000_000)  # CSV rows cap
    live_recheck_seconds: float = Field(default=5.0, gt=0, le=300)  # session still valid?


class _Holder:
    settings: UsageSettings | None = None


_holder = _Holder()


def usage_settings() -> UsageSettings:
    if _holder.settings is None:
        _holder.settings = UsageSettings()
    return _holder.settings


def configure(settings: UsageSettings | None) -> None:
    """Replace the settings (tests); ``None`` re-reads the environment on next use."""
    _holder.settings = settings
