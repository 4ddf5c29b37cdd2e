"""Each real-API rule of `fakeproviders.rules`, sent to its fake over real HTTP.

One request per row; the fakes' data runs into today, so the rules about the day in progress
have something to hide.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from meterwise.config import ProviderKind
from meterwise.fakeproviders import Fakes, start_fakes
from meterwise.fakeproviders.rules import COVERAGE, RULES, Probe, Rule


@pytest.fixture(scope="module")
def fakes_today() -> Iterator[Fakes]:
    """Ten days of data ending today (the day in progress included), with usage and cost
    seeded for today, so the rules about the day in progress have something to hide."""
    today = datetime.now(UTC).date()
    with start_fakes(seed=6, start_day=today - timedelta(days=9), days=10) as running:
        for fake in (running.openai, running.anthropic):
            assert fake.dataset.usage_on(today) and fake.dataset.costs_on(today)
        yield running


def _headers(fakes: Fakes, kind: ProviderKind, probe: Probe) -> dict[str, str]:
    fake = fakes.by_kind(kind)
    key = {"valid": fake.valid_key, "inference": fake.extra_keys.get("inference", "")}.get(
        probe.key, probe.key)
    headers: dict[str, str | None] = (
        {"x-api-key": key, "anthropic-version": "2023-06-01"}
        if kind is ProviderKind.ANTHROPIC else {"Authorization": f"Bearer {key}"})
    headers.update(probe.headers)
    return {name: value for name, value in headers.items() if value is not None}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
async def test_the_fake_answers_each_rule_as_the_provider_does(
    fakes_today: Fakes, rule: Rule
) -> None:
    fake = fakes_today.by_kind(rule.kind)
    fake.reset()
    if rule.setup is not None:
        rule.setup(fake.switches)
    now = datetime.now(UTC)
    probe = rule.probe(now)
    try:
        async with httpx.AsyncClient() as client:
            response = await client.get(f"{fake.base_url}{probe.path}", params=probe.params,
                                        headers=_headers(fakes_today, rule.kind, probe))
    finally:
        fake.reset()
    assert response.status_code == rule.status, response.text[:500]
    assert rule.check(response.json(), now), response.text[:2000]
    assert all(name in response.headers for name in rule.headers)


def test_rule_ids_are_unique_and_cite_a_source() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(r.source and r.says and r.section.split(" ")[0] in ("0.1", "6") for r in RULES)


def test_every_bullet_of_sections_0_1_and_6_has_a_rule() -> None:
    ids = {r.id for r in RULES}
    assert all(rules and set(rules) <= ids for rules in COVERAGE.values())
    covered = {rule_id for rules in COVERAGE.values() for rule_id in rules}
    assert covered == ids  # and no rule sits outside the list
