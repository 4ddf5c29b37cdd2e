from tortoise import migrations
from tortoise.migrations import operations as ops
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('vault', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AccountDeletion',
            fields=[
                ('account_id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('requested_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('keys_destroyed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('rows_deleted', fields.BigIntField(default=0)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'account_deletion', 'schema': 'keystore', 'app': 'vault', 'pk_attr': 'account_id', 'table_description': "A deleted account's tombstone and the progress of its deletion job."},
            bases=['Model'],
        ),
    ]
