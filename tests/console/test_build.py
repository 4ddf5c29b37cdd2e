"""The committed build (``meterwise/web/static``) and generated operation types
(``console/src/gql``) are exactly what the sources produce: ``npm ci``, codegen and
``vite build`` in a copy of ``console/`` must give byte-identical files. Needs Node and
the npm registry (or its cache); skipped with the reason when npm is absent."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.console.support import BUILD, SOURCES

pytestmark = pytest.mark.slow


def digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def npm(*args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(["npm", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=900, check=False)
    assert done.returncode == 0, f"npm {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.mark.timeout(1200)
def test_committed_build_is_reproducible_from_the_sources(tmp_path: Path) -> None:
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed: cannot rebuild the console to compare")
    copy = tmp_path / "console"
    shutil.copytree(SOURCES, copy, ignore=shutil.ignore_patterns("node_modules"))
    shutil.rmtree(copy / "src" / "gql")
    npm("ci", "--no-audit", "--no-fund", "--prefer-offline", cwd=copy)
    npm("run", "codegen", cwd=copy)
    assert digests(copy / "src" / "gql") == digests(SOURCES / "src" / "gql"), (
        "console/src/gql is stale: run `npm run codegen` in console/")
    out = tmp_path / "static"
    npm("run", "build", cwd=copy, env={"METERWISE_CONSOLE_OUT": str(out)})
    assert digests(out) == digests(BUILD), (
        "meterwise/web/static differs from a fresh build: run `npm run build` in console/")
