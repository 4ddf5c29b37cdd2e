"""Prepaid balances: the latest balance a provider reported per connection (runway)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('identity', '0001_initial'), ('identity', '0002_credentials'), ('identity', '0003_identity_invites_recovery'), ('spend', '0002_spend_mutes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PrepaidBalance',
            fields=[
                ('connection_id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='prepaid_balances', on_delete=OnDelete.CASCADE)),
                ('total_credits', fields.DecimalField(max_digits=24, decimal_places=6)),
                ('total_usage', fields.DecimalField(max_digits=24, decimal_places=6)),
                ('balance', fields.DecimalField(max_digits=24, decimal_places=6)),
                ('currency', fields.CharField(default='USD', max_length=3)),
                ('seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'spend_prepaid_balance', 'app': 'spend', 'pk_attr': 'connection_id', 'table_description': 'The latest prepaid balance a provider reported for a connection (OpenRouter'},
            bases=['Model'],
        ),
    ]
