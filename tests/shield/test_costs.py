"""Every list in the real schema declares its cost; each is refused over the limit, unrun."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import strawberry
from graphql import parse
from starlette.applications import Starlette

from meterwise.config import Settings
from meterwise.schema import build_schema
from meterwise.schema import operations as declared_operations
from meterwise.schema.guards.cost import operation_cost, undeclared_lists
from meterwise.services.analytics.query import Granularity, bucket_count
from tests.shield.support import client_for, codes, fresh_ip, post, shield_app

# The dashboard's heaviest query (README, "API shield"): it must fit the default limits.
DASHBOARD = """query Dashboard($filter: UsageFilter!) {
  me { id email mfaEnabled }
  account { id name role }
  connections { id provider label keyHint status lastSyncedAt lastError }
  usage(filter: $filter, groupBy: [MODEL], granularity: DAY) {
    currency totalCost inputTokens outputTokens requests
    series { bucketStart model cost inputTokens outputTokens requests }
  }
  auditLog(first: 50) { edges { cursor node { id action actorEmail occurredAt } }
                        pageInfo { hasNextPage endCursor } }
  securityEvents(first: 20) { edges { node { id kind severity createdAt } } }
}"""
THIRTY_DAYS = {"from": "2027-01-01T00:00:00Z", "to": "2027-01-31T00:00:00Z"}

# (paginated or bounded field, a query selecting it, what it costs)
PER_FIELD = [
    ("auditLog", "{ auditLog(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }",
     100 * (1 + 2 + 1)),
    ("auditLog default", "{ auditLog { edges { node { id } } } }", 50 * 3),
    ("securityEvents", "{ securityEvents(first: 100) { edges { node { id } } } }", 100 * 3),
    ("members", "{ members(first: 100) { id } }", 100),
    ("members default", "{ members { id } }", 100),
    ("apiTokens", "{ apiTokens(first: 60) { id } }", 60),
    ("sessions", "{ sessions(first: 100) { id } }", 100),
    ("connections", "{ connections { id } }", 50),
    ("usage.series HOUR", '{ usage(filter: {from: "2027-01-01T00:00:00Z", '
     'to: "2027-02-01T00:00:00Z"}, granularity: HOUR) { series { cost } } }', 1 + 31 * 24),
    ("usage.series DAY + connection", '{ usage(filter: {from: "2027-01-01T00:00:00Z", '
     'to: "2027-04-01T00:00:00Z"}) { series { cost connection { id } } } }', 1 + 90 * 2),
]


def test_every_list_of_objects_in_the_schema_declares_its_cost() -> None:
    assert undeclared_lists(build_schema()._schema) == []


@strawberry.type
class Item:
    id: int


@strawberry.type
class ForgetfulQuery:
    @strawberry.field
    def items(self) -> list[Item]:
        return []

    @strawberry.field
    def tags(self) -> list[str]:  # scalars are leaves: free, nothing to declare
        return []


def test_an_undeclared_list_is_caught() -> None:
    schema = strawberry.Schema(query=ForgetfulQuery)._schema
    assert undeclared_lists(schema) == ["ForgetfulQuery.items"]


def test_the_dashboard_query_fits_the_default_cost_limit() -> None:
    schema = build_schema()._schema
    cost = operation_cost(schema, parse(DASHBOARD), None, {"filter": THIRTY_DAYS})
    # me 1, account 1, connections 50, usage 1 + 30 days, auditLog 50 x 4, securityEvents 20 x 3
    assert cost == 1 + 1 + 50 + 31 + 200 + 60 == 343
    assert cost <= Settings().query_max_cost


@pytest.mark.parametrize(("granularity", "start", "end", "buckets"), [
    (Granularity.HOUR, datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 1, 2, tzinfo=UTC), 24),
    (Granularity.HOUR, datetime(2027, 1, 1, 0, 30, tzinfo=UTC),
     datetime(2027, 1, 1, 2, 15, tzinfo=UTC), 3),
    (Granularity.DAY, datetime(2027, 1, 1, 12, tzinfo=UTC), datetime(2027, 1, 3, tzinfo=UTC), 2),
    (Granularity.WEEK, datetime(2026, 12, 31, tzinfo=UTC),  # Thursday: its week began Monday
     datetime(2027, 1, 5, tzinfo=UTC), 2),
    (Granularity.MONTH, datetime(2026, 12, 15, tzinfo=UTC), datetime(2027, 3, 1, tzinfo=UTC), 3),
    (Granularity.MONTH, datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, 1, tzinfo=UTC), 1),
    (Granularity.DAY, datetime(2027, 1, 2, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC), 0),
])
def test_bucket_count(granularity: Granularity, start: datetime, end: datetime,
                      buckets: int) -> None:
    assert bucket_count(start, end, granularity) == buckets


def test_series_cost_follows_span_and_granularity_from_variables() -> None:
    schema = build_schema()._schema
    query = parse("query($f: UsageFilter!, $g: Granularity) "
                  "{ usage(filter: $f, granularity: $g) { series { cost } } }")

    def cost(granularity: str, span: dict[str, str]) -> int:
        return operation_cost(schema, query, None, {"f": span, "g": granularity})

    year = {"from": "2027-01-01T00:00:00Z", "to": "2028-01-01T00:00:00Z"}
    assert cost("DAY", year) == 1 + 365
    assert cost("WEEK", year) == 1 + 53  # 2026-12-28 .. 2027-12-27: 53 ISO weeks touched
    assert cost("MONTH", year) == 1 + 12
    # wider than an HOUR report may span (31 days): costed at the widest, then refused
    assert cost("HOUR", year) == 1 + 31 * 24


@pytest.fixture
def unrun(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts every resolver of the fields above that gets as far as its access check."""
    calls: Counter[str] = Counter()
    for module in (declared_operations,):  # every root field is authorized there
        original: Callable[..., Any] = module.authorize

        def counting(*args: Any, _original: Callable[..., Any] = original,
                     _name: str = module.__name__) -> Any:
            calls[_name] += 1
            return _original(*args)

        monkeypatch.setattr(module, "authorize", counting)
    return calls


