"""Revisions: the usage_revision table, each record's origin (the source that reported it),
the per-source outcome of a sync run, its rows removed and its PARTIAL status. Existing
records get the origin their adapter gives them today, so the first re-read after the
upgrade can replace them."""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from meterwise.models.usage import RevisionKind, SyncStatus
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('usage', '0003_drop_plain_daily_index')]

    initial = False

    operations = [
        ops.CreateModel(
            name='UsageRevision',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account_id', fields.UUIDField()),
                ('connection_id', fields.UUIDField()),
                ('provider', fields.CharField(max_length=16)),
                ('sync_run_id', fields.UUIDField(null=True)),
                ('kind', fields.CharEnumField(description='ADDED: added\nCHANGED: changed\nREMOVED: removed', enum_type=RevisionKind, max_length=8)),
                ('origin', fields.CharField(default='', max_length=40)),
                ('source', fields.CharField(max_length=8)),
                ('bucket_start', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('bucket_width', fields.CharField(max_length=4)),
                ('model', fields.CharField(default='', max_length=200)),
                ('project', fields.CharField(default='', max_length=200)),
                ('api_key_id', fields.CharField(default='', max_length=200)),
                ('line_item', fields.CharField(default='', max_length=300)),
                ('currency', fields.CharField(default='USD', max_length=3)),
                ('old_cost', fields.DecimalField(null=True, max_digits=24, decimal_places=12)),
                ('new_cost', fields.DecimalField(null=True, max_digits=24, decimal_places=12)),
                ('old_input_tokens', fields.BigIntField(default=0)),
                ('new_input_tokens', fields.BigIntField(default=0)),
                ('old_output_tokens', fields.BigIntField(default=0)),
                ('new_output_tokens', fields.BigIntField(default=0)),
                ('old_requests', fields.BigIntField(default=0)),
                ('new_requests', fields.BigIntField(default=0)),
                ('revised_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'usage_revision', 'app': 'usage', 'indexes': [Index(fields=['account_id', 'revised_at']), Index(fields=['connection_id', 'bucket_start'])], 'pk_attr': 'id', 'table_description': 'One provider revision of one stored row: what it was, what it is now, which run saw it.'},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='SyncRun',
            name='status',
            field=fields.CharEnumField(default=SyncStatus.QUEUED, description='QUEUED: queued\nRUNNING: running\nSUCCEEDED: succeeded\nPARTIAL: partial\nFAILED: failed', enum_type=SyncStatus, max_length=12),
        ),
        ops.AddField(
            model_name='SyncRun',
            name='rows_removed',
            field=fields.IntField(default=0),
        ),
        ops.AddField(
            model_name='SyncRun',
            name='sources',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='UsageRecord',
            name='origin',
            field=fields.CharField(default='', max_length=40),
        ),
        # database defaults too: writers that name their columns (older backups, raw
        # inserts) still work
        ops.RunSQL(
            "ALTER TABLE usage_record ALTER COLUMN origin SET DEFAULT ''; "
            "ALTER TABLE sync_run ALTER COLUMN rows_removed SET DEFAULT 0",
            reverse_sql="ALTER TABLE usage_record ALTER COLUMN origin DROP DEFAULT; "
            "ALTER TABLE sync_run ALTER COLUMN rows_removed DROP DEFAULT",
        ),
        ops.RunSQL(
            "UPDATE usage_record SET origin = CASE "
            "WHEN provider = 'openai' AND source = 'usage' THEN 'usage.' || split_part(line_item, ' | ', 1) "
            "WHEN provider = 'openai' THEN 'costs' "
            "WHEN provider = 'anthropic' AND source = 'usage' THEN 'usage_report' "
            "WHEN provider = 'anthropic' THEN 'cost_report' "
            "WHEN provider = 'openrouter' AND line_item = 'key usage_daily' THEN 'key' "
            "WHEN provider = 'openrouter' THEN 'activity' ELSE '' END",
            reverse_sql="SELECT 1",
        ),
    ]
