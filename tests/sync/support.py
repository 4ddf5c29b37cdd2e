"""Helpers for sync tests: connections holding a fake's key, stored totals, a recording queue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from meterwise.config import Settings
from meterwise.fakeproviders import FakeProvider, Fakes, Totals, TotalsKey
from meterwise.models.connections import ProviderConnection
from meterwise.models.usage import UsageDaily, UsageRecord
from meterwise.services import vault
from meterwise.services.connections import SEALED_FIELD, SEALED_RECORD, key_hint


@dataclass
class RecordingQueue:
    """A JobQueue that only remembers what it was asked to run."""

    sent: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    async def enqueue(self, name: str, /, **kwargs: Any) -> None:
        self.sent.append((name, kwargs))


def fake_settings(base: Settings, fakes: Fakes) -> Settings:
    """``base`` with every provider base URL pointing at the fakes."""
    return base.model_copy(update={
        f"provider_{fake.kind.value}_base_url": fake.base_url for fake in fakes.all()})


def provider_env(fakes: Fakes) -> dict[str, str]:
    """The same, as settings for a subprocess's ``clean_env``."""
    return {f"provider_{fake.kind.value}_base_url": fake.base_url
            for fake in fakes.all()}


async def add_connection(account_id: UUID, fake: FakeProvider, *, key: str | None = None,
                         label: str = "Main") -> ProviderConnection:
    """A connection holding ``fake``'s valid key (or ``key``), sealed as the vault does it."""
    api_key = key or fake.valid_key
    connection = ProviderConnection(
        id=uuid4(), account_id=account_id, provider=fake.kind,
        label=label, key_hint=key_hint(api_key), key_sealed="")
    connection.key_sealed = await vault.seal(account_id, api_key, record=SEALED_RECORD,
                                             record_id=connection.id, field=SEALED_FIELD)
    await connection.save(force_create=True)
    return connection


def _none(value: str) -> str | None:
    return value or None


def _day(value: datetime) -> date:
    return value.astimezone(UTC).date()


async def stored_totals(connection_id: UUID) -> dict[TotalsKey, Totals]:
    """The records in ``Dataset.expected()`` form: per (day, model, project)."""
    out: dict[TotalsKey, Totals] = {}
    for row in await UsageRecord.filter(connection_id=connection_id):
        key = (_day(row.bucket_start), _none(row.model), _none(row.project))
        add = Totals(row.input_tokens, row.output_tokens, row.cached_input_tokens,
                     row.cache_write_tokens, row.requests,
                     Decimal(0) if row.cost is None else row.cost)
        out[key] = out.get(key, Totals()) + add
    return out


async def rollup_totals(connection_id: UUID) -> dict[TotalsKey, Totals]:
    """The same totals read from the daily rollup."""
    out: dict[TotalsKey, Totals] = {}
    for row in await UsageDaily.filter(connection_id=connection_id):
        key = (_day(row.day), _none(row.model), _none(row.project))
        add = Totals(row.input_tokens, row.output_tokens, row.cached_input_tokens,
                     row.cache_write_tokens, row.requests, row.cost)
        out[key] = out.get(key, Totals()) + add
    return out


def normalised(totals: dict[TotalsKey, Totals]) -> dict[TotalsKey, Totals]:
    """Drop all-zero entries and strip Decimal exponents, so equal amounts compare equal."""
    out = {}
    for key, t in totals.items():
        if t == Totals():
            continue
        out[key] = Totals(t.input_tokens, t.output_tokens, t.cached_input_tokens,
                          t.cache_write_tokens, t.requests, t.cost.normalize() + 0)
    return out


def expected_totals(fake: FakeProvider, days: Iterable[date] | None = None
                    ) -> dict[TotalsKey, Totals]:
    totals = fake.dataset.expected()
    if days is not None:
        keep = set(days)
        totals = {k: v for k, v in totals.items() if k[0] in keep}
    return normalised(totals)
