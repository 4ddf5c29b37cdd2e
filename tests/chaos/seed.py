"""Seed a topology's database from a separate process: ``python -m tests.chaos.seed SPEC``.

The chaos tests never open the ORM in the test process (the topology may run on a cluster
of its own, which the session's ORM is not connected to), so a victim (an OWNER with MFA
done, a session token, one connection per fake) is written here, through the same services
``tests.support`` uses, and described on stdout as one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

from tortoise import Tortoise

from meterwise import wiring
from meterwise.config import ProviderKind, load_settings
from meterwise.db.config import tortoise_config
from meterwise.fakeproviders import FakeProvider
from meterwise.models.connections import ProviderConnection
from tests.support.identity import signed_in
from tests.sync.support import add_connection

NEVER_DUE = timedelta(days=3650)  # the scheduler must not sync behind the test's back


async def seed(spec: dict[str, Any]) -> dict[str, Any]:
    settings = load_settings()
    wiring.wire(settings)
    assert settings.database_url is not None
    await Tortoise.init(config=tortoise_config(settings.database_url.get_secret_value()),
                        _enable_global_fallback=True)
    try:
        token, who = await signed_in()
        connections: dict[str, str] = {}
        for fake in spec["fakes"]:
            provider = cast(FakeProvider, SimpleNamespace(kind=ProviderKind(fake["kind"]),
                                                          valid_key=fake["key"]))
            connection = await add_connection(who.account_id, provider)
            await ProviderConnection.filter(id=connection.id).update(
                next_sync_at=datetime.now(UTC) + NEVER_DUE)
            connections[fake["kind"]] = str(connection.id)
        return {"token": token, "account_id": str(who.account_id),
                "user_id": str(who.user_id), "connections": connections}
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(seed(json.loads(sys.argv[1])))))
