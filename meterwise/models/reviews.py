"""Access reviews: a periodic look at who and what can reach an account, and its digest.

A review stores its findings as they were when it ran (what the owners were told); whether a
finding is still open is read live from its subject (``services/reviews``). Digests are one
row per (review, recipient): claimed before sending, so no owner gets the same one twice.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from meterwise.models.identity import Account


class FindingKind(StrEnum):
    INACTIVE_MEMBER = "inactive_member"  # subject: membership id
    UNUSED_API_TOKEN = "unused_api_token"  # noqa: S105 - subject: api token id
    PENDING_INVITE = "pending_invite"  # subject: invite id
    EXCESS_OWNERS = "excess_owners"  # subject: none (the account)
    STALE_PROVIDER_KEY = "stale_provider_key"  # subject: connection id
    FAILING_CONNECTION = "failing_connection"  # subject: connection id
    IDLE_CONNECTION = "idle_connection"  # subject: connection id


class AccessReview(Model):
    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="access_reviews", on_delete=fields.CASCADE)
    account_id: UUID
    trigger = fields.CharField(max_length=16)  # "schedule" or "manual"
    created_at = fields.DatetimeField()
    completed_at = fields.DatetimeField(null=True)
    completed_by = fields.UUIDField(null=True)
    completion_note = fields.CharField(max_length=500, null=True)
    findings: fields.ReverseRelation[ReviewFinding]

    class Meta:
        table = "access_review"
        indexes = (Index(fields=("account_id", "created_at")),)


class ReviewFinding(Model):
    id = fields.UUIDField(primary_key=True)
    review: fields.ForeignKeyRelation[AccessReview] = fields.ForeignKeyField(
        "reviews.AccessReview", related_name="findings", on_delete=fields.CASCADE)
    review_id: UUID
    kind = fields.CharEnumField(FindingKind, max_length=32)
    subject_id = fields.UUIDField(null=True)
    summary = fields.CharField(max_length=300)  # names and dates, never a secret
    since = fields.DatetimeField(null=True)  # last use / creation the finding is about

    class Meta:
        table = "access_review_finding"


class ReviewDigest(Model):
    """One e-mail of a review to one owner: pending → sending → sent | failed."""

    id = fields.UUIDField(primary_key=True)
    review: fields.ForeignKeyRelation[AccessReview] = fields.ForeignKeyField(
        "reviews.AccessReview", related_name="digests", on_delete=fields.CASCADE)
    review_id: UUID
    user_id = fields.UUIDField()
    status = fields.CharField(max_length=12, default="pending")
    sent_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=300, null=True)

    class Meta:
        table = "access_review_digest"
        unique_together = (("review_id", "user_id"),)
