"""Rate limits: cost-weighted buckets, strict auth buckets, trusted-proxy client IPs."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from meterwise.config import Settings
from tests.shield.support import CALLS, client_for, codes, fresh_ip, post, shield_app

LOGIN = 'mutation($e: String!) { logIn(input: {email: $e, password: "wrong"}) }'


@pytest.fixture
async def http(app: Starlette, settings: Settings) -> httpx.AsyncClient:
    asgi = shield_app(app, settings, rate_limit_anonymous_points=30,
                      rate_limit_requests_per_ip=1000, rate_limit_auth_attempts=5)
    async with client_for(asgi) as client:
        CALLS.clear()
        yield client


async def test_success_carries_ratelimit_headers(http: httpx.AsyncClient) -> None:
    response = await post(http, "{ node { id } }", ip=fresh_ip())
    assert response.headers["ratelimit-limit"] == "30"
    assert response.headers["ratelimit-remaining"] == "29"
    assert int(response.headers["ratelimit-reset"]) >= 1


async def test_cost_weighs_on_the_bucket(http: httpx.AsyncClient) -> None:
    ip = fresh_ip()
    first = await post(http, "{ node { items(first: 9) { id } } }", ip=ip)  # cost 1 + 9
    assert first.headers["ratelimit-remaining"] == "20"
    second = await post(http, "{ node { items(first: 20) { id } } }", ip=ip)  # 21 > 20 left
    assert second.status_code == 429
    assert codes(second) == ["RATE_LIMITED"]
    retry = second.json()["errors"][0]["extensions"]["retryAfter"]
    assert retry >= 1 and second.headers["retry-after"] == str(retry)
    assert CALLS["items"] == 1  # the refused operation never ran


async def test_brute_force_from_one_ip_is_throttled(http: httpx.AsyncClient) -> None:
    ip = fresh_ip()
    answers = [await post(http, LOGIN, ip=ip, variables={"e": f"user{i}@example.com"})
               for i in range(7)]
    assert [a.status_code for a in answers] == [200] * 5 + [429] * 2
    assert codes(answers[-1]) == ["RATE_LIMITED"]
    assert CALLS["logIn"] == 5


async def test_brute_force_across_many_ips_is_throttled(http: httpx.AsyncClient) -> None:
    answers = [await post(http, LOGIN, ip=fresh_ip(), variables={"e": "Victim@Example.com "})
               for _ in range(7)]
    assert [a.status_code for a in answers] == [200] * 5 + [429] * 2
    other = await post(http, LOGIN, ip=fresh_ip(), variables={"e": "someone@example.com"})
    assert other.status_code == 200  # the lock is on the target, not on everyone
    assert CALLS["logIn"] == 6


async def test_email_in_an_inline_literal_is_throttled_too(http: httpx.AsyncClient) -> None:
    query = 'mutation { logIn(input: {email: "inline@example.com", password: "x"}) }'
    answers = [await post(http, query, ip=fresh_ip()) for _ in range(6)]
    assert answers[-1].status_code == 429


async def test_spoofed_forwarded_for_from_an_untrusted_peer_changes_nothing(
        app: Starlette, settings: Settings) -> None:
    asgi = shield_app(app, settings, rate_limit_anonymous_points=3,
                      rate_limit_requests_per_ip=1000)
    async with client_for(asgi, peer="198.51.100.23") as client:
        answers = [await post(client, "{ node { id } }", ip=fresh_ip()) for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]


async def test_forwarded_for_from_a_trusted_proxy_is_believed(
        app: Starlette, settings: Settings) -> None:
    asgi = shield_app(app, settings, rate_limit_anonymous_points=3,
                      rate_limit_requests_per_ip=1000)
    async with client_for(asgi) as client:
        answers = [await post(client, "{ node { id } }", ip=fresh_ip()) for _ in range(5)]
    assert [a.status_code for a in answers] == [200] * 5


async def test_plain_http_flood_gets_429_with_retry_after(
        app: Starlette, settings: Settings) -> None:
    asgi = shield_app(app, settings, rate_limit_requests_per_ip=3)
    async with client_for(asgi, peer="198.51.100.77") as client:
        answers = [await client.post("/graphql", content=b"not json") for _ in range(4)]
        health = await client.get("/healthz")
    assert [a.status_code for a in answers] == [400, 400, 400, 429]
    assert int(answers[-1].headers["retry-after"]) >= 1
    assert health.status_code == 200
