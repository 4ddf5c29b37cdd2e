"""``QueryLimits``: every document is measured before any resolver runs.

Tokens are capped while parsing; depth, aliases, directives and cost come from one linear
walk of the document (``walk.py``, shared with the rate limit) just before validating.
Shape refusals happen there, before validation; the cost refusal just before execution
(so a document that is merely invalid gets its validation errors). Refusals carry
``extensions.code = QUERY_TOO_COMPLEX``. In production it also removes introspection, the
"Did you mean …" suggestions and the input type/field names in argument errors, all of
which let a caller map a hidden schema field by field. A subscription sent over HTTP is
refused (only graphql-transport-ws runs them).
Passed to the schema as a factory: one instance per operation, nothing shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, GraphQLSyntaxError, OperationType
from graphql.validation import NoSchemaIntrospectionCustomRule
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.types.execution import ExecutionResult

from meterwise.config import Settings
from meterwise.schema.guards.rules import shape_errors, too_complex
from meterwise.schema.guards.walk import Walk, walk
from meterwise.services import metrics
from meterwise.services.errors import QUERY_TOO_COMPLEX

_SUGGESTION = " Did you mean"
_INPUT_SHAPE = ("required field", "required type", "was not provided", "is required",
                "has invalid value", "got invalid value", "is not defined by type")
OVER_HTTP = "Subscriptions run over WebSocket (graphql-transport-ws), not over HTTP."
_TOKENS = "Document contains more than"


_WALK = "_meterwise_walk"


def document_walk(execution: ExecutionContext) -> Walk | None:
    """The operation's walk (``walk.py``), made once and shared by every shield check."""
    document = execution.graphql_document
    if document is None:
        return None
    cached = getattr(execution, _WALK, None)
    if isinstance(cached, Walk):
        return cached
    result = walk(execution.schema._schema, document, execution.operation_name,
                  execution.variables)
    setattr(execution, _WALK, result)
    return result


def _is_token_limit(error: GraphQLError) -> bool:
    return isinstance(error, GraphQLSyntaxError) and _TOKENS in error.message


def _code(error: GraphQLError) -> str:
    """The code the client will see (ErrorPolicy may map it after us), for the metric."""
    original = error.original_error
    code = (error.extensions or {}).get("code") or getattr(original, "code", None)
    if code:
        return str(code)
    return "INTERNAL" if original is not None and not isinstance(original, GraphQLError) \
        else "INVALID_QUERY"


class QueryLimits(SchemaExtension):
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = (NoSchemaIntrospectionCustomRule,) if settings.is_production else ()

    @classmethod
    def factory(cls, settings: Settings) -> Callable[[], QueryLimits]:
        return lambda: cls(settings)

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = self.settings.query_max_tokens
        context.validation_rules = context.validation_rules + self.rules
        yield
        self._rewrite(context.result)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        result = document_walk(context)
        if result is not None:
            errors = shape_errors(result, max_depth=self.settings.query_max_depth,
                                  max_aliases=self.settings.query_max_aliases,
                                  max_directives=self.settings.query_max_directives)
            if not errors and result.operation is OperationType.SUBSCRIPTION and \
                    not isinstance(getattr(context.context, "request", None), WebSocket):
                errors = [GraphQLError(OVER_HTTP)]  # executing one over HTTP fails inside
            if errors:
                context.pre_execution_errors = errors  # strawberry then skips validation
        yield

    def on_stream_result(self, result: Any) -> Iterator[None]:
        self._rewrite(result)
        yield

    def on_execute(self) -> Iterator[None]:
        result = document_walk(self.execution_context)
        if result is not None:
            if result.cost_error is not None:
                metrics.GRAPHQL_ERRORS.labels(code=QUERY_TOO_COMPLEX).inc()
                raise too_complex(result.cost_error)
            if result.cost > self.settings.query_max_cost:
                metrics.GRAPHQL_ERRORS.labels(code=QUERY_TOO_COMPLEX).inc()
                raise too_complex(
                    f"This query could fetch {result.cost} objects; the limit is "
                    f"{self.settings.query_max_cost}. Ask for fewer items per page.")
        yield

    def _rewrite(self, result: Any) -> None:
        if not isinstance(result, ExecutionResult | GraphQLExecutionResult) or not result.errors:
            return
        result.errors = [self._rewrite_error(error) for error in result.errors]
        for error in result.errors:
            metrics.GRAPHQL_ERRORS.labels(code=_code(error)).inc()

    def _rewrite_error(self, error: GraphQLError) -> GraphQLError:
        if _is_token_limit(error):
            return GraphQLError(
                f"The document has more than {self.settings.query_max_tokens} tokens.",
                source=error.source, positions=error.positions,
                extensions={"code": QUERY_TOO_COMPLEX})
        if self.settings.is_production and _SUGGESTION in error.message:
            error.message = error.message[:error.message.index(_SUGGESTION)]
        if self.settings.is_production and not (error.extensions or {}).get("code") \
                and any(s in error.message for s in _INPUT_SHAPE):
            # names input types and fields introspection would hide, and echoes the input
            error.message = "An argument or input value is missing or not valid."
        return error
