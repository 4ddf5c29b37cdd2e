from tortoise import migrations
from tortoise.migrations import operations as ops
from meterwise.models.notices import NoticeDeliveryStatus, NoticeSeverity
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('identity', '0003_identity_invites_recovery')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Notice',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='notices', on_delete=OnDelete.CASCADE)),
                ('campaign', fields.CharField(max_length=100)),
                ('title', fields.CharField(max_length=200)),
                ('body', fields.TextField(unique=False)),
                ('severity', fields.CharEnumField(description='INFO: info\nWARNING: warning\nCRITICAL: critical', enum_type=NoticeSeverity, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('acknowledged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('acknowledged_by', fields.UUIDField(null=True)),
            ],
            options={'table': 'notice', 'app': 'notices', 'unique_together': (('account_id', 'campaign'),), 'indexes': [Index(fields=['account_id', 'acknowledged_at'])], 'pk_attr': 'id', 'table_description': 'A message from the operator to one account, shown until an owner or admin'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='NoticeDelivery',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('campaign', fields.CharField(max_length=100)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='notice_deliveries', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('identity.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notice_deliveries', on_delete=OnDelete.CASCADE)),
                ('status', fields.CharEnumField(default=NoticeDeliveryStatus.PENDING, description='PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed', enum_type=NoticeDeliveryStatus, max_length=12)),
                ('attempts', fields.IntField(default=0)),
                ('claimed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(null=True, max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'notice_delivery', 'app': 'notices', 'unique_together': (('campaign', 'account_id', 'user_id'),), 'pk_attr': 'id', 'table_description': "One recipient's e-mail of one campaign: what happened to it, and when."},
            bases=['Model'],
        ),
    ]