@pytest.mark.parametrize(("field", "query", "cost"), PER_FIELD, ids=[f for f, _, _ in PER_FIELD])
async def test_each_list_field_is_refused_over_the_cost_limit_before_resolvers_run(
        app: Starlette, settings: Settings, unrun: Counter[str], field: str, query: str,
        cost: int) -> None:
    def client(limit: int) -> Any:
        return client_for(shield_app(app, settings, real_schema=True, query_max_cost=limit,
                                     rate_limit_anonymous_points=1_000_000))

    async with client(cost - 1) as http:
        refused = await post(http, query, ip=fresh_ip())
    assert codes(refused) == ["QUERY_TOO_COMPLEX"], refused.text
    assert f"could fetch {cost} objects" in refused.text
    assert refused.json().get("data") is None
    assert sum(unrun.values()) == 0, unrun

    async with client(cost) as http:  # at the limit it runs (and, anonymous, is refused)
        ran = await post(http, query, ip=fresh_ip())
    assert "QUERY_TOO_COMPLEX" not in codes(ran), ran.text
    assert sum(unrun.values()) >= 1


@pytest.mark.parametrize("query", [
    "{ auditLog(first: 101) { edges { cursor } } }",
    "{ securityEvents(first: 101) { edges { cursor } } }",
    "{ members(first: 101) { id } }",
    "{ apiTokens(first: -1) { id } }",
    "{ sessions(first: 1000) { id } }",
])
async def test_first_out_of_range_is_refused_before_resolvers_run(
        app: Starlette, settings: Settings, unrun: Counter[str], query: str) -> None:
    async with client_for(shield_app(app, settings, real_schema=True)) as http:
        response: httpx.Response = await post(http, query, ip=fresh_ip())
    assert codes(response) == ["QUERY_TOO_COMPLEX"], response.text
    assert "between 0 and 100" in response.text
    assert sum(unrun.values()) == 0
