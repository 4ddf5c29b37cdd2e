"""Deterministic, realistic-looking data for each fake provider from (seed, start day, days).

Prices are plausible list prices, only there to make costs look real; they are exact
decimals so every amount is exact. Some days are quiet (no usage: empty buckets) and some
keys/projects are null (Console usage, default workspace) to exercise null grouping keys.
Fast enough for the demo: 90 days of all three providers is a few thousand records.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

from meterwise.config import ProviderKind
from meterwise.fakeproviders.dataset import CostRecord, Dataset, UsageRecord

M = Decimal("0.000001")  # per-million prices become per-token prices

OPENAI_MODELS: list[tuple[str, str, Decimal, Decimal, Decimal]] = [
    # endpoint, model, input $/token (or $/unit), cached input $/token, output $/token
    ("completions", "gpt-4o-2024-08-06", Decimal("2.50") * M, Decimal("1.25") * M, Decimal(10) * M),
    ("completions", "gpt-4o-mini-2024-07-18", Decimal("0.15") * M, Decimal("0.075") * M,
     Decimal("0.60") * M),
    ("completions", "gpt-4.1-2025-04-14", Decimal(2) * M, Decimal("0.50") * M, Decimal(8) * M),
    ("completions", "gpt-4o-audio-preview-2024-12-17", Decimal("2.50") * M, Decimal("1.25") * M,
     Decimal(10) * M),
    ("completions", "ft:gpt-4o-mini-2024-07-18:acme::B1xYz9", Decimal("0.30") * M,
     Decimal("0.15") * M, Decimal("1.20") * M),
    ("embeddings", "text-embedding-3-small", Decimal("0.02") * M, Decimal(0), Decimal(0)),
    ("moderations", "omni-moderation-latest", Decimal(0), Decimal(0), Decimal(0)),
    ("images", "dall-e-3", Decimal("0.04"), Decimal(0), Decimal(0)),
    ("audio_speeches", "tts-1", Decimal(15) * M, Decimal(0), Decimal(0)),
    ("audio_transcriptions", "whisper-1", Decimal("0.0001"), Decimal(0), Decimal(0)),
]
OPENAI_PROJECTS: dict[str, list[str | None]] = {
    "proj_abc": ["key_abc", None],
    "proj_web": ["key_web1"],
}
# cost line item direction of the unit reports; only "audio" (whisper) is a confirmed form,
# so the others are served as unknown forms whose model a parser must not guess
UNIT_NAMES = {"images": "images", "audio_speeches": "characters",
              "audio_transcriptions": "audio"}
CONFIRMED_UNIT_LINES = {"audio_transcriptions"}
# priority tier and long context are served on this model's lines (PROVIDERS.md 0.1 forms)
TIERED_MODEL = "gpt-4.1-2025-04-14"
AUDIO_MODEL = "gpt-4o-audio-preview-2024-12-17"
TOOL_LINES = [("web search tool calls", Decimal("0.01")),
              ("Vector storage", Decimal("0.10"))]

ANTHROPIC_MODELS: list[tuple[str, str, tuple[Decimal, Decimal, Decimal, Decimal, Decimal]]] = [
    # model, display name, (input, output, cache read, cache write 5m, cache write 1h) $/token
    ("claude-sonnet-4-20250514", "Claude Sonnet 4",
     (Decimal(3) * M, Decimal(15) * M, Decimal("0.30") * M, Decimal("3.75") * M, Decimal(6) * M)),
    ("claude-3-5-haiku-20241022", "Claude Haiku 3.5",
     (Decimal("0.80") * M, Decimal(4) * M, Decimal("0.08") * M, Decimal(1) * M,
      Decimal("1.6") * M)),
    ("claude-opus-4-1-20250805", "Claude Opus 4.1",
     (Decimal(15) * M, Decimal(75) * M, Decimal("1.50") * M, Decimal("18.75") * M,
      Decimal(30) * M)),
]
ANTHROPIC_WORKSPACES: dict[str | None, list[str | None]] = {
    None: [None, "apikey_01DefaultWorkspaceKey"],  # null workspace = default; null key = Console
    "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ": ["apikey_01Rj2N8SVvo6BePZj99NhmiT"],
}
ANTHROPIC_TOKEN_TYPES = [
    ("uncached_input_tokens", "Input Tokens"),
    ("output_tokens", "Output Tokens"),
    ("cache_read_input_tokens", "Cache Read Input Tokens"),
    ("cache_creation.ephemeral_5m_input_tokens", "Cache Write (5m) Input Tokens"),
    ("cache_creation.ephemeral_1h_input_tokens", "Cache Write (1h) Input Tokens"),
]

OPENROUTER_MODELS: list[tuple[str, str, list[str], Decimal, Decimal]] = [
    ("openai/gpt-4.1", "openai/gpt-4.1-2025-04-14", ["OpenAI"], Decimal(2) * M, Decimal(8) * M),
    ("anthropic/claude-sonnet-4", "anthropic/claude-4-sonnet-20250522",
     ["Anthropic", "Amazon Bedrock"], Decimal(3) * M, Decimal(15) * M),
    ("meta-llama/llama-3.3-70b-instruct", "meta-llama/llama-3.3-70b-instruct",
     ["DeepInfra", "Together"], Decimal("0.13") * M, Decimal("0.39") * M),
]

OPENROUTER_WORKSPACES = ["0d3a6c5e-2f41-4b8e-9c7a-5e1f2a3b4c5d",
                         "7b9e1f20-8c3d-4a5b-b6c7-d8e9f0a1b2c3"]


def _rng(seed: int, kind: ProviderKind) -> random.Random:
    return random.Random(f"{seed}:{kind.name}")  # noqa: S311 - test data, not security


def _days(start_day: date, days: int) -> list[date]:
    return [start_day + timedelta(days=i) for i in range(days)]


def _completion_lines(model: str, u: UsageRecord, p_in: Decimal, p_cached: Decimal,
                      p_out: Decimal, style: str) -> list[tuple[str, int, Decimal]]:
    """The cost line items of one completions record, in the forms seen on live data."""
    name = "ft-" + model[3:] if model.startswith("ft:") else model
    uncached = u.input_tokens - u.cached_input_tokens - u.cache_write_tokens
    if model == AUDIO_MODEL:
        audio_in = uncached // 3
        u.extra["input_audio_tokens"] = str(audio_in)
        u.extra["output_audio_tokens"] = str(u.output_tokens)
        return [(f"{name} audio, input", audio_in, p_in * 16),
                (f"{name} text, input", uncached - audio_in, p_in),
                (f"{name} text, cached input", u.cached_input_tokens, p_cached),
                (f"{name} audio, output", u.output_tokens, p_out * 8)]
    prefix = "priority | " if "priority" in style else ""
    suffix = ", long context" if "long" in style else ""
    lines = [(f"{prefix}{name}, input{suffix}", uncached, p_in),
             (f"{prefix}{name}, cached input{suffix}", u.cached_input_tokens, p_cached),
             (f"{prefix}{name}, output{suffix}", u.output_tokens, p_out)]
    if u.cache_write_tokens:
        lines.append((f"{prefix}{name}, cache writes{suffix}", u.cache_write_tokens, p_in))
    return lines


def openai_dataset(seed: int, start_day: date, days: int) -> Dataset:
    rng = _rng(seed, ProviderKind.OPENAI)
    usage: list[UsageRecord] = []
    costs: list[CostRecord] = []
    for day in _days(start_day, days):
        if rng.random() < 0.1:
            continue  # a quiet day: every bucket of it is empty
        for endpoint, model, p_in, p_cached, p_out in OPENAI_MODELS:
            for project, keys in OPENAI_PROJECTS.items():
                for key in keys:
                    if rng.random() < 0.35:
                        continue
                    u = UsageRecord(day, endpoint, model, project, key,
                                    hour=rng.randint(0, 23))
                    line_model: str | None = model
                    if endpoint == "completions":
                        u.input_tokens = rng.randint(10_000, 3_000_000)
                        u.cached_input_tokens = rng.randint(0, u.input_tokens // 2)
                        u.cache_write_5m = rng.randint(0, u.input_tokens // 20)
                        u.output_tokens = rng.randint(1_000, u.input_tokens // 3)
                        u.requests = max(1, u.input_tokens // rng.randint(800, 4000))
                        style = rng.choice(["standard", "priority", "long", "priority long"]) \
                            if model == TIERED_MODEL else "standard"
                        if "priority" in style:
                            u.extra["service_tier"] = "priority"
                        lines = _completion_lines(model, u, p_in, p_cached, p_out, style)
                    elif endpoint in UNIT_NAMES:
                        u.units = rng.randint(1, 400 if endpoint == "images" else 200_000)
                        u.requests = max(1, u.units // rng.randint(1, 50))
                        lines = [(f"{model}, {UNIT_NAMES[endpoint]}", u.units, p_in)]
                        if endpoint not in CONFIRMED_UNIT_LINES:
                            line_model = None
                    else:
                        u.input_tokens = rng.randint(1_000, 2_000_000)
                        u.requests = max(1, u.input_tokens // rng.randint(100, 1000))
                        lines = [(f"{model}, input", u.input_tokens, p_in)]
                    usage.append(u)
                    for line_item, quantity, price in lines:
                        costs.append(CostRecord(day, line_item, line_model, project, key,
                                                quantity * price, quantity))
        for line_item, price in TOOL_LINES:
            if rng.random() < 0.5:
                quantity = rng.randint(1, 500)
                costs.append(CostRecord(day, line_item, None, "proj_abc", None,
                                        quantity * price, quantity))
    return Dataset(ProviderKind.OPENAI, seed, start_day, days, usage, costs)


def anthropic_dataset(seed: int, start_day: date, days: int) -> Dataset:
    rng = _rng(seed, ProviderKind.ANTHROPIC)
    usage: list[UsageRecord] = []
    amounts: dict[tuple[date, str | None, str], CostRecord] = {}
    for day in _days(start_day, days):
        if rng.random() < 0.1:
            continue
        for model, display, prices in ANTHROPIC_MODELS:
            for workspace, keys in ANTHROPIC_WORKSPACES.items():
                for key in keys:
                    if rng.random() < 0.3:
                        continue
                    uncached = rng.randint(5_000, 2_000_000)
                    u = UsageRecord(day, "messages", model, workspace, key,
                                    hour=rng.randint(0, 23))
                    u.cached_input_tokens = rng.randint(0, uncached)
                    u.cache_write_5m = rng.randint(0, uncached // 10)
                    u.cache_write_1h = rng.randint(0, uncached // 20)
                    u.input_tokens = (uncached + u.cached_input_tokens + u.cache_write_5m
                                      + u.cache_write_1h)
                    u.output_tokens = rng.randint(500, uncached // 4)
                    usage.append(u)
                    if rng.random() < 0.1:  # Priority Tier: not in the cost report
                        u.extra["service_tier"] = "priority"
                        continue
                    quantities = [uncached, u.output_tokens, u.cached_input_tokens,
                                  u.cache_write_5m, u.cache_write_1h]
                    for (token_type, label), quantity, price in zip(
                        ANTHROPIC_TOKEN_TYPES, quantities, prices, strict=True
                    ):
                        description = f"{display} Usage - {label}"
                        rec = amounts.setdefault(
                            (day, workspace, description),
                            CostRecord(day, description, model, workspace, None, Decimal(0),
                                       extra={"cost_type": "tokens", "token_type": token_type,
                                              "service_tier": "standard",
                                              "context_window": "0-200k"}),
                        )
                        rec.amount += quantity * price
            if rng.random() < 0.15:
                searches = rng.randint(1, 300)
                amounts[(day, None, "Web Search Usage")] = CostRecord(
                    day, "Web Search Usage", None, None, None, searches * Decimal("0.01"),
                    extra={"cost_type": "web_search"},
                )
    return Dataset(ProviderKind.ANTHROPIC, seed, start_day, days, usage, list(amounts.values()))


def openrouter_dataset(seed: int, start_day: date, days: int) -> Dataset:
    rng = _rng(seed, ProviderKind.OPENROUTER)
    endpoints = {
        (model, provider): str(uuid.UUID(int=rng.getrandbits(128), version=4))
        for model, _slug, providers, _pi, _po in OPENROUTER_MODELS
        for provider in providers
    }
    usage: list[UsageRecord] = []
    for day in _days(start_day, days):
        if rng.random() < 0.1:
            continue
        for model, slug, providers, p_in, p_out in OPENROUTER_MODELS:
            for provider in providers:
                if rng.random() < 0.3:
                    continue
                tiny = rng.random() < 0.1  # a few requests: amounts like 1.2e-05
                prompt = rng.randint(2, 20) if tiny else rng.randint(1_000, 1_500_000)
                completion = rng.randint(1, 5) if tiny else rng.randint(100, prompt // 3 + 100)
                workspace = OPENROUTER_WORKSPACES[rng.randrange(len(OPENROUTER_WORKSPACES))]
                u = UsageRecord(day, "activity", model, workspace, None, input_tokens=prompt,
                                output_tokens=completion,
                                requests=1 if tiny else max(1, prompt // rng.randint(500, 3000)),
                                cost=prompt * p_in + completion * p_out)
                u.extra = {"model_permaslug": slug, "provider_name": provider,
                           "endpoint_id": endpoints[(model, provider)],
                           "reasoning_tokens": str(completion // 10)}
                usage.append(u)
    return Dataset(ProviderKind.OPENROUTER, seed, start_day, days, usage, [])


GENERATORS = {
    ProviderKind.OPENAI: openai_dataset,
    ProviderKind.ANTHROPIC: anthropic_dataset,
    ProviderKind.OPENROUTER: openrouter_dataset,
}
