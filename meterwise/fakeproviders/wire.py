"""Wire helpers the fake apps share: exact JSON numbers, array params, opaque cursors."""

from __future__ import annotations

import base64
import json
import re
from decimal import Decimal
from typing import Any

from starlette.datastructures import QueryParams
from starlette.responses import Response

_RAW = re.compile(r'"\\u0000num:([^"\\]+)\\u0000"')


def json_number(value: Decimal) -> str:
    """How a float-producing server would write this amount (e.g. 1.2e-05), when exact."""
    as_float = float(value)
    text = repr(as_float)
    return text if Decimal(text) == value else str(value)


def _mark(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"\x00num:{json_number(value)}\x00"
    if isinstance(value, dict):
        return {k: _mark(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark(v) for v in value]
    return value


def dumps(body: Any) -> str:
    """JSON text where Decimal values become JSON numbers with every digit kept."""
    return _RAW.sub(lambda m: m.group(1), json.dumps(_mark(body)))


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, headers=headers,
                    media_type="application/json")


def array_param(query: QueryParams, name: str) -> list[str]:
    """An array parameter sent as `name[]=a&name[]=b`, `name=a&name=b` or `name=a,b`."""
    values = query.getlist(f"{name}[]") + query.getlist(name)
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def encode_cursor(value: str) -> str:
    return "page_" + base64.urlsafe_b64encode(value.encode()).decode()


def decode_cursor(cursor: str) -> str | None:
    if not cursor.startswith("page_"):
        return None
    try:
        return base64.urlsafe_b64decode(cursor[5:].encode()).decode()
    except (ValueError, UnicodeDecodeError):
        return None


def parse_limit(raw: str | None, default: int, maximum: int) -> int | None:
    """The `limit` parameter within [1, maximum], or None when invalid."""
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if 1 <= value <= maximum else None
