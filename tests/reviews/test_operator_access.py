"""Operator access is logged: every data-touching CLI command writes an audit entry."""

from __future__ import annotations

import asyncio
import os
import pwd
import socket
from pathlib import Path
from typing import Any

import pytest

from meterwise.cli.main import build_parser
from meterwise.cli.operator_access import ACCESS_MARK, EXEMPT_MARK
from meterwise.config import Settings
from meterwise.models.audit import AuditEvent
from meterwise.services import audit
from tests.support.cli import leaf_commands
from tests.support.identity import new_account
from tests.support.processes import clean_env, run

pytestmark = pytest.mark.usefixtures("db")


def test_every_subcommand_declares_whether_it_touches_customer_data() -> None:
    commands = dict(leaf_commands(build_parser()))
    assert {"backup create", "backup restore", "keys rotate", "invites create",
            "audit verify", "demo"} <= set(commands)
    undeclared = [name for name, fn in commands.items()
                  if not hasattr(fn, ACCESS_MARK) and not hasattr(fn, EXEMPT_MARK)]
    assert not undeclared, f"declare @operator_access or @no_customer_data on: {undeclared}"
    exempt = {name for name, fn in commands.items() if hasattr(fn, EXEMPT_MARK)}
    assert exempt == {"serve", "worker", "scheduler"}
    for name, fn in commands.items():  # one action per command, named after it
        if name not in exempt:
            assert getattr(fn, ACCESS_MARK) == name.replace(" ", ".")


def _env(settings: Settings) -> dict[str, str]:
    assert settings.database_url is not None
    return clean_env(database_url=settings.database_url.get_secret_value(),
                     data_dir=str(settings.data_dir))


async def test_a_cli_backup_writes_an_operator_audit_entry(settings: Settings,
                                                           tmp_path: Path) -> None:
    target = tmp_path / "backup.mwb"
    result = await asyncio.to_thread(run, ["backup", "create", str(target)], _env(settings))
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 0
    events = await AuditEvent.filter(action="operator.backup.create")
    assert len(events) == 1
    event = events[0]
    me = pwd.getpwuid(os.geteuid()).pw_name
    assert event.target == f"{me}@{socket.gethostname()}"
    meta: dict[str, Any] = dict(event.metadata)
    assert meta["operator"]["os_user"] == me and meta["operator"]["uid"] == os.geteuid()
    assert meta["command"] == "meterwise backup create"
    assert meta["touched"]["file"] == str(target)
    assert meta["touched"]["bytes"] == target.stat().st_size
    assert meta["outcome"] == "ok"
    assert (await audit.verify()).broken is None  # a real link of the chain


async def test_a_failed_command_is_logged_with_its_outcome(settings: Settings) -> None:
    result = await asyncio.to_thread(run, ["keys", "rotate-account", "not-a-uuid"],
                                     _env(settings))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    event = await AuditEvent.get(action="operator.keys.rotate-account")
    assert dict(event.metadata)["outcome"] == "failed (CommandError)"


async def test_an_account_command_names_the_account(settings: Settings) -> None:
    account_id = await new_account()
    result = await asyncio.to_thread(run, ["keys", "rotate-account", str(account_id)],
                                     _env(settings))
    assert result.returncode == 0, result.stderr
    event = await AuditEvent.get(action="operator.keys.rotate-account")
    assert event.account_id == account_id  # the account's own audit log shows it
    assert dict(event.metadata)["outcome"] == "ok"


async def test_an_invite_is_logged_without_its_code(settings: Settings) -> None:
    result = await asyncio.to_thread(run, ["invites", "create", "--uses", "2"], _env(settings))
    assert result.returncode == 0, result.stderr
    code = result.stdout.strip().splitlines()[-1]
    event = await AuditEvent.get(action="operator.invites.create")
    assert dict(event.metadata)["touched"] == {"uses": 2, "expires_in_days": None}
    assert code not in str(event.metadata) and code not in str(event.target)


async def test_verify_logs_on_an_intact_chain_and_not_onto_a_broken_one(
        settings: Settings, database_url: str) -> None:
    import asyncpg

    ok = await asyncio.to_thread(run, ["audit", "verify"], _env(settings))
    assert ok.returncode == 0, ok.stderr
    assert await AuditEvent.filter(action="operator.audit.verify").count() == 1
    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute("UPDATE audit_event SET action = 'edited' WHERE seq = 1")
    finally:
        await conn.close()
    broken = await asyncio.to_thread(run, ["audit", "verify"], _env(settings))
    assert broken.returncode == 1
    assert await AuditEvent.all().count() == 1  # the evidence is left as it was
