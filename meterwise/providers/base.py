"""Normalised output of every adapter and the interface the sync service calls.

Row semantics (the contract with the storage layer):
* One row per (source, bucket_start, bucket_width, model, project, api_key_id, line_item);
  an adapter merges duplicates (sums them) so `UsageRow.key` is unique within a fetch and can be
  the upsert key together with the connection id.
* `source="usage"` rows carry tokens and requests, never cost (cost is None).
  `source="cost"` rows carry the provider's reported cost; their token fields are 0.
  Sum tokens over usage rows and cost over cost rows: nothing is counted twice.
* `model`, `project`, `api_key_id` are None where the provider reports a null grouping key
  (Console usage, default workspace, ...). Use `UNIQUE NULLS NOT DISTINCT` (PostgreSQL 15+).
* `line_item` is never None ("" when there is none): for cost rows the provider's line item or
  description; for usage rows the usage report it came from ("completions", "messages", ...),
  so rows from different reports never collide.
* `input_tokens` counts ALL input tokens: uncached + cached reads + cache writes.
* `cache_write_1h_tokens` (of `cache_write_tokens`), `input_audio_tokens` (of `input_tokens`)
  and `output_audio_tokens` (of `output_tokens`) are the parts priced differently; they feed
  the estimate at ingest and are not stored. A usage row's `line_item` may carry its tier
  and context (`line_items.usage_line_item`), so rows of different tiers never merge.

Fetch semantics (the contract with the sync service):
* A fetch is a set of *sources*, one per endpoint read (`SourceResult`). Each says which
  window it covers and either the rows it read there or the error that stopped it. A source
  that succeeded is the provider's whole truth for its window: the sync stores exactly it,
  removing its earlier rows the provider no longer reports. A failed source leaves its stored
  rows alone; the others are still stored.
* Only a permanent answer (`ProviderResponseError`: a 400, a malformed body) fails just its
  source. 401/403 (`InvalidCredentials`) and outages that outlasted the retries
  (`ProviderUnavailable`) end the whole fetch: the sync retries or gives up as a whole, and
  a fetch whose every source failed raises the first source's error.
* Source names are stable (they are stored with the rows as `origin`) and row keys never
  repeat across the sources of one fetch.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal, Inexact, localcontext
from typing import Literal, Protocol

from meterwise.config import ProviderKind
from meterwise.providers.errors import ProviderError, ProviderResponseError

BucketWidth = Literal["1h", "1d"]
Source = Literal["usage", "cost"]
RowKey = tuple[Source, datetime, BucketWidth, str | None, str | None, str | None, str]

BUCKET_DELTAS: dict[str, timedelta] = {"1h": timedelta(hours=1), "1d": timedelta(days=1)}


@dataclass(frozen=True, slots=True)
class UsageRow:
    """One normalised bucket of usage or cost for one set of dimensions."""

    bucket_start: datetime
    bucket_width: BucketWidth
    source: Source
    model: str | None
    project: str | None
    api_key_id: str | None
    line_item: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    cached_input_tokens: int = 0
    cache_write_tokens: int = 0
    requests: int = 0
    cost: Decimal | None = None
    currency: str = "USD"
    cache_write_1h_tokens: int = 0
    input_audio_tokens: int = 0
    output_audio_tokens: int = 0

    def __post_init__(self) -> None:
        if self.bucket_start.tzinfo is None or self.bucket_start.utcoffset() != timedelta(0):
            raise ValueError("bucket_start must be an aware UTC datetime")
        if (self.source == "usage") != (self.cost is None):
            raise ValueError("usage rows carry no cost; cost rows must carry one")

    @property
    def key(self) -> RowKey:
        """The dimensions that identify this row (add the connection id to make it global)."""
        return (
            self.source,
            self.bucket_start,
            self.bucket_width,
            self.model,
            self.project,
            self.api_key_id,
            self.line_item,
        )


@dataclass(frozen=True, slots=True)
class Credits:
    """A prepaid balance snapshot (OpenRouter `/credits`), in USD."""

    total_credits: Decimal
    total_usage: Decimal

    @property
    def balance(self) -> Decimal:
        return self.total_credits - self.total_usage


@dataclass(frozen=True, slots=True)
class SourceResult:
    """One endpoint of a fetch: the window it covers and its rows, or why it failed.

    ``rows`` are merged (unique keys) and all start in [start, end). An empty successful
    source is meaningful: the provider reports nothing there, so stored rows of that source
    in the window go.
    """

    name: str
    start: datetime
    end: datetime
    rows: tuple[UsageRow, ...] = ()
    pages: int = 0
    error: ProviderError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one fetch produced: a result per source (endpoint), and any balance seen."""

    sources: tuple[SourceResult, ...]
    credits: Credits | None = None
    other_pages: int = 0  # calls that belong to no source (OpenRouter's /key, /credits)

    @property
    def rows(self) -> tuple[UsageRow, ...]:
        """The rows of every source that succeeded."""
        return tuple(row for source in self.sources if source.ok for row in source.rows)

    @property
    def pages(self) -> int:
        return self.other_pages + sum(source.pages for source in self.sources)

    @property
    def failed(self) -> tuple[SourceResult, ...]:
        return tuple(source for source in self.sources if not source.ok)

    @classmethod
    def collect(cls, sources: Iterable[SourceResult], *, credits: Credits | None = None,
                other_pages: int = 0) -> FetchResult:
        """The result of a fetch; when every source failed, the fetch failed: raise the first
        source's error (nothing was read, so it is no partial result)."""
        sources = tuple(sources)
        errors = [source.error for source in sources if source.error is not None]
        if sources and len(errors) == len(sources):
            raise errors[0]
        return cls(sources=sources, credits=credits, other_pages=other_pages)


