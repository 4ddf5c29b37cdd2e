"""Document shape limits: depth, aliases, directives.

Why our own and not strawberry's ``QueryDepthLimiter``/``MaxAliasesLimiter``: theirs report
errors without ``extensions.code`` (clients rely on ``QUERY_TOO_COMPLEX``), and as
validation rules they run alongside every other rule, so a refused document still gets
validated in full and can answer with hundreds of errors. These run first and alone, on
the one linear walk of ``walk.py`` (fragments counted at every spread, each walked once);
a directive repeated on one location is one error, not one per copy.
"""

from __future__ import annotations

from graphql import GraphQLError

from meterwise.schema.errors import CodedGraphQLError
from meterwise.schema.guards.walk import Walk
from meterwise.services.errors import QUERY_TOO_COMPLEX


def too_complex(message: str) -> CodedGraphQLError:
    return CodedGraphQLError(message, QUERY_TOO_COMPLEX)


def shape_errors(result: Walk, *, max_depth: int, max_aliases: int,
                 max_directives: int) -> list[GraphQLError]:
    """Everything over the limits; checked before the (costlier) validation rules run."""
    if result.too_deep:
        return [too_complex("The document is nested too deeply.")]
    errors: list[GraphQLError] = []
    for operation in result.operations:
        if operation.depth > max_depth:
            errors.append(too_complex(
                f"Operation `{operation.name}` is {operation.depth} levels deep; the limit "
                f"is {max_depth}."))
        if operation.aliases > max_aliases:
            errors.append(too_complex(
                f"Operation `{operation.name}` uses {operation.aliases} aliases; the limit "
                f"is {max_aliases}."))
    if result.duplicated is not None:
        key, copies = result.duplicated
        errors.append(too_complex(
            f"`{key}` is selected {copies} times in one selection set; once is enough."))
    if result.directives > max_directives:
        errors.append(too_complex(
            f"The document uses {result.directives} directives; the limit is "
            f"{max_directives}."))
    elif result.repeated_directive is not None:  # one directive error at most
        errors.append(too_complex(
            f"The directive `@{result.repeated_directive}` is repeated on one location."))
    return errors
