"""Usage rows for tests, written the way the ingest path stores them.

Rows go in with one multi-row statement (``unnest``), exactly as given (so expectations are
exact), then the ingest path's ``rebuild_daily`` recomputes the ``usage_daily``
rollup of the days they touch, as a sync does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from tortoise import connections
from tortoise.transactions import in_transaction

from meterwise.config import ProviderKind
from meterwise.models.connections import ProviderConnection
from meterwise.services.sync.ingest import Target
from meterwise.services.sync.ingest import rebuild_daily as rebuild_days


@dataclass(frozen=True)
class Row:
    account_id: UUID
    connection_id: UUID
    provider: str
    bucket_start: datetime
    source: str = "usage"
    bucket_width: str = "1h"
    model: str = ""
    project: str = ""
    api_key_id: str = ""
    line_item: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    cached_input_tokens: int = 0
    cache_write_tokens: int = 0
    requests: int = 0
    cost: Decimal | None = None
    cost_basis: str = "none"
    currency: str = "USD"
    id: UUID = field(default_factory=uuid4)

    @property
    def key(self) -> tuple[object, ...]:
        return (self.connection_id, self.source, self.bucket_start, self.bucket_width,
                self.model, self.project, self.api_key_id, self.line_item)


async def add_connection(account_id: UUID, provider: ProviderKind = ProviderKind.OPENAI,
                         label: str = "Main") -> ProviderConnection:
    return await ProviderConnection.create(
        account_id=account_id, provider=provider, label=label, key_sealed="sealed",
        key_hint="abcd")


_COLUMNS = [
    ("account_id", "uuid"), ("connection_id", "uuid"), ("provider", "varchar"),
    ("source", "varchar"), ("bucket_start", "timestamptz"), ("bucket_width", "varchar"),
    ("model", "varchar"), ("project", "varchar"), ("api_key_id", "varchar"),
    ("line_item", "varchar"), ("input_tokens", "bigint"), ("output_tokens", "bigint"),
    ("cached_input_tokens", "bigint"), ("cache_write_tokens", "bigint"),
    ("requests", "bigint"), ("cost", "numeric"), ("currency", "varchar"),
    ("cost_basis", "varchar"),
]


async def insert_rows(rows: list[Row]) -> None:
    """Store ``rows`` in ``usage_record`` and rebuild the rollup of the days they touch."""
    if not rows:
        return
    names = ", ".join(name for name, _ in _COLUMNS)
    arrays = ", ".join(f"${i}::{kind}[]" for i, (_, kind) in enumerate(_COLUMNS, start=1))
    values = [[getattr(row, name) for row in rows] for name, _ in _COLUMNS]
    conn = connections.get("default")
    await conn.execute_query(
        f"INSERT INTO usage_record ({names}, updated_at) "
        f"SELECT *, now() FROM unnest({arrays})", values)
    await rebuild_daily(rows)


async def rebuild_daily(rows: list[Row]) -> None:
    """The rollup of the touched days, by the ingest path's own ``rebuild_daily``."""
    days: dict[Target, set[date]] = {}
    for row in rows:
        target = Target(account_id=row.account_id, connection_id=row.connection_id,
                        provider=row.provider)
        days.setdefault(target, set()).add(row.bucket_start.astimezone(UTC).date())
    async with in_transaction() as conn:
        for target, touched in days.items():
            await rebuild_days(conn, target, touched)


async def clear_usage() -> None:
    conn = connections.get("default")
    await conn.execute_query("TRUNCATE usage_record, usage_daily")
