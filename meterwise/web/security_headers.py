"""Security headers on every HTTP response, whoever produced it (errors, 413, 429 too).

Two CSPs, picked by the response's content type: HTML pages (the console at ``/`` and, in
development, GraphiQL at ``GET /graphql``) may run scripts, styles, images and connections
from our own origin only, never inline and never another host, because their assets are
built from npm and shipped in the package. Everything else is JSON or CSV and gets a CSP
that allows nothing at all.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; manifest-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
HSTS = "max-age=63072000; includeSubDomains"
CSP = b"content-security-policy"


def security_headers(*, production: bool) -> list[tuple[bytes, bytes]]:
    """The headers every response gets, except the CSP (see ``csp_for``)."""
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
        (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    ]
    if production:
        headers.append((b"strict-transport-security", HSTS.encode()))
    return headers


def csp_for(headers: list[tuple[bytes, bytes]]) -> bytes:
    """The page CSP for an HTML response, the nothing-allowed one for anything else."""
    content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
    return (PAGE_CSP if content_type.lower().startswith(b"text/html") else API_CSP).encode()


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, production: bool) -> None:
        self.app = app
        self.headers = security_headers(production=production)
        self.names = {name for name, _ in self.headers} | {CSP}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                original = list(message.get("headers", []))
                kept = [(k, v) for k, v in original if k.lower() not in self.names]
                message = {**message,
                           "headers": [*kept, *self.headers, (CSP, csp_for(original))]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
