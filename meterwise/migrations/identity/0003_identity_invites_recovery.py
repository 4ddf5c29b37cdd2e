from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('identity', '0002_credentials')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Invite',
            name='revoked_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='RecoveryCode',
            name='key_id',
            field=fields.CharField(null=True, max_length=32),
        ),
        ops.AlterModelOptions(
            name='RecoveryCode',
            options={'table': 'recovery_code', 'app': 'identity', 'pk_attr': 'id', 'table_description': 'One single-use recovery code, as HMAC-SHA-256 under a master-key-derived key.'},
        ),
    ]
