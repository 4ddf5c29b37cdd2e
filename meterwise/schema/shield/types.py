"""GraphQL types of security events, mapped field by field from the model or its payload."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from meterwise.models.shield import SecurityEvent as SecurityEventModel
from meterwise.models.shield import Severity
from meterwise.schema.pagination import PageInfo
from meterwise.schema.shield.cost import page_items
from meterwise.services.security_events import payload

strawberry.enum(Severity, name="SecuritySeverity")  # registers the enum in place


@strawberry.type(description="Suspicious activity detected on the account.")
class SecurityEvent:
    id: strawberry.ID
    kind: str
    severity: Severity
    details: JSON
    created_at: datetime

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> SecurityEvent:
        return cls(id=strawberry.ID(data["id"]), kind=data["kind"],
                   severity=Severity(data["severity"]), details=cast(JSON, data["details"]),
                   created_at=datetime.fromisoformat(data["createdAt"]))

    @classmethod
    def from_model(cls, event: SecurityEventModel) -> SecurityEvent:
        return cls.from_payload(payload(event))


@strawberry.type
class SecurityEventEdge:
    cursor: str
    node: SecurityEvent


@strawberry.type(description="A page of security events, newest first.")
class SecurityEventConnection:
    edges: list[SecurityEventEdge] = strawberry.field(metadata=page_items())
    page_info: PageInfo
