"""``meterwise incidents contain|notify``: acting on an incident's affected accounts.

Wired once the containment and notice services land (see the branch report)."""

from __future__ import annotations

from typing import Any


def add_parsers(actions: Any) -> None:
    """Nothing yet."""
