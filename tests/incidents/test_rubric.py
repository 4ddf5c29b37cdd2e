"""The severity rubric is one table: the docs carry exactly what the code escalates by."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from meterwise.models.incidents import IncidentSeverity
from meterwise.services.incidents import rubric

DOC = Path(__file__).resolve().parents[2] / "docs" / "incidents.md"


def test_the_docs_print_the_rubric_table_of_the_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    between = text.split("<!-- rubric:start -->\n", 1)[1].split("\n<!-- rubric:end -->", 1)[0]
    assert between == rubric.markdown_table()


def test_every_severity_has_a_level_and_level_one_hears_at_open() -> None:
    assert set(rubric.RUBRIC) == set(IncidentSeverity)
    for severity in IncidentSeverity:
        assert rubric.escalation_delay(severity, 1) == timedelta(0)
    assert rubric.escalation_delay(IncidentSeverity.SEV1, 2) == timedelta(minutes=15)
    assert rubric.escalation_delay(IncidentSeverity.SEV1, 4) is None
    assert rubric.escalation_delay(IncidentSeverity.SEV4, 2) is None
