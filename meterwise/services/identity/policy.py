"""Identity tunables (timeouts, throttling, hashing cost), read from the process wiring.

Production defaults live in ``IdentitySettings``; operators override them with
``METERWISE_*`` variables and tests swap in cheaper hashing with ``wiring.override``
(never by weakening the defaults). The time comes from ``meterwise.clock``.
"""

from __future__ import annotations

from argon2 import PasswordHasher

from meterwise.config import IdentitySettings
from meterwise.security.passwords import make_hasher
from meterwise.wiring import current

__all__ = ["IdentitySettings", "hasher", "settings"]


def settings() -> IdentitySettings:
    """The identity group of the process settings."""
    return current().settings.identity


def hasher() -> PasswordHasher:
    return make_hasher(current().hash_params)
