"""Budgets over GraphQL: who may create them, what they count, and account isolation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from meterwise.config import ProviderKind
from meterwise.models.identity import Role
from tests.spend.support import BUDGET_FIELDS, add_connection, spend_on
from tests.support.identity import error_code, gql, signed_in

CREATE = ("mutation($input: BudgetInput!) { createBudget(input: $input) { budget { "
          + BUDGET_FIELDS + " } errors { code field message } } }")
BUDGETS = "{ budgets { " + BUDGET_FIELDS + " } }"
BUDGET = "query($id: ID!) { budget(id: $id) { " + BUDGET_FIELDS + " } }"


def budget_input(**overrides: Any) -> dict[str, Any]:
    return {"name": "Monthly AI", "amount": "100", "period": "MONTH", **overrides}


async def create(client: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    body = await gql(client, CREATE, {"input": budget_input(**overrides)}, token=token)
    payload: dict[str, Any] = body["data"]["createBudget"]
    return payload


async def test_an_owner_creates_a_budget_and_sees_this_months_spend(
        client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    connection = await add_connection(who.account_id)
    today = datetime.now(UTC).date()
    await spend_on(connection, today, "12.5")
    await spend_on(connection, today, "0.25", model="gpt-4o-mini", basis="estimated")
    await spend_on(connection, today.replace(day=1) - timedelta(days=3), "99")  # last month

    payload = await create(client, token)

    assert payload["errors"] == []
    budget = payload["budget"]
    assert budget["spent"] == "12.75"
    assert budget["remaining"] == "87.25"
    assert budget["percentUsed"] == 12.75
    assert budget["estimated"] is True
    assert budget["thresholds"] == [50, 80, 100]
    assert budget["currency"] == "USD"
    assert budget["periodStart"] == today.replace(day=1).isoformat() + "T00:00:00+00:00"
    forecast = budget["forecast"]
    assert float(forecast["low"]) >= 12.75
    assert float(forecast["low"]) <= float(forecast["amount"]) <= float(forecast["high"])


async def test_the_scope_filters_spend(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    openai = await add_connection(who.account_id)
    anthropic = await add_connection(who.account_id, ProviderKind.ANTHROPIC, "Claude")
    today = datetime.now(UTC).date()
    await spend_on(openai, today, "10", project="web", api_key_id="key_a")
    await spend_on(openai, today, "20", project="batch", api_key_id="key_b")
    await spend_on(anthropic, today, "40", model="claude-sonnet-4", project="web")

    by_provider = await create(client, token, scope={"providers": ["ANTHROPIC"]})
    by_project = await create(client, token, scope={"projects": ["web"]})
    by_key = await create(client, token, scope={"apiKeys": ["key_b"]})
    by_connection = await create(client, token, scope={"connectionIds": [str(openai.id)]})

    assert by_provider["budget"]["spent"] == "40.00"
    assert by_project["budget"]["spent"] == "50.00"
    assert by_key["budget"]["spent"] == "20.00"
    assert by_connection["budget"]["spent"] == "30.00"


async def test_invalid_input_comes_back_as_user_errors(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client)

    negative = await create(client, token, amount="-5")
    thresholds = await create(client, token, thresholds=[0, 50])
    name = await create(client, token, name="   ")

    assert negative["errors"][0]["field"] == "input.amount"
    assert thresholds["errors"][0]["field"] == "input.thresholds"
    assert name["errors"][0]["code"] == "INVALID_INPUT"
    assert (await gql(client, BUDGETS, token=token))["data"]["budgets"] == []


async def test_members_and_viewers_read_but_cannot_manage_budgets(
        client: httpx.AsyncClient) -> None:
    owner, who = await signed_in(client)
    member, _ = await signed_in(client, Role.MEMBER, account=who.account_id)
    viewer, _ = await signed_in(client, Role.VIEWER, account=who.account_id)
    admin, _ = await signed_in(client, Role.ADMIN, account=who.account_id)
    budget_id = (await create(client, owner))["budget"]["id"]

    for token in (member, viewer):
        denied = await gql(client, CREATE, {"input": budget_input()}, token=token)
        assert error_code(denied) == "FORBIDDEN"
        deleted = await gql(client, "mutation($id: ID!) { deleteBudget(id: $id) { deletedId } }",
                            {"id": budget_id}, token=token)
        assert error_code(deleted) == "FORBIDDEN"
        listed = await gql(client, BUDGETS, token=token)
        assert [b["id"] for b in listed["data"]["budgets"]] == [budget_id]
    assert (await create(client, admin, name="Admin's"))["errors"] == []


async def test_another_account_cannot_see_or_change_a_budget(client: httpx.AsyncClient) -> None:
    owner, _ = await signed_in(client)
    stranger, _ = await signed_in(client)
    budget_id = (await create(client, owner))["budget"]["id"]

    seen = await gql(client, BUDGET, {"id": budget_id}, token=stranger)
    listed = await gql(client, BUDGETS, token=stranger)
    updated = await gql(client, "mutation($id: ID!, $input: BudgetInput!) { updateBudget("
                        "id: $id, input: $input) { budget { id } errors { code } } }",
                        {"id": budget_id, "input": budget_input(amount="1")}, token=stranger)
    deleted = await gql(client, "mutation($id: ID!) { deleteBudget(id: $id) { deletedId "
                        "errors { code } } }", {"id": budget_id}, token=stranger)

    assert seen["data"]["budget"] is None
    assert listed["data"]["budgets"] == []
    assert updated["data"]["updateBudget"]["errors"] == [{"code": "NOT_FOUND"}]
    assert deleted["data"]["deleteBudget"]["errors"] == [{"code": "NOT_FOUND"}]
    still = await gql(client, BUDGET, {"id": budget_id}, token=owner)
    assert still["data"]["budget"]["amount"] == "100.00"


async def test_a_malformed_id_answers_like_a_foreign_one(client: httpx.AsyncClient) -> None:
    """``scoping.scoped_get``: a bad or huge id finds nothing, as a stranger's id does."""
    owner, _ = await signed_in(client)
    await create(client, owner)
    for bad in ("not-a-uuid", "0" * 10_000, "' OR 1=1 --"):
        seen = await gql(client, BUDGET, {"id": bad}, token=owner)
        deleted = await gql(client, "mutation($id: ID!) { deleteBudget(id: $id) { deletedId "
                            "errors { code } } }", {"id": bad}, token=owner)
        assert seen["data"]["budget"] is None
        assert deleted["data"]["deleteBudget"]["errors"] == [{"code": "NOT_FOUND"}]


