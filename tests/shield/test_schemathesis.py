"""Schemathesis fuzzes every GraphQL operation of a real server: no 500s, no schema violations.

Access errors with a code (UNAUTHENTICATED, FORBIDDEN, …) are the API's contract, so instead
of schemathesis's "any error with a path is a server error" check, each response must be
< 500, carry no masked ``INTERNAL`` error, and match the schema (``validate_response``).
Bounded: a few examples per operation and 60 s overall, anonymous calls, so the run takes
seconds and changes nothing (every account operation answers UNAUTHENTICATED). Driven
through schemathesis's Python API (``as_strategy``) rather than its pytest plugin, whose
lazy loader does not run on this pytest version.
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes

from tests.support.processes import clean_env, free_port, spawn, wait_http

pytestmark = pytest.mark.slow
# money inputs (BudgetInput.amount) are plain decimal strings, as clients send them
schemathesis.graphql.scalar("Decimal", st.decimals(
    min_value=-10**6, max_value=10**6, places=2, allow_nan=False, allow_infinity=False,
).map(lambda value: nodes.String(format(value, "f"))))
EXAMPLES_PER_OPERATION = 8
BUDGET_SECONDS = 60


@pytest.fixture(scope="module")
def graphql_server(database_url: str, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[str]:
    port = free_port()
    folder: Path = tmp_path_factory.mktemp("fuzz")
    env = clean_env(database_url=database_url, data_dir=str(folder),
                    master_keys="k1:" + base64.b64encode(os.urandom(32)).decode(),
                    rate_limit_anonymous_points="1000000", rate_limit_requests_per_ip="1000000",
                    rate_limit_auth_attempts="1000000")
    with spawn(["serve", "--port", str(port)], env) as proc:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc)
        yield f"http://127.0.0.1:{port}/graphql"


def test_no_server_errors_and_no_schema_violations(graphql_server: str) -> None:
    schema = schemathesis.graphql.from_url(graphql_server)
    deadline = time.monotonic() + BUDGET_SECONDS
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20  # every query, mutation and subscription root field
    checked = 0
    for operation in operations:
        if time.monotonic() > deadline:
            break

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, response.text
            errors = response.json().get("errors") or []
            codes = [error.get("extensions", {}).get("code") for error in errors]
            assert "INTERNAL" not in codes, response.text
            # data matches the selection and the schema's types (raises on a violation);
            # coded access errors (UNAUTHENTICATED, …) are the contract, not a failure.
            schema.validate_response(case.operation, response, case=case)

        fuzz()
        checked += 1
    assert checked >= min(len(operations), 20)
