"""The web console at ``/`` and the development GraphiQL page, from the committed build.

Both are built from ``console/`` (npm, Vite) into ``meterwise/web/static`` and shipped as
package data, so a fresh clone with only Python serves them and no page ever loads
anything from another origin. Hashed asset names make ``/assets/*`` safe to cache forever.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Message, Receive, Scope, Send

STATIC = Path(__file__).parent / "static"
MISSING = ("<!doctype html><title>Meterwise</title><p>The console build is missing: run "
           "<code>npm ci &amp;&amp; npm run build</code> in <code>console/</code>.</p>")


@cache
def page(name: str) -> str:
    """A built HTML page (``index.html``, ``graphiql.html``), read once."""
    path = STATIC / name
    return path.read_text(encoding="utf-8") if path.is_file() else MISSING


async def console_index(request: Request) -> Response:
    """The console's single page; its screens are routed client-side (``#/…``)."""
    return HTMLResponse(page("index.html"), headers={"cache-control": "no-cache"})


class ConsoleAssets(StaticFiles):
    """``/assets``: content-hashed files, cached immutably by browsers."""

    def __init__(self) -> None:
        super().__init__(directory=STATIC / "assets", check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_cached(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") == 200:
                message["headers"] = [*message.get("headers", []),
                                      (b"cache-control", b"public, max-age=31536000, immutable")]
            await send(message)

        await super().__call__(scope, receive, send_cached)
