"""Time the shield's document walk on chained fragments, before and after (run by hand).

    .venv/bin/python scripts/bench_walks.py [--before abc123] [--max-before-seconds 20]

The document is issue 10's ``{ ...F0 } fragment F<i> on Query { ...F<i+1> ...F<i+1> }``
chained ``n`` deep (2^n copies of ``me { id }`` from about 40 bytes a level). "after" is
this tree's ``walk`` (depth, aliases, cost, auth fields, directives in one memoised pass);
"before" is the depth, alias and cost walkers of ``--before`` (default: the commit before
the walk existed), loaded from git, run as the old extensions ran them (depth + aliases
while validating, cost twice: limit and rate limit). The old walkers are exponential, so
"before" stops once one n takes longer than ``--max-before-seconds``.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphql import DocumentNode, parse  # noqa: E402

from meterwise.config import Settings  # noqa: E402
from meterwise.schema import build_schema  # noqa: E402
from meterwise.schema.guards.walk import walk  # noqa: E402

BEFORE = "e285574"


def chained(n: int) -> str:
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}"
                         for i in range(n))
    return f"query {{ ...F0 }} {fragments} fragment F{n} on Query {{ me {{ id }} }}"


def old_module(commit: str, path: str, name: str) -> types.ModuleType:
    """``path`` as it was at ``commit``, imported under ``name``."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{path}"],
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType(name)
    exec(compile(source, f"{commit}:{path}", "exec"), module.__dict__)
    sys.modules[name] = module
    return module


def old_walk(commit: str) -> Callable[[Any, DocumentNode], None]:
    rules = old_module(commit, "meterwise/schema/guards/rules.py", "_old_rules")
    cost = old_module(commit, "meterwise/schema/guards/cost.py", "_old_cost")

    def run(schema: Any, document: DocumentNode) -> None:
        rules.shape_errors(document, max_depth=10, max_aliases=15, max_directives=20)
        for _ in range(2):  # QueryLimits.on_execute, then RateLimits._cost
            with contextlib.suppress(cost.CostError):
                cost.operation_cost(schema, document, None, {})

    return run


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE)
    parser.add_argument("--max-before-seconds", type=float, default=20.0)
    parser.add_argument("--min-n", type=int, default=10)
    parser.add_argument("--max-n", type=int, default=30)
    args = parser.parse_args()
    schema = build_schema(Settings())._schema
    before = old_walk(args.before)
    print(f"{'n':>3} {'bytes':>6} {'before (s)':>12} {'after (ms)':>11}")
    give_up = False
    for n in range(args.min_n, args.max_n + 1):
        text = chained(n)
        document = parse(text)
        after = min(timed(lambda d=document: walk(schema, d, None, {})) for _ in range(5))
        old = "-"
        if not give_up:
            seconds = timed(lambda d=document: before(schema, d))
            old = f"{seconds:.3f}"
            give_up = seconds > args.max_before_seconds
        print(f"{n:>3} {len(text):>6} {old:>12} {after * 1000:>11.2f}", flush=True)


if __name__ == "__main__":
    main()
