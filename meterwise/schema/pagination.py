"""The GraphQL side of pagination: the one ``PageInfo`` every connection returns.

The keyset query, cursors and the cap live in ``meterwise.services.pagination``.
"""

from __future__ import annotations

from typing import Any

import strawberry

from meterwise.services.pagination import Page


@strawberry.type(description="Where a page ends; pass `endCursor` as `after` for the next.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None

    @classmethod
    def of(cls, page: Page[Any]) -> PageInfo:
        return cls(has_next_page=page.has_next_page, end_cursor=page.end_cursor)
