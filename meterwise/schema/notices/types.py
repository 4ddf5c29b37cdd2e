"""The Notice type, mapped from the model or from its live event."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import strawberry

from meterwise.models.notices import Notice as NoticeModel
from meterwise.models.notices import NoticeSeverity
from meterwise.schema.errors import UserError, errors_field

strawberry.enum(NoticeSeverity, name="NoticeSeverity")


@strawberry.type(description="A message from the operator (e.g. a security incident), "
                             "shown until an owner or admin acknowledges it.")
class Notice:
    id: strawberry.ID
    title: str
    body: str = strawberry.field(description="Plain text; paragraphs separated by blank lines.")
    severity: NoticeSeverity
    created_at: datetime
    acknowledged_at: datetime | None

    @classmethod
    def from_model(cls, row: NoticeModel) -> Notice:
        return cls(id=strawberry.ID(str(row.id)), title=row.title, body=row.body,
                   severity=NoticeSeverity(row.severity), created_at=row.created_at,
                   acknowledged_at=row.acknowledged_at)

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> Notice:
        return cls(id=strawberry.ID(str(data["id"])), title=str(data["title"]),
                   body=str(data["body"]), severity=NoticeSeverity(data["severity"]),
                   created_at=datetime.fromisoformat(data["createdAt"]).astimezone(UTC),
                   acknowledged_at=None)


@strawberry.type
class NoticePayload:
    notice: Notice | None = None
    errors: list[UserError] = errors_field()
