"""Browser fixtures: real Chromium (Debian's package) driven by Playwright, against a real
``meterwise serve`` process with the fake providers.

Chromium is found on PATH; when missing and this is root with apt-get (CI images), it is
installed; otherwise the browser tests skip with one line saying why, except with
``CI=true``, where a missing browser fails the run. Playwright's own browser download is
never used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes, start_fakes
from tests.console.support import ROOT, SOURCES
from tests.support.processes import clean_env, free_port, spawn, wait_http
from tests.sync.support import provider_env

BROWSERS = ("chromium", "chromium-browser")
ARTIFACTS = ROOT / "artifacts" / "console"


def find_chromium() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


def ensure_chromium() -> str:
    """Chromium's path, installing it with apt-get when root; else skip (fail in CI)."""
    path = find_chromium()
    if path is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
                       capture_output=True, timeout=900, check=False)
        path = find_chromium()
    if path is None:
        missing("Chromium is not installed and cannot be installed here (needs root and "
                "apt-get): browser tests skipped")
    assert path is not None
    return path


def missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a missing browser fails the run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Any]:
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        missing("playwright is not installed: browser tests skipped")
    executable = ensure_chromium()
    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=executable)
        yield chromium
        await chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from the console's npm devDependencies (installed with ``npm ci`` if needed)."""
    path = SOURCES / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"],
                       cwd=SOURCES, capture_output=True, timeout=900, check=False)
    if not path.is_file():
        missing("axe-core is not installed (npm ci in console/ needs npm): browser tests "
                "skipped")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fakes() -> Iterator[Fakes]:
    with start_fakes(seed=14, days=30) as running:
        yield running


@pytest.fixture(scope="module")
def console_url(settings: Settings, database_url: str, data_dir: Path, fakes: Fakes,
                app: object
                ) -> Iterator[str]:
    """``meterwise serve`` in development mode on the test database, jobs and live events
    in-process (no Redis), providers pointed at the fakes."""
    port = free_port()
    env = clean_env(database_url=database_url, data_dir=str(data_dir),
                    master_key_file=str(settings.resolved_master_key_file()),
                    usage_live_recheck_seconds="30", **provider_env(fakes))
    with spawn(["serve", "--port", str(port)], env) as proc:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc)
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
