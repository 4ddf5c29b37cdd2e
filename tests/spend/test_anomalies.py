"""Cost anomalies: an injected spike raises one alert with its explanation; the weekly shape
is not a spike; a first-seen model is reported once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from meterwise.models.identity import Role
from meterwise.models.spend import Alert, AlertKind
from meterwise.services.errors import UserInputError
from meterwise.services.spend import alerts, anomalies, evaluation
from meterwise.services.viewer import Viewer
from tests.spend.support import add_connection, spend_on
from tests.support.identity import new_account

pytestmark = pytest.mark.usefixtures("db")

DAY = date(2026, 6, 15)  # a Monday
NOW = datetime(2026, 6, 15, 18, tzinfo=UTC)


def shaped(day: date) -> Decimal:
    """Busy Mondays (30), ordinary weekdays (10 +/- a little), quiet weekends (2)."""
    if day.weekday() == 0:
        return Decimal(30)
    if day.weekday() >= 5:
        return Decimal(2)
    return Decimal(10) + Decimal(day.day % 3) / 2


async def history(connection: object, *, today: Decimal) -> None:
    for i in range(1, 29):
        day = DAY - timedelta(days=i)
        await spend_on(connection, day, shaped(day), project="web")  # type: ignore[arg-type]
    await spend_on(connection, DAY, today, project="web")  # type: ignore[arg-type]


async def test_an_injected_spike_raises_one_anomaly_per_dimension_with_its_explanation(
        ) -> None:
    account = await new_account()
    connection = await add_connection(account)
    await history(connection, today=Decimal(150))

    raised = await evaluation.evaluate_account(account, now=NOW)
    again = await evaluation.evaluate_account(account, now=NOW)

    assert again == []
    spikes = [a for a in raised if a.kind == AlertKind.COST_ANOMALY]
    assert sorted(a.details["dimension"] for a in spikes) == [
        "CONNECTION", "MODEL", "PROJECT"]
    model = next(a for a in spikes if a.details["dimension"] == "MODEL")
    assert model.title == "Spend spike on model gpt-4o (2026-06-15)"
    assert model.severity == "critical"  # 120 USD above the baseline
    assert model.details == {
        "dimension": "MODEL", "value": "gpt-4o", "day": "2026-06-15", "observed": "150.00",
        "baseline": "30.00", "delta": "120.00", "spread": model.details["spread"],
        "muteKey": "MODEL:gpt-4o"}
    assert ("spent 150.00 USD on 2026-06-15, against a baseline of 30.00 USD (median of the "
            "same weekday over 4 weeks): 120.00 USD above.") in model.message
    assert await Alert.filter(account_id=account).count() == 3


async def test_a_busy_monday_is_not_a_spike() -> None:
    account = await new_account()
    connection = await add_connection(account)
    await history(connection, today=Decimal(31))  # Mondays are always ~30

    spikes, first = await anomalies.findings(account, DAY)

    assert spikes == [] and first == []


async def test_a_first_seen_model_is_reported_once() -> None:
    account = await new_account()
    connection = await add_connection(account)
    await history(connection, today=Decimal(30))
    await spend_on(connection, DAY, "4.20", model="o3-pro")

    raised = await anomalies.detect(account, DAY, now=NOW)
    again = await anomalies.detect(account, DAY, now=NOW)
    tomorrow = await anomalies.detect(account, DAY + timedelta(days=1), now=NOW)

    assert [(a.kind, a.title) for a in raised] == [
        (AlertKind.NEW_MODEL, "New model with spend: o3-pro")]
    assert "spent 4.20 USD on 2026-06-15" in raised[0].message
    assert again == [] and tomorrow == []


async def test_a_muted_dimension_raises_nothing_until_the_mute_ends() -> None:
    account = await new_account()
    owner = Viewer(user_id=uuid4(), account_id=account, role=Role.OWNER)
    connection = await add_connection(account)
    await history(connection, today=Decimal(150))
    raised = await evaluation.evaluate_account(account, now=NOW)
    model = next(a for a in raised if a.details["dimension"] == "MODEL")
    next_monday = DAY + timedelta(days=7)
    for i in range(1, 7):
        await spend_on(connection, DAY + timedelta(days=i), shaped(DAY + timedelta(days=i)),
                       project="web")
    await spend_on(connection, next_monday, Decimal(150), project="web")

    _, until = await alerts.mute(owner, str(model.id), 8, now=NOW)
    assert until == NOW + timedelta(days=8)
    muted = await evaluation.evaluate_account(account, now=NOW + timedelta(days=7))

    assert sorted(a.details["dimension"] for a in muted) == ["CONNECTION", "PROJECT"]
    later = await anomalies.detect(account, next_monday, now=NOW + timedelta(days=9))
    assert [a.details["dimension"] for a in later] == ["MODEL"]  # the mute ran out


async def test_a_lifted_mute_raises_again_and_only_anomalies_can_be_muted() -> None:
    account = await new_account()
    owner = Viewer(user_id=uuid4(), account_id=account, role=Role.OWNER)
    connection = await add_connection(account)
    await history(connection, today=Decimal(150))
    raised = await evaluation.evaluate_account(account, now=NOW)
    model = next(a for a in raised if a.details["dimension"] == "MODEL")
    await alerts.mute(owner, str(model.id), 30, now=NOW)
    await alerts.mute(owner, str(model.id), 0, now=NOW)
    await Alert.filter(id=model.id).delete()

    again = await anomalies.detect(account, DAY, now=NOW)

    assert [a.details["dimension"] for a in again] == ["MODEL"]
    budget_alert = await alerts.raise_alert(account, alerts.NewAlert(
        kind=AlertKind.BUDGET_THRESHOLD, severity="info", title="t", message="m",
        dedupe_key="budget:x"))
    assert budget_alert is not None
    for alert_id, days in ((str(budget_alert.id), 1), (str(again[0].id), 366),
                           (str(again[0].id), -1)):
        with pytest.raises(UserInputError):
            await alerts.mute(owner, alert_id, days)
