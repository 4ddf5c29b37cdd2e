"""Attacks on the pages a real server serves: script injection helped by a loose CSP,
assets from a third-party host (a CDN compromise becomes ours), and framing.

Before the console, GraphiQL's page allowed ``'unsafe-inline'`` and ``https://unpkg.com``
and ``/`` served nothing; now both pages run only our own files."""

from __future__ import annotations

import re

from tests.adversary.support import LiveServer

HTML = {"accept": "text/html"}
OUTSIDE = re.compile(r"""(?:src|href)=["']?(?:https?:)?//""")


def policy(csp: str) -> dict[str, list[str]]:
    return {name: rest for name, *rest in (d.split() for d in csp.split(";") if d.strip())}


def assert_only_self(csp: str) -> None:
    directives = policy(csp)
    assert directives["script-src"] == ["'self'"], csp  # no inline, no eval, no CDN
    assert directives["frame-ancestors"] == ["'none'"], csp
    assert all(source in {"'self'", "'none'", "data:"}
               for sources in directives.values() for source in sources), csp


async def test_graphiql_page_runs_no_inline_or_third_party_script(live: LiveServer) -> None:
    async with live.client() as http:
        page = await http.get("/graphql", headers=HTML)
    assert page.status_code == 200
    assert_only_self(page.headers["content-security-policy"])
    assert not OUTSIDE.search(page.text), "GraphiQL loads something from another origin"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text), "inline script"


async def test_console_is_served_in_production_and_cannot_be_framed(
        live_production: LiveServer) -> None:
    async with live_production.client() as http:
        page = await http.get("/", headers=HTML)
        assert page.status_code == 200 and '<div id="app">' in page.text
        assert_only_self(page.headers["content-security-policy"])
        assert page.headers["x-frame-options"] == "DENY"
        assert not OUTSIDE.search(page.text)
        for path in re.findall(r'(?:src|href)="(/assets/[^"]+)"', page.text):
            asset = await http.get(path)
            assert asset.status_code == 200, path
            assert asset.headers["x-content-type-options"] == "nosniff"
        graphiql = await http.get("/graphql", headers=HTML)
    assert graphiql.status_code == 404  # the IDE stays off in production
