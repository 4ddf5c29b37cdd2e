"""GraphQL types of security events, mapped field by field from the model or its payload."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from meterwise.models.shield import SecurityEvent as SecurityEventModel
from meterwise.models.shield import Severity
from meterwise.schema.enums import SecurityEventKind
from meterwise.services.security_events import SecurityEventRecorded

strawberry.enum(Severity, name="SecuritySeverity")  # registers the enum in place


@strawberry.type(description="Suspicious activity detected on the account.")
class SecurityEvent:
    """One event, mapped from the typed ``SecurityEventRecorded`` of the query and the stream.

    ``details`` is the one JSON field, and on purpose: it is free-form per kind (an IP and a
    failure count, a token id and scope, a spend day and amount ...), redacted by the
    service before it is stored, and shown to people, not computed on; a union of a dozen
    one-use object types would freeze what detectors may report without helping a client.
    """

    id: strawberry.ID
    kind: SecurityEventKind
    severity: Severity
    details: JSON = strawberry.field(
        description="Facts of this kind of event (free-form, secrets redacted).")
    created_at: datetime

    @classmethod
    def from_event(cls, event: SecurityEventRecorded) -> SecurityEvent:
        return cls(id=strawberry.ID(str(event.id)), kind=event.kind, severity=event.severity,
                   details=cast(JSON, event.details), created_at=event.created_at)

    @classmethod
    def from_model(cls, event: SecurityEventModel) -> SecurityEvent:
        return cls.from_event(SecurityEventRecorded.from_model(event))
