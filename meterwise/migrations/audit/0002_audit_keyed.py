"""Keyed audit chain: per-event key id, salted digest of the personal fields, erasure mark;
signed checkpoints. Existing events stay as they are (legacy, unkeyed) and verify as such up
to the first keyed event."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from uuid import uuid4
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [('audit', '0001_initial')]

    initial = False

    operations = [
        ops.AddField(model_name='AuditEvent', name='key_id',
                     field=fields.CharField(null=True, max_length=36)),
        ops.AddField(model_name='AuditEvent', name='personal_digest',
                     field=fields.CharField(null=True, max_length=64)),
        ops.AddField(model_name='AuditEvent', name='personal_salt',
                     field=fields.CharField(null=True, max_length=32)),
        ops.AddField(model_name='AuditEvent', name='erased_at',
                     field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
        ops.CreateModel(
            name='AuditCheckpoint',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('seq', fields.BigIntField(db_index=True)),
                ('head_hash', fields.CharField(max_length=64)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('key_id', fields.CharField(max_length=36)),
                ('signature', fields.CharField(max_length=64)),
            ],
            options={'table': 'audit_checkpoint', 'app': 'audit', 'pk_attr': 'id', 'table_description': 'A signed anchor of the chain head.'},
            bases=['Model'],
        ),
    ]
