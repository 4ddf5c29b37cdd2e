"""Turn a request's credentials into a ``Viewer`` (the identity domain fills this in)."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from meterwise.services.viewer import Viewer


def bearer_token(request: HTTPConnection) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


async def resolve_viewer(request: HTTPConnection) -> tuple[Viewer | None, bool]:
    """The caller and whether it authenticated by cookie (cookie mutations need CSRF)."""
    return None, False
