"""Attacks on spend control through a real server, over HTTP and graphql-transport-ws:
members and viewers trying to manage budgets and channels, other accounts reaching for
budgets, alerts, channels and deliveries by id, the alert stream leaking across accounts,
and channel URLs aimed at the operator's own network in production."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest

from meterwise import pubsub, wiring
from meterwise.models.identity import Role
from meterwise.models.spend import Alert, AlertKind, Budget, BudgetPeriod, Delivery
from meterwise.services.spend.alerts import NewAlert, raise_alert
from tests.adversary.support import LiveServer
from tests.support.identity import signed_in
from tests.usage.data import Row, add_connection, insert_rows

pytestmark = pytest.mark.slow

BUDGET_INPUT = {"name": "Mine now", "amount": "1", "period": "DAY"}
# operation -> (document, variables builder, the roles that may run it)
ADMIN_ONLY = ("OWNER", "ADMIN")


def operations(ids: dict[str, str]) -> dict[str, tuple[str, dict[str, Any], tuple[str, ...]]]:
    return {
        "createBudget": ("mutation($i: BudgetInput!) { createBudget(input: $i) { budget { id } "
                         "errors { code } } }", {"i": BUDGET_INPUT}, ADMIN_ONLY),
        "updateBudget": ("mutation($id: ID!, $i: BudgetInput!) { updateBudget(id: $id, "
                         "input: $i) { budget { id } errors { code } } }",
                         {"id": ids["budget"], "i": BUDGET_INPUT}, ADMIN_ONLY),
        "deleteBudget": ("mutation($id: ID!) { deleteBudget(id: $id) { deletedId "
                         "errors { code } } }", {"id": ids["budget"]}, ADMIN_ONLY),
        "createNotificationChannel": (
            "mutation($i: NotificationChannelInput!) { createNotificationChannel(input: $i) { "
            "channel { id } secret errors { code } } }",
            {"i": {"kind": "WEBHOOK", "name": "x", "target": "https://example.com/h"}},
            ADMIN_ONLY),
        "testNotificationChannel": ("mutation($id: ID!) { testNotificationChannel(id: $id) { "
                                    "delivery { id } errors { code } } }",
                                    {"id": ids["channel"]}, ADMIN_ONLY),
        "rotateNotificationChannelSecret": (
            "mutation($id: ID!) { rotateNotificationChannelSecret(id: $id) { secret "
            "errors { code } } }", {"id": ids["channel"]}, ADMIN_ONLY),
        "deleteNotificationChannel": ("mutation($id: ID!) { deleteNotificationChannel(id: $id)"
                                      " { deletedId errors { code } } }",
                                      {"id": ids["channel"]}, ADMIN_ONLY),
        "notificationChannels": ("{ notificationChannels { id targetHint } }", {}, ADMIN_ONLY),
        "notificationDeliveries": ("{ notificationDeliveries { id status } }", {}, ADMIN_ONLY),
        "acknowledgeAlert": ("mutation($id: ID!) { acknowledgeAlert(id: $id) { alert { id "
                             "acknowledgedAt } errors { code } } }", {"id": ids["alert"]},
                             ("OWNER", "ADMIN", "MEMBER")),
        "budgets": ("{ budgets { id spent } }", {}, ("OWNER", "ADMIN", "MEMBER", "VIEWER")),
        "budget": ("query($id: ID!) { budget(id: $id) { id } }", {"id": ids["budget"]},
                   ("OWNER", "ADMIN", "MEMBER", "VIEWER")),
        "alerts": ("{ alerts(first: 10) { nodes { id } pageInfo { hasNextPage } } }", {},
                   ("OWNER", "ADMIN", "MEMBER", "VIEWER")),
        "spendForecast": ("{ spendForecast(period: MONTH) { spent } }", {},
                          ("OWNER", "ADMIN", "MEMBER", "VIEWER")),
        "reconciliation": ("query($f: UsageFilter!) { reconciliation(filter: $f) { day "
                           "reportedCost } }", {"f": {"from": "2026-06-01T00:00:00Z",
                                                      "to": "2026-06-08T00:00:00Z"}},
                           ("OWNER", "ADMIN", "MEMBER", "VIEWER")),
    }


async def victim_rows(account: UUID, live: LiveServer, owner: str) -> dict[str, str]:
    budget = await Budget.create(account_id=account, name="Victim", amount=Decimal("100"),
                                 period=BudgetPeriod.MONTH, thresholds=[50])
    connection = await add_connection(account)
    await insert_rows([Row(account_id=account, connection_id=connection.id, provider="openai",
                           bucket_start=datetime(2026, 6, 2, tzinfo=UTC), bucket_width="1d",
                           source="cost", model="gpt-4o", cost=Decimal("7"),
                           cost_basis="reported")])
    alert = await raise_alert(account, NewAlert(
        kind=AlertKind.BUDGET_THRESHOLD, severity="warning", title="Victim alert",
        message="secret spend", dedupe_key=f"adversary:{uuid4()}", budget_id=budget.id))
    assert alert is not None
    made = await live.gql(
        "mutation($i: NotificationChannelInput!) { createNotificationChannel(input: $i) { "
        "channel { id } errors { code } } }",
        {"i": {"kind": "SLACK", "name": "Victim", "target": "https://hooks.example.com/T/B/x"}},
        token=owner)
    channel = made["data"]["createNotificationChannel"]["channel"]["id"]
    return {"budget": str(budget.id), "alert": str(alert.id), "channel": channel}


def code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors") or []
    return errors[0].get("extensions", {}).get("code") if errors else None


async def test_roles_below_the_matrix_are_refused_over_http_and_websocket(
        live: LiveServer) -> None:
    owner, who = await signed_in()
    ids = await victim_rows(who.account_id, live, owner)
    tokens = {role: (await signed_in(role=Role[role], account=who.account_id))[0]
              for role in ("MEMBER", "VIEWER")}
    for name, (document, variables, allowed) in operations(ids).items():
        for role, token in tokens.items():
            if role in allowed:
                continue
            over_http = await live.gql(document, variables, token=token)
            async with live.socket(token) as ws:
                over_ws = await ws.execute(document, variables)
            assert code(over_http) == "FORBIDDEN", (name, role, over_http)
            assert over_ws["errors"][0]["extensions"]["code"] == "FORBIDDEN", (name, role)
    assert await Budget.filter(id=ids["budget"]).exists()
    assert (await Alert.get(id=ids["alert"])).acknowledged_at is None


async def test_another_account_finds_nothing_by_id_over_http_and_websocket(
        live: LiveServer) -> None:
    owner, who = await signed_in()
    ids = await victim_rows(who.account_id, live, owner)
    stranger, _ = await signed_in()
    ops = operations(ids)
    for transport in ("http", "ws"):
        async def run(name: str, transport: str = transport) -> dict[str, Any]:
            document, variables, _ = ops[name]
            if transport == "http":
                return (await live.gql(document, variables, token=stranger))["data"]
            async with live.socket(stranger) as ws:
                reply = await ws.execute(document, variables)
            data: dict[str, Any] = reply["data"]
            return data

        assert (await run("budget"))["budget"] is None
        assert (await run("budgets"))["budgets"] == []
        assert (await run("alerts"))["alerts"]["nodes"] == []
        assert (await run("reconciliation"))["reconciliation"] == []
        assert (await run("spendForecast"))["spendForecast"] == {"spent": "0.00"}
        assert (await run("notificationChannels"))["notificationChannels"] == []
        assert (await run("notificationDeliveries"))["notificationDeliveries"] == []
        for name in ("updateBudget", "deleteBudget", "acknowledgeAlert",
                     "testNotificationChannel", "rotateNotificationChannelSecret",
                     "deleteNotificationChannel"):
            assert (await run(name))[name]["errors"] == [{"code": "NOT_FOUND"}], name
    assert await Budget.filter(id=ids["budget"], name="Victim").exists()
    assert (await Alert.get(id=ids["alert"])).acknowledged_at is None
    assert await Delivery.filter(channel_id=ids["channel"], alert_id__isnull=True).count() == 0


ALERT_RAISED = "subscription { alertRaised { id kind title budgetId } }"


async def test_the_alert_stream_reaches_only_its_own_account(live: LiveServer,
                                                               redis_url: str,
                                                               redis_prefix: str) -> None:
    _, who = await signed_in()
    viewer, _ = await signed_in(role=Role.VIEWER, account=who.account_id)
    stranger, _ = await signed_in()
    bus = pubsub.RedisBus(redis_url, prefix=f"{redis_prefix}d")  # the live server's prefix
    try:
        with wiring.override(events=bus):
            async with live.socket(viewer) as mine, live.socket(stranger) as theirs:
                await mine.subscribe(ALERT_RAISED)
                await theirs.subscribe(ALERT_RAISED)
                await asyncio.sleep(0.5)  # both subscriptions registered on the server
                alert = await raise_alert(who.account_id, NewAlert(
                    kind=AlertKind.BUDGET_FORECAST, severity="warning", title="On track to exceed",
                    message="m", dedupe_key=f"stream:{uuid4()}"))
                got = await mine.receive(10)
                with pytest.raises(TimeoutError):
                    await theirs.receive(1.5)
    finally:
        await bus.close()
    assert alert is not None
    assert got["type"] == "next"
    assert got["payload"]["data"]["alertRaised"] == {
        "id": str(alert.id), "kind": "BUDGET_FORECAST", "title": "On track to exceed",
        "budgetId": None}


async def test_production_refuses_channel_urls_into_the_private_network(
        live_production: LiveServer) -> None:
    owner, _ = await signed_in()
    create = ("mutation($i: NotificationChannelInput!) { createNotificationChannel(input: $i) "
              "{ channel { id } errors { code field } } }")
    plain = await live_production.gql(create, {"i": {
        "kind": "WEBHOOK", "name": "x", "target": "http://example.com/h"}}, token=owner)
    internal = await live_production.gql(create, {"i": {
        "kind": "WEBHOOK", "name": "metadata", "target": "https://169.254.169.254/latest"}},
        token=owner)
    channel = internal["data"]["createNotificationChannel"]["channel"]["id"]
    tested = await live_production.gql(
        "mutation($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError "
        "} } }", {"id": channel}, token=owner)

    assert plain["data"]["createNotificationChannel"]["errors"] == [
        {"code": "INVALID_INPUT", "field": "input.target"}]
    assert tested["data"]["testNotificationChannel"]["delivery"] == {
        "status": "failed",
        "lastError": "refused: 169.254.169.254 resolves to a non-public address"}
    assert "169.254" not in json.dumps(
        await live_production.gql("{ notificationChannels { targetHint } }", token=owner)
    ).replace("https://169.254.169.254", "")
