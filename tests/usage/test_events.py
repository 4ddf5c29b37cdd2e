"""Sync events own their payload: what the runner publishes, ``parse_event`` reads back."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

from meterwise.models.usage import SyncStatus
from meterwise.services.analytics.live import SyncStatusChanged, UsageUpdated, parse_event


def test_every_event_round_trips_through_its_payload() -> None:
    start = datetime(2027, 1, 1, tzinfo=UTC)
    events = [
        UsageUpdated(connection_id=uuid4(), rows_changed=3, start=start,
                     end=datetime(2027, 1, 2, tzinfo=UTC)),
        *[SyncStatusChanged(connection_id=uuid4(), status=status, run_id=uuid4(),
                            rows_changed=2, error="one endpoint failed", attempt=1)
          for status in SyncStatus],
        SyncStatusChanged(connection_id=uuid4(), status=SyncStatus.RUNNING, run_id=None),
    ]
    for event in events:
        assert parse_event(event.payload()) == event


def test_the_wire_names_stay_what_subscribers_and_tools_read() -> None:
    connection, run = uuid4(), uuid4()
    running = SyncStatusChanged(connection_id=connection, status=SyncStatus.RUNNING,
                                run_id=run, attempt=2).payload()
    assert running == {"type": "syncStatus", "connectionId": str(connection),
                       "runId": str(run), "status": "running", "attempt": 2}
    assert parse_event({**running, "status": "no such status"}) is None
