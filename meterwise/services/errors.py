"""Domain failures. Services raise these; the GraphQL layer maps them to codes.

``UserInputError`` is a failure the user can fix (it becomes a payload ``UserError``);
the ``AccessError`` family becomes a GraphQL error with ``extensions.code``.
"""

from __future__ import annotations

from enum import StrEnum


class UserErrorCode(StrEnum):
    INVALID_INPUT = "INVALID_INPUT"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_INVITE = "INVALID_INVITE"
    INVALID_CODE = "INVALID_CODE"
    WEAK_PASSWORD = "WEAK_PASSWORD"  # noqa: S105 - an error code
    NOT_FOUND = "NOT_FOUND"
    STEP_UP_REQUIRED = "STEP_UP_REQUIRED"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    THROTTLED = "THROTTLED"
    PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE"
    ACCOUNT_FROZEN = "ACCOUNT_FROZEN"  # incident containment: connections do not sync


class UserInputError(Exception):
    def __init__(self, code: UserErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class AccessError(Exception):
    code = "FORBIDDEN"
    default_message = "You are not allowed to do this."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class Unauthenticated(AccessError):
    code = "UNAUTHENTICATED"
    default_message = "Sign in first."


class Forbidden(AccessError):
    code = "FORBIDDEN"


class MfaRequired(AccessError):
    code = "MFA_REQUIRED"
    default_message = "Set up two-factor authentication to continue."


class PasswordChangeRequired(AccessError):
    code = "PASSWORD_CHANGE_REQUIRED"
    default_message = "Choose a new password (changePassword) to continue."


QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"  # over a query limit (GraphQL) or the export's cost


class RateLimited(AccessError):
    code = "RATE_LIMITED"
    default_message = "Too many requests; try again later."

    def __init__(self, retry_after: float, message: str | None = None) -> None:
        super().__init__(message)
        self.retry_after = max(1, int(retry_after + 0.999))
