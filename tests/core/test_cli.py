"""CLI errors are one clear line and a non-zero exit; production refuses unsafe settings."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import yaml

from tests.support.processes import clean_env, free_port, run, spawn, wait_http


def compose_api_healthcheck() -> str:
    """The Python snippet docker-compose.yml runs to decide the api container is healthy."""
    path = Path(__file__).resolve().parents[2] / "docker-compose.yml"
    compose = yaml.safe_load(path.read_text())
    test = compose["services"]["api"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    return str(test[3])


TEST_MASTER_KEYS = "k1:" + base64.b64encode(os.urandom(32)).decode()


def _one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_unknown_command_is_one_line() -> None:
    result = run(["frobnicate"], clean_env())
    assert result.returncode == 2
    assert "invalid choice: 'frobnicate'" in _one_line_error(result.stderr)


def test_bad_port_is_one_line(tmp_path: object) -> None:
    result = run(["serve", "--port", "nope"], clean_env())
    assert result.returncode == 2
    assert "--port: invalid int value" in _one_line_error(result.stderr)


def test_invalid_setting_names_the_variable() -> None:
    result = run(["migrate"], clean_env(env="staging"))
    assert result.returncode == 2
    line = _one_line_error(result.stderr)
    assert "METERWISE_ENV" in line


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({}, "no master key: set METERWISE_MASTER_KEYS or METERWISE_MASTER_KEY_FILE"),
        ({"master_keys": TEST_MASTER_KEYS, "debug": "true"}, "METERWISE_DEBUG is on"),
        ({"master_keys": TEST_MASTER_KEYS, "provider_openai_base_url": "http://127.0.0.1:1/v1"},
         "METERWISE_PROVIDER_OPENAI_BASE_URL uses http://"),
        ({"master_keys": TEST_MASTER_KEYS, "database_url": ""},
         "METERWISE_DATABASE_URL is not set"),
    ],
)
def test_production_refuses_insecure_configuration(settings: dict[str, str], expected: str) -> None:
    base = {"env": "production", "database_url": "postgres://x@127.0.0.1/x",
            "redis_url": "redis://127.0.0.1:1/0"}
    base.update(settings)
    env = clean_env(**{k: v for k, v in base.items() if v})
    result = run(["serve"], env, timeout=30)
    assert result.returncode == 2
    line = _one_line_error(result.stderr)
    assert line.startswith("meterwise: error: refusing to start in production:")
    assert expected in line


def test_worker_needs_production_settings() -> None:
    result = run(["worker"], clean_env())
    assert result.returncode == 2
    assert "set METERWISE_DATABASE_URL and METERWISE_REDIS_URL" in _one_line_error(result.stderr)


@pytest.mark.slow
def test_production_serves_graphql_without_graphiql(database_url: str, redis_url: str,
                                                     redis_prefix: str) -> None:
    port = free_port()
    env = clean_env(env="production", database_url=database_url, redis_url=redis_url,
                    redis_prefix=redis_prefix, master_keys=TEST_MASTER_KEYS)
    with spawn(["serve", "--port", str(port)], env) as server:
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/healthz", proc=server)
        proxied = {"x-forwarded-proto": "https"}  # production serves HTTP only behind a proxy
        ide = httpx.get(f"{base}/graphql", headers={"accept": "text/html", **proxied})
        assert ide.status_code in {404, 405}
        assert "graphiql" not in ide.text.lower()
        answer = httpx.post(f"{base}/graphql", json={"query": "{ __typename }"}, headers=proxied)
        assert answer.json() == {"data": {"__typename": "Query"}}
        ready = httpx.get(f"{base}/readyz", headers=proxied).json()
        assert ready["checks"] == {"database": "ok", "redis": "ok", "keys": "ok"}
        # docker-compose's api healthcheck, run as written against this production server
        check = compose_api_healthcheck().replace("127.0.0.1:8000", f"127.0.0.1:{port}")
        probe = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                               timeout=30, check=False)
        assert probe.returncode == 0, probe.stderr


def test_invalid_group_setting_names_its_variable() -> None:
    result = run(["migrate"], clean_env(sync_lease_seconds="soon"))
    assert result.returncode == 2
    assert "invalid setting METERWISE_SYNC_LEASE_SECONDS" in _one_line_error(result.stderr)
