"""Sync tunables, read from ``METERWISE_SYNC_*`` variables (defaults are production values).

A module-level object like the identity policy: the scheduler, the jobs and the GraphQL
layer all need the same values, and tests (or a worker subprocess) override them by
environment or with ``configure`` instead of weakening the defaults.
"""

from __future__ import annotations

from meterwise.config import SyncSettings, current_settings

__all__ = ["SyncSettings", "configure", "sync_settings"]



class _Holder:
    settings: SyncSettings | None = None


_holder = _Holder()


def sync_settings() -> SyncSettings:
    """The sync group of the process settings, unless a test replaced it."""
    return _holder.settings or current_settings().sync


def configure(settings: SyncSettings | None) -> None:
    """Replace the settings (tests); ``None`` goes back to the process settings."""
    _holder.settings = settings
