"""Identity tunables (timeouts, throttling, hashing cost) and the clock, in one place.

Production defaults live here; operators override them with ``METERWISE_*`` variables and
tests swap in cheaper hashing and a fake clock with ``configure`` (never by weakening the
defaults). A module-level object because services, jobs and the CLI all need the same one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from meterwise.security.passwords import DEFAULT_PARAMS, HashParams, make_hasher


class IdentitySettings(BaseSettings):
    """Session lifetimes, token lifetimes and brute-force limits."""

    model_config = SettingsConfigDict(env_prefix="METERWISE_", extra="ignore", frozen=True)

    session_idle_minutes: float = Field(default=30, gt=0)
    session_absolute_hours: float = Field(default=12, gt=0)
    mfa_challenge_minutes: float = Field(default=5, gt=0)
    api_token_max_days: int = Field(default=365, ge=1)
    api_token_unused_days: int = Field(default=30, ge=1)  # never/no longer used -> expired
    invite_default_days: int = Field(default=7, ge=1)
    throttle_max_attempts: int = Field(default=10, ge=1)  # the next one is refused
    throttle_window_minutes: float = Field(default=15, gt=0)
    throttle_lock_minutes: float = Field(default=15, gt=0)
    throttle_free_attempts: int = Field(default=3, ge=0)  # before delays start
    throttle_delay_base_seconds: float = Field(default=0.25, ge=0)
    throttle_delay_max_seconds: float = Field(default=4.0, ge=0)

    @property
    def session_idle(self) -> timedelta:
        return timedelta(minutes=self.session_idle_minutes)

    @property
    def session_absolute(self) -> timedelta:
        return timedelta(hours=self.session_absolute_hours)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class _Policy:
    settings: IdentitySettings | None = None
    hash_params: HashParams = DEFAULT_PARAMS
    clock: Callable[[], datetime] = staticmethod(_utcnow)


_policy = _Policy()


def settings() -> IdentitySettings:
    if _policy.settings is None:
        _policy.settings = IdentitySettings()
    return _policy.settings


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
