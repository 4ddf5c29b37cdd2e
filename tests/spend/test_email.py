"""EMAIL channels over real SMTP: the alert arrives once; a refusing server is retried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from pydantic import SecretStr

from meterwise.config import Settings
from meterwise.models.identity import Role
from meterwise.models.spend import AlertKind, ChannelKind, Delivery, DeliveryStatus
from meterwise.services.spend import channels, outbox
from meterwise.services.spend.alerts import NewAlert, raise_alert
from meterwise.services.viewer import Viewer
from tests.spend.smtp import smtp_server
from tests.support.identity import new_account

pytestmark = pytest.mark.usefixtures("db")

NOW = datetime(2026, 6, 15, 12, tzinfo=UTC)


async def email_channel(account: UUID, settings: Settings) -> None:
    await channels.create_channel(
        Viewer(user_id=uuid4(), account_id=account, role=Role.OWNER),
        channels.ChannelInput(kind=ChannelKind.EMAIL, name="Finance",
                              target="finance@example.com"), settings)


def alert() -> NewAlert:
    return NewAlert(kind=AlertKind.BUDGET_THRESHOLD, severity="critical",
                    title="Budget June reached 100%", message="Spent 101.00 of 100.00 USD.",
                    dedupe_key="budget:x:2026-06-01:100")


async def test_an_alert_is_mailed_once(settings: Settings) -> None:
    account = await new_account()
    with smtp_server() as box:
        mailing = settings.model_copy(update={"smtp_url": SecretStr(box.url),
                                              "email_from": "alerts@meterwise.test"})
        await email_channel(account, mailing)
        await raise_alert(account, alert(), now=NOW)
        await raise_alert(account, alert(), now=NOW)
        await outbox.deliver_due(now=NOW, settings=mailing)
        await outbox.deliver_due(now=NOW + timedelta(hours=1), settings=mailing)

    assert len(box.mails) == 1
    mail = box.mails[0]
    assert mail.sender == "alerts@meterwise.test"
    assert mail.recipients == ["finance@example.com"]
    assert mail.message["Subject"] == "[Meterwise] Budget June reached 100%"
    assert "Spent 101.00 of 100.00 USD." in mail.message.get_payload()


async def test_a_refusing_smtp_server_is_retried(settings: Settings) -> None:
    account = await new_account()
    with smtp_server() as box:
        mailing = settings.model_copy(update={"smtp_url": SecretStr(box.url)})
        await email_channel(account, mailing)
        await raise_alert(account, alert(), now=NOW)
        box.refuse = True
        await outbox.deliver_due(now=NOW, settings=mailing)
        failed = await Delivery.get(account_id=account)
        box.refuse = False
        await outbox.deliver_due(now=NOW + outbox.backoff(1), settings=mailing)

    assert failed.status is DeliveryStatus.PENDING
    assert failed.last_error == "SMTP failed (SMTPSenderRefused)"
    assert len(box.mails) == 1
    assert (await Delivery.get(account_id=account)).status is DeliveryStatus.DELIVERED