async def read_source(
    name: str,
    start: datetime,
    end: datetime,
    read: Callable[[], Awaitable[tuple[Iterable[UsageRow], int]]],
) -> SourceResult:
    """Run one endpoint's read (rows, pages) as a source: a permanent answer becomes its
    ``error`` so the other endpoints still count; a rejected key or an outage propagates."""
    try:
        rows, pages = await read()
        return SourceResult(name, start, end, merge_rows(rows), pages)
    except ProviderResponseError as exc:
        return SourceResult(name, start, end, error=exc)


class ProviderAdapter(Protocol):
    """What the sync service calls. Adapters hold no key and no database handle."""

    kind: ProviderKind

    async def validate_key(self, api_key: str) -> None:
        """One cheap call; raises InvalidCredentials if the provider rejects the key."""
        ...

    async def fetch(self, api_key: str, start: datetime, end: datetime) -> FetchResult:
        """A source per endpoint: each one's rows whose bucket starts in its part of
        [start, end) (all pages read), or its error."""
        ...


def merge_rows(rows: Iterable[UsageRow]) -> tuple[UsageRow, ...]:
    """Sum rows that share a key, so the result is safe to upsert; exact or it raises."""
    merged: dict[RowKey, UsageRow] = {}
    with localcontext() as ctx:
        ctx.prec = 200
        ctx.traps[Inexact] = True
        for row in rows:
            old = merged.get(row.key)
            if old is None:
                merged[row.key] = row
                continue
            if old.currency != row.currency:
                raise ProviderResponseError("one line item reported in two currencies")
            cost = None if old.cost is None or row.cost is None else old.cost + row.cost
            merged[row.key] = replace(
                old,
                input_tokens=old.input_tokens + row.input_tokens,
                output_tokens=old.output_tokens + row.output_tokens,
                cached_input_tokens=old.cached_input_tokens + row.cached_input_tokens,
                cache_write_tokens=old.cache_write_tokens + row.cache_write_tokens,
                requests=old.requests + row.requests,
                cost=cost,
                cache_write_1h_tokens=old.cache_write_1h_tokens + row.cache_write_1h_tokens,
                input_audio_tokens=old.input_audio_tokens + row.input_audio_tokens,
                output_audio_tokens=old.output_audio_tokens + row.output_audio_tokens,
            )
    return tuple(merged.values())
