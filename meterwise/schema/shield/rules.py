"""Document shape limits: depth, aliases, directives.

Why our own and not strawberry's ``QueryDepthLimiter``/``MaxAliasesLimiter``: theirs report
errors without ``extensions.code`` (clients rely on ``QUERY_TOO_COMPLEX``), and as
validation rules they run alongside every other rule, so a refused document still gets
validated in full and can answer with hundreds of errors. These run first and alone. All
three follow fragments at their spread points (a cycle is NoFragmentCyclesRule's error).
"""

from __future__ import annotations

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    Visitor,
    visit,
)

from meterwise.schema.errors import CodedGraphQLError

QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"


def too_complex(message: str) -> CodedGraphQLError:
    return CodedGraphQLError(message, QUERY_TOO_COMPLEX)


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _operations(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


def selection_depth(node: SelectionSetNode | None, fragments: dict[str, FragmentDefinitionNode],
                    seen: frozenset[str] = frozenset()) -> int:
    """Levels of fields under ``node``; introspection subtrees are not counted."""
    if node is None:
        return 0
    deepest = 0
    for selection in node.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value.startswith("__"):
                continue
            deepest = max(deepest, 1 + selection_depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, selection_depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:
                deepest = max(deepest, selection_depth(fragment.selection_set, fragments,
                                                       seen | {name}))
    return deepest


def alias_count(node: SelectionSetNode | None, fragments: dict[str, FragmentDefinitionNode],
                seen: frozenset[str] = frozenset()) -> int:
    """Aliases as executed: a fragment spread twice counts twice."""
    if node is None:
        return 0
    total = 0
    for selection in node.selections:
        if isinstance(selection, FieldNode):
            total += (1 if selection.alias else 0) + alias_count(selection.selection_set,
                                                                 fragments, seen)
        elif isinstance(selection, InlineFragmentNode):
            total += alias_count(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:
                total += alias_count(fragment.selection_set, fragments, seen | {name})
    return total


class _DirectiveCounter(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def enter_directive(self, *_: object) -> None:
        self.count += 1


def directive_count(document: Node) -> int:
    counter = _DirectiveCounter()
    visit(document, counter)
    return counter.count


def shape_errors(document: DocumentNode, *, max_depth: int, max_aliases: int,
                 max_directives: int) -> list[GraphQLError]:
    """Everything over the limits; checked before the (costlier) validation rules run."""
    errors: list[GraphQLError] = []
    fragments = _fragments(document)
    for operation in _operations(document):
        name = operation.name.value if operation.name else "anonymous"
        depth = selection_depth(operation.selection_set, fragments)
        if depth > max_depth:
            errors.append(too_complex(
                f"Operation `{name}` is {depth} levels deep; the limit is {max_depth}."))
        aliases = alias_count(operation.selection_set, fragments)
        if aliases > max_aliases:
            errors.append(too_complex(
                f"Operation `{name}` uses {aliases} aliases; the limit is {max_aliases}."))
    directives = directive_count(document)
    if directives > max_directives:
        errors.append(too_complex(
            f"The document uses {directives} directives; the limit is {max_directives}."))
    return errors
