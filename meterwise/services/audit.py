"""The audit log: append keyed hash-chained events, checkpoint, verify, erase, page.

Events are keyed with HMAC under an instance key (``vault.system_key``: a data key wrapped
by the master keys), so write access to the database alone cannot recompute the chain.
Checkpoints sign (seq, head hash, time) under a second instance key; ``verify`` checks
the chain against every stored checkpoint and any the operator kept elsewhere, so deleting
the newest events (and the newest checkpoints) is found.

Appends take a PostgreSQL advisory transaction lock, so concurrent writers (any number of
API and worker processes) see the previous event's hash and ``seq`` in turn: the chain has
no forks and ``seq`` no gaps (an event rolled back with its transaction frees its ``seq``).
Metadata is scrubbed: secret-named keys are dropped and string values pass redaction.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.audit import AuditCheckpoint, AuditEvent
from meterwise.models.identity import User
from meterwise.security.auditchain import (
    GENESIS_HASH,
    PERSONAL_SALT_SIZE,
    ChainBreak,
    ChainedEvent,
    Checkpoint,
    EventFields,
    chain_hash,
    checkpoint_valid,
    find_chain_break,
    personal_digest,
    sign_checkpoint,
)
from meterwise.security.redaction import REDACTED, is_secret_name, redact
from meterwise.services import vault
from meterwise.services.pagination import Page, paginate
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer

# pg_advisory_xact_lock key: "MWAUDIT" as an int, shared by every process.
_CHAIN_LOCK = int.from_bytes(b"MWAUDIT", "big")
CHAIN_KEY = "audit-chain"  # vault.system_key purposes
CHECKPOINT_KEY = "audit-checkpoint"


class AuditChainBroken(Exception):
    """The chain does not verify; no checkpoint is signed over a broken chain."""

    def __init__(self, broken: ChainBreak) -> None:
        super().__init__(f"audit log broken at seq {broken.seq}: {broken.reason}")
        self.broken = broken


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
        metadata=event.metadata or {}, personal_digest=event.personal_digest,
    )


def _chained(event: AuditEvent) -> ChainedEvent:
    salt = bytes.fromhex(event.personal_salt) if event.personal_salt else None
    return ChainedEvent(_fields(event), event.prev_hash, event.hash, key_id=event.key_id,
                        salt=salt, erased=event.erased_at is not None)


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
        occurred_at=clock.now(),
    )
    salt = secrets.token_bytes(PERSONAL_SALT_SIZE)
    event.personal_salt = salt.hex()
    event.personal_digest = personal_digest(salt, target=event.target, ip=event.ip,
                                            user_agent=event.user_agent,
                                            metadata=event.metadata)
    event.key_id, key = await vault.system_key(CHAIN_KEY)
    async with in_transaction() as conn:
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [_CHAIN_LOCK])
        last = await AuditEvent.all().order_by("-seq").only("seq", "hash").first()
        event.seq = last.seq + 1 if last else 1
        event.prev_hash = last.hash if last else GENESIS_HASH
        event.hash = chain_hash(event.prev_hash, _fields(event), key=key)
        await event.save(force_create=True)


class _Keys(dict[str, bytes]):
    """Instance keys by id, fetched once per verification; a missing one stays missing."""

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose
        self.missing: set[str] = set()

    async def load(self, key_ids: Iterable[str | None]) -> None:
        for key_id in {k for k in key_ids if k is not None} - set(self) - self.missing:
            try:
                self[key_id] = (await vault.system_key(self.purpose, key_id))[1]
            except vault.SecretUnavailable:
                self.missing.add(key_id)


@dataclass(frozen=True)
class Verification:
    """What ``verify_log`` found: events checked, checkpoints matched, the first break."""

    checked: int
    checkpoints: int
    broken: ChainBreak | None
    notes: tuple[str, ...] = ()


async def verify_log(*, batch: int = 1000) -> tuple[int, ChainBreak | None]:
    """Walk the whole chain in ``seq`` order: (events checked, first break or None)."""
    result = await verify(batch=batch)
    return result.checked, result.broken


async def verify(supplied: Sequence[Checkpoint] = (), *, batch: int = 1000,
                 legacy_head: bool = False) -> Verification:
    """The chain, then every stored checkpoint and every ``supplied`` one against it.

    Legacy (unkeyed) events verify as such only before the first keyed one, and the newest
    event must be keyed (``legacy_head`` lifts that for ``checkpoint``, which then appends a
    keyed event): otherwise an attacker could rewrite the whole log as a legacy chain.
    A stored checkpoint with a bad signature is a break (forged or edited). A supplied one
    whose key is gone (it cannot be checked) is still compared: the operator vouches for it.
    A checkpoint beyond the end of the chain means the newest events were deleted.
    """
    stored = [Checkpoint(r.seq, r.head_hash, r.at, r.key_id, r.signature)
              for r in await AuditCheckpoint.all().order_by("seq")]
    cp_keys = _Keys(CHECKPOINT_KEY)
    await cp_keys.load([c.key_id for c in (*stored, *supplied)])
    notes: list[str] = []
    for cp in stored:
        key = cp_keys.get(cp.key_id)
        if key is None or not checkpoint_valid(cp, key):
            return Verification(0, 0, ChainBreak(f"checkpoint:{cp.seq}", cp.seq,
                                                 "stored checkpoint signature is invalid"))
    for cp in supplied:
        key = cp_keys.get(cp.key_id)
        if key is None:
            notes.append(f"checkpoint seq {cp.seq}: its key is gone, compared unsigned")
        elif not checkpoint_valid(cp, key):
            return Verification(0, 0, ChainBreak(f"checkpoint:{cp.seq}", cp.seq,
                                                 "supplied checkpoint signature is invalid"))
    anchors = {cp.seq: cp for cp in (*stored, *supplied)}
    heads: dict[int, str] = {0: GENESIS_HASH}
    chain_keys = _Keys(CHAIN_KEY)
    prev, next_seq, checked, keyed = GENESIS_HASH, 1, 0, False
    last: AuditEvent | None = None
    while True:
        rows = await AuditEvent.filter(seq__gte=next_seq).order_by("seq").limit(batch)
        if not rows:
            break
        await chain_keys.load(r.key_id for r in rows)
        broken = find_chain_break([_chained(r) for r in rows], keys=chain_keys,
                                  start_prev_hash=prev, start_seq=next_seq, require_key=keyed)
        if broken is not None:
            return Verification(checked, 0, broken, tuple(notes))
        keyed = keyed or any(r.key_id is not None for r in rows)
        heads.update((r.seq, r.hash) for r in rows if r.seq in anchors)
        checked += len(rows)
        prev, next_seq, last = rows[-1].hash, rows[-1].seq + 1, rows[-1]
    if last is not None and not keyed and not legacy_head:
        return Verification(checked, 0, ChainBreak(
            str(last.id), last.seq, "the log ends in unkeyed events (rewritten as a legacy "
            "chain, or not yet sealed: run `meterwise audit checkpoint`)"), tuple(notes))
    for seq in sorted(anchors):
        cp = anchors[seq]
        if seq not in heads:
            return Verification(checked, 0, ChainBreak(
                f"seq:{checked + 1}", checked + 1,
                f"events {checked + 1}-{seq} are missing: a checkpoint of {cp.at.isoformat()} "
                f"recorded {seq} events, the log ends at {checked}"), tuple(notes))
        if heads[seq] != cp.head_hash:
            return Verification(checked, 0, ChainBreak(
                f"seq:{seq}", seq, "the chain differs from the checkpoint at this event "
                "(rewritten after the checkpoint)"), tuple(notes))
    return Verification(checked, len(anchors), None, tuple(notes))


async def checkpoint() -> Checkpoint:
    """Verify the chain, then sign and store its head; ``AuditChainBroken`` if it is broken.

    Operators keep the printed line (``format_checkpoint``) somewhere else too: checkpoints in
    the database can be deleted along with the events they anchor.
    """
    newest = await AuditEvent.all().order_by("-seq").only("key_id").first()
    if newest is not None and newest.key_id is None:  # the first checkpoint after upgrading
        legacy = await verify(legacy_head=True)
        if legacy.broken is not None:
            raise AuditChainBroken(legacy.broken)
        await record("audit.sealed_legacy", account_id=None, actor_id=None, target=None,
                     ip=None, user_agent=None, metadata={"legacy_events": legacy.checked})
    result = await verify()
    if result.broken is not None:
        raise AuditChainBroken(result.broken)
    head = await AuditEvent.filter(seq=result.checked).only("seq", "hash").first()
    key_id, key = await vault.system_key(CHECKPOINT_KEY)
    signed = sign_checkpoint(key, seq=result.checked,
                             head_hash=head.hash if head else GENESIS_HASH,
                             at=clock.now(), key_id=key_id)
    await AuditCheckpoint.create(seq=signed.seq, head_hash=signed.head_hash, at=signed.at,
                                 key_id=signed.key_id, signature=signed.signature)
    return signed


async def erase_personal(*, account_id: UUID, user_ids: Sequence[UUID] = ()) -> int:
    """Wipe the personal fields (and digest salts) of a deleted account's events and of
    events its deleted users acted in; the chain stays verifiable. Returns events erased."""
    async with in_transaction() as conn:
        count, _ = await conn.execute_query(
            "UPDATE audit_event SET target = NULL, ip = NULL, user_agent = NULL, "
            "metadata = '{}'::jsonb, personal_salt = NULL, erased_at = now() "
            "WHERE (account_id = $1 OR actor_id = ANY($2::uuid[])) AND erased_at IS NULL",
            [account_id, list(user_ids)])
    return int(count)


async def page(viewer: Viewer, *, first: int | None, after: str | None) -> Page[AuditEvent]:
    """The viewer's account's events, newest first (the one pagination: ``paginate``)."""
    return await paginate(scoped(AuditEvent, viewer), first=first, after=after,
                          order_by="seq")


async def actor_emails(events: Sequence[AuditEvent]) -> dict[UUID, str]:
    """The e-mail of each event's actor, in one query for the page."""
    actor_ids = {e.actor_id for e in events if e.actor_id is not None}
    users = await User.filter(id__in=actor_ids).only("id", "email") if actor_ids else []
    return {u.id: u.email for u in users}
