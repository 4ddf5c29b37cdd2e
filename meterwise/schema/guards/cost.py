"""Query cost, computed from the document before anything executes.

Why: depth and alias limits do not stop ``a(first: 100) { b(first: 100) { c } }``. Each
object a query may fetch costs 1; a list field multiplies its subtree by how many items it
can return. Fields declare that with ``metadata=``:

- ``paginated()``: the size is the ``first`` argument (required, or its schema default,
  at most ``max_first``); e.g. ``securityEvents(first: Int!, after: String)``;
- ``list_size(n)``: a list bounded some other way (``n`` items at most, or typical);
- ``page_items()``: the edges/nodes list inside a page: the page's ``first`` already
  counts them, so they multiply by 1;
- ``sized_by_parent(fn)``: a list whose length follows from the arguments of the field
  that holds it (``usage(filter, granularity) { series }``): ``fn`` gets those arguments,
  coerced (variables and defaults applied), and returns the most items the list can have.

An undeclared list field counts ``DEFAULT_LIST_SIZE`` items (``tests/shield`` fails the
build when a list of objects in the schema is undeclared). Leaf (scalar/enum) fields are
free; introspection (``__schema``/``__type``) is not counted (off in production).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLType,
    get_named_type,
    is_leaf_type,
)

from meterwise.services.pagination import MAX_PAGE

COST_KEY = "meterwise_cost"
DEFAULT_LIST_SIZE = 20


Sizer = Callable[[Mapping[str, Any]], int]


class CostError(Exception):
    """The document cannot be costed within the rules (missing or oversized ``first``)."""


def paginated(*, arg: str = "first", max_first: int = MAX_PAGE) -> dict[str, Any]:
    """Field metadata: the subtree is multiplied by argument ``arg`` (≤ ``max_first``)."""
    return {COST_KEY: {"arg": arg, "max": max_first}}


def list_size(size: int) -> dict[str, Any]:
    """Field metadata: this list returns at most (or typically) ``size`` items."""
    return {COST_KEY: {"size": size}}


def page_items() -> dict[str, Any]:
    """Field metadata: the items of a page, already counted by the page's ``first``."""
    return {COST_KEY: {"size": 1}}


def sized_by_parent(sizer: Sizer) -> dict[str, Any]:
    """Field metadata: ``sizer(parent field's arguments)`` items at most."""
    return {COST_KEY: {"sizer": sizer}}


def declared(field: GraphQLField) -> Mapping[str, Any] | None:
    """The field's cost declaration, if any."""
    definition = (field.extensions or {}).get("strawberry-definition")
    metadata = getattr(definition, "metadata", None) or {}
    declaration = metadata.get(COST_KEY)
    return declaration if isinstance(declaration, Mapping) else None


def is_list(type_: GraphQLType) -> bool:
    """Whether the field returns a list (non-null wrappers aside)."""
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def operation_cost(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
                   variables: Mapping[str, Any] | None) -> int:
    """The cost of the operation that will run; raises ``CostError`` for bad page sizes."""
    from meterwise.schema.guards.walk import walk  # the walk builds on these declarations

    result = walk(schema, document, operation_name, variables)
    if result.cost_error is not None:
        raise CostError(result.cost_error)
    return result.cost


def undeclared_lists(schema: GraphQLSchema) -> list[str]:
    """``Type.field`` of every list of objects without a cost declaration.

    Why: such a field silently costs ``DEFAULT_LIST_SIZE`` whatever it really returns; the
    shield tests fail on any, so a new list field cannot forget its bound. Lists of
    scalars/enums are leaves (free) and need none.
    """
    missing: list[str] = []
    for name, type_ in sorted(schema.type_map.items()):
        if name.startswith("__") or not isinstance(type_, GraphQLObjectType
                                                   | GraphQLInterfaceType):
            continue
        for field_name, field in type_.fields.items():
            if is_list(field.type) and not is_leaf_type(get_named_type(field.type)) \
                    and declared(field) is None:
                missing.append(f"{name}.{field_name}")
    return missing
