from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('seq', fields.BigIntField(unique=True)),
                ('account_id', fields.UUIDField(null=True, db_index=True)),
                ('actor_id', fields.UUIDField(null=True)),
                ('action', fields.CharField(max_length=64)),
                ('target', fields.CharField(null=True, max_length=200)),
                ('ip', fields.CharField(null=True, max_length=64)),
                ('user_agent', fields.CharField(null=True, max_length=512)),
                ('metadata', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('prev_hash', fields.CharField(max_length=64)),
                ('hash', fields.CharField(max_length=64)),
            ],
            options={'table': 'audit_event', 'app': 'audit', 'pk_attr': 'id', 'table_description': '``seq`` is gap-free; ``hash`` covers ``prev_hash`` and every other column.'},
            bases=['Model'],
        ),
    ]
