"""requirements.lock: complete, hashed, tied to pyproject.toml, and checked by the test command.

scripts/_bootstrap.sh runs `scripts/lockfile.py check` before every install, so a
dependency added to pyproject.toml without `scripts/lock` stops `scripts/test` with a
message naming scripts/lock instead of silently installing the old set.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.shield.test_versions import MINIMUM

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
SCRIPT = ROOT / "scripts" / "lockfile.py"


@pytest.fixture(scope="module")
def lockfile() -> Iterator[ModuleType]:
    """scripts/lockfile.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("meterwise_scripts_lockfile", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def check(pyproject: Path, lock: Path = LOCK) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--pyproject", str(pyproject), "--lock", str(lock), "check"],
        capture_output=True,
        text=True,
        check=False,
    )


def pins() -> dict[str, list[tuple[Version, str]]]:
    """name -> [(version, marker)] for every `name==version [; marker]` line of the lock."""
    found: dict[str, list[tuple[Version, str]]] = {}
    for line in LOCK.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]*?))?\s*\\?$", line)
        if match:
            name, version, marker = match.groups()
            found.setdefault(canonicalize_name(name), []).append((Version(version), marker or ""))
    return found


def with_change(tmp_path: Path, old: str, new: str) -> Path:
    text = PYPROJECT.read_text()
    assert old in text
    changed = tmp_path / "pyproject.toml"
    changed.write_text(text.replace(old, new, 1))
    return changed


def test_the_committed_lock_matches_pyproject() -> None:
    done = check(PYPROJECT)
    assert done.returncode == 0, done.stderr


def test_an_added_dependency_makes_the_lock_stale(tmp_path: Path) -> None:
    pyproject = with_change(tmp_path, '  "psutil>=5.9",\n', '  "psutil>=5.9",\n  "leftpad>=1",\n')
    done = check(pyproject)
    assert done.returncode == 1
    assert "scripts/lock" in done.stderr
    assert "requirements.lock" in done.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"pytest>=8.3",', '"pytest>=9",'),  # a dev extra's floor
        ('"hatchling>=1.25"', '"hatchling>=1.25", "setuptools"'),  # the build backend's needs
        ('requires-python = ">=3.11"', 'requires-python = ">=3.12"'),
    ],
)
def test_any_dependency_table_counts(tmp_path: Path, old: str, new: str) -> None:
    assert check(with_change(tmp_path, old, new)).returncode == 1


def test_tool_settings_and_entry_order_do_not(tmp_path: Path) -> None:
    text = PYPROJECT.read_text().replace("line-length = 100", "line-length = 99")
    text = text.replace('  "pyotp>=2.9",\n  "segno>=1.6",\n', '  "segno>=1.6",\n  "pyotp>=2.9",\n')
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(text)
    assert text != PYPROJECT.read_text()
    assert check(pyproject).returncode == 0


def test_a_lock_without_a_fingerprint_is_refused(tmp_path: Path, lockfile: ModuleType) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        "".join(
            line
            for line in LOCK.read_text().splitlines(keepends=True)
            if not line.startswith(lockfile.FINGERPRINT_PREFIX)
        )
    )
    done = check(PYPROJECT, lock)
    assert done.returncode == 1
    assert "scripts/lock" in done.stderr


def test_every_entry_is_pinned_and_hashed() -> None:
    """pip's --require-hashes needs both; and no index or mirror URL is baked in."""
    text = LOCK.read_text()
    entries = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert len(entries) > 50
    for entry in entries:
        assert re.match(r"^[A-Za-z0-9._-]+==\S+", entry), entry
        assert entry.endswith("\\"), f"{entry} has no hashes"
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 3)[3])
    assert all("--hash=sha256:" in block for block in blocks)
    assert not re.search(r"--(extra-)?index-url|--find-links|file:|https?://", text)


def test_pins_satisfy_pyproject_and_the_safe_floors() -> None:
    """Every direct requirement (runtime, every extra, build backend) is in the lock at a
    version its specifier allows, and the security floors of tests/shield hold there too."""
    data = tomllib.loads(PYPROJECT.read_text())
    direct = [
        *data["build-system"]["requires"],
        *data["project"]["dependencies"],
        *(r for extra in data["project"]["optional-dependencies"].values() for r in extra),
    ]
    locked = pins()
    for line in direct:
        requirement = Requirement(line)
        versions = locked.get(canonicalize_name(requirement.name), [])
        assert versions, f"{requirement.name} is not in the lock"
        for version, _marker in versions:
            assert requirement.specifier.contains(version, prereleases=True), (line, version)
    for name, floor in MINIMUM.items():
        assert all(version >= floor for version, _ in locked[name]), name
    assert "pip" in locked and "editables" in locked


def test_pip_is_installed_from_its_own_hashed_line(lockfile: ModuleType) -> None:
    entry = lockfile.lock_entry(LOCK, "pip")
    first, *rest = entry.splitlines()
    assert re.match(r"^pip==\S+ \\$", first)
    assert rest and all(line.strip().startswith("--hash=sha256:") for line in rest)


def test_install_refuses_a_stale_lock(tmp_path: Path) -> None:
    """The Dockerfile calls install directly; a stale lock must stop it before pip runs."""
    pyproject = with_change(tmp_path, '  "psutil>=5.9",\n', '  "psutil>=5.9",\n  "leftpad>=1",\n')
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--pyproject", str(pyproject), "install"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "run scripts/lock" in done.stderr
