"""Hash chain for the tamper-evident audit log (pure logic, no database).

Each event stores `prev_hash` (the previous event's hash) and `hash` =
SHA-256(prev_hash || canonical bytes of the event), or HMAC-SHA-256 with a server key.
Events carry a gap-free, increasing `seq` that is itself hashed, so a verifier walking the
events in `seq` order detects an edited row (its hash no longer matches), a removed row
(a gap in `seq`, and a `prev_hash` that points to nothing), reordered rows and inserted
rows (`seq` out of order or a broken link).

Without a key, someone with write access to the database could recompute the whole chain
after an edit; with a key kept outside the database (e.g. derived from the master key) they
cannot. Deleting the *newest* events leaves a shorter but valid chain: only an anchor
kept elsewhere (the latest `seq`/hash, exported or stored outside the audit table) shows it.
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
    "ChainBreak",
    "ChainedEvent",
    "EventFields",
    "canonical_bytes",
    "chain_hash",
    "find_chain_break",
    "verify_chain",
]

GENESIS_HASH = "0" * 64
_HEX64 = re.compile(r"[0-9a-f]{64}")


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


@dataclass(frozen=True, slots=True)
class ChainedEvent:
    """An event as stored: its fields plus the two chain hashes."""

    fields: EventFields
    prev_hash: str
    hash: str


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


def canonical_bytes(event: EventFields) -> bytes:
    """Deterministic UTF-8 JSON of the event: sorted keys, no spaces, UTC ISO time.

    Metadata should hold strings, integers, booleans and nesting of those; floats may not
    survive a JSON database column byte-for-byte.
    """
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
    text = json.dumps(
        doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


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
    start_prev_hash: str = GENESIS_HASH,
    start_seq: int = 1,
) -> ChainBreak | None:
    """The first event (in the given order, which must be `seq` order) that breaks the chain.

    `start_prev_hash`/`start_seq` let a verifier resume from a trusted checkpoint instead
    of the genesis event.
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
        try:
            actual = chain_hash(event.prev_hash, f, key=key)
        except (ValueError, TypeError) as exc:
            return ChainBreak(str(f.id), f.seq, f"event cannot be serialised: {exc}")
        if not hmac.compare_digest(event.hash.encode(), actual.encode()):
            return ChainBreak(str(f.id), f.seq, "content does not match its hash")
        expected_prev = event.hash
        expected_seq += 1
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
