"""Analytics tunables, read from ``METERWISE_USAGE_*`` variables (defaults are production values).

A module-level object like the sync and identity settings: the GraphQL layer, the CSV export
and tests share it; tests override by environment (subprocesses) or ``configure``.
"""

from __future__ import annotations

from meterwise.config import UsageSettings, current_settings

__all__ = ["UsageSettings", "configure", "usage_settings"]



class _Holder:
    settings: UsageSettings | None = None


_holder = _Holder()


def usage_settings() -> UsageSettings:
    """The usage group of the process settings, unless a test replaced it."""
    return _holder.settings or current_settings().usage


def configure(settings: UsageSettings | None) -> None:
    """Replace the settings (tests); ``None`` goes back to the process settings."""
    _holder.settings = settings
