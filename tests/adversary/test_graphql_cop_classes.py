"""Every class graphql-cop (github.com/dolevf/graphql-cop) tests, against production mode.

Each test sends graphql-cop's own request (same document, method and body shape) to a
real production-mode server and checks the answer is not the one graphql-cop reports as a
finding, and is a refusal we mean (coded, one error, nothing internal).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.adversary.support import LiveServer

pytestmark = pytest.mark.slow


def codes(body: dict[str, Any]) -> list[str | None]:
    return [(error.get("extensions") or {}).get("code") for error in body.get("errors") or []]


async def cop(server: LiveServer, query: str) -> dict[str, Any]:
    """graphql-cop's ``graph_query``: ``{"query": …, "operationName": "cop"}``."""
    response = await server.post({"query": query, "operationName": "cop"})
    body: dict[str, Any] = response.json()
    return body


async def test_alias_overloading_is_refused(live_production: LiveServer) -> None:
    aliases = "".join(f"alias{i}:__typename \n" for i in range(101))
    body = await cop(live_production, "query cop { " + aliases + " }")
    assert body.get("data") is None
    assert codes(body) == ["QUERY_TOO_COMPLEX"]


async def test_batched_queries_are_refused(live_production: LiveServer) -> None:
    response = await live_production.post([{"query": "query cop { __typename }"}] * 10)
    assert response.status_code == 400
    assert not isinstance(response.json(), list)
    assert codes(response.json()) == ["QUERY_TOO_COMPLEX"]


async def test_directive_overloading_answers_one_error(live_production: LiveServer) -> None:
    body = await cop(live_production, "query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }")
    assert len(body["errors"]) == 1
    assert codes(body) == ["QUERY_TOO_COMPLEX"]


async def test_field_duplication_is_refused(live_production: LiveServer) -> None:
    body = await cop(live_production, "query cop { " + "__typename \n" * 500 + "} ")
    assert body.get("data") is None
    assert codes(body) == ["QUERY_TOO_COMPLEX"]


@pytest.mark.parametrize("query", [
    "query cop { __schema { types { name fields { name } } } }",
    "query cop { __schema { types { fields { type { fields { type { fields { type { fields "
    "{ type { name } } } } } } } } } } }",  # circular introspection
])
async def test_introspection_is_off(live_production: LiveServer, query: str) -> None:
    body = await cop(live_production, query)
    assert body.get("data") is None
    assert body["errors"]


async def test_field_suggestions_are_off(live_production: LiveServer) -> None:
    body = await cop(live_production, "query cop { __schema { directive } }")
    assert body["errors"]
    assert not any("Did you mean" in error["message"] for error in body["errors"])


async def test_no_graphiql(live_production: LiveServer) -> None:
    async with live_production.client() as http:
        response = await http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code != 200
    for word in ("graphiql.min.css", "GraphQL Playground", "GraphiQL", "graphql-playground"):
        assert word not in response.text


@pytest.mark.parametrize("query", ["query cop {__typename}", "mutation cop {__typename}"])
async def test_no_queries_or_mutations_over_get(live_production: LiveServer, query: str) -> None:
    async with live_production.client() as http:
        response = await http.get("/graphql", params={"query": query})
    assert response.status_code >= 400
    assert "__typename" not in response.text


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/x-www-form-urlencoded", "query=query+cop+%7B+__typename+%7D"),  # graphql-cop's
    ("text/plain", '{"query": "query cop { __typename }"}'),
    ("multipart/form-data; boundary=x",
     '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n'
     '{"query": "query cop { __typename }"}\r\n--x--\r\n'),
])
async def test_posts_a_form_could_send_are_refused(live_production: LiveServer,
                                                   content_type: str, body: str) -> None:
    """A form (or a no-preflight fetch) needs no CORS: accepting one would allow CSRF."""
    async with live_production.client() as http:
        response = await http.post("/graphql", content=body,
                                   headers={"content-type": content_type})
    assert response.status_code in {400, 415}
    assert "__typename" not in response.text


async def test_no_trace_mode(live_production: LiveServer) -> None:
    body = await cop(live_production, "query cop { __typename }")
    assert body == {"data": {"__typename": "Query"}}  # no extensions.tracing, nothing else


async def test_unhandled_errors_carry_no_exception(live_production: LiveServer) -> None:
    body = await cop(live_production, "qwerty cop { abc }")
    assert body["errors"]
    for error in body["errors"]:
        assert "exception" not in (error.get("extensions") or {})
        assert "Traceback" not in str(error)
