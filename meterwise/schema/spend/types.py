"""Spend-control types, mapped field by field: no sealed target or secret can become a field."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from meterwise.models.spend import Alert as AlertModel
from meterwise.models.spend import AlertKind, BudgetPeriod, ChannelKind
from meterwise.models.spend import Delivery as DeliveryModel
from meterwise.models.spend import NotificationChannel as ChannelModel
from meterwise.schema.enums import ProviderKind
from meterwise.schema.errors import UserError, errors_field
from meterwise.schema.guards.cost import list_size, page_items
from meterwise.schema.pagination import PageInfo
from meterwise.services.analytics.report import DEFAULT_CURRENCY
from meterwise.services.connections import MAX_CONNECTIONS
from meterwise.services.spend.alerts import AlertRaised
from meterwise.services.spend.budgets import (
    DEFAULT_THRESHOLDS,
    AccountForecast,
    BudgetInput,
    BudgetStatus,
    amount_of,
)
from meterwise.services.spend.channels import ChannelInput
from meterwise.services.spend.prepaid import Runway
from meterwise.services.spend.reconciliation import LikelyCause
from meterwise.services.spend.reconciliation import ReconciliationRow as RowModel

strawberry.enum(BudgetPeriod, name="BudgetPeriod")  # registers the enums in place
strawberry.enum(AlertKind, name="AlertKind")
strawberry.enum(ChannelKind, name="ChannelKind")
strawberry.enum(LikelyCause, name="ReconciliationCause")


@strawberry.input(description="What a budget counts; an absent or empty list does not filter.")
class BudgetScope:
    providers: list[ProviderKind] | None = None
    connection_ids: list[strawberry.ID] | None = None
    models: list[str] | None = None
    projects: list[str] | None = None
    api_keys: list[str] | None = None


@strawberry.input(name="BudgetInput")
class BudgetInputType:
    name: str
    amount: Decimal
    period: BudgetPeriod
    scope: BudgetScope | None = None
    thresholds: list[int] = strawberry.field(default_factory=lambda: list(DEFAULT_THRESHOLDS),
                                             description="Percent of the amount (1-1000).")
    forecast_alert: bool = strawberry.field(
        default=True, description="Alert when the forecast says the period will exceed it.")

    def to_service(self) -> BudgetInput:
        scope = self.scope or BudgetScope()
        return BudgetInput(
            name=self.name, amount=self.amount, period=self.period,
            scope={"providers": [p.value for p in scope.providers or []],
                   "connectionIds": [str(c) for c in scope.connection_ids or []],
                   "models": list(scope.models or []), "projects": list(scope.projects or []),
                   "apiKeys": list(scope.api_keys or [])},
            thresholds=list(self.thresholds), forecast_alert=self.forecast_alert)


@strawberry.type(description="Predicted spend at the period's end, with a ~90% interval.")
class Forecast:
    amount: Decimal
    low: Decimal
    high: Decimal
    breach_at: datetime | None = strawberry.field(
        description="When the forecast reaches the budget; null if not within the period "
                    "or already reached.")


@strawberry.type(description="Spend of the current period (UTC) against an amount.")
class Budget:
    id: strawberry.ID
    name: str
    amount: Decimal
    currency: str
    period: BudgetPeriod
    period_start: datetime
    period_end: datetime
    spent: Decimal
    remaining: Decimal
    percent_used: float
    estimated: bool = strawberry.field(
        description="Part of `spent` is estimated from tokens, not reported by the provider.")
    forecast: Forecast | None
    thresholds: list[int]
    forecast_alert: bool
    scope_providers: list[ProviderKind]
    scope_connection_ids: list[strawberry.ID]
    scope_models: list[str]
    scope_projects: list[str]
    scope_api_keys: list[str]

    @classmethod
    def from_status(cls, status: BudgetStatus) -> Budget:
        budget, forecast = status.budget, status.forecast
        scope: dict[str, list[str]] = budget.scope or {}
        return cls(
            id=strawberry.ID(str(budget.id)), name=budget.name, amount=amount_of(budget),
            currency=budget.currency, period=BudgetPeriod(budget.period),
            period_start=status.period_start, period_end=status.period_end, spent=status.spent,
            remaining=status.remaining, percent_used=round(status.percent_used, 4),
            estimated=status.estimated,
            forecast=None if forecast is None else Forecast(
                amount=forecast.amount, low=forecast.low, high=forecast.high,
                breach_at=forecast.breach_at),
            thresholds=list(budget.thresholds), forecast_alert=budget.forecast_alert,
            scope_providers=[ProviderKind(p) for p in scope.get("providers", [])],
            scope_connection_ids=[strawberry.ID(c) for c in scope.get("connectionIds", [])],
            scope_models=list(scope.get("models", [])),
            scope_projects=list(scope.get("projects", [])),
            scope_api_keys=list(scope.get("apiKeys", [])))


@strawberry.type(description="How long a provider-reported prepaid balance lasts at the "
                 "average daily spend of the last 7 full days (OpenRouter credits).")
class PrepaidRunway:
    connection_id: strawberry.ID
    provider: ProviderKind
    label: str
    currency: str
    balance: Decimal
    balance_at: datetime = strawberry.field(description="When the balance was read (a sync).")
    daily_burn: Decimal
    runway_days: float | None = strawberry.field(
        description="Days the balance lasts from balanceAt; null when nothing was spent.")
    runs_out_at: datetime | None

    @classmethod
    def from_service(cls, value: Runway) -> PrepaidRunway:
        return cls(connection_id=strawberry.ID(str(value.connection_id)),
                   provider=ProviderKind(value.provider), label=value.label,
                   currency=DEFAULT_CURRENCY, balance=value.balance,
                   balance_at=value.balance_at, daily_burn=value.daily_burn,
                   runway_days=value.days, runs_out_at=value.runs_out_at)


@strawberry.type(description="The whole account's spend this period and where it is heading.")
class SpendForecast:
    currency: str
    period: BudgetPeriod
    period_start: datetime
    period_end: datetime
    spent: Decimal
    estimated: bool
    forecast: Forecast
    runways: list[PrepaidRunway] = strawberry.field(
        description="Prepaid runway of each connection whose provider reports a balance.",
        metadata=list_size(MAX_CONNECTIONS))

    @classmethod
    def from_service(cls, period: BudgetPeriod, value: AccountForecast,
                     runways: list[Runway]) -> SpendForecast:
        return cls(currency=DEFAULT_CURRENCY, period=period, period_start=value.period_start,
                   period_end=value.period_end, spent=value.spent, estimated=value.estimated,
                   forecast=Forecast(amount=value.forecast.amount, low=value.forecast.low,
                                     high=value.forecast.high, breach_at=None),
                   runways=[PrepaidRunway.from_service(r) for r in runways])


@strawberry.type
class BudgetPayload:
    budget: Budget | None = None
    errors: list[UserError] = errors_field()


@strawberry.type(description="Something about the account's spend that needs attention.")
class Alert:
    id: strawberry.ID
    kind: AlertKind
    severity: str
    title: str
    message: str
    budget_id: strawberry.ID | None
    created_at: datetime
    acknowledged_at: datetime | None

    @classmethod
    def from_model(cls, row: AlertModel) -> Alert:
        return cls(id=strawberry.ID(str(row.id)), kind=AlertKind(row.kind),
                   severity=row.severity, title=row.title, message=row.message,
                   budget_id=strawberry.ID(str(row.budget_id)) if row.budget_id else None,
                   created_at=row.created_at, acknowledged_at=row.acknowledged_at)

    @classmethod
    def from_event(cls, event: AlertRaised) -> Alert:
        return cls(id=strawberry.ID(str(event.id)), kind=event.kind, severity=event.severity,
                   title=event.title, message=event.message,
                   budget_id=strawberry.ID(str(event.budget_id)) if event.budget_id else None,
                   created_at=event.created_at, acknowledged_at=None)


@strawberry.type(description="A page of alerts, newest first.")
class AlertConnection:
    nodes: list[Alert] = strawberry.field(metadata=page_items())
    page_info: PageInfo


@strawberry.type
class AlertPayload:
    alert: Alert | None = None
    errors: list[UserError] = errors_field()


@strawberry.type
class MuteAlertPayload:
    alert: Alert | None = None
    muted_until: datetime | None = strawberry.field(
        default=None, description="Until when the alert's dimension value raises nothing "
        "(null: not muted).")
    errors: list[UserError] = errors_field()


@strawberry.input
class NotificationChannelInput:
    kind: ChannelKind
    name: str
    target: str = strawberry.field(description="URL (WEBHOOK, SLACK) or e-mail (EMAIL).")
    alert_kinds: list[AlertKind] | None = strawberry.field(
        default=None, description="Only these kinds; null or empty: every kind.")

    def to_service(self) -> ChannelInput:
        return ChannelInput(kind=self.kind, name=self.name, target=self.target,
                            alert_kinds=tuple(self.alert_kinds or ()))


@strawberry.type(description="Where alerts are sent. The target is write-only.")
class NotificationChannel:
    id: strawberry.ID
    kind: ChannelKind
    name: str
    target_hint: str = strawberry.field(description="Scheme and host, or the e-mail domain.")
    alert_kinds: list[AlertKind] = strawberry.field(metadata=list_size(len(AlertKind)))
    created_at: datetime

    @classmethod
    def from_model(cls, row: ChannelModel) -> NotificationChannel:
        return cls(id=strawberry.ID(str(row.id)), kind=ChannelKind(row.kind), name=row.name,
                   target_hint=row.target_hint,
                   alert_kinds=[AlertKind(k) for k in row.alert_kinds],
                   created_at=row.created_at)


@strawberry.type
class NotificationChannelPayload:
    channel: NotificationChannel | None = None
    secret: str | None = strawberry.field(
        default=None, description="The WEBHOOK signing secret (whsec_…), shown only once.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="One send of an alert (or a test) to one channel.")
class NotificationDelivery:
    id: strawberry.ID
    channel_id: strawberry.ID
    alert_id: strawberry.ID | None
    status: str = strawberry.field(description="pending, delivered or failed.")
    attempts: int
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None

    @classmethod
    def from_model(cls, row: DeliveryModel) -> NotificationDelivery:
        return cls(id=strawberry.ID(str(row.id)), channel_id=strawberry.ID(str(row.channel_id)),
                   alert_id=strawberry.ID(str(row.alert_id)) if row.alert_id else None,
                   status=str(row.status), attempts=row.attempts, last_error=row.last_error,
                   created_at=row.created_at, delivered_at=row.delivered_at)


@strawberry.type
class DeliveryPayload:
    delivery: NotificationDelivery | None = None
    errors: list[UserError] = errors_field()


@strawberry.type(description="One UTC day x connection x model: the provider's reported cost "
                 "against our list-price computation from its usage.")
class ReconciliationRow:
    day: datetime
    connection_id: strawberry.ID
    provider: ProviderKind
    model: str | None
    currency: str
    reported_cost: Decimal | None = strawberry.field(
        description="Null when the provider reported no cost for it (yet).")
    computed_cost: Decimal | None = strawberry.field(
        description="Null when there is no usage or the price list lacks the model.")
    difference: Decimal = strawberry.field(description="reported - computed (null as 0).")
    likely_cause: LikelyCause | None
    input_tokens: float
    output_tokens: float
    cached_input_tokens: float
    cache_write_tokens: float

    @classmethod
    def from_row(cls, row: RowModel) -> ReconciliationRow:
        return cls(day=row.day, connection_id=strawberry.ID(str(row.connection_id)),
                   provider=ProviderKind(row.provider), model=row.model,
                   currency=row.currency, reported_cost=row.reported_cost,
                   computed_cost=row.computed_cost, difference=row.difference,
                   likely_cause=row.likely_cause, input_tokens=float(row.input_tokens),
                   output_tokens=float(row.output_tokens),
                   cached_input_tokens=float(row.cached_input_tokens),
                   cache_write_tokens=float(row.cache_write_tokens))
