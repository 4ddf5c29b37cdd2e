"""What an operator tells affected users about a breach, and where each provider's keys are
rotated (the consoles' key pages, as the providers' own docs name them)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from meterwise.config import ProviderKind
from meterwise.models.notices import NoticeSeverity

MAX_TITLE = 200
MAX_SECTION = 4000
CAMPAIGN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")


@dataclass(frozen=True)
class KeyRotation:
    """Which key a connection to this provider holds, and where its owner replaces it."""

    provider: str  # the provider's own name for itself
    key: str
    where: str


ROTATION: dict[ProviderKind, KeyRotation] = {
    ProviderKind.OPENAI: KeyRotation(
        "OpenAI", "the organization Admin key (sk-admin-...)",
        "https://platform.openai.com/settings/organization/admin-keys"),
    ProviderKind.ANTHROPIC: KeyRotation(
        "Anthropic", "the Admin API key (sk-ant-admin...)",
        "https://console.anthropic.com/settings/admin-keys"),
    ProviderKind.OPENROUTER: KeyRotation(
        "OpenRouter", "the management key (or the sk-or-v1-... API key) you connected",
        "https://openrouter.ai/settings/management-keys (API keys: "
        "https://openrouter.ai/settings/keys)"),
}


@dataclass(frozen=True)
class BreachFacts:
    """The four things every breach notice says, and the providers whose keys are involved.

    Plain text; each section at most ``MAX_SECTION`` characters (``check``)."""

    title: str
    what_happened: str
    which_data: str
    what_we_did: str
    what_to_do: str
    providers: Sequence[ProviderKind] = field(default_factory=tuple)
    severity: NoticeSeverity = NoticeSeverity.CRITICAL

    def check(self) -> BreachFacts:
        """These facts, validated (a ``ValueError`` names the first bad field)."""
        title = " ".join(self.title.split())
        if not 1 <= len(title) <= MAX_TITLE:
            raise ValueError(f"title: 1 to {MAX_TITLE} characters")
        for name in ("what_happened", "which_data", "what_we_did", "what_to_do"):
            text = getattr(self, name).strip()
            if not 1 <= len(text) <= MAX_SECTION:
                raise ValueError(f"{name}: 1 to {MAX_SECTION} characters")
        providers = tuple(dict.fromkeys(ProviderKind(p) for p in self.providers))
        return BreachFacts(title, self.what_happened.strip(), self.which_data.strip(),
                           self.what_we_did.strip(), self.what_to_do.strip(), providers,
                           NoticeSeverity(self.severity))


def checked_campaign(campaign: str) -> str:
    """The campaign id (e.g. an incident id): 1-100 of ``A-Z a-z 0-9 . _ : -``."""
    if not CAMPAIGN.match(campaign):
        raise ValueError("campaign: 1-100 characters of A-Z a-z 0-9 . _ : -")
    return campaign
