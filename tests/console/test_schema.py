"""The console's operations are typed from ``console/schema.graphql``; it must be the schema
the server really serves, or the types lie. Regenerate with
``scripts/meterwise schema > console/schema.graphql`` (see console/README.md)."""

from __future__ import annotations

from strawberry.printer import print_schema

from meterwise.config import Settings
from meterwise.schema import build_schema
from tests.console.support import SOURCES


def test_committed_schema_is_the_servers(settings: Settings) -> None:
    committed = (SOURCES / "schema.graphql").read_text(encoding="utf-8")
    printed = print_schema(build_schema(settings)) + "\n"
    assert committed == printed, (
        "console/schema.graphql is stale: run `scripts/console-schema`, then "
        "`npm run codegen && npm run build` in console/")
