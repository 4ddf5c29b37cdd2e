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

from meterwise.fakeproviders.dataset import CostRecord, Dataset, UsageRecord
from meterwise.providers.base import ProviderKind

M = Decimal("0.000001")  # per-million prices become per-token prices

OPENAI_MODELS: list[tuple[str, str, Decimal, Decimal, Decimal]] = [
    # endpoint, model, input $/token (or $/unit), cached input $/token, output $/token
    ("completions", "gpt-4o-2024-08-06", Decimal("2.50") * M, Decimal("1.25") * M, Decimal(10) * M),
    ("completions", "gpt-4o-mini-2024-07-18", Decimal("0.15") * M, Decimal("0.075") * M,
     Decimal("0.60") * M),
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
UNIT_NAMES = {"images": "images", "audio_speeches": "characters",
              "audio_transcriptions": "duration seconds"}

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


def _rng(seed: int, kind: ProviderKind) -> random.Random:
    return random.Random(f"{seed}:{kind.value}")  # noqa: S311 - test data, not security


def _days(start_day: date, days: int) -> list[date]:
    return [start_day + timedelta(days=i) for i in range(days)]


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
                    u = UsageRecord(day, endpoint, model, project, key)
                    if endpoint == "completions":
                        u.input_tokens = rng.randint(10_000, 3_000_000)
                        u.cached_input_tokens = rng.randint(0, u.input_tokens // 2)
                        u.cache_write_5m = rng.randint(0, u.input_tokens // 20)
                        u.output_tokens = rng.randint(1_000, u.input_tokens // 3)
                        u.requests = max(1, u.input_tokens // rng.randint(800, 4000))
                        uncached = u.input_tokens - u.cached_input_tokens
                        lines = [("input", uncached, p_in), ("cached input",
                                 u.cached_input_tokens, p_cached),
                                 ("output", u.output_tokens, p_out)]
                    elif endpoint in UNIT_NAMES:
                        u.units = rng.randint(1, 400 if endpoint == "images" else 200_000)
                        u.requests = max(1, u.units // rng.randint(1, 50))
                        lines = [(UNIT_NAMES[endpoint], u.units, p_in)]
                    else:
                        u.input_tokens = rng.randint(1_000, 2_000_000)
                        u.requests = max(1, u.input_tokens // rng.randint(100, 1000))
                        lines = [("input", u.input_tokens, p_in)]
                    usage.append(u)
                    for direction, quantity, price in lines:
                        costs.append(CostRecord(day, f"{model}, {direction}", model, project, key,
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
                    u = UsageRecord(day, "messages", model, workspace, key)
                    u.cached_input_tokens = rng.randint(0, uncached)
                    u.cache_write_5m = rng.randint(0, uncached // 10)
                    u.cache_write_1h = rng.randint(0, uncached // 20)
                    u.input_tokens = (uncached + u.cached_input_tokens + u.cache_write_5m
                                      + u.cache_write_1h)
                    u.output_tokens = rng.randint(500, uncached // 4)
                    usage.append(u)
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
                u = UsageRecord(day, "activity", model, None, None, input_tokens=prompt,
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
