from tortoise import migrations
from tortoise.migrations import operations as ops
from meterwise.models.usage import CostBasis, SyncStatus
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='SyncRun',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account_id', fields.UUIDField(db_index=True)),
                ('connection_id', fields.UUIDField(db_index=True)),
                ('status', fields.CharEnumField(default=SyncStatus.QUEUED, description='QUEUED: queued\nRUNNING: running\nSUCCEEDED: succeeded\nFAILED: failed', enum_type=SyncStatus, max_length=12)),
                ('trigger', fields.CharField(default='schedule', max_length=16)),
                ('window_start', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('window_end', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('pages', fields.IntField(default=0)),
                ('rows_inserted', fields.IntField(default=0)),
                ('rows_updated', fields.IntField(default=0)),
                ('attempts', fields.IntField(default=0)),
                ('error_class', fields.CharField(null=True, max_length=100)),
                ('error_message', fields.TextField(null=True, unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('lease_expires_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'sync_run', 'app': 'usage', 'indexes': [Index(fields=['connection_id', 'status'])], 'pk_attr': 'id', 'table_description': 'What one fetch did: its window, pages, rows, outcome and error class.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='UsageDaily',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account_id', fields.UUIDField()),
                ('connection_id', fields.UUIDField()),
                ('provider', fields.CharField(max_length=16)),
                ('day', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('model', fields.CharField(default='', max_length=200)),
                ('project', fields.CharField(default='', max_length=200)),
                ('api_key_id', fields.CharField(default='', max_length=200)),
                ('input_tokens', fields.BigIntField(default=0)),
                ('output_tokens', fields.BigIntField(default=0)),
                ('cached_input_tokens', fields.BigIntField(default=0)),
                ('cache_write_tokens', fields.BigIntField(default=0)),
                ('requests', fields.BigIntField(default=0)),
                ('cost', fields.DecimalField(default=0, max_digits=24, decimal_places=12)),
                ('reported_rows', fields.IntField(default=0)),
                ('estimated_rows', fields.IntField(default=0)),
                ('currency', fields.CharField(default='USD', max_length=3)),
            ],
            options={'table': 'usage_daily', 'app': 'usage', 'unique_together': (('connection_id', 'day', 'model', 'project', 'api_key_id'),), 'indexes': [Index(fields=['account_id', 'day'])], 'pk_attr': 'id', 'table_description': 'Per-day rollup the dashboards read: years of data stay a few rows per day.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='UsageRecord',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account_id', fields.UUIDField()),
                ('connection_id', fields.UUIDField()),
                ('provider', fields.CharField(max_length=16)),
                ('source', fields.CharField(max_length=8)),
                ('bucket_start', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('bucket_width', fields.CharField(max_length=4)),
                ('model', fields.CharField(default='', max_length=200)),
                ('project', fields.CharField(default='', max_length=200)),
                ('api_key_id', fields.CharField(default='', max_length=200)),
                ('line_item', fields.CharField(default='', max_length=300)),
                ('input_tokens', fields.BigIntField(default=0)),
                ('output_tokens', fields.BigIntField(default=0)),
                ('cached_input_tokens', fields.BigIntField(default=0)),
                ('cache_write_tokens', fields.BigIntField(default=0)),
                ('requests', fields.BigIntField(default=0)),
                ('cost', fields.DecimalField(null=True, max_digits=24, decimal_places=12)),
                ('currency', fields.CharField(default='USD', max_length=3)),
                ('cost_basis', fields.CharEnumField(default=CostBasis.NONE, description='REPORTED: reported\nESTIMATED: estimated\nNONE: none', enum_type=CostBasis, max_length=12)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'usage_record', 'app': 'usage', 'unique_together': (('connection_id', 'source', 'bucket_start', 'bucket_width', 'model', 'project', 'api_key_id', 'line_item'),), 'indexes': [Index(fields=['account_id', 'bucket_start'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        # at most one queued or running sync per connection: syncConnection and the scheduler
        # rely on it to return the active run instead of starting a second one
        ops.RunSQL(
            "CREATE UNIQUE INDEX sync_run_one_active ON sync_run (connection_id) "
            "WHERE status IN ('queued', 'running')",
            reverse_sql="DROP INDEX sync_run_one_active",
        ),
    ]
