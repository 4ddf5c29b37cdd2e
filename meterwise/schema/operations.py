"""Declarative operations: one field extension enforces what a root field declares.

Every root field (Query, Mutation, Subscription) names its ``Operation`` once::

    @strawberry.mutation(description="…", extensions=operation(Operation.CHANGE_ROLE))
    async def change_member_role(self, info: Info, member_id: ID, role: Role) -> MemberPayload:
        return ...  # call one service, map the result

Before the resolver runs, ``OperationExtension`` authorizes the caller for that operation
(``authz.RULES``: roles, MFA gate, API-token scope, person-only) and demands step-up when
the rule says so for these arguments. A ``UserInputError`` (from the step-up check or the
resolver's service) becomes the field's payload ``errors`` when the field returns a payload,
else a coded GraphQL error. Resolvers therefore cannot forget a check, and a schema walk
(``tests/core/test_operations.py``) proves every root field declares its operation.
"""

from __future__ import annotations

import inspect
from typing import Any

from strawberry.extensions import FieldExtension
from strawberry.extensions.field_extension import AsyncExtensionResolver
from strawberry.types.base import has_object_definition
from strawberry.types.field import StrawberryField

from meterwise.schema.context import Info
from meterwise.schema.errors import CodedGraphQLError, user_error
from meterwise.services.authz import RULES, Operation, authorize, require_step_up
from meterwise.services.errors import Unauthenticated, UserInputError
from meterwise.services.viewer import Viewer


class OperationExtension(FieldExtension):
    """Authorization, step-up and the ``UserInputError`` mapping of one root field."""

    def __init__(self, op: Operation) -> None:
        self.operation = op
        self.field: StrawberryField | None = None

    def apply(self, field: StrawberryField) -> None:
        self.field = field

    async def resolve_async(self, next_: AsyncExtensionResolver, source: Any, info: Info,
                            **kwargs: Any) -> Any:
        viewer = info.context.viewer
        if viewer is not None or not RULES[self.operation].public:
            viewer = authorize(viewer, self.operation)
            try:
                require_step_up(viewer, self.operation, kwargs)
            except UserInputError as exc:
                return self.failed(exc)
        result = next_(source, info, **kwargs)
        if inspect.isasyncgen(result):
            return result
        try:
            return await result
        except UserInputError as exc:
            return self.failed(exc)

    def failed(self, exc: UserInputError) -> Any:
        """The payload with ``errors``, or (no payload to carry them) a coded error."""
        payload: Any = self.field.type if self.field is not None else None
        if isinstance(payload, type) and has_object_definition(payload) and any(
                f.python_name == "errors" for f in payload.__strawberry_definition__.fields):
            factory: Any = payload  # a payload class: every field but ``errors`` defaults
            return factory(errors=[user_error(exc)])
        raise CodedGraphQLError(exc.message, exc.code.value, field=exc.field)


def operation(op: Operation) -> list[FieldExtension]:
    """The ``extensions=`` of a root field performing ``op`` (a fresh instance per field)."""
    return [OperationExtension(op)]


def operation_of(field: StrawberryField) -> Operation | None:
    """The operation a field declares (the schema walk reads this)."""
    for extension in field.extensions:
        if isinstance(extension, OperationExtension):
            return extension.operation
    return None


def viewer_of(info: Info) -> Viewer:
    """The caller the extension authorized (resolvers of non-public operations)."""
    viewer = info.context.viewer
    if viewer is None:
        raise Unauthenticated()
    return viewer
