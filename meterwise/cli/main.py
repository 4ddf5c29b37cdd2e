"""``meterwise`` console script: parse, dispatch, and turn user mistakes into one line."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from meterwise.cli import (
    audit,
    backup,
    commands,
    demo,
    incident_actions,
    incidents,
    invites,
    keys,
)
from meterwise.config import ConfigError

log = logging.getLogger("meterwise.cli")


class CliError(Exception):
    """A user-fixable problem: printed as one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="meterwise", description="Security-first meter for AI/API spend.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    serve = sub.add_parser("serve", help="run the API (embedded default when nothing is set)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--ssl-certfile", default=None, help="PEM certificate (chain): TLS 1.3")
    serve.add_argument("--ssl-keyfile", default=None, help="PEM private key for --ssl-certfile")
    serve.set_defaults(run=commands.serve)

    worker = sub.add_parser("worker", help="run Dramatiq worker processes (production mode)")
    worker.add_argument("--processes", type=int, default=None)
    worker.add_argument("--threads", type=int, default=None)
    worker.set_defaults(run=commands.worker)

    scheduler = sub.add_parser("scheduler", help="enqueue due periodic jobs (production mode)")
    scheduler.set_defaults(run=commands.scheduler)

    migrate = sub.add_parser("migrate", help="apply database migrations")
    migrate.set_defaults(run=commands.migrate)
    invites.add_parser(sub)
    audit.add_parser(sub)
    keys.add_parser(sub)
    backup.add_parser(sub)
    incident_actions.add_parsers(incidents.add_parser(sub))
    demo.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    try:
        args = build_parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int | None] = args.run
        status = run(args) or 0
    except (CliError, ConfigError, commands.CommandError) as exc:
        print(f"meterwise: error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    raise SystemExit(status)
