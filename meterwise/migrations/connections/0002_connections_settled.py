"""Where a connection's settled buckets end: older than every source's look-back."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [('connections', '0001_initial')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ProviderConnection',
            name='settled_before',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
