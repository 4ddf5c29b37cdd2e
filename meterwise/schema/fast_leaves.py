"""A fast path for objects whose selected fields are all plain attributes.

graphql-core completes every field through resolver lookup, resolve-info construction,
awaitable checks and leaf completion: ~10 µs a field, which dominates long series (a
90-day x 8-model dashboard is ~5,000 leaves; its SQL takes ~10 ms). When an object's
selection holds only argument-free leaf fields served by strawberry's default resolver,
this context reads each attribute and serialises it directly — the same values, the same
response keys, in the same order. Anything else (custom resolvers, arguments, @defer,
a null in a non-null field, a value the scalar cannot serialise) takes the normal path,
which also produces the normal errors.
"""

from __future__ import annotations

import importlib
import inspect
from typing import TYPE_CHECKING, Any

from graphql import (
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    is_leaf_type,
)

try:
    from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext as _Base
except ImportError:  # a strawberry without it: `execution_context_class` returns None
    _Base = object  # type: ignore[misc, assignment]

if TYPE_CHECKING:
    from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
    from graphql.pyutils import AwaitableOrValue, Path

STRAWBERRY_FIELD = "strawberry-definition"

# What this module reads of graphql-core's private execution internals (`:meta private:`
# there, so a minor release may change them). pyproject.toml bounds graphql-core and
# strawberry to the range tests/core/test_fast_leaves.py runs against; outside it, or
# when any of these is missing, the schema keeps graphql-core's normal execution path.
SUBFIELDS_PARAMETERS = ("self", "return_type", "field_details_list", "path", "result",
                        "position_context")
COLLECTED_FIELDS = ("grouped_field_set", "new_defer_usages")
FIELD_DETAILS = ("node", "defer_usage", "fragment_variable_values")

# (response key, attribute name or None for __typename, leaf type, non-null)
LeafPlan = tuple[tuple[str, str | None, GraphQLLeafType | None, bool], ...]


def internals_present() -> bool:
    """Whether the installed graphql-core and strawberry have every internal used here."""
    try:
        collect_fields = importlib.import_module("graphql.execution.collect_fields")
        strawberry_schema = importlib.import_module("strawberry.schema.schema")
        base = strawberry_schema.StrawberryGraphQLCoreExecutionContext
        collected = collect_fields.CollectedFields._fields
        details = collect_fields.FieldDetails._fields
        subfields = inspect.signature(base.collect_and_execute_subfields).parameters
        inits = [inspect.signature(cls.__init__).parameters for cls in base.__mro__]
    except (ImportError, AttributeError, TypeError, ValueError):
        return False
    return (tuple(subfields) == SUBFIELDS_PARAMETERS
            and callable(getattr(base, "collect_subfields", None))
            and any("middleware_manager" in init for init in inits)
            and set(COLLECTED_FIELDS) <= set(collected)
            and set(FIELD_DETAILS) <= set(details))


def execution_context_class() -> type[Any] | None:
    """The fast context when the internals it needs are there, else None (strawberry's
    normal one): a graphql-core that moved them costs speed, never correctness."""
    return FastLeavesExecutionContext if internals_present() else None


class FastLeavesExecutionContext(_Base):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._leaf_plans: dict[int, tuple[GroupedFieldSet, LeafPlan | None]] = {}

    def collect_and_execute_subfields(
        self,
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        plan = self._plan(return_type, field_details_list)
        if plan is not None:
            completed = _complete(plan, return_type, result)
            if completed is not None:
                return completed
        return super().collect_and_execute_subfields(
            return_type, field_details_list, path, result, position_context)

    def _plan(self, return_type: GraphQLObjectType,
              field_details_list: FieldDetailsList) -> LeafPlan | None:
        manager = self.middleware_manager
        if manager is not None and manager.middlewares:
            return None  # an extension wraps every resolver: let it see every field
        collected = self.collect_subfields(return_type, field_details_list)
        if collected.new_defer_usages:
            return None
        grouped = collected.grouped_field_set
        cached = self._leaf_plans.get(id(grouped))
        if cached is None:
            cached = (grouped, _leaf_plan(return_type, grouped))  # keeps `grouped` alive
            self._leaf_plans[id(grouped)] = cached
        return cached[1]


def _leaf_plan(return_type: GraphQLObjectType, grouped: GroupedFieldSet) -> LeafPlan | None:
    plan: list[tuple[str, str | None, GraphQLLeafType | None, bool]] = []
    for key, details in grouped.items():
        if any(d.defer_usage is not None or d.fragment_variable_values is not None
               or d.node.arguments for d in details):
            return None
        name = details[0].node.name.value
        if name == "__typename":
            plan.append((key, None, None, True))
            continue
        field_def = return_type.fields.get(name)
        if field_def is None or field_def.args:
            return None
        if not getattr(field_def.resolve, "_is_default", False):
            return None  # a resolver with logic (permissions, loaders, …)
        strawberry_field = (field_def.extensions or {}).get(STRAWBERRY_FIELD)
        attribute = getattr(strawberry_field, "python_name", None)
        field_type = field_def.type
        non_null = isinstance(field_type, GraphQLNonNull)
        leaf = field_type.of_type if non_null else field_type
        if attribute is None or not is_leaf_type(leaf):
            return None
        plan.append((key, attribute, leaf, non_null))
    return tuple(plan)


def _complete(plan: LeafPlan, return_type: GraphQLObjectType,
              result: Any) -> dict[str, Any] | None:
    """The completed object, or None to let graphql-core do it (and raise its errors)."""
    out: dict[str, Any] = {}
    for key, attribute, leaf, non_null in plan:
        if attribute is None:
            out[key] = return_type.name
            continue
        value = getattr(result, attribute, None)
        if value is None:
            if non_null:
                return None
            out[key] = None
            continue
        assert leaf is not None
        try:
            serialized = leaf.serialize(value)
        except Exception:
            return None
        if serialized is None:
            return None
        out[key] = serialized
    return out
