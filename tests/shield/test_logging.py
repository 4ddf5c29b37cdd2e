"""A secret raised inside a resolver reaches neither the client nor any log line."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

from meterwise.config import Environment, Settings
from meterwise.logs import configure_logging
from tests.shield.support import CANARY, client_for, fresh_ip, post, shield_app


@pytest.fixture
def log_output(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """The process's logging as ``meterwise serve`` configures it (production: JSON)."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    configure_logging(settings.model_copy(update={"env": Environment.PRODUCTION}))
    yield stream
    root.handlers[:], root.level = saved


async def test_canary_in_neither_response_nor_logs(app: Starlette, settings: Settings,
                                                   log_output: io.StringIO) -> None:
    async with client_for(shield_app(app, settings)) as client:
        response = await post(client, "{ canary }", ip=fresh_ip())
    # strawberry, uvicorn and dramatiq log through their own loggers: same handler.
    for name in ("strawberry.execution", "uvicorn.error", "dramatiq.worker"):
        logging.getLogger(name).error("echo %s", CANARY)

    error = response.json()["errors"][0]
    assert error["message"] == "Internal error."
    assert error["extensions"]["code"] == "INTERNAL"
    assert CANARY not in response.text and CANARY[-12:] not in response.text

    text = log_output.getvalue()
    assert CANARY not in text and CANARY[-12:] not in text
    lines = [json.loads(line) for line in text.splitlines()]
    masked = [line for line in lines if line["logger"] == "meterwise.graphql"]
    assert masked and "RuntimeError" in masked[0]["exception"]  # the traceback is kept
    assert "[REDACTED]" in masked[0]["exception"]
    assert masked[0]["request_id"] == error["extensions"]["requestId"]
    echoed = [line for line in lines if line["message"].startswith("echo ")]
    assert [line["message"] for line in echoed] == ["echo [REDACTED]"] * 3
