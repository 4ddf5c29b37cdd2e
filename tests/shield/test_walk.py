"""The shield's document walk: linear, yet counting as execution would.

Counts (aliases, cost, authentication fields) include every spread of a fragment and every
list multiplier around it; each fragment is summarised once, so 2^40 copies are counted
from a document of 40 levels without visiting them. No timings here: the walk either
finishes (linear) or would not finish at all (exponential).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from graphql import GraphQLSchema, parse
from strawberry.extensions import SchemaExtension

from meterwise.config import Settings
from meterwise.schema import MeterwiseSchema, build_schema, schema_extensions
from meterwise.schema.guards import limits
from meterwise.schema.guards.walk import CAP, Walk, walk
from meterwise.services.guards.ratelimit import ip_bucket
from tests.shield.support import ProbeMutation, ProbeQuery, probe_schema


@pytest.fixture(scope="module")
def probe() -> GraphQLSchema:
    return probe_schema(Settings())._schema


def walked(schema: GraphQLSchema, document: str, variables: dict[str, Any] | None = None,
           operation: str | None = None) -> Walk:
    return walk(schema, parse(document), operation, variables)


def chained(n: int, leaf: str, root: str = "Query", op: str = "query") -> str:
    fragments = " ".join(f"fragment F{i} on {root} {{ ...F{i + 1} ...F{i + 1} }}"
                         for i in range(n))
    return f"{op} {{ ...F0 }} {fragments} fragment F{n} on {root} {{ {leaf} }}"


def test_a_fragment_spread_twice_counts_twice(probe: GraphQLSchema) -> None:
    result = walked(probe, "{ ...F ...F } fragment F on ProbeQuery { a: node { id } }")
    assert (result.cost, result.operations[0].aliases, result.operations[0].depth) == (2, 2, 2)


def test_a_list_multiplies_the_fragments_inside_it(probe: GraphQLSchema) -> None:
    result = walked(probe, "{ node { items(first: 10) { ...C ...C } } } "
                           "fragment C on Node { child { id } }")
    assert result.cost == 1 + 10 * (1 + 2)


def test_inline_fragments_count_like_fields(probe: GraphQLSchema) -> None:
    result = walked(probe, "{ ... on ProbeQuery { a: node { id } ... { b: node { id } } } }")
    assert (result.cost, result.operations[0].aliases) == (2, 2)


@pytest.mark.parametrize(("leaf", "cost", "aliases", "depth"), [
    ("node { id }", 2 ** 40, 0, 2),
    ("a: __typename", 0, 2 ** 40, 0),
])
def test_2_to_the_40_copies_are_counted_without_visiting_them(
        probe: GraphQLSchema, leaf: str, cost: int, aliases: int, depth: int) -> None:
    result = walked(probe, chained(40, leaf, root="ProbeQuery"))
    assert result.cost == min(cost, CAP)
    assert result.operations[0].aliases == min(aliases, CAP)
    assert result.operations[0].depth == depth


def test_fragment_cycles_end(probe: GraphQLSchema) -> None:
    result = walked(probe, "{ ...A } fragment A on ProbeQuery { node { id } ...B } "
                           "fragment B on ProbeQuery { ...A }")
    assert result.cost == 1  # the cycle adds nothing; NoFragmentCyclesRule reports it


def test_every_authentication_field_is_found_with_its_multiplicity(
        probe: GraphQLSchema) -> None:
    login = 'logIn(input: {email: "a@b.c", password: "x"})'
    result = walked(probe, f"mutation {{ ...M ... on ProbeMutation {{ x: {login} }} }} "
                           f"fragment M on ProbeMutation {{ {login} ...N ...N }} "
                           f"fragment N on ProbeMutation {{ y: {login} }}")
    found = sorted(((node.alias.value if node.alias else ""), times)
                   for node, times in result.root_fields)
    assert found == [("", 1), ("x", 1), ("y", 2)]


def test_an_exponential_chain_of_authentication_fields_is_counted(probe: GraphQLSchema) -> None:
    result = walked(probe, chained(30, 'logIn(input: {email: "a@b.c", password: "x"})',
                                   root="ProbeMutation", op="mutation"))
    assert [times for _, times in result.root_fields] == [2 ** 30]


def test_only_the_chosen_operation_is_costed(probe: GraphQLSchema) -> None:
    document = ("query Small { node { id } } query Big { node { items(first: 90) { id } } } "
                'mutation M { logIn(input: {email: "a@b.c", password: "x"}) }')
    assert walked(probe, document, operation="Small").cost == 1
    assert walked(probe, document, operation="Big").cost == 91
    assert walked(probe, document, operation="Small").root_fields == []
    assert len(walked(probe, document, operation="M").root_fields) == 1


def test_a_bad_page_size_in_another_operation_is_not_the_chosen_ones_error(
        probe: GraphQLSchema) -> None:
    document = ("query Bad { ...F } query Good { node { id } } "
                "fragment F on ProbeQuery { node { items(first: 1000) { id } } }")
    assert walked(probe, document, operation="Good").cost_error is None
    assert walked(probe, document, operation="Bad").cost_error is not None


def test_a_shared_fragment_is_sized_by_each_field_that_holds_it() -> None:
    schema = build_schema()._schema
    document = ('{ a: usage(filter: {from: "2027-01-01T00:00:00Z", to: "2027-01-03T00:00:00Z"}) '
                "{ ...S } "
                'b: usage(filter: {from: "2027-01-01T00:00:00Z", to: "2027-01-11T00:00:00Z"}) '
                "{ ...S } } fragment S on UsageReport { series { bucketStart } }")
    assert walked(schema, document).cost == (1 + 2) + (1 + 10)


def test_a_date_the_sizer_cannot_handle_costs_the_widest_range() -> None:
    schema = build_schema()._schema
    far = ('{ usage(filter: {from: "9999-12-30T00:00:00Z", to: "9999-12-31T00:00:00Z"}) '
           "{ series { bucketStart } } }")
    unbounded = "{ usage(filter: {}) { series { bucketStart } } }"
    assert walked(schema, far).cost == walked(schema, unbounded).cost > 2


def test_duplicated_fields_and_directives_are_noted(probe: GraphQLSchema) -> None:
    assert walked(probe, "{ " + "__typename " * 6 + "}").duplicated == ("__typename", 6)
    assert walked(probe, "{ " + "__typename " * 5 + "}").duplicated is None
    repeated = walked(probe, "{ __typename @skip(if: false) @skip(if: false) }")
    assert (repeated.repeated_directive, repeated.directives) == ("skip", 2)


@pytest.mark.parametrize(("address", "bucket"), [
    ("203.0.113.7", "203.0.113.7"),
    ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
    ("2001:db8:1:2::ffff", "2001:db8:1:2::/64"),
    ("::ffff:203.0.113.7", "203.0.113.7"),  # IPv4-mapped: the IPv4 client
    ("unknown", "unknown"),
])
def test_ip_bucket(address: str, bucket: str) -> None:
    assert ip_bucket(address) == bucket


class _Broken(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        raise OverflowError("date value out of range")
        yield  # pragma: no cover


async def test_an_exception_inside_an_extension_is_masked_with_a_code() -> None:
    schema = MeterwiseSchema(query=ProbeQuery, mutation=ProbeMutation,
                             extensions=[*schema_extensions(Settings()), _Broken])
    result = await schema.execute("{ node { id } }")
    assert result.errors is not None and len(result.errors) == 1
    error = result.errors[0]
    assert error.message == "Internal error."
    assert (error.extensions or {})["code"] == "INTERNAL"
    assert "requestId" in (error.extensions or {})


async def test_the_walk_runs_once_per_operation(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(*args: Any) -> Walk:
        calls.append("walk")
        return walk(*args)

    monkeypatch.setattr(limits, "walk", counted)
    schema = probe_schema(Settings())
    result = await schema.execute("{ node { items(first: 3) { id } } }",
                                  context_value=None)
    assert result.errors is None
    assert calls == ["walk"]  # shape, cost and rate limit read the same walk
