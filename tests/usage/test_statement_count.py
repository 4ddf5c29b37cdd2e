"""No N+1: a nested usage query costs the same number of SQL statements for 1 or 60 points."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import httpx

from meterwise.config import ProviderKind
from meterwise.models.identity import Role
from tests.support.identity import gql, signed_in
from tests.usage.data import Row, add_connection, insert_rows

NESTED = """
query($filter: UsageFilter!) {
  usage(filter: $filter, groupBy: [CONNECTION, MODEL], granularity: DAY) {
    totalCost
    series { bucketStart model cost connection { id label provider } }
  }
}"""
BASELINE = "{ __typename }"  # the same request with no usage field: auth and plumbing only
FILTER = {"from": "2027-01-01T00:00:00Z", "to": "2027-02-01T00:00:00Z"}


class _Statements(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            self.sql.append(message)


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every statement Tortoise sends while the block runs (its client logs each one)."""
    logger = logging.getLogger("tortoise.db_client")
    handler, level, propagate = _Statements(), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield handler.sql
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


async def usage_rows(account_id: UUID, connections: int, days: int) -> None:
    rows = []
    for index in range(connections):
        conn = await add_connection(account_id, list(ProviderKind)[index % 3], f"C{index}")
        rows += [Row(account_id=account_id, connection_id=conn.id, provider=conn.provider.value,
                     bucket_start=datetime(2027, 1, 1, 7, tzinfo=UTC) + timedelta(days=day),
                     model=model, input_tokens=10, requests=1, cost=Decimal("0.5"),
                     cost_basis="estimated")
                 for day in range(days) for model in ("a", "b")]
    await insert_rows(rows)


async def count_for(client: httpx.AsyncClient, connections: int, days: int) -> tuple[int, int]:
    token, who = await signed_in(client, Role.VIEWER)
    await usage_rows(who.account_id, connections, days)
    with statements() as baseline:
        await gql(client, BASELINE, token=token)
    with statements() as nested:
        body = await gql(client, NESTED, {"filter": FILTER}, token=token)
    assert "errors" not in body, body
    points = body["data"]["usage"]["series"]
    assert len(points) == connections * days * 2
    assert all(p["connection"]["label"].startswith("C") for p in points)
    return len(nested) - len(baseline), len(points)


async def test_nested_connections_cost_one_batched_statement(client: httpx.AsyncClient) -> None:
    small = await count_for(client, connections=1, days=1)
    large = await count_for(client, connections=3, days=10)

    # one report statement + one connection batch, whatever the number of points
    assert small == (2, 2)
    assert large == (2, 60)
