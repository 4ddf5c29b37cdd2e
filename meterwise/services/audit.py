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
from collections.abc import Awaitable, Callable, Container, Iterable, Mapping, Sequence
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
    """What a verification found: events checked, checkpoints matched, the first break,
    and the head it verified up to (what a checkpoint signs)."""

    checked: int
    checkpoints: int
    broken: ChainBreak | None
    notes: tuple[str, ...] = ()
    head_seq: int = 0
    head_hash: str = GENESIS_HASH


@dataclass
class _Walk:
    """The chain walked forward from a trusted point: how far, and the first break."""

    checked: int
    head_seq: int
    head_hash: str
    keyed: bool
    heads: dict[int, str]
    broken: ChainBreak | None = None
    last: AuditEvent | None = None


async def _walk(*, after_seq: int, after_hash: str, keyed: bool, anchors: Container[int],
                batch: int) -> _Walk:
    """Every event after ``after_seq`` (whose hash is ``after_hash``) in ``seq`` order;
    ``keyed``: an unkeyed event is a break from the start."""
    walk = _Walk(0, after_seq, after_hash, keyed, {after_seq: after_hash})
    chain_keys = _Keys(CHAIN_KEY)
    while True:
        rows = await AuditEvent.filter(seq__gt=walk.head_seq).order_by("seq").limit(batch)
        if not rows:
            return walk
        await chain_keys.load(r.key_id for r in rows)
        walk.broken = find_chain_break([_chained(r) for r in rows], keys=chain_keys,
                                       start_prev_hash=walk.head_hash,
                                       start_seq=walk.head_seq + 1, require_key=walk.keyed)
        if walk.broken is not None:
            return walk
        walk.keyed = walk.keyed or any(r.key_id is not None for r in rows)
        walk.heads.update((r.seq, r.hash) for r in rows if r.seq in anchors)
        walk.checked += len(rows)
        walk.head_seq, walk.head_hash, walk.last = rows[-1].seq, rows[-1].hash, rows[-1]


def _unsealed(walk: _Walk) -> ChainBreak | None:
    if walk.last is None or walk.keyed:
        return None
    return ChainBreak(str(walk.last.id), walk.last.seq, "the log ends in unkeyed events "
                      "(rewritten as a legacy chain, or not yet sealed: run `meterwise audit "
                      "checkpoint`)")


async def verify_log(*, batch: int = 1000) -> tuple[int, ChainBreak | None]:
    """Walk the whole chain in ``seq`` order: (events checked, first break or None)."""
    result = await verify(batch=batch)
    return result.checked, result.broken


async def _signatures(checkpoints: Sequence[Checkpoint], what: str) -> ChainBreak | None:
    """The first stored checkpoint whose signature does not verify (forged or edited)."""
    keys = _Keys(CHECKPOINT_KEY)
    await keys.load(c.key_id for c in checkpoints)
    for cp in checkpoints:
        key = keys.get(cp.key_id)
        if key is None or not checkpoint_valid(cp, key):
            return ChainBreak(f"checkpoint:{cp.seq}", cp.seq, f"{what} signature is invalid")
    return None


def _stored(rows: Iterable[AuditCheckpoint]) -> list[Checkpoint]:
    return [Checkpoint(r.seq, r.head_hash, r.at, r.key_id, r.signature) for r in rows]


async def verify(supplied: Sequence[Checkpoint] = (), *, batch: int = 1000,
                 legacy_head: bool = False) -> Verification:
    """The whole chain, then every stored checkpoint and every ``supplied`` one against it
    (``meterwise audit verify``; the hourly checkpoint uses ``verify_since_checkpoint``).

    Legacy (unkeyed) events verify as such only before the first keyed one, and the newest
    event must be keyed (``legacy_head`` lifts that for ``checkpoint``, which then appends a
    keyed event): otherwise an attacker could rewrite the whole log as a legacy chain.
    A stored checkpoint with a bad signature is a break (forged or edited). A supplied one
    whose key is gone (it cannot be checked) is still compared: the operator vouches for it.
    A checkpoint beyond the end of the chain means the newest events were deleted.
    """
    stored = _stored(await AuditCheckpoint.all().order_by("seq"))
    forged = await _signatures(stored, "stored checkpoint")
    if forged is not None:
        return Verification(0, 0, forged)
    cp_keys = _Keys(CHECKPOINT_KEY)
    await cp_keys.load(c.key_id for c in supplied)
    notes: list[str] = []
    for cp in supplied:
        key = cp_keys.get(cp.key_id)
        if key is None:
            notes.append(f"checkpoint seq {cp.seq}: its key is gone, compared unsigned")
        elif not checkpoint_valid(cp, key):
            return Verification(0, 0, ChainBreak(f"checkpoint:{cp.seq}", cp.seq,
                                                 "supplied checkpoint signature is invalid"))
    anchors = {cp.seq: cp for cp in (*stored, *supplied)}
    walk = await _walk(after_seq=0, after_hash=GENESIS_HASH, keyed=False, anchors=anchors,
                       batch=batch)
    broken = walk.broken or (None if legacy_head else _unsealed(walk))
    checked = walk.checked
    for seq in sorted(anchors):
        if broken is not None:
            break
        cp = anchors[seq]
        if seq not in walk.heads:
            broken = ChainBreak(
                f"seq:{checked + 1}", checked + 1,
                f"events {checked + 1}-{seq} are missing: a checkpoint of {cp.at.isoformat()} "
                f"recorded {seq} events, the log ends at {checked}")
        elif walk.heads[seq] != cp.head_hash:
            broken = ChainBreak(f"seq:{seq}", seq, "the chain differs from the checkpoint at "
                                "this event (rewritten after the checkpoint)")
    if broken is not None:
        return Verification(checked, 0, broken, tuple(notes))
    return Verification(checked, len(anchors), None, tuple(notes), walk.head_seq,
                        walk.head_hash)


