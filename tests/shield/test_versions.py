"""Minimum safe versions of the libraries that face the network, installed and declared.

Each floor is past the advisories that matter to us, and past the behaviour we rely on:
- strawberry-graphql 0.341: WebSocket Origin allow-list, subscription cap, extensions as
  factories (earlier: CSRF via multipart GET, CVE-2024-47082; type confusion in
  relay/unions, CVE-2025-22151);
- starlette 1.0: multipart DoS fixes (CVE-2024-47874, CVE-2025-54121), Range header ReDoS
  (CVE-2025-62727), and the lifespan-only app model the app factory uses;
- tortoise-orm 1.1.9: the context-scoped connections our lifespan and workers rely on
  (and past the 0.x SQL-injection fixes in filters and ordering).
"""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

MINIMUM = {
    "strawberry-graphql": Version("0.341.0"),
    "starlette": Version("1.0.0"),
    "tortoise-orm": Version("1.1.9"),
}
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_installed_version_is_safe(name: str) -> None:
    assert Version(version(name)) >= MINIMUM[name]


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_declared_floor_is_safe(name: str) -> None:
    """A fresh install from pyproject.toml cannot resolve to an unsafe version."""
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    requirement = next(Requirement(d) for d in dependencies if Requirement(d).name == name)
    floors = [Version(s.version) for s in requirement.specifier if s.operator in {">=", "=="}]
    assert floors and max(floors) >= MINIMUM[name], str(requirement)
