"""GraphQL types of the identity domain, each built from a model by explicit mapping.

No type exposes a hash, a sealed secret or a token after it was first shown.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from meterwise.models import identity as models
from meterwise.models.audit import AuditEvent as AuditEventModel
from meterwise.models.identity import Role
from meterwise.schema.errors import UserError, errors_field
from meterwise.services.identity.api_tokens import is_active, usable_until
from meterwise.services.identity.members import MemberRow
from meterwise.services.viewer import TokenScope

strawberry.enum(Role, name="Role")
strawberry.enum(TokenScope, name="ApiTokenScope",
                description="FULL acts as its owner; READ_USAGE may only read usage.")


@strawberry.type(description="A person who signs in to Meterwise.")
class User:
    id: strawberry.ID
    email: str
    mfa_enabled: bool
    created_at: datetime
    password_change_required: bool = strawberry.field(
        default=False, description="Set after a security incident: choose a new password "
        "(changePassword) before anything else works.")

    @classmethod
    def from_model(cls, user: models.User, *, password_change_required: bool = False) -> User:
        return cls(id=strawberry.ID(str(user.id)), email=user.email,
                   mfa_enabled=user.totp_enabled, created_at=user.created_at,
                   password_change_required=password_change_required)


@strawberry.type(description="The tenant: the caller's current account.")
class Account:
    id: strawberry.ID
    name: str
    mfa_required: bool
    created_at: datetime
    role: Role = strawberry.field(description="The caller's role in this account.")

    @classmethod
    def from_model(cls, account: models.Account, role: Role) -> Account:
        return cls(id=strawberry.ID(str(account.id)), name=account.name,
                   mfa_required=account.mfa_required, created_at=account.created_at, role=role)


@strawberry.type(description="A user's membership of the account (access review).")
class Member:
    id: strawberry.ID
    user_id: strawberry.ID
    email: str
    role: Role
    mfa_enabled: bool
    joined_at: datetime
    last_active_at: datetime | None

    @classmethod
    def from_row(cls, row: MemberRow) -> Member:
        m = row.membership
        return cls(id=strawberry.ID(str(m.id)), user_id=strawberry.ID(str(m.user_id)),
                   email=row.email, role=m.role, mfa_enabled=row.mfa_enabled,
                   joined_at=m.created_at, last_active_at=row.last_active_at)

    @classmethod
    def from_membership(cls, m: models.Membership, email: str, mfa_enabled: bool) -> Member:
        return cls.from_row(MemberRow(membership=m, email=email, mfa_enabled=mfa_enabled,
                                      last_active_at=None))


@strawberry.type(description="An API token (its secret is shown only once, at creation).")
class ApiToken:
    id: strawberry.ID
    name: str
    scope: TokenScope
    owner_id: strawberry.ID
    owner_email: str | None
    created_at: datetime
    expires_at: datetime = strawberry.field(
        description="When it stops working: its expiry, or earlier if left unused.")
    last_used_at: datetime | None
    revoked_at: datetime | None
    active: bool

    @classmethod
    def from_model(cls, row: models.ApiToken, now: datetime,
                   owner_email: str | None = None) -> ApiToken:
        return cls(id=strawberry.ID(str(row.id)), name=row.name, scope=TokenScope(row.scope),
                   owner_id=strawberry.ID(str(row.user_id)), owner_email=owner_email,
                   created_at=row.created_at, expires_at=usable_until(row),
                   last_used_at=row.last_used_at, revoked_at=row.revoked_at,
                   active=is_active(row, now))


@strawberry.type(description="A live session of the account (access review).")
class SessionInfo:
    id: strawberry.ID
    user_id: strawberry.ID
    email: str
    ip: str
    user_agent: str
    created_at: datetime
    last_seen_at: datetime
    current: bool

    @classmethod
    def from_model(cls, s: models.Session, current_id: object) -> SessionInfo:
        return cls(id=strawberry.ID(str(s.id)), user_id=strawberry.ID(str(s.user_id)),
                   email=s.user.email, ip=s.ip, user_agent=s.user_agent,
                   created_at=s.created_at, last_seen_at=s.last_seen_at,
                   current=s.id == current_id)


@strawberry.type(description="An invite into the account; the code is shown only once.")
class Invite:
    id: strawberry.ID
    role: Role | None
    max_uses: int
    uses: int
    uses_left: int
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    created_by_id: strawberry.ID | None
    created_by_email: str | None

    @classmethod
    def from_model(cls, row: models.Invite, created_by_email: str | None = None) -> Invite:
        creator = row.created_by_id
        return cls(id=strawberry.ID(str(row.id)), role=row.role, max_uses=row.max_uses,
                   uses=row.uses, uses_left=max(row.max_uses - row.uses, 0),
                   created_at=row.created_at, expires_at=row.expires_at,
                   revoked_at=row.revoked_at,
                   created_by_id=strawberry.ID(str(creator)) if creator else None,
                   created_by_email=created_by_email)


@strawberry.type(description="One audit-log entry (hash chained; never contains a secret).")
class AuditEvent:
    id: strawberry.ID
    seq: int
    action: str
    actor_id: strawberry.ID | None
    actor_email: str | None
    target: str | None
    ip: str | None
    user_agent: str | None
    metadata: JSON
    occurred_at: datetime

    @classmethod
    def from_model(cls, e: AuditEventModel, actor_email: str | None) -> AuditEvent:
        return cls(id=strawberry.ID(str(e.id)), seq=e.seq, action=e.action,
                   actor_id=None if e.actor_id is None else strawberry.ID(str(e.actor_id)),
                   actor_email=actor_email, target=e.target, ip=e.ip, user_agent=e.user_agent,
                   metadata=cast(JSON, e.metadata), occurred_at=e.occurred_at)


# --- payloads: every one carries `errors` ------------------------------------------------


@strawberry.type
class AuthPayload:
    token: str | None = None
    mfa_required: bool = False
    mfa_token: str | None = None
    user: User | None = None
    errors: list[UserError] = errors_field()


@strawberry.type
class TotpEnrollmentPayload:
    secret: str | None = None
    provisioning_uri: str | None = None
    qr_svg: str | None = None
    errors: list[UserError] = errors_field()


@strawberry.type
class RecoveryCodesPayload:
    recovery_codes: list[str] | None = None
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of revoking or removing something.")
class RevokePayload:
    ok: bool = False
    errors: list[UserError] = errors_field()


@strawberry.type
class ChangePasswordPayload:
    ok: bool = False
    errors: list[UserError] = errors_field()


@strawberry.type
class DisableMfaPayload:
    ok: bool = False
    errors: list[UserError] = errors_field()


@strawberry.type
class InvitePayload:
    code: str | None = None
    invite: Invite | None = None
    errors: list[UserError] = errors_field()


@strawberry.type
class MemberPayload:
    member: Member | None = None
    errors: list[UserError] = errors_field()


@strawberry.type
class AccountPayload:
    account: Account | None = None
    errors: list[UserError] = errors_field()


@strawberry.type
class ApiTokenPayload:
    token: str | None = strawberry.field(default=None,
                                         description="The secret; shown only on creation.")
    api_token: ApiToken | None = None
    errors: list[UserError] = errors_field()
