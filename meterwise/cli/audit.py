"""``meterwise audit verify``: walk the audit log's hash chain; exit 1 at the first break."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from meterwise.cli.orm import orm
from meterwise.config import configure_settings, load_settings
from meterwise.logs import configure_logging
from meterwise.security.auditchain import ChainBreak
from meterwise.services.audit import verify_log


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("audit", help="the tamper-evident audit log")
    actions = parser.add_subparsers(dest="audit_command", required=True,
                                    parser_class=type(parser))
    verify = actions.add_parser("verify", help="check the hash chain (exit 1 if tampered)")
    verify.set_defaults(run=verify_chain)


def verify_chain(args: argparse.Namespace) -> int:
    settings = load_settings()
    configure_settings(settings)
    configure_logging(settings)

    async def run() -> tuple[int, ChainBreak | None]:
        async with orm(settings):
            return await verify_log()

    checked, broken = asyncio.run(run())
    if broken is not None:
        print(f"audit log BROKEN at event {broken.event_id} (seq {broken.seq}): {broken.reason}"
              f"; {checked} event(s) before it are intact", file=sys.stderr)
        print(f"broken: {broken.event_id}")
        return 1
    print(f"audit log intact: {checked} event(s)")
    return 0
