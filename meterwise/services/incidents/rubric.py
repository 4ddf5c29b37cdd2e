"""The severity rubric: what SEV1 … SEV4 mean and how fast each escalates, in one table.

``docs/incidents.md`` prints this table (a test keeps the two the same). Escalation delays
count from the moment the incident was opened: level 1 hears at once, each further level
when the incident is still unacknowledged after its delay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from meterwise.models.incidents import IncidentSeverity


@dataclass(frozen=True)
class SeverityLevel:
    severity: IncidentSeverity
    name: str
    meaning: str
    examples: str
    escalation: tuple[timedelta, ...]  # level N is notified after escalation[N - 1]


RUBRIC: dict[IncidentSeverity, SeverityLevel] = {
    IncidentSeverity.SEV1: SeverityLevel(
        IncidentSeverity.SEV1, "critical",
        "Confirmed exposure of secrets or customer data, or an attacker with write access.",
        "audit log fails verification; master keys or provider keys leaked; data of one "
        "account readable by another",
        (timedelta(0), timedelta(minutes=15), timedelta(minutes=45))),
    IncidentSeverity.SEV2: SeverityLevel(
        IncidentSeverity.SEV2, "high",
        "Likely compromise under way, or a control that protects secrets is failing.",
        "credential stuffing across accounts; a burst of failed decrypts; an unknown "
        "provider key id followed by a spend spike; a master-key file others can read",
        (timedelta(0), timedelta(hours=1), timedelta(hours=4))),
    IncidentSeverity.SEV3: SeverityLevel(
        IncidentSeverity.SEV3, "moderate",
        "A weakened control or a suspicious pattern, no sign of exploitation.",
        "one account's repeated MFA failures; a misconfiguration found in review",
        (timedelta(0), timedelta(hours=24))),
    IncidentSeverity.SEV4: SeverityLevel(
        IncidentSeverity.SEV4, "minor",
        "Minor: a policy deviation or a question to follow up, no customer impact.",
        "an expired contact address; a stale invite found in review",
        (timedelta(0),)),
}


def level(severity: IncidentSeverity | str) -> SeverityLevel:
    return RUBRIC[IncidentSeverity(severity)]


def escalation_delay(severity: IncidentSeverity | str, escalation_level: int) -> timedelta | None:
    """When (after opening) ``escalation_level`` is notified; None past the last level."""
    delays = level(severity).escalation
    return delays[escalation_level - 1] if 1 <= escalation_level <= len(delays) else None


def markdown_table() -> str:
    """The rubric as the Markdown table ``docs/incidents.md`` carries."""
    lines = ["| severity | meaning | examples | escalation (unacknowledged) |",
             "|---|---|---|---|"]
    for item in RUBRIC.values():
        steps = ", ".join(f"level {n}: {_duration(delay)}"
                          for n, delay in enumerate(item.escalation, start=1))
        lines.append(f"| {item.severity.name} ({item.name}) | {item.meaning} | "
                     f"{item.examples} | {steps} |")
    return "\n".join(lines)


def _duration(delay: timedelta) -> str:
    minutes = int(delay.total_seconds() // 60)
    if minutes == 0:
        return "at open"
    if minutes % 60:
        return f"after {minutes} min"
    return f"after {minutes // 60} h"
