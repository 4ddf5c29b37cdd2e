from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('usage', '0005_one_vocabulary')]

    initial = False

    operations = [
        ops.AddField(
            model_name='SyncRun',
            name='resumed_from',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='SyncRun',
            name='stored_until',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='SyncRun',
            name='taken_over_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        # the scheduler looks for lapsed leases every few seconds: only active runs are
        # indexed, so the scan stays a few index pages however long the history grows
        ops.RunSQL(
            "CREATE INDEX sync_run_active_lease ON sync_run (lease_expires_at) "
            "WHERE status IN ('queued', 'running')",
            reverse_sql="DROP INDEX sync_run_active_lease",
        ),
    ]
