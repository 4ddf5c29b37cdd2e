"""OpenAI cost `line_item` strings -> what they are: model, token type, tier, context, modality.

The spec's only example is `"input_tokens"`; live data uses forms like
`"priority | gpt-4o-2024-08-06, output, long context"` (PROVIDERS.md 0.1). A naive
"split at the last comma" gets the model wrong for most of them, so parsing is driven by the
tables below: an optional known tier prefix (`"<tier> | "`), a model id (no spaces, optional
modality word), a known token type, then known qualifiers. `FORMS` lists every form seen
live with what it means; the tests run each one. Anything else is kept under its raw line
item with no model, counted in `meterwise_unparsed_line_items_total`, and never guessed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from prometheus_client import Counter

log = logging.getLogger(__name__)

# Defined here, not in services.metrics: providers may not import services (layering).
UNPARSED = Counter("meterwise_unparsed_line_items_total",
                   "Provider cost line items kept raw because no known form matched.",
                   ["provider"])

TIERS = {"priority": "priority"}  # batch and flex labels are unconfirmed: not listed
TOKEN_TYPES = {
    "input": "input",
    "output": "output",
    "cached input": "cached_input",
    "cache writes": "cache_write",
    "audio": "audio",  # "whisper-1, audio": transcription audio (seconds)
}
QUALIFIERS = {"long context": "long"}
MODALITIES = {"audio": "audio", "text": "text"}
FINE_TUNE_PREFIX = ("ft-", "ft:")  # costs spell fine-tunes `ft-`, usage rows `ft:`
# whole line items that name no model (tool and storage charges)
FIXED = {
    "web search tool calls": "web_search_calls",
    "vector storage": "vector_storage",
}


# the providers' tier and context names -> ours (absent/None is the default tier)
USAGE_TIERS = {
    "standard": "default", "default": "default", "auto": "default",
    "batch": "batch", "priority": "priority", "priority_on_demand": "priority",
    "flex": "flex", "flex_discount": "flex",
}
USAGE_CONTEXTS = {"0-200k": "standard", "200k-1M": "long"}
LONG_CONTEXT = "long context"


def usage_line_item(report: str, tier: str | None = None, context: str | None = None) -> str:
    """`report`, plus " | <tier>" and ", long context" when they are not the defaults.

    Unknown tier names are kept as sent (priced at standard rates), never mapped by guess.
    """
    ours = USAGE_TIERS.get(tier, tier) if tier else "default"
    terms = [] if ours == "default" else [ours]
    if USAGE_CONTEXTS.get(context or "", "standard") == "long":
        terms.append(LONG_CONTEXT)
    return f"{report} | {', '.join(terms)}" if terms else report


def usage_terms(line_item: str) -> tuple[str, str]:
    """(tier, context) of a usage row's line item: the inverse of `usage_line_item`."""
    _report, bar, rest = line_item.partition(" | ")
    if not bar:
        return "default", "standard"
    terms = rest.split(", ")
    context = "long" if LONG_CONTEXT in terms else "standard"
    tiers = [t for t in terms if t != LONG_CONTEXT]
    return (tiers[0] if tiers else "default"), context


@dataclass(frozen=True, slots=True)
class LineItem:
    """One parsed line item. `model` is None for fixed charges and for unknown forms."""

    raw: str
    model: str | None
    token_type: str | None  # input | output | cached_input | cache_write | audio | None
    tier: str = "default"  # default | priority
    context: str = "standard"  # standard | long
    modality: str | None = None  # text | audio | None (not stated)
    charge: str | None = None  # web_search_calls | vector_storage for fixed charges

    @property
    def known(self) -> bool:
        return self.model is not None or self.charge is not None


# Every form seen on live data, with its meaning (the tests parse each one).
FORMS: tuple[LineItem, ...] = (
    LineItem("gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06", "input"),
    LineItem("gpt-4o-2024-08-06, output", "gpt-4o-2024-08-06", "output"),
    LineItem("gpt-4o-2024-08-06, cached input", "gpt-4o-2024-08-06", "cached_input"),
    LineItem("gpt-4o-2024-08-06, cache writes", "gpt-4o-2024-08-06", "cache_write"),
    LineItem("priority | gpt-4.1-2025-04-14, output, long context", "gpt-4.1-2025-04-14",
             "output", tier="priority", context="long"),
    LineItem("gpt-4.1-2025-04-14, input, long context", "gpt-4.1-2025-04-14", "input",
             context="long"),
    LineItem("gpt-4o-audio-preview-2024-12-17 audio, input", "gpt-4o-audio-preview-2024-12-17",
             "input", modality="audio"),
    LineItem("gpt-4o-audio-preview-2024-12-17 text, cached input",
             "gpt-4o-audio-preview-2024-12-17", "cached_input", modality="text"),
    LineItem("whisper-1, audio", "whisper-1", "audio"),
    LineItem("ft-gpt-4o-mini-2024-07-18:acme::B1xYz9, input",
             "ft:gpt-4o-mini-2024-07-18:acme::B1xYz9", "input"),
    LineItem("web search tool calls", None, None, charge="web_search_calls"),
    LineItem("Vector storage", None, None, charge="vector_storage"),
)


def parse_line_item(raw: str) -> LineItem:
    """The meaning of one OpenAI cost line item; unknown forms keep only `raw`."""
    fixed = FIXED.get(raw.strip().lower())
    if fixed is not None:
        return LineItem(raw, None, None, charge=fixed)
    parsed = _parse_model_form(raw)
    return parsed if parsed is not None else LineItem(raw, None, None)


def _parse_model_form(raw: str) -> LineItem | None:
    rest, tier = raw, "default"
    prefix, bar, after = raw.partition(" | ")
    if bar:
        if prefix not in TIERS:
            return None
        rest, tier = after, TIERS[prefix]
    parts = rest.split(", ")
    if len(parts) < 2 or parts[1] not in TOKEN_TYPES:
        return None
    qualifiers = parts[2:]
    if any(q not in QUALIFIERS for q in qualifiers) or len(set(qualifiers)) != len(qualifiers):
        return None
    words = parts[0].split(" ")
    modality = None
    if len(words) == 2 and words[1] in MODALITIES:
        modality = MODALITIES[words[1]]
    elif len(words) != 1:
        return None
    model = words[0]
    if not model:
        return None
    if model.startswith(FINE_TUNE_PREFIX[0]):
        model = FINE_TUNE_PREFIX[1] + model[len(FINE_TUNE_PREFIX[0]):]
    return LineItem(raw, model, TOKEN_TYPES[parts[1]], tier=tier,
                    context=QUALIFIERS[qualifiers[0]] if qualifiers else "standard",
                    modality=modality)


def model_of(provider: str, raw: str) -> str | None:
    """The model a cost line item is for, or None (a fixed charge, or unparsed and counted)."""
    item = parse_line_item(raw)
    if not item.known and raw:
        UNPARSED.labels(provider=provider).inc()
        log.info("%s cost line item %r has no known form; kept raw", provider, raw[:200])
    return item.model
