"""``meterwise incidents …``: the operator's incident response.

``open`` prints the incident id alone on its last stdout line (the public contract).
Every subcommand is declared with ``operator_access``: its ``operator.incidents.<command>``
audit entry names the operator (OS user, uid, host), the incident it touched and the
outcome, and the incident's timeline names the operator too. Escalation runs
in the worker (``incidents.escalate``); ``open`` and ``escalate`` also send what is due at
once, so an instance without a worker still reaches its contacts.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from meterwise.cli import operator_access
from meterwise.cli.commands import CommandError, wired_settings
from meterwise.cli.orm import orm
from meterwise.models.incidents import ChecklistStatus, Incident, IncidentSeverity, IncidentStatus
from meterwise.services.errors import UserInputError
from meterwise.services.incidents import (
    checklist,
    detection,
    escalation,
    records,
    report,
    transitions,
)

T = TypeVar("T")


def actor() -> str:
    """How the timeline names whoever runs the command (the audit entry has the details)."""
    who = operator_access.operator()
    return f"operator:{who['os_user']}@{who['host']}"


def incident_arg(args: argparse.Namespace) -> dict[str, Any]:
    """What a command given an incident id touches, as typed (a prefix is resolved later)."""
    return {"incident": str(args.id)}


def touched(incident: str | None, **details: Any) -> None:
    """What the running command touched, for its operator access entry."""
    if incident is not None:
        details["incident"] = incident
    operator_access.touched(**details)


def run_with_orm(work: Callable[[], Awaitable[T]]) -> T:
    settings = wired_settings()

    async def run() -> T:
        async with orm(settings):
            return await work()

    try:
        return asyncio.run(run())
    except UserInputError as exc:
        raise CommandError(exc.message) from None


def account_arg(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an account id: {value!r}") from None


def add_parser(sub: Any) -> Any:
    """The ``incidents`` command; returns its subcommands (``incident_actions`` adds more)."""
    parser = sub.add_parser("incidents", help="security incidents (operator)")
    actions = parser.add_subparsers(dest="incidents_command", required=True,
                                    parser_class=type(parser))
    severities = [s.value for s in IncidentSeverity]

    opening = actions.add_parser("open", help="open an incident by hand; prints its id last")
    opening.add_argument("--title", required=True)
    opening.add_argument("--severity", required=True, choices=severities)
    opening.add_argument("--summary", default="")
    opening.add_argument("--account", action="append", type=account_arg, default=[],
                         help="an affected account id (repeatable)")
    opening.add_argument("--owner", default=None)
    opening.set_defaults(run=open_command)

    listing = actions.add_parser("list", help="live incidents (or --all, or --status)")
    listing.add_argument("--status", action="append", default=[],
                         choices=[s.value for s in IncidentStatus])
    listing.add_argument("--all", action="store_true")
    listing.set_defaults(run=list_command)

    show = actions.add_parser("show", help="one incident with its timeline")
    show.add_argument("id")
    show.set_defaults(run=show_command)

    for name, text in (("ack", "acknowledge (stops escalation)"), ("resolve", "mark resolved"),
                       ("close", "close (checklist must be done)")):
        move = actions.add_parser(name, help=text)
        move.add_argument("id")
        move.add_argument("--note", default="")
        move.set_defaults(run=MOVES[name])

    note = actions.add_parser("note", help="add a note to the timeline")
    note.add_argument("id")
    note.add_argument("text")
    note.set_defaults(run=note_command)

    link = actions.add_parser("link", help="put security events or audit entries on the timeline")
    link.add_argument("id")
    link.add_argument("--event", action="append", type=UUID, default=[],
                      help="a security event id (repeatable)")
    link.add_argument("--audit", action="append", type=int, default=[],
                      help="an audit entry's seq (repeatable)")
    link.set_defaults(run=link_command)

    owner = actions.add_parser("owner", help="set who owns the incident")
    owner.add_argument("id")
    owner.add_argument("name")
    owner.set_defaults(run=owner_command)

    affect = actions.add_parser("affect", help="add affected accounts")
    affect.add_argument("id")
    affect.add_argument("accounts", nargs="+", type=account_arg)
    affect.set_defaults(run=affect_command)

    items = actions.add_parser("checklist", help="the remediation checklist")
    item_actions = items.add_subparsers(dest="checklist_command", required=True,
                                        parser_class=type(parser))
    add = item_actions.add_parser("add", help="add an item; prints its id last")
    add.add_argument("id")
    add.add_argument("text")
    add.add_argument("--owner", required=True)
    add.set_defaults(run=checklist_add_command)
    update = item_actions.add_parser("set", help="change an item's status or owner")
    update.add_argument("item")
    update.add_argument("--status", choices=[s.value for s in ChecklistStatus], default=None)
    update.add_argument("--owner", default=None)
    update.set_defaults(run=checklist_set_command)

    rep = actions.add_parser("report", help="write the post-incident report (Markdown, JSON)")
    rep.add_argument("id")
    rep.add_argument("--out", type=Path, default=Path("."), help="directory (default .)")
    rep.set_defaults(run=report_command)

    detect = actions.add_parser("detect", help="run every detection rule now")
    detect.set_defaults(run=detect_command)
    esc = actions.add_parser("escalate", help="escalate due incidents and send their messages now")
    esc.set_defaults(run=escalate_command)
    return actions


def _line(incident: Incident) -> str:
    return (f"{incident.id}  {incident.severity.upper()}  {incident.status:<12}  "
            f"{incident.opened_at.isoformat(timespec='seconds')}  {incident.title}")


@operator_access.operator_access("incidents.open")
def open_command(args: argparse.Namespace) -> int:
    async def work() -> tuple[Incident, int]:
        incident = await records.open_incident(
            title=args.title, severity=IncidentSeverity(args.severity), actor=actor(),
            summary=args.summary, account_ids=args.account, owner=args.owner)
        touched(str(incident.id), severity=args.severity,
                accounts=[str(a) for a in args.account])
        await escalation.escalate(incident.id)
        return incident, await escalation.deliver_due()

    incident, sent = run_with_orm(work)
    print(f"Opened {incident.severity.upper()} incident \"{incident.title}\"; "
          f"{sent} contact(s) notified.")
    print(incident.id, flush=True)
    return 0


@operator_access.operator_access("incidents.list")
def list_command(args: argparse.Namespace) -> int:
    statuses = [IncidentStatus(s) for s in args.status] or ([] if args.all else
                                                             list(records.LIVE))

    async def work() -> list[Incident]:
        found = await records.list_incidents(statuses=statuses, limit=500)
        touched(None, shown=len(found))
        return found

    found = run_with_orm(work)
    for incident in found:
        print(_line(incident))
    if not found:
        print("no incidents")
    return 0


@operator_access.operator_access("incidents.show", touched=incident_arg)
def show_command(args: argparse.Namespace) -> int:
    async def work() -> dict[str, Any]:
        data = await report.build(args.id)
        touched(data["incident"]["id"])
        return data

    data = run_with_orm(work)
    inc = data["incident"]
    print(f"{inc['id']}  {inc['severity'].upper()}  {inc['status']}  {inc['title']}")
    print(f"owner: {inc['owner'] or 'nobody yet'}; opened {inc['openedAt']} by "
          f"{inc['openedBy']}; escalation level {inc['escalationLevel']}")
    if inc["summary"]:
        print(f"summary: {inc['summary']}")
    print("affected accounts: " + (", ".join(data["affectedAccounts"]) or "none"))
    print("timeline:")
    for entry in data["timeline"]:
        print(f"  {entry['at']}  {entry['kind']:<14}  {entry['actor']}: {entry['text']}")
    if data["checklist"]:
        print("checklist:")
        for item in data["checklist"]:
            print(f"  {item['id']}  [{item['status']}]  {item['text']} (owner {item['owner']})")
    return 0


def _move(args: argparse.Namespace, to: IncidentStatus) -> int:

    async def work() -> Incident:
        incident = await transitions.move(args.id, to, actor=actor(), note=args.note)
        touched(str(incident.id), status=str(to))
        return incident

    incident = run_with_orm(work)
    print(f"Incident {incident.id} is now {incident.status}.")
    return 0


@operator_access.operator_access("incidents.ack", touched=incident_arg)
def ack_command(args: argparse.Namespace) -> int:
    return _move(args, IncidentStatus.ACKNOWLEDGED)


@operator_access.operator_access("incidents.resolve", touched=incident_arg)
def resolve_command(args: argparse.Namespace) -> int:
    return _move(args, IncidentStatus.RESOLVED)


@operator_access.operator_access("incidents.close", touched=incident_arg)
def close_command(args: argparse.Namespace) -> int:
    return _move(args, IncidentStatus.CLOSED)


MOVES = {"ack": ack_command, "resolve": resolve_command, "close": close_command}


@operator_access.operator_access("incidents.note", touched=incident_arg)
def note_command(args: argparse.Namespace) -> int:
    async def work() -> Incident:
        incident = await records.get(args.id)
        await records.add_note(incident.id, args.text, actor=actor())
        touched(str(incident.id))
        return incident

    print(f"Note added to incident {run_with_orm(work).id}.")
    return 0


@operator_access.operator_access("incidents.link", touched=incident_arg)
def link_command(args: argparse.Namespace) -> int:
    if not args.event and not args.audit:
        raise CommandError("link needs --event or --audit")

    async def work() -> int:
        incident = await records.get(args.id)
        linked = 0
        for event in args.event:
            linked += await records.link_security_event(incident.id, event, actor=actor())
        for seq in args.audit:
            linked += await records.link_audit_entry(incident.id, seq, actor=actor())
        touched(str(incident.id), events=[str(e) for e in args.event],
                audit=args.audit)
        return linked

    print(f"{run_with_orm(work)} entr(y/ies) linked.")
    return 0


@operator_access.operator_access("incidents.owner", touched=incident_arg)
def owner_command(args: argparse.Namespace) -> int:
    async def work() -> Incident:
        incident = await records.set_owner((await records.get(args.id)).id, args.name,
                                           actor=actor())
        touched(str(incident.id), owner=incident.owner)
        return incident

    incident = run_with_orm(work)
    print(f"Incident {incident.id} is owned by {incident.owner}.")
    return 0


@operator_access.operator_access("incidents.affect", touched=incident_arg)
def affect_command(args: argparse.Namespace) -> int:
    async def work() -> list[UUID]:
        incident = await records.get(args.id)
        added = await records.add_accounts(incident.id, args.accounts, actor=actor())
        touched(str(incident.id), accounts=[str(a) for a in added])
        return added

    print(f"{len(run_with_orm(work))} account(s) added.")
    return 0


@operator_access.operator_access("incidents.checklist.add", touched=incident_arg)
def checklist_add_command(args: argparse.Namespace) -> int:
    async def work() -> UUID:
        item = await checklist.add_item(args.id, args.text, owner=args.owner, actor=actor())
        touched(str(item.incident_id), item=str(item.id))
        return item.id

    item_id = run_with_orm(work)
    print("Checklist item added:")
    print(item_id, flush=True)
    return 0


@operator_access.operator_access("incidents.checklist.set")
def checklist_set_command(args: argparse.Namespace) -> int:
    status = ChecklistStatus(args.status) if args.status else None

    async def work() -> str:
        item = await checklist.update_item(args.item, actor=actor(), status=status,
                                           owner=args.owner)
        touched(str(item.incident_id), item=str(item.id),
                status=str(item.status))
        return f"{item.id}  [{item.status}]  {item.text} (owner {item.owner})"

    print(run_with_orm(work))
    return 0


@operator_access.operator_access("incidents.report", touched=incident_arg)
def report_command(args: argparse.Namespace) -> int:
    async def work() -> tuple[Path, Path]:
        incident = await records.get(args.id)
        written = await report.write(str(incident.id), args.out)
        touched(str(incident.id), files=[p.name for p in written])
        return written

    md_path, json_path = run_with_orm(work)
    print(f"report written: {md_path}")
    print(f"report written: {json_path}")
    return 0


@operator_access.operator_access("incidents.detect")
def detect_command(args: argparse.Namespace) -> int:
    async def work() -> detection.DetectionRun:
        run = await detection.run_rules()
        await escalation.deliver_due()
        touched(None, opened=[str(i) for i in run.opened],
                joined=[str(i) for i in run.joined])
        return run

    run = run_with_orm(work)
    print(f"{len(run.opened)} incident(s) opened, {len(run.joined)} joined"
          + (f"; rules failed: {', '.join(run.failed)}" if run.failed else ""))
    for ident in run.opened:
        print(ident)
    return 1 if run.failed else 0


@operator_access.operator_access("incidents.escalate")
def escalate_command(args: argparse.Namespace) -> int:
    async def work() -> tuple[int, int]:
        queued = await escalation.escalate_due()
        sent = await escalation.deliver_due()
        touched(None, queued=len(queued), sent=sent)
        return len(queued), sent

    queued, sent = run_with_orm(work)
    print(f"{queued} notification(s) queued, {sent} delivered.")
    return 0
