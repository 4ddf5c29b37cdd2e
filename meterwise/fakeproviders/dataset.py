"""The fakes' seeded truth: records a fake renders, and the normalised totals tests expect.

Records are kept in a provider-neutral form; each fake app renders them in its provider's
wire shape. `Dataset.expected()` and `summarise_rows()` produce the same comparable form,
totals per (day, model, project), so "the adapter read exactly what the fake holds" is a
single dict equality.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from meterwise.config import ProviderKind
from meterwise.providers.base import UsageRow

TotalsKey = tuple[date, str | None, str | None]  # (day, model, project)


@dataclass(frozen=True)
class Totals:
    """What a (day, model, project) adds up to: tokens/requests from usage, cost from cost."""

    input_tokens: int = 0
    output_tokens: int = 0
    cached_input_tokens: int = 0
    cache_write_tokens: int = 0
    requests: int = 0
    cost: Decimal = Decimal(0)

    def __add__(self, other: Totals) -> Totals:
        return Totals(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cached_input_tokens + other.cached_input_tokens,
            self.cache_write_tokens + other.cache_write_tokens,
            self.requests + other.requests,
            self.cost + other.cost,
        )


@dataclass
class UsageRecord:
    """One day of usage for one (report, model, project, api key); mutable for revisions."""

    day: date
    endpoint: str
    model: str
    project: str | None
    api_key_id: str | None
    input_tokens: int = 0  # ALL input: uncached + cached reads + cache writes
    cached_input_tokens: int = 0
    cache_write_5m: int = 0
    cache_write_1h: int = 0
    output_tokens: int = 0
    requests: int = 0
    units: int = 0  # images / characters / seconds for OpenAI's non-token reports
    hour: int = 0  # the UTC hour it happened in: what hourly buckets and "so far today" see
    cost: Decimal | None = None  # OpenRouter activity items carry their own cost
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def cache_write_tokens(self) -> int:
        return self.cache_write_5m + self.cache_write_1h


@dataclass
class CostRecord:
    """One day of cost for one line item; `amount` is in DOLLARS (fakes convert to cents)."""

    day: date
    line_item: str
    model: str | None
    project: str | None
    api_key_id: str | None
    amount: Decimal
    quantity: int | None = None
    extra: dict[str, str | None] = field(default_factory=dict)


@dataclass
class Dataset:
    """All records of one fake provider over [start_day, start_day + days)."""

    kind: ProviderKind
    seed: int
    start_day: date
    days: int
    usage: list[UsageRecord]
    costs: list[CostRecord]

    def usage_on(self, day: date) -> list[UsageRecord]:
        return [r for r in self.usage if r.day == day]

    def costs_on(self, day: date) -> list[CostRecord]:
        return [r for r in self.costs if r.day == day]

    def expected(
        self, start: date | None = None, end: date | None = None
    ) -> dict[TotalsKey, Totals]:
        """Totals per (day, model, project) for days in [start, end) (default: everything)."""
        out: dict[TotalsKey, Totals] = {}

        def add(key: TotalsKey, totals: Totals) -> None:
            out[key] = out.get(key, Totals()) + totals

        for u in self.usage:
            if _in(u.day, start, end):
                add(
                    (u.day, u.model, u.project),
                    Totals(
                        input_tokens=u.input_tokens,
                        output_tokens=u.output_tokens,
                        cached_input_tokens=u.cached_input_tokens,
                        cache_write_tokens=u.cache_write_tokens,
                        requests=u.requests,
                        cost=u.cost or Decimal(0),
                    ),
                )
        for c in self.costs:
            if _in(c.day, start, end):
                add((c.day, c.model, c.project), Totals(cost=c.amount))
        return out

    def expected_by(self, now: datetime) -> dict[TotalsKey, Totals]:
        """What a provider shows at `now`: finished days in full (cost included), and of today
        only the usage of finished hours, with no cost (Anthropic's rules, PROVIDERS.md 0.1)."""
        today = now.astimezone(UTC).date()
        out = self.expected(None, today)
        for u in self.usage:
            if u.day == today and u.hour < now.astimezone(UTC).hour:
                key = (u.day, u.model, u.project)
                out[key] = out.get(key, Totals()) + Totals(
                    input_tokens=u.input_tokens, output_tokens=u.output_tokens,
                    cached_input_tokens=u.cached_input_tokens,
                    cache_write_tokens=u.cache_write_tokens, requests=u.requests)
        return out

    def total_cost(self, start: date | None = None, end: date | None = None) -> Decimal:
        return sum((t.cost for t in self.expected(start, end).values()), Decimal(0))

    def revise(
        self, day: date, *, tokens: int = 1000, cost: Decimal = Decimal("0.25")
    ) -> TotalsKey:
        """Change one bucket the way a late provider revision would; returns the key changed."""
        record = self.usage_on(day)[0]
        record.output_tokens += tokens
        if record.cost is not None:
            record.cost += cost
            return (day, record.model, record.project)
        for c in self.costs_on(day):
            if c.model == record.model and c.project == record.project:
                c.amount += cost
                return (day, record.model, record.project)
        self.costs.append(
            CostRecord(day, f"{record.model}, revision", record.model, record.project,
                       record.api_key_id, cost)
        )
        return (day, record.model, record.project)

    def lower(self, day: date, *, by: Decimal = Decimal("0.10")) -> TotalsKey:
        """A refund-like revision: the day's largest cost line (or priced usage) drops by
        ``by``, or by half when it is smaller than that."""
        lines: list[CostRecord | UsageRecord] = [*self.costs_on(day)] or [
            u for u in self.usage_on(day) if u.cost is not None]
        if not lines:
            raise ValueError(f"nothing on {day} has a cost")
        line = max(lines, key=lambda r: r.amount if isinstance(r, CostRecord)
                   else r.cost or Decimal(0))
        if isinstance(line, CostRecord):
            line.amount -= min(by, line.amount / 2)
        else:
            cost = line.cost or Decimal(0)
            line.cost = cost - min(by, cost / 2)
        return (day, line.model, line.project)

    def remove_line(self, day: date) -> TotalsKey:
        """A re-attribution-like revision: the day's first usage line and the cost lines of
        its (model, project) disappear from the provider's reports."""
        record = self.usage_on(day)[0]
        self.usage.remove(record)
        self.costs[:] = [c for c in self.costs if not (
            c.day == day and c.model == record.model and c.project == record.project)]
        return (day, record.model, record.project)

    def copy(self) -> Dataset:
        """A deep copy, so tests can keep the pre-revision truth."""
        return replace(
            self,
            usage=[replace(u, extra=dict(u.extra)) for u in self.usage],
            costs=[replace(c, extra=dict(c.extra)) for c in self.costs],
        )


def _in(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day < end)


def summarise_rows(rows: Iterable[UsageRow]) -> dict[TotalsKey, Totals]:
    """Adapter rows in `Dataset.expected()` form: usage rows give tokens, cost rows cost."""
    out: dict[TotalsKey, Totals] = {}
    for row in rows:
        key = (row.bucket_start.date(), row.model, row.project)
        if row.source == "usage":
            add = Totals(
                input_tokens=row.input_tokens,
                output_tokens=row.output_tokens,
                cached_input_tokens=row.cached_input_tokens,
                cache_write_tokens=row.cache_write_tokens,
                requests=row.requests,
            )
        else:
            add = Totals(cost=row.cost or Decimal(0))
        out[key] = out.get(key, Totals()) + add
    return out


def record_dimension(record: UsageRecord | CostRecord, name: str, *, project: str,
                     line_item: str, from_extra: tuple[str, ...],
                     defaults: Mapping[str, Any]) -> Any:
    """A record's value for one of a fake's group-by/filter dimensions. Each provider names
    the project and line item its own way, and has its own constant (default) values."""
    if name == project:
        return record.project
    if name == "api_key_id":
        return record.api_key_id
    if name == "model":
        return record.model
    if name == line_item and isinstance(record, CostRecord):
        return record.line_item
    if name in from_extra and isinstance(record, UsageRecord):
        return record.extra.get(name, defaults[name])
    return defaults.get(name)
