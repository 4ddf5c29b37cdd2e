"""The tamper-evident audit log: one hash-chained row per security-relevant action.

No foreign keys: events must outlive the accounts and users they mention (an account's
deletion is itself audited), and a cascade would silently break the chain. A deleted
account's events stay, erased: their personal columns (target, ip, user_agent, metadata)
and ``personal_salt`` are wiped, ``personal_digest`` keeps the chain verifiable.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    """``seq`` is gap-free; ``hash`` covers ``prev_hash`` and every other column (the
    personal ones through ``personal_digest``), keyed with instance key ``key_id``."""

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
    key_id = fields.CharField(max_length=36, null=True)  # null: a legacy (unkeyed) event
    personal_digest = fields.CharField(max_length=64, null=True)  # null: a legacy event
    personal_salt = fields.CharField(max_length=32, null=True)  # hex; wiped on erasure
    erased_at = fields.DatetimeField(null=True)

    class Meta:
        table = "audit_event"


class AuditCheckpoint(Model):
    """A signed anchor of the chain's head (see ``security.auditchain.Checkpoint``)."""

    id = fields.UUIDField(primary_key=True)
    seq = fields.BigIntField(db_index=True)
    head_hash = fields.CharField(max_length=64)
    at = fields.DatetimeField()
    key_id = fields.CharField(max_length=36)
    signature = fields.CharField(max_length=64)

    class Meta:
        table = "audit_checkpoint"
