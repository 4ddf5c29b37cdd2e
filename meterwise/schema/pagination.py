"""The GraphQL side of pagination: the one ``PageInfo``, ``Edge`` and ``Connection``.

The keyset query, cursors and the cap live in ``meterwise.services.pagination``. Strawberry
names each use of the generic types after its node (``Connection[AuditEvent]`` is
``AuditEventConnection``, its edges ``AuditEventEdge``), so every paged field has the same
shape and one builder, ``connection``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.models import Model

from meterwise.schema.guards.cost import page_items
from meterwise.services.pagination import Page, cursor_of

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT", bound=Model)


@strawberry.type(description="Where a page ends; pass `endCursor` as `after` for the next.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None

    @classmethod
    def of(cls, page: Page[Any]) -> PageInfo:
        return cls(has_next_page=page.has_next_page, end_cursor=page.end_cursor)


@strawberry.type(description="One item of a page and the cursor just after it.")
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of items, newest first.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(metadata=page_items())
    page_info: PageInfo


def connection(page: Page[RowT], order_by: str, node: Callable[[RowT], NodeT]
               ) -> Connection[NodeT]:
    """``page`` (fetched ordered by ``order_by``) as a connection of ``node(row)``s."""
    return Connection(edges=[Edge(cursor=cursor_of(row, order_by), node=node(row))
                             for row in page.rows], page_info=PageInfo.of(page))
