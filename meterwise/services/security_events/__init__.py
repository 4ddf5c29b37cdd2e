"""Security events in the services layer: ``recorder`` stores, publishes and delivers them
(signed webhook); ``suspicious`` holds the detectors that decide when to record one.

The recorder's names are the package's surface, so callers say ``security_events.record``.
"""

from meterwise.services.security_events.recorder import (
    DELIVER_JOB,
    WEBHOOK_TIMEOUT,
    SecurityEventRecorded,
    WebhookFailed,
    channel,
    deliver,
    page,
    record,
)

__all__ = ["DELIVER_JOB", "WEBHOOK_TIMEOUT", "SecurityEventRecorded", "WebhookFailed", "channel",
           "deliver", "page", "record"]
