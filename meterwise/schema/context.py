"""The typed per-request context every resolver receives (``strawberry.Info[Context]``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection
from strawberry.types import Info as StrawberryInfo

from meterwise.config import Settings
from meterwise.jobs.base import JobQueue


@dataclass
class Context:
    request: HTTPConnection
    response: Any
    settings: Settings
    jobs: JobQueue
    loaders: dict[str, Any] = field(default_factory=dict)


Info = StrawberryInfo[Context, None]
