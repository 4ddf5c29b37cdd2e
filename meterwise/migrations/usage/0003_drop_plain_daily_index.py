from tortoise import migrations
from tortoise.migrations import operations as ops

class Migration(migrations.Migration):
    dependencies = [('usage', '0002_dashboard_index')]

    initial = False

    operations = [
        ops.RemoveIndex(
            model_name='UsageDaily',
            name=None,
            fields=['account_id', 'day'],
        ),
    ]
