"""Incidents: the record, affected accounts, timeline, escalation outbox, checklist."""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from meterwise.models.incidents import ChecklistStatus, EntryKind, IncidentSeverity, IncidentStatus
from meterwise.models.spend import DeliveryStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Incident',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('title', fields.CharField(max_length=200)),
                ('summary', fields.TextField(default='', unique=False)),
                ('severity', fields.CharEnumField(description='SEV1: sev1\nSEV2: sev2\nSEV3: sev3\nSEV4: sev4', enum_type=IncidentSeverity, max_length=8)),
                ('status', fields.CharEnumField(default=IncidentStatus.OPEN, description='OPEN: open\nACKNOWLEDGED: acknowledged\nCONTAINED: contained\nRESOLVED: resolved\nCLOSED: closed', enum_type=IncidentStatus, max_length=16)),
                ('rule', fields.CharField(null=True, max_length=64)),
                ('subject', fields.CharField(null=True, max_length=200)),
                ('live_key', fields.CharField(null=True, unique=True, max_length=300)),
                ('owner', fields.CharField(null=True, max_length=200)),
                ('opened_by', fields.CharField(max_length=200)),
                ('opened_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('acknowledged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('contained_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('escalation_level', fields.IntField(default=0)),
                ('next_escalation_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'incident', 'app': 'incidents', 'indexes': [Index(fields=['status', 'opened_at']), Index(fields=['next_escalation_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ChecklistItem',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('incident', fields.ForeignKeyField('incidents.Incident', source_field='incident_id', db_constraint=True, to_field='id', related_name='checklist', on_delete=OnDelete.CASCADE)),
                ('text', fields.CharField(max_length=500)),
                ('owner', fields.CharField(max_length=200)),
                ('status', fields.CharEnumField(default=ChecklistStatus.TODO, description='TODO: todo\nDOING: doing\nDONE: done\nWONT_DO: wont_do', enum_type=ChecklistStatus, max_length=12)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'incident_checklist_item', 'app': 'incidents', 'indexes': [Index(fields=['incident_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'A remediation step of the post-incident report.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='IncidentAccount',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('incident', fields.ForeignKeyField('incidents.Incident', source_field='incident_id', db_constraint=True, to_field='id', related_name='accounts', on_delete=OnDelete.CASCADE)),
                ('account_id', fields.UUIDField(db_index=True)),
                ('added_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'incident_account', 'app': 'incidents', 'unique_together': (('incident_id', 'account_id'),), 'pk_attr': 'id', 'table_description': 'An account the incident affects (what ``contain`` and ``notify`` act on).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='IncidentEntry',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('incident', fields.ForeignKeyField('incidents.Incident', source_field='incident_id', db_constraint=True, to_field='id', related_name='entries', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='OPENED: opened\nSTATUS: status\nSECURITY_EVENT: security_event\nAUDIT_ENTRY: audit_entry\nDETECTION: detection\nACTION: action\nNOTIFICATION: notification\nNOTE: note\nCHECKLIST: checklist\nOWNER: owner', enum_type=EntryKind, max_length=16)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('actor', fields.CharField(max_length=200)),
                ('text', fields.TextField(unique=False)),
                ('ref', fields.CharField(null=True, db_index=True, max_length=200)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'incident_entry', 'app': 'incidents', 'unique_together': (('incident_id', 'ref'),), 'indexes': [Index(fields=['incident_id', 'at'])], 'pk_attr': 'id', 'table_description': 'One line of the timeline; ``details`` come from already-scrubbed sources only.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='IncidentNotification',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('incident', fields.ForeignKeyField('incidents.Incident', source_field='incident_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('level', fields.IntField()),
                ('contact_ref', fields.CharField(max_length=64)),
                ('contact_hint', fields.CharField(max_length=200)),
                ('channel', fields.CharField(max_length=12)),
                ('status', fields.CharEnumField(default=DeliveryStatus.PENDING, description='PENDING: pending\nDELIVERED: delivered\nFAILED: failed', enum_type=DeliveryStatus, max_length=12)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(null=True, max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'incident_notification', 'app': 'incidents', 'unique_together': (('incident_id', 'level', 'contact_ref'),), 'indexes': [Index(fields=['status', 'next_attempt_at'])], 'pk_attr': 'id', 'table_description': 'The escalation outbox: one row per (incident, level, contact). ``contact_ref`` is a'},
            bases=['Model'],
        ),
    ]
