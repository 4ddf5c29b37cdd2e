from tortoise import migrations
from tortoise.migrations import operations as ops
from meterwise.models.usage import CostBasis, SyncStatus
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('usage', '0004_usage_revisions')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='SyncRun',
            name='status',
            field=fields.CharEnumField(default=SyncStatus.QUEUED, description='QUEUED: queued\nRUNNING: running\nRETRYING: retrying\nSUCCEEDED: succeeded\nPARTIAL: partial\nFAILED: failed', enum_type=SyncStatus, max_length=12),
        ),
        ops.AlterField(
            model_name='UsageRecord',
            name='cost_basis',
            field=fields.CharEnumField(default=CostBasis.NONE, description='REPORTED: reported\nESTIMATED: estimated\nMIXED: mixed\nNONE: none', enum_type=CostBasis, max_length=12),
        ),
    ]
