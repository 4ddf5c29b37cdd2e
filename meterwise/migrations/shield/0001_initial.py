from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from meterwise.models.shield import Severity
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('identity', '0002_credentials')]

    initial = True

    operations = [
        ops.CreateModel(
            name='SecurityEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', null=True, db_constraint=True, to_field='id', related_name='security_events', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=64)),
                ('severity', fields.CharEnumField(description='LOW: low\nMEDIUM: medium\nHIGH: high\nCRITICAL: critical', enum_type=Severity, max_length=16)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'security_event', 'app': 'shield', 'pk_attr': 'id', 'table_description': 'One detected event; ``account`` is null for events not tied to a tenant (an IP).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Sighting',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('subject', fields.CharField(max_length=80)),
                ('kind', fields.CharField(max_length=16)),
                ('digest', fields.CharField(max_length=64)),
                ('first_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_seen_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'security_sighting', 'app': 'shield', 'unique_together': (('subject', 'kind', 'digest'),), 'pk_attr': 'id', 'table_description': '``subject`` (``user:<id>`` or ``connection:<id>``) was seen with ``digest`` of ``kind``.'},
            bases=['Model'],
        ),
    ]
