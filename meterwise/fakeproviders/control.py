"""Runtime switches and request log of one fake, plus the gate every request passes.

Tests flip switches between calls (latency, N x 429 with Retry-After, N x 5xx, forced
401/403, one endpoint failing for good, spec-style amounts, extra fields, page size) and read
`hits` to count requests.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response

Handler = Callable[[Request], Awaitable[Response]]
# (request, status, reason) -> the provider-shaped error response
ErrorRenderer = Callable[[Request, int, str], Response]
# request -> None when the key is accepted, else (status, reason)
AuthCheck = Callable[[Request], "tuple[int, str] | None"]


@dataclass
class Switches:
    """What the fake does wrong or differently right now. `reset()` restores these defaults."""

    latency: float = 0.0
    fail_429: int = 0
    retry_after: str | None = "1"  # header value (seconds or HTTP-date); None omits it
    fail_5xx: int = 0
    status_5xx: int = 500
    auth_failure: int | None = None  # force 401 or 403 on every request
    amounts_as_numbers: bool = False  # OpenAI costs: spec JSON numbers instead of strings
    extras: bool = False  # off-spec / newer fields that parsers must ignore
    page_buckets: int = 3  # buckets per page at most, below the requested limit
    now: datetime | None = None  # the fake's clock; None = real time
    # path suffix -> status answered on every request to it (one endpoint broken for good)
    fail_paths: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    method: str
    path: str
    query: str
    status: int


@dataclass
class FakeState:
    """Everything a fake app reads at request time; shared with the test thread."""

    valid_keys: set[str]
    switches: Switches = field(default_factory=Switches)
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    request_counter: int = 0
    in_flight: int = 0

    def now(self) -> datetime:
        # the OS clock: a fake stands for a provider, whose clock is not ours to move
        return self.switches.now or datetime.now(UTC)

    def reset(self, drain_timeout: float = 5.0) -> None:
        """Defaults back, log cleared, after in-flight requests (slow ones) have finished."""
        deadline = time.monotonic() + drain_timeout
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.01)
        with self.lock:
            self.switches = Switches()
            self.hits.clear()

    def next_request_id(self) -> str:
        with self.lock:
            self.request_counter += 1
            return f"req_fake{self.request_counter:012d}"

    def _take(self, name: str) -> bool:
        with self.lock:
            left = getattr(self.switches, name)
            if left > 0:
                setattr(self.switches, name, left - 1)
                return True
            return False

    def guarded(self, auth: AuthCheck, error: ErrorRenderer) -> Callable[[Handler], Handler]:
        """Wrap a handler: latency, auth, injected failures, then the real answer; log it."""

        def wrap(handler: Handler) -> Handler:
            async def guarded_handler(request: Request) -> Response:
                with self.lock:
                    self.in_flight += 1
                try:
                    response = await self._answer(request, handler, auth, error)
                    with self.lock:
                        self.hits.append(Hit(request.method, request.url.path,
                                             request.url.query, response.status_code))
                    return response
                finally:
                    with self.lock:
                        self.in_flight -= 1

            return guarded_handler

        return wrap

    async def _answer(
        self, request: Request, handler: Handler, auth: AuthCheck, error: ErrorRenderer
    ) -> Response:
        switches = self.switches
        if switches.latency:
            await asyncio.sleep(switches.latency)
        if switches.auth_failure is not None:
            return error(request, switches.auth_failure, "forced")
        rejected = auth(request)
        if rejected is not None:
            return error(request, *rejected)
        for suffix, status in switches.fail_paths.items():
            if request.url.path.endswith(suffix):
                return error(request, status, "invalid_request")
        if self._take("fail_429"):
            response = error(request, 429, "rate_limited")
            if switches.retry_after is not None:
                response.headers["Retry-After"] = switches.retry_after
            return response
        if self._take("fail_5xx"):
            return error(request, switches.status_5xx, "server_error")
        return await handler(request)
