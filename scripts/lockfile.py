"""requirements.lock: writing it, its link to pyproject.toml, installing from it with hashes.

Standard library only, so it runs before any virtualenv exists (scripts/_bootstrap.sh, the
Dockerfile). Only writing the lock resolves anything (with uv, which scripts/lock provides);
installing is plain pip in --require-hashes mode.

    python scripts/lockfile.py check             # exit 1 when the lock is stale
    python scripts/lockfile.py lock --uv UV      # regenerate it (scripts/lock does this)
    python scripts/lockfile.py install [--extra dev] [--editable]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
# The lock's header line that ties it to the pyproject.toml it was generated from.
FINGERPRINT_PREFIX = "# pyproject.toml dependencies: sha256:"
# hatchling's editable builds ask for `editables` (get_requires_for_build_editable); it is
# locked beside the backend so `pip install --no-build-isolation -e .` needs nothing unhashed.
EDITABLE_BUILD_REQUIRES = ["editables"]


@dataclass(frozen=True)
class Dependencies:
    """Everything in pyproject.toml that decides what the lock must contain, and nothing else
    (editing tool settings must not make the lock stale). Entries are sorted: their order in
    pyproject.toml does not change a resolution."""

    build_requires: list[str]
    requires_python: str
    dependencies: list[str]
    optional: dict[str, list[str]]

    @classmethod
    def of(cls, pyproject: Path) -> Dependencies:
        data = tomllib.loads(pyproject.read_text())
        project = data.get("project", {})
        return cls(
            build_requires=sorted(data.get("build-system", {}).get("requires", [])),
            requires_python=project.get("requires-python", ""),
            dependencies=sorted(project.get("dependencies", [])),
            optional={
                extra: sorted(requirements)
                for extra, requirements in project.get("optional-dependencies", {}).items()
            },
        )


def fingerprint(pyproject: Path) -> str:
    """A digest of the dependency tables; TOML layout and entry order don't count."""
    tables = asdict(Dependencies.of(pyproject))
    canonical = json.dumps(tables, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def recorded_fingerprint(lock: Path) -> str | None:
    """The fingerprint scripts/lock wrote into the lock's header, if any."""
    for line in lock.read_text().splitlines():
        if line.startswith(FINGERPRINT_PREFIX):
            return line.removeprefix(FINGERPRINT_PREFIX).strip()
        if line and not line.startswith("#"):
            return None
    return None


def stale_reason(pyproject: Path, lock: Path) -> str | None:
    """Why the lock does not match pyproject.toml, or None when it does."""
    if not lock.is_file():
        return f"{lock.name} is missing"
    recorded = recorded_fingerprint(lock)
    if recorded is None:
        return f"{lock.name} has no '{FINGERPRINT_PREFIX}…' header line"
    if recorded != fingerprint(pyproject):
        return f"{lock.name} was generated from different dependencies than {pyproject.name}"
    return None


def compile_lock(pyproject: Path, lock: Path, uv: str, uv_args: list[str]) -> None:
    """Writes the lock with `uv pip compile`, then its fingerprint line.

    In it: the runtime dependencies, every extra, the build backend (plus what its editable
    build asks for) and pip itself, each with the hash of every file the index has for the
    pinned version. The resolution is universal (any OS, any CPython the project supports),
    so one lock serves this machine, the Docker image and a laptop. uv keeps the pins already
    in the file unless `uv_args` say --upgrade.
    """
    tables = Dependencies.of(pyproject)
    floor = re.search(r">=\s*([0-9.]+)", tables.requires_python)
    extra_args = [arg for extra in sorted(tables.optional) for arg in ("--extra", extra)]
    command = [
        uv, "pip", "compile", "--quiet", pyproject.name, "-", *extra_args,
        "--generate-hashes", "--universal",
        *(["--python-version", floor.group(1)] if floor else []),
        "--custom-compile-command", "scripts/lock", "-o", str(lock), *uv_args,
    ]  # fmt: skip
    also_locked = [*tables.build_requires, *EDITABLE_BUILD_REQUIRES, "pip"]  # stdin: "-"
    done = subprocess.run(
        command, input="\n".join(also_locked) + "\n", text=True, cwd=pyproject.parent, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"meterwise: uv pip compile failed (exit {done.returncode})")
    # uv rewrites the whole file: the fingerprint goes under its two header lines each time.
    lines = lock.read_text().splitlines(keepends=True)
    lines.insert(2, f"{FINGERPRINT_PREFIX}{fingerprint(pyproject)}\n")
    lock.write_text("".join(lines))


def lock_entry(lock: Path, name: str) -> str:
    """One package's pinned line with its hashes, as pip reads it (for pip itself)."""
    lines = lock.read_text().splitlines()
    start = next(
        (i for i, line in enumerate(lines) if line.lower().startswith(f"{name.lower()}==")),
        None,
    )
    if start is None:
        raise SystemExit(f"meterwise: {lock.name} pins no {name}; run scripts/lock")
    entry = [lines[start]]
    while entry[-1].endswith("\\"):
        entry.append(lines[start + len(entry)])
    return "\n".join(entry) + "\n"


def requested(pyproject: Path, extras: list[str], editable: bool) -> list[str]:
    """What one install asks for: the project's dependencies (plus extras) and its build
    backend, each then taken from the lock at its pinned version and hashes."""
    tables = Dependencies.of(pyproject)
    wanted = [*tables.build_requires, *tables.dependencies]
    for extra in extras:
        if extra not in tables.optional:
            raise SystemExit(f"meterwise: pyproject.toml has no extra {extra!r}")
        wanted += tables.optional[extra]
    if editable:
        wanted += EDITABLE_BUILD_REQUIRES
    return wanted


def pip(*args: str) -> None:
    """pip of the interpreter running this file (the virtualenv's), quietly, exit on failure."""
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", *args]
    if subprocess.run(command, check=False).returncode != 0:
        raise SystemExit(f"meterwise: failed: {' '.join(command[2:])}")


def install(pyproject: Path, lock: Path, extras: list[str], editable: bool) -> None:
    """Installs the project with every distribution hash-checked against the lock.

    pip comes first, from its own locked line: older pips cannot take hashes from a
    constraints file. Then pyproject's requirements are resolved against the lock as
    constraints in --require-hashes mode (anything the lock lacks has no hash and fails),
    wheels only (no build scripts run). The project itself goes last, without deps and
    without build isolation (its backend is already installed, hashed), then `pip check`.
    """
    reason = stale_reason(pyproject, lock)
    if reason:
        raise SystemExit(f"meterwise: {reason}; run scripts/lock")
    hashed = ["--require-hashes", "--only-binary", ":all:"]
    with tempfile.TemporaryDirectory() as scratch:
        pip_entry = Path(scratch, "pip.txt")
        pip_entry.write_text(lock_entry(lock, "pip"))
        pip("install", *hashed, "--no-deps", "-r", str(pip_entry))
        wanted = Path(scratch, "requested.txt")
        wanted.write_text("\n".join(requested(pyproject, extras, editable)) + "\n")
        pip("install", *hashed, "-c", str(lock), "-r", str(wanted))
    project = ["-e", str(pyproject.parent)] if editable else [str(pyproject.parent)]
    pip("install", "--no-deps", "--no-build-isolation", *project)
    pip("check")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyproject", type=Path, default=PYPROJECT)
    parser.add_argument("--lock", type=Path, default=LOCK)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="exit 1 when the lock does not match pyproject.toml")
    installing = commands.add_parser("install", help="install the project from the lock")
    installing.add_argument("--extra", action="append", default=[], dest="extras")
    installing.add_argument("--editable", action="store_true")
    locking = commands.add_parser("lock", help="regenerate the lock with uv")
    locking.add_argument("--uv", required=True, help="the uv executable")
    locking.add_argument("uv_args", nargs="*", help="passed to `uv pip compile` (after --)")
    args = parser.parse_args(argv)
    if args.command == "check":
        reason = stale_reason(args.pyproject, args.lock)
        if reason:
            print(
                f"meterwise: {reason}. Run scripts/lock and commit {args.lock.name}.",
                file=sys.stderr,
            )
            return 1
    elif args.command == "lock":
        compile_lock(args.pyproject, args.lock, args.uv, args.uv_args)
        print(f"meterwise: wrote {args.lock.name}", file=sys.stderr)
    else:
        install(args.pyproject, args.lock, args.extras, args.editable)
    return 0


if __name__ == "__main__":
    sys.exit(main())
