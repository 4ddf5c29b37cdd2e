"""Spend control: budgets, the alerts they (and other detectors) raise, notification
channels, and the delivery outbox that feeds those channels.

Why the unique keys matter:
* ``Alert(account_id, dedupe_key)``: an alert is *inserted* with ``ON CONFLICT DO NOTHING``,
  so each threshold of a budget fires once per period however many workers evaluate at once
  (the key names the budget, the period start and the threshold).
* ``Delivery(alert_id, channel_id)``: one outbox row per alert and channel, created the same
  way, so an alert reaches each channel exactly once; retries update that one row.
``NotificationChannel.target_sealed`` / ``secret_sealed`` are sealed with the account's data
key (``services/vault``), bound to (account, "notification_channel", id, field).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:  # importing it at run time would register Account in this app too
    from meterwise.models.identity import Account


class BudgetPeriod(StrEnum):
    DAY = "day"
    WEEK = "week"  # ISO week, Monday 00:00 UTC
    MONTH = "month"
    QUARTER = "quarter"


class AlertKind(StrEnum):
    BUDGET_THRESHOLD = "budget_threshold"
    BUDGET_FORECAST = "budget_forecast"
    COST_ANOMALY = "cost_anomaly"
    NEW_MODEL = "new_model"
    NEW_PROJECT = "new_project"
    NEW_API_KEY = "new_api_key"
    SYNC_FAILING = "sync_failing"
    SPEND_REVISED = "spend_revised"  # a provider revision lowered spend below a fired threshold
    DELIVERY_FAILED = "delivery_failed"  # a channel gave up on an alert (shown in the app)


class ChannelKind(StrEnum):
    WEBHOOK = "webhook"
    SLACK = "slack"
    EMAIL = "email"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"  # given up after the last attempt


class Budget(Model):
    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="budgets", on_delete=fields.CASCADE)
    account_id: UUID
    name = fields.CharField(max_length=100)
    amount = fields.DecimalField(max_digits=24, decimal_places=6)
    currency = fields.CharField(max_length=3, default="USD")
    period = fields.CharEnumField(BudgetPeriod, max_length=12)
    # {"providers": [...], "connectionIds": [...], "models": [...], "projects": [...],
    #  "apiKeys": [...]}; an absent or empty list does not filter
    scope: dict[str, list[str]] = fields.JSONField(default=dict)
    thresholds: list[int] = fields.JSONField(default=list)
    forecast_alert = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "spend_budget"
        indexes = (Index(fields=("account_id", "created_at")),)


class Alert(Model):
    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="spend_alerts", on_delete=fields.CASCADE)
    account_id: UUID
    kind = fields.CharEnumField(AlertKind, max_length=32)
    severity = fields.CharField(max_length=16)  # info | warning | critical
    title = fields.CharField(max_length=200)
    message = fields.TextField()
    budget_id = fields.UUIDField(null=True)  # kept when the budget is deleted
    dedupe_key = fields.CharField(max_length=300)
    details: dict[str, object] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by = fields.UUIDField(null=True)

    class Meta:
        table = "spend_alert"
        unique_together = (("account_id", "dedupe_key"),)
        indexes = (Index(fields=("account_id", "created_at")),)


class NotificationChannel(Model):
    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="notification_channels", on_delete=fields.CASCADE)
    account_id: UUID
    kind = fields.CharEnumField(ChannelKind, max_length=12)
    name = fields.CharField(max_length=100)
    target_sealed = fields.TextField()
    target_hint = fields.CharField(max_length=120)  # scheme + host, or the e-mail's domain
    secret_sealed = fields.TextField(null=True)  # WEBHOOK signing secret (whsec_…)
    alert_kinds: list[str] = fields.JSONField(default=list)  # empty: every kind
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "spend_channel"
        indexes = (Index(fields=("account_id", "created_at")),)


class Delivery(Model):
    """The outbox and the delivery log in one: a row per (alert, channel), or a test send."""

    id = fields.UUIDField(primary_key=True)
    account_id = fields.UUIDField()
    alert: fields.ForeignKeyNullableRelation[Alert] = fields.ForeignKeyField(
        "spend.Alert", related_name="deliveries", null=True, on_delete=fields.CASCADE)
    alert_id: UUID | None
    channel: fields.ForeignKeyRelation[NotificationChannel] = fields.ForeignKeyField(
        "spend.NotificationChannel", related_name="deliveries", on_delete=fields.CASCADE)
    channel_id: UUID
    status = fields.CharEnumField(DeliveryStatus, max_length=12, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)  # a sender holds the row until then
    last_error = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "spend_delivery"
        unique_together = (("alert_id", "channel_id"),)
        indexes = (Index(fields=("status", "next_attempt_at")),
                   Index(fields=("account_id", "created_at")))


class AlertMute(Model):
    """An anomaly dimension value silenced until ``until``: ``raise_alert`` inserts nothing
    whose ``mute_key`` has a live row here (checked in the same INSERT, no read first)."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="spend_alert_mutes", on_delete=fields.CASCADE)
    account_id: UUID
    mute_key = fields.CharField(max_length=300)  # e.g. "MODEL:gpt-4o" (dimension:value)
    until = fields.DatetimeField()
    created_by = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "spend_alert_mute"
        unique_together = (("account_id", "mute_key"),)


class PrepaidBalance(Model):
    """The latest prepaid balance a provider reported for a connection (OpenRouter
    ``/credits``), as of the sync that read it: what prepaid runway is computed from."""

    connection_id = fields.UUIDField(primary_key=True)  # one row per connection: the latest
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="prepaid_balances", on_delete=fields.CASCADE)
    account_id: UUID
    total_credits = fields.DecimalField(max_digits=24, decimal_places=6)
    total_usage = fields.DecimalField(max_digits=24, decimal_places=6)
    balance = fields.DecimalField(max_digits=24, decimal_places=6)
    currency = fields.CharField(max_length=3, default="USD")
    seen_at = fields.DatetimeField()

    class Meta:
        table = "spend_prepaid_balance"
