"""What an access review looks for in one account, computed from the live tables.

Each check is one or two queries over the account's own rows. The thresholds come from
``ReviewSettings`` (``METERWISE_REVIEW_*``). A finding names its subject (membership, token,
invite or connection id) so the console can act on it with the existing mutations, and a
summary for the digest: names, roles and dates, never a secret.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import F
from tortoise.functions import Max

from meterwise.config import ReviewSettings
from meterwise.models.audit import AuditEvent
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.identity import ApiToken, Invite, Membership, Role, Session
from meterwise.models.reviews import FindingKind
from meterwise.services.identity.api_tokens import is_active

KEY_REPLACED = "connection.key_replaced"  # services/connections audits each key change
FAILING = (ConnectionStatus.INVALID_CREDENTIALS, ConnectionStatus.ERROR)


@dataclass(frozen=True)
class Found:
    kind: FindingKind
    subject_id: UUID | None
    summary: str
    since: datetime | None = None

    @property
    def key(self) -> tuple[FindingKind, UUID | None]:
        return self.kind, self.subject_id


def _day(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d") if at else "never"


async def find(account_id: UUID, now: datetime, limits: ReviewSettings) -> list[Found]:
    """Every finding for the account as of ``now``, in a stable order."""
    return [*await _members(account_id, now, limits), *await _tokens(account_id, now, limits),
            *await _invites(account_id, now), *await _connections(account_id, now, limits)]


async def _members(account_id: UUID, now: datetime, limits: ReviewSettings) -> list[Found]:
    cutoff = now - timedelta(days=limits.inactive_member_days)
    members = await Membership.filter(account_id=account_id).select_related("user").order_by(
        "created_at")
    seen = dict(await Session.filter(account_id=account_id).group_by("user_id").annotate(
        last=Max("last_seen_at")).values_list("user_id", "last"))
    used = dict(await ApiToken.filter(account_id=account_id).group_by("user_id").annotate(
        last=Max("last_used_at")).values_list("user_id", "last"))
    found: list[Found] = []
    for m in members:
        last = max((t for t in (seen.get(m.user_id), used.get(m.user_id)) if t), default=None)
        if m.created_at < cutoff and (last is None or last < cutoff):
            found.append(Found(FindingKind.INACTIVE_MEMBER, m.id,
                               f"{m.user.email} ({m.role}) last active {_day(last)}", last))
    owners = [m.user.email for m in members if m.role == Role.OWNER]
    if len(owners) > limits.max_owners:
        found.append(Found(FindingKind.EXCESS_OWNERS, None,
                           f"{len(owners)} owners (more than {limits.max_owners}): "
                           + ", ".join(owners)[:200]))
    return found


async def _tokens(account_id: UUID, now: datetime, limits: ReviewSettings) -> list[Found]:
    cutoff = now - timedelta(days=limits.unused_token_days)
    rows = await ApiToken.filter(account_id=account_id, revoked_at__isnull=True,
                                 expires_at__gt=now).select_related("user").order_by(
        "created_at")
    found = []
    for row in rows:
        if not is_active(row, now):
            continue  # already expired from disuse: it no longer opens anything
        last = row.last_used_at
        if (last or row.created_at) < cutoff or (last is None and row.created_at < now
                                                  - timedelta(days=1)):
            found.append(Found(FindingKind.UNUSED_API_TOKEN, row.id,
                               f"API token \"{row.name}\" of {row.user.email} ({row.scope}), "
                               f"last used {_day(last)}", last or row.created_at))
    return found


async def _invites(account_id: UUID, now: datetime) -> list[Found]:
    rows = await Invite.filter(account_id=account_id, revoked_at__isnull=True,
                               expires_at__gt=now, uses__lt=F("max_uses")).order_by(
        "created_at")
    return [Found(FindingKind.PENDING_INVITE, row.id,
                  f"{row.role} invite, {row.max_uses - row.uses} use(s) left, expires "
                  f"{_day(row.expires_at)}", row.created_at) for row in rows]


async def key_set_at(connections: list[ProviderConnection]) -> dict[UUID, datetime]:
    """When each connection's current key was set: its last replacement, else creation."""
    if not connections:
        return {}
    replaced = dict(await AuditEvent.filter(
        account_id=connections[0].account_id, action=KEY_REPLACED,
        target__in=[str(c.id) for c in connections]).group_by("target").annotate(
        last=Max("occurred_at")).values_list("target", "last"))
    return {c.id: replaced.get(str(c.id)) or c.created_at for c in connections}


async def _connections(account_id: UUID, now: datetime, limits: ReviewSettings
                       ) -> list[Found]:
    rows = await ProviderConnection.filter(account_id=account_id).order_by("created_at")
    set_at = await key_set_at(rows)
    key_cutoff = now - timedelta(days=limits.provider_key_max_days)
    idle_cutoff = now - timedelta(days=limits.idle_connection_days)
    found: list[Found] = []
    for c in rows:
        name = f"{c.provider} connection \"{c.label}\" (key …{c.key_hint})"
        if set_at[c.id] < key_cutoff:
            found.append(Found(FindingKind.STALE_PROVIDER_KEY, c.id,
                               f"{name}: key set {_day(set_at[c.id])}, older than "
                               f"{limits.provider_key_max_days} days", set_at[c.id]))
        if c.status in FAILING:
            found.append(Found(FindingKind.FAILING_CONNECTION, c.id,
                               f"{name}: sync failing ({c.status})", c.last_synced_at))
        elif (c.last_synced_at or c.created_at) < idle_cutoff:
            found.append(Found(FindingKind.IDLE_CONNECTION, c.id,
                               f"{name}: no successful sync since {_day(c.last_synced_at)}",
                               c.last_synced_at))
    return found
