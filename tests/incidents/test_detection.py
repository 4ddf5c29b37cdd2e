"""Each detection rule opens one incident for its trigger, joins it on repeats, and opens
none for normal traffic; a flood of events stays one incident with bounded evidence."""

from __future__ import annotations

import os
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
import pytest

from meterwise.config import Settings
from meterwise.models.audit import AuditEvent
from meterwise.models.incidents import (
    EntryKind,
    Incident,
    IncidentAccount,
    IncidentEntry,
    IncidentSeverity,
    IncidentStatus,
)
from meterwise.models.shield import SecurityEvent, Severity
from meterwise.services import audit, security_events, vault
from meterwise.services.identity import login
from meterwise.services.identity.common import Client
from meterwise.services.incidents import detection, records, report, transitions
from meterwise.services.incidents.detection import RULES, run_rules
from meterwise.tasks.audit import checkpoint, verify
from tests.support.identity import new_account, signed_in

pytestmark = pytest.mark.usefixtures("db")


def only(name: str) -> list[detection.Rule]:
    return [rule for rule in RULES if rule.name == name]


async def incidents(rule: str) -> list[Incident]:
    return await Incident.filter(rule=rule)


async def evidence(incident: Incident, kind: EntryKind) -> list[IncidentEntry]:
    return await IncidentEntry.filter(incident_id=incident.id, kind=kind)


# --- audit chain -----------------------------------------------------------------------------


async def test_a_chain_that_fails_verification_opens_one_sev1(database_url: str) -> None:
    for i in range(3):
        await audit.record("test.event", account_id=None, actor_id=None, target=str(i),
                           ip=None, user_agent=None)
        if i == 0:  # the hourly checkpoint walks what came after the last one
            await checkpoint()
    assert (await run_rules(only("audit_chain"))).opened == []  # a verifying chain

    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute("UPDATE audit_event SET target = 'edited' WHERE seq = 2")
    finally:
        await conn.close()
    await checkpoint()
    first = await run_rules(only("audit_chain"))
    await checkpoint()  # the next hourly checkpoint finds the same break
    second = await run_rules(only("audit_chain"))

    [incident] = await incidents("audit_chain")
    assert first.opened == [incident.id] and second.joined == [incident.id]
    assert incident.severity is IncidentSeverity.SEV1
    linked = await evidence(incident, EntryKind.SECURITY_EVENT)
    assert len(linked) == 2
    assert {e.details["details"]["seq"] for e in linked} == {2}  # type: ignore[index]
    assert len(await evidence(incident, EntryKind.DETECTION)) == 1


async def test_an_edit_before_the_last_checkpoint_is_found_by_the_daily_full_verify(
        database_url: str) -> None:
    for i in range(3):
        await audit.record("test.event", account_id=None, actor_id=None, target=str(i),
                           ip=None, user_agent=None)
    await checkpoint()
    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute("UPDATE audit_event SET target = 'edited' WHERE seq = 2")
    finally:
        await conn.close()
    await checkpoint()  # hourly: walks only what came after its last head
    assert (await run_rules(only("audit_chain"))).opened == []
    await verify()  # daily: the whole chain
    found = await run_rules(only("audit_chain"))
    [incident] = await incidents("audit_chain")
    assert found.opened == [incident.id] and incident.severity is IncidentSeverity.SEV1
    [linked] = await evidence(incident, EntryKind.SECURITY_EVENT)
    assert linked.details["details"]["seq"] == 2  # type: ignore[index]


# --- failed decrypts -------------------------------------------------------------------------


async def failed_decrypts(account: UUID, count: int) -> None:
    token = await vault.seal(account, "sk-live-secret", record="provider_connection",
                             record_id=uuid4(), field="api_key")
    for _ in range(count):
        with pytest.raises(vault.SecretUnavailable):  # bound to another record: tampered
            await vault.open_secret(account, token, record="provider_connection",
                                    record_id=uuid4(), field="api_key")


async def test_a_burst_of_failed_decrypts_opens_one_incident_for_the_account() -> None:
    account, calm = await new_account(), await new_account()
    await failed_decrypts(account, detection.DECRYPT_BURST)
    await failed_decrypts(calm, detection.DECRYPT_BURST - 1)  # below the burst

    first = await run_rules(only("decrypt_failures"))
    await failed_decrypts(account, 2)
    second = await run_rules(only("decrypt_failures"))

    [incident] = await incidents("decrypt_failures")
    assert incident.subject == f"account:{account}"
    assert first.opened == [incident.id] and second.joined == [incident.id]
    assert [a.account_id for a in await IncidentAccount.filter(incident_id=incident.id)] == [
        account]
    linked = await evidence(incident, EntryKind.SECURITY_EVENT)
    assert len(linked) == detection.DECRYPT_BURST + 2
    assert "sk-live-secret" not in str([e.details for e in linked])


