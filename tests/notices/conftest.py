"""Notice tests: cheap hashing, a real SMTP server the process's settings point at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from meterwise import wiring
from meterwise.config import Settings
from tests.spend.smtp import Mailbox, smtp_server
from tests.support.identity import use_test_policy
from tests.sync.conftest import fakes, live_fakes

__all__ = ["fakes", "live_fakes"]


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    with use_test_policy():
        yield


@pytest.fixture
def mailbox(settings: Settings) -> Iterator[Mailbox]:
    """A real SMTP server; ``wiring.settings()`` sends through it for the test."""
    with smtp_server() as box:
        mailing = wiring.settings().model_copy(update={
            "smtp_url": SecretStr(box.url), "email_from": "security@meterwise.test"})
        with wiring.override(settings=mailing):
            yield box
