"""Audit-log hash chain: every kind of tampering names the first broken event."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from meterwise.security.auditchain import (
    GENESIS_HASH,
    ChainedEvent,
    EventFields,
    canonical_bytes,
    chain_hash,
    find_chain_break,
    verify_chain,
)

T0 = datetime(2025, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)


def fields(seq: int, **changes: Any) -> EventFields:
    base = EventFields(
        seq=seq,
        id=f"evt-{seq}",
        action="auth.login_succeeded",
        occurred_at=T0 + timedelta(seconds=seq),
        account_id="acct-1",
        actor_id="user-1",
        target=f"session:{seq}",
        ip="203.0.113.7",
        user_agent="curl/8.5",
        metadata={"method": "password", "mfa": True},
    )
    return dataclasses.replace(base, **changes)


def build_chain(n: int, *, key: bytes | None = None) -> list[ChainedEvent]:
    chain: list[ChainedEvent] = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        f = fields(seq)
        digest = chain_hash(prev, f, key=key)
        chain.append(ChainedEvent(f, prev, digest))
        prev = digest
    return chain


def test_intact_chain_verifies() -> None:
    assert verify_chain(build_chain(5)) is None
    assert verify_chain([]) is None


def test_first_event_links_to_genesis() -> None:
    chain = build_chain(1)
    assert chain[0].prev_hash == "0" * 64


def test_canonical_form_is_sorted_compact_json_with_utc_time() -> None:
    local = (T0 + timedelta(seconds=1)).astimezone(timezone(timedelta(hours=2)))
    doc = canonical_bytes(fields(1, occurred_at=local, metadata={"b": 1, "a": "é"}))

    assert doc == canonical_bytes(fields(1, metadata={"a": "é", "b": 1}))
    parsed = json.loads(doc)
    assert parsed["time"] == "2025-01-02T03:04:06.123456Z"
    assert list(parsed) == sorted(parsed)
    assert b": " not in doc and b", " not in doc


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        canonical_bytes(fields(1, occurred_at=datetime(2025, 1, 1)))


def test_edited_event_is_named() -> None:
    chain = build_chain(5)
    chain[2] = dataclasses.replace(chain[2], fields=fields(3, action="auth.logout"))

    assert verify_chain(chain) == "evt-3"
    broken = find_chain_break(chain)
    assert broken is not None and broken.reason == "content does not match its hash"


def test_edited_metadata_is_detected() -> None:
    chain = build_chain(3)
    chain[1] = dataclasses.replace(chain[1], fields=fields(2, metadata={"method": "token"}))

    assert verify_chain(chain) == "evt-2"


def test_removed_event_names_the_one_after_the_gap() -> None:
    chain = build_chain(5)
    del chain[2]

    assert verify_chain(chain) == "evt-4"


def test_removed_first_event_is_detected() -> None:
    assert verify_chain(build_chain(3)[1:]) == "evt-2"


def test_reordered_events_are_detected() -> None:
    chain = build_chain(5)
    chain[1], chain[2] = chain[2], chain[1]

    assert verify_chain(chain) == "evt-3"


def test_renumbered_event_is_detected() -> None:
    chain = build_chain(4)
    # swap the seq values of rows 2 and 3, so ordering by seq still looks gap-free
    a, b = chain[1], chain[2]
    chain[1] = dataclasses.replace(b, fields=dataclasses.replace(b.fields, seq=2))
    chain[2] = dataclasses.replace(a, fields=dataclasses.replace(a.fields, seq=3))

    assert verify_chain(chain) == "evt-3"


def test_inserted_event_is_named() -> None:
    chain = build_chain(4)
    forged = fields(3, id="evt-forged", action="auth.mfa_disabled")
    chain.insert(2, ChainedEvent(forged, chain[1].hash, "f" * 64))

    assert verify_chain(chain) == "evt-forged"


def test_inserted_event_with_recomputed_hash_still_breaks_the_next_link() -> None:
    chain = build_chain(4)
    forged = fields(3, id="evt-forged")
    chain.insert(2, ChainedEvent(forged, chain[1].hash, chain_hash(chain[1].hash, forged)))

    assert verify_chain(chain) == "evt-3"  # seq 3 appears twice


def test_duplicated_event_is_detected() -> None:
    chain = build_chain(3)
    chain.insert(2, chain[1])

    assert verify_chain(chain) == "evt-2"


def test_keyed_chain_cannot_be_forged_without_the_key() -> None:
    key = b"server-audit-key-0123456789abcdef"
    chain = build_chain(3, key=key)

    assert verify_chain(chain, key=key) is None
    assert verify_chain(chain) == "evt-1"  # plain SHA-256 does not match HMAC hashes
    assert verify_chain(build_chain(3), key=key) == "evt-1"


def test_verification_can_resume_from_a_checkpoint() -> None:
    chain = build_chain(5)

    assert verify_chain(chain[3:], start_prev_hash=chain[2].hash, start_seq=4) is None
    assert verify_chain(chain[3:], start_prev_hash=chain[1].hash, start_seq=4) == "evt-4"


def test_bad_prev_hash_format_is_refused() -> None:
    with pytest.raises(ValueError, match="64 lower-case hex"):
        chain_hash("abc", fields(1))
