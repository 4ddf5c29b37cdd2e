"""The credential-stuffing rule reads failed logins of a bounded recent window from the
audit log: a partial index on ``occurred_at`` of ``login.failed`` rows keeps that an index
range scan, however long the log grows (the audit app itself needs no such index)."""

from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('incidents', '0001_initial'), ('audit', '0002_audit_keyed')]

    initial = False

    operations = [
        ops.RunSQL(
            "CREATE INDEX IF NOT EXISTS audit_event_login_failed ON audit_event (occurred_at) "
            "WHERE action = 'login.failed'",
            reverse_sql="DROP INDEX IF EXISTS audit_event_login_failed",
        ),
    ]
