"""What a sync run has stored so far, over its window's chunks and its attempts.

A run reads its window in chunks of ``chunk_days`` (``chunks``). After each chunk is stored
its counts and per-source outcomes are merged here and written with the chunk's rows
(``runs.commit_chunk``), so an attempt that takes the run over starts from the stored
counts and outcomes (``Progress.of``), not from zero, and reads only what is left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from meterwise.models.usage import SyncRun
from meterwise.providers import Credits, FetchResult, UsageRow
from meterwise.security.redaction import redact
from meterwise.services.sync.ingest import IngestResult


@dataclass(frozen=True)
class Chunk:
    start: datetime
    end: datetime


def chunks(start: datetime, end: datetime, days: int) -> list[Chunk]:
    """[start, end) cut into consecutive chunks of ``days`` days (the last may be shorter)."""
    step = timedelta(days=days)
    found: list[Chunk] = []
    while start < end:
        found.append(Chunk(start, min(start + step, end)))
        start += step
    return found


def readable(message: str) -> str:
    """A message fit for ``lastError`` and a stored outcome: redacted, one line, bounded."""
    return " ".join(redact(message).split())[:500]


@dataclass
class Progress:
    """The run's stored totals and source outcomes, plus what this attempt read itself."""

    pages: int = 0
    inserted: int = 0
    updated: int = 0
    removed: int = 0
    # per source name: {"name", "start", "end", "ok", "rows", "pages", "error",
    # "error_class"}, merged over the chunks stored so far (by every attempt)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    resumed: bool = False  # an earlier attempt stored part of the window
    # this attempt only: what the detectors and this attempt's events are about
    rows: list[UsageRow] = field(default_factory=list)
    days: set[date] = field(default_factory=set)
    revisions: int = 0
    credits: Credits | None = None

    @classmethod
    def of(cls, run: SyncRun) -> Progress:
        """Where the run stands: nothing yet, or what earlier attempts committed."""
        if run.stored_until is None:
            return cls()
        return cls(pages=run.pages, inserted=run.rows_inserted, updated=run.rows_updated,
                   removed=run.rows_removed, resumed=True,
                   sources={str(s["name"]): dict(s) for s in run.sources or []})

    def add(self, fetched: FetchResult, result: IngestResult) -> None:
        """Merge one stored chunk."""
        self.pages += fetched.pages
        self.inserted += result.inserted
        self.updated += result.updated
        self.removed += result.removed
        self.revisions += result.revisions
        self.rows.extend(fetched.rows)
        self.days.update(result.days)
        self.credits = fetched.credits or self.credits
        for source in fetched.sources:
            error = None if source.error is None else readable(source.error.message)
            outcome = {"name": source.name, "start": source.start.isoformat(),
                       "end": source.end.isoformat(), "ok": source.ok,
                       "rows": len(source.rows), "pages": source.pages, "error": error,
                       "error_class": None if source.error is None
                       else type(source.error).__name__}
            before = self.sources.get(source.name)
            if before is not None:
                outcome.update(start=min(before["start"], outcome["start"]),
                               end=max(before["end"], outcome["end"]),
                               ok=bool(before["ok"]) and source.ok,
                               rows=int(before["rows"]) + len(source.rows),
                               pages=int(before["pages"]) + source.pages,
                               error=before.get("error") or error,
                               error_class=before.get("error_class") or outcome["error_class"])
            self.sources[source.name] = outcome

    @property
    def changed(self) -> int:
        """Rows the run changed, over all its attempts."""
        return self.inserted + self.updated + self.removed

    def outcomes(self) -> list[dict[str, Any]]:
        """What each source did over the whole window, as the run records it."""
        return list(self.sources.values())

    def failed(self) -> list[dict[str, Any]]:
        """The sources that failed for good in some chunk (their rows there untouched)."""
        return [s for s in self.sources.values() if not s["ok"]]


def partial_message(failed: list[dict[str, Any]]) -> str:
    """``lastError`` of a partial sync: which parts failed and why, the rest was stored."""
    parts = "; ".join(f"{s['name']}: {s.get('error') or 'failed'}" for s in failed)
    return readable(f"Part of the sync failed ({parts}). Everything else was stored.")
