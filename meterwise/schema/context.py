"""The typed per-request context every resolver receives (``strawberry.Info[Context]``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection
from strawberry.types import Info as StrawberryInfo

from meterwise.config import Settings
from meterwise.jobs.base import JobQueue
from meterwise.services.viewer import Viewer


@dataclass
class Context:
    """Built once per request (per WebSocket operation for subscriptions).

    ``viewer`` is resolved from the Bearer token or session cookie before any resolver runs;
    ``loaders`` holds this request's DataLoaders (one per entity and key, created lazily).
    """

    request: HTTPConnection
    response: Any
    settings: Settings
    jobs: JobQueue
    runtime: Any
    viewer: Viewer | None = None
    client_ip: str = "unknown"
    user_agent: str = ""
    request_id: str = ""
    cookie_auth: bool = False
    loaders: dict[str, Any] = field(default_factory=dict)
    connection_params: dict[str, Any] | None = None  # WebSocket connection_init payload


Info = StrawberryInfo[Context, None]
