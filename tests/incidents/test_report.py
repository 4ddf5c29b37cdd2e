"""The post-incident report holds every timeline entry, in Markdown and JSON alike, and the
checklist with owners and statuses; text from the timeline renders inert."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from meterwise.models.incidents import ChecklistStatus, IncidentSeverity
from meterwise.services.incidents import checklist, detection, records, report, transitions
from meterwise.services.incidents.detection import RULES, run_rules
from tests.incidents.test_detection import failed_decrypts
from tests.support.identity import new_account

pytestmark = pytest.mark.usefixtures("db")
ACTOR = "operator:alice@bastion"


async def test_the_report_contains_every_timeline_entry(tmp_path: Path) -> None:
    account = await new_account()
    await failed_decrypts(account, detection.DECRYPT_BURST)
    [ident] = (await run_rules([r for r in RULES if r.name == "decrypt_failures"])).opened
    incident_id = str(ident)
    await transitions.acknowledge(incident_id, actor=ACTOR, note="on it")
    await records.add_note(ident, "Ciphertexts edited <script>alert(1)</script>\n# not a "
                           "heading", actor=ACTOR)
    item = await checklist.add_item(incident_id, "Restore provider keys from the owner",
                                    owner="bob", actor=ACTOR)
    await checklist.add_item(incident_id, "Find who had database write access", owner="alice",
                             actor=ACTOR)
    await checklist.update_item(str(item.id), status=ChecklistStatus.DONE, actor=ACTOR)
    await records.open_incident(title="Another one", severity=IncidentSeverity.SEV4,
                                actor=ACTOR)  # not in this report

    md_path, json_path = await report.write(incident_id, tmp_path / "reports")

    entries = await records.timeline(ident)
    assert len(entries) >= detection.DECRYPT_BURST + 6
    data = json.loads(json_path.read_text())
    assert [e["text"] for e in data["timeline"]] == [e.text for e in entries]
    assert [e["kind"] for e in data["timeline"]] == [str(e.kind) for e in entries]
    assert data["affectedAccounts"] == [str(account)]
    assert [(i["text"], i["owner"], i["status"]) for i in data["checklist"]] == [
        ("Restore provider keys from the owner", "bob", "done"),
        ("Find who had database write access", "alice", "todo")]
    markdown = md_path.read_text()
    for entry in entries:
        assert report.inert(entry.text) in markdown
    assert markdown.count("\n- 20") >= len(entries)  # one line per entry (ISO times)
    assert "<script>" not in markdown and "\n# not a heading" not in markdown
    assert "- [x] Restore provider keys from the owner (owner bob, done)" in markdown
    assert "- [ ] Find who had database write access (owner alice, todo)" in markdown
    assert "Another one" not in markdown
    for path in (md_path, json_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
