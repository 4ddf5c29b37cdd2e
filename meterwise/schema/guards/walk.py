"""One linear walk of a document: depth, aliases, cost and root mutation fields.

Why memoised: a walker that re-walks a fragment at every spread is exponential
(``fragment F0 on Query { ...F1 ...F1 }`` chained 30 deep is 2^30 visits from an 800-byte
request, all on the event loop). Here each fragment is summarised once and the summary is
reused at every spread, combined arithmetically: a fragment spread twice counts twice, a
list field multiplies its subtree's cost. Work is linear in the document; the counts are
the ones execution would produce. Counts saturate at ``CAP`` so the arithmetic stays small.
A fragment cycle contributes nothing (``NoFragmentCyclesRule`` reports it later).

Cost rules (what ``paginated()``/``list_size()``/``sized_by_parent()`` declare) are in
``cost.py``; a ``sized_by_parent`` list depends on the field that holds it, so a fragment
that holds one directly is memoised per holder, every other fragment once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    Node,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    Visitor,
    get_named_type,
    is_leaf_type,
    visit,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

from meterwise.schema.guards.cost import DEFAULT_LIST_SIZE, declared, is_list

CAP = 10**12
MAX_COPIES = 5  # the same response key in one selection set (graphql-cop's "field duplication")

_Owner = tuple[FieldNode, GraphQLField] | None  # the field whose selection set is walked


def _cap(value: int) -> int:
    return min(value, CAP)


@dataclass
class Summary:
    """What a selection set adds up to as executed (multiplicities included)."""

    depth: int = 0
    aliases: int = 0
    cost: int = 0
    roots: dict[int, int] = field(default_factory=dict)  # id(root mutation field) -> times
    uses_owner: bool = False  # a sized_by_parent list read the holder's arguments

    def add(self, other: Summary) -> None:
        """Both, as siblings in one selection set (a fragment spread twice is added twice)."""
        self.depth = max(self.depth, other.depth)
        self.aliases = _cap(self.aliases + other.aliases)
        self.cost = _cap(self.cost + other.cost)
        for key, count in other.roots.items():
            self.roots[key] = _cap(self.roots.get(key, 0) + count)
        self.uses_owner = self.uses_owner or other.uses_owner


@dataclass
class OperationWalk:
    name: str
    depth: int
    aliases: int


@dataclass
class Walk:
    """The document's summary: every operation's shape, the chosen one's cost and roots."""

    operations: list[OperationWalk]
    directives: int
    repeated_directive: str | None  # the first directive repeated on one location
    cost: int = 0
    cost_error: str | None = None
    root_fields: list[tuple[FieldNode, int]] = field(default_factory=list)
    operation: OperationType | None = None  # the chosen operation's type
    duplicated: tuple[str, int] | None = None  # a response key selected > MAX_COPIES times
    too_deep: bool = False  # nesting beyond what a walk (or graphql-core) can recurse


