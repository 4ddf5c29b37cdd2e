"""The tamper-evident audit log: one hash-chained row per security-relevant action.

No foreign keys: events must outlive the accounts and users they mention (an account's
deletion is itself audited), and a cascade would silently break the chain.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    """``seq`` is gap-free; ``hash`` covers ``prev_hash`` and every other column."""

    id = fields.UUIDField(primary_key=True)
    seq = fields.BigIntField(unique=True)
    account_id = fields.UUIDField(null=True, db_index=True)
    actor_id = fields.UUIDField(null=True)
    action = fields.CharField(max_length=64)
    target = fields.CharField(max_length=200, null=True)
    ip = fields.CharField(max_length=64, null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    metadata: dict[str, object] = fields.JSONField(default=dict)
    occurred_at = fields.DatetimeField()
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_event"
