"""One clock: services and models read business time from ``clock.now()``, never the OS.

A FakeClock (``wiring.override(clock=...)``) moves every "now" at once only if nothing reads
the wall clock behind its back; this walks the source so a new ``datetime.now(`` fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import meterwise

ROOT = Path(meterwise.__file__).parent
CHECKED = ("services", "models")
# "module:call" -> why it must read the OS clock
ALLOWED = {
    "services/identity/sockets.py:time.time": "socket slots are Redis leases refreshed by "
    "real timers in every process; a fake clock jumping days would expire them all",
    "services/security_events/recorder.py:time.time": "a signed webhook's timestamp is checked "
    "by the receiver against its own real clock",
}
WALL_CLOCK = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
              ("date", "today"), ("time", "time"), ("time", "time_ns")}


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, "owner.call") of each wall-clock read in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (name, node.func.attr) in WALL_CLOCK:
                found.append((node.lineno, f"{name}.{node.func.attr}"))
    return found


def test_services_and_models_read_only_the_one_clock() -> None:
    offenders = []
    for package in CHECKED:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            for line, call in wall_clock_reads(path.read_text(encoding="utf-8")):
                if f"{module}:{call}" not in ALLOWED:
                    offenders.append(f"meterwise/{module}:{line}: {call}()")
    assert offenders == [], "use meterwise.clock.now() (or add to ALLOWED, saying why)"


def test_the_walk_finds_each_spelling() -> None:
    source = ("import datetime as dt, time\nfrom datetime import UTC, date, datetime\n"
              "a = datetime.now(UTC)\nb = dt.datetime.now()\nc = time.time()\n"
              "d = date.today()\ne = datetime.utcnow()\nf = time.monotonic()\n")
    assert [call for _, call in wall_clock_reads(source)] == [
        "datetime.now", "datetime.now", "time.time", "date.today", "datetime.utcnow"]


def test_every_allowance_is_still_needed() -> None:
    for entry in ALLOWED:
        module, call = entry.split(":")
        reads = wall_clock_reads((ROOT / module).read_text(encoding="utf-8"))
        assert call in {c for _, c in reads}, f"{entry} no longer reads the wall clock"
