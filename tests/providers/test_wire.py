"""Provider-specific wire behaviour of adapters and fakes (PROVIDERS.md traps)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from meterwise.config import ProviderKind
from meterwise.fakeproviders import Fakes, summarise_rows
from meterwise.providers import (
    InvalidCredentials,
    ProviderResponseError,
    RetryPolicy,
    get_adapter,
)
from meterwise.providers.line_items import FORMS, UNPARSED, model_of, parse_line_item
from meterwise.providers.openrouter import KEY_USAGE_LINE_ITEM
from tests.providers.support import adapter_for, window


async def test_openai_spec_numbers_and_extra_fields_parse_the_same(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.openai
    fake.switches.amounts_as_numbers = True
    fake.switches.extras = True
    result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    assert summarise_rows(result.rows) == fake.dataset.expected()


async def test_openai_costs_arrive_as_strings_by_default(
    fakes: Fakes, client: httpx.AsyncClient
) -> None:
    fake = fakes.openai
    start, _ = window(fake)
    body = (await client.get(
        f"{fake.base_url}/organization/costs",
        params={"start_time": int(start.timestamp()), "group_by": "line_item,project_id",
                "limit": 3},
        headers={"Authorization": f"Bearer {fake.valid_key}"},
    )).json()
    values = [r["amount"]["value"] for b in body["data"] for r in b["results"]]
    assert values and all(isinstance(v, str) for v in values)
    assert any("e" in v for v in values) and any(v.endswith("0" * 20) for v in values)


@pytest.mark.parametrize("style", ["brackets", "repeated", "comma"])
async def test_openai_fake_accepts_every_group_by_encoding(
    fakes: Fakes, client: httpx.AsyncClient, style: str
) -> None:
    fake = fakes.openai
    start, end = window(fake)
    groups = ["model", "project_id"]
    params: list[tuple[str, str | int]] = [("start_time", int(start.timestamp())),
                                           ("end_time", int(end.timestamp()))]
    if style == "brackets":
        params += [("group_by[]", g) for g in groups]
    elif style == "repeated":
        params += [("group_by", g) for g in groups]
    else:
        params += [("group_by", ",".join(groups))]
    response = await client.get(f"{fake.base_url}/organization/usage/completions",
                                params=params,
                                headers={"Authorization": f"Bearer {fake.valid_key}"})
    results = [r for b in response.json()["data"] for r in b["results"]]
    assert results and all(r["model"] and r["api_key_id"] is None and r["user_id"] is None
                           for r in results)


async def test_openai_first_bucket_starts_at_start_time_and_empty_days_have_buckets(
    fakes: Fakes, client: httpx.AsyncClient
) -> None:
    fake = fakes.openai
    start, _ = window(fake)
    unaligned = int((start + timedelta(hours=17, minutes=31)).timestamp())
    body = (await client.get(
        f"{fake.base_url}/organization/usage/moderations",
        params={"start_time": unaligned, "limit": 31},
        headers={"Authorization": f"Bearer {fake.valid_key}"},
    )).json()
    first = body["data"][0]
    assert first["start_time"] == unaligned
    assert first["end_time"] == int((start + timedelta(days=1)).timestamp())
    assert body["has_more"] is True and body["next_page"].startswith("page_")


async def test_openai_fake_enforces_limit_maximum(fakes: Fakes, client: httpx.AsyncClient) -> None:
    fake = fakes.openai
    response = await client.get(
        f"{fake.base_url}/organization/usage/completions",
        params={"start_time": 0, "limit": 32},
        headers={"Authorization": f"Bearer {fake.valid_key}"},
    )
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.raw)
def test_every_live_line_item_form_parses_to_its_meaning(form: object) -> None:
    assert isinstance(form, type(FORMS[0]))
    assert parse_line_item(form.raw) == form


@pytest.mark.parametrize("raw", [
    "Text tokens", "input_tokens", "batch | gpt-4o-2024-08-06, input",
    "gpt-4o-2024-08-06, input, short context", "gpt-4o-2024-08-06, thinking",
    "gpt 4o mini, input", "priority | , input", "dall-e-3, images",
])
def test_unknown_line_items_keep_no_model_and_are_counted(raw: str) -> None:
    before = UNPARSED.labels(provider="openai")._value.get()
    assert model_of("openai", raw) is None
    assert UNPARSED.labels(provider="openai")._value.get() == before + 1


def test_fixed_charges_name_no_model_and_are_not_counted_as_unknown() -> None:
    before = UNPARSED.labels(provider="openai")._value.get()
    assert model_of("openai", "Vector storage") is None
    assert UNPARSED.labels(provider="openai")._value.get() == before


async def test_anthropic_rows_add_up_token_parts_and_convert_cents(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.anthropic
    fake.switches.extras = True
    result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    usage = [r for r in result.rows if r.source == "usage"]
    assert all(r.input_tokens >= r.cached_input_tokens + r.cache_write_tokens for r in usage)
    assert any(r.project is None for r in usage) and any(r.api_key_id is None for r in usage)
    assert all(r.requests == 0 for r in usage)  # the usage report has no request count
    costs = [r for r in result.rows if r.source == "cost"]
    assert {r.currency for r in costs} == {"USD"}
    assert sum((r.cost or Decimal(0) for r in costs), Decimal(0)) == fake.dataset.total_cost()


async def test_anthropic_fake_requires_the_version_header(
    fakes: Fakes, client: httpx.AsyncClient
) -> None:
    fake = fakes.anthropic
    response = await client.get(
        f"{fake.base_url}/v1/organizations/cost_report",
        params={"starting_at": "2026-01-01T00:00:00Z"}, headers={"x-api-key": fake.valid_key},
    )
    body = response.json()
    assert response.status_code == 400 and body["type"] == "error"
    assert body["error"]["type"] == "invalid_request_error"
    assert response.headers["request-id"] == body["request_id"]


async def test_openrouter_gives_credits_to_a_management_key(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.openrouter
    result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    assert result.credits is not None
    assert result.credits.total_usage == fake.dataset.total_cost()
    assert result.credits.balance == result.credits.total_credits - result.credits.total_usage


async def test_openrouter_inference_key_reads_today_from_key_only(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.openrouter
    key = fake.extra_keys["inference"]
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    result = await adapter_for(fake, client, retry).fetch(key, today - timedelta(days=5),
                                                          today + timedelta(days=1))
    assert [(r.source, r.line_item, r.bucket_start) for r in result.rows] == [
        ("cost", KEY_USAGE_LINE_ITEM, today)
    ]
    assert result.credits is None
    assert [h.path.rsplit("/", 1)[1] for h in fake.hits] == ["key", "credits"]


async def test_openrouter_activity_is_one_call_by_workspace(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.openrouter
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    result = await adapter_for(fake, client, retry).fetch(
        fake.valid_key, today - timedelta(days=90), today + timedelta(days=1))
    activity = [h for h in fake.hits if h.path.endswith("/activity")]
    assert [(h.query, h.status) for h in activity] == [("group_by=workspace", 200)]
    projects = {row.project for row in result.rows}
    assert projects == {u.project for u in fake.dataset.usage} and None not in projects


async def test_openrouter_inference_key_is_refused_activity_by_the_fake(
    fakes: Fakes, client: httpx.AsyncClient
) -> None:
    fake = fakes.openrouter
    response = await client.get(f"{fake.base_url}/activity", headers={
        "Authorization": f"Bearer {fake.extra_keys['inference']}"})
    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": 403, "message": "Only management keys can perform this operation",
        "metadata": None}


async def test_malformed_pages_are_response_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"object": "page", "data": [], "has_more": True,
                                         "next_page": None})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as mock:
        adapter = get_adapter(ProviderKind.OPENAI, base_url="https://api.test/v1", client=mock)
        now = datetime.now(UTC)
        with pytest.raises(ProviderResponseError, match="next_page"):
            await adapter.fetch("sk-admin-test", now - timedelta(days=1), now)


async def test_invalid_credentials_message_is_readable(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy
) -> None:
    fake = fakes.anthropic
    with pytest.raises(InvalidCredentials) as caught:
        await adapter_for(fake, client, retry).validate_key("sk-ant-admin01-nope")
    assert str(caught.value) == "Anthropic rejected the API key (401): invalid x-api-key"
