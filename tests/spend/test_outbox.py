"""Channels and the outbox over real HTTP: Standard Webhooks signatures, exactly one send per
alert and channel, retries with backoff then a reported give-up, SSRF refusals, sealing."""

from __future__ import annotations

import asyncio
import itertools
import json
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import httpx
import pytest
from pydantic import SecretStr

from meterwise.config import Environment, Settings
from meterwise.models.identity import Role
from meterwise.models.spend import (
    Alert,
    AlertKind,
    ChannelKind,
    Delivery,
    DeliveryStatus,
    NotificationChannel,
)
from meterwise.security import standard_webhooks
from meterwise.services.spend import channels, outbound, outbox
from meterwise.services.spend.alerts import NewAlert, raise_alert
from meterwise.services.viewer import Viewer
from tests.shield.webhook import webhook_receiver
from tests.support.identity import error_code, gql, new_account, signed_in

pytestmark = pytest.mark.usefixtures("db")

NOW = datetime(2026, 6, 15, 12, tzinfo=UTC)


def owner_of(account_id: UUID) -> Viewer:
    return Viewer(user_id=uuid4(), account_id=account_id, role=Role.OWNER)


def threshold(n: int = 50) -> NewAlert:
    return NewAlert(kind=AlertKind.BUDGET_THRESHOLD, severity="warning",
                    title=f"Budget June reached {n}%", message="Spent 50 of 100 USD.",
                    dedupe_key=f"budget:x:2026-06-01:{n}")


async def webhook(account_id: UUID, url: str, settings: Settings,
                  kinds: tuple[AlertKind, ...] = ()) -> channels.CreatedChannel:
    return await channels.create_channel(owner_of(account_id), channels.ChannelInput(
        kind=ChannelKind.WEBHOOK, name="Ops hook", target=url, alert_kinds=kinds), settings)


async def deliver_all(account_id: UUID, settings: Settings, now: datetime = NOW) -> None:
    for ident in await Delivery.filter(account_id=account_id).values_list("id", flat=True):
        await outbox.deliver(UUID(str(ident)), now=now, settings=settings)


async def test_an_alert_reaches_each_channel_once_with_a_valid_signature(
        settings: Settings) -> None:
    account = await new_account()
    with webhook_receiver() as hook, webhook_receiver() as slack:
        created = await webhook(account, hook.url, settings)
        await channels.create_channel(owner_of(account), channels.ChannelInput(
            kind=ChannelKind.SLACK, name="#spend", target=slack.url), settings)
        alert = await raise_alert(account, threshold(), now=NOW)
        again = await raise_alert(account, threshold(), now=NOW)
        await deliver_all(account, settings)
        await deliver_all(account, settings)  # delivered rows are never sent again
        await outbox.deliver_due(now=NOW + timedelta(hours=2), settings=settings)

    assert alert is not None and again is None
    assert len(hook.deliveries) == 1 and len(slack.deliveries) == 1
    sent = hook.deliveries[0]
    assert created.secret is not None and created.secret.startswith("whsec_")
    assert standard_webhooks.verify(created.secret, sent.headers, sent.body)
    assert not standard_webhooks.verify(created.secret, sent.headers, sent.body + b" ")
    assert sent.headers["webhook-id"].startswith("msg_")
    event = json.loads(sent.body)
    assert event["type"] == "alert.raised"
    assert event["data"]["id"] == str(alert.id)
    assert event["data"]["kind"] == "budget_threshold"
    assert json.loads(slack.deliveries[0].body) == {
        "text": "*Budget June reached 50%*\nSpent 50 of 100 USD."}
    rows = await Delivery.filter(account_id=account)
    assert [(r.status, r.attempts) for r in rows] == [(DeliveryStatus.DELIVERED, 1)] * 2


async def test_a_channel_only_gets_the_kinds_it_asked_for(settings: Settings) -> None:
    account = await new_account()
    with webhook_receiver() as hook:
        await webhook(account, hook.url, settings, kinds=(AlertKind.COST_ANOMALY,))
        await raise_alert(account, threshold(), now=NOW)
        await deliver_all(account, settings)
    assert hook.deliveries == []
    assert await Delivery.filter(account_id=account).count() == 0


