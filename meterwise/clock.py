"""The one clock: every "now" in identity, sync leases, authorization and scheduling.

It reads the process wiring, so a test moves time for everything at once
(``wiring.override(clock=fake)``) instead of sleeping past a lease or a session.
"""

from __future__ import annotations

from datetime import datetime

from meterwise.wiring import current


def now() -> datetime:
    """The current time (UTC) from the process's clock."""
    return current().clock()
