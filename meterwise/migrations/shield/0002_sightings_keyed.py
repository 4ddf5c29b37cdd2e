"""Sightings become HMAC digests under an instance key: the old plain SHA-256 rows can never
match again (and are brute-forceable), so they go. Cost: each user's next login, each
connection's next sync, re-learns its baseline without alerting (see README)."""

from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('shield', '0001_initial')]

    initial = False

    operations = [
        ops.RunSQL("DELETE FROM security_sighting", reverse_sql="SELECT 1"),
    ]
