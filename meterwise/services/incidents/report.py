"""The post-incident report: the record, every timeline entry, the notifications and the
remediation checklist, as JSON (for tools) and Markdown (for people), built from one dict
so the two never disagree.

Timeline text is rendered inert in Markdown (no raw HTML, no line breaks that start new
blocks): it can hold what an attacker typed, e.g. a user agent quoted by an event.
"""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from meterwise.models.incidents import Incident, IncidentNotification
from meterwise.services.incidents import checklist, records, rubric


def _time(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


async def build(ident: str) -> dict[str, Any]:
    """The report as data (what the JSON file holds)."""
    incident = await records.get(ident)
    severity = rubric.level(incident.severity)
    entries = await records.timeline(incident.id)
    notifications = await IncidentNotification.filter(incident_id=incident.id
                                                       ).order_by("created_at", "level", "id")
    return {
        "incident": _incident(incident),
        "rubric": {"severity": severity.severity.name, "name": severity.name,
                   "meaning": severity.meaning},
        "affectedAccounts": [str(a) for a in await records.affected_accounts(incident.id)],
        "timeline": [{"at": _time(e.at), "kind": str(e.kind), "actor": e.actor, "text": e.text,
                      "ref": e.ref, "details": e.details} for e in entries],
        "notifications": [{"level": n.level, "contact": n.contact_hint, "channel": n.channel,
                           "status": str(n.status), "attempts": n.attempts,
                           "deliveredAt": _time(n.delivered_at), "lastError": n.last_error}
                          for n in notifications],
        "checklist": [{"id": str(i.id), "text": i.text, "owner": i.owner,
                       "status": str(i.status), "updatedAt": _time(i.updated_at)}
                      for i in await checklist.items(incident.id)],
    }


def _incident(incident: Incident) -> dict[str, Any]:
    return {"id": str(incident.id), "title": incident.title, "summary": incident.summary,
            "severity": str(incident.severity), "status": str(incident.status),
            "rule": incident.rule, "subject": incident.subject, "owner": incident.owner,
            "openedBy": incident.opened_by, "openedAt": _time(incident.opened_at),
            "acknowledgedAt": _time(incident.acknowledged_at),
            "containedAt": _time(incident.contained_at),
            "resolvedAt": _time(incident.resolved_at), "closedAt": _time(incident.closed_at),
            "escalationLevel": incident.escalation_level}


def inert(text: object) -> str:
    """One line of Markdown that renders as the text it is (no HTML, links or code)."""
    flat = " ".join(str(text).split())
    for char in "\\`*_[]<>|#":
        flat = flat.replace(char, "\\" + char)
    return flat


def markdown(report: dict[str, Any]) -> str:
    inc = report["incident"]
    rub = report["rubric"]
    lines = [f"# Incident {inc['id']}: {inert(inc['title'])}", "",
             f"- severity: {rub['severity']} ({rub['name']}): {inert(rub['meaning'])}",
             f"- status: {inc['status']}",
             f"- owner: {inert(inc['owner'] or 'nobody yet')}",
             f"- opened: {inc['openedAt']} by {inert(inc['openedBy'])}"]
    for label, key in (("acknowledged", "acknowledgedAt"), ("contained", "containedAt"),
                       ("resolved", "resolvedAt"), ("closed", "closedAt")):
        if inc[key]:
            lines.append(f"- {label}: {inc[key]}")
    if inc["rule"]:
        lines.append(f"- detected by rule {inert(inc['rule'])} on {inert(inc['subject'])}")
    lines += ["", "## Summary", "", inert(inc["summary"] or "(none)"), "",
              "## Affected accounts", ""]
    lines += [f"- {account}" for account in report["affectedAccounts"]] or ["- none recorded"]
    lines += ["", "## Timeline", ""]
    lines += [f"- {e['at']} · {e['kind']} · {inert(e['actor'])}: {inert(e['text'])}"
              + (f" ({inert(e['ref'])})" if e["ref"] else "") for e in report["timeline"]]
    lines += ["", "## Notifications", ""]
    lines += [f"- level {n['level']} → {inert(n['contact'])} ({n['channel']}): {n['status']}, "
              f"{n['attempts']} attempt(s)" for n in report["notifications"]] or ["- none"]
    lines += ["", "## Remediation checklist", ""]
    lines += [f"- [{'x' if i['status'] == 'done' else ' '}] {inert(i['text'])} "
              f"(owner {inert(i['owner'])}, {i['status']})"
              for i in report["checklist"]] or ["- no items yet"]
    return "\n".join(lines) + "\n"


async def write(ident: str, directory: Path) -> tuple[Path, Path]:
    """``incident-<id>.md`` and ``incident-<id>.json`` in ``directory`` (created 0700)."""
    report = await build(ident)
    stem = f"incident-{report['incident']['id']}"
    texts = {f"{stem}.md": markdown(report),
             f"{stem}.json": json.dumps(report, indent=2, default=str) + "\n"}
    md_path, json_path = await asyncio.to_thread(_write_private, directory, texts)
    return md_path, json_path


def _write_private(directory: Path, texts: dict[str, str]) -> list[Path]:
    """Each file created 0600 from the start (it names accounts and addresses)."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    written: list[Path] = []
    for name, text in texts.items():
        path = directory / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(path, 0o600)  # an existing file keeps its old mode otherwise
        written.append(path)
    return written
