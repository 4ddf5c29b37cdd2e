"""Hash chain for the tamper-evident audit log (pure logic, no database).

Each event stores `prev_hash` (the previous event's hash) and `hash` =
SHA-256(prev_hash || canonical bytes of the event), or HMAC-SHA-256 with a server key.
Events carry a gap-free, increasing `seq` that is itself hashed, so a verifier walking the
events in `seq` order detects an edited row (its hash no longer matches), a removed row
(a gap in `seq`, and a `prev_hash` that points to nothing), reordered rows and inserted
rows (`seq` out of order or a broken link).

Without a key, someone with write access to the database could recompute the whole chain
after an edit; with a key kept outside the database (derived from the master key) they
cannot. Each keyed event names its key (`key_id`), so verification survives key changes;
once a keyed event has been seen, an unkeyed one after it is a break (no downgrade).

Version 2 events (those with a `personal_digest`) hash a salted digest of their personal
fields (target, IP, user agent, metadata) instead of the fields themselves: erasing those
fields and the salt (account deletion) keeps the chain verifiable, and without the salt the
digest cannot be brute-forced back to an IP. Legacy events (no digest) that were erased can
only be checked by their links.

Deleting the *newest* events leaves a shorter but valid chain: only an anchor kept elsewhere
shows it. `Checkpoint`s are those anchors: (seq, head hash, time) signed with a separate key,
stored in the database and printed for the operator to keep off the box.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "GENESIS_HASH",
    "PERSONAL_SALT_SIZE",
    "ChainBreak",
    "ChainedEvent",
    "Checkpoint",
    "EventFields",
    "canonical_bytes",
    "chain_hash",
    "checkpoint_valid",
    "find_chain_break",
    "format_checkpoint",
    "parse_checkpoint",
    "personal_digest",
    "sign_checkpoint",
    "verify_chain",
]

GENESIS_HASH = "0" * 64
PERSONAL_SALT_SIZE = 16
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CHECKPOINT_TAG = "meterwise-audit-checkpoint"


@dataclass(frozen=True, slots=True)
class EventFields:
    """The hashed content of one audit event. Never put a secret in any field."""

    seq: int
    id: str
    action: str
    occurred_at: datetime
    account_id: str | None = None
    actor_id: str | None = None
    target: str | None = None
    ip: str | None = None
    user_agent: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    personal_digest: str | None = None  # set: a version 2 event (see the module doc)

    @property
    def has_personal(self) -> bool:
        return bool(self.target or self.ip or self.user_agent or self.metadata)


@dataclass(frozen=True, slots=True)
class ChainedEvent:
    """An event as stored: its fields, the two chain hashes, and how it is keyed.

    ``salt`` is the personal digest's salt (None once erased); ``erased`` marks an event whose
    personal fields were wiped (account deletion).
    """

    fields: EventFields
    prev_hash: str
    hash: str
    key_id: str | None = None
    salt: bytes | None = None
    erased: bool = False


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where and why verification failed."""

    event_id: str
    seq: int
    reason: str


