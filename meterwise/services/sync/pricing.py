"""Cost estimates from tokens, for days a provider reported usage but no cost.

Prices come from the ``genai-prices`` package's bundled, dated price table (no network):
the price in force on the bucket's day is used, so re-estimating old days is stable.
Unknown models or token-free rows (images, audio seconds) get no estimate rather than a
wrong one.
"""

from __future__ import annotations

import logging
import warnings
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from genai_prices import Usage, calc_price

from meterwise.providers import UsageRow

log = logging.getLogger(__name__)

QUANTUM = Decimal("0.000000000001")  # usage_record.cost has 12 decimal places
GENAI_PROVIDER_IDS = {"openai": "openai", "anthropic": "anthropic", "openrouter": "openrouter"}


def estimate_cost(provider: str, row: UsageRow) -> Decimal | None:
    """The row's cost at the list price of its day, or None when it cannot be priced."""
    if row.model is None or not (row.input_tokens or row.output_tokens):
        return None
    provider_id = GENAI_PROVIDER_IDS.get(provider)
    if provider_id is None or not _known(provider_id, row.model):
        return None
    usage = Usage(
        input_tokens=row.input_tokens,
        output_tokens=row.output_tokens,
        cache_read_tokens=row.cached_input_tokens,
        cache_write_tokens=row.cache_write_tokens,
    )
    try:
        price = calc_price(usage, row.model, provider_id=provider_id,
                           genai_request_timestamp=_noon(row.bucket_start))
    except (LookupError, ValueError):
        return None
    return price.total_price.quantize(QUANTUM)


def _noon(bucket_start: datetime) -> datetime:
    """Within the bucket's day, away from midnight price switches."""
    return bucket_start.replace(hour=12, minute=0, second=0, microsecond=0)


@lru_cache(maxsize=1024)
def _known(provider_id: str, model: str) -> bool:
    """Whether the price table knows the model (cached: lookups scan the table)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calc_price(Usage(input_tokens=1), model, provider_id=provider_id)
    except (LookupError, ValueError):
        log.info("no list price for %s model %s; its usage stays unpriced", provider_id, model)
        return False
    return True