async def test_a_shredded_key_is_not_a_failed_decrypt() -> None:
    account = await new_account()
    token = await vault.seal(account, "x", record="r", record_id=uuid4(), field="f")
    await vault.destroy_account_keys(account)
    for _ in range(detection.DECRYPT_BURST * 2):
        with pytest.raises(vault.SecretUnavailable):
            await vault.open_secret(account, token, record="r", record_id=uuid4(), field="f")
    assert await SecurityEvent.filter(kind="decrypt_failed").count() == 0


async def test_a_flood_of_events_is_one_incident_with_bounded_evidence() -> None:
    account = await new_account()
    await SecurityEvent.bulk_create([
        SecurityEvent(account_id=account, kind="decrypt_failed", severity=Severity.MEDIUM,
                      details={"record": "r", "field": "f", "reason": "failed authentication"})
        for _ in range(2000)])
    run = await run_rules(only("decrypt_failures"))
    await run_rules(only("decrypt_failures"))

    assert len(run.opened) == 1
    assert await Incident.all().count() == 1
    assert await IncidentEntry.filter(kind=EntryKind.SECURITY_EVENT).count() == \
        records.MAX_EVIDENCE


# --- credential stuffing ---------------------------------------------------------------------


async def fail_login(email: str, ip: str) -> None:
    with pytest.raises(login.UserInputError):
        await login.log_in(Client(ip=ip, user_agent="stuffer/1.0"), email=email,
                           password="wrong password 123")


async def test_many_users_failing_from_one_network_is_credential_stuffing() -> None:
    users = [(await signed_in())[1] for _ in range(detection.STUFFING_MIN_USERS + 1)]
    for n, who in enumerate(users[:-1]):
        await fail_login(who.email, f"203.0.113.{10 + n}")  # one /24, many addresses
    first = await run_rules(only("credential_stuffing"))
    await fail_login(users[-1].email, "203.0.113.99")
    second = await run_rules(only("credential_stuffing"))

    [incident] = await incidents("credential_stuffing")
    assert incident.subject == "network:203.0.113.0/24"
    assert first.opened == [incident.id] and second.joined == [incident.id]
    affected = {a.account_id for a in await IncidentAccount.filter(incident_id=incident.id)}
    assert affected == {who.account_id for who in users}
    linked = await evidence(incident, EntryKind.AUDIT_ENTRY)
    assert len(linked) == len(users)
    assert all(e.ref and e.ref.startswith("audit:") for e in linked)


async def test_one_users_typos_and_scattered_failures_are_not_stuffing() -> None:
    _, typist = await signed_in()
    for _ in range(9):
        await fail_login(typist.email, "198.51.100.7")
    for n in range(detection.STUFFING_MIN_USERS):  # many users, each from its own network
        _, who = await signed_in()
        await fail_login(who.email, f"192.0.{n}.1")
    for n in range(20):  # unknown e-mails name no user
        await fail_login(f"nobody{n}@example.com", "198.51.100.8")

    assert (await run_rules(only("credential_stuffing"))).opened == []
    assert await Incident.all().count() == 0


# --- a new provider key id, then a spend spike -----------------------------------------------


async def key_event(account: UUID, connection: UUID, kind: str) -> None:
    details = ({"connectionId": str(connection), "provider": "openai", "apiKeyId": "key_new"}
               if kind == "unknown_api_key" else
               {"connectionId": str(connection), "day": "2026-06-01", "currency": "USD",
                "cost": "900.00", "baselineMedian": "10.00"})
    await security_events.record(kind, account_id=account, severity=Severity.HIGH,
                                 details=details)


