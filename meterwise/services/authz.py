"""The permission matrix: which role may call which operation. Enforced here, for everyone.

Every GraphQL resolver (and any other entry point) calls ``authorize`` with its operation
before doing anything; tests walk every cell of ``MATRIX``. Operations a session may use
before finishing MFA set-up are in ``MFA_EXEMPT``; an API token with the read-only usage
scope may only use ``READ_USAGE_SCOPE``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum

from meterwise.models.identity import Role
from meterwise.services.errors import (
    Forbidden,
    MfaRequired,
    Unauthenticated,
    UserErrorCode,
    UserInputError,
)
from meterwise.services.viewer import TokenScope, Viewer

STEP_UP_WINDOW = timedelta(minutes=10)


class Operation(StrEnum):
    # identity
    ME = "me"
    LOG_OUT = "logOut"
    ENROLL_MFA = "enrollMfa"  # startTotpEnrollment / confirmTotpEnrollment
    DISABLE_MFA = "disableMfa"
    CHANGE_PASSWORD = "changePassword"  # noqa: S105 - an operation name
    READ_ACCOUNT = "account"
    UPDATE_ACCOUNT_SETTINGS = "updateAccountSettings"
    LIST_MEMBERS = "members"
    INVITE_MEMBER = "inviteMember"
    CHANGE_ROLE = "changeMemberRole"
    REMOVE_MEMBER = "removeMember"
    CREATE_API_TOKEN = "createApiToken"  # noqa: S105
    LIST_API_TOKENS = "apiTokens"  # every token of the account (access review)
    REVOKE_API_TOKEN = "revokeApiToken"  # noqa: S105
    REVOKE_SESSION = "revokeSession"
    LIST_SESSIONS = "sessions"  # the account's live sessions (access review)
    ACCEPT_INVITE = "acceptInvite"  # join another account with a member invite
    READ_AUDIT_LOG = "auditLog"
    DELETE_ACCOUNT = "deleteAccount"
    # provider connections
    READ_CONNECTIONS = "connections"
    CONNECT_PROVIDER = "connectProvider"
    REPLACE_PROVIDER_KEY = "replaceProviderKey"
    REMOVE_CONNECTION = "removeConnection"
    SYNC_CONNECTION = "syncConnection"
    # usage and alerts
    READ_USAGE = "usage"
    READ_SECURITY_EVENTS = "securityEvents"
    # spend control
    READ_BUDGETS = "budgets"  # budgets, budget
    MANAGE_BUDGETS = "manageBudgets"  # createBudget, updateBudget, deleteBudget
    READ_ALERTS = "alerts"  # alerts, alertRaised
    ACKNOWLEDGE_ALERT = "acknowledgeAlert"
    READ_CHANNELS = "notificationChannels"  # notificationChannels, notificationDeliveries
    MANAGE_CHANNELS = "manageNotificationChannels"  # create/test/deleteNotificationChannel
    READ_RECONCILIATION = "reconciliation"


_ALL = frozenset(Role)
_ADMINS = frozenset({Role.OWNER, Role.ADMIN})
_WRITERS = frozenset({Role.OWNER, Role.ADMIN, Role.MEMBER})

MATRIX: dict[Operation, frozenset[Role]] = {
    Operation.ME: _ALL,
    Operation.LOG_OUT: _ALL,
    Operation.ENROLL_MFA: _ALL,
    Operation.DISABLE_MFA: _ALL,
    Operation.CHANGE_PASSWORD: _ALL,
    Operation.READ_ACCOUNT: _ALL,
    Operation.UPDATE_ACCOUNT_SETTINGS: frozenset({Role.OWNER}),
    Operation.LIST_MEMBERS: _ADMINS,
    Operation.INVITE_MEMBER: _ADMINS,
    Operation.CHANGE_ROLE: frozenset({Role.OWNER}),
    Operation.REMOVE_MEMBER: _ADMINS,
    Operation.CREATE_API_TOKEN: _WRITERS,
    Operation.LIST_API_TOKENS: _ADMINS,
    Operation.REVOKE_API_TOKEN: _ALL,  # own tokens; admins any token of the account
    Operation.REVOKE_SESSION: _ADMINS,
    Operation.LIST_SESSIONS: _ADMINS,
    Operation.ACCEPT_INVITE: _ALL,
    Operation.READ_AUDIT_LOG: _ADMINS,
    Operation.DELETE_ACCOUNT: frozenset({Role.OWNER}),
    Operation.READ_CONNECTIONS: _ALL,
    Operation.CONNECT_PROVIDER: _ADMINS,
    Operation.REPLACE_PROVIDER_KEY: _ADMINS,
    Operation.REMOVE_CONNECTION: _ADMINS,
    Operation.SYNC_CONNECTION: _WRITERS,
    Operation.READ_USAGE: _ALL,
    Operation.READ_SECURITY_EVENTS: _ADMINS,
    # spend control
    Operation.READ_BUDGETS: _ALL,
    Operation.MANAGE_BUDGETS: _ADMINS,
    Operation.READ_ALERTS: _ALL,
    Operation.ACKNOWLEDGE_ALERT: _WRITERS,
    Operation.READ_CHANNELS: _ADMINS,
    Operation.MANAGE_CHANNELS: _ADMINS,
    Operation.READ_RECONCILIATION: _ALL,
}

MFA_EXEMPT = frozenset({Operation.ME, Operation.LOG_OUT, Operation.ENROLL_MFA})
READ_USAGE_SCOPE = frozenset(
    {Operation.ME, Operation.READ_ACCOUNT, Operation.READ_CONNECTIONS, Operation.READ_USAGE}
)
STEP_UP_OPERATIONS = frozenset(
    {
        Operation.CONNECT_PROVIDER,
        Operation.REPLACE_PROVIDER_KEY,
        Operation.CHANGE_ROLE,
        Operation.DELETE_ACCOUNT,
        Operation.DISABLE_MFA,
    }
)


def authorize(viewer: Viewer | None, operation: Operation) -> Viewer:
    """Return the viewer if it may perform ``operation``; raise an access error otherwise."""
    if viewer is None:
        raise Unauthenticated()
    if not viewer.mfa_satisfied and operation not in MFA_EXEMPT:
        raise MfaRequired()
    if viewer.scope is TokenScope.READ_USAGE and operation not in READ_USAGE_SCOPE:
        raise Forbidden("This API token is read-only.")
    if viewer.role not in MATRIX[operation]:
        raise Forbidden()
    return viewer


def require_step_up(viewer: Viewer, *, now: datetime | None = None) -> None:
    """Sensitive operations need an MFA verification within ``STEP_UP_WINDOW``.

    API tokens never qualify: a program cannot answer a TOTP challenge.
    """
    now = now or datetime.now(UTC)
    verified = viewer.mfa_verified_at
    if viewer.api_token_id is not None or verified is None or now - verified > STEP_UP_WINDOW:
        raise UserInputError(
            UserErrorCode.STEP_UP_REQUIRED,
            "Confirm with a fresh two-factor code (verifyMfa) and try again.",
        )
