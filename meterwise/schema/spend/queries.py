"""Spend-control queries: the caller's account only (a foreign id finds nothing)."""

from __future__ import annotations

import strawberry

from meterwise.models.spend import BudgetPeriod
from meterwise.schema.context import Info
from meterwise.schema.guards.cost import list_size, paginated
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.pagination import PageInfo
from meterwise.schema.spend.types import (
    Alert,
    AlertConnection,
    Budget,
    NotificationChannel,
    NotificationDelivery,
    ReconciliationRow,
    SpendForecast,
)
from meterwise.schema.usage.types import UsageFilter
from meterwise.services.analytics.query import build_request
from meterwise.services.authz import Operation
from meterwise.services.pagination import MAX_PAGE, paginate
from meterwise.services.spend import alerts, budgets, channels, prepaid, reconciliation


@strawberry.type
class SpendQuery:
    @strawberry.field(description="The account's budgets with this period's spend, oldest "
                                  f"first (at most {budgets.MAX_BUDGETS}).",
                      metadata=list_size(budgets.MAX_BUDGETS),
                      extensions=operation(Operation.READ_BUDGETS))
    async def budgets(self, info: Info) -> list[Budget]:
        viewer = viewer_of(info)
        return [Budget.from_status(await budgets.budget_status(row))
                for row in await budgets.list_budgets(viewer)]

    @strawberry.field(description="One budget; null when absent or not the caller's.",
                      extensions=operation(Operation.READ_BUDGETS))
    async def budget(self, info: Info, id: strawberry.ID) -> Budget | None:
        viewer = viewer_of(info)
        row = await budgets.get_budget(viewer, str(id))
        return None if row is None else Budget.from_status(await budgets.budget_status(row))

    @strawberry.field(description="The account's alerts, newest first.", metadata=paginated(),
                      extensions=operation(Operation.READ_ALERTS))
    async def alerts(self, info: Info, first: int = 50, after: str | None = None
                     ) -> AlertConnection:
        viewer = viewer_of(info)
        page = await paginate(await alerts.alerts_query(viewer), first=first, after=after,
                              order_by="created_at")
        return AlertConnection(nodes=[Alert.from_model(row) for row in page.rows],
                               page_info=PageInfo.of(page))

    @strawberry.field(description="Where the account's alerts go (owners/admins).",
                      metadata=list_size(channels.MAX_CHANNELS),
                      extensions=operation(Operation.READ_CHANNELS))
    async def notification_channels(self, info: Info) -> list[NotificationChannel]:
        viewer = viewer_of(info)
        return [NotificationChannel.from_model(row)
                for row in await channels.list_channels(viewer)]

    @strawberry.field(description="The delivery log, newest first (owners/admins).",
                      metadata=paginated(),
                      extensions=operation(Operation.READ_CHANNELS))
    async def notification_deliveries(self, info: Info, channel_id: strawberry.ID | None = None,
                                      first: int = 50) -> list[NotificationDelivery]:
        viewer = viewer_of(info)
        rows = await channels.list_deliveries(
            viewer, str(channel_id) if channel_id else None, limit=max(0, min(first, MAX_PAGE)))
        return [NotificationDelivery.from_model(row) for row in rows]

    @strawberry.field(description="Reported against computed cost per day, connection and "
                                  f"model (at most {reconciliation.MAX_DAYS} days, "
                                  f"{reconciliation.MAX_ROWS} rows).",
                      metadata=list_size(reconciliation.MAX_ROWS),
                      extensions=operation(Operation.READ_RECONCILIATION))
    async def reconciliation(self, info: Info, filter: UsageFilter) -> list[ReconciliationRow]:
        request = build_request(
            viewer_of(info).account_id, start=filter.from_, end=filter.to,
            providers=filter.provider_names(),
            connection_ids=[str(i) for i in filter.connection_ids]
            if filter.connection_ids is not None else None,
            models=filter.models, projects=filter.projects)
        rows = await reconciliation.reconcile(request)
        return [ReconciliationRow.from_row(row) for row in rows]

    @strawberry.field(description="The account's spend this period (UTC) and its "
                                  "period-end forecast with a ~90% interval.",
                      extensions=operation(Operation.READ_BUDGETS))
    async def spend_forecast(self, info: Info, period: BudgetPeriod = BudgetPeriod.MONTH
                             ) -> SpendForecast:
        viewer = viewer_of(info)
        return SpendForecast.from_service(period, await budgets.account_forecast(viewer, period),
                                          await prepaid.runways(viewer))