class _Directives(Visitor):
    """Counts directives and notes one repeated on the same node (one error, not ten)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.repeated: str | None = None

    def enter(self, node: Node, *_: object) -> None:
        directives: tuple[DirectiveNode, ...] = getattr(node, "directives", None) or ()
        if not directives:
            return
        self.count += len(directives)
        if self.repeated is None and len(directives) > 1:
            name, copies = Counter(d.name.value for d in directives).most_common(1)[0]
            if copies > 1:
                self.repeated = name


class _Walker:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode,
                 operation: OperationDefinitionNode | None,
                 variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}
        self.memo: dict[tuple[str, int | None], Summary] = {}
        self.active: set[str] = set()
        self.nodes: dict[int, FieldNode] = {}
        self.mutation = schema.mutation_type
        self.cost_error: str | None = None
        self.duplicated: tuple[str, int] | None = None
        self.variables = dict(variables)
        self.coerced: VariableValues | None = None
        if operation is not None:
            for definition in operation.variable_definitions or ():
                name = definition.variable.name.value
                default = definition.default_value
                if name not in self.variables and isinstance(default, IntValueNode):
                    self.variables[name] = int(default.value)
            try:
                coerced = get_variable_values(schema, operation.variable_definitions or (),
                                              dict(variables))
            except Exception:  # bad variables fail execution of their own
                coerced = None
            # sizers then see no arguments (their maximum)
            self.coerced = coerced if isinstance(coerced, VariableValues) else None

    def selection_set(self, node: SelectionSetNode | None, parent: GraphQLNamedType | None,
                      owner: _Owner) -> Summary:
        total = Summary()
        if node is None:
            return total
        if len(node.selections) > MAX_COPIES and self.duplicated is None:
            keys = Counter((s.alias or s.name).value for s in node.selections
                           if isinstance(s, FieldNode))
            key, copies = keys.most_common(1)[0] if keys else ("", 0)
            if copies > MAX_COPIES:
                self.duplicated = (key, copies)
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                total.add(self.field(selection, parent, owner))
            elif isinstance(selection, InlineFragmentNode):
                cond = selection.type_condition
                target = self.schema.get_type(cond.name.value) if cond else parent
                total.add(self.selection_set(selection.selection_set, target, owner))
            elif isinstance(selection, FragmentSpreadNode):
                total.add(self.spread(selection.name.value, owner))
        return total

    def spread(self, name: str, owner: _Owner) -> Summary:
        fragment = self.fragments.get(name)
        if fragment is None or name in self.active:
            return Summary()  # unknown fragments and cycles are validation errors
        holder = id(owner[0]) if owner is not None else None
        cached = self.memo.get((name, None)) or self.memo.get((name, holder))
        if cached is not None:
            return cached
        self.active.add(name)
        try:
            target = self.schema.get_type(fragment.type_condition.name.value)
            summary = self.selection_set(fragment.selection_set, target, owner)
        finally:
            self.active.discard(name)
        self.memo[(name, holder if summary.uses_owner else None)] = summary
        return summary

    def field(self, node: FieldNode, parent: GraphQLNamedType | None,
              owner: _Owner) -> Summary:
        name = node.name.value
        definition = parent.fields.get(name) if isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType) else None
        named = get_named_type(definition.type) if definition is not None else None
        children = self.selection_set(
            node.selection_set, named,
            (node, definition) if definition is not None else None)
        summary = Summary(aliases=_cap((1 if node.alias else 0) + children.aliases))
        if parent is not None and parent is self.mutation:
            self.nodes[id(node)] = node
            summary.roots = {id(node): 1}
        if name.startswith("__"):
            return summary  # introspection: neither depth nor cost (off in production)
        summary.depth = 1 + children.depth
        if definition is None or named is None or is_leaf_type(named):
            return summary
        times, summary.uses_owner = self.multiplier(node, definition, owner)
        summary.cost = _cap(times * (1 + children.cost))
        return summary

    def multiplier(self, node: FieldNode, field_: GraphQLField,
                   owner: _Owner) -> tuple[int, bool]:
        """How many times the subtree runs, and whether that read the holder's arguments."""
        declaration = declared(field_)
        if declaration is not None and "arg" in declaration:
            return self.first(node, field_, str(declaration["arg"]),
                              int(declaration["max"])), False
        if declaration is not None and "size" in declaration:
            return int(declaration["size"]), False
        if declaration is not None and "sizer" in declaration:
            return self.sized(declaration["sizer"], owner), True
        return (DEFAULT_LIST_SIZE if is_list(field_.type) else 1), False

    def sized(self, sizer: Any, owner: _Owner) -> int:
        """The sizer's answer; its widest (no arguments) when these arguments break it
        (``usage`` in year 9999 overflows a date: the resolver reports that, not us)."""
        try:
            return max(1, int(sizer(self.arguments(owner))))
        except (ArithmeticError, ValueError, TypeError):
            return max(1, int(sizer({})))

    def arguments(self, owner: _Owner) -> dict[str, Any]:
        """The owner field's coerced arguments; empty when they cannot be coerced."""
        if owner is None or self.coerced is None:
            return {}
        node, field_ = owner
        try:
            return get_argument_values(field_, node, self.coerced)
        except GraphQLError:
            return {}  # validation or execution reports it

    def first(self, node: FieldNode, field_: GraphQLField, arg: str, cap: int) -> int:
        value: Any = None
        for argument in node.arguments or ():
            if argument.name.value != arg:
                continue
            if isinstance(argument.value, IntValueNode):
                value = int(argument.value.value)
            elif isinstance(argument.value, VariableNode):
                value = self.variables.get(argument.value.name.value)
        if value is None and arg in field_.args:
            default = field_.args[arg].default_value
            value = default if isinstance(default, int) else None
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f"`{node.name.value}` needs `{arg}` (1 to {cap}).")
            return cap
        if not 0 <= value <= cap:
            self.fail(f"`{node.name.value}(${arg})` must be between 0 and {cap}.")
            return cap
        return max(value, 1)

    def fail(self, message: str) -> None:
        if self.cost_error is None:
            self.cost_error = message


def chosen_operation(document: DocumentNode,
                     operation_name: str | None) -> OperationDefinitionNode | None:
    """The operation that will run (as graphql-core picks it), if any."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        return operations[0] if len(operations) == 1 else None
    return next((op for op in operations
                 if op.name is not None and op.name.value == operation_name), None)


def walk(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
         variables: Mapping[str, Any] | None) -> Walk:
    """Summarise ``document`` in time linear in its size (see the module docstring)."""
    directives = _Directives()
    visit(document, directives)
    chosen = chosen_operation(document, operation_name)
    walker = _Walker(schema, document, chosen, variables or {})
    result = Walk(operations=[], directives=directives.count,
                  repeated_directive=directives.repeated,
                  operation=chosen.operation if chosen is not None else None)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    operations.sort(key=lambda op: op is not chosen)  # the chosen one first: its cost error
    try:
        for definition in operations:
            root = schema.get_root_type(definition.operation)
            summary = walker.selection_set(definition.selection_set, root, None)
            name = definition.name.value if definition.name else "anonymous"
            result.operations.append(OperationWalk(name, summary.depth, summary.aliases))
            if definition is chosen:
                result.cost = summary.cost
                result.cost_error = walker.cost_error
                if definition.operation is OperationType.MUTATION:
                    result.root_fields = [(walker.nodes[key], times)
                                          for key, times in summary.roots.items()]
    except RecursionError:
        result.too_deep = True
    result.duplicated = walker.duplicated
    return result
