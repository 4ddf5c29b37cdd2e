"""Alert mutes: an anomaly dimension value silenced until a time (unique per account)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('identity', '0003_identity_invites_recovery'), ('spend', '0001_spend')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AlertMute',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='spend_alert_mutes', on_delete=OnDelete.CASCADE)),
                ('mute_key', fields.CharField(max_length=300)),
                ('until', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('created_by', fields.UUIDField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'spend_alert_mute', 'app': 'spend', 'unique_together': (('account_id', 'mute_key'),), 'pk_attr': 'id', 'table_description': 'An anomaly dimension value silenced until ``until``: ``raise_alert`` inserts nothing'},
            bases=['Model'],
        ),
    ]
