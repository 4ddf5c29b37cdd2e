"""Spend control tables: budgets, alerts (unique per dedupe key), channels, the outbox."""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from meterwise.models.spend import AlertKind, BudgetPeriod, ChannelKind, DeliveryStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('identity', '0001_initial'), ('identity', '0002_credentials')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Alert',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='spend_alerts', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='BUDGET_THRESHOLD: budget_threshold\nBUDGET_FORECAST: budget_forecast\nCOST_ANOMALY: cost_anomaly\nNEW_MODEL: new_model\nNEW_PROJECT: new_project\nNEW_API_KEY: new_api_key\nSYNC_FAILING: sync_failing\nSPEND_REVISED: spend_revised\nDELIVERY_FAILED: delivery_failed', enum_type=AlertKind, max_length=32)),
                ('severity', fields.CharField(max_length=16)),
                ('title', fields.CharField(max_length=200)),
                ('message', fields.TextField(unique=False)),
                ('budget_id', fields.UUIDField(null=True)),
                ('dedupe_key', fields.CharField(max_length=300)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('acknowledged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('acknowledged_by', fields.UUIDField(null=True)),
            ],
            options={'table': 'spend_alert', 'app': 'spend', 'unique_together': (('account_id', 'dedupe_key'),), 'indexes': [Index(fields=['account_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Budget',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='budgets', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=100)),
                ('amount', fields.DecimalField(max_digits=24, decimal_places=6)),
                ('currency', fields.CharField(default='USD', max_length=3)),
                ('period', fields.CharEnumField(description='DAY: day\nWEEK: week\nMONTH: month\nQUARTER: quarter', enum_type=BudgetPeriod, max_length=12)),
                ('scope', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('thresholds', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('forecast_alert', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'spend_budget', 'app': 'spend', 'indexes': [Index(fields=['account_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='NotificationChannel',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='notification_channels', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='WEBHOOK: webhook\nSLACK: slack\nEMAIL: email', enum_type=ChannelKind, max_length=12)),
                ('name', fields.CharField(max_length=100)),
                ('target_sealed', fields.TextField(unique=False)),
                ('target_hint', fields.CharField(max_length=120)),
                ('secret_sealed', fields.TextField(null=True, unique=False)),
                ('alert_kinds', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'spend_channel', 'app': 'spend', 'indexes': [Index(fields=['account_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Delivery',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account_id', fields.UUIDField()),
                ('alert', fields.ForeignKeyField('spend.Alert', source_field='alert_id', null=True, db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.CASCADE)),
                ('channel', fields.ForeignKeyField('spend.NotificationChannel', source_field='channel_id', db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.CASCADE)),
                ('status', fields.CharEnumField(default=DeliveryStatus.PENDING, description='PENDING: pending\nDELIVERED: delivered\nFAILED: failed', enum_type=DeliveryStatus, max_length=12)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(null=True, max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'spend_delivery', 'app': 'spend', 'unique_together': (('alert_id', 'channel_id'),), 'indexes': [Index(fields=['status', 'next_attempt_at']), Index(fields=['account_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'The outbox and the delivery log in one: a row per (alert, channel), or a test send.'},
            bases=['Model'],
        ),
    ]
