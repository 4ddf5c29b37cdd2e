from tortoise import migrations
from tortoise.migrations import operations as ops
from meterwise.config import ProviderKind
from meterwise.models.connections import ConnectionStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('identity', '0002_credentials')]

    initial = True

    operations = [
        ops.CreateModel(
            name='ProviderConnection',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='provider_connections', on_delete=OnDelete.CASCADE)),
                ('provider', fields.CharEnumField(description='OPENAI: openai\nANTHROPIC: anthropic\nOPENROUTER: openrouter', enum_type=ProviderKind, max_length=32)),
                ('label', fields.CharField(max_length=100)),
                ('key_sealed', fields.TextField(unique=False)),
                ('key_hint', fields.CharField(max_length=4)),
                ('status', fields.CharEnumField(default=ConnectionStatus.ACTIVE, description='ACTIVE: active\nINVALID_CREDENTIALS: invalid_credentials\nERROR: error\nPAUSED: paused', enum_type=ConnectionStatus, max_length=32)),
                ('last_error', fields.CharField(null=True, max_length=500)),
                ('last_synced_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('next_sync_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('sync_interval_seconds', fields.IntField(default=900)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'provider_connection', 'app': 'connections', 'indexes': [Index(fields=['status', 'next_sync_at']), Index(fields=['account_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'One provider account connected to a Meterwise account.'},
            bases=['Model'],
        ),
    ]