async def verify_since_checkpoint(*, batch: int = 1000) -> Verification:
    """The chain from the newest stored checkpoint on: it costs what was added since.

    The newest checkpoint pins its head (seq and hash); what comes before it is what the
    earlier checkpoints verified, and only a full ``verify`` re-checks it. Its signature is
    checked and its head must still be in the log with that hash (newest events deleted, or
    the head rewritten, is a break); then every later event links on from it. With no
    checkpoint yet (or a legacy head) this is the full ``verify``.
    """
    newest = await AuditCheckpoint.all().order_by("-seq").only("seq").first()
    if newest is None or newest.seq == 0:
        return await verify(batch=batch)
    seq = newest.seq
    pinned = _stored(await AuditCheckpoint.filter(seq=seq))
    forged = await _signatures(pinned, "stored checkpoint")
    if forged is not None:
        return Verification(0, 0, forged)
    head = await AuditEvent.get_or_none(seq=seq)
    if head is None:
        last = await AuditEvent.all().order_by("-seq").only("seq").first()
        end = last.seq if last else 0
        return Verification(0, 0, ChainBreak(
            f"seq:{end + 1}", end + 1, f"events {end + 1}-{seq} are missing: a checkpoint of "
            f"{pinned[0].at.isoformat()} recorded {seq} events, the log ends at {end}"))
    if any(cp.head_hash != head.hash for cp in pinned):
        return Verification(0, 0, ChainBreak(str(head.id), seq, "the chain differs from the "
                                             "checkpoint at this event (rewritten after it)"))
    if head.key_id is None:
        return await verify(batch=batch)
    walk = await _walk(after_seq=seq, after_hash=head.hash, keyed=True, anchors=(),
                       batch=batch)
    if walk.broken is not None:
        return Verification(walk.checked, 0, walk.broken)
    return Verification(walk.checked, len(pinned), None, (), walk.head_seq, walk.head_hash)


async def checkpoint(*, append: Callable[[], Awaitable[None]] | None = None) -> Checkpoint:
    """Verify what was added since the last checkpoint, then sign and store the head;
    ``AuditChainBroken`` if it is broken (nothing is appended or signed then).

    ``append`` writes events that this checkpoint must cover (``audit checkpoint``'s own
    operator-access entry) once the chain verified; only the events after the verified head
    are walked again. Operators keep the printed line (``format_checkpoint``) somewhere else
    too: checkpoints in the database can be deleted along with the events they anchor.
    """
    newest = await AuditEvent.all().order_by("-seq").only("key_id").first()
    if newest is not None and newest.key_id is None:  # the first checkpoint after upgrading
        legacy = await verify(legacy_head=True)
        if legacy.broken is not None:
            raise AuditChainBroken(legacy.broken)
        await record("audit.sealed_legacy", account_id=None, actor_id=None, target=None,
                     ip=None, user_agent=None, metadata={"legacy_events": legacy.checked})
    result = await verify_since_checkpoint()
    if result.broken is not None:
        raise AuditChainBroken(result.broken)
    head_seq, head_hash = result.head_seq, result.head_hash
    if append is not None:
        await append()
        walk = await _walk(after_seq=head_seq, after_hash=head_hash, keyed=head_seq > 0,
                           anchors=(), batch=1000)
        broken = walk.broken or _unsealed(walk)
        if broken is not None:
            raise AuditChainBroken(broken)
        head_seq, head_hash = walk.head_seq, walk.head_hash
    key_id, key = await vault.system_key(CHECKPOINT_KEY)
    signed = sign_checkpoint(key, seq=head_seq, head_hash=head_hash, at=clock.now(),
                             key_id=key_id)
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
