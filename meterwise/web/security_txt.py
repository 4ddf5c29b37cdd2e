"""``GET /.well-known/security.txt`` (RFC 9116) and the disclosure policy it points to.

Served in every environment as text/plain. ``Expires`` is computed from the clock at each
request (RFC 9116: less than a year ahead), so a long-running server never serves a stale
file. ``Canonical`` and ``Policy`` are this server's own URLs: the first of
``METERWISE_ALLOWED_ORIGINS`` when set (https in production, which serves nothing else).
The full process is ``SECURITY.md`` at the repository root; the policy page here is its
summary, so a deployment answers without any outside page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from meterwise import clock
from meterwise.config import Settings

SECURITY_TXT_PATH = "/.well-known/security.txt"
POLICY_PATH = "/.well-known/security-policy.txt"
EXPIRES_AFTER = timedelta(days=180)  # well under RFC 9116's "less than a year"
RESPONSE_HOURS = 48
CACHE = {"cache-control": "max-age=3600"}

Endpoint = Callable[[Request], Awaitable[Response]]


def security_txt(contact: str, origin: str) -> str:
    """The file: one ``Field: value`` per line, LF line ends, a final newline."""
    expires = (clock.now() + EXPIRES_AFTER).replace(microsecond=0)
    return (f"Contact: {contact}\n"
            f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}\n"
            "Preferred-Languages: en\n"
            f"Policy: {origin}{POLICY_PATH}\n"
            f"Canonical: {origin}{SECURITY_TXT_PATH}\n")


def policy_text(contact: str) -> str:
    return (
        "Meterwise vulnerability disclosure policy\n\n"
        f"Report a suspected vulnerability to {contact}. We acknowledge every report within "
        f"{RESPONSE_HOURS} hours, tell you our assessment and the fix timeline, keep you "
        "informed until it is fixed, and credit you if you wish. Please do not access other "
        "people's data, degrade the service or disclose publicly before a fix is available; "
        "good-faith research under this policy will not be pursued legally.\n")


def _origin(request: Request, settings: Settings) -> str:
    """The operator's first allowed origin; the request's own only when none is configured.

    The Host header is the client's to choose, and the response is cacheable: a forged Host
    must not become the Canonical URL a shared cache then serves to everyone.
    """
    if settings.allowed_origin_list:
        return settings.allowed_origin_list[0]
    scheme = "https" if settings.is_production else request.url.scheme
    return f"{scheme}://{request.url.netloc}"


def security_txt_endpoint(settings: Settings) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        return PlainTextResponse(security_txt(settings.security_contact,
                                              _origin(request, settings)), headers=CACHE)

    return endpoint


def policy_endpoint(settings: Settings) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        return PlainTextResponse(policy_text(settings.security_contact), headers=CACHE)

    return endpoint
