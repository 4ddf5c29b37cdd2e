"""Cursor pagination for list fields: opaque cursors, keyset queries, a hard page-size cap.

    @strawberry.field
    async def audit_log(self, info: Info, first: int | None = 50, after: str | None = None
                        ) -> Connection[AuditEvent]:           # -> "AuditEventConnection"
        viewer = authorize(info.context.viewer, Operation.READ_AUDIT_LOG)
        page = await paginate(scoped(AuditEventModel, viewer), first=first, after=after,
                              order_by="created_at")
        return Connection.of(page, AuditEvent.from_model)

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

import strawberry
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from meterwise.services.errors import UserErrorCode, UserInputError

MAX_PAGE = 100
DEFAULT_PAGE = 50
_VERSION = "v1"

M = TypeVar("M", bound=Model)
T = TypeVar("T")


@strawberry.type(description="Where a page ends; pass `endCursor` as `after` for the next.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@dataclass(frozen=True)
class Page(Generic[M]):
    rows: list[M]
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Connection(Generic[T]):
    """One page of a list; strawberry names ``Connection[AuditEvent]`` "AuditEventConnection"."""

    nodes: list[T]
    page_info: PageInfo

    @classmethod
    def of(cls, page: Page[Any], convert: Callable[[Any], T]) -> Connection[T]:
        return cls(nodes=[convert(row) for row in page.rows],
                   page_info=PageInfo(has_next_page=page.has_next_page,
                                      end_cursor=page.end_cursor))


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
    end = (encode_cursor([getattr(rows[-1], order_by), getattr(rows[-1], pk)])
           if rows else None)
    return Page(rows=rows, has_next_page=has_next, end_cursor=end)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value
