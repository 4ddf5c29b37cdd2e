"""The remediation checklist: items with an owner and a status, each change on the timeline.

An incident closes only when no item is left todo or doing (``transitions``).
"""

from __future__ import annotations

from uuid import UUID, uuid4

from meterwise import clock
from meterwise.models.incidents import ChecklistItem, ChecklistStatus, EntryKind
from meterwise.security.redaction import redact
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.incidents import records

MAX_ITEMS = 200


def _text(value: str, name: str, limit: int) -> str:
    cleaned = redact(value.strip())[:limit]
    if not cleaned:
        raise UserInputError(UserErrorCode.INVALID_INPUT, f"The item needs {name}.", name)
    return cleaned


async def add_item(ident: str, text: str, *, owner: str, actor: str) -> ChecklistItem:
    incident = await records.get(ident)
    if await ChecklistItem.filter(incident_id=incident.id).count() >= MAX_ITEMS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"An incident has at most {MAX_ITEMS} checklist items.")
    now = clock.now()
    item = await ChecklistItem.create(id=uuid4(), incident_id=incident.id,
                                      text=_text(text, "text", 500),
                                      owner=_text(owner, "owner", 200), created_at=now,
                                      updated_at=now)
    await records.add_entry(incident.id, EntryKind.CHECKLIST,
                            f"checklist item added: {item.text} (owner {item.owner})",
                            actor=actor, at=now, details={"itemId": str(item.id)})
    return item


async def update_item(item_id: str, *, actor: str, status: ChecklistStatus | None = None,
                      owner: str | None = None) -> ChecklistItem:
    try:
        ident = UUID(item_id.strip())
    except ValueError:
        ident = None
    item = await ChecklistItem.get_or_none(id=ident) if ident else None
    if item is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, f"No checklist item {item_id!r}.", "id")
    if status is None and owner is None:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Give a new status or owner.")
    changes: list[str] = []
    if status is not None and status != item.status:
        changes.append(f"status {item.status} → {status}")
        item.status = status
    if owner is not None:
        owner = _text(owner, "owner", 200)
        if owner != item.owner:
            changes.append(f"owner {item.owner} → {owner}")
            item.owner = owner
    if changes:
        item.updated_at = clock.now()
        await item.save(update_fields=["status", "owner", "updated_at"])
        await records.add_entry(item.incident_id, EntryKind.CHECKLIST,
                                f"checklist item {item.text}: {', '.join(changes)}",
                                actor=actor, at=item.updated_at,
                                details={"itemId": str(item.id), "status": str(item.status)})
    return item


async def items(incident_id: UUID) -> list[ChecklistItem]:
    return await ChecklistItem.filter(incident_id=incident_id).order_by("created_at", "id")
