"""How failures reach clients.

Expected failures are data: payloads carry ``errors: [UserError!]!`` with a code enum.
Access failures become GraphQL errors with ``extensions.code``. Everything else is masked
as ``INTERNAL`` with the request id, and logged (through the redacting handlers) in full.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql.error import GraphQLError
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import MaskErrors
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from meterwise.services.errors import AccessError, RateLimited, UserErrorCode, UserInputError
from meterwise.web.request_id import current_request_id

log = logging.getLogger("meterwise.graphql")

strawberry.enum(UserErrorCode, name="UserErrorCode")  # registers the enum in place


@strawberry.type(description="A failure the user can fix; `field` names the input at fault.")
class UserError:
    code: UserErrorCode
    message: str
    field: str | None = None


def errors_field() -> Any:
    """A payload's ``errors``: services stop at the first failed check, so one at most."""
    from meterwise.schema.guards.cost import list_size  # the shield package imports this one

    return strawberry.field(default_factory=list, metadata=list_size(1))


def user_error(exc: UserInputError) -> UserError:
    return UserError(code=exc.code, message=exc.message, field=exc.field)


class CodedGraphQLError(GraphQLError):
    """A GraphQL error raised on purpose, with its code; never masked."""

    def __init__(self, message: str, code: str, **extra: Any) -> None:
        super().__init__(message, extensions={"code": code, **extra})


def access_error(exc: AccessError) -> dict[str, Any]:
    extensions: dict[str, Any] = {"code": exc.code}
    if isinstance(exc, RateLimited):
        extensions["retryAfter"] = exc.retry_after
    return extensions


_TRANSPORT_ERRORS = (GraphQLError, MissingQueryError, CannotGetOperationTypeError,
                     InvalidOperationTypeError)


class ErrorPolicy(MaskErrors):
    """Codes access errors, passes deliberate ones, masks the rest as ``INTERNAL``."""

    def __init__(self) -> None:
        super().__init__(error_message="Internal error.")

    def on_operation(self) -> Iterator[None]:
        """Also mask what another extension's hook raised: strawberry turns such an
        exception into an error with its raw message and no code (e.g. an overflow while
        costing ``usage`` in year 9999). We are the outermost hook, so we see all of them."""
        inner = super().on_operation()
        next(inner)
        try:
            yield
        except _TRANSPORT_ERRORS:
            raise  # the HTTP view answers these (400: no query, mutation over GET, ...)
        except Exception as exc:
            raise self._masked(exc, GraphQLError(str(exc))) from None
        next(inner, None)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self._process(error) for error in errors]

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or isinstance(original, GraphQLError):
            return error  # syntax/validation errors and deliberate coded errors
        if isinstance(original, AccessError):
            return GraphQLError(str(original), nodes=error.nodes, source=error.source,
                                positions=error.positions, path=error.path,
                                extensions=access_error(original))
        return self._masked(original, error)

    def _masked(self, original: BaseException, error: GraphQLError) -> GraphQLError:
        """``INTERNAL`` with the request id; the exception is logged (redacted) in full."""
        request_id = current_request_id.get() or "unknown"
        log.error("internal error in %s (request %s)", ".".join(map(str, error.path or [])),
                  request_id, exc_info=original)
        return GraphQLError(self.error_message, nodes=error.nodes, source=error.source,
                            positions=error.positions, path=error.path,
                            extensions={"code": "INTERNAL", "requestId": request_id})
