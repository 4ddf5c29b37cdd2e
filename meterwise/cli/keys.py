"""``meterwise keys``: master-key rotation, status and retirement, data-key rotation.

Where the master keys live decides what ``rotate`` can do: with a key file (the embedded
default's ``<data dir>/master.keys`` or ``METERWISE_MASTER_KEY_FILE``) it appends a fresh
version itself; with ``METERWISE_MASTER_KEYS`` it cannot change the environment, so the
operator appends the new key, restarts every process, and ``rotate`` then only re-wraps.
Either way running processes keep working: they reload the ring when they meet a key id
they do not know.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

from meterwise.cli.commands import CommandError, wired_settings
from meterwise.cli.operator_access import operator_access
from meterwise.config import Settings
from meterwise.keys import writable_key_file
from meterwise.runtime import open_runtime
from meterwise.security.masterkeys import MasterKeyError, add_version, remove_version
from meterwise.services import vault
from meterwise.services.vault import keyring, rotation

_ENV_HELP = (
    "master keys come from METERWISE_MASTER_KEYS, which meterwise cannot change: append a new "
    "entry '<id>:<base64 of 32 random bytes>' (openssl rand -base64 32; the last entry is the "
    "active key), restart every meterwise process, then run `meterwise keys rotate` again"
)


def add_parser(sub: Any) -> None:
    """Add ``keys`` and its subcommands to the top-level parser."""
    keys = sub.add_parser("keys", help="master-key rotation and status")
    actions = keys.add_subparsers(dest="keys_command", required=True, parser_class=type(keys))
    rotate = actions.add_parser("rotate", help="new master-key version + re-wrap every data key")
    rotate.add_argument("--batch", type=int, default=keyring.DEFAULT_BATCH,
                        help="data keys re-wrapped per transaction")
    rotate.set_defaults(run=rotate_command)
    status = actions.add_parser("status", help="versions and how many data keys each wraps")
    status.set_defaults(run=status_command)
    retire = actions.add_parser("retire", help="remove a version that wraps no data key")
    retire.add_argument("key_id")
    retire.set_defaults(run=retire_command)
    shred = actions.add_parser(
        "shred", help="after account deletions: new master version, re-wrap, retire the old "
        "ones (old keystore copies stop opening)")
    shred.add_argument("--force", action="store_true",
                       help="rotate and retire even when no deletion is pending")
    shred.set_defaults(run=shred_command)
    account = actions.add_parser("rotate-account", help="rotate one account's data key")
    account.add_argument("account_id")
    account.set_defaults(run=rotate_account_command)


def _key_file(settings: Settings) -> Path | None:
    """The key file ``rotate`` may extend, or None when keys come from the environment."""
    return writable_key_file(settings)


@operator_access("keys.rotate", touched=lambda args: {"data_keys": "all"})
def rotate_command(args: argparse.Namespace) -> int:
    settings = wired_settings()
    if not 1 <= args.batch <= 10_000:
        raise CommandError("--batch must be 1-10000")
    return asyncio.run(_rotate(settings, args.batch))


async def _rotate(settings: Settings, batch: int) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    async with open_runtime(settings, run_scheduler=False):
        key_file = _key_file(settings)
        if key_file is None:
            if await keyring.pending() == 0:
                raise CommandError(f"nothing to re-wrap: {_ENV_HELP}")
            print("master keys come from METERWISE_MASTER_KEYS: re-wrapping data keys under the "
                  f"last entry '{vault.master_ring(reload=True).active.id}' (no new key added)")
        else:
            try:
                new_id = add_version(key_file)
            except MasterKeyError as exc:
                raise CommandError(str(exc)) from None
            print(f"added master key '{new_id}' to {key_file}; it is now the active key")
            if not settings.embedded_database:
                print("note: every process must read this same key file (e.g. a shared secret "
                      "volume)", file=sys.stderr)
        with Progress(TextColumn("re-wrapping data keys"), BarColumn(), MofNCompleteColumn(),
                      transient=not sys.stdout.isatty()) as bar:
            task = bar.add_task("rewrap", total=None)

            def show(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            done = await keyring.rewrap_all(batch=batch, progress=show)
        left = await keyring.pending()
        print(f"re-wrapped {done} data keys; {left} left on older versions")
        if left:
            raise CommandError(f"{left} data keys are still on older versions (another run may "
                               "hold them); run `meterwise keys rotate` again to finish")
    return 0


@operator_access("keys.status")
def status_command(args: argparse.Namespace) -> int:
    settings = wired_settings()

    async def run() -> list[keyring.VersionStatus]:
        async with open_runtime(settings, run_scheduler=False):
            return await keyring.status()

    versions = asyncio.run(run())
    print(f"{'version':<34} {'data keys':>9}  state")
    for v in versions:
        state = ("active" if v.active else "retirable" if v.retirable
                 else "MISSING from the key ring" if not v.in_ring else "in use")
        print(f"{v.id:<34} {v.data_keys:>9}  {state}")
    return 1 if any(not v.in_ring for v in versions) else 0


@operator_access("keys.retire", touched=lambda args: {"master_key": args.key_id})
def retire_command(args: argparse.Namespace) -> int:
    settings = wired_settings()
    key_file = _key_file(settings)
    if key_file is None:
        raise CommandError("master keys come from METERWISE_MASTER_KEYS: remove the entry "
                           "there once `meterwise keys status` shows it retirable")

    async def run() -> None:
        async with open_runtime(settings, run_scheduler=False):
            versions = {v.id: v for v in await keyring.status()}
            found = versions.get(args.key_id)
            if found is None or not found.in_ring:
                raise CommandError(f"no master key '{args.key_id}' in the key ring")
            if not found.retirable:
                raise CommandError(f"master key '{args.key_id}' is "
                                   f"{'active' if found.active else 'still in use'}; "
                                   "rotate first")
            try:
                remove_version(key_file, args.key_id)
            except MasterKeyError as exc:
                raise CommandError(str(exc)) from None

    asyncio.run(run())
    print(f"retired master key '{args.key_id}'; backups made with it can no longer be restored")
    return 0


@operator_access("keys.rotate-account", account="account_id")
def rotate_account_command(args: argparse.Namespace) -> int:
    settings = wired_settings()
    try:
        account_id = UUID(args.account_id)
    except ValueError:
        raise CommandError("ACCOUNT_ID must be a UUID") from None

    async def run() -> rotation.RotationResult:
        async with open_runtime(settings, run_scheduler=False):
            try:
                if not await vault.check_account_keys(account_id):
                    raise CommandError(f"account {account_id} has no data key")
                return await rotation.rotate_account_key(account_id)
            except vault.SecretUnavailable as exc:
                raise CommandError(f"account {account_id}: {exc}") from None

    result = asyncio.run(run())
    print(f"account {account_id}: new data key {result.new_key_id}, {result.resealed} secrets "
          f"re-sealed, {result.old_keys_deleted} old keys deleted")
    return 0


@operator_access("keys.shred", touched=lambda args: {"force": args.force})
def shred_command(args: argparse.Namespace) -> int:
    settings = wired_settings()

    async def run() -> keyring.ShredRotation:
        async with open_runtime(settings, run_scheduler=False):
            try:
                return await keyring.rotate_after_deletions(_key_file(settings),
                                                            force=args.force)
            except MasterKeyError as exc:
                raise CommandError(str(exc)) from None

    result = asyncio.run(run())
    if result.new_key_id is None:
        print("no deleted account awaits a master-key rotation")
        return 0
    print(f"{result.deletions} deletion(s) covered: master key '{result.new_key_id}' active, "
          f"{result.rewrapped} data keys re-wrapped, retired: {', '.join(result.retired) or '-'}")
    print("destroy every other copy of the retired key(s) (key-file backups included); "
          "backups made before now need them: take a new `meterwise backup create`")
    return 0
