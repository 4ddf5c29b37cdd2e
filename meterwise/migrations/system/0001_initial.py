from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='ScheduledJob',
            fields=[
                ('name', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=100)),
                ('interval_seconds', fields.IntField()),
                ('next_run_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_enqueued_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'scheduled_job', 'app': 'system', 'pk_attr': 'name', 'table_description': 'A periodic job and when it is next due.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WorkerHeartbeat',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token', fields.CharField(db_index=True, max_length=64)),
                ('worker', fields.CharField(max_length=128)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'worker_heartbeat', 'app': 'system', 'pk_attr': 'id', 'table_description': 'Written by the ``system.heartbeat`` job; proves a worker executed a job end to end.'},
            bases=['Model'],
        ),
    ]
