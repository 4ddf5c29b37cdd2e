"""Provider sync: scheduling, runs with leases, the fetch, and the bulk ingest path.

``request_sync`` / ``enqueue_due_syncs`` decide what runs; ``run_sync`` (the job's body)
does one sync; ``reread`` stores what it read (each source replaces its window, revisions
kept); ``ingest`` is the plain bulk upsert the benchmark and tests also call directly.
"""

from meterwise.services.sync.connection_schedule import (
    Tick,
    enqueue_due_syncs,
    request_sync,
    requeue_lapsed,
)
from meterwise.services.sync.ingest import (
    IngestResult,
    PreviousRead,
    Reread,
    Target,
    forget_connection,
    ingest,
    reread,
)
from meterwise.services.sync.runner import (
    JOB_NAME,
    MAX_RETRIES,
    SyncAttemptFailed,
    run_sync,
    window_for,
)
from meterwise.services.sync.settings import SyncSettings, sync_settings

__all__ = [
    "JOB_NAME",
    "MAX_RETRIES",
    "IngestResult",
    "PreviousRead",
    "Reread",
    "SyncAttemptFailed",
    "SyncSettings",
    "Target",
    "Tick",
    "enqueue_due_syncs",
    "forget_connection",
    "ingest",
    "request_sync",
    "requeue_lapsed",
    "reread",
    "run_sync",
    "sync_settings",
    "window_for",
]
