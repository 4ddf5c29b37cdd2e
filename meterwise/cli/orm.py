"""The database for one short CLI command: configured or embedded, migrated when embedded."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from tortoise import Tortoise

from meterwise.config import Settings
from meterwise.db.config import tortoise_config
from meterwise.db.migrate import apply_migrations
from meterwise.keys import master_key_loader
from meterwise.runtime import database_url
from meterwise.services import vault


@contextlib.asynccontextmanager
async def orm(settings: Settings) -> AsyncIterator[None]:
    """Tortoise on the command's database for the block (no queue, no scheduler).

    The vault gets the master-key loader (read only when a key is needed): writing an audit
    event (``invites create``) or verifying the chain needs the instance keys.
    """
    vault.configure(master_key_loader(settings))
    async with database_url(settings) as url:
        if settings.embedded_database:
            await apply_migrations(url)
        await Tortoise.init(config=tortoise_config(url, pool_max=2),
                            _enable_global_fallback=True)
        try:
            yield
        finally:
            await Tortoise.close_connections()
