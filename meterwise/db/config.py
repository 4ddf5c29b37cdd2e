"""Tortoise configuration built from a PostgreSQL URL.

Each domain is its own Tortoise app with its own migrations package, so domains evolve
(and get migrations) independently; cross-domain foreign keys name ``"<app>.<Model>"``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

# app label -> models module. Order matters only for readability; migrations declare deps.
MODEL_APPS: dict[str, str] = {
    "system": "meterwise.models.system",
    "identity": "meterwise.models.identity",
    "vault": "meterwise.models.vault",
    "audit": "meterwise.models.audit",
    "connections": "meterwise.models.connections",
    "usage": "meterwise.models.usage",
    "shield": "meterwise.models.shield",
    "spend": "meterwise.models.spend",
    "reviews": "meterwise.models.reviews",
    "containment": "meterwise.models.containment",
    "notices": "meterwise.models.notices",
    "incidents": "meterwise.models.incidents",
}


def connection_credentials(url: str, *, pool_max: int = 10) -> dict[str, Any]:
    """asyncpg credentials from ``postgres://user:pass@host:port/db`` or a socket URL."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ValueError("database URL must start with postgres:// or postgresql://")
    query = parse_qs(parts.query)
    host = query.get("host", [parts.hostname or "127.0.0.1"])[0]
    database = unquote(parts.path.lstrip("/")) or "postgres"
    return {
        "host": host,
        "port": parts.port or int(query.get("port", ["5432"])[0]),
        "user": unquote(parts.username or "postgres"),
        "password": unquote(parts.password or ""),
        "database": database,
        "minsize": 1,
        "maxsize": pool_max,
    }


def tortoise_config(url: str, *, pool_max: int = 10) -> dict[str, Any]:
    return {
        "connections": {
            "default": {
                "engine": "tortoise.backends.asyncpg",
                "credentials": connection_credentials(url, pool_max=pool_max),
            }
        },
        "apps": {
            label: {
                "models": [module],
                "default_connection": "default",
                "migrations": f"meterwise.migrations.{label}",
            }
            for label, module in MODEL_APPS.items()
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def with_database(url: str, database: str) -> str:
    """The same server URL pointing at another database."""
    parts = urlsplit(url)
    return parts._replace(path="/" + database).geturl()
