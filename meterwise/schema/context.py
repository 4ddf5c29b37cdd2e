"""The typed per-request context every resolver receives (``strawberry.Info[Context]``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import HTTPConnection
from strawberry.types import Info as StrawberryInfo

from meterwise.config import Settings
from meterwise.jobs.base import JobQueue
from meterwise.services.viewer import Viewer

if TYPE_CHECKING:
    from meterwise.schema.live import SocketState


@dataclass
class Context:
    """Built once per HTTP request, and once per operation on a WebSocket.

    ``viewer`` is resolved from the Bearer token or session cookie before any resolver runs
    (on a socket: from the ``connection_init`` token, again for every operation);
    ``loaders`` holds this request's DataLoaders (one per entity and key, created lazily).
    """

    request: HTTPConnection
    response: Any
    settings: Settings
    jobs: JobQueue
    viewer: Viewer | None = None
    client_ip: str = "unknown"
    user_agent: str = ""
    request_id: str = ""
    cookie_auth: bool = False
    loaders: dict[str, Any] = field(default_factory=dict)
    connection_params: dict[str, Any] | None = None  # WebSocket connection_init payload
    socket: SocketState | None = None  # the WebSocket's credential watch and cap slot


Info = StrawberryInfo[Context, None]
