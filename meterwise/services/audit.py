"""The audit log: append hash-chained events, page through them, verify the chain.

Appends take a PostgreSQL advisory transaction lock, so concurrent writers (any number of
API and worker processes) see the previous event's hash and ``seq`` in turn: the chain has
no forks and ``seq`` no gaps (an event rolled back with its transaction frees its ``seq``).
Metadata is scrubbed: secret-named keys are dropped and string values pass redaction.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from tortoise.transactions import in_transaction

from meterwise.models.audit import AuditEvent
from meterwise.models.identity import User
from meterwise.security.auditchain import (
    GENESIS_HASH,
    ChainBreak,
    ChainedEvent,
    EventFields,
    chain_hash,
    find_chain_break,
)
from meterwise.security.redaction import REDACTED, is_secret_name, redact
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer

# pg_advisory_xact_lock key: "MWAUDIT" as an int, shared by every process.
_CHAIN_LOCK = int.from_bytes(b"MWAUDIT", "big")
MAX_PAGE = 100


def _clean(value: Any, depth: int = 0) -> Any:
    if depth > 4:
        return REDACTED
    if isinstance(value, Mapping):
        return {
            str(k): (REDACTED if is_secret_name(str(k)) else _clean(v, depth + 1))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_clean(v, depth + 1) for v in value]
    if value is None or isinstance(value, bool | int):
        return value
    return redact(str(value))[:500]


def _fields(event: AuditEvent) -> EventFields:
    return EventFields(
        seq=event.seq, id=str(event.id), action=event.action, occurred_at=event.occurred_at,
        account_id=None if event.account_id is None else str(event.account_id),
        actor_id=None if event.actor_id is None else str(event.actor_id),
        target=event.target, ip=event.ip, user_agent=event.user_agent,
        metadata=event.metadata or {},
    )


async def record(action: str, *, account_id: UUID | None, actor_id: UUID | None,
                 target: str | None, ip: str | None, user_agent: str | None,
                 metadata: dict[str, Any] | None = None) -> None:
    """Append one event. Never pass a secret: metadata is scrubbed, but don't rely on it."""
    event = AuditEvent(
        id=uuid4(), action=action[:64], account_id=account_id, actor_id=actor_id,
        target=None if target is None else str(target)[:200],
        ip=None if ip is None else ip[:64],
        user_agent=None if user_agent is None else redact(user_agent)[:512],
        metadata=_clean(metadata or {}),
        occurred_at=datetime.now(UTC),
    )
    async with in_transaction() as conn:
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [_CHAIN_LOCK])
        last = await AuditEvent.all().order_by("-seq").only("seq", "hash").first()
        event.seq = last.seq + 1 if last else 1
        event.prev_hash = last.hash if last else GENESIS_HASH
        event.hash = chain_hash(event.prev_hash, _fields(event))
        await event.save(force_create=True)


async def verify_log(*, batch: int = 1000) -> tuple[int, ChainBreak | None]:
    """Walk the whole chain in ``seq`` order: (events checked, first break or None)."""
    prev, next_seq, checked = GENESIS_HASH, 1, 0
    while True:
        rows = await AuditEvent.filter(seq__gte=next_seq).order_by("seq").limit(batch)
        if not rows:
            return checked, None
        chained = [ChainedEvent(_fields(r), r.prev_hash, r.hash) for r in rows]
        broken = find_chain_break(chained, start_prev_hash=prev, start_seq=next_seq)
        if broken is not None:
            return checked, broken
        checked += len(rows)
        prev, next_seq = rows[-1].hash, rows[-1].seq + 1


@dataclass(frozen=True)
class AuditPage:
    events: list[AuditEvent]
    actor_emails: dict[UUID, str]
    has_next: bool


def cursor_for(event: AuditEvent) -> str:
    return base64.urlsafe_b64encode(f"seq:{event.seq}".encode()).decode()


def _seq_from_cursor(cursor: str) -> int | None:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        return int(text.removeprefix("seq:")) if text.startswith("seq:") else None
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None


async def page(viewer: Viewer, *, first: int, after: str | None) -> AuditPage:
    """The viewer's account's events, newest first; ``first`` is capped at ``MAX_PAGE``."""
    size = max(1, min(first, MAX_PAGE))
    query = scoped(AuditEvent, viewer).order_by("-seq")
    if after:
        seq = _seq_from_cursor(after)
        query = query.filter(seq__lt=seq) if seq is not None else query.filter(seq__lt=0)
    rows = await query.limit(size + 1)
    events = rows[:size]
    actor_ids = {e.actor_id for e in events if e.actor_id is not None}
    users = await User.filter(id__in=actor_ids).only("id", "email") if actor_ids else []
    return AuditPage(events=events, actor_emails={u.id: u.email for u in users},
                     has_next=len(rows) > size)
