"""Affected accounts with owners, admins, members and viewers; the facts of a breach."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from uuid import UUID

from meterwise.config import ProviderKind
from meterwise.models.identity import Role
from meterwise.services.notices import BreachFacts
from tests.spend.smtp import Mail, Mailbox
from tests.support.identity import Who, signed_in

FACTS = BreachFacts(
    title="Security incident: provider keys may have been exposed",
    what_happened="A backup copy was reachable from the internet for 3 hours.",
    which_data="Sealed provider keys and usage totals.",
    what_we_did="We closed access, rotated our master keys and froze syncing.",
    what_to_do="Rotate the provider keys listed below.",
    providers=(ProviderKind.OPENAI,),
)


@dataclass
class Team:
    account_id: UUID
    tokens: dict[Role, str]
    people: dict[Role, Who]

    @property
    def mailed(self) -> set[str]:
        """Whom a notice must reach: the owners and admins."""
        return {self.people[Role.OWNER].email, self.people[Role.ADMIN].email}


async def team() -> Team:
    """An account with one person in each role."""
    owner_token, owner = await signed_in()
    tokens, people = {Role.OWNER: owner_token}, {Role.OWNER: owner}
    for role in (Role.ADMIN, Role.MEMBER, Role.VIEWER):
        tokens[role], people[role] = await signed_in(role=role, account=owner.account_id)
    return Team(owner.account_id, tokens, people)


def text(mail: Mail) -> str:
    """The mail's body, decoded (long lines arrive quoted-printable)."""
    payload = mail.message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def received(box: Mailbox) -> Counter[str]:
    """How many mails each address got."""
    return Counter(address for mail in box.mails for address in mail.recipients)
