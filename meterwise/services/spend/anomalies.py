"""Cost anomalies (spend, not security): a day far above its own baseline, and first spend.

Per dimension (connection, model, project, API key) each value's daily spend is compared
with its robust, weekday-aware baseline: the median of the same weekday over the previous
four weeks, with the spread taken as the scaled median absolute deviation of the previous 28
days. A day is an anomaly when it is at least ``RATIO`` x the baseline and above it by
``SPREADS`` spreads and ``MIN_DELTA`` dollars (values with spend on fewer than
``MIN_ACTIVE_DAYS`` of those days have no baseline and are skipped). A model, project or
API key with spend and none in the previous 28 days is first-seen (once the account has
history at all). Severity
follows the dollar impact; the dedupe key (dimension, value, day) makes it one alert per
anomaly, and muting one silences its dimension value (``mute_key``) until the mute ends.
Spend comes from the analytics report, like budgets.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from meterwise.models.spend import Alert, AlertKind
from meterwise.services.analytics.query import Dimension, Granularity, build_request
from meterwise.services.analytics.report import ReportPoint, in_cents, money, run_report
from meterwise.services.spend.alerts import NewAlert, raise_alert

HISTORY_DAYS = 28
RATIO = 2.0
SPREADS = 4.0
MIN_DELTA = 1.0  # dollars: a spike from 0.01 to 0.05 is nobody's emergency
MIN_ACTIVE_DAYS = 7  # of the previous 28: sparser spend has no baseline to spike against
DIMENSIONS = (Dimension.CONNECTION, Dimension.MODEL, Dimension.PROJECT, Dimension.API_KEY)
FIRST_SEEN = {Dimension.MODEL: AlertKind.NEW_MODEL, Dimension.PROJECT: AlertKind.NEW_PROJECT,
              Dimension.API_KEY: AlertKind.NEW_API_KEY}
_LABEL = {Dimension.CONNECTION: "connection", Dimension.MODEL: "model",
          Dimension.PROJECT: "project", Dimension.API_KEY: "API key"}


@dataclass(frozen=True)
class Finding:
    dimension: Dimension
    value: str
    day: date
    observed: float
    baseline: float
    spread: float

    @property
    def delta(self) -> float:
        return self.observed - self.baseline


def severity(delta: float) -> str:
    return "critical" if delta >= 100 else "warning" if delta >= 10 else "info"


def _value(point: ReportPoint, dimension: Dimension) -> str | None:
    if dimension is Dimension.CONNECTION:
        return str(point.connection_id) if point.connection_id else None
    return {Dimension.MODEL: point.model, Dimension.PROJECT: point.project,
            Dimension.API_KEY: point.api_key_id}.get(dimension)


def spike(series: dict[date, float], day: date) -> tuple[float, float] | None:
    """(baseline, spread) when ``day`` is a spike against its own history, else None."""
    observed = series.get(day, 0.0)
    same_weekday = [series.get(day - timedelta(weeks=w), 0.0) for w in range(1, 5)]
    history = [series.get(day - timedelta(days=i), 0.0) for i in range(1, HISTORY_DAYS + 1)]
    baseline = statistics.median(same_weekday)
    centre = statistics.median(history)
    spread = 1.4826 * statistics.median(abs(x - centre) for x in history)
    if (observed >= RATIO * baseline and observed - baseline >= SPREADS * spread
            and observed - baseline >= MIN_DELTA):
        return baseline, spread
    return None


async def findings(account_id: UUID, day: date) -> tuple[list[Finding], list[Finding]]:
    """Spikes and first-seen values of ``day`` (a UTC day) for the account."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(days=HISTORY_DAYS)
    end = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
    spikes: list[Finding] = []
    first: list[Finding] = []
    for dimension in DIMENSIONS:
        report = await run_report(build_request(account_id, start=start, end=end,
                                                granularity=Granularity.DAY,
                                                group_by=[dimension]))
        by_value: dict[str, dict[date, float]] = {}
        active_days: set[date] = set()
        for point in report.series:
            value = _value(point, dimension)
            bucket = point.bucket_start.astimezone(UTC).date()
            if point.cost > 0:
                active_days.add(bucket)
            if value is None or point.cost <= 0:
                continue
            series = by_value.setdefault(value, {})
            series[bucket] = series.get(bucket, 0.0) + float(point.cost)
        had_history = any(d < day for d in active_days)
        for value, series in by_value.items():
            observed = series.get(day, 0.0)
            if observed <= 0:
                continue
            if not any(d < day for d in series):  # new: no baseline to spike against
                if dimension in FIRST_SEEN and had_history:
                    first.append(Finding(dimension, value, day, observed, 0.0, 0.0))
                continue
            if sum(1 for d in series if d < day) < MIN_ACTIVE_DAYS:
                continue
            found = spike(series, day)
            if found is not None:
                spikes.append(Finding(dimension, value, day, observed, *found))
    return spikes, first


async def detect(account_id: UUID, day: date, *, now: datetime | None = None) -> list[Alert]:
    """Raise one alert per anomaly of ``day``; the alerts this call raised."""
    spikes, first = await findings(account_id, day)
    raised: list[Alert] = []
    for finding in spikes:
        alert = await raise_alert(account_id, _spike_alert(finding), now=now)
        if alert is not None:
            raised.append(alert)
    for finding in first:
        alert = await raise_alert(account_id, _first_seen_alert(finding), now=now)
        if alert is not None:
            raised.append(alert)
    return raised


def mute_key(f: Finding) -> str:
    """What muting one of its alerts silences: this dimension value's spikes and first
    sightings alike."""
    return f"{f.dimension.value}:{f.value}"[:300]


def _dollars(value: float) -> Decimal:
    return money(in_cents(value))


def _spike_alert(f: Finding) -> NewAlert:
    label = _LABEL[f.dimension]
    return NewAlert(
        kind=AlertKind.COST_ANOMALY, severity=severity(f.delta),
        title=f"Spend spike on {label} {f.value} ({f.day.isoformat()})",
        message=(f"{label.capitalize()} {f.value} spent {_dollars(f.observed)} USD on "
                 f"{f.day.isoformat()}, against a baseline of {_dollars(f.baseline)} USD "
                 f"(median of the same weekday over 4 weeks): {_dollars(f.delta)} USD above."),
        dedupe_key=f"anomaly:{f.dimension.value}:{f.value}:{f.day.isoformat()}"[:300],
        mute_key=mute_key(f),
        details={"dimension": f.dimension.value, "value": f.value, "day": f.day.isoformat(),
                 "observed": str(_dollars(f.observed)), "baseline": str(_dollars(f.baseline)),
                 "delta": str(_dollars(f.delta)), "spread": str(_dollars(f.spread))})


def _first_seen_alert(f: Finding) -> NewAlert:
    label = _LABEL[f.dimension]
    return NewAlert(
        kind=FIRST_SEEN[f.dimension], severity=severity(f.observed),
        title=f"New {label} with spend: {f.value}",
        message=(f"{label.capitalize()} {f.value} spent {_dollars(f.observed)} USD on "
                 f"{f.day.isoformat()}; it had no spend in the previous {HISTORY_DAYS} days."),
        dedupe_key=f"first:{f.dimension.value}:{f.value}:{f.day.isoformat()}"[:300],
        mute_key=mute_key(f),
        details={"dimension": f.dimension.value, "value": f.value, "day": f.day.isoformat(),
                 "observed": str(_dollars(f.observed))})
