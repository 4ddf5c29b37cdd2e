"""The ceiling for ``benchmarks/load.py``: the dashboard's SQL behind bare Starlette + asyncpg.

No auth, no GraphQL, no middleware: ``GET /usage?account=<id>`` runs exactly the statement
``meterwise.services.analytics.query.build_sql`` makes for the load test's dashboard query
(30 days by DAY x MODEL) on one asyncpg pool, and answers its rows as JSON. Run as
``uvicorn benchmarks.bare_usage:app --workers 2`` with ``BENCH_DATABASE_URL`` set.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from meterwise.services.analytics.query import Dimension, Granularity, ReportRequest, build_sql

DAYS = 30


def dashboard_sql(account_id: UUID, now: datetime | None = None) -> tuple[str, list[object]]:
    """The load test's dashboard query, as the API builds it."""
    end = (now or datetime.now(UTC)).replace(hour=0, minute=0, second=0, microsecond=0)
    end += timedelta(days=1)
    request = ReportRequest(account_id=account_id, start=end - timedelta(days=DAYS), end=end,
                            granularity=Granularity.DAY, group_by=(Dimension.MODEL,))
    return build_sql(request, limit=50_000 + 64)  # as run_report: max_points + 64


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    app.state.pool = await asyncpg.create_pool(os.environ["BENCH_DATABASE_URL"],
                                               min_size=2, max_size=10)
    yield
    await app.state.pool.close()


async def usage(request: Request) -> JSONResponse:
    sql, args = dashboard_sql(UUID(request.query_params["account"]))
    async with request.app.state.pool.acquire() as conn:
        rows = await conn.fetch(sql, *args)
    return JSONResponse([{k: str(v) for k, v in row.items()} for row in rows])


app = Starlette(routes=[Route("/usage", usage)], lifespan=lifespan)
