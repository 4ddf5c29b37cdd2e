"""An unacknowledged SEV1 reaches its security contacts at open and the next level after
each delay (a real SMTP server and a local webhook receiver), and stops once acknowledged;
every notification is on the timeline."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from pydantic import SecretStr

from meterwise.config import Settings
from meterwise.models.incidents import (
    EntryKind,
    Incident,
    IncidentNotification,
    IncidentSeverity,
)
from meterwise.models.spend import DeliveryStatus
from meterwise.security import standard_webhooks
from meterwise.services.incidents import escalation, records, transitions
from meterwise.services.spend.outbox import backoff
from tests.shield.webhook import Receiver, webhook_receiver
from tests.spend.smtp import Mailbox, smtp_server
from tests.support.identity import FakeClock

pytestmark = pytest.mark.usefixtures("db")
SECRET = standard_webhooks.new_secret()


def with_contacts(settings: Settings, box: Mailbox, receiver: Receiver, **more: Any
                  ) -> Settings:
    contacts = (f"mailto:oncall@example.com,1={receiver.url},2=mailto:lead@example.com,"
                f"3=mailto:cto@example.com")
    data = {**settings.model_dump(), "incident_contacts": contacts,
            "smtp_url": SecretStr(box.url), "email_from": "incidents@meterwise.test",
            "security_webhook_secret": SecretStr(SECRET), **more}
    return Settings.model_validate(data)


async def tick(settings: Settings) -> int:
    """What the ``incidents.escalate`` job does each minute."""
    await escalation.escalate_due(settings=settings)
    return await escalation.deliver_due(settings=settings)


def recipients(box: Mailbox) -> list[str]:
    return [r for mail in box.mails for r in mail.recipients]


async def sev1() -> Incident:
    return await records.open_incident(title="Master key leaked on a paste site",
                                       severity=IncidentSeverity.SEV1, actor="operator:t@h")


async def test_an_unacknowledged_sev1_escalates_until_acknowledged(
        settings: Settings, clock: FakeClock) -> None:
    with smtp_server() as box, webhook_receiver() as receiver:
        mailing = with_contacts(settings, box, receiver)
        incident = await sev1()
        assert await tick(mailing) == 2  # level 1 at open: an e-mail and a webhook
        clock.advance(timedelta(minutes=14, seconds=59))
        assert await tick(mailing) == 0
        clock.advance(timedelta(seconds=1))
        assert await tick(mailing) == 1  # level 2 after 15 minutes
        await transitions.acknowledge(str(incident.id), actor="operator:t@h")
        clock.advance(timedelta(hours=2))
        assert await tick(mailing) == 0  # level 3 never comes

    assert recipients(box) == ["oncall@example.com", "lead@example.com"]
    assert "Master key leaked" in box.mails[0].message["Subject"]
    body = box.mails[0].message.get_payload(decode=True)
    assert isinstance(body, bytes)
    assert f"meterwise incidents ack {incident.id}" in body.decode()
    [hook] = receiver.deliveries
    assert standard_webhooks.verify(SECRET, hook.headers, hook.body)
    assert hook.event["type"] == "incident.escalated"
    assert hook.event["data"]["incidentId"] == str(incident.id)
    assert hook.event["data"]["level"] == 1

    entries = [e for e in await records.timeline(incident.id)
               if e.kind is EntryKind.NOTIFICATION]
    assert sorted(e.ref or "" for e in entries) == sorted(
        ["escalation:1", "escalation:2"]
        + [f"notification:{n.id}" for n in await IncidentNotification.all()])
    delivered = [e.text for e in entries if "delivered" in e.text]
    assert sorted(delivered) == sorted([
        "level 1 notification delivered to mailto:oncall@example.com",
        "level 1 notification delivered to http://127.0.0.1",
        "level 2 notification delivered to mailto:lead@example.com"])
    assert receiver.url not in str([e.text for e in entries])  # hints only: scheme and host
    assert (await Incident.get(id=incident.id)).escalation_level == 2


async def test_a_scheduler_that_was_down_reaches_every_due_level_once(
        settings: Settings, clock: FakeClock) -> None:
    with smtp_server() as box, webhook_receiver() as receiver:
        mailing = with_contacts(settings, box, receiver)
        incident = await sev1()
        clock.advance(timedelta(hours=1))
        await asyncio.gather(tick(mailing), tick(mailing), tick(mailing))
        await tick(mailing)

    assert sorted(recipients(box)) == ["cto@example.com", "lead@example.com",
                                       "oncall@example.com"]
    assert len(receiver.deliveries) == 1
    refreshed = await Incident.get(id=incident.id)
    assert refreshed.escalation_level == 3 and refreshed.next_escalation_at is None


async def test_a_failing_receiver_is_retried_and_a_removed_contact_given_up(
        settings: Settings, clock: FakeClock) -> None:
    with smtp_server() as box, webhook_receiver() as receiver:
        mailing = with_contacts(settings, box, receiver)
        receiver.fail_first = 1
        incident = await sev1()
        assert await tick(mailing) == 1  # the e-mail; the webhook answered 500
        hook = await IncidentNotification.get(channel="webhook")
        assert hook.status is DeliveryStatus.PENDING
        assert hook.last_error == "answered HTTP 500"
        clock.advance(backoff(1))
        assert await tick(mailing) == 1
        assert len(receiver.deliveries) == 1

        clock.advance(timedelta(minutes=15))
        box.refuse = True  # level 2's mail fails, then the contact is removed
        await tick(mailing)
        fewer = with_contacts(settings, box, receiver,
                              incident_contacts="mailto:oncall@example.com")
        clock.advance(backoff(1))
        await tick(fewer)

    lead = await IncidentNotification.get(level=2)
    assert lead.status is DeliveryStatus.FAILED
    assert lead.last_error == "the contact is no longer configured"
    texts = [e.text for e in await records.timeline(incident.id)]
    assert ("level 2 notification to mailto:lead@example.com given up after 2 attempt(s): "
            "the contact is no longer configured") in texts


async def test_contacts_are_validated_without_echoing_them() -> None:
    with pytest.raises(ValueError, match="contact 2: use mailto:ADDRESS or https://URL"):
        Settings(_env_file=None, incident_contacts="mailto:a@example.com,ftp://x")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="contact 1: level must be 1 to 5"):
        Settings(_env_file=None, incident_contacts="7=mailto:a@example.com")  # type: ignore[call-arg]
    production = Settings(_env_file=None, env="production",  # type: ignore[call-arg]
                          incident_contacts="https://hooks.example.com/t0ken")
    assert ("METERWISE_INCIDENT_CONTACTS has a webhook but METERWISE_SECURITY_WEBHOOK_SECRET "
            "is not set (webhooks are signed)") in production.production_problems()
    assert all("t0ken" not in p for p in production.production_problems())
