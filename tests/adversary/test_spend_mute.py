"""Attacks on muting cost anomalies, over real HTTP and graphql-transport-ws against a
live server: a MEMBER or VIEWER cannot silence the account's alerts, another account can
neither find an alert by id nor touch a mute, and a mute silences only its own account."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from meterwise.models.identity import Role
from meterwise.models.spend import Alert, AlertKind, AlertMute
from meterwise.services.spend.alerts import NewAlert, raise_alert
from tests.adversary.support import LiveServer
from tests.support.identity import signed_in

MUTE = ("mutation($id: ID!, $days: Int!) { muteAlert(id: $id, days: $days) { "
        "alert { id kind } mutedUntil errors { code } } }")
KEY = "MODEL:gpt-4o"


def spike(day: str) -> NewAlert:
    return NewAlert(kind=AlertKind.COST_ANOMALY, severity="warning",
                    title=f"Spend spike on model gpt-4o ({day})", message="spike",
                    dedupe_key=f"anomaly:MODEL:gpt-4o:{day}", mute_key=KEY,
                    details={"dimension": "MODEL", "value": "gpt-4o", "day": day})


async def an_anomaly(account: UUID) -> str:
    alert = await raise_alert(account, spike(f"2026-06-{uuid4().int % 20 + 1:02d}"))
    assert alert is not None
    return str(alert.id)


def code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors") or []
    return errors[0].get("extensions", {}).get("code") if errors else None


async def test_members_and_viewers_cannot_mute_over_http_or_websocket(
        live: LiveServer) -> None:
    _, who = await signed_in()
    alert = await an_anomaly(who.account_id)
    for role in (Role.MEMBER, Role.VIEWER):
        token, _ = await signed_in(role=role, account=who.account_id)
        over_http = await live.gql(MUTE, {"id": alert, "days": 30}, token=token)
        async with live.socket(token) as ws:
            over_ws = await ws.execute(MUTE, {"id": alert, "days": 30})
        assert code(over_http) == "FORBIDDEN", (role, over_http)
        assert over_ws["errors"][0]["extensions"]["code"] == "FORBIDDEN", role
    assert not await AlertMute.filter(account_id=who.account_id).exists()
    assert await raise_alert(who.account_id, spike("2026-07-01")) is not None


async def test_another_account_cannot_mute_by_id_and_a_mute_stays_in_its_account(
        live: LiveServer) -> None:
    _, who = await signed_in()
    stranger, other = await signed_in()
    victim_alert = await an_anomaly(who.account_id)
    for transport in ("http", "ws"):
        if transport == "http":
            body = await live.gql(MUTE, {"id": victim_alert, "days": 30}, token=stranger)
        else:
            async with live.socket(stranger) as ws:
                body = await ws.execute(MUTE, {"id": victim_alert, "days": 30})
        assert body["data"]["muteAlert"] == {"alert": None, "mutedUntil": None,
                                             "errors": [{"code": "NOT_FOUND"}]}, transport
    assert not await AlertMute.filter(account_id__in=[who.account_id, other.account_id]
                                      ).exists()

    # the stranger mutes the same dimension value in its own account: the victim still hears
    await an_anomaly(other.account_id)
    own = await Alert.filter(account_id=other.account_id).first()
    assert own is not None
    muted = await live.gql(MUTE, {"id": str(own.id), "days": 30}, token=stranger)
    assert muted["data"]["muteAlert"]["mutedUntil"] is not None
    assert await raise_alert(other.account_id, spike("2026-07-02")) is None
    assert await raise_alert(who.account_id, spike("2026-07-02")) is not None

    # and the victim's admin can mute its own
    admin, _ = await signed_in(role=Role.ADMIN, account=who.account_id)
    mine = await live.gql(MUTE, {"id": victim_alert, "days": 7}, token=admin)
    assert mine["data"]["muteAlert"]["errors"] == []
    assert await raise_alert(who.account_id, spike("2026-07-03")) is None
