"""``meterwise invites create``: an operator's sign-up invite (the code is the last line)."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from meterwise.cli.commands import CommandError, wired_settings
from meterwise.cli.operator_access import operator_access
from meterwise.cli.orm import orm
from meterwise.services.errors import UserInputError
from meterwise.services.identity import invites


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("invites", help="sign-up invites")
    actions = parser.add_subparsers(dest="invites_command", required=True,
                                    parser_class=type(parser))
    create = actions.add_parser("create", help="create a sign-up invite; prints the code")
    create.add_argument("--uses", type=int, default=1, help="how many sign-ups (default 1)")
    create.add_argument("--expires-in-days", type=int, default=None,
                        help="days until it expires (default 7)")
    create.set_defaults(run=create_invite)


@operator_access("invites.create", touched=lambda args: {
    "uses": args.uses, "expires_in_days": args.expires_in_days})
def create_invite(args: argparse.Namespace) -> int:
    settings = wired_settings()

    async def run() -> str:
        async with orm(settings):
            return await invites.create_signup_invite(uses=args.uses,
                                                      expires_in_days=args.expires_in_days)

    try:
        code = asyncio.run(run())
    except UserInputError as exc:
        raise CommandError(exc.message) from None
    days = args.expires_in_days or "7"
    print(f"Sign-up invite for {args.uses} use(s), valid {days} day(s). Code (shown once):")
    print(code, flush=True)
    return 0
