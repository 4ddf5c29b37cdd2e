"""Cost estimates from tokens, for days a provider reported usage but no cost.

Prices come from the ``genai-prices`` package's bundled, dated price table (no network):
the price in force on the bucket's day is used, so re-estimating old days is stable.
Unknown models or token-free rows (images, audio seconds) get no estimate rather than a
wrong one.

A row is a day's sum of many requests, so the table's context tiers (priced by the input of
ONE request) must not be chosen from the row's total: a row is priced at the base price, or
at the long-context price when the provider reported it as long context. Batch, priority and
flex rows (their tier is in the usage line item) use the table's price for that tier, 1-hour
cache writes and audio tokens their own prices, wherever the table knows them.
"""

from __future__ import annotations

import logging
import warnings
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from genai_prices import Usage, calc_price
from genai_prices.types import ModelPrice, TieredPrices

from meterwise.providers import UsageRow
from meterwise.providers.line_items import usage_terms

log = logging.getLogger(__name__)

QUANTUM = Decimal("0.000000000001")  # usage_record.cost has 12 decimal places
GENAI_PROVIDER_IDS = {"openai": "openai", "anthropic": "anthropic", "openrouter": "openrouter"}
# our tier names -> the price table's request context
PRICE_CONTEXTS: dict[str, dict[str, str]] = {
    "batch": {"processing": "batch"},
    "priority": {"service_tier": "priority"},
    "flex": {"service_tier": "flex"},
}


def estimate_cost(provider: str, row: UsageRow) -> Decimal | None:
    """The row's cost at the list price of its day and tier, or None when it cannot be priced."""
    if row.model is None or not (row.input_tokens or row.output_tokens):
        return None
    provider_id = GENAI_PROVIDER_IDS.get(provider)
    if provider_id is None or not _known(provider_id, row.model):
        return None
    tier, context = usage_terms(row.line_item)
    try:
        table = calc_price(Usage(input_tokens=1), row.model, provider_id=provider_id,
                           genai_request_timestamp=_noon(row.bucket_start),
                           price_context=PRICE_CONTEXTS.get(tier)).model_price
        price = _at_context(table, long=context == "long").calc_price(_usage(row))
    except (LookupError, ValueError):
        return None
    return price["total_price"].quantize(QUANTUM)


def _usage(row: UsageRow) -> Usage:
    values = {
        "input_tokens": row.input_tokens,
        "output_tokens": row.output_tokens,
        "cache_read_tokens": row.cached_input_tokens,
        "cache_write_tokens": row.cache_write_tokens,
        "input_audio_tokens": row.input_audio_tokens,
        "output_audio_tokens": row.output_audio_tokens,
    }
    if row.cache_write_1h_tokens:
        values["cache_write_1h_tokens"] = row.cache_write_1h_tokens
        values["cache_write_5m_tokens"] = row.cache_write_tokens - row.cache_write_1h_tokens
    return Usage(**{name: value for name, value in values.items() if value})


def _at_context(table: ModelPrice, *, long: bool) -> ModelPrice:
    """The table's prices with every context tier fixed: base, or the highest tier if long."""
    fixed = {}
    for name, value in table.__dict__.items():
        if name.startswith("_") or value is None:
            continue
        if isinstance(value, TieredPrices):
            value = value.tiers[-1].price if long and value.tiers else value.base
        fixed[name] = value
    return ModelPrice(**fixed)


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
