"""The owners' digest: a real SMTP server, one mail per owner per review, never twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr

from meterwise import wiring
from meterwise.config import ReviewSettings, Settings
from meterwise.models.identity import Role
from meterwise.models.reviews import ReviewDigest
from meterwise.services.reviews import digest, reviews
from tests.reviews.support import connect_provider
from tests.spend.smtp import smtp_server
from tests.support.identity import FakeClock, signed_in

pytestmark = pytest.mark.usefixtures("db")


async def test_each_owner_gets_the_digest_once(settings: Settings, clock: FakeClock) -> None:
    _, owner = await signed_in()
    _, co_owner = await signed_in(None, Role.OWNER, account=owner.account_id)
    await signed_in(None, Role.ADMIN, account=owner.account_id)  # not an owner: no mail
    _, quiet = await signed_in()  # nothing to find: nothing sent
    await connect_provider(owner.account_id, label="billing key")
    clock.advance(timedelta(days=100))
    with smtp_server() as box:
        mailing = settings.model_copy(update={
            "smtp_url": SecretStr(box.url), "email_from": "reviews@meterwise.test",
            "review": ReviewSettings(inactive_member_days=365)})  # everyone is "new" here
        with wiring.override(settings=mailing):
            assert await reviews.run_due() == 2
            review = await reviews.latest_for(owner.account_id)
            assert review is not None
            assert await digest.send_digests(review.id) == 0  # a re-run sends nothing more
            await digest.queue_digests(review, findings=1)  # nor does queueing again
            assert await digest.send_digests(review.id) == 0

    assert sorted(r for mail in box.mails for r in mail.recipients) == sorted(
        [owner.email, co_owner.email])
    mail = box.mails[0].message
    assert mail["Subject"] == "[Meterwise] Access review: 2 finding(s)"  # stale and idle
    assert box.mails[0].sender == "reviews@meterwise.test"
    body = mail.get_payload(decode=True).decode()
    assert "billing key" in body and "older than 90 days" in body and "no successful" in body
    assert await ReviewDigest.filter(status="sent").count() == 2
    assert not await ReviewDigest.filter(user_id=quiet.user_id).exists()


async def test_a_failed_send_is_recorded_not_retried_forever(settings: Settings,
                                                             clock: FakeClock) -> None:
    _, owner = await signed_in()
    await connect_provider(owner.account_id)
    clock.advance(timedelta(days=100))
    with smtp_server() as box:
        box.refuse = True
        refusing = settings.model_copy(update={"smtp_url": SecretStr(box.url)})
        with wiring.override(settings=refusing):
            await reviews.run_due()
    row = await ReviewDigest.get(user_id=owner.user_id)
    assert row.status == "failed" and "SMTP" in (row.last_error or "")
