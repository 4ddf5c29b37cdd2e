"""Database plumbing: Tortoise configuration, the embedded PostgreSQL, migrations."""
