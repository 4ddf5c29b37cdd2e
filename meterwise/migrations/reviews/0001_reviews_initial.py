"""Access reviews: reviews, their findings and the owners' digests (app label ``reviews``)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from meterwise.models.reviews import FindingKind
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('identity', '0003_identity_invites_recovery')]

    initial = True

    operations = [
        ops.CreateModel(
            name='AccessReview',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='access_reviews', on_delete=OnDelete.CASCADE)),
                ('trigger', fields.CharField(max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('completed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('completed_by', fields.UUIDField(null=True)),
                ('completion_note', fields.CharField(null=True, max_length=500)),
            ],
            options={'table': 'access_review', 'app': 'reviews', 'indexes': [Index(fields=['account_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ReviewDigest',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('review', fields.ForeignKeyField('reviews.AccessReview', source_field='review_id', db_constraint=True, to_field='id', related_name='digests', on_delete=OnDelete.CASCADE)),
                ('user_id', fields.UUIDField()),
                ('status', fields.CharField(default='pending', max_length=12)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(null=True, max_length=300)),
            ],
            options={'table': 'access_review_digest', 'app': 'reviews', 'unique_together': (('review_id', 'user_id'),), 'pk_attr': 'id', 'table_description': 'One e-mail of a review to one owner: pending → sending → sent | failed.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ReviewFinding',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('review', fields.ForeignKeyField('reviews.AccessReview', source_field='review_id', db_constraint=True, to_field='id', related_name='findings', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='INACTIVE_MEMBER: inactive_member\nUNUSED_API_TOKEN: unused_api_token\nPENDING_INVITE: pending_invite\nEXCESS_OWNERS: excess_owners\nSTALE_PROVIDER_KEY: stale_provider_key\nFAILING_CONNECTION: failing_connection\nIDLE_CONNECTION: idle_connection', enum_type=FindingKind, max_length=32)),
                ('subject_id', fields.UUIDField(null=True)),
                ('summary', fields.CharField(max_length=300)),
                ('since', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'access_review_finding', 'app': 'reviews', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
