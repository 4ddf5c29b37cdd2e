"""``meterwise incidents contain|release|notify``: acting on an incident's affected accounts.

``contain`` applies containment actions (``services.containment``) to every affected
account (or ``--account`` ones among them) and makes the incident contained; ``release``
undoes the reversible ones; ``notify`` runs the breach notice campaign keyed by the incident
id (run it again to resume: nobody is mailed twice). Each writes an operator audit entry
and the timeline says what was done.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from meterwise.cli import operator_access
from meterwise.cli.commands import CommandError
from meterwise.cli.incidents import account_arg, actor, incident_arg, run_with_orm, touched
from meterwise.config import ProviderKind
from meterwise.models.notices import NoticeSeverity
from meterwise.services import notices
from meterwise.services.containment import ContainmentAction
from meterwise.services.incidents import records, response

FACT_FIELDS = ("title", "what_happened", "which_data", "what_we_did", "what_to_do")


def add_parsers(actions: Any) -> None:
    names = [a.value for a in ContainmentAction]
    for name, text in (("contain", "contain the affected accounts (incident → contained)"),
                       ("release", "undo reversible containment of the affected accounts")):
        command = actions.add_parser(name, help=text)
        command.add_argument("id")
        command.add_argument("--action", action="append", required=True, choices=names,
                             help="repeatable")
        command.add_argument("--reason", required=True)
        command.add_argument("--account", action="append", type=account_arg, default=[],
                             help="only these affected accounts (repeatable)")
        command.set_defaults(run=contain_command if name == "contain" else release_command)

    notify = actions.add_parser("notify", help="tell the affected accounts' owners and admins")
    notify.add_argument("id")
    notify.add_argument("--facts", type=Path, default=None,
                        help="a JSON file with " + ", ".join(FACT_FIELDS)
                             + " (and optional providers, severity)")
    for name in FACT_FIELDS:
        notify.add_argument("--" + name.replace("_", "-"), dest=name, default=None)
    notify.add_argument("--provider", action="append", default=[],
                        choices=[p.value for p in ProviderKind],
                        help="a provider whose keys to rotate (repeatable)")
    notify.add_argument("--severity", default=None, choices=[s.value for s in NoticeSeverity])
    notify.set_defaults(run=notify_command)


@operator_access.operator_access("incidents.contain", touched=incident_arg)
def contain_command(args: argparse.Namespace) -> int:
    return _containment(args, response.contain,
                        accounts=[str(a) for a in args.account] or "every affected account")


@operator_access.operator_access("incidents.release", touched=incident_arg)
def release_command(args: argparse.Namespace) -> int:
    return _containment(args, response.release)


def _containment(args: argparse.Namespace, step: Callable[..., Awaitable[list[str]]],
                 **details: Any) -> int:
    """Contain or release (``step``) the incident's accounts and print what was done."""
    wanted = [ContainmentAction(a) for a in args.action]

    async def work() -> list[str]:
        incident = await records.get(args.id)
        lines = await step(str(incident.id), wanted, actor=actor(), reason=args.reason,
                           account_ids=args.account)
        touched(str(incident.id), actions=args.action, **details)
        return lines

    for line in run_with_orm(work):
        print(line)
    return 0


def _facts(args: argparse.Namespace) -> notices.BreachFacts:
    given: dict[str, Any] = {}
    if args.facts is not None:
        try:
            given = json.loads(args.facts.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"--facts {args.facts}: {exc}") from None
        if not isinstance(given, dict):
            raise CommandError(f"--facts {args.facts}: a JSON object is needed")
    for name in FACT_FIELDS:
        if getattr(args, name) is not None:
            given[name] = getattr(args, name)
    missing = [name for name in FACT_FIELDS if not str(given.get(name) or "").strip()]
    if missing:
        raise CommandError("notify needs " + ", ".join("--" + m.replace("_", "-")
                                                       for m in missing))
    try:
        providers = [ProviderKind(p) for p in (args.provider or given.get("providers") or [])]
        severity = NoticeSeverity(args.severity or given.get("severity") or "critical")
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    text = {name: str(given[name]) for name in FACT_FIELDS}
    return notices.BreachFacts(title=text["title"], what_happened=text["what_happened"],
                               which_data=text["which_data"], what_we_did=text["what_we_did"],
                               what_to_do=text["what_to_do"], providers=providers,
                               severity=severity)


@operator_access.operator_access("incidents.notify", touched=incident_arg)
def notify_command(args: argparse.Namespace) -> int:
    facts = _facts(args)

    async def work() -> notices.NotifyResult:
        incident = await records.get(args.id)
        result = await response.notify(str(incident.id), facts, actor=actor())
        touched(str(incident.id), sent=result.sent,
                already_sent=result.already_sent, accounts=result.accounts)
        return result

    result = run_with_orm(work)
    for line in result.lines():
        print(line)
    return 1 if result.refused or result.failed or result.uncertain else 0
