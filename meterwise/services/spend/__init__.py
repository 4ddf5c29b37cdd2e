"""Spend control: budgets and their forecasts, alerts, notification channels, the outbox.

``budgets`` validates and reads budgets (spend comes from the analytics report, never our
own SQL), ``forecast`` predicts period-end spend, ``evaluation`` raises threshold and
forecast alerts, ``alerts`` stores them once and fans them out, ``channels`` and ``outbox``
deliver them (``outbound`` guards every outbound URL, ``senders`` speak each channel kind).
The process wiring (job queue, settings) is ``configure``d once, like the security webhook.
"""

from __future__ import annotations

from dataclasses import dataclass

from meterwise.jobs.base import JobQueue


@dataclass
class _Wiring:
    jobs: JobQueue | None = None


wiring = _Wiring()


def configure(jobs: JobQueue | None) -> None:
    """Set the process's job queue (the runtime and the worker do)."""
    wiring.jobs = jobs
