"""Account deletion tombstones record when a master-key rotation made the deletion effective
for old keystore copies too (``keyring.rotate_after_deletions``)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [('vault', '0002_account_deletion')]

    initial = False

    operations = [
        ops.AddField(model_name='AccountDeletion', name='master_retired_at',
                     field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
    ]
