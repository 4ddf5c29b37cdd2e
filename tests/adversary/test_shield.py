"""Attacks on the API shield (issue 10): query limits and rate limits, from outside.

Each test is one attack class against a real ``meterwise serve`` process (HTTP and
graphql-transport-ws, real PostgreSQL and Redis). This module's server logs into a file
(long access-log lines are part of one attack) and allows 3 authentication attempts per
bucket with no brute-force delay, so a bucket fills in 4 requests. The only timings
asserted are ``/healthz`` latencies measured beside an attack: a frozen event loop shows
up there, whatever the attack request itself answers.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from meterwise.config import Settings
from tests.adversary.support import LiveServer, healthz_during, start_live_server
from tests.support.identity import signed_in

pytestmark = pytest.mark.slow

AUTH_ATTEMPTS = 3
HEALTHZ_BUDGET_SECONDS = 0.1


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shield-live") / "serve.log"


@pytest.fixture(scope="module")
def shield_live(settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
                data_dir: Path, app: object, server_log: Path) -> Iterator[LiveServer]:
    with start_live_server(settings, database_url=database_url, redis_url=redis_url,
                           redis_prefix=f"{redis_prefix}shield",  # buckets of its own
                           data_dir=data_dir, log_path=server_log,
                           rate_limit_auth_attempts=str(AUTH_ATTEMPTS),
                           throttle_delay_base_seconds="0",
                           throttle_delay_max_seconds="0") as server:
        yield server


def fresh_ip() -> str:
    """An IPv4 client no other test uses (the loopback proxy's X-Forwarded-For is trusted)."""
    return f"198.18.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"


def fresh_64() -> str:
    """The first four groups of an IPv6 /64 no other test uses."""
    return f"2001:db8:{secrets.randbelow(0xffff):x}:{secrets.randbelow(0xffff):x}"


def codes(body: dict[str, Any]) -> list[str | None]:
    return [(error.get("extensions") or {}).get("code") for error in body.get("errors") or []]


def chained_fragments(n: int, leaf: str, *, root: str = "Query", op: str = "query") -> str:
    """``{ ...F0 }`` where each F<i> spreads F<i+1> twice: 2^n copies of ``leaf``."""
    fragments = " ".join(f"fragment F{i} on {root} {{ ...F{i + 1} ...F{i + 1} }}"
                         for i in range(n))
    return f"{op} {{ ...F0 }} {fragments} fragment F{n} on {root} {{ {leaf} }}"


def log_in(email_var: bool = True) -> str:
    return ('logIn(input: {email: $e, password: "wrong-password"}) { token errors { code } }'
            if email_var else
            'logIn(input: {email: "nobody@example.com", password: "x"}) { token }')


# --- exponential fragments ------------------------------------------------------------


@pytest.mark.parametrize(("leaf", "answer"), [
    ("me { id }", "QUERY_TOO_COMPLEX"),  # 2^30 objects: over the cost limit
    ("a: __typename", "QUERY_TOO_COMPLEX"),  # 2^30 aliases: over the alias limit
    ("__typename", None),  # free leaves: runs (execution merges the copies)
])
async def test_exponential_fragments_over_http_leave_healthz_fast(
        shield_live: LiveServer, leaf: str, answer: str | None) -> None:
    document = chained_fragments(30, leaf)
    assert len(document) < 1300

    response, latencies = await healthz_during(
        shield_live,
        lambda: shield_live.post({"query": document}, headers={"x-forwarded-for": fresh_ip()}),
        budget=HEALTHZ_BUDGET_SECONDS)

    body = response.json()
    if answer is None:
        assert body == {"data": {"__typename": "Query"}}
    else:
        assert codes(body) == [answer] and body.get("data") is None
    assert max(latencies) < HEALTHZ_BUDGET_SECONDS, latencies


async def test_exponential_fragments_over_websocket_leave_healthz_fast(
        shield_live: LiveServer) -> None:
    token, _ = await signed_in()
    async with shield_live.socket(token) as ws:
        reply, latencies = await healthz_during(
            shield_live, lambda: ws.execute(chained_fragments(30, "me { id }"), timeout=120),
            budget=HEALTHZ_BUDGET_SECONDS)
    assert codes(reply) == ["QUERY_TOO_COMPLEX"]
    assert max(latencies) < HEALTHZ_BUDGET_SECONDS, latencies


# --- long URLs through the access log ------------------------------------------------


async def test_a_6kb_url_is_logged_redacted_and_leaves_healthz_fast(
        shield_live: LiveServer, server_log: Path) -> None:
    secret = "sk-proj-" + secrets.token_hex(20)
    marker = secrets.token_hex(8)
    path = f"/export/usage.csv?api_key={secret}&m={marker}&from=" + "a-" * 3000

    async def attack() -> list[httpx.Response]:
        async with shield_live.client() as http:
            return list(await asyncio.gather(*(http.get(path) for _ in range(3))))

    responses, latencies = await healthz_during(shield_live, attack,
                                                budget=HEALTHZ_BUDGET_SECONDS)

    assert [r.status_code for r in responses] == [401] * 3
    assert max(latencies) < HEALTHZ_BUDGET_SECONDS, latencies
    for _ in range(50):  # the access line is written after the response
        logged = server_log.read_text()
        if logged.count(marker) >= 3:
            break
        await asyncio.sleep(0.1)
    assert logged.count(marker) >= 3  # logged (redaction ran), but never the secret
    assert secret not in logged


# --- authentication buckets ----------------------------------------------------------


async def attempts(server: LiveServer, document: str, *, ip: str, n: int
                   ) -> list[httpx.Response]:
    return [await server.post({"query": document,
                               "variables": {"e": f"victim-{secrets.token_hex(4)}@example.com"}},
                              headers={"x-forwarded-for": ip}) for _ in range(n)]


def statuses(responses: list[httpx.Response]) -> list[int]:
    return [r.status_code for r in responses]


async def test_log_in_inside_an_inline_fragment_pays_into_the_auth_bucket(
        shield_live: LiveServer) -> None:
    document = f"mutation($e: String!) {{ ... on Mutation {{ {log_in()} }} }}"

    answers = await attempts(shield_live, document, ip=fresh_ip(), n=AUTH_ATTEMPTS + 1)

    assert statuses(answers) == [200] * AUTH_ATTEMPTS + [429]
    assert codes(answers[-1].json()) == ["RATE_LIMITED"]
    assert answers[0].json()["data"]["logIn"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]


async def test_sign_up_inside_a_named_fragment_pays_into_the_auth_bucket(
        shield_live: LiveServer) -> None:
    document = ("mutation($e: String!) { ...S } fragment S on Mutation { signUp(input: "
                '{inviteCode: "mwi_not-a-real-invite", email: $e, password: "long enough '
                'password 123", accountName: "x"}) { token errors { code } } }')

    answers = await attempts(shield_live, document, ip=fresh_ip(), n=AUTH_ATTEMPTS + 1)

    assert statuses(answers) == [200] * AUTH_ATTEMPTS + [429]
    assert codes(answers[-1].json()) == ["RATE_LIMITED"]


async def test_aliased_attempts_inside_a_fragment_each_pay_and_are_refused(
        shield_live: LiveServer) -> None:
    ip = fresh_ip()
    verify = 'verifyMfa(input: {mfaToken: "mwm_nothing", code: "123456"}) { token }'
    two = f"mutation {{ ... on Mutation {{ a: {verify} b: {verify} }} }}"
    one = f"mutation {{ {verify} }}"

    pair = await shield_live.post({"query": two}, headers={"x-forwarded-for": ip})
    after = [await shield_live.post({"query": one}, headers={"x-forwarded-for": ip})
             for _ in range(2)]

    assert codes(pair.json()) == ["QUERY_TOO_COMPLEX"]  # one attempt per request
    assert pair.json().get("data") is None
    assert statuses(after) == [200, 429]  # the pair paid 2 of the 3 attempts


async def test_auth_fragments_over_websocket_pay_into_the_auth_bucket(
        shield_live: LiveServer) -> None:
    token, _ = await signed_in()
    document = f"mutation($e: String!) {{ ...L }} fragment L on Mutation {{ {log_in()} }}"
    async with shield_live.socket(token) as ws:
        replies = [await ws.execute(document, {"e": f"ws-{i}-{secrets.token_hex(4)}@example.com"},
                                    timeout=30)
                   for i in range(AUTH_ATTEMPTS + 1)]
    assert [codes(r) for r in replies] == [[]] * AUTH_ATTEMPTS + [["RATE_LIMITED"]]


async def test_ipv6_clients_in_one_64_share_their_buckets(shield_live: LiveServer) -> None:
    prefix = fresh_64()
    document = f"mutation($e: String!) {{ {log_in()} }}"
    answers = []
    for host in range(1, AUTH_ATTEMPTS + 2):
        answers += await attempts(shield_live, document, ip=f"{prefix}::{host:x}", n=1)
    other = await attempts(shield_live, document, ip=f"{fresh_64()}::1", n=1)

    assert statuses(answers) == [200] * AUTH_ATTEMPTS + [429]
    assert statuses(other) == [200]  # another /64 is another client


# --- CSV export -------------------------------------------------------------------------


async def test_csv_export_meets_the_cost_limit_and_the_user_points(
        shield_live: LiveServer) -> None:
    token, _ = await signed_in()
    auth = {"authorization": f"Bearer {token}"}
    three_years = {"from": "2024-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}
    a_month_of_hours = {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z",
                        "granularity": "HOUR"}  # 745 points of the user's 3000 a minute
    async with shield_live.client() as http:
        wide = await http.get("/export/usage.csv", params=three_years, headers=auth)
        exports = [await http.get("/export/usage.csv", params=a_month_of_hours, headers=auth)
                   for _ in range(5)]

    assert wide.status_code == 400
    assert wide.json()["errors"][0]["code"] == "QUERY_TOO_COMPLEX"
    assert statuses(exports) == [200] * 4 + [429]
    assert exports[-1].json()["errors"][0]["code"] == "RATE_LIMITED"
    assert int(exports[-1].headers["retry-after"]) >= 1


# --- errors that escaped the policy ----------------------------------------------------


@pytest.mark.parametrize("granularity", ["DAY", "HOUR"])
async def test_usage_in_year_9999_answers_a_coded_error(shield_live: LiveServer,
                                                      granularity: str) -> None:
    token, _ = await signed_in()
    body = await shield_live.gql(
        "query($g: Granularity!) { usage(filter: {from: \"9999-12-30T00:00:00Z\", "
        "to: \"9999-12-31T00:00:00Z\"}, granularity: $g) { totalCost series { bucketStart } } }",
        {"g": granularity}, token=token)
    assert body["errors"] and all(codes(body)), body
    assert "range" not in str(body)


async def test_a_subscription_over_http_post_is_refused_not_internal(
        shield_live: LiveServer) -> None:
    token, _ = await signed_in()
    body = await shield_live.gql("subscription { securityEventRecorded { id } }", token=token)
    assert codes(body) == [None]
    assert "WebSocket" in body["errors"][0]["message"]


async def test_production_errors_do_not_name_required_input_fields(
        live_production: LiveServer) -> None:
    inline = await live_production.gql('mutation { logIn(input: {email: "a@b.c"}) { token } }')
    variable = await live_production.gql(
        "mutation($i: LogInInput!) { logIn(input: $i) { token } }", {"i": {"email": "a@b.c"}})
    for body in (inline, variable):
        message = body["errors"][0]["message"]
        assert "password" not in message and "LogInInput" not in message, message
        assert "a@b.c" not in message  # nor echoes the input back
