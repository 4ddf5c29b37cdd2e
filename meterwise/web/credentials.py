"""Turn a request's credentials into a ``Viewer``.

Two ways in: ``Authorization: Bearer <session or API token>`` (programs, mobile, GraphiQL)
or the ``__Host-mw_session`` cookie (browsers). The cookie is HttpOnly, Secure,
SameSite=Strict, Path=/ and has no Domain; the ``__Host-`` prefix makes browsers refuse it
from a sibling subdomain or plain HTTP, so nobody can plant (toss) one, and no other name
is read. On top of that a cookie-authenticated HTTP request must carry ``X-CSRF-Token``
equal to the ``__Host-mw_csrf`` cookie, itself derived from the session token (double
submit bound to the session). Without it the request is treated as anonymous, so no
cross-site page can act with a user's cookie. (Queries are held to the same rule:
simpler, and GET is off anyway.)
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

from meterwise.security.tokens import API_TOKEN_PREFIX, constant_time_equals
from meterwise.services.identity.api_tokens import resolve_api_token
from meterwise.services.identity.sessions import csrf_token_for, resolve_session
from meterwise.services.viewer import Viewer

SESSION_COOKIE = "__Host-mw_session"
CSRF_COOKIE = "__Host-mw_csrf"
CSRF_HEADER = "x-csrf-token"
MAX_TOKEN = 200


def parse_bearer(value: str) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` value, else None."""
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def bearer_token(request: HTTPConnection) -> str | None:
    return parse_bearer(request.headers.get("authorization", ""))


async def viewer_for_token(token: str) -> Viewer | None:
    """An HTTP request's session or API token (by its prefix) to its viewer, recording its
    use; None when not valid. (WebSockets: ``socket_viewer``.)"""
    if len(token) > MAX_TOKEN:
        return None
    if token.startswith(API_TOKEN_PREFIX):
        return await resolve_api_token(token)
    return await resolve_session(token)


async def socket_viewer(token: str, *, in_use: bool) -> Viewer | None:
    """A WebSocket's credential to its viewer; None when not valid.

    A socket never refreshes a session's idle timer (an open socket must not keep a session
    alive), but ``in_use`` (``connection_init`` and each operation, never the periodic
    re-check) records an API token's use like HTTP does, at most once per
    ``api_tokens.TOUCH_EVERY``: a token used only over WebSocket is in use, not idle."""
    if len(token) > MAX_TOKEN:
        return None
    if token.startswith(API_TOKEN_PREFIX):
        return await resolve_api_token(token, touch=in_use)
    return await resolve_session(token, touch=False)


async def resolve_viewer(request: HTTPConnection) -> tuple[Viewer | None, bool]:
    """The caller and whether it authenticated by cookie (cookie mutations need CSRF).

    A WebSocket has no caller here: it authenticates in ``connection_init`` and then at
    the start of every operation (``meterwise.schema.live``)."""
    if request.scope.get("type") != "http":
        return None, False
    token = bearer_token(request)
    if token is not None:
        return await viewer_for_token(token), False
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie or len(cookie) > MAX_TOKEN:
        return None, False
    header = request.headers.get(CSRF_HEADER, "")
    if not header or not constant_time_equals(header, csrf_token_for(cookie)):
        return None, False
    return await resolve_session(cookie), True


def same_origin(request: HTTPConnection) -> bool:
    """Whether the handshake's ``Origin`` is this server's own (scheme-less host:port match).

    Browsers always send ``Origin`` on a WebSocket handshake and pages cannot forge it, so a
    page on another site cannot open a socket that rides our cookie (cross-site WebSocket
    hijacking); programs that send no ``Origin`` use a Bearer token instead."""
    origin = request.headers.get("origin", "")
    host = request.headers.get("host", "")
    parts = urlsplit(origin)
    return bool(host) and parts.scheme in ("http", "https") and parts.netloc == host


def socket_token(request: HTTPConnection, params: Any) -> str | None:
    """A WebSocket's credential: the ``connection_init`` Bearer token; else the session
    cookie, but only on a same-origin handshake (the console after a page reload, which
    keeps no token of its own). Re-read at every operation, like the Bearer token."""
    token = connection_params_token(params)
    if token is not None:
        return token
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie or len(cookie) > MAX_TOKEN or request.scope.get("type") != "websocket":
        return None
    return cookie if same_origin(request) else None


def connection_params_token(params: Any) -> str | None:
    """The token in a WebSocket ``connection_init`` payload (``authorization: Bearer …``)."""
    if not isinstance(params, dict):
        return None
    value = params.get("authorization") or params.get("Authorization")
    return parse_bearer(value) if isinstance(value, str) else None
