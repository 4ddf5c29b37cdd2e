from tortoise import migrations
from tortoise.migrations import operations as ops
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateSchema(schema_name='keystore'),
        ops.CreateModel(
            name='DataKey',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account_id', fields.UUIDField(db_index=True)),
                ('version', fields.IntField()),
                ('master_key_id', fields.CharField(db_index=True, max_length=32)),
                ('wrapped', fields.BinaryField()),
                ('active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('rewrapped_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'data_key', 'schema': 'keystore', 'app': 'vault', 'unique_together': (('account_id', 'version'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
