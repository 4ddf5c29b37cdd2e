"""The words of a breach notice: one text for the console notice, the same plus a greeting
and a footer for the e-mail, with the account's own connections to rotate (by label and key
hint, never more of a key)."""

from __future__ import annotations

from dataclasses import dataclass

from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import Account
from meterwise.services.notices.facts import ROTATION, BreachFacts


@dataclass(frozen=True)
class NoticeText:
    subject: str
    notice_body: str  # shown in the console
    email_body: str


async def render(account: Account, facts: BreachFacts, campaign: str) -> NoticeText:
    sections = [("What happened", facts.what_happened), ("Which data", facts.which_data),
                ("What we did", facts.what_we_did), ("What you should do", facts.what_to_do)]
    rotate = await rotation_lines(account, facts)
    if rotate:
        sections.append(("Provider keys to rotate", "\n".join(rotate)))
    body = "\n\n".join(f"{heading}\n{text}" for heading, text in sections)
    email = (f"Hello,\n\nThis concerns your Meterwise account \"{account.name}\".\n\n"
             f"{facts.title}\n\n{body}\n\n"
             "This notice is also shown in the Meterwise console until an owner or admin "
             f"acknowledges it.\nReference: {campaign}\n")
    return NoticeText(subject=facts.title, notice_body=body, email_body=email)


async def rotation_lines(account: Account, facts: BreachFacts) -> list[str]:
    """One line per connection of the account to an involved provider: which key, where."""
    if not facts.providers:
        return []
    rows = await ProviderConnection.filter(account_id=account.id,
                                           provider__in=list(facts.providers)
                                           ).order_by("created_at")
    lines = []
    for row in rows:
        guide = ROTATION[row.provider]
        ending = f" (key ending ...{row.key_hint})" if row.key_hint else ""
        lines.append(f"- {guide.provider} connection \"{row.label}\"{ending}: rotate "
                     f"{guide.key} at {guide.where}. Create the new key, replace it in "
                     "Meterwise (Connections, replace key), then delete the old one.")
    if not lines:
        named = ", ".join(ROTATION[p].provider for p in facts.providers)
        lines.append(f"- None of this account's connections use {named}; nothing to rotate.")
    return lines
