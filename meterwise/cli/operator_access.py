"""Operator access log: every CLI command that reads or changes customer data is audited.

A command declares itself once, where it is defined::

    @operator_access("backup.create", touched=lambda args: {"file": str(args.file)})
    def create_command(args): ...

    @no_customer_data("runs the API; requests are audited by the services")
    def serve(args): ...

and ``tests/reviews/test_operator_access.py`` walks the parser: every subcommand must carry one
of the two, so a new command cannot forget. The wrapper writes one audit event
``operator.<command>`` after the command (success, failure or interrupt): the operator (the
effective OS user, its uid, ``SUDO_USER`` when set, the host), the command line's
subcommand, what it touched (the account, file, key …; commands add detail with
``touched(...)``) and the outcome. A command that already holds the database may write it
itself (``record_current``), e.g. the demo right after seeding, and ``audit checkpoint``
before it signs (so the signed head covers its own access); ``audit verify`` writes none
onto a chain it found broken (``withhold``). When the command succeeded
but its entry cannot be written, the command fails: unlogged operator access is not a
success. Argument values go through the audit log's scrubbing; never put a secret there.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import pwd
import socket
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import UUID

from meterwise import wiring
from meterwise.cli.orm import orm
from meterwise.config import ConfigError
from meterwise.services import audit

ACTION_PREFIX = "operator."
ACCESS_MARK = "__operator_access__"  # the command name, on a decorated run function
EXEMPT_MARK = "__no_customer_data__"  # the reason, on a run function that touches none

Run = Callable[[argparse.Namespace], int | None]
R = TypeVar("R", bound=Run)


@dataclass
class Access:
    """One command's access, filled while it runs."""

    command: str
    touched: dict[str, Any] = field(default_factory=dict)
    account_id: UUID | None = None
    recorded: bool = False


_current: ContextVar[Access | None] = ContextVar("operator_access", default=None)


def operator() -> dict[str, Any]:
    """Who runs this process: the effective user from the OS (not ``$USER``) and the host."""
    uid = os.geteuid()
    try:
        name = pwd.getpwuid(uid).pw_name
    except KeyError:
        name = f"uid-{uid}"
    found: dict[str, Any] = {"os_user": name, "uid": uid, "host": socket.gethostname(),
                             "pid": os.getpid()}
    if os.environ.get("SUDO_USER"):  # claimed by sudo's environment: informative only
        found["sudo_user"] = os.environ["SUDO_USER"][:64]
    return found


def touched(*, account_id: UUID | None = None, **details: Any) -> None:
    """Add what the running command touched (no-op outside an audited command)."""
    access = _current.get()
    if access is None:
        return
    if account_id is not None:
        access.account_id = account_id
    access.touched.update(details)


async def record(access: Access, outcome: str) -> None:
    """Append the entry for ``access`` (the ORM must be open)."""
    who = operator()
    line = "meterwise " + access.command.replace(".", " ")
    await audit.record(ACTION_PREFIX + access.command, account_id=access.account_id,
                       actor_id=None, target=f"{who['os_user']}@{who['host']}", ip=None,
                       user_agent=None, metadata={"operator": who, "command": line,
                                                  "touched": access.touched,
                                                  "outcome": outcome})
    access.recorded = True


async def record_current(outcome: str = "ok") -> None:
    """Write the running command's entry now, on the command's own open database."""
    access = _current.get()
    if access is not None and not access.recorded:
        await record(access, outcome)


def withhold() -> None:
    """Write no entry for the running command: ``audit verify`` found the chain broken,
    and nothing is appended to a broken log (it is evidence, and its output says BROKEN)."""
    access = _current.get()
    if access is not None:
        access.recorded = True


def _write(access: Access, outcome: str) -> None:
    async def run() -> None:
        async with orm(wiring.settings()):
            await record(access, outcome)

    asyncio.run(run())


def operator_access(command: str, *, touched: Callable[[argparse.Namespace], dict[str, Any]]
                    | None = None, account: str | None = None,
                    log_failures: bool = True) -> Callable[[R], R]:
    """Audit the decorated command as ``operator.<command>``; ``touched`` names what its
    arguments point at, ``account`` the argument holding an account id. ``log_failures``
    False: a failed run writes nothing (a restore must leave its empty database empty)."""

    def decorate(fn: R) -> R:
        def run(args: argparse.Namespace) -> int | None:
            access = Access(command, dict(touched(args)) if touched else {})
            if account is not None:
                with contextlib.suppress(ValueError, TypeError):
                    access.account_id = UUID(str(getattr(args, account)))
            token = _current.set(access)
            try:
                status = fn(args)
            except ConfigError:
                raise  # nothing was reached: the settings did not even load
            except BaseException as exc:
                if log_failures and not access.recorded:
                    with contextlib.suppress(Exception):  # best effort: its error follows
                        _write(access, f"failed ({type(exc).__name__})")
                raise
            finally:
                _current.reset(token)
            if not access.recorded:
                try:
                    _write(access, "ok" if not status else f"exit {status}")
                except Exception as exc:
                    from meterwise.cli.commands import CommandError

                    raise CommandError(
                        f"the command ran, but its operator access entry could not be written "
                        f"to the audit log ({type(exc).__name__}); check the database") from None
            return status

        setattr(run, ACCESS_MARK, command)
        run.__doc__, run.__name__ = fn.__doc__, fn.__name__
        return run  # type: ignore[return-value]

    return decorate


def no_customer_data(reason: str) -> Callable[[R], R]:
    """Declare that a command reads and changes no customer data itself (``reason``)."""

    def decorate(fn: R) -> R:
        setattr(fn, EXEMPT_MARK, reason)
        return fn

    return decorate
