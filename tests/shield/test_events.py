"""Each kind of security event comes from its trigger and reaches the webhook, signed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from meterwise import pubsub, wiring
from meterwise.config import Settings
from meterwise.models.shield import SecurityEvent, SecurityEventKind
from meterwise.providers.base import UsageRow
from meterwise.security.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify
from meterwise.services import security_events
from meterwise.services.identity import api_tokens, login, mfa
from meterwise.services.identity.common import Client
from meterwise.services.security_events import suspicious
from meterwise.services.sync.ingest import Target, ingest
from meterwise.services.viewer import TokenScope, Viewer
from tests.shield.support import client_for, fresh_ip, post, shield_app
from tests.shield.webhook import Receiver, webhook_receiver
from tests.support.identity import Who, gql, signed_in

SECRET = "whsec-test-" + "x" * 24


@pytest.fixture
def receiver(app: Starlette) -> Iterator[Receiver]:
    jobs = app.state.runtime.jobs
    with webhook_receiver() as running:
        webhook = wiring.with_groups(security_webhook_url=running.url,
                                     security_webhook_secret=SecretStr(SECRET))
        with wiring.override(settings=webhook, jobs=jobs):
            yield running


async def delivered(app: Starlette, receiver: Receiver, count: int) -> list[dict[str, Any]]:
    """Wait for the in-process queue, check every signature, return the events."""
    await app.state.runtime.jobs.drain()
    assert len(receiver.deliveries) == count, [d.event["kind"] for d in receiver.deliveries]
    for delivery in receiver.deliveries:
        assert verify(SECRET, delivery.headers[TIMESTAMP_HEADER.lower()], delivery.body,
                      delivery.headers[SIGNATURE_HEADER.lower()])
        assert not verify("wrong-secret", delivery.headers[TIMESTAMP_HEADER.lower()],
                          delivery.body, delivery.headers[SIGNATURE_HEADER.lower()])
    return [d.event for d in receiver.deliveries]


def by_kind(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(e["kind"]): e for e in events}


def viewer_of(who: Who) -> Viewer:
    return Viewer(user_id=who.user_id, account_id=who.account_id, role=who.role)


async def test_failed_login_burst(app: Starlette, receiver: Receiver) -> None:
    _, who = await signed_in(mfa=False)
    client = Client(ip=fresh_ip(), user_agent="brute/1.0")
    for _ in range(10):
        with pytest.raises(Exception, match="Wrong email or password"):
            await login.log_in(client, email=who.email, password="nope")
    events = await delivered(app, receiver, 2)
    assert {e["kind"] for e in events} == {"failed_login_burst", "failed_login_burst_ip"}
    burst = next(e for e in events if e["kind"] == "failed_login_burst")
    assert burst["accountId"] == str(who.account_id) and burst["severity"] == "high"
    assert "nope" not in str(events)


async def test_login_from_a_new_ip_and_device(app: Starlette, receiver: Receiver) -> None:
    _, who = await signed_in(mfa=False)
    await login.log_in(Client(ip="192.0.2.10", user_agent="Firefox/140"),
                       email=who.email, password=who.password)
    await login.log_in(Client(ip="192.0.2.10", user_agent="Firefox/140"),
                       email=who.email, password=who.password)
    assert await delivered(app, receiver, 0) == []  # the first login is the baseline
    await login.log_in(Client(ip="198.51.100.99", user_agent="curl/8.0"),
                       email=who.email, password=who.password)
    events = by_kind(await delivered(app, receiver, 2))  # deliveries run concurrently
    assert sorted(events) == ["login_new_device", "login_new_ip"]
    assert events["login_new_ip"]["details"] == {"userId": str(who.user_id),
                                                 "ip": "198.51.100.99"}


async def test_totp_replay(app: Starlette, receiver: Receiver) -> None:
    _, who = await signed_in(mfa=True)
    from meterwise.models.identity import User

    user = await User.get(id=who.user_id)
    code = who.totp()
    client = Client(ip=fresh_ip())
    assert await mfa.check_second_factor(user, code, client, who.account_id)
    assert not await mfa.check_second_factor(await User.get(id=who.user_id), code, client,
                                             who.account_id)
    events = await delivered(app, receiver, 1)
    assert events[0]["kind"] == "totp_replay" and events[0]["severity"] == "high"
    assert code not in str(events)


async def test_mfa_disabled(app: Starlette, receiver: Receiver) -> None:
    _, who = await signed_in(mfa=True)
    await mfa.disable(viewer_of(who), Client(ip=fresh_ip()), password=who.password)
    events = await delivered(app, receiver, 1)
    assert events[0]["kind"] == "mfa_disabled"


async def test_api_token_created(app: Starlette, receiver: Receiver) -> None:
    _, who = await signed_in(mfa=True)
    issued = await api_tokens.create_token(viewer_of(who), Client(ip=fresh_ip()), name="ci",
                                           scope=TokenScope.READ_USAGE, expires_in_days=30)
    events = await delivered(app, receiver, 1)
    assert events[0]["kind"] == "api_token_created"
    assert events[0]["details"]["scope"] == "read_usage"
    assert issued.token not in str(events)


async def test_provider_key_replaced(app: Starlette, receiver: Receiver) -> None:
    # connections.replace_key calls this after re-sealing (covered by the connection tests).
    _, who = await signed_in(mfa=True)
    connection_id = uuid4()
    await suspicious.on_provider_key_replaced(user_id=who.user_id, account_id=who.account_id,
                                              connection_id=connection_id)
    events = await delivered(app, receiver, 1)
    assert events[0]["kind"] == "provider_key_replaced"
    assert events[0]["details"]["connectionId"] == str(connection_id)


def row(day: datetime, *, key: str = "key_a", cost: str = "1.00") -> UsageRow:
    return UsageRow(bucket_start=day, bucket_width="1d", source="cost", model=None,
                    project=None, api_key_id=key, cost=Decimal(cost))


async def synced(account_id: UUID, connection_id: UUID, rows: list[UsageRow]) -> None:
    """What the sync runner does with fetched rows: store them, then run the detectors."""
    result = await ingest(Target(account_id, connection_id, "openai"), rows)
    await suspicious.on_sync_rows(account_id=account_id, connection_id=connection_id,
                                  provider="openai", rows=rows, days=result.days)


async def test_unknown_api_key_and_spend_spike(app: Starlette, receiver: Receiver) -> None:
    _, who = await signed_in(mfa=True)
    connection = uuid4()
    start = datetime(2026, 11, 1, tzinfo=UTC)
    baseline = [row(start + timedelta(days=d)) for d in range(8)]
    await synced(who.account_id, connection, baseline)
    assert await delivered(app, receiver, 0) == []  # first sync: learns key_a, no spike
    await synced(who.account_id, connection,
                 [row(start + timedelta(days=8), key="key_b", cost="250.00")])
    events = by_kind(await delivered(app, receiver, 2))
    assert sorted(events) == ["spend_spike", "unknown_api_key"]
    assert events["unknown_api_key"]["details"]["apiKeyId"] == "key_b"
    assert events["spend_spike"]["details"]["baselineMedian"] == "1.00"
    assert events["spend_spike"]["severity"] == "high"


async def test_repeated_rate_limit_hits(app: Starlette, settings: Settings,
                                        receiver: Receiver) -> None:
    asgi = shield_app(app, settings, rate_limit_anonymous_points=1)
    ip = fresh_ip()
    async with client_for(asgi) as http:
        statuses = [(await post(http, "{ node { id } }", ip=ip)).status_code for _ in range(7)]
    assert statuses == [200] + [429] * 6
    events = await delivered(app, receiver, 1)
    assert events[0]["kind"] == "rate_limit_repeated" and events[0]["accountId"] is None


async def test_failed_deliveries_are_retried(app: Starlette, receiver: Receiver) -> None:
    receiver.fail_first = 1
    _, who = await signed_in(mfa=True)
    await suspicious.on_mfa_disabled(user_id=who.user_id, account_id=who.account_id, ip="x")
    events = await delivered(app, receiver, 1)
    assert events[0]["kind"] == "mfa_disabled"
    event = await SecurityEvent.get(id=events[0]["id"])
    assert event.delivered_at is not None


@pytest.fixture
async def http(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app) as client:
        yield client


async def test_owners_page_through_events_and_members_cannot(http: httpx.AsyncClient) -> None:
    from meterwise.models.identity import Role

    token, who = await signed_in(mfa=True)
    member_token, _ = await signed_in(role=Role.MEMBER, account=who.account_id)
    for n in range(3):
        await security_events.record(SecurityEventKind.LOGIN_NEW_IP, account_id=who.account_id,
                                     severity="low", details={"n": n, "password": "hunter2hunter2"})
    _, other = await signed_in(mfa=True)
    await security_events.record(SecurityEventKind.LOGIN_NEW_IP, account_id=other.account_id,
                                 severity="low")

    query = "query($after: String) { securityEvents(first: 2, after: $after) { " \
            "edges { cursor node { kind severity details } } pageInfo { hasNextPage endCursor } } }"
    first = (await gql(http, query, token=token))["data"]["securityEvents"]
    assert [e["node"]["details"]["n"] for e in first["edges"]] == [2, 1]
    assert first["edges"][0]["node"]["details"]["password"] == "[REDACTED]"
    assert first["pageInfo"]["hasNextPage"] is True
    second = (await gql(http, query, {"after": first["pageInfo"]["endCursor"]},
                        token=token))["data"]["securityEvents"]
    assert [e["node"]["details"]["n"] for e in second["edges"]] == [0]
    assert second["pageInfo"]["hasNextPage"] is False
    denied = await gql(http, query, token=member_token)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_new_events_are_published_for_subscribers(app: Starlette) -> None:
    _, who = await signed_in(mfa=True)
    hub = pubsub.current().hub
    async with hub.subscribe(security_events.channel(who.account_id)) as queue:
        await security_events.record(SecurityEventKind.TOTP_REPLAY, account_id=who.account_id,
                                     severity="medium")
        payload = await asyncio.wait_for(queue.get(), 5)
    assert payload["kind"] == "totp_replay" and payload["accountId"] == str(who.account_id)
