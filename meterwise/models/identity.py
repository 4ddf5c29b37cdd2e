"""Tenancy and people: accounts, users, memberships, and the credentials that prove who is who.

Every credential (session, API token, MFA challenge, invite code) is stored only as a
SHA-256 hash, recovery codes as an HMAC under a master-key-derived key; TOTP secrets are
sealed with the user's home account data key.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.models import Model


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    VIEWER = "viewer"


class Account(Model):
    """A tenant. Every row of customer data belongs to exactly one account."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    mfa_required = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "account"


class User(Model):
    """A person. Secrets are stored only as hashes or sealed ciphertext."""

    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=320, unique=True)  # stored lower-cased
    password_hash = fields.CharField(max_length=255)
    totp_secret_sealed = fields.TextField(null=True)
    totp_enabled = fields.BooleanField(default=False)
    totp_last_step = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    password_changed_at = fields.DatetimeField(auto_now_add=True)
    # Whose data key seals this user's TOTP secret (the account the user signed up into).
    home_account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="home_users", null=True, on_delete=fields.SET_NULL
    )
    home_account_id: UUID | None

    class Meta:
        table = "app_user"


class Membership(Model):
    """A user's role in an account."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="memberships", on_delete=fields.CASCADE
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)

    user_id: UUID
    account_id: UUID

    class Meta:
        table = "membership"
        unique_together = (("user", "account"),)


class Session(Model):
    """A signed-in browser or client: idle timeout via ``last_seen_at``, hard ``expires_at``."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="sessions", on_delete=fields.CASCADE
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="sessions", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(db_index=True)
    mfa_verified_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=512, default="")

    user_id: UUID
    account_id: UUID

    class Meta:
        table = "user_session"


class MfaChallenge(Model):
    """The short-lived, single-use ``mfaToken`` between a correct password and a TOTP code."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="mfa_challenges", on_delete=fields.CASCADE
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="mfa_challenges", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(db_index=True)
    used_at = fields.DatetimeField(null=True)
    failures = fields.IntField(default=0)  # codes checked so far (claimed before each check)

    user_id: UUID
    account_id: UUID

    class Meta:
        table = "mfa_challenge"


class RecoveryCode(Model):
    """One single-use recovery code, as HMAC-SHA-256 under a master-key-derived key.

    ``key_id`` names the master key version the HMAC key came from; NULL marks a legacy
    plain SHA-256 digest from before keying, still accepted (once).
    """

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="recovery_codes", on_delete=fields.CASCADE
    )
    code_hash = fields.CharField(max_length=64)
    key_id = fields.CharField(max_length=32, null=True)
    used_at = fields.DatetimeField(null=True)

    user_id: UUID

    class Meta:
        table = "recovery_code"


class ApiToken(Model):
    """A program's credential: scoped, expiring, revocable; expires early when left unused."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="api_tokens", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="api_tokens", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=100)
    scope = fields.CharField(max_length=16)  # services.viewer.TokenScope value
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(db_index=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    account_id: UUID
    user_id: UUID

    class Meta:
        table = "api_token"


class Invite(Model):
    """A sign-up invite (no account: creates one) or a member invite into ``account``.

    ``revoked_at`` is set by an admin, or when the creator leaves the account or drops below
    the invite's role: an invite never outlives the authority that made it.
    """

    id = fields.UUIDField(primary_key=True)
    code_hash = fields.CharField(max_length=64, unique=True)
    account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="invites", null=True, on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=16, null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="invites_created", null=True, on_delete=fields.SET_NULL
    )
    max_uses = fields.IntField(default=1)
    uses = fields.IntField(default=0)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    account_id: UUID | None
    created_by_id: UUID | None

    class Meta:
        table = "invite"


class LoginThrottle(Model):
    """Failed-attempt counter for one key (an email hash, an IP, a user's MFA).

    Kept in PostgreSQL so every API process sees the same counts without Redis.
    """

    key = fields.CharField(max_length=128, primary_key=True)
    attempts = fields.IntField(default=0)
    window_started_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)

    class Meta:
        table = "login_throttle"
