"""``services/deliveries``: the outbox steps spend and incidents share.

A failed enqueue must never fail the caller (the row is already stored; the sweep sends
it), and the sweep counts only rows that ended delivered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import pytest

from meterwise import wiring
from meterwise.models.spend import DeliveryStatus
from meterwise.services.deliveries import deliver_each, enqueue_sends


class RefusingQueue:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def enqueue(self, job: str, **kwargs: Any) -> None:
        self.calls.append((job, kwargs))
        if len(self.calls) == 1:
            raise ConnectionError("redis is down")


@dataclass
class Row:
    status: DeliveryStatus


async def test_a_failed_enqueue_is_logged_and_the_rest_still_queued(
        caplog: pytest.LogCaptureFixture) -> None:
    queue = RefusingQueue()
    ids = [uuid4(), uuid4()]
    with wiring.override(jobs=queue), caplog.at_level(logging.ERROR):
        await enqueue_sends("spend.deliver", "delivery_id", ids, what="delivery")
    assert queue.calls == [("spend.deliver", {"delivery_id": str(i)}) for i in ids]
    assert f"could not enqueue delivery {ids[0]}" in caplog.text


async def test_without_a_queue_nothing_is_queued() -> None:
    with wiring.override(jobs=None):
        await enqueue_sends("spend.deliver", "delivery_id", [uuid4()], what="delivery")


async def test_the_sweep_counts_only_delivered_rows() -> None:
    outcomes = {1: Row(DeliveryStatus.DELIVERED), 2: None, 3: Row(DeliveryStatus.PENDING)}
    seen: list[UUID] = []

    async def deliver(ident: UUID) -> Row | None:
        seen.append(ident)
        return outcomes[ident.int]

    assert await deliver_each([str(UUID(int=n)) for n in outcomes], deliver) == 1
    assert seen == [UUID(int=n) for n in outcomes]
