"""Telling affected users: in-app notices and the per-recipient log of a notice campaign.

``Notice(account, campaign)`` is unique, so a campaign posts one notice per account however
often it is resumed. ``NoticeDelivery(campaign, account, user)`` is unique too: one e-mail
per recipient (a member of an affected account) and campaign, claimed (``sending``) before
it is handed to SMTP and marked ``sent`` after; see ``services/notices/campaign``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:  # importing it at run time would register Account in this app too
    from meterwise.models.identity import Account, User


class NoticeSeverity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class NoticeDeliveryStatus(StrEnum):
    PENDING = "pending"  # not tried yet, or the last try was refused (retried on resume)
    SENDING = "sending"  # claimed: may or may not have reached SMTP; never sent again
    SENT = "sent"
    FAILED = "failed"  # refused on every try, or the recipient has no address any more


class Notice(Model):
    """A message from the operator to one account, shown until an owner or admin
    acknowledges it."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="notices", on_delete=fields.CASCADE)
    campaign = fields.CharField(max_length=100)
    title = fields.CharField(max_length=200)
    body = fields.TextField()
    severity = fields.CharEnumField(NoticeSeverity, max_length=16)
    created_at = fields.DatetimeField()
    published_at = fields.DatetimeField(null=True)  # the live event went out
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by = fields.UUIDField(null=True)

    account_id: UUID

    class Meta:
        table = "notice"
        unique_together = (("account_id", "campaign"),)
        indexes = (Index(fields=("account_id", "acknowledged_at")),)


class NoticeDelivery(Model):
    """One recipient's e-mail of one campaign: what happened to it, and when."""

    id = fields.UUIDField(primary_key=True)
    campaign = fields.CharField(max_length=100)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="notice_deliveries", on_delete=fields.CASCADE)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "identity.User", related_name="notice_deliveries", on_delete=fields.CASCADE)
    status = fields.CharEnumField(NoticeDeliveryStatus, max_length=12,
                                  default=NoticeDeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    claimed_at = fields.DatetimeField(null=True)
    sent_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField()

    account_id: UUID
    user_id: UUID

    class Meta:
        table = "notice_delivery"
        unique_together = (("campaign", "account_id", "user_id"),)
