"""Suspicious activity: security events, and what each user/connection was seen with.

``SecurityEvent.details`` never holds secrets (the service scrubs it before saving).
``Sighting`` keeps only HMAC-SHA-256 digests (under an instance key kept outside the database)
of IPs, user agents, provider key ids and alerted spike days: enough to tell "new" from
"seen before" without storing the values, or anything a stolen database could reverse.

The module keeps the name of its app label, ``shield``: the label is recorded with every
applied migration and imported by ``migrations/shield/``, so renaming it would be a data
migration, not a move. Its services are ``services/security_events/``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:  # importing it at run time would register Account in this app too
    from meterwise.models.identity import Account


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class SecurityEventKind(StrEnum):
    """What a security event reports: the closed set every detector records under."""

    FAILED_LOGIN_BURST = "failed_login_burst"
    FAILED_LOGIN_BURST_IP = "failed_login_burst_ip"
    LOGIN_NEW_IP = "login_new_ip"
    LOGIN_NEW_DEVICE = "login_new_device"
    MFA_GUESSING = "mfa_guessing"
    MFA_DISABLED = "mfa_disabled"
    TOTP_REPLAY = "totp_replay"
    API_TOKEN_CREATED = "api_token_created"  # noqa: S105 - an event name, not a secret
    PROVIDER_KEY_REPLACED = "provider_key_replaced"
    UNKNOWN_API_KEY = "unknown_api_key"
    SPEND_SPIKE = "spend_spike"
    RATE_LIMIT_REPEATED = "rate_limit_repeated"
    AUDIT_CHAIN_BROKEN = "audit_chain_broken"
    MASTER_ROTATION_NEEDED = "master_rotation_needed"
    DECRYPT_FAILED = "decrypt_failed"


class SecurityEvent(Model):
    """One detected event; ``account`` is null for events not tied to a tenant (an IP)."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "identity.Account", related_name="security_events", null=True,
        on_delete=fields.CASCADE,
    )
    account_id: UUID | None  # the raw column (scoped() filters on it)
    kind = fields.CharField(max_length=64)  # a SecurityEventKind value
    severity = fields.CharEnumField(Severity, max_length=16)
    details: dict[str, object] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "security_event"


class Sighting(Model):
    """``subject`` (``user:<id>`` or ``connection:<id>``) was seen with ``digest`` of ``kind``."""

    id = fields.UUIDField(primary_key=True)
    subject = fields.CharField(max_length=80)
    kind = fields.CharField(max_length=16)  # ip | device | api_key | spend_spike (a day)
    digest = fields.CharField(max_length=64)
    first_seen_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "security_sighting"
        unique_together = (("subject", "kind", "digest"),)
