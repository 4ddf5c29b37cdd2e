"""docker-compose.yml describes the production topology (no Docker engine here: read it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from meterwise.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_production_services() -> None:
    services = _compose()["services"]
    assert set(services) == {"postgres", "redis", "migrate", "api", "worker", "scheduler"}


def test_meterwise_services_run_real_cli_commands_in_production_mode() -> None:
    services = _compose()["services"]
    parser = build_parser()
    for name in ("migrate", "api", "worker", "scheduler"):
        command = services[name]["command"]
        assert command[0] == "meterwise"
        parser.parse_args(command[1:])  # raises on a command the CLI does not have
        env = services[name]["environment"]
        assert env["METERWISE_ENV"] == "production"
        assert env["METERWISE_DATABASE_URL"].startswith("postgres://")
        assert env["METERWISE_REDIS_URL"].startswith("redis://")
        assert env["METERWISE_MASTER_KEY_FILE"]
    assert [services[n]["command"][1] for n in ("migrate", "api", "worker", "scheduler")] == [
        "migrate", "serve", "worker", "scheduler"]


def test_services_wait_for_health_and_migration() -> None:
    services = _compose()["services"]
    for name in ("postgres", "redis", "api", "worker", "scheduler"):
        assert "healthcheck" in services[name], name
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["migrate"]["restart"] == "no"
    for name in ("api", "worker", "scheduler"):
        deps = services[name]["depends_on"]
        assert deps["migrate"]["condition"] == "service_completed_successfully"
        assert deps["redis"]["condition"] == "service_healthy"


def test_api_is_published_on_loopback_only() -> None:
    assert _compose()["services"]["api"]["ports"] == ["127.0.0.1:8000:8000"]
