"""Every real-API rule the fakes enforce, one row each, with its source in PROVIDERS.md.

A row says what the provider does (`says`), where that is written (`section`, `source`, and
how sure that source is), one request that exercises it (`probe`, built from the fake's
clock), and what the answer must be (`status`, and `check` on the decoded body). The test
`tests/providers/test_fake_rules.py` sends every probe to a running fake, so a fake cannot
drift from a rule it claims, and `COVERAGE` names each bullet of PROVIDERS.md 0.1 and 6 so
a rule cannot be dropped silently.

Probes run against fakes whose data reaches into today (the day in progress).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from meterwise.config import ProviderKind
from meterwise.fakeproviders.control import Switches
from meterwise.providers.line_items import FORMS, parse_line_item

Sureness = Literal["primary", "secondary", "unconfirmed"]
AN, OA, OR = ProviderKind.ANTHROPIC, ProviderKind.OPENAI, ProviderKind.OPENROUTER
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
MISSING_SCOPES = "Missing scopes: api.usage.read"


@dataclass(frozen=True)
class Probe:
    """One GET: a path under the fake's base URL, its query, which key, header overrides.

    `key` is "valid" (the fake's admin/management key), "inference" (OpenRouter's inference
    key) or a literal key; a header mapped to None is left out.
    """

    path: str
    params: list[tuple[str, str]] = field(default_factory=list)
    key: str = "valid"
    headers: Mapping[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: ProviderKind
    section: str  # the PROVIDERS.md section: "0.1" or "6" (and the detail section)
    source: str  # the upstream source PROVIDERS.md cites for it
    sureness: Sureness
    says: str
    probe: Callable[[datetime], Probe]
    status: int
    check: Callable[[Any, datetime], bool] = lambda body, now: True
    setup: Callable[[Switches], None] | None = None
    headers: tuple[str, ...] = ()  # response headers that must be present


def _set(**values: Any) -> Callable[[Switches], None]:
    """A setup that flips these switches before the probe."""
    def apply(switches: Switches) -> None:
        for name, value in values.items():
            setattr(switches, name, value)
    return apply


def _day(now: datetime, offset: int = 0) -> datetime:
    return now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0) + \
        timedelta(days=offset)


def _z(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _unix(value: datetime) -> str:
    return str(int(value.timestamp()))


def _results(body: Any) -> list[dict[str, Any]]:
    return [r for bucket in body["data"] for r in bucket["results"]]


def _an_error(kind: str) -> Callable[[Any, datetime], bool]:
    return lambda body, now: body["type"] == "error" and body["error"]["type"] == kind \
        and isinstance(body["request_id"], str)


def _oa_error(body: Any, now: datetime) -> bool:
    return set(body["error"]) == {"message", "type", "param", "code"}


def _line_shape(raw: str) -> tuple[Any, ...]:
    item = parse_line_item(raw)
    return (item.token_type, item.tier, item.context, item.modality, item.charge,
            raw.startswith("ft-") or raw.startswith("priority | ft-"))


def _serves_every_live_form(body: Any, now: datetime) -> bool:
    served = {_line_shape(r["line_item"]) for r in _results(body)}
    return all(_line_shape(form.raw) in served for form in FORMS)


def _grouped_usage(params: list[tuple[str, str]]) -> Callable[[datetime], Probe]:
    """Nine days of completions usage with these group_by parameters."""
    def probe(now: datetime) -> Probe:
        return Probe(OA_USAGE, [("start_time", _unix(_day(now, -9))),
                                ("end_time", _unix(_day(now))), ("limit", "31"), *params])
    return probe


ANTHROPIC_COST = "/v1/organizations/cost_report"
ANTHROPIC_USAGE = "/v1/organizations/usage_report/messages"
COOKBOOK = "anthropics/claude-cookbooks observability/usage_cost_api.ipynb"
AN_CONSUMERS = "langwatch/langwatch #7177 / PR #7178; constructorfabric/insight #1901 / PR #1926"
OA_USAGE = "/organization/usage/completions"
OA_COSTS = "/organization/costs"

RULES: tuple[Rule, ...] = (
    # ---- Anthropic, PROVIDERS.md 0.1 -------------------------------------------------------
    Rule("anthropic.cost.future_end", AN, "0.1", f"{COOKBOOK}; {AN_CONSUMERS}", "secondary",
         "cost_report rejects an ending_at in the future: 400 invalid_request_error",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -2))),
                                            ("ending_at", _z(_day(now, 1)))]),
         400, _an_error("invalid_request_error")),
    Rule("anthropic.cost.default_end", AN, "0.1", f"{COOKBOOK}; {AN_CONSUMERS}", "secondary",
         "without ending_at the cost report ends at today 00:00 UTC",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -3))),
                                            ("limit", "31")]),
         200, lambda body, now: body["has_more"] is False
         and body["data"][-1]["ending_at"] == _z(_day(now)), setup=_set(page_buckets=31)),
    Rule("anthropic.cost.no_whole_day", AN, "0.1", AN_CONSUMERS, "secondary",
         "a range that covers no whole day (today 00:00, no ending_at) is a 400 'Invalid date "
         "range: ending date must be after starting date'",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now)))]),
         400, lambda body, now: body["error"]["message"].startswith("Invalid date range")),
    Rule("anthropic.cost.key_check_range", AN, "0.1", COOKBOOK, "secondary",
         "yesterday 00:00 -> today 00:00 is a valid range: one whole bucket",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -1))),
                                            ("ending_at", _z(_day(now))), ("limit", "1")]),
         200, lambda body, now: [b["starting_at"] for b in body["data"]] == [_z(_day(now, -1))]),
    Rule("anthropic.cost.no_day_in_progress", AN, "0.1", f"{COOKBOOK}; [AN3]", "secondary",
         "the cost report has no data for the day in progress",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -1)))]),
         200, lambda body, now: all(b["starting_at"] != _z(_day(now)) for b in body["data"])),
    Rule("anthropic.usage.today_in_hours", AN, "0.1", "[AN1][AN1b]; " + COOKBOOK, "secondary",
         "today's usage comes as 1h buckets up to the current hour, none still running",
         lambda now: Probe(ANTHROPIC_USAGE, [
             ("starting_at", _z(_day(now))),
             ("ending_at", _z(now.replace(minute=0, second=0, microsecond=0))),
             ("bucket_width", "1h"), ("limit", "24")]),
         200, lambda body, now: len(body["data"]) == now.astimezone(UTC).hour and all(
             b["ending_at"] <= _z(now.replace(minute=0, second=0, microsecond=0))
             for b in body["data"]), setup=_set(page_buckets=31)),
    Rule("anthropic.usage.no_1d_bucket_today", AN, "0.1", "[AN1b]; " + COOKBOOK, "secondary",
         "a 1d usage bucket for today ends tomorrow and is not returned before then",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -1)))]),
         200, lambda body, now: [b["starting_at"] for b in body["data"]] == [_z(_day(now, -1))]),
    Rule("anthropic.usage.future_end", AN, "0.1", "none: PROVIDERS.md says unconfirmed",
         "unconfirmed",
         "usage_report with a future ending_at: the fake refuses it (adapters never send one)",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -1))),
                                             ("ending_at", _z(_day(now, 1)))]),
         400, _an_error("invalid_request_error")),
    Rule("anthropic.cost.no_priority_tier", AN, "0.1", f"{COOKBOOK}; [AN3] api/service-tiers",
         "primary", "Priority Tier spend is not in cost_report (it is in the usage report)",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -9))),
                                            ("ending_at", _z(_day(now))), ("limit", "31"),
                                            ("group_by[]", "description")]),
         200, lambda body, now: all(r["service_tier"] != "priority" for r in _results(body))),
    Rule("anthropic.usage.priority_tier_shown", AN, "0.1", "[AN1][AN3]", "primary",
         "usage grouped by service_tier shows Priority Tier usage",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -9))),
                                             ("ending_at", _z(_day(now))), ("limit", "31"),
                                             ("group_by[]", "service_tier")]),
         200, lambda body, now: any(r["service_tier"] == "priority" for r in _results(body)),
         setup=_set(page_buckets=31)),
    Rule("anthropic.cost.cost_types", AN, "0.1", "[AN2][AN2b]", "primary",
         "cost_type is tokens, web_search, code_execution or session_usage; model is null for "
         "non-token costs",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -9))),
                                            ("ending_at", _z(_day(now))), ("limit", "31"),
                                            ("group_by[]", "description")]),
         200, lambda body, now: all(
             r["cost_type"] in ("tokens", "web_search", "code_execution", "session_usage")
             and (r["cost_type"] == "tokens" or r["model"] is None) for r in _results(body)),
         setup=_set(page_buckets=31)),
    Rule("anthropic.cost.model_only_by_description", AN, "0.1", "[AN2][AN2b]", "primary",
         "model, token_type, service_tier are filled only when grouped by description",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -9))),
                                            ("ending_at", _z(_day(now))), ("limit", "31")]),
         200, lambda body, now: bool(_results(body)) and all(
             r["model"] is None and r["token_type"] is None for r in _results(body)),
         setup=_set(page_buckets=31)),
    Rule("anthropic.cost.no_api_key_dimension", AN, "0.1", "[AN2][AN2b]", "primary",
         "the cost report has no API-key dimension: group_by[]=api_key_id is a 400",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -2))),
                                            ("ending_at", _z(_day(now))),
                                            ("group_by[]", "api_key_id")]),
         400, _an_error("invalid_request_error")),
    # ---- Anthropic, PROVIDERS.md 6 (2.2-2.6) -----------------------------------------------
    Rule("anthropic.auth.admin_key", AN, "6 / 2.2", "[AN1][AN3][AN6]", "primary",
         "a key that is not an admin key is refused: 401 authentication_error",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -1)))],
                           key="sk-ant-api03-not-an-admin-key"),
         401, _an_error("authentication_error")),
    Rule("anthropic.auth.version_header", AN, "6 / 2.2", "[AN1] (the status is the fake's own "
         "choice: UNCONFIRMED)", "unconfirmed",
         "a missing anthropic-version header is a 400 invalid_request_error",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -1)))],
                           headers={"anthropic-version": None}),
         400, _an_error("invalid_request_error")),
    Rule("anthropic.snap_start", AN, "6 / 2.3", "[AN1][AN1b]", "primary",
         "starting_at snaps to the start of its bucket (day, UTC)",
         lambda now: Probe(ANTHROPIC_USAGE, [
             ("starting_at", _z(_day(now, -2) + timedelta(hours=13, minutes=45))),
             ("ending_at", _z(_day(now)))]),
         200, lambda body, now: body["data"][0]["starting_at"] == _z(_day(now, -2))),
    Rule("anthropic.cost.limit_max", AN, "6 / 2.4", "[AN2][AN2b]", "primary",
         "cost_report limit is at most 31",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -2))),
                                            ("limit", "32")]),
         400, _an_error("invalid_request_error")),
    Rule("anthropic.cost.width_1d_only", AN, "6 / 2.4", "[AN2][AN2b]", "primary",
         "cost_report accepts only bucket_width=1d",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -2))),
                                            ("bucket_width", "1h")]),
         400, _an_error("invalid_request_error")),
    Rule("anthropic.usage.limit_1h_max", AN, "6 / 2.3", "[AN1][AN1b]", "primary",
         "usage limit for 1h buckets is at most 168",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -8))),
                                             ("bucket_width", "1h"), ("limit", "169")]),
         400, _an_error("invalid_request_error")),
    Rule("anthropic.usage.limit_1d_default", AN, "6 / 2.3", "[AN1][AN1b]", "primary",
         "usage limit for 1d buckets defaults to 7",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -10))),
                                             ("ending_at", _z(_day(now)))]),
         200, lambda body, now: len(body["data"]) == 7 and body["has_more"] is True,
         setup=_set(page_buckets=31)),
    Rule("anthropic.arrays_bracketed", AN, "6 / 2.3", "[AN1][AN3]", "primary",
         "array parameters are sent as group_by[]=...; grouped keys are filled",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -9))),
                                             ("ending_at", _z(_day(now))),
                                             ("group_by[]", "model"),
                                             ("group_by[]", "workspace_id")]),
         200, lambda body, now: bool(_results(body)) and all(
             r["model"] is not None and r["api_key_id"] is None for r in _results(body))),
    Rule("anthropic.every_bucket", AN, "6 / 2.3", "[AN1b][AN2b]", "primary",
         "every bucket is emitted, empty ones too, oldest first and contiguous",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -9))),
                                             ("ending_at", _z(_day(now))), ("limit", "31")]),
         200, lambda body, now: [b["starting_at"] for b in body["data"]]
         == [_z(_day(now, d)) for d in range(-9, 0)],
         setup=_set(page_buckets=31)),
    Rule("anthropic.empty_buckets", AN, "6 / 2.3", "[AN1b][AN2b]", "primary",
         "a filter (models[]) that matches nothing still gives every bucket, with results []",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -3))),
                                             ("ending_at", _z(_day(now))),
                                             ("models[]", "claude-none")]),
         200, lambda body, now: len(body["data"]) == 3 and _results(body) == []),
    Rule("anthropic.stamps", AN, "6 / 2.3", "[AN1]", "primary",
         "bucket times are strings 'YYYY-MM-DDTHH:MM:SSZ'",
         lambda now: Probe(ANTHROPIC_USAGE, [("starting_at", _z(_day(now, -2))),
                                             ("ending_at", _z(_day(now)))]),
         200, lambda body, now: all(STAMP.match(b["starting_at"]) and STAMP.match(b["ending_at"])
                                    for b in body["data"])),
    Rule("anthropic.cost.cents_strings", AN, "6 / 2.4", "[AN2]", "primary",
         "cost amount is a decimal string in cents; currency is 'USD'",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -9))),
                                            ("ending_at", _z(_day(now))), ("limit", "31")]),
         200, lambda body, now: bool(_results(body)) and all(
             isinstance(r["amount"], str) and r["currency"] == "USD" for r in _results(body))),
    Rule("anthropic.error_shape", AN, "6 / 2.6", "[AN4]", "primary",
         "errors are {type: error, error: {type, message}, request_id} with a request-id "
         "header",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", "yesterday")]),
         400, _an_error("invalid_request_error"), headers=("request-id",)),
    Rule("anthropic.overloaded", AN, "6 / 2.6", "[AN4]", "primary",
         "overload is 529 overloaded_error",
         lambda now: Probe(ANTHROPIC_COST, [("starting_at", _z(_day(now, -1)))]),
         529, _an_error("overloaded_error"),
         setup=_set(fail_5xx=1, status_5xx=529), headers=("request-id",)),
    # ---- OpenAI, PROVIDERS.md 0.1 ----------------------------------------------------------
    Rule("openai.future_end_time", OA, "0.1", "nesszer/Win-CodexBar #191", "secondary",
         "an end_time in the future may be refused (one consumer saw it fail): the fake "
         "refuses it; adapters clamp to now",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -2))),
                                      ("end_time", _unix(_day(now, 1)))]),
         400, _oa_error),
    Rule("openai.line_item_forms", OA, "0.1", "[OA6][OA8][OA9a]; consumers' captures",
         "secondary",
         "costs by line_item carry the live forms: priority | , long context, modality words, "
         "cached input, cache writes, whisper audio, ft-, web search tool calls, Vector storage",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -9))),
                                      ("end_time", _unix(_day(now))), ("limit", "180"),
                                      ("group_by", "line_item")]),
         200, _serves_every_live_form, setup=_set(page_buckets=31)),
    Rule("openai.usage.batch_and_tier", OA, "0.1", "[OA1]", "primary",
         "completions usage groups by batch and service_tier",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now, -9))),
                                      ("end_time", _unix(_day(now))), ("limit", "31"),
                                      ("group_by", "batch"), ("group_by", "service_tier")]),
         200, lambda body, now: {r["service_tier"] for r in _results(body)}
         >= {"default", "priority"} and all(r["batch"] is not None for r in _results(body)),
         setup=_set(page_buckets=31)),
    Rule("openai.usage.units", OA, "0.1", "[OA1]", "primary",
         "images usage carries its own unit (images), not tokens",
         lambda now: Probe("/organization/usage/images", [
             ("start_time", _unix(_day(now, -9))), ("end_time", _unix(_day(now))),
             ("limit", "31")]),
         200, lambda body, now: bool(_results(body)) and all(
             isinstance(r["images"], int) and "input_tokens" not in r for r in _results(body)),
         setup=_set(page_buckets=31)),
    Rule("openai.usage.units_audio", OA, "0.1", "[OA1]", "primary",
         "speech usage counts characters, transcription usage seconds",
         lambda now: Probe("/organization/usage/audio_transcriptions", [
             ("start_time", _unix(_day(now, -9))), ("end_time", _unix(_day(now))),
             ("limit", "31")]),
         200, lambda body, now: bool(_results(body)) and all(
             isinstance(r["seconds"], int) for r in _results(body)),
         setup=_set(page_buckets=31)),
    Rule("openai.costs.no_day_in_progress", OA, "0.1", "[OA10] (unreliable) costs lag usage",
         "secondary", "the day in progress has no cost yet",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now)))]),
         200, lambda body, now: _results(body) == []),
    # ---- OpenAI, PROVIDERS.md 6 (1.3-1.7) --------------------------------------------------
    Rule("openai.auth.bad_admin_key", OA, "6 / 1.7", "[OA13]", "secondary",
         "a wrong admin key is a 401 invalid_api_key",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -1)))],
                           key="sk-admin-wrong-key-0000"),
         401, lambda body, now: body["error"]["code"] == "invalid_api_key"),
    Rule("openai.auth.not_admin", OA, "6 / 1.7", "[OA13] (401 also seen [OA6])", "secondary",
         "a key that is not an admin key is a 403 'Missing scopes: api.usage.read'",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -1)))],
                           key="sk-proj-not-an-admin-key"),
         403, lambda body, now: MISSING_SCOPES in body["error"]["message"]),
    Rule("openai.start_time_required", OA, "6 / 1.3", "[OA1]", "primary",
         "start_time is required",
         lambda now: Probe(OA_COSTS, []), 400, _oa_error),
    Rule("openai.bucket_width_enum", OA, "6 / 1.3", "[OA1]", "primary",
         "bucket_width is one of 1m, 1h, 1d",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now, -1))),
                                      ("bucket_width", "2d")]), 400, _oa_error),
    Rule("openai.costs.width_1d_only", OA, "6 / 1.3", "[OA1]", "primary",
         "costs accept only bucket_width=1d",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -1))),
                                      ("bucket_width", "1h")]), 400, _oa_error),
    Rule("openai.usage.limit_1d_max", OA, "6 / 1.3", "[OA1]", "primary",
         "usage limit for 1d buckets is at most 31",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now, -1))), ("limit", "32")]),
         400, _oa_error),
    Rule("openai.costs.limit_max", OA, "6 / 1.3", "[OA1]", "primary",
         "costs limit is 1..180",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -1))), ("limit", "181")]),
         400, _oa_error),
    Rule("openai.costs.limit_default", OA, "6 / 1.3", "[OA1]", "primary",
         "costs limit defaults to 7 buckets",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -9))),
                                      ("end_time", _unix(_day(now)))]),
         200, lambda body, now: len(body["data"]) == 7 and body["has_more"] is True,
         setup=_set(page_buckets=31)),
    *(Rule(f"openai.group_by_{style}", OA, "6 / 1.3", "[OA4][OA5][OA7] (comma: UNCONFIRMED)",
           "primary" if style != "comma" else "unconfirmed",
           f"group_by is accepted in the {style} encoding",
           _grouped_usage(params),
           200, lambda body, now: bool(_results(body)) and all(
               r["model"] is not None and r["project_id"] is not None for r in _results(body)),
           setup=_set(page_buckets=31))
      for style, params in (
          ("brackets", [("group_by[]", "model"), ("group_by[]", "project_id")]),
          ("repeated", [("group_by", "model"), ("group_by", "project_id")]),
          ("comma", [("group_by", "model,project_id")]))),
    Rule("openai.first_bucket_at_start_time", OA, "6 / 1.5", "[OA4]", "primary",
         "the first bucket starts at start_time, the next at UTC midnight",
         lambda now: Probe(OA_USAGE, [
             ("start_time", _unix(_day(now, -3) + timedelta(hours=17, minutes=31))),
             ("end_time", _unix(_day(now)))]),
         200, lambda body, now: body["data"][0]["start_time"]
         == int((_day(now, -3) + timedelta(hours=17, minutes=31)).timestamp())
         and body["data"][0]["end_time"] == int(_day(now, -2).timestamp())),
    Rule("openai.current_bucket_ends_now", OA, "6 / 1.5", "[OA4]", "primary",
         "without end_time the current bucket ends at now",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now)))]),
         200, lambda body, now: len(body["data"]) == 1
         and body["data"][0]["end_time"] >= int(now.timestamp())
         and body["data"][0]["end_time"] < int(_day(now, 1).timestamp())),
    Rule("openai.empty_buckets", OA, "6 / 1.5", "[OA4]", "primary",
         "days with no usage still get a bucket, with results []",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now, -3))),
                                      ("end_time", _unix(_day(now))), ("models", "gpt-none")]),
         200, lambda body, now: len(body["data"]) == 3 and _results(body) == []),
    Rule("openai.extras_switch", OA, "6 / 1.4", "[OA6]", "secondary",
         "on the extras switch, buckets carry the off-spec start_time_iso / end_time_iso",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now, -2))),
                                      ("end_time", _unix(_day(now)))]),
         200, lambda body, now: all("start_time_iso" in b for b in body["data"]),
         setup=_set(extras=True)),
    Rule("openai.objects_and_null_keys", OA, "6 / 1.4", "[OA1][OA4]", "primary",
         "page, buckets and results carry `object`; every grouping key is present, null when "
         "not grouped",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now, -9))),
                                      ("end_time", _unix(_day(now))), ("group_by", "model")]),
         200, lambda body, now: body["object"] == "page" and bool(_results(body)) and all(
             b["object"] == "bucket" for b in body["data"]) and all(
             r["object"] == "organization.usage.completions.result" and r["project_id"] is None
             and r["api_key_id"] is None and "batch" in r and r["model"] is not None
             for r in _results(body))),
    Rule("openai.costs.amount_strings", OA, "6 / 1.4", "[OA6][OA8][OA9]", "secondary",
         "costs amount.value is a string (observed), currency 'usd'",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -9))),
                                      ("end_time", _unix(_day(now))), ("limit", "31")]),
         200, lambda body, now: bool(_results(body)) and all(
             isinstance(r["amount"]["value"], str) and r["amount"]["currency"] == "usd"
             for r in _results(body)), setup=_set(page_buckets=31)),
    Rule("openai.costs.amount_numbers_switch", OA, "6 / 1.4", "[OA1]", "primary",
         "on the spec switch, amount.value is a JSON number",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -9))),
                                      ("end_time", _unix(_day(now))), ("limit", "31")]),
         200, lambda body, now: bool(_results(body)) and all(
             isinstance(r["amount"]["value"], (int, float)) for r in _results(body)),
         setup=_set(amounts_as_numbers=True, page_buckets=31)),
    Rule("openai.paging", OA, "6 / 1.5", "[OA1][OA4]", "primary",
         "an opaque next_page comes with has_more; the last page has neither",
         lambda now: Probe(OA_USAGE, [("start_time", _unix(_day(now, -9))),
                                      ("end_time", _unix(_day(now)))]),
         200, lambda body, now: body["has_more"] is True and isinstance(body["next_page"], str)),
    Rule("openai.rate_limited", OA, "6 / 1.7", "[OA1] ca34204", "primary",
         "429 carries Retry-After and the error body",
         lambda now: Probe(OA_COSTS, [("start_time", _unix(_day(now, -1)))]),
         429, _oa_error, setup=_set(fail_429=1), headers=("retry-after",)),
    # ---- OpenRouter, PROVIDERS.md 0.1 ------------------------------------------------------
    Rule("openrouter.activity.all_days_one_call", OR, "0.1", "[OR1]", "primary",
         "without date /activity returns the last 30 completed UTC days in one answer, never "
         "today",
         lambda now: Probe("/activity"),
         200, lambda body, now: {i["date"] for i in body["data"]}
         <= {(_day(now, -d)).date().isoformat() for d in range(1, 31)}
         and len({i["date"] for i in body["data"]}) > 5),
    Rule("openrouter.activity.workspace_when_asked", OR, "0.1", "[OR1] .speakeasy/in.openapi.yaml",
         "primary", "workspace_id is on activity items only with group_by=workspace",
         lambda now: Probe("/activity", [("group_by", "workspace")]),
         200, lambda body, now: bool(body["data"]) and all(
             isinstance(i["workspace_id"], str) for i in body["data"])),
    Rule("openrouter.activity.no_workspace_unasked", OR, "0.1", "[OR1]", "primary",
         "without group_by=workspace items have no workspace_id",
         lambda now: Probe("/activity"),
         200, lambda body, now: bool(body["data"]) and all(
             "workspace_id" not in i for i in body["data"])),
    Rule("openrouter.key_any_key", OR, "0.1", "[OR1]", "primary",
         "/key works with any key and tells management keys apart",
         lambda now: Probe("/key", key="inference"),
         200, lambda body, now: body["data"]["is_management_key"] is False),
    Rule("openrouter.credits_management_only", OR, "0.1", "[OR1] bba192f", "primary",
         "/credits needs a management key",
         lambda now: Probe("/credits", key="inference"),
         403, lambda body, now: body["error"]["code"] == 403),
    # ---- OpenRouter, PROVIDERS.md 6 (3.x) --------------------------------------------------
    Rule("openrouter.activity_management_only", OR, "6 / 3.3", "[OR1]", "primary",
         "/activity answers 403 'Only management keys can perform this operation' otherwise",
         lambda now: Probe("/activity", key="inference"),
         403, lambda body, now: body["error"]["message"]
         == "Only management keys can perform this operation"),
    Rule("openrouter.keys_management_only", OR, "6 / 3.4", "[OR1]", "primary",
         "/keys needs a management key too",
         lambda now: Probe("/keys", key="inference"), 403,
         lambda body, now: body["error"]["code"] == 403),
    Rule("openrouter.activity.date_filter", OR, "6 / 3.3", "[OR1]", "primary",
         "/activity honours date",
         lambda now: Probe("/activity", [("date", _day(now, -2).date().isoformat())]),
         200, lambda body, now: {i["date"] for i in body["data"]}
         == {_day(now, -2).date().isoformat()}),
    Rule("openrouter.activity.date_not_today", OR, "6 / 3.3", "[OR1]", "primary",
         "a date outside the last 30 completed days (today) is a 400",
         lambda now: Probe("/activity", [("date", _day(now).date().isoformat())]),
         400, lambda body, now: body["error"]["code"] == 400),
    Rule("openrouter.error_shape", OR, "6 / 3.5", "[OR1]", "primary",
         "errors are {error: {code, message, metadata}}",
         lambda now: Probe("/key", key="sk-or-v1-unknown"),
         401, lambda body, now: set(body["error"]) == {"code", "message", "metadata"}
         and body["error"]["code"] == 401),
)

# Each bullet of PROVIDERS.md 0.1 and 6 -> the rules that exercise it (checked by a test).
COVERAGE: dict[str, tuple[str, ...]] = {
    "0.1 Anthropic: future ending_at is a 400": ("anthropic.cost.future_end",),
    "0.1 Anthropic: no ending_at ends today; no whole day is a 400; validate over yesterday": (
        "anthropic.cost.default_end", "anthropic.cost.no_whole_day",
        "anthropic.cost.key_check_range"),
    "0.1 Anthropic: no cost for the day in progress; today in 1h buckets": (
        "anthropic.cost.no_day_in_progress", "anthropic.usage.today_in_hours",
        "anthropic.usage.no_1d_bucket_today", "anthropic.usage.future_end"),
    "0.1 Anthropic: Priority Tier not in cost_report": (
        "anthropic.cost.no_priority_tier", "anthropic.usage.priority_tier_shown"),
    "0.1 Anthropic: cost_type values, model only by description, no API-key dimension": (
        "anthropic.cost.cost_types", "anthropic.cost.model_only_by_description",
        "anthropic.cost.no_api_key_dimension"),
    "0.1 OpenAI: future end_time": ("openai.future_end_time",),
    "0.1 OpenAI: line_item forms": ("openai.line_item_forms",),
    "0.1 OpenAI: batch and service_tier grouping": ("openai.usage.batch_and_tier",),
    "0.1 OpenAI: own units for images, audio, tools": (
        "openai.usage.units", "openai.usage.units_audio"),
    "0.1 OpenRouter: /activity 30 completed days in one call; workspace when asked": (
        "openrouter.activity.all_days_one_call", "openrouter.activity.workspace_when_asked",
        "openrouter.activity.no_workspace_unasked"),
    "0.1 OpenRouter: /key any key; management told apart by /key": (
        "openrouter.key_any_key",),
    "0.1 OpenRouter: /credits needs a management key": ("openrouter.credits_management_only",),
    "6 OpenAI fake: auth 401/403": ("openai.auth.bad_admin_key", "openai.auth.not_admin"),
    "6 OpenAI fake: start_time required": ("openai.start_time_required",),
    "6 OpenAI fake: bucket_width enum, costs 1d only, limits": (
        "openai.bucket_width_enum", "openai.costs.width_1d_only", "openai.usage.limit_1d_max",
        "openai.costs.limit_max", "openai.costs.limit_default"),
    "6 OpenAI fake: three group_by encodings": (
        "openai.group_by_brackets", "openai.group_by_repeated", "openai.group_by_comma"),
    "6 OpenAI fake: bucket alignment, current bucket ends now, empty buckets": (
        "openai.first_bucket_at_start_time", "openai.current_bucket_ends_now",
        "openai.costs.no_day_in_progress"),
    "6 OpenAI fake: objects, null grouping keys": ("openai.objects_and_null_keys",),
    "6 OpenAI fake: empty buckets; off-spec extras on a switch": (
        "openai.empty_buckets", "openai.extras_switch"),
    "6 OpenAI fake: amount strings, number switch": (
        "openai.costs.amount_strings", "openai.costs.amount_numbers_switch"),
    "6 OpenAI fake: paging": ("openai.paging",),
    "6 OpenAI fake: 429 Retry-After": ("openai.rate_limited",),
    "6 Anthropic fake: auth prefix and version header": (
        "anthropic.auth.admin_key", "anthropic.auth.version_header"),
    "6 Anthropic fake: snap starting_at": ("anthropic.snap_start",),
    "6 Anthropic fake: limits per width": (
        "anthropic.cost.limit_max", "anthropic.cost.width_1d_only",
        "anthropic.usage.limit_1h_max", "anthropic.usage.limit_1d_default"),
    "6 Anthropic fake: bracketed arrays, filters": ("anthropic.arrays_bracketed",
                                                    "anthropic.empty_buckets"),
    "6 Anthropic fake: every bucket, stamp format": ("anthropic.every_bucket",
                                                     "anthropic.stamps"),
    "6 Anthropic fake: cents strings, USD": ("anthropic.cost.cents_strings",),
    "6 Anthropic fake: error shape, request-id, 529": (
        "anthropic.error_shape", "anthropic.overloaded"),
    "6 OpenRouter fake: /key any key": ("openrouter.key_any_key",),
    "6 OpenRouter fake: /credits, /activity, /keys 403 unless management": (
        "openrouter.credits_management_only", "openrouter.activity_management_only",
        "openrouter.keys_management_only"),
    "6 OpenRouter fake: /activity completed days, date filter": (
        "openrouter.activity.date_filter", "openrouter.activity.date_not_today"),
    "6 OpenRouter fake: error body": ("openrouter.error_shape",),
}