def _iso_utc(moment: datetime) -> str:
    # Fixed microsecond precision: what PostgreSQL's timestamptz stores, so a value read
    # back from the database serialises to exactly the same text.
    if moment.tzinfo is None:
        raise ValueError("audit event times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _json(doc: Mapping[str, Any]) -> bytes:
    text = json.dumps(
        doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def personal_digest(salt: bytes, *, target: str | None, ip: str | None,
                    user_agent: str | None, metadata: Mapping[str, Any]) -> str:
    """HMAC-SHA-256 under a per-event random salt of the event's personal fields."""
    doc = {"target": target, "ip": ip, "user_agent": user_agent, "metadata": dict(metadata)}
    return hmac.new(salt, _json(doc), hashlib.sha256).hexdigest()


def canonical_bytes(event: EventFields) -> bytes:
    """Deterministic UTF-8 JSON of the event: sorted keys, no spaces, UTC ISO time.

    Metadata should hold strings, integers, booleans and nesting of those; floats may not
    survive a JSON database column byte-for-byte. A version 2 event stands for its personal
    fields by their digest.
    """
    if event.personal_digest is not None:
        return _json({
            "v": 2,
            "seq": int(event.seq),
            "id": str(event.id),
            "account_id": None if event.account_id is None else str(event.account_id),
            "actor_id": None if event.actor_id is None else str(event.actor_id),
            "action": event.action,
            "time": _iso_utc(event.occurred_at),
            "personal": event.personal_digest,
        })
    doc = {
        "seq": int(event.seq),
        "id": str(event.id),
        "account_id": None if event.account_id is None else str(event.account_id),
        "actor_id": None if event.actor_id is None else str(event.actor_id),
        "action": event.action,
        "target": event.target,
        "time": _iso_utc(event.occurred_at),
        "ip": event.ip,
        "user_agent": event.user_agent,
        "metadata": dict(event.metadata),
    }
    return _json(doc)


def chain_hash(prev_hash: str, event: EventFields, *, key: bytes | None = None) -> str:
    """The event's hash: SHA-256 (or HMAC-SHA-256 with `key`) of prev hash + content."""
    if not _HEX64.fullmatch(prev_hash):
        raise ValueError("prev_hash must be 64 lower-case hex characters")
    data = prev_hash.encode("ascii") + b"\n" + canonical_bytes(event)
    if key is not None:
        return hmac.new(key, data, hashlib.sha256).hexdigest()
    return hashlib.sha256(data).hexdigest()


def find_chain_break(
    events: Iterable[ChainedEvent],
    *,
    key: bytes | None = None,
    keys: Mapping[str, bytes] | None = None,
    start_prev_hash: str = GENESIS_HASH,
    start_seq: int = 1,
    require_key: bool = False,
) -> ChainBreak | None:
    """The first event (in the given order, which must be `seq` order) that breaks the chain.

    An event with a ``key_id`` is checked with ``keys[key_id]`` (missing: a break); one
    without uses ``key`` (None: unkeyed, legacy), and is a break once a keyed event came
    before it (``require_key`` carries that across batches). ``start_prev_hash``/
    ``start_seq`` let a verifier resume from a trusted point instead of the genesis event.
    """
    expected_prev = start_prev_hash
    expected_seq = start_seq
    for event in events:
        f = event.fields
        if f.seq != expected_seq:
            reason = (
                "missing event(s) before this one"
                if f.seq > expected_seq
                else ("sequence out of order or duplicated")
            )
            return ChainBreak(str(f.id), f.seq, reason)
        if not hmac.compare_digest(event.prev_hash.encode(), expected_prev.encode()):
            return ChainBreak(str(f.id), f.seq, "prev_hash does not match the previous event")
        problem = _content_problem(event, key, keys, require_key)
        if problem is not None:
            return ChainBreak(str(f.id), f.seq, problem)
        require_key = require_key or event.key_id is not None
        expected_prev = event.hash
        expected_seq += 1
    return None


def _content_problem(event: ChainedEvent, key: bytes | None, keys: Mapping[str, bytes] | None,
                     require_key: bool) -> str | None:
    f = event.fields
    if event.key_id is not None:
        key = (keys or {}).get(event.key_id)
        if key is None:
            return f"its audit key {event.key_id} is not available"
    elif require_key:
        return "unkeyed event after keyed ones"
    if event.erased or (f.personal_digest is not None and event.salt is None):
        if f.has_personal:
            return "erased event still holds personal fields"
        if f.personal_digest is None:
            return None  # a legacy event erased: only its links can be checked
    elif f.personal_digest is not None:
        if event.salt is None:
            return "personal digest without its salt"
        actual_digest = personal_digest(event.salt, target=f.target, ip=f.ip,
                                        user_agent=f.user_agent, metadata=f.metadata)
        if not hmac.compare_digest(actual_digest, f.personal_digest):
            return "personal fields do not match their digest"
    try:
        actual = chain_hash(event.prev_hash, f, key=key)
    except (ValueError, TypeError) as exc:
        return f"event cannot be serialised: {exc}"
    if not hmac.compare_digest(event.hash.encode(), actual.encode()):
        return "content does not match its hash"
    return None


def verify_chain(
    events: Iterable[ChainedEvent],
    *,
    key: bytes | None = None,
    start_prev_hash: str = GENESIS_HASH,
    start_seq: int = 1,
) -> str | None:
    """Id of the first broken event, or None when the whole chain is intact."""
    broken = find_chain_break(events, key=key, start_prev_hash=start_prev_hash, start_seq=start_seq)
    return None if broken is None else broken.event_id


# --- checkpoints ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed anchor: the chain had ``seq`` events ending in ``head_hash`` at ``at``."""

    seq: int
    head_hash: str
    at: datetime
    key_id: str
    signature: str


def _checkpoint_message(seq: int, head_hash: str, at: datetime, key_id: str) -> bytes:
    return f"{_CHECKPOINT_TAG}/v1\n{seq}\n{head_hash}\n{_iso_utc(at)}\n{key_id}".encode()


def sign_checkpoint(key: bytes, *, seq: int, head_hash: str, at: datetime,
                    key_id: str) -> Checkpoint:
    """A checkpoint signed with HMAC-SHA-256 under the (separate) checkpoint key."""
    if not _HEX64.fullmatch(head_hash):
        raise ValueError("head_hash must be 64 lower-case hex characters")
    signature = hmac.new(key, _checkpoint_message(seq, head_hash, at, key_id),
                         hashlib.sha256).hexdigest()
    return Checkpoint(seq, head_hash, at, key_id, signature)


def checkpoint_valid(checkpoint: Checkpoint, key: bytes) -> bool:
    expected = sign_checkpoint(key, seq=checkpoint.seq, head_hash=checkpoint.head_hash,
                               at=checkpoint.at, key_id=checkpoint.key_id)
    return hmac.compare_digest(expected.signature, checkpoint.signature)


def format_checkpoint(checkpoint: Checkpoint) -> str:
    """One line an operator can keep anywhere (a log system, a ticket, a file)."""
    return (f"{_CHECKPOINT_TAG} v1 seq={checkpoint.seq} hash={checkpoint.head_hash} "
            f"at={_iso_utc(checkpoint.at)} key={checkpoint.key_id} sig={checkpoint.signature}")


def parse_checkpoint(line: str) -> Checkpoint:
    """The checkpoint in a line printed by ``format_checkpoint`` (ValueError if malformed).

    Leading text (a log prefix) is ignored: the line is read from the tag on.
    """
    at_tag = line.find(_CHECKPOINT_TAG)
    if at_tag < 0:
        raise ValueError("not an audit checkpoint line")
    words = line[at_tag:].split()
    if len(words) < 7 or words[1] != "v1":
        raise ValueError("unsupported audit checkpoint line")
    parts = dict(word.split("=", 1) for word in words[2:7] if "=" in word)
    try:
        seq = int(parts["seq"])
        at = datetime.strptime(parts["at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        head, key_id, signature = parts["hash"], parts["key"], parts["sig"]
    except (KeyError, ValueError) as exc:
        raise ValueError(f"malformed audit checkpoint line: {exc}") from None
    if seq < 0 or not _HEX64.fullmatch(head) or not _HEX64.fullmatch(signature):
        raise ValueError("malformed audit checkpoint line")
    return Checkpoint(seq, head, at, key_id, signature)
