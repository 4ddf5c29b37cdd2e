"""``meterwise incidents …`` end to end: real processes on the test database. ``open``
prints the id alone on its last line and notifies level 1; illegal moves are one line and
exit 2; every subcommand writes an audit entry naming the operator."""

from __future__ import annotations

import argparse
import json
import os
import pwd
import socket
from pathlib import Path
from uuid import UUID

import pytest

from meterwise.cli.main import build_parser
from meterwise.cli.operator_access import ACCESS_MARK
from meterwise.config import Settings
from meterwise.models.audit import AuditEvent
from meterwise.models.incidents import Incident, IncidentStatus
from meterwise.services import audit, containment
from tests.notices.support import team
from tests.spend.smtp import smtp_server
from tests.support.cli import leaf_commands
from tests.support.identity import new_account
from tests.support.processes import clean_env, run

pytestmark = pytest.mark.slow


def ok(args: list[str], env: dict[str, str]) -> list[str]:
    result = run(["incidents", *args], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


@pytest.mark.usefixtures("db")
async def test_an_incident_from_open_to_report(database_url: str, tmp_path: Path,
                                               settings: Settings) -> None:
    account = await new_account()
    with smtp_server() as box:
        env = clean_env(database_url=database_url, data_dir=str(tmp_path),
                        master_key_file=str(settings.resolved_master_key_file()),
                        smtp_url=box.url, incident_contacts="mailto:oncall@example.com")
        opened = ok(["open", "--title", "Provider key pasted in a ticket", "--severity",
                     "sev1", "--account", str(account), "--summary", "Found by support"], env)
        ident = opened[-1]
        assert str(UUID(ident)) == ident
        assert [r for mail in box.mails for r in mail.recipients] == ["oncall@example.com"]

        assert any(line.startswith(ident) for line in ok(["list"], env))
        refused = run(["incidents", "close", ident], env)
        assert refused.returncode == 2
        [line] = refused.stderr.strip().splitlines()
        assert "cannot become closed. Allowed next: acknowledged, contained." in line

        ok(["ack", ident[:8], "--note", "paged"], env)
        ok(["owner", ident, "alice"], env)
        ok(["note", ident, "Rotated at the provider"], env)
        item = ok(["checklist", "add", ident, "Confirm no usage under the old key",
                   "--owner", "bob"], env)[-1]
        ok(["resolve", ident], env)
        refused = run(["incidents", "close", ident], env)
        assert refused.returncode == 2 and "1 open checklist item" in refused.stderr
        ok(["checklist", "set", item, "--status", "done"], env)
        ok(["close", ident], env)
        shown = "\n".join(ok(["show", ident], env))
        written = ok(["report", ident, "--out", str(tmp_path / "out")], env)

    assert "owner: alice" in shown and "Rotated at the provider" in shown
    incident = await Incident.get(id=ident)
    assert incident.status is IncidentStatus.CLOSED and incident.owner == "alice"
    data = json.loads((tmp_path / "out" / f"incident-{ident}.json").read_text())
    assert data["affectedAccounts"] == [str(account)]
    texts = [e["text"] for e in data["timeline"]]
    assert "Rotated at the provider" in texts and "acknowledged → resolved" in texts
    assert "level 1 notification delivered to mailto:oncall@example.com" in texts
    assert written[-1].endswith(f"incident-{ident}.json")

    rows = await AuditEvent.filter(action__startswith="operator.incidents.").order_by("seq")
    assert [(r.action.removeprefix("operator.incidents."), r.metadata["outcome"])
            for r in rows] == [
        ("open", "ok"), ("list", "ok"), ("close", "failed (CommandError)"), ("ack", "ok"),
        ("owner", "ok"), ("note", "ok"), ("checklist.add", "ok"), ("resolve", "ok"),
        ("close", "failed (CommandError)"), ("checklist.set", "ok"), ("close", "ok"),
        ("show", "ok"), ("report", "ok")]
    me = pwd.getpwuid(os.geteuid()).pw_name
    assert {r.target for r in rows} == {f"{me}@{socket.gethostname()}"}
    assert all(r.metadata["touched"]["incident"] == ident for r in rows
               if not r.action.endswith(".list"))
    assert (await audit.verify()).broken is None


def test_every_incidents_subcommand_is_declared_operator_access() -> None:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    leaves = dict(leaf_commands(commands.choices["incidents"], ("incidents",)))
    assert {"incidents open", "incidents contain", "incidents notify",
            "incidents checklist add", "incidents report"} <= set(leaves)
    for name, run_command in leaves.items():
        assert getattr(run_command, ACCESS_MARK) == name.replace(" ", "."), name


@pytest.mark.usefixtures("db")
async def test_contain_and_notify_from_the_command_line(database_url: str, tmp_path: Path,
                                                        settings: Settings) -> None:
    hit = await team()
    with smtp_server() as box:
        env = clean_env(database_url=database_url, data_dir=str(tmp_path),
                        master_key_file=str(settings.resolved_master_key_file()),
                        smtp_url=box.url)
        ident = ok(["open", "--title", "Keys exposed", "--severity", "sev1",
                    "--account", str(hit.account_id)], env)[-1]
        contained = ok(["contain", ident, "--action", "freeze_connections", "--reason",
                        "backup exposed"], env)
        facts = ["--title", "Security incident", "--what-happened", "A backup leaked.",
                 "--which-data", "Sealed keys.", "--what-we-did", "Froze syncing.",
                 "--what-to-do", "Rotate your keys.", "--provider", "openai"]
        first = ok(["notify", ident, *facts], env)
        second = ok(["notify", ident, *facts], env)
        missing = run(["incidents", "notify", ident, "--title", "t"], env)
        frozen_before_release = await containment.is_frozen(hit.account_id)
        released = ok(["release", ident, "--action", "freeze_connections", "--reason",
                       "keys rotated"], env)

    assert contained[0].startswith(f"{hit.account_id}: ")
    assert (await Incident.get(id=ident)).status is IncidentStatus.CONTAINED
    assert frozen_before_release
    assert released[0].startswith(f"{hit.account_id}: ")
    assert not await containment.is_frozen(hit.account_id)
    assert sorted(r for mail in box.mails for r in mail.recipients) == sorted(hit.mailed)
    assert "2 e-mail(s) sent now" in first[0] and "0 e-mail(s) sent now" in second[0]
    assert missing.returncode == 2 and "notify needs --what-happened" in missing.stderr
    rows = await AuditEvent.filter(action__startswith="operator.incidents.").order_by("seq")
    assert [(r.action, r.metadata["outcome"]) for r in rows] == [
        ("operator.incidents.open", "ok"), ("operator.incidents.contain", "ok"),
        ("operator.incidents.notify", "ok"), ("operator.incidents.notify", "ok"),
        ("operator.incidents.notify", "failed (CommandError)"),
        ("operator.incidents.release", "ok")]