async def test_an_unknown_key_then_a_spike_opens_one_incident_for_the_connection() -> None:
    account = await new_account()
    connection = uuid4()
    await key_event(account, connection, "unknown_api_key")
    assert (await run_rules(only("unknown_key_spend_spike"))).opened == []
    await key_event(account, connection, "spend_spike")
    first = await run_rules(only("unknown_key_spend_spike"))
    await key_event(account, connection, "spend_spike")
    second = await run_rules(only("unknown_key_spend_spike"))

    [incident] = await incidents("unknown_key_spend_spike")
    assert incident.subject == f"connection:{connection}"
    assert first.opened == [incident.id] and second.joined == [incident.id]
    linked = await evidence(incident, EntryKind.SECURITY_EVENT)
    assert sorted(e.details["kind"] for e in linked) == [  # type: ignore[type-var]
        "spend_spike", "spend_spike", "unknown_api_key"]


async def test_a_known_key_spike_or_a_spike_before_the_new_key_opens_nothing() -> None:
    account = await new_account()
    spike_only, spike_first, key_only = uuid4(), uuid4(), uuid4()
    await key_event(account, spike_only, "spend_spike")  # a known key: spike alone
    await key_event(account, spike_first, "spend_spike")
    await key_event(account, spike_first, "unknown_api_key")
    await key_event(account, key_only, "unknown_api_key")
    assert (await run_rules(only("unknown_key_spend_spike"))).opened == []


# --- the master-key file ---------------------------------------------------------------------


async def test_a_master_key_file_others_can_read_opens_one_incident(
        settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    path.write_text(settings.resolved_master_key_file().read_text())
    checked = settings.model_copy(update={"master_key_file": path})
    os.chmod(path, 0o600)
    assert (await run_rules(only("master_key_file"), settings=checked)).opened == []
    os.chmod(path, 0o644)
    first = await run_rules(only("master_key_file"), settings=checked)
    second = await run_rules(only("master_key_file"), settings=checked)

    [incident] = await incidents("master_key_file")
    assert first.opened == [incident.id] and second.joined == [incident.id]
    assert "0644" in incident.title and f"chmod 600 {path}" in incident.summary


async def test_the_default_key_file_is_0600_and_opens_nothing() -> None:
    assert (await run_rules()).opened == []


# --- after resolution ------------------------------------------------------------------------


async def test_a_resolved_incident_is_not_reopened_by_the_same_events() -> None:
    account = await new_account()
    await failed_decrypts(account, detection.DECRYPT_BURST)
    [opened] = (await run_rules(only("decrypt_failures"))).opened
    await transitions.acknowledge(str(opened), actor="operator:t@h")
    await transitions.resolve(str(opened), actor="operator:t@h")

    assert (await run_rules(only("decrypt_failures"))).opened == []  # same window, old news
    await failed_decrypts(account, 1)  # it happens again
    [again] = (await run_rules(only("decrypt_failures"))).opened

    assert again != opened
    assert (await records.get(str(opened))).status is IncidentStatus.RESOLVED
    assert (await detection.live_incident("decrypt_failures", f"account:{account}")) is not None


# --- abuse -----------------------------------------------------------------------------------


async def test_evidence_and_notes_stay_redacted(tmp_path: Path) -> None:
    account = await new_account()
    token = "Bearer mws_" + "a" * 43
    for _ in range(detection.DECRYPT_BURST):
        await security_events.record("decrypt_failed", account_id=account,
                                     severity=Severity.MEDIUM,
                                     details={"password": "hunter2hunter2", "note": token})
    [ident] = (await run_rules(only("decrypt_failures"))).opened
    await records.add_note(ident, f"pasted {token} by mistake", actor="operator:t@h")
    md_path, json_path = await report.write(str(ident), tmp_path)

    written = md_path.read_text() + json_path.read_text()
    stored = str([(e.text, e.details) for e in await records.timeline(ident)])
    for text in (written, stored):
        assert "hunter2hunter2" not in text and "a" * 43 not in text
    assert "[REDACTED]" in stored


async def test_a_rule_that_opens_an_incident_writes_an_audit_entry() -> None:
    account = await new_account()
    await failed_decrypts(account, detection.DECRYPT_BURST)
    [ident] = (await run_rules(only("decrypt_failures"))).opened
    await run_rules(only("decrypt_failures"))
    [row] = await AuditEvent.filter(action="incident.detected")
    assert row.target == str(ident)
    assert row.metadata == {"rule": "decrypt_failures", "subject": f"account:{account}",
                            "severity": "sev2"}


def test_one_network_is_a_24_or_a_48() -> None:
    assert detection.network("203.0.113.77") == "203.0.113.0/24"
    assert detection.network("2001:db8:1:2::5") == "2001:db8:1::/48"
    assert detection.network("unknown") is None
