"""429/5xx/timeouts are retried within bounds; 401/403 stop at once; the key never leaks."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from meterwise.config import ProviderKind
from meterwise.fakeproviders import FakeProvider, Fakes, summarise_rows
from meterwise.providers import (
    InvalidCredentials,
    ProviderError,
    ProviderUnavailable,
    RetryPolicy,
    create_client,
)
from tests.providers.support import SleepRecorder, adapter_for, window

KINDS = list(ProviderKind)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_429_burst_is_waited_out_and_the_fetch_completes(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, sleeps: SleepRecorder,
    kind: ProviderKind,
) -> None:
    fake = fakes.by_kind(kind)
    fake.switches.fail_429 = 3
    fake.switches.retry_after = "2"
    result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    assert summarise_rows(result.rows) == fake.dataset.expected()
    assert [hit.status for hit in fake.hits[:4]] == [429, 429, 429, 200]
    assert len(sleeps.delays) == 3 and all(delay >= 2 for delay in sleeps.delays)


async def test_retry_after_as_an_http_date_is_honoured(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, sleeps: SleepRecorder
) -> None:
    fake = fakes.openai
    fake.switches.fail_429 = 1
    when = datetime.now(UTC) + timedelta(seconds=30)
    fake.switches.retry_after = format_datetime(when, usegmt=True)
    await adapter_for(fake, client, retry).validate_key(fake.valid_key)
    assert len(sleeps.delays) == 1 and 27 <= sleeps.delays[0] <= 32


async def test_an_absurd_retry_after_is_capped(
    fakes: Fakes, client: httpx.AsyncClient, sleeps: SleepRecorder
) -> None:
    fake = fakes.anthropic
    fake.switches.fail_429 = 1
    fake.switches.retry_after = "86400"
    policy = RetryPolicy(max_attempts=3, max_retry_after=60, sleep=sleeps, jitter=lambda: 0.0)
    await adapter_for(fake, client, policy).validate_key(fake.valid_key)
    assert sleeps.delays == [60]


@pytest.mark.parametrize("kind", KINDS)
async def test_5xx_is_retried_then_gives_up_as_unavailable(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, sleeps: SleepRecorder,
    kind: ProviderKind,
) -> None:
    fake = fakes.by_kind(kind)
    fake.switches.fail_5xx = 100
    fake.switches.status_5xx = 529 if kind is ProviderKind.ANTHROPIC else 503
    with pytest.raises(ProviderUnavailable) as caught:
        await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    assert len(fake.hits) == retry.max_attempts == 4
    assert caught.value.status == fake.switches.status_5xx
    delays = sleeps.delays
    assert len(delays) == 3 and delays == sorted(delays)  # exponential, no Retry-After


async def test_a_few_5xx_are_absorbed(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.openai
    fake.switches.fail_5xx = 2
    result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    assert summarise_rows(result.rows) == fake.dataset.expected()


async def test_timeouts_are_retried_then_unavailable(
    fakes: Fakes, retry: RetryPolicy, sleeps: SleepRecorder
) -> None:
    fake = fakes.openrouter
    fake.switches.latency = 0.3
    async with create_client(timeout=httpx.Timeout(0.05)) as client:
        with pytest.raises(ProviderUnavailable, match="timeouts"):
            await adapter_for(fake, client, retry).validate_key(fake.valid_key)
    assert len(sleeps.delays) == retry.max_attempts - 1


@pytest.mark.parametrize("kind", KINDS)
async def test_a_wrong_key_fails_at_once_with_one_request(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, sleeps: SleepRecorder,
    kind: ProviderKind,
) -> None:
    fake = fakes.by_kind(kind)
    wrong = fake.valid_key[:-6] + "WRONG0"
    with pytest.raises(InvalidCredentials) as caught:
        await adapter_for(fake, client, retry).fetch(wrong, *window(fake))
    assert len(fake.hits) == 1 and fake.hits[0].status == 401
    assert caught.value.status == 401 and sleeps.delays == []
    assert "rejected the API key (401)" in str(caught.value)


@pytest.mark.parametrize(("kind", "status"), [(k, s) for k in KINDS for s in (401, 403)])
async def test_forced_401_or_403_stops_validate_key(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind, status: int
) -> None:
    fake = fakes.by_kind(kind)
    fake.switches.auth_failure = status
    with pytest.raises(InvalidCredentials) as caught:
        await adapter_for(fake, client, retry).validate_key(fake.valid_key)
    assert caught.value.status == status and len(fake.hits) == 1


async def test_a_non_admin_openai_key_gets_a_readable_403(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.openai
    with pytest.raises(InvalidCredentials, match=r"Missing scopes: api\.usage\.read"):
        await adapter_for(fake, client, retry).validate_key("sk-proj-" + "x" * 30)


def _assert_secret_absent(key: str, exc: BaseException, log_text: str) -> None:
    for text in (str(exc), repr(exc), log_text, repr(exc.args)):
        assert key not in text
        assert key[-8:] not in text


async def _fail_every_way(fake: FakeProvider, client: httpx.AsyncClient, retry: RetryPolicy,
                          key: str) -> list[ProviderError]:
    adapter = adapter_for(fake, client, retry)
    failures: list[ProviderError] = []
    scenarios = [
        {"auth_failure": 401}, {"auth_failure": 403}, {"fail_429": 99}, {"fail_5xx": 99},
    ]
    for scenario in scenarios:
        fake.reset()
        for name, value in scenario.items():
            setattr(fake.switches, name, value)
        with pytest.raises(ProviderError) as caught:
            await adapter.fetch(key, *window(fake))
        failures.append(caught.value)
    fake.reset()
    with pytest.raises(InvalidCredentials) as wrong:
        await adapter.validate_key(key + "x")  # the fake echoes a masked copy of this key
    failures.append(wrong.value)
    return failures


@pytest.mark.parametrize("kind", KINDS)
async def test_the_key_never_appears_in_errors_or_logs(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = fakes.by_kind(kind)
    with caplog.at_level(logging.DEBUG):
        failures = await _fail_every_way(fake, client, retry, fake.valid_key)
    assert len(failures) == 5
    assert "retry" in caplog.text  # the retries were logged, just without the key
    for exc in failures:
        _assert_secret_absent(fake.valid_key, exc, caplog.text)
