"""The leaf fast path returns exactly what graphql-core's normal path returns."""

from __future__ import annotations

import enum
import sys
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import strawberry
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

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


def _declared_range(package: str) -> SpecifierSet:
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    for requirement in map(Requirement, pyproject["project"]["dependencies"]):
        if requirement.name == package:
            return requirement.specifier
    raise AssertionError(f"pyproject.toml does not bound {package}")


@pytest.mark.parametrize("package", ["graphql-core", "strawberry-graphql"])
def test_the_installed_versions_are_the_bounded_range_these_tests_cover(package: str) -> None:
    specifier = _declared_range(package)
    assert any(spec.operator == "<" for spec in specifier), f"{package} needs an upper bound"
    assert metadata.version(package) in specifier


def test_the_schema_uses_the_fast_path_where_its_internals_are_present() -> None:
    from meterwise.schema import build_schema, fast_leaves

    assert fast_leaves.internals_present()
    schema = build_schema()
    assert schema.execution_context_class is FastLeavesExecutionContext


def _without_collect_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "graphql.execution.collect_fields", None)


def _renamed_subfields_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

    def collect_and_execute_subfields(self: Any, return_type: Any, fields: Any, path: Any,
                                      result: Any) -> Any:
        raise AssertionError("never called")

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext,
                        "collect_and_execute_subfields", collect_and_execute_subfields,
                        raising=False)


def _field_details_without_defer(monkeypatch: pytest.MonkeyPatch) -> None:
    from graphql.execution import collect_fields

    class FieldDetails(NamedTuple):
        node: Any

    monkeypatch.setattr(collect_fields, "FieldDetails", FieldDetails)


def _no_strawberry_context(monkeypatch: pytest.MonkeyPatch) -> None:
    from strawberry.schema import schema

    monkeypatch.delattr(schema, "StrawberryGraphQLCoreExecutionContext")


@pytest.mark.parametrize("simulate", [_without_collect_fields, _renamed_subfields_hook,
                                      _field_details_without_defer, _no_strawberry_context])
def test_missing_internals_fall_back_to_the_normal_path(
        monkeypatch: pytest.MonkeyPatch, simulate: Callable[[pytest.MonkeyPatch], None]) -> None:
    from meterwise.schema import fast_leaves

    with monkeypatch.context() as patched:
        simulate(patched)
        assert not fast_leaves.internals_present()
        chosen = fast_leaves.execution_context_class()
    assert chosen is None
    schema = strawberry.Schema(query=Query, execution_context_class=chosen)
    result = schema.execute_sync("{ points { at colour label amount count required } }")
    assert result.errors is None
    assert result.data == _run("{ points { at colour label amount count required } }",
                               fast=True)[0]
