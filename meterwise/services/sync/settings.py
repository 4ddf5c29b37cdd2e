"""Sync tunables, read from ``METERWISE_SYNC_*`` variables (defaults are production values).

The sync group of the one process settings (``meterwise.wiring``): the scheduler, the jobs
and the GraphQL layer read the same values; tests replace the group with
``wiring.override(settings=wiring.with_groups(sync=...))``.
"""

from __future__ import annotations

from meterwise.config import SyncSettings
from meterwise.wiring import current

__all__ = ["SyncSettings", "sync_settings"]


def sync_settings() -> SyncSettings:
    """The sync group of the process settings."""
    return current().settings.sync
