"""Every over-limit document is refused with QUERY_TOO_COMPLEX (or 413) before resolvers run."""

from __future__ import annotations

import json

import httpx
import pytest
from starlette.applications import Starlette

from meterwise.config import Settings
from tests.shield.support import CALLS, client_for, codes, fresh_ip, post, shield_app

DEPTH, ALIASES, TOKENS, COST = 10, 15, 2000, 1000


@pytest.fixture
async def http(app: Starlette, settings: Settings) -> httpx.AsyncClient:
    asgi = shield_app(app, settings, query_max_depth=DEPTH, query_max_aliases=ALIASES,
                      query_max_tokens=TOKENS, query_max_cost=COST,
                      rate_limit_anonymous_points=1_000_000)
    async with client_for(asgi) as client:
        CALLS.clear()
        yield client


def nested(depth: int) -> str:
    """``{ node { child { ... id } } }`` with ``depth`` levels of fields."""
    return "{ node { " + "child { " * (depth - 2) + "id" + " }" * (depth - 2) + " } }"


async def refused(http: httpx.AsyncClient, query: str, **kwargs: object) -> httpx.Response:
    response = await post(http, query, ip=fresh_ip(), **kwargs)  # type: ignore[arg-type]
    assert codes(response) == ["QUERY_TOO_COMPLEX"], response.text
    assert "data" not in response.json() or response.json()["data"] is None
    assert sum(CALLS.values()) == 0, CALLS
    return response


async def test_depth_at_the_limit_runs(http: httpx.AsyncClient) -> None:
    response = await post(http, nested(DEPTH), ip=fresh_ip())
    assert "errors" not in response.json(), response.text
    assert CALLS["child"] == DEPTH - 2


async def test_one_level_over_the_depth_limit_is_refused(http: httpx.AsyncClient) -> None:
    response = await refused(http, nested(DEPTH + 1))
    assert "11 levels deep; the limit is 10" in response.text


async def test_depth_through_fragments_counts(http: httpx.AsyncClient) -> None:
    inner = "child { " * (DEPTH - 2) + "id" + " }" * (DEPTH - 2)
    await refused(http, "query { node { ...F } } fragment F on Node { child { " + inner + " } }")


def aliased(count: int) -> str:
    return "{ node { " + " ".join(f"a{i}: id" for i in range(count)) + " } }"


async def test_aliases_at_the_limit_run(http: httpx.AsyncClient) -> None:
    response = await post(http, aliased(ALIASES), ip=fresh_ip())
    assert "errors" not in response.json(), response.text


async def test_one_alias_over_the_limit_is_refused(http: httpx.AsyncClient) -> None:
    await refused(http, aliased(ALIASES + 1))


def with_tokens(extra: int) -> str:
    """250 operations of 8 tokens each (2000), plus ``extra`` more ``id`` tokens."""
    operations = " ".join(f"query Q{i} {{ node {{ id }} }}" for i in range(TOKENS // 8))
    return operations.replace("{ id }", "{ id" + " id" * extra + " }", 1)


async def test_tokens_at_the_limit_run(http: httpx.AsyncClient) -> None:
    response = await post(http, with_tokens(0), ip=fresh_ip(), operation_name="Q0")
    assert "errors" not in response.json(), response.text[:300]


async def test_one_token_over_the_limit_is_refused(http: httpx.AsyncClient) -> None:
    response = await refused(http, with_tokens(1), operation_name="Q0")
    assert "more than 2000 tokens" in response.text
    assert len(response.text) < 500  # the document is not echoed back


async def test_too_many_directives_are_refused(http: httpx.AsyncClient) -> None:
    await refused(http, "{ node { id" + " @include(if: true)" * 21 + " } }")


async def test_an_over_cost_list_is_refused(http: httpx.AsyncClient) -> None:
    # 100 nodes each with 100 children: 10,100 objects against a budget of 1,000.
    response = await refused(http, "{ node { items(first: 100) { items(first: 100) { id } } } }")
    assert "could fetch 10101 objects" in response.text


async def test_cost_uses_variables(http: httpx.AsyncClient) -> None:
    query = "query($n: Int!) { node { items(first: $n) { items(first: $n) { id } } } }"
    await refused(http, query, variables={"n": 50})
    response = await post(http, query, ip=fresh_ip(), variables={"n": 5})
    assert len(response.json()["data"]["node"]["items"]) == 5


async def test_first_above_the_cap_is_refused(http: httpx.AsyncClient) -> None:
    response = await refused(http, "{ node { items(first: 101) { id } } }")
    assert "between 0 and 100" in response.text


async def test_a_batched_body_is_refused(http: httpx.AsyncClient) -> None:
    body = [{"query": "{ node { id } }"}, {"query": "{ node { id } }"}]
    response = await http.post("/graphql", json=body, headers={"x-forwarded-for": fresh_ip()})
    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]
    assert sum(CALLS.values()) == 0


async def test_a_2mb_body_is_refused_with_413(http: httpx.AsyncClient) -> None:
    body = json.dumps({"query": "{ node { id } }", "variables": {"pad": "x" * 2_000_000}})
    response = await http.post("/graphql", content=body,
                               headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert sum(CALLS.values()) == 0


async def test_a_2mb_streamed_body_without_length_is_refused(http: httpx.AsyncClient) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        yield b'{"query": "{ node { id } }", "variables": {"pad": "'
        for _ in range(32):
            yield b"x" * 65536
        yield b'"}}'

    response = await http.post("/graphql", content=chunks(),
                               headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert sum(CALLS.values()) == 0


async def test_real_security_events_query_caps_first(app: Starlette, settings: Settings) -> None:
    async with client_for(shield_app(app, settings, real_schema=True)) as client:
        response = await post(client, "{ securityEvents(first: 500) { edges { cursor } } }",
                              ip=fresh_ip())
    assert codes(response) == ["QUERY_TOO_COMPLEX"]