async def test_a_failing_receiver_is_retried_with_backoff_then_given_up_and_reported(
        settings: Settings) -> None:
    account = await new_account()
    with webhook_receiver() as hook:
        hook.fail_first = 100
        channel = (await webhook(account, hook.url, settings)).channel
        await raise_alert(account, threshold(), now=NOW)
        (delivery_id,) = await Delivery.filter(account_id=account).values_list("id", flat=True)
        moments = [NOW]
        for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
            early = await outbox.deliver(UUID(str(delivery_id)),
                                         now=moments[-1] - timedelta(seconds=1),
                                         settings=settings)
            assert early is None or attempt == 1  # not due before its backoff
            row = await outbox.deliver(UUID(str(delivery_id)), now=moments[-1],
                                       settings=settings)
            assert row is not None and row.attempts == attempt
            moments.append(row.next_attempt_at)
        gave_up = await outbox.deliver(UUID(str(delivery_id)), now=moments[-1] + timedelta(
            days=1), settings=settings)

    waits = [(b - a).total_seconds() for a, b in itertools.pairwise(moments)]
    assert waits[:5] == [30, 60, 120, 240, 480]
    assert gave_up is None
    row = await Delivery.get(id=delivery_id)
    assert row.status is DeliveryStatus.FAILED
    assert row.last_error == "answered HTTP 500"
    assert hook.deliveries == []
    report = await Alert.get(account_id=account, kind=AlertKind.DELIVERY_FAILED)
    assert channel.name in report.title
    assert "after 6 attempts" in report.message
    assert await Delivery.filter(account_id=account).count() == 1  # the report is in-app only


async def test_a_receiver_recovering_gets_the_alert_on_the_retry(settings: Settings) -> None:
    account = await new_account()
    with webhook_receiver() as hook:
        hook.fail_first = 1
        created = await webhook(account, hook.url, settings)
        await raise_alert(account, threshold(), now=NOW)
        await outbox.deliver_due(now=NOW, settings=settings)
        await outbox.deliver_due(now=NOW + timedelta(seconds=10), settings=settings)  # too early
        delivered = await outbox.deliver_due(now=NOW + timedelta(seconds=30), settings=settings)
    assert delivered == 1
    assert len(hook.deliveries) == 1
    assert created.secret and standard_webhooks.verify(
        created.secret, hook.deliveries[0].headers, hook.deliveries[0].body)


async def test_concurrent_senders_send_a_row_once(settings: Settings) -> None:
    account = await new_account()
    with webhook_receiver() as hook:
        await webhook(account, hook.url, settings)
        await raise_alert(account, threshold(), now=NOW)
        (ident,) = await Delivery.filter(account_id=account).values_list("id", flat=True)
        await asyncio.gather(*[outbox.deliver(UUID(str(ident)), now=NOW, settings=settings)
                               for _ in range(10)])
    assert len(hook.deliveries) == 1


def production(**extra: object) -> Settings:
    return Settings(_env_file=None, env=Environment.PRODUCTION,  # type: ignore[call-arg]
                    master_keys=SecretStr("1:" + "A" * 43 + "="), **extra)


@pytest.mark.parametrize("url", [
    "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest",
    "https://[::1]/hook", "https://localhost/hook", "https://[::ffff:192.168.1.1]/x",
    "https://0.0.0.0/hook",
])
async def test_production_refuses_urls_that_resolve_to_private_addresses(url: str) -> None:
    with pytest.raises(outbound.UnsafeDestination):
        await outbound.resolve(url, production())


async def test_production_refuses_plain_http_and_credentials() -> None:
    with pytest.raises(outbound.UnsafeDestination):
        await outbound.resolve("http://93.184.216.34/hook", production())
    with pytest.raises(outbound.UnsafeDestination):
        await outbound.resolve("https://user:pw@93.184.216.34/hook", production())


async def test_an_allowed_host_may_be_private_and_the_connection_goes_to_the_checked_address(
        ) -> None:
    allowed = production(webhook_allowed_hosts="localhost")
    destination = await outbound.resolve("https://localhost:8443/hook?x=1", allowed)
    assert destination.url in {"https://127.0.0.1:8443/hook?x=1", "https://[::1]:8443/hook?x=1"}
    assert destination.hostname == "localhost"
    assert destination.host_header == "localhost:8443"
    public = await outbound.resolve("https://93.184.216.34/hook", production())
    assert public.url == "https://93.184.216.34/hook"


async def test_development_allows_loopback_but_not_other_private_ranges(
        settings: Settings) -> None:
    assert (await outbound.resolve("http://127.0.0.1:9/x", settings)).hostname == "127.0.0.1"
    with pytest.raises(outbound.UnsafeDestination):
        await outbound.resolve("http://192.168.0.10/x", settings)


