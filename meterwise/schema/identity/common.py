"""Resolver helpers: the request's client info, and the browser session cookies."""

from __future__ import annotations

from starlette.responses import Response

from meterwise.schema.context import Info
from meterwise.services.identity import policy
from meterwise.services.identity.common import Client
from meterwise.services.identity.sessions import csrf_token_for
from meterwise.web.credentials import CSRF_COOKIE, SESSION_COOKIE


def client_of(info: Info) -> Client:
    return Client(ip=info.context.client_ip, user_agent=info.context.user_agent)


def _response(info: Info) -> Response | None:
    response = info.context.response
    return response if isinstance(response, Response) else None


def set_session_cookies(info: Info, token: str) -> None:
    """The session in an HttpOnly cookie, and its CSRF value in a script-readable one.

    Both are ``__Host-`` cookies: Secure, Path=/, no Domain (browsers enforce all three).
    """
    response = _response(info)
    if response is None:
        return
    max_age = int(policy.settings().session_absolute.total_seconds())
    response.set_cookie(SESSION_COOKIE, token, max_age=max_age, path="/", secure=True,
                        httponly=True, samesite="strict")
    response.set_cookie(CSRF_COOKIE, csrf_token_for(token), max_age=max_age, path="/",
                        secure=True, httponly=False, samesite="strict")


def clear_session_cookies(info: Info) -> None:
    response = _response(info)
    if response is None:
        return
    for name, http_only in ((SESSION_COOKIE, True), (CSRF_COOKIE, False)):
        response.delete_cookie(name, path="/", secure=True, httponly=http_only,
                               samesite="strict")
