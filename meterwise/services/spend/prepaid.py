"""Prepaid runway: how many days a provider's prepaid balance lasts at the current burn.

Where a provider reports a balance (OpenRouter ``/credits``, read when the key allows it),
each successful sync stores the latest one per connection (``record``; an older read never
replaces a newer). The burn is the connection's average daily spend over the last
``BURN_DAYS`` full UTC days, from the analytics report like every other spend figure; the
runway is balance / burn, counted from the time the balance was read (no burn: no end).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from tortoise import connections

from meterwise import clock
from meterwise.models.connections import ProviderConnection
from meterwise.models.spend import PrepaidBalance
from meterwise.providers import Credits
from meterwise.services.analytics.query import Dimension, Granularity, build_request
from meterwise.services.analytics.report import money, run_report
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer

BURN_DAYS = 7

_UPSERT = (
    "INSERT INTO spend_prepaid_balance (connection_id, account_id, total_credits, "
    "total_usage, balance, currency, seen_at) VALUES ($1, $2, $3, $4, $5, 'USD', $6) "
    "ON CONFLICT (connection_id) DO UPDATE SET total_credits = EXCLUDED.total_credits, "
    "total_usage = EXCLUDED.total_usage, balance = EXCLUDED.balance, "
    "seen_at = EXCLUDED.seen_at WHERE spend_prepaid_balance.seen_at <= EXCLUDED.seen_at"
)


@dataclass(frozen=True)
class Runway:
    connection_id: UUID
    provider: str
    label: str
    balance: Decimal
    balance_at: datetime
    daily_burn: Decimal
    days: float | None  # None: nothing burnt in the last BURN_DAYS days
    runs_out_at: datetime | None


async def record(connection: ProviderConnection, credits: Credits | None,
                 seen_at: datetime) -> None:
    """Store the balance a sync read (the sync's hook; nothing when none was reported)."""
    if credits is None:
        return
    await connections.get("default").execute_query(_UPSERT, [
        connection.id, connection.account_id, credits.total_credits, credits.total_usage,
        credits.balance, seen_at])


async def runways(viewer: Viewer, *, now: datetime | None = None) -> list[Runway]:
    """Each of the account's connections with a reported balance, and its runway."""
    now = now or clock.now()
    owned = {c.id: c for c in await scoped(ProviderConnection, viewer)}
    balances = [b for b in await scoped(PrepaidBalance, viewer).order_by("connection_id")
                if b.connection_id in owned]
    if not balances:
        return []
    today = datetime(now.year, now.month, now.day, tzinfo=UTC)
    report = await run_report(build_request(
        viewer.account_id, start=today - timedelta(days=BURN_DAYS), end=today,
        granularity=Granularity.DAY, group_by=[Dimension.CONNECTION],
        connection_ids=[str(b.connection_id) for b in balances]))
    spent: dict[UUID, Decimal] = {}
    for point in report.series:
        if point.connection_id is not None and point.currency == "USD":
            spent[point.connection_id] = spent.get(point.connection_id, Decimal(0)) + point.cost
    out = []
    for row in balances:
        connection = owned[row.connection_id]
        burn = spent.get(row.connection_id, Decimal(0)) / BURN_DAYS
        balance = Decimal(row.balance)
        days = float(max(balance, Decimal(0)) / burn) if burn > 0 else None
        out.append(Runway(
            connection_id=row.connection_id, provider=str(connection.provider),
            label=connection.label, balance=money(balance.normalize()),
            balance_at=row.seen_at, daily_burn=money(burn),
            days=None if days is None else round(days, 1),
            runs_out_at=None if days is None else row.seen_at + timedelta(days=days)))
    return out
