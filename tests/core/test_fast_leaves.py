"""The leaf fast path returns exactly what graphql-core's normal path returns."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import strawberry

from meterwise.schema.fast_leaves import FastLeavesExecutionContext


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Point:
    at: datetime
    colour: Colour
    label: str | None
    amount: Decimal
    count: float
    required: str

    @strawberry.field
    def shout(self, times: int = 1) -> str:
        return (self.required.upper() + "!") * times


def _points(broken: bool = False) -> list[Point]:
    return [
        Point(at=datetime(2026, 1, day, tzinfo=UTC), colour=Colour.RED if day % 2 else Colour.BLUE,
              label=None if day % 3 else f"d{day}", amount=Decimal("1.2300") * day,
              count=day * 1.5, required=None if broken and day == 2 else f"r{day}")  # type: ignore[arg-type]
        for day in range(1, 5)
    ]


@strawberry.type
class Query:
    @strawberry.field
    def points(self, broken: bool = False) -> list[Point]:
        return _points(broken)


def _run(query: str, fast: bool, variables: dict[str, Any] | None = None) -> Any:
    schema = strawberry.Schema(query=Query, execution_context_class=(
        FastLeavesExecutionContext if fast else None))
    result = schema.execute_sync(query, variable_values=variables)
    errors = [(e.message, e.path) for e in result.errors or []]
    return result.data, errors


@pytest.mark.parametrize("query", [
    "{ points { at colour label amount count required } }",
    "{ points { __typename a: count b: count label } }",
    "{ points { ...F } } fragment F on Point { colour required }",
    "query($x: Boolean!) { points { at @include(if: $x) label @skip(if: $x) count } }",
    "{ points { required shout(times: 2) } }",  # a resolver with arguments: normal path
    "{ points(broken: true) { label required } }",  # a null in a non-null field: same error
])
def test_fast_path_matches_the_normal_path(query: str) -> None:
    variables = {"x": True} if "$x" in query else None
    assert _run(query, fast=True, variables=variables) == _run(query, fast=False,
                                                                variables=variables)


def test_the_null_case_really_is_an_error() -> None:
    data, errors = _run("{ points(broken: true) { required } }", fast=True)
    assert data is None
    assert errors and errors[0][1] == ["points", 1, "required"]


def test_the_fast_path_is_taken_for_plain_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    from meterwise.schema import fast_leaves

    completed: list[object] = []
    original = fast_leaves._complete

    def spy(*args: Any) -> Any:
        result = original(*args)
        completed.append(result)
        return result

    monkeypatch.setattr(fast_leaves, "_complete", spy)
    _run("{ points { at colour label amount count required } }", fast=True)
    assert len(completed) == 4 and all(item is not None for item in completed)
