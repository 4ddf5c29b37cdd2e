"""Fake OpenAI, Anthropic and OpenRouter usage/cost servers for tests and the demo.

Faithful to PROVIDERS.md, seeded and deterministic, steerable at runtime (latency, 429 with
Retry-After, 5xx, 401/403, revised buckets, spec-vs-observed amounts), over HTTP or TLS.
"""

from meterwise.fakeproviders.control import FakeState, Hit, Switches
from meterwise.fakeproviders.dataset import (
    CostRecord,
    Dataset,
    Totals,
    TotalsKey,
    UsageRecord,
    summarise_rows,
)
from meterwise.fakeproviders.generate import GENERATORS
from meterwise.fakeproviders.server import FakeProvider, Fakes, ServerThread, start_fakes

__all__ = [
    "GENERATORS",
    "CostRecord",
    "Dataset",
    "FakeProvider",
    "FakeState",
    "Fakes",
    "Hit",
    "ServerThread",
    "Switches",
    "Totals",
    "TotalsKey",
    "UsageRecord",
    "start_fakes",
    "summarise_rows",
]
