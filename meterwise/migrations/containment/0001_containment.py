from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('identity', '0003_identity_invites_recovery')]

    initial = True

    operations = [
        ops.CreateModel(
            name='AccountFreeze',
            fields=[
                ('account', fields.OneToOneField('identity.Account', source_field='account_id', primary_key=True, db_index=True, db_constraint=True, to_field='id', related_name='freeze', on_delete=OnDelete.CASCADE)),
                ('frozen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('frozen_by', fields.CharField(max_length=200)),
                ('reason', fields.CharField(max_length=500)),
            ],
            options={'table': 'containment_account_freeze', 'app': 'containment', 'pk_attr': 'account_id', 'table_description': "While this row exists the account's provider keys are never opened and nothing syncs."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PasswordChangeRequirement',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('identity.User', source_field='user_id', db_constraint=True, to_field='id', related_name='password_change_requirements', on_delete=OnDelete.CASCADE)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='password_change_requirements', on_delete=OnDelete.CASCADE)),
                ('required_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'containment_password_change', 'app': 'containment', 'unique_together': (('user', 'account'),), 'pk_attr': 'id', 'table_description': 'The user must set a new password before doing anything else (one row per account'},
            bases=['Model'],
        ),
    ]
