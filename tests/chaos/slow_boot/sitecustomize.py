"""Loaded into a worker under test through ``PYTHONPATH``: ``Tortoise.init`` starts
``MW_TEST_ORM_INIT_DELAY`` seconds late (a slow database at boot), which widens the gap in
which a worker that consumes before its database layer is ready takes a job."""

from __future__ import annotations

import asyncio
import os
from typing import Any

_DELAY = float(os.environ.get("MW_TEST_ORM_INIT_DELAY", "0"))

if _DELAY > 0:
    from tortoise import Tortoise

    _init = Tortoise.init.__func__  # type: ignore[attr-defined]

    async def _late_init(cls: Any, *args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(_DELAY)
        await _init(cls, *args, **kwargs)

    Tortoise.init = classmethod(_late_init)  # type: ignore[method-assign,assignment]
