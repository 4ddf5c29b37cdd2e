"""``meterwise backup create FILE`` / ``meterwise backup restore FILE``.

Works in the embedded default (the running embedded database, or one started for the
command) and with ``METERWISE_DATABASE_URL``. See ``services/backup`` for what a backup
holds: the ``public`` schema, encrypted with the active master key; never the keystore.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from meterwise.cli import operator_access
from meterwise.cli.commands import CommandError, wired_settings
from meterwise.db.migrate import apply_migrations
from meterwise.keys import master_key_loader
from meterwise.runtime import database_url, open_runtime
from meterwise.services import account_deletion
from meterwise.services.backup import BackupError, check_restorable, create_backup, restore_backup


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("backup", help="encrypted backups of the database")
    actions = parser.add_subparsers(dest="backup_command", required=True,
                                    parser_class=type(parser))
    create = actions.add_parser("create", help="write an encrypted backup to FILE")
    create.add_argument("file", type=Path)
    create.set_defaults(run=create_command)
    restore = actions.add_parser("restore", help="restore FILE into an empty database")
    restore.add_argument("file", type=Path)
    restore.set_defaults(run=restore_command)


@operator_access.operator_access("backup.create", touched=lambda args: {
    "file": str(args.file), "scope": "whole database"})
def create_command(args: argparse.Namespace) -> int:
    settings = wired_settings()
    ring = master_key_loader(settings)()

    async def run() -> int:
        async with database_url(settings) as url:
            return await asyncio.to_thread(create_backup, url, args.file, ring)

    try:
        size = asyncio.run(run())
        operator_access.touched(bytes=size, master_key=ring.active.id)
    except BackupError as exc:
        raise CommandError(str(exc)) from None
    print(f"backup written to {args.file} ({size} bytes, encrypted with master key "
          f"'{ring.active.id}')")
    return 0


@operator_access.operator_access("backup.restore", touched=lambda args: {
    "file": str(args.file), "scope": "whole database"}, log_failures=False)
def restore_command(args: argparse.Namespace) -> int:
    settings = wired_settings()
    ring = master_key_loader(settings)()
    if not args.file.is_file():
        raise CommandError(f"{args.file} does not exist")

    async def run() -> None:
        async with database_url(settings) as url:
            version = await check_restorable(url)
            await apply_migrations(url)  # the keystore schema exists even on a new server
            await asyncio.to_thread(restore_backup, url, args.file, ring,
                                    server_version=version)

    async def purge() -> int:
        async with open_runtime(settings, run_scheduler=False, migrate=False):
            return await account_deletion.purge_tombstoned()

    try:
        asyncio.run(run())
    except BackupError as exc:
        raise CommandError(str(exc)) from None
    purged = asyncio.run(purge())
    if purged:
        print(f"purged {purged} rows of accounts deleted after this backup was taken")
    print(f"restored {args.file}; run `meterwise migrate` if this version is newer than the "
          "backup's")
    return 0
