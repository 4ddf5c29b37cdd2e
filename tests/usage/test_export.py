"""``GET /export/usage.csv``: the same report as CSV, exact, authorised like the query."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal

import httpx

from meterwise.models.identity import Role
from tests.support.identity import signed_in
from tests.usage.data import Row, add_connection, insert_rows

WINDOW = {"from": "2027-01-01T00:00:00Z", "to": "2027-02-01T00:00:00Z"}


async def test_csv_has_a_header_exact_decimals_and_defused_formulas(
        client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.VIEWER)
    conn = await add_connection(who.account_id)
    base = dict(account_id=who.account_id, connection_id=conn.id, provider="openai")
    await insert_rows([
        Row(**base, bucket_start=datetime(2027, 1, 4, 5, tzinfo=UTC), model="gpt-4o",
            input_tokens=1_234_567_890, requests=3, cost=Decimal("0.000000000001"),
            cost_basis="estimated"),
        Row(**base, bucket_start=datetime(2027, 1, 11, tzinfo=UTC), model="=HYPERLINK(1)",
            output_tokens=5, requests=1, cost=Decimal("7.5"), cost_basis="reported"),
    ])

    response = await client.get("/export/usage.csv", params={
        **WINDOW, "granularity": "WEEK", "groupBy": "MODEL,PROVIDER"},
        headers={"authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(response.text))) == [
        ["bucket_start", "provider", "model", "currency", "cost", "cost_basis",
         "input_tokens", "output_tokens", "cached_input_tokens", "requests"],
        ["2027-01-04T00:00:00+00:00", "openai", "gpt-4o", "USD", "0.000000000001",
         "ESTIMATED", "1234567890", "0", "0", "3"],
        ["2027-01-11T00:00:00+00:00", "openai", "'=HYPERLINK(1)", "USD", "7.50", "REPORTED",
         "0", "5", "0", "1"],
    ]


async def test_csv_refuses_anonymous_callers_and_bad_input(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client)

    anonymous = await client.get("/export/usage.csv", params=WINDOW)
    bad_dimension = await client.get("/export/usage.csv", params={**WINDOW, "groupBy": "COLOR"},
                                     headers={"authorization": f"Bearer {token}"})
    backwards = await client.get("/export/usage.csv", params={
        "from": WINDOW["to"], "to": WINDOW["from"]}, headers={"authorization": f"Bearer {token}"})

    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["code"] == "UNAUTHENTICATED"
    assert bad_dimension.status_code == 400
    assert bad_dimension.json()["errors"][0]["field"] == "groupBy"
    assert backwards.status_code == 400
    assert backwards.json()["errors"][0]["code"] == "INVALID_INPUT"
