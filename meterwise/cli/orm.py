"""The database for one short CLI command: configured or embedded, migrated when embedded."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from tortoise import Tortoise

from meterwise.config import Settings
from meterwise.db.config import tortoise_config
from meterwise.db.migrate import apply_migrations
from meterwise.runtime import database_url


@contextlib.asynccontextmanager
async def orm(settings: Settings) -> AsyncIterator[None]:
    """Tortoise on the command's database for the block (no queue, no scheduler).

    The vault's master keys come from the process wiring (``wired_settings`` set it up; read
    only when a key is needed): writing an audit event or verifying the chain needs them.
    """
    async with database_url(settings) as url:
        if settings.embedded_database:
            await apply_migrations(url)
        await Tortoise.init(config=tortoise_config(url, pool_max=2),
                            _enable_global_fallback=True)
        try:
            yield
        finally:
            await Tortoise.close_connections()
