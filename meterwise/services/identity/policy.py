"""Identity tunables (timeouts, throttling, hashing cost) and the clock, in one place.

Production defaults live here; operators override them with ``METERWISE_*`` variables and
tests swap in cheaper hashing and a fake clock with ``configure`` (never by weakening the
defaults). A module-level object because services, jobs and the CLI all need the same one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from argon2 import PasswordHasher

from meterwise.config import IdentitySettings, current_settings
from meterwise.security.passwords import DEFAULT_PARAMS, HashParams, make_hasher


def _utcnow() -> datetime:
    return datetime.now(UTC)


class _Policy:
    settings: IdentitySettings | None = None
    hash_params: HashParams = DEFAULT_PARAMS
    clock: Callable[[], datetime] = staticmethod(_utcnow)


_policy = _Policy()


def settings() -> IdentitySettings:
    """The identity group of the process settings, unless a test replaced it."""
    return _policy.settings or current_settings().identity


def now() -> datetime:
    """The current time (UTC); tests inject a clock to expire sessions without sleeping."""
    return _policy.clock()


def hasher() -> PasswordHasher:
    return make_hasher(_policy.hash_params)


def configure(*, identity_settings: IdentitySettings | None = None,
              hash_params: HashParams | None = None,
              clock: Callable[[], datetime] | None = None) -> None:
    """Replace parts of the policy (tests, or a process that wants other defaults)."""
    if identity_settings is not None:
        _policy.settings = identity_settings
    if hash_params is not None:
        _policy.hash_params = hash_params
    if clock is not None:
        _policy.clock = clock


def reset() -> None:
    """Back to the production defaults and the real clock."""
    _policy.settings = None
    _policy.hash_params = DEFAULT_PARAMS
    _policy.clock = _utcnow
