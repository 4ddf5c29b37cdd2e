"""Write a migration for the model changes of one or more apps.

Usage: .venv/bin/python scripts/makemigrations.py APP_LABEL [APP_LABEL ...] [--name NAME]
Reads the migration history from files only; the database named by
METERWISE_DATABASE_URL (default: local PostgreSQL, database ``postgres``) is merely connected to.
"""

from __future__ import annotations

import os
import sys

from tortoise.cli.cli import main as tortoise_main

from meterwise.db import config


def run() -> None:
    url = os.environ.get("METERWISE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    sys.modules["_meterwise_migration_config"] = type(sys)("_meterwise_migration_config")
    sys.modules["_meterwise_migration_config"].TORTOISE_ORM = config.tortoise_config(url)  # type: ignore[attr-defined]
    config_path = "_meterwise_migration_config.TORTOISE_ORM"
    sys.argv = ["tortoise", "-c", config_path, "makemigrations", *sys.argv[1:]]
    tortoise_main()


if __name__ == "__main__":
    run()
