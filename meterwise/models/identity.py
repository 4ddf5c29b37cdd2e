"""Tenancy and people: accounts (the isolation boundary), users, memberships with a role."""

from __future__ import annotations

from enum import StrEnum

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

    class Meta:
        table = "membership"
        unique_together = (("user", "account"),)
