"""``notify_affected`` over a real SMTP server: every owner and admin of the affected
accounts exactly once, nobody else; a crash half-way resumes without duplicates (the
at-most-once choice for a crash between handing a mail to SMTP and marking it sent)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from meterwise import wiring
from meterwise.config import Settings
from meterwise.models.notices import Notice, NoticeDelivery, NoticeDeliveryStatus
from meterwise.services.notices import campaign as campaign_module
from meterwise.services.notices import notify_affected
from meterwise.services.spend import senders
from tests.console.support import ROOT
from tests.notices.support import FACTS, Team, received, team, text
from tests.spend.smtp import Mailbox, smtp_server
from tests.support.processes import clean_env
from tests.sync.support import add_connection

pytestmark = pytest.mark.usefixtures("db")


class Crash(BaseException):
    """The process dies here (not an ``Exception``: nothing on the way may handle it)."""


async def test_every_owner_and_admin_is_mailed_once_and_nobody_else(mailbox: Mailbox) -> None:
    first, second, bystander = await team(), await team(), await team()

    result = await notify_affected("INC-1", [first.account_id, second.account_id,
                                             first.account_id], FACTS)
    again = await notify_affected("INC-1", [first.account_id, second.account_id], FACTS)

    assert received(mailbox) == {address: 1 for address in first.mailed | second.mailed}
    assert not set(received(mailbox)) & {p.email for p in bystander.people.values()}
    assert (result.accounts, result.recipients, result.sent, result.notices_posted) == (
        2, 4, 4, 2)
    assert (again.sent, again.already_sent, again.notices_posted) == (0, 4, 0)
    assert await Notice.filter(campaign="INC-1").count() == 2
    assert not await Notice.exists(account_id=bystander.account_id)
    mail = mailbox.mails[0].message
    assert mail["Subject"] == f"[Meterwise] {FACTS.title}"
    assert mail["Message-ID"].endswith("@meterwise.test>")
    body = text(mailbox.mails[0])
    for section in ("What happened", FACTS.what_happened, "Which data", "What we did",
                    "What you should do", "Reference: INC-1"):
        assert section in body


async def test_the_mail_says_which_key_to_rotate_and_where(mailbox: Mailbox,
                                                           live_fakes: Any) -> None:
    affected = await team()
    connection = await add_connection(affected.account_id, live_fakes.openai, label="Prod")
    await add_connection(affected.account_id, live_fakes.anthropic, label="Claude")

    await notify_affected("INC-2", [affected.account_id], FACTS)

    body = text(mailbox.mails[0])
    assert (f'OpenAI connection "Prod" (key ending ...{connection.key_hint}): rotate the '
            "organization Admin key") in body
    assert "https://platform.openai.com/settings/organization/admin-keys" in body
    assert "Claude" not in body  # Anthropic keys are not involved
    assert live_fakes.openai.valid_key not in body


async def test_a_crash_after_handing_a_mail_to_smtp_never_mails_twice(
        mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch) -> None:
    affected = [await team() for _ in range(3)]
    real = senders.send_email
    sent = 0

    async def dies_after_the_third(*args: Any, **kwargs: Any) -> None:
        nonlocal sent
        await real(*args, **kwargs)
        sent += 1
        if sent == 3:
            raise Crash()  # the mail left; the row is never marked sent

    monkeypatch.setattr(senders, "send_email", dies_after_the_third)
    with pytest.raises(Crash):
        await notify_affected("INC-3", [t.account_id for t in affected], FACTS)
    monkeypatch.setattr(senders, "send_email", real)
    assert len(mailbox.mails) == 3

    resumed = await notify_affected("INC-3", [t.account_id for t in affected], FACTS)

    everyone = set().union(*(t.mailed for t in affected))
    assert received(mailbox) == {address: 1 for address in everyone}  # never twice
    assert resumed.sent == 3  # the three nobody had tried
    assert resumed.uncertain == [mailbox.mails[2].recipients[0]]  # reported, not re-sent
    assert await NoticeDelivery.filter(status=NoticeDeliveryStatus.SENDING).count() == 1
    assert await Notice.filter(campaign="INC-3").count() == 3
    assert (await notify_affected("INC-3", [t.account_id for t in affected], FACTS)).sent == 0
    assert len(mailbox.mails) == 6


async def test_a_crash_between_recipients_resumes_with_the_rest(
        mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch) -> None:
    affected = [await team() for _ in range(2)]
    real = campaign_module._deliver
    calls = 0

    async def dies_before_the_third(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise Crash()
        await real(*args, **kwargs)

    monkeypatch.setattr(campaign_module, "_deliver", dies_before_the_third)
    with pytest.raises(Crash):
        await notify_affected("INC-4", [t.account_id for t in affected], FACTS)
    monkeypatch.setattr(campaign_module, "_deliver", real)

    resumed = await notify_affected("INC-4", [t.account_id for t in affected], FACTS)

    everyone = set().union(*(t.mailed for t in affected))
    assert received(mailbox) == {address: 1 for address in everyone}
    assert (resumed.sent, resumed.already_sent, resumed.uncertain) == (2, 2, [])


async def test_a_refusing_smtp_server_is_retried_by_the_next_run(mailbox: Mailbox) -> None:
    affected = await team()
    mailbox.refuse = True
    refused = await notify_affected("INC-5", [affected.account_id], FACTS)
    assert (refused.sent, refused.refused, len(mailbox.mails)) == (0, 2, 0)
    assert "refused by the SMTP server" in " ".join(refused.lines())

    mailbox.refuse = False
    retried = await notify_affected("INC-5", [affected.account_id], FACTS)

    assert retried.sent == 2 and received(mailbox) == {a: 1 for a in affected.mailed}


async def test_concurrent_runs_mail_each_recipient_once(mailbox: Mailbox) -> None:
    affected = [await team() for _ in range(3)]
    ids = [t.account_id for t in affected]

    results = await asyncio.gather(*(notify_affected("INC-6", ids, FACTS) for _ in range(3)))

    assert received(mailbox) == {a: 1 for a in set().union(*(t.mailed for t in affected))}
    assert sum(r.sent for r in results) == 6
    assert sum(r.notices_posted for r in results) == 3


async def test_bad_input_is_refused_before_anything_is_sent(db: Starlette,
                                                           mailbox: Mailbox) -> None:
    affected: Team = await team()
    for bad in ("", "x" * 101, "INC 7", "INC-7\r\nBcc: x@example.com"):
        with pytest.raises(ValueError):
            await notify_affected(bad, [affected.account_id], FACTS)
    from dataclasses import replace

    with pytest.raises(ValueError):
        await notify_affected("INC-7", [affected.account_id],
                              replace(FACTS, what_happened="x" * 5000))
    with pytest.raises(ValueError):
        await notify_affected("INC-7", [affected.account_id], replace(FACTS, title="\n"))
    assert mailbox.mails == [] and not await NoticeDelivery.exists()


KILLED_RUN = """
import asyncio, sys
from uuid import UUID
from meterwise.config import Settings
from meterwise.runtime import open_runtime
from meterwise.services.notices import notify_affected
from tests.notices.support import FACTS

