"""The dashboard index: usage reports read usage_daily by (account, day range) with an
index-only scan (every column a report reads is INCLUDEd, so no heap visits)."""

from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('usage', '0001_initial')]

    initial = False

    operations = [
        ops.RunSQL(
            "CREATE INDEX IF NOT EXISTS usage_daily_dashboard ON usage_daily (account_id, day) "
            "INCLUDE (provider, connection_id, model, project, api_key_id, currency, "
            "input_tokens, output_tokens, cached_input_tokens, requests, cost, reported_rows, "
            "estimated_rows)",
            reverse_sql="DROP INDEX IF EXISTS usage_daily_dashboard",
        ),
    ]