async def test_update_and_delete(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client)
    budget_id = (await create(client, token))["budget"]["id"]

    updated = await gql(client, "mutation($id: ID!, $input: BudgetInput!) { updateBudget("
                        "id: $id, input: $input) { budget { amount period thresholds } } }",
                        {"id": budget_id, "input": budget_input(amount="250.5", period="WEEK",
                                                                thresholds=[90, 10])},
                        token=token)
    deleted = await gql(client, "mutation($id: ID!) { deleteBudget(id: $id) { deletedId } }",
                        {"id": budget_id}, token=token)

    assert updated["data"]["updateBudget"]["budget"] == {
        "amount": "250.50", "period": "WEEK", "thresholds": [10, 90]}
    assert deleted["data"]["deleteBudget"]["deletedId"] == budget_id
    assert (await gql(client, BUDGET, {"id": budget_id}, token=token))["data"]["budget"] is None


async def test_the_account_forecast_covers_every_connection(client: httpx.AsyncClient) -> None:
    _, who = await signed_in(client)
    viewer, _ = await signed_in(client, Role.VIEWER, account=who.account_id)
    stranger, _ = await signed_in(client)
    openai = await add_connection(who.account_id)
    anthropic = await add_connection(who.account_id, ProviderKind.ANTHROPIC, "Claude")
    today = datetime.now(UTC).date()
    await spend_on(openai, today, "3")
    await spend_on(anthropic, today, "4", model="claude-sonnet-4")
    query = ("{ spendForecast(period: DAY) { currency period periodStart spent "
             "forecast { amount low high breachAt } } }")

    mine = (await gql(client, query, token=viewer))["data"]["spendForecast"]
    theirs = (await gql(client, query, token=stranger))["data"]["spendForecast"]

    assert mine["spent"] == "7.00"
    assert mine["period"] == "DAY" and mine["currency"] == "USD"
    assert mine["periodStart"] == today.isoformat() + "T00:00:00+00:00"
    assert float(mine["forecast"]["low"]) >= 7
    assert mine["forecast"]["breachAt"] is None
    assert theirs["spent"] == "0.00"
