"""Incident containment state: frozen accounts and members who must change their password.

Both are rows of their own (not columns on ``account``/``app_user``) so that containing
and releasing an account is an insert and a delete, and the history stays in the audit log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:  # importing it at run time would register Account in this app too
    from meterwise.models.identity import Account, User


class AccountFreeze(Model):
    """While this row exists the account's provider keys are never opened and nothing syncs."""

    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "identity.Account", related_name="freeze", on_delete=fields.CASCADE, primary_key=True)
    frozen_at = fields.DatetimeField()
    frozen_by = fields.CharField(max_length=200)  # the operator, as the CLI names them
    reason = fields.CharField(max_length=500)

    account_id: UUID

    class Meta:
        table = "containment_account_freeze"


class PasswordChangeRequirement(Model):
    """The user must set a new password before doing anything else (one row per account
    that required it, so releasing one account leaves another's requirement in place)."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="password_change_requirements", on_delete=fields.CASCADE)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="password_change_requirements",
        on_delete=fields.CASCADE)
    required_at = fields.DatetimeField()

    user_id: UUID
    account_id: UUID

    class Meta:
        table = "containment_password_change"
        unique_together = (("user", "account"),)
