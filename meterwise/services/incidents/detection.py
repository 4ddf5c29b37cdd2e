"""Detection rules: security events and system checks that open (or join) an incident.

Each rule reads a bounded recent window through an index (``security_event.created_at``;
the partial ``audit_event_login_failed`` index) and at most ``SCAN_LIMIT`` rows, so a run
is linear in the events it scans however large the tables grow, and a flood of events
becomes one incident per (rule, subject) (``records.open_or_join``), with at most
``records.MAX_EVIDENCE`` entries linked per run. Windows overlap between runs on purpose:
linking is idempotent. Details come from security events (scrubbed when recorded) and
audit entries (scrubbed too); rules add counts and ids, never values of their own.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import stat
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from tortoise import connections

from meterwise import clock, wiring
from meterwise.config import Settings
from meterwise.models.incidents import EntryKind, Incident, IncidentSeverity
from meterwise.models.shield import SecurityEvent, SecurityEventKind
from meterwise.services import audit
from meterwise.services.incidents import escalation
from meterwise.services.incidents.records import Evidence, Finding, event_details, open_or_join

log = logging.getLogger(__name__)

SCAN_LIMIT = 10_000  # rows one rule reads per run
AUDIT_WINDOW = timedelta(hours=2)  # the checkpoint job verifies the chain hourly
DECRYPT_WINDOW = timedelta(minutes=15)
DECRYPT_BURST = 5  # failed decrypts of one account in the window
STUFFING_WINDOW = timedelta(minutes=15)
STUFFING_MIN_USERS = 8  # distinct users failing from one network in the window
STUFFING_PREFIX_V4, STUFFING_PREFIX_V6 = 24, 48  # what "one network" is
KEY_SPIKE_WINDOW = timedelta(days=7)  # a spike this soon after a never-seen key id


@dataclass(frozen=True)
class Rule:
    name: str
    find: Callable[[datetime, Settings], Awaitable[list[Finding]]]


@dataclass
class DetectionRun:
    opened: list[UUID] = field(default_factory=list)
    joined: list[UUID] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # rules that raised (logged)


async def _events(kinds: Sequence[SecurityEventKind], since: datetime) -> list[SecurityEvent]:
    return await SecurityEvent.filter(kind__in=list(kinds), created_at__gte=since
                                      ).order_by("created_at").limit(SCAN_LIMIT)


def _event_evidence(event: SecurityEvent) -> Evidence:
    return Evidence(kind=EntryKind.SECURITY_EVENT, ref=f"security_event:{event.id}",
                    text=f"security event {event.kind} ({event.severity})", at=event.created_at,
                    details=event_details(event))


# --- the rules -----------------------------------------------------------------------------


async def audit_chain(now: datetime, settings: Settings) -> list[Finding]:
    """The audit log failed verification (``audit.checkpoint`` hourly, ``audit.verify``
    daily, record the break)."""
    events = await _events([SecurityEventKind.AUDIT_CHAIN_BROKEN], now - AUDIT_WINDOW)
    if not events:
        return []
    return [Finding(rule="audit_chain", subject="audit-log", severity=IncidentSeverity.SEV1,
                    title="The audit log fails verification",
                    summary="An audit entry was edited, removed or re-keyed, or the newest "
                            "entries are missing: someone may have write access to the "
                            "database. Run `meterwise audit verify` with the checkpoints kept "
                            "off this machine.",
                    evidence=[_event_evidence(e) for e in events])]


async def decrypt_failures(now: datetime, settings: Settings) -> list[Finding]:
    """At least ``DECRYPT_BURST`` secrets of one account failed to open in the window."""
    by_account: dict[UUID, list[SecurityEvent]] = defaultdict(list)
    for event in await _events([SecurityEventKind.DECRYPT_FAILED], now - DECRYPT_WINDOW):
        if event.account_id is not None:
            by_account[event.account_id].append(event)
    return [Finding(rule="decrypt_failures", subject=f"account:{account}",
                    severity=IncidentSeverity.SEV2,
                    title=f"{len(events)} failed decrypts in account {account}",
                    summary="Sealed secrets of this account fail authentication or their data "
                            "key does not unwrap: stored ciphertext may have been tampered "
                            "with, or keys swapped.",
                    account_ids=[account], evidence=[_event_evidence(e) for e in events])
            for account, events in sorted(by_account.items(), key=lambda item: str(item[0]))
            if len(events) >= DECRYPT_BURST]


_FAILED_LOGINS = (
    "SELECT seq, ip, target, account_id, occurred_at FROM audit_event "
    "WHERE action = 'login.failed' AND occurred_at >= $1 AND target IS NOT NULL "
    "AND ip IS NOT NULL ORDER BY occurred_at LIMIT $2"
)


def network(ip: str) -> str | None:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None
    prefix = STUFFING_PREFIX_V4 if address.version == 4 else STUFFING_PREFIX_V6
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


async def credential_stuffing(now: datetime, settings: Settings) -> list[Finding]:
    """Many different users' passwords failing from one network in the window (one user's
    typos, however many, are not stuffing; unknown e-mails name no user and are not counted)."""
    rows = await connections.get("default").execute_query_dict(
        _FAILED_LOGINS, [now - STUFFING_WINDOW, SCAN_LIMIT])
    by_network: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        net = network(str(row["ip"]))
        if net is not None:
            by_network[net].append(row)
    findings: list[Finding] = []
    for net, failures in sorted(by_network.items()):
        users = {str(row["target"]) for row in failures}
        if len(users) < STUFFING_MIN_USERS:
            continue
        accounts = {UUID(str(row["account_id"])) for row in failures if row["account_id"]}
        evidence = [Evidence(kind=EntryKind.AUDIT_ENTRY, ref=f"audit:{row['seq']}",
                             text=f"audit #{row['seq']}: login.failed for user "
                                  f"{row['target']} from {row['ip']}",
                             at=row["occurred_at"],  # type: ignore[arg-type]
                             details={"seq": row["seq"], "userId": row["target"],
                                      "ip": row["ip"]})
                    for row in failures]
        findings.append(Finding(
            rule="credential_stuffing", subject=f"network:{net}",
            severity=IncidentSeverity.SEV2,
            title=f"Credential stuffing from {net}: {len(users)} users' logins failed",
            summary=f"{len(failures)} failed logins for {len(users)} different users from "
                    f"{net} within {int(STUFFING_WINDOW.total_seconds() // 60)} minutes.",
            account_ids=sorted(accounts, key=str), evidence=evidence))
    return findings


async def unknown_key_spend_spike(now: datetime, settings: Settings) -> list[Finding]:
    """A provider key id the connection never reported, then a spend spike on it."""
    events = await _events([SecurityEventKind.UNKNOWN_API_KEY, SecurityEventKind.SPEND_SPIKE],
                           now - KEY_SPIKE_WINDOW)
    first_unknown: dict[str, SecurityEvent] = {}
    findings: dict[str, tuple[SecurityEvent, list[SecurityEvent]]] = {}
    for event in events:  # oldest first
        connection = str((event.details or {}).get("connectionId") or "")
        if not connection:
            continue
        if event.kind == SecurityEventKind.UNKNOWN_API_KEY:
            first_unknown.setdefault(connection, event)
        elif connection in first_unknown:
            findings.setdefault(connection, (first_unknown[connection], []))[1].append(event)
    return [Finding(rule="unknown_key_spend_spike", subject=f"connection:{connection}",
                    severity=IncidentSeverity.SEV2,
                    title=f"A new provider key id, then a spend spike, on connection "
                          f"{connection}",
                    summary="The provider reported usage under an API key id this connection "
                            "never saw, and spend spiked after it: the provider account may be "
                            "used by someone else. Check the key at the provider, revoke it if "
                            "unknown.",
                    account_ids=[unknown.account_id] if unknown.account_id else [],
                    evidence=[_event_evidence(unknown)] + [_event_evidence(s) for s in spikes])
            for connection, (unknown, spikes) in sorted(findings.items())]


async def master_key_file(now: datetime, settings: Settings) -> list[Finding]:
    """The master-key file can be read (or written) by other users of the machine."""
    if settings.master_keys is not None:
        return []
    path = settings.resolved_master_key_file()
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return []
    if os.name != "posix" or not mode & 0o077:
        return []
    return [Finding(rule="master_key_file", subject=f"file:{path}",
                    severity=IncidentSeverity.SEV2,
                    title=f"The master-key file is mode {mode:04o}",
                    summary=f"{path} is mode {mode:04o}: users other than its owner may read "
                            f"the master keys, which open every account's secrets. Fix with "
                            f"`chmod 600 {path}`, then consider `meterwise keys rotate`.")]


RULES: tuple[Rule, ...] = (
    Rule("audit_chain", audit_chain),
    Rule("decrypt_failures", decrypt_failures),
    Rule("credential_stuffing", credential_stuffing),
    Rule("unknown_key_spend_spike", unknown_key_spend_spike),
    Rule("master_key_file", master_key_file),
)


async def run_rules(rules: Sequence[Rule] = RULES, *, now: datetime | None = None,
                    settings: Settings | None = None) -> DetectionRun:
    """Every rule once; a new incident's first escalation level goes out at once.

    A failing rule is logged and skipped, so one broken check never silences the others.
    """
    now = now or clock.now()
    settings = settings or wiring.settings()
    run = DetectionRun()
    for rule in rules:
        try:
            findings = await rule.find(now, settings)
            for finding in findings:
                outcome = await open_or_join(finding, now=now)
                if outcome is None:
                    continue
                incident, opened = outcome
                (run.opened if opened else run.joined).append(incident.id)
                if opened:
                    await audit.record("incident.detected", account_id=None, actor_id=None,
                                       target=str(incident.id), ip=None, user_agent=None,
                                       metadata={"rule": rule.name,
                                                 "subject": finding.subject,
                                                 "severity": str(finding.severity)})
                    await escalation.escalate(incident.id, now=now, settings=settings)
        except Exception:
            log.exception("detection rule %s failed", rule.name)
            run.failed.append(rule.name)
    return run


async def live_incident(rule: str, subject: str) -> Incident | None:
    return await Incident.get_or_none(live_key=f"{rule}:{subject}")
