"""``meterwise audit verify|checkpoint``: check the keyed chain and its signed anchors.

``verify`` exits 1 naming the first broken entry: an edited, removed, reordered or
re-keyed event, a forged stored checkpoint, or events missing after a checkpoint (the newest
ones deleted). ``checkpoint`` verifies what was added since the last checkpoint (once), signs
the head and prints one line for the operator to keep off this machine; ``verify
--checkpoint`` takes such lines (or files of them) back, and re-checks the whole chain.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from meterwise.cli import operator_access
from meterwise.cli.commands import wired_settings
from meterwise.cli.orm import orm
from meterwise.config import ConfigError
from meterwise.security.auditchain import Checkpoint, format_checkpoint, parse_checkpoint
from meterwise.services import audit


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("audit", help="the tamper-evident audit log")
    actions = parser.add_subparsers(dest="audit_command", required=True,
                                    parser_class=type(parser))
    verify = actions.add_parser("verify", help="check the hash chain (exit 1 if tampered)")
    verify.add_argument("--checkpoint", action="append", default=[], metavar="FILE_OR_LINE",
                        help="a checkpoint line kept off-box, or a file of them (repeatable)")
    verify.set_defaults(run=verify_chain)
    checkpoint = actions.add_parser("checkpoint",
                                    help="sign the chain's head now and print the line to keep")
    checkpoint.set_defaults(run=checkpoint_command)


def _supplied(values: Sequence[str]) -> list[Checkpoint]:
    """Checkpoint lines from arguments: a file path (every checkpoint line in it) or a line."""
    found: list[Checkpoint] = []
    for value in values:
        path = Path(value)
        lines = (path.read_text(encoding="utf-8").splitlines() if path.is_file()
                 else [value])
        lines = [line for line in lines if "meterwise-audit-checkpoint" in line]
        if not lines:
            raise ConfigError(f"--checkpoint {value!r}: no checkpoint line found")
        for line in lines:
            try:
                found.append(parse_checkpoint(line))
            except ValueError as exc:
                raise ConfigError(f"--checkpoint: {exc}") from None
    return found


@operator_access.operator_access("audit.verify", touched=lambda args: {
    "checkpoints": len(args.checkpoint)})
def verify_chain(args: argparse.Namespace) -> int:
    settings = wired_settings()
    supplied = _supplied(args.checkpoint)

    async def run() -> audit.Verification:
        async with orm(settings):
            result = await audit.verify(supplied)
            if result.broken is None:
                await operator_access.record_current()
            else:
                operator_access.withhold()
            return result

    result = asyncio.run(run())
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    broken = result.broken
    if broken is not None:
        print(f"audit log BROKEN at event {broken.event_id} (seq {broken.seq}): {broken.reason}"
              f"; {result.checked} event(s) checked before it", file=sys.stderr)
        print(f"broken: {broken.event_id}")
        return 1
    print(f"audit log intact: {result.checked} event(s), {result.checkpoints} checkpoint(s)")
    return 0


@operator_access.operator_access("audit.checkpoint")
def checkpoint_command(args: argparse.Namespace) -> int:
    settings = wired_settings()

    async def run() -> Checkpoint:
        async with orm(settings):
            try:  # one verification: the entry goes on once it passed, the head covers it
                return await audit.checkpoint(append=operator_access.record_current)
            except audit.AuditChainBroken:
                operator_access.withhold()  # never onto a broken chain
                raise

    try:
        signed = asyncio.run(run())
    except audit.AuditChainBroken as exc:
        print(f"refusing to checkpoint: {exc}", file=sys.stderr)
        print(f"broken: {exc.broken.event_id}")
        return 1
    print(format_checkpoint(signed))
    return 0
