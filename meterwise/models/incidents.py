"""Security incidents (operator level): the record, its timeline, its escalation outbox and
its remediation checklist.

No foreign keys to accounts or users: an incident must outlive the accounts it affected
(a deletion may be part of the response), as the audit log does.

Why the unique keys matter:
* ``Incident.live_key`` is ``<rule>:<subject>`` while the incident is live (open,
  acknowledged or contained) and NULL afterwards, so a detection rule inserts with
  ``ON CONFLICT DO NOTHING`` and N racing detectors open one incident per rule and subject.
* ``IncidentEntry(incident, ref)``: evidence (a security event, an audit entry) and
  notification outcomes are linked once, however often a rule re-reads its window.
* ``IncidentNotification(incident, level, contact_ref)``: each escalation level reaches each
  contact once; retries update that one row.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from meterwise.models.spend import DeliveryStatus  # an enum only: no model is registered here


class IncidentSeverity(StrEnum):
    """The rubric (``services.incidents.rubric``) says what each level means."""

    SEV1 = "sev1"
    SEV2 = "sev2"
    SEV3 = "sev3"
    SEV4 = "sev4"


class IncidentStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    CONTAINED = "contained"
    RESOLVED = "resolved"
    CLOSED = "closed"


class EntryKind(StrEnum):
    OPENED = "opened"
    STATUS = "status"  # a transition
    SECURITY_EVENT = "security_event"  # linked evidence
    AUDIT_ENTRY = "audit_entry"  # linked evidence
    DETECTION = "detection"  # a rule fired again on a live incident
    ACTION = "action"  # something done (containment, a notice campaign)
    NOTIFICATION = "notification"  # an escalation message queued, delivered or given up
    NOTE = "note"
    CHECKLIST = "checklist"  # a remediation item added or changed
    OWNER = "owner"  # who owns it now


class ChecklistStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    WONT_DO = "wont_do"


class Incident(Model):
    id = fields.UUIDField(primary_key=True)
    title = fields.CharField(max_length=200)
    summary = fields.TextField(default="")
    severity = fields.CharEnumField(IncidentSeverity, max_length=8)
    status = fields.CharEnumField(IncidentStatus, max_length=16, default=IncidentStatus.OPEN)
    rule = fields.CharField(max_length=64, null=True)  # the detection rule; null: by hand
    subject = fields.CharField(max_length=200, null=True)  # what the rule fired about
    live_key = fields.CharField(max_length=300, null=True, unique=True)
    owner = fields.CharField(max_length=200, null=True)
    opened_by = fields.CharField(max_length=200)
    opened_at = fields.DatetimeField()
    acknowledged_at = fields.DatetimeField(null=True)
    contained_at = fields.DatetimeField(null=True)
    resolved_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    escalation_level = fields.IntField(default=0)  # the highest level notified so far
    next_escalation_at = fields.DatetimeField(null=True)  # null: nothing more to escalate

    class Meta:
        table = "incident"
        indexes = (Index(fields=("status", "opened_at")), Index(fields=("next_escalation_at",)))


class IncidentAccount(Model):
    """An account the incident affects (what ``contain`` and ``notify`` act on)."""

    id = fields.UUIDField(primary_key=True)
    incident: fields.ForeignKeyRelation[Incident] = fields.ForeignKeyField(
        "incidents.Incident", related_name="accounts", on_delete=fields.CASCADE)
    incident_id: UUID
    account_id = fields.UUIDField(db_index=True)
    added_at = fields.DatetimeField()

    class Meta:
        table = "incident_account"
        unique_together = (("incident_id", "account_id"),)


class IncidentEntry(Model):
    """One line of the timeline; ``details`` come from already-scrubbed sources only.
    ``id`` grows with every entry, so (at, id) orders entries of the same instant."""

    id = fields.BigIntField(primary_key=True)
    incident: fields.ForeignKeyRelation[Incident] = fields.ForeignKeyField(
        "incidents.Incident", related_name="entries", on_delete=fields.CASCADE)
    incident_id: UUID
    kind = fields.CharEnumField(EntryKind, max_length=16)
    at = fields.DatetimeField()
    actor = fields.CharField(max_length=200)
    text = fields.TextField()
    ref = fields.CharField(max_length=200, null=True, db_index=True)  # e.g. security_event:<id>
    details: dict[str, object] = fields.JSONField(default=dict)

    class Meta:
        table = "incident_entry"
        unique_together = (("incident_id", "ref"),)
        indexes = (Index(fields=("incident_id", "at")),)


class IncidentNotification(Model):
    """The escalation outbox: one row per (incident, level, contact). ``contact_ref`` is a
    digest of the contact (webhook URLs may carry tokens, so the target itself is read from
    the settings at send time); ``contact_hint`` is what the timeline shows."""

    id = fields.UUIDField(primary_key=True)
    incident: fields.ForeignKeyRelation[Incident] = fields.ForeignKeyField(
        "incidents.Incident", related_name="notifications", on_delete=fields.CASCADE)
    incident_id: UUID
    level = fields.IntField()
    contact_ref = fields.CharField(max_length=64)
    contact_hint = fields.CharField(max_length=200)
    channel = fields.CharField(max_length=12)  # a spend ChannelKind: email | webhook
    status = fields.CharEnumField(DeliveryStatus, max_length=12,
                                  default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField()
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "incident_notification"
        unique_together = (("incident_id", "level", "contact_ref"),)
        indexes = (Index(fields=("status", "next_attempt_at")),)


class ChecklistItem(Model):
    """A remediation step of the post-incident report."""

    id = fields.UUIDField(primary_key=True)
    incident: fields.ForeignKeyRelation[Incident] = fields.ForeignKeyField(
        "incidents.Incident", related_name="checklist", on_delete=fields.CASCADE)
    incident_id: UUID
    text = fields.CharField(max_length=500)
    owner = fields.CharField(max_length=200)
    status = fields.CharEnumField(ChecklistStatus, max_length=12, default=ChecklistStatus.TODO)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "incident_checklist_item"
        indexes = (Index(fields=("incident_id", "created_at")),)
