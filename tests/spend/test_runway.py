"""Prepaid runway: a real sync against the fake OpenRouter (HTTP) stores its ``/credits``
balance, and ``spendForecast { runways }`` divides it by the last 7 days' burn; an
inference key (no ``/credits``) or another account shows none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes
from meterwise.fakeproviders.openrouter_app import TOTAL_CREDITS
from meterwise.models.spend import PrepaidBalance
from meterwise.models.usage import SyncStatus
from meterwise.services.sync import run_sync
from tests.support.identity import gql, signed_in
from tests.sync.conftest import (  # noqa: F401 - fixtures of the sync suite, reused
    _sync_policy,
    fakes,
    live_fakes,
    provider_settings,
)
from tests.sync.support import add_connection

QUERY = ("{ spendForecast { runways { connectionId provider label currency balance balanceAt "
         "dailyBurn runwayDays runsOutAt } } }")


def last_week_cost(running: Fakes) -> Decimal:
    today = datetime.now(UTC).date()
    return running.openrouter.dataset.total_cost(today - timedelta(days=7), today)


async def test_a_synced_openrouter_balance_gives_days_left_at_the_current_burn(
        client: httpx.AsyncClient, provider_settings: Settings,  # noqa: F811
        live_fakes: Fakes) -> None:  # noqa: F811
    token, who = await signed_in(client)
    stranger, _ = await signed_in(client)
    connection = await add_connection(who.account_id, live_fakes.openrouter, label="Credits")
    assert await run_sync(connection.id, None, settings=provider_settings) is (
        SyncStatus.SUCCEEDED)

    stored = await PrepaidBalance.get(connection_id=connection.id)
    spent_total = live_fakes.openrouter.dataset.total_cost()
    assert Decimal(stored.balance) == TOTAL_CREDITS - Decimal(stored.total_usage)
    assert Decimal(stored.total_usage) > 0 and Decimal(stored.total_usage) <= spent_total
    (shown,) = (await gql(client, QUERY, token=token))["data"]["spendForecast"]["runways"]

    burn = last_week_cost(live_fakes) / 7
    assert burn > 0
    assert shown["connectionId"] == str(connection.id) and shown["provider"] == "OPENROUTER"
    assert shown["label"] == "Credits" and shown["currency"] == "USD"
    assert Decimal(shown["balance"]) == Decimal(stored.balance)
    assert abs(Decimal(shown["dailyBurn"]) - burn) < Decimal("0.01")
    assert abs(shown["runwayDays"] - float(Decimal(stored.balance) / burn)) < 0.1
    runs_out = datetime.fromisoformat(shown["runsOutAt"])
    balance_at = datetime.fromisoformat(shown["balanceAt"])
    assert abs((runs_out - balance_at).total_seconds() / 86400 - shown["runwayDays"]) < 0.1
    assert (await gql(client, QUERY, token=stranger))["data"]["spendForecast"]["runways"] == []


async def test_a_newer_balance_replaces_the_stored_one_and_an_older_never_does(
        client: httpx.AsyncClient, provider_settings: Settings,  # noqa: F811
        live_fakes: Fakes) -> None:  # noqa: F811
    from meterwise.providers import Credits
    from meterwise.services.spend import prepaid

    _, who = await signed_in(client)
    connection = await add_connection(who.account_id, live_fakes.openrouter)
    now = datetime.now(UTC)
    await prepaid.record(connection, Credits(Decimal(100), Decimal(40)), now)
    await prepaid.record(connection, Credits(Decimal(100), Decimal(10)), now - timedelta(hours=1))
    await prepaid.record(connection, None, now + timedelta(hours=1))
    assert Decimal((await PrepaidBalance.get(connection_id=connection.id)).balance) == 60
    await prepaid.record(connection, Credits(Decimal(100), Decimal(55)), now + timedelta(hours=1))
    assert Decimal((await PrepaidBalance.get(connection_id=connection.id)).balance) == 45


async def test_an_inference_key_reports_no_balance_so_no_runway(
        client: httpx.AsyncClient, provider_settings: Settings,  # noqa: F811
        live_fakes: Fakes) -> None:  # noqa: F811
    token, who = await signed_in(client)
    inference = live_fakes.openrouter.extra_keys["inference"]
    connection = await add_connection(who.account_id, live_fakes.openrouter, key=inference)
    await run_sync(connection.id, None, settings=provider_settings)

    assert not await PrepaidBalance.filter(connection_id=connection.id).exists()
    assert (await gql(client, QUERY, token=token))["data"]["spendForecast"]["runways"] == []
