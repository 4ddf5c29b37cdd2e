"""``/metrics`` is not public: 404 without the operator's token, Prometheus text with it."""

from __future__ import annotations

from pydantic import SecretStr
from starlette.applications import Starlette

from meterwise.config import Settings
from meterwise.services import metrics
from tests.shield.support import client_for, fresh_ip, post, shield_app

TOKEN = "metrics-" + "t" * 24


async def test_metrics_need_the_token(app: Starlette, settings: Settings) -> None:
    asgi = shield_app(app, settings, metrics_token=SecretStr(TOKEN))
    metrics.sync_finished("openai", "ok")
    async with client_for(asgi) as http:
        await post(http, "{ node { id } }", ip=fresh_ip())
        anonymous = await http.get("/metrics")
        wrong = await http.get("/metrics", headers={"authorization": "Bearer nope"})
        scraped = await http.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert anonymous.status_code == 404 and wrong.status_code == 404
    text = scraped.text
    assert 'meterwise_http_requests_total{method="POST",path="/graphql",status="200"}' in text
    assert "meterwise_http_request_duration_seconds_bucket" in text
    assert 'meterwise_sync_outcomes_total{outcome="ok",provider="openai"}' in text
    assert 'meterwise_queue_depth{queue="default"}' in text


async def test_metrics_are_off_without_a_token(app: Starlette, settings: Settings) -> None:
    async with client_for(shield_app(app, settings)) as http:
        assert (await http.get("/metrics")).status_code == 404
