"""The usage report as CSV, streamed from a server-side cursor (never all in memory).

Same request, same SQL as the GraphQL report; one row per series point with a header row.
Money is written exactly (plain decimal notation), counts as integers. Text cells that a
spreadsheet would run as a formula (leading ``= + - @``, tab, CR) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Any

from tortoise import connections

from meterwise.services.analytics.query import DIMENSION_COLUMNS, ReportRequest, build_sql
from meterwise.services.analytics.report import cost_basis, money
from meterwise.services.analytics.settings import usage_settings

HEADERS = {"provider": "provider", "connection_id": "connection_id", "model": "model",
           "project": "project", "api_key_id": "api_key"}
MEASURES = ["cost", "cost_basis", "input_tokens", "output_tokens", "cached_input_tokens",
            "requests"]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BATCH = 500


def header(request: ReportRequest) -> list[str]:
    dims = [HEADERS[DIMENSION_COLUMNS[d]] for d in request.group_by]
    return ["bucket_start", *dims, "currency", *MEASURES]


async def csv_lines(request: ReportRequest) -> AsyncIterator[str]:
    """Header, then one CSV line per point, in series order (at most ``max_export_rows``)."""
    columns = [DIMENSION_COLUMNS[d] for d in request.group_by]
    sql, args = build_sql(request, limit=usage_settings().max_export_rows + 64)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(request))
    async with connections.get("default").acquire_connection() as conn, conn.transaction():
        batch = 0
        async for row in conn.cursor(sql, *args, prefetch=BATCH):
            if row["is_total"]:
                continue
            writer.writerow(_line(row, columns))
            batch += 1
            if batch >= BATCH:
                yield _drain(buffer)
                batch = 0
    yield _drain(buffer)


def _line(row: Any, columns: list[str]) -> list[str]:
    dims = ["" if row[c] is None else _cell(str(row[c])) for c in columns]
    return [
        row["bucket"].isoformat(), *dims, _cell(row["currency"]),
        format(money(row["cost"]), "f"),
        cost_basis(row["reported_rows"], row["estimated_rows"]).name,  # as in GraphQL
        *(str(int(row[name])) for name in ("input_tokens", "output_tokens",
                                           "cached_input_tokens", "requests")),
    ]


def _cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
