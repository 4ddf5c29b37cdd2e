"""Spend test helpers: daily cost rows for a connection, GraphQL documents."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

from meterwise.models.connections import ProviderConnection
from tests.usage.data import Row, add_connection, insert_rows

__all__ = ["BUDGET_FIELDS", "add_connection", "at", "spend_on"]

BUDGET_FIELDS = ("id name amount currency period periodStart periodEnd spent remaining "
                 "percentUsed estimated thresholds forecast { amount low high breachAt }")


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


async def spend_on(connection: ProviderConnection, day: date, cost: str | Decimal, *,
                   model: str = "gpt-4o", project: str = "", api_key_id: str = "",
                   basis: str = "reported") -> None:
    """One daily reported cost row of ``cost`` USD (replacing the day's row of that key)."""
    from tortoise import connections

    await connections.get("default").execute_query(
        "DELETE FROM usage_record WHERE connection_id = $1 AND bucket_start = $2 AND model = $3 "
        "AND project = $4 AND api_key_id = $5", [connection.id, at(day, 0), model, project,
                                                 api_key_id])
    await insert_rows([Row(account_id=UUID(str(connection.account_id)),
                           connection_id=connection.id, provider=str(connection.provider),
                           bucket_start=at(day, 0), source="cost", bucket_width="1d",
                           model=model, project=project, api_key_id=api_key_id,
                           cost=Decimal(cost), cost_basis=basis)])
