"""Analytics tunables, read from ``METERWISE_USAGE_*`` variables (defaults are production values).

The usage group of the one process settings (``meterwise.wiring``), shared by the GraphQL
layer, the CSV export and tests (which replace it with ``wiring.override``).
"""

from __future__ import annotations

from meterwise.config import UsageSettings
from meterwise.wiring import current

__all__ = ["UsageSettings", "usage_settings"]


def usage_settings() -> UsageSettings:
    """The usage group of the process settings."""
    return current().settings.usage
