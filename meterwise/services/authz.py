"""The permission matrix: what every operation needs, declared once and enforced here.

Each GraphQL root field declares its ``Operation`` (``meterwise.schema.operations``); one
field extension then calls ``authorize`` and ``require_step_up`` with that operation before
the resolver runs, so no resolver can forget a check, and a schema walk proves every root
field declares one. ``RULES`` holds, per operation:

- ``roles``: who may call it (tests walk every cell of ``MATRIX``);
- ``mfa_exempt``: usable by a session that has not finished MFA set-up (``MFA_EXEMPT``);
- ``read_only``: usable by a READ_USAGE API token (``READ_USAGE_SCOPE``);
- ``person``: API tokens are refused (FORBIDDEN) whatever their scope. Credentials never
  create credentials or change access: a leaked token must not be able to mint tokens,
  invite, re-role, remove, change MFA, passwords, keys or connections, or delete;
- ``step_up``: when (given the field's arguments) a fresh second factor is needed
  (``STEP_UP_WINDOW``); an API token never qualifies. ``IN_INPUT`` means the input carries
  the code itself and the service verifies it (``deleteAccount``);
- ``public``: callers without credentials reach the resolver (it answers for them);
- ``password_exempt``: usable while the user must change their password (containment,
  ``PASSWORD_CHANGE_EXEMPT``): signing in and out, ``me``, MFA set-up and
  ``changePassword`` itself. Every other operation answers ``PASSWORD_CHANGE_REQUIRED``,
  over HTTP and WebSocket, for sessions and API tokens alike.

Step-up is needed by every operation that grants, removes or weakens access: invites of
ADMIN/OWNER, role changes, member removal, MFA settings (``updateAccountSettings`` when it
sets ``mfaRequired`` either way; ``disableMfa``), FULL-scope API tokens, provider key and
connection changes, account deletion. Revocations that only *reduce* reach (``logOut``,
``revokeSession``, ``revokeApiToken``, ``revokeInvite``) deliberately need no step-up and
accept API tokens, so incident response is never blocked on a second factor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from meterwise import clock
from meterwise.models.identity import Role
from meterwise.services.errors import (
    Forbidden,
    MfaRequired,
    PasswordChangeRequired,
    Unauthenticated,
    UserErrorCode,
    UserInputError,
)
from meterwise.services.viewer import TokenScope, Viewer

STEP_UP_WINDOW = timedelta(minutes=10)


class Operation(StrEnum):
    # identity: signing in (public)
    SIGN_UP = "signUp"
    LOG_IN = "logIn"
    VERIFY_MFA = "verifyMfa"
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
    LIST_INVITES = "invites"  # the account's live invites (access review)
    REVOKE_INVITE = "revokeInvite"
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
    READ_USAGE_REVISIONS = "usageRevisions"
    READ_SECURITY_EVENTS = "securityEvents"
    # spend control
    READ_BUDGETS = "budgets"  # budgets, budget
    MANAGE_BUDGETS = "manageBudgets"  # createBudget, updateBudget, deleteBudget
    READ_ALERTS = "alerts"  # alerts, alertRaised
    ACKNOWLEDGE_ALERT = "acknowledgeAlert"
    MUTE_ALERT = "muteAlert"
    READ_CHANNELS = "notificationChannels"  # notificationChannels, notificationDeliveries
    MANAGE_CHANNELS = "manageNotificationChannels"  # create/test/deleteNotificationChannel
    READ_RECONCILIATION = "reconciliation"
    # access reviews and the third-party view
    READ_ACCESS_REVIEW = "accessReview"
    RUN_ACCESS_REVIEW = "runAccessReview"
    COMPLETE_ACCESS_REVIEW = "completeAccessReview"
    READ_THIRD_PARTIES = "thirdParties"
    # incident notices from the operator
    READ_NOTICES = "notices"  # notices, noticePosted
    ACKNOWLEDGE_NOTICE = "acknowledgeNotice"


StepUpWhen = Callable[[Mapping[str, Any]], bool]
"""Whether a call with these resolver arguments (Python names, input objects as given)
needs a fresh second factor."""


def NEVER(arguments: Mapping[str, Any]) -> bool:
    return False


def ALWAYS(arguments: Mapping[str, Any]) -> bool:
    return True


def IN_INPUT(arguments: Mapping[str, Any]) -> bool:
    """The input carries the fresh code and the service checks it: no earlier verifyMfa."""
    return False


def _input(arguments: Mapping[str, Any], name: str) -> Any:
    return getattr(arguments.get("input"), name, None)


def _grants_admin(arguments: Mapping[str, Any]) -> bool:
    return _input(arguments, "role") in (Role.OWNER, Role.ADMIN)


def _full_scope(arguments: Mapping[str, Any]) -> bool:
    return _input(arguments, "scope") is not TokenScope.READ_USAGE  # FULL, or anything new


def _sets_mfa_policy(arguments: Mapping[str, Any]) -> bool:
    return _input(arguments, "mfa_required") is not None


@dataclass(frozen=True)
class Rule:
    """What one operation needs; see the module docstring for each flag."""

    roles: frozenset[Role]
    mfa_exempt: bool = False
    read_only: bool = False
    person: bool = False
    step_up: StepUpWhen = NEVER
    public: bool = False
    password_exempt: bool = False

    @property
    def changes_access(self) -> bool:
        """Needs a person with step-up (at least for some arguments)."""
        return self.person and self.step_up is not NEVER


_ALL = frozenset(Role)
_ADMINS = frozenset({Role.OWNER, Role.ADMIN})
_WRITERS = frozenset({Role.OWNER, Role.ADMIN, Role.MEMBER})
_OWNER = frozenset({Role.OWNER})
_PUBLIC = Rule(_ALL, mfa_exempt=True, read_only=True, public=True, password_exempt=True)

RULES: dict[Operation, Rule] = {
    Operation.SIGN_UP: _PUBLIC,
    Operation.LOG_IN: _PUBLIC,
    Operation.VERIFY_MFA: _PUBLIC,
    Operation.ME: Rule(_ALL, mfa_exempt=True, read_only=True, public=True,
                       password_exempt=True),
    Operation.LOG_OUT: Rule(_ALL, mfa_exempt=True, public=True, password_exempt=True),
    Operation.ENROLL_MFA: Rule(_ALL, mfa_exempt=True, person=True, password_exempt=True),
    Operation.DISABLE_MFA: Rule(_ALL, person=True, step_up=ALWAYS),
    Operation.CHANGE_PASSWORD: Rule(_ALL, person=True, password_exempt=True),
    Operation.READ_ACCOUNT: Rule(_ALL, read_only=True),
    Operation.UPDATE_ACCOUNT_SETTINGS: Rule(_OWNER, person=True, step_up=_sets_mfa_policy),
    Operation.LIST_MEMBERS: Rule(_ADMINS),
    Operation.INVITE_MEMBER: Rule(_ADMINS, person=True, step_up=_grants_admin),
    Operation.LIST_INVITES: Rule(_ADMINS),
    Operation.REVOKE_INVITE: Rule(_ADMINS),  # reduces reach: no step-up
    Operation.CHANGE_ROLE: Rule(_OWNER, person=True, step_up=ALWAYS),
    Operation.REMOVE_MEMBER: Rule(_ADMINS, person=True, step_up=ALWAYS),
    Operation.CREATE_API_TOKEN: Rule(_WRITERS, person=True, step_up=_full_scope),
    Operation.LIST_API_TOKENS: Rule(_ADMINS),
    Operation.REVOKE_API_TOKEN: Rule(_ALL),  # own tokens; admins any token of the account
    Operation.REVOKE_SESSION: Rule(_ADMINS),
    Operation.LIST_SESSIONS: Rule(_ADMINS),
    Operation.ACCEPT_INVITE: Rule(_ALL, person=True),
    Operation.READ_AUDIT_LOG: Rule(_ADMINS),
    Operation.DELETE_ACCOUNT: Rule(_OWNER, person=True, step_up=IN_INPUT),
    Operation.READ_CONNECTIONS: Rule(_ALL, read_only=True),
    Operation.CONNECT_PROVIDER: Rule(_ADMINS, person=True, step_up=ALWAYS),
    Operation.REPLACE_PROVIDER_KEY: Rule(_ADMINS, person=True, step_up=ALWAYS),
    Operation.REMOVE_CONNECTION: Rule(_ADMINS, person=True, step_up=ALWAYS),
    Operation.SYNC_CONNECTION: Rule(_WRITERS),
    Operation.READ_USAGE: Rule(_ALL, read_only=True),
    Operation.READ_USAGE_REVISIONS: Rule(_ALL, read_only=True),
    Operation.READ_SECURITY_EVENTS: Rule(_ADMINS),
    # spend control
    Operation.READ_BUDGETS: Rule(_ALL, read_only=True),
    Operation.MANAGE_BUDGETS: Rule(_ADMINS),
    Operation.READ_ALERTS: Rule(_ALL, read_only=True),
    Operation.ACKNOWLEDGE_ALERT: Rule(_WRITERS),
    Operation.MUTE_ALERT: Rule(_ADMINS),  # silences the alert for the whole account
    Operation.READ_CHANNELS: Rule(_ADMINS),
    # a channel is an outbound path for the account's spend data: a person, freshly verified
    Operation.MANAGE_CHANNELS: Rule(_ADMINS, person=True, step_up=ALWAYS),
    Operation.READ_RECONCILIATION: Rule(_ALL, read_only=True),
    # access reviews: who and what can reach the account is for owners/admins only, and not
    # for read-only tokens. Running one changes nothing (no step-up); completing one is a
    # person's attestation (no token may sign it off) but grants nothing, so no step-up.
    # Acting on a finding goes through the finding's own mutation and its own rule
    # (revokeApiToken/revokeInvite: none; removeMember/replaceProviderKey: step-up).
    Operation.READ_ACCESS_REVIEW: Rule(_ADMINS),
    Operation.RUN_ACCESS_REVIEW: Rule(_ADMINS),
    Operation.COMPLETE_ACCESS_REVIEW: Rule(_ADMINS, person=True),
    Operation.READ_THIRD_PARTIES: Rule(_ADMINS),
    # a breach notice explains a required password change, so it shows before one
    Operation.READ_NOTICES: Rule(_ALL, password_exempt=True),
    # hides the notice for everyone: owners/admins in person, never a (leaked) API token
    Operation.ACKNOWLEDGE_NOTICE: Rule(_ADMINS, person=True),
}

# Views of ``RULES`` for readers and the matrix tests.
MATRIX: dict[Operation, frozenset[Role]] = {op: rule.roles for op, rule in RULES.items()}
MFA_EXEMPT = frozenset(op for op, rule in RULES.items() if rule.mfa_exempt)
READ_USAGE_SCOPE = frozenset(op for op, rule in RULES.items() if rule.read_only)
PERSON_ONLY = frozenset(op for op, rule in RULES.items() if rule.person)
STEP_UP_OPERATIONS = frozenset(op for op, rule in RULES.items() if rule.step_up is not NEVER)
PASSWORD_CHANGE_EXEMPT = frozenset(op for op, rule in RULES.items() if rule.password_exempt)


def authorize(viewer: Viewer | None, operation: Operation) -> Viewer:
    """Return the viewer if it may perform ``operation``; raise an access error otherwise."""
    rule = RULES[operation]
    if viewer is None:
        raise Unauthenticated()
    if not viewer.mfa_satisfied and not rule.mfa_exempt:
        raise MfaRequired()
    if viewer.password_change_required and not rule.password_exempt:
        raise PasswordChangeRequired()
    if viewer.api_token_id is not None and rule.person:
        raise Forbidden("API tokens cannot do this; sign in as a person.")
    if viewer.scope is TokenScope.READ_USAGE and not rule.read_only:
        raise Forbidden("This API token is read-only.")
    if viewer.role not in rule.roles:
        raise Forbidden()
    return viewer


def require_step_up(viewer: Viewer, operation: Operation | None = None,
                    arguments: Mapping[str, Any] | None = None, *,
                    now: datetime | None = None) -> None:
    """When ``operation`` with ``arguments`` needs step-up (no operation: always), an MFA
    verification of this session within ``STEP_UP_WINDOW``, else a ``STEP_UP_REQUIRED``
    payload error. The operation extension calls this for every root field.

    API tokens never qualify: a program cannot answer a TOTP challenge.
    """
    if operation is not None and not RULES[operation].step_up(arguments or {}):
        return
    now = now or clock.now()
    verified = viewer.mfa_verified_at
    if viewer.api_token_id is not None or verified is None or now - verified > STEP_UP_WINDOW:
        raise UserInputError(
            UserErrorCode.STEP_UP_REQUIRED,
            "Confirm with a fresh two-factor code (verifyMfa) and try again.",
        )
