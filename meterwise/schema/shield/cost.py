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
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    is_leaf_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

COST_KEY = "meterwise_cost"
DEFAULT_LIST_SIZE = 20
MAX_FIRST = 100


Sizer = Callable[[Mapping[str, Any]], int]
_Owner = tuple[FieldNode, GraphQLField] | None  # the field whose selection set is costed


class CostError(Exception):
    """The document cannot be costed within the rules (missing or oversized ``first``)."""


def paginated(*, arg: str = "first", max_first: int = MAX_FIRST) -> dict[str, Any]:
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


def _is_list(type_: GraphQLType) -> bool:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


class _Coster:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode,
                 operation: OperationDefinitionNode, variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.variables = dict(variables)
        for definition in operation.variable_definitions or ():
            name = definition.variable.name.value
            default = definition.default_value
            if name not in self.variables and isinstance(default, IntValueNode):
                self.variables[name] = int(default.value)
        coerced = get_variable_values(schema, operation.variable_definitions or (),
                                      dict(variables))
        # bad variables fail execution anyway; sizers then see no arguments (their maximum)
        self.coerced = coerced if isinstance(coerced, VariableValues) else None

    def selection_set(self, node: SelectionSetNode | None, parent: GraphQLNamedType | None,
                      seen: frozenset[str], owner: _Owner = None) -> int:
        if node is None or parent is None:
            return 0
        total = 0
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, seen, owner)
            elif isinstance(selection, InlineFragmentNode):
                cond = selection.type_condition
                target = self.schema.get_type(cond.name.value) if cond else parent
                total += self.selection_set(selection.selection_set, target, seen, owner)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue  # unknown fragments and cycles are validation errors
                target = self.schema.get_type(fragment.type_condition.name.value)
                total += self.selection_set(fragment.selection_set, target, seen | {name},
                                            owner)
        return total

    def field(self, node: FieldNode, parent: GraphQLNamedType, seen: frozenset[str],
              owner: _Owner) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType
        ):
            return 0
        field = parent.fields.get(name)
        if field is None:
            return 0  # FieldsOnCorrectTypeRule reports it
        named = get_named_type(field.type)
        if is_leaf_type(named):
            return 0
        children = self.selection_set(node.selection_set, named, seen, (node, field))
        return self.multiplier(node, field, owner) * (1 + children)

    def multiplier(self, node: FieldNode, field: GraphQLField, owner: _Owner) -> int:
        declaration = declared(field)
        if declaration is not None and "arg" in declaration:
            return self.first(node, field, str(declaration["arg"]), int(declaration["max"]))
        if declaration is not None and "size" in declaration:
            return int(declaration["size"])
        if declaration is not None and "sizer" in declaration:
            return max(1, int(declaration["sizer"](self.arguments(owner))))
        return DEFAULT_LIST_SIZE if _is_list(field.type) else 1

    def arguments(self, owner: _Owner) -> dict[str, Any]:
        """The owner field's coerced arguments; empty when they cannot be coerced."""
        if owner is None or self.coerced is None:
            return {}
        node, field = owner
        try:
            return get_argument_values(field, node, self.coerced)
        except GraphQLError:
            return {}  # validation or execution reports it

    def first(self, node: FieldNode, field: GraphQLField, arg: str, cap: int) -> int:
        value: Any = None
        for argument in node.arguments or ():
            if argument.name.value != arg:
                continue
            if isinstance(argument.value, IntValueNode):
                value = int(argument.value.value)
            elif isinstance(argument.value, VariableNode):
                value = self.variables.get(argument.value.name.value)
        if value is None and arg in field.args:
            default = field.args[arg].default_value
            value = default if isinstance(default, int) else None
        if not isinstance(value, int) or isinstance(value, bool):
            raise CostError(f"`{node.name.value}` needs `{arg}` (1 to {cap}).")
        if not 0 <= value <= cap:
            raise CostError(f"`{node.name.value}(${arg})` must be between 0 and {cap}.")
        return max(value, 1)


def operation_cost(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
                   variables: Mapping[str, Any] | None) -> int:
    """The cost of the operation that will run; raises ``CostError`` for bad page sizes."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [op for op in operations if operation_name is None
              or (op.name is not None and op.name.value == operation_name)]
    if not chosen:
        return 0  # graphql-core reports the unknown operation
    operation = chosen[0]
    root = schema.get_root_type(operation.operation)
    coster = _Coster(schema, document, operation, variables or {})
    return coster.selection_set(operation.selection_set, root, frozenset())


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
            if _is_list(field.type) and not is_leaf_type(get_named_type(field.type)) \
                    and declared(field) is None:
                missing.append(f"{name}.{field_name}")
    return missing
