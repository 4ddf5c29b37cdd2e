"""Live events across processes: publish from anywhere, fan out to subscribers.

Production: a worker adds events to one Redis stream (retried through a reconnect); every
API process holds ONE reader of that stream, which resumes from the last entry it saw after
Redis comes back (so no event is lost to a Redis restart), and fans out in-process to its
WebSocket subscribers. The embedded
default uses an in-process hub behind the same interface. Payloads are JSON objects.

The bus is the process wiring's (``meterwise.wiring``, set by the runtime or the worker), so
services can publish without threading it through every call.
"""

from __future__ import annotations

from meterwise.pubsub.hub import (
    EventBus,
    Hub,
    InProcessBus,
    RedisBus,
    account_channel,
    current,
    publish,
)

__all__ = ["EventBus", "Hub", "InProcessBus", "RedisBus", "account_channel", "current",
           "publish"]