async def main() -> None:
    async with open_runtime(Settings(), run_scheduler=False):
        await notify_affected(sys.argv[1], [UUID(a) for a in sys.argv[2:]], FACTS)

asyncio.run(main())
"""


async def test_a_run_killed_mid_send_resumes_without_mailing_anyone_twice(
        settings: Settings, database_url: str, data_dir: Path) -> None:
    affected = [await team() for _ in range(3)]
    ids = [str(t.account_id) for t in affected]
    with smtp_server() as box:
        box.stall_at = 3  # the third mail reaches the server, its answer never comes
        env = clean_env(database_url=database_url, data_dir=str(data_dir),
                        master_key_file=str(settings.resolved_master_key_file()),
                        smtp_url=box.url, email_from="security@meterwise.test")
        proc = subprocess.Popen([sys.executable, "-c", KILLED_RUN, "INC-8", *ids], env=env,
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while len(box.mails) < 3 and proc.poll() is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            assert len(box.mails) == 3, proc.stderr.read().decode() if proc.stderr else ""
        finally:
            proc.kill()  # SIGKILL: no cleanup, no finally, nothing marked
            proc.wait(10)
        mailing = wiring.settings().model_copy(update={"smtp_url": SecretStr(box.url)})
        box.stall_at = None
        with wiring.override(settings=mailing):
            resumed = await notify_affected("INC-8", [t.account_id for t in affected], FACTS)

    everyone = set().union(*(t.mailed for t in affected))
    assert received(box) == {address: 1 for address in everyone}
    assert (resumed.sent, resumed.already_sent) == (3, 2)
    assert resumed.uncertain == [box.mails[2].recipients[0]]
