"""Cursor pagination for every paged list: opaque cursors, keyset queries, one page-size cap.

    page = await paginate(scoped(AuditEvent, viewer), first=first, after=after,
                          order_by="seq")

One behaviour for every paged field: ``first`` is 0 to ``MAX_PAGE`` (0 gives an empty page,
negative is a user error, more is capped); a cursor this module did not make is a user error
on ``after`` (never a silently empty page, which a client would take for "no more rows").

Keyset, not OFFSET: each page is one indexed range query however deep it goes, and rows
inserted meanwhile never shift a page. Order is ``order_by`` then the primary key, newest
first by default. A cursor is the last row's (order value, pk), base64url-encoded: opaque to
clients, carrying no more than the row they already saw; the query stays account-scoped, so
a forged cursor can only move within the caller's own rows.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from meterwise.services.errors import UserErrorCode, UserInputError

MAX_PAGE = 100
DEFAULT_PAGE = 50
_VERSION = "v1"

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Page(Generic[M]):
    rows: list[M]
    has_next_page: bool
    end_cursor: str | None


def page_size(first: int | None, *, default: int = DEFAULT_PAGE) -> int:
    """``first`` capped at ``MAX_PAGE``; negative is a user error."""
    if first is None:
        return default
    if first < 0:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "`first` must not be negative.",
                             "first")
    return min(first, MAX_PAGE)


def encode_cursor(values: Sequence[Any]) -> str:
    payload = json.dumps([_VERSION, *[_plain(v) for v in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The ``size`` values of a cursor from ``encode_cursor``; anything else is a user error."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError):
        values = None
    if not isinstance(values, list) or len(values) != size + 1 or values[0] != _VERSION:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Invalid cursor.", "after")
    return values[1:]


async def paginate(query: QuerySet[M], *, first: int | None, after: str | None,
                   order_by: str, descending: bool = True) -> Page[M]:
    """One page of ``query`` (already scoped to the caller) in (``order_by``, pk) order."""
    size = page_size(first)
    pk = query.model._meta.pk_attr
    if after:
        value, last_pk = decode_cursor(after, 2)
        field = query.model._meta.fields_map[order_by]
        try:
            value = field.to_python_value(value)
            last_pk = query.model._meta.pk.to_python_value(last_pk)
        except (TypeError, ValueError):
            raise UserInputError(UserErrorCode.INVALID_INPUT, "Invalid cursor.", "after"
                                 ) from None
        op = "lt" if descending else "gt"
        query = query.filter(Q(**{f"{order_by}__{op}": value})
                             | Q(**{order_by: value, f"{pk}__{op}": last_pk}))
    sign = "-" if descending else ""
    rows = await query.order_by(f"{sign}{order_by}", f"{sign}{pk}").limit(size + 1)
    has_next = len(rows) > size
    rows = rows[:size]
    end = cursor_of(rows[-1], order_by) if rows else None
    return Page(rows=rows, has_next_page=has_next, end_cursor=end)


def cursor_of(row: Model, order_by: str) -> str:
    """The cursor just after ``row`` in a page ordered by ``order_by`` (an edge's cursor)."""
    return encode_cursor([getattr(row, order_by), row.pk])


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value
