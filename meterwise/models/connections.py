"""Provider connections: an account's link to one provider account, with its sealed key.

``key_sealed`` holds the provider key sealed with the account's data key (see
``services/vault``), bound to (account, "provider_connection", id, "api_key"); the plaintext
is never stored. ``key_hint`` is at most the last 4 characters, for people to recognise it.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from meterwise.config import ProviderKind
from meterwise.models.identity import Account


class ConnectionStatus(StrEnum):
    ACTIVE = "active"
    INVALID_CREDENTIALS = "invalid_credentials"
    ERROR = "error"
    PAUSED = "paused"


class ProviderConnection(Model):
    """One provider account connected to a Meterwise account."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="provider_connections", on_delete=fields.CASCADE
    )
    account_id: UUID  # the raw column (scoped() filters on it)
    provider = fields.CharEnumField(ProviderKind, max_length=32)
    label = fields.CharField(max_length=100)
    key_sealed = fields.TextField()
    key_hint = fields.CharField(max_length=4)
    status = fields.CharEnumField(ConnectionStatus, max_length=32, default=ConnectionStatus.ACTIVE)
    last_error = fields.CharField(max_length=500, null=True)
    last_synced_at = fields.DatetimeField(null=True)
    # buckets before this are settled: older than every source's look-back, never re-read
    settled_before = fields.DatetimeField(null=True)
    next_sync_at = fields.DatetimeField(null=True)
    sync_interval_seconds = fields.IntField(default=900)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "provider_connection"
        # the scheduler's due scan, and an account's list in creation order
        indexes = (
            Index(fields=("status", "next_sync_at")),
            Index(fields=("account_id", "created_at")),
        )

    def __str__(self) -> str:  # never the key
        return f"ProviderConnection({self.id}, {self.provider}, {self.label!r})"
