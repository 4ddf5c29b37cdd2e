"""The shared cursor pagination helper: keyset pages, opaque cursors, capped size."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from starlette.applications import Starlette

from meterwise.models.identity import Role
from meterwise.models.usage import SyncRun
from meterwise.services.errors import UserInputError
from meterwise.services.pagination import (
    MAX_PAGE,
    decode_cursor,
    encode_cursor,
    page_size,
    paginate,
)
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer


async def test_pages_walk_every_row_of_the_account_once_in_order(db: Starlette) -> None:
    mine, theirs = uuid4(), uuid4()
    viewer = Viewer(user_id=uuid4(), account_id=mine, role=Role.VIEWER)
    base = datetime(2027, 1, 1, tzinfo=UTC)
    for i in range(7):  # created_at is auto_now_add: set afterwards, with ties on purpose
        run = await SyncRun.create(account_id=mine, connection_id=uuid4())
        await SyncRun.filter(id=run.id).update(created_at=base + timedelta(minutes=i // 3))
    for _ in range(2):
        await SyncRun.create(account_id=theirs, connection_id=uuid4())
    expected = [run.id for run in await SyncRun.filter(account_id=mine)
                .order_by("-created_at", "-id")]

    seen, after, flags = [], None, []
    while True:
        page = await paginate(scoped(SyncRun, viewer), first=3, after=after,
                              order_by="created_at")
        seen += [run.id for run in page.rows]
        flags.append(page.has_next_page)
        if not page.has_next_page:
            break
        after = page.end_cursor

    assert seen == expected
    assert flags == [True, True, False]


def test_page_size_is_capped_and_cursors_are_checked() -> None:
    assert page_size(None) == 50
    assert page_size(10_000) == MAX_PAGE == 100
    with pytest.raises(UserInputError):
        page_size(-1)
    cursor = encode_cursor(["2027-01-01T00:00:00+00:00", "abc"])
    assert decode_cursor(cursor, 2) == ["2027-01-01T00:00:00+00:00", "abc"]
    for garbage in ("", "not base64!", encode_cursor(["only one"]), "W10"):
        with pytest.raises(UserInputError) as error:
            decode_cursor(garbage, 2)
        assert error.value.field == "after"