async def test_a_refused_destination_is_a_failed_attempt_not_a_request(
        settings: Settings) -> None:
    account = await new_account()
    prod = production()
    with webhook_receiver() as hook:
        await webhook(account, hook.url, settings)  # saved in development
        await raise_alert(account, threshold(), now=NOW)
        await outbox.deliver_due(now=NOW, settings=prod)  # sent by a production worker
    row = await Delivery.get(account_id=account)
    assert hook.deliveries == []
    assert row.status is DeliveryStatus.PENDING and row.attempts == 1
    assert row.last_error == "refused: An https:// URL without credentials."  # http://


async def test_targets_and_secrets_are_sealed_at_rest(settings: Settings) -> None:
    account = await new_account()
    url = "http://127.0.0.1:9/hooks/T000/B000/very-secret-path"
    created = await webhook(account, url, settings)
    row = await NotificationChannel.get(id=created.channel.id)
    assert "very-secret-path" not in row.target_sealed
    assert created.secret is not None and created.secret not in (row.secret_sealed or "")
    assert row.target_hint == "http://127.0.0.1"
    assert await channels.open_target(row) == url
    assert await channels.open_signing_secret(row) == created.secret


CREATE_CHANNEL = ("mutation($input: NotificationChannelInput!) { createNotificationChannel("
                  "input: $input) { channel { id kind name targetHint alertKinds } secret "
                  "errors { code field } } }")
TEST_CHANNEL = ("mutation($id: ID!) { testNotificationChannel(id: $id) { delivery { status "
                "attempts lastError alertId } errors { code } } }")


async def test_channels_over_graphql_with_a_test_send(client: httpx.AsyncClient,
                                                      settings: Settings) -> None:
    token, who = await signed_in(client)
    member, _ = await signed_in(client, Role.MEMBER, account=who.account_id)
    with webhook_receiver() as hook:
        made = await gql(client, CREATE_CHANNEL, {"input": {
            "kind": "WEBHOOK", "name": "Ops", "target": hook.url,
            "alertKinds": ["BUDGET_THRESHOLD"]}}, token=token)
        payload = made["data"]["createNotificationChannel"]
        tested = await gql(client, TEST_CHANNEL, {"id": payload["channel"]["id"]}, token=token)
        denied = await gql(client, CREATE_CHANNEL, {"input": {
            "kind": "WEBHOOK", "name": "Mine", "target": hook.url}}, token=member)
        bad = await gql(client, CREATE_CHANNEL, {"input": {
            "kind": "EMAIL", "name": "Mail", "target": "not-an-address"}}, token=token)
        listed = await gql(client, "{ notificationChannels { id targetHint } }", token=token)

    assert payload["errors"] == []
    assert payload["channel"]["targetHint"] == "http://127.0.0.1"
    assert payload["channel"]["alertKinds"] == ["BUDGET_THRESHOLD"]
    assert tested["data"]["testNotificationChannel"]["delivery"] == {
        "status": "delivered", "attempts": 1, "lastError": None, "alertId": None}
    assert len(hook.deliveries) == 1
    assert json.loads(hook.deliveries[0].body)["type"] == "channel.test"
    assert standard_webhooks.verify(payload["secret"], hook.deliveries[0].headers,
                                    hook.deliveries[0].body)
    assert error_code(denied) == "FORBIDDEN"
    assert bad["data"]["createNotificationChannel"]["errors"] == [
        {"code": "INVALID_INPUT", "field": "input.target"}]
    assert listed["data"]["notificationChannels"] == [
        {"id": payload["channel"]["id"], "targetHint": "http://127.0.0.1"}]
    assert "secret" not in json.dumps(listed)




async def test_a_rotated_secret_signs_and_the_old_one_no_longer_does(
        client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    viewer, _ = await signed_in(client, Role.VIEWER, account=who.account_id)
    rotate = ("mutation($id: ID!) { rotateNotificationChannelSecret(id: $id) { secret "
              "errors { code } } }")
    with webhook_receiver() as hook:
        made = await gql(client, CREATE_CHANNEL, {"input": {
            "kind": "WEBHOOK", "name": "Ops", "target": hook.url}}, token=token)
        payload = made["data"]["createNotificationChannel"]
        channel_id = payload["channel"]["id"]
        denied = await gql(client, rotate, {"id": channel_id}, token=viewer)
        rotated = await gql(client, rotate, {"id": channel_id}, token=token)
        await gql(client, TEST_CHANNEL, {"id": channel_id}, token=token)

    new = rotated["data"]["rotateNotificationChannelSecret"]["secret"]
    assert error_code(denied) == "FORBIDDEN"
    assert new.startswith("whsec_") and new != payload["secret"]
    sent = hook.deliveries[0]
    assert standard_webhooks.verify(new, sent.headers, sent.body)
    assert not standard_webhooks.verify(payload["secret"], sent.headers, sent.body)
