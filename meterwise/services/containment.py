"""Containing an account during a security incident: the operator's four levers.

Each action is audited (``containment.<action>``, naming the operator and the reason) and
answers with a line saying what it did; ``release_account`` undoes those that can be undone:

- ``REVOKE_CREDENTIALS``: every session, API token and pending sign-in challenge in the
  account ends now; the revocation notice closes their live WebSockets and subscriptions
  at once (``revocation.Revoked.announce``). Not reversible: members sign in again.
- ``FREEZE_CONNECTIONS``: the account's provider keys stay sealed (``vault.open_secret``
  refuses them), the scheduler skips it and a sync that starts anyway ends FAILED with a
  clear message and no retry. ``frozen`` on each connection tells the owners why. Released
  by deleting the freeze.
- ``NEW_DATA_KEY``: a fresh data key, every secret of the account re-sealed under it, the
  old keys deleted (shredded) (``rotation.rotate_account_key``). Not reversible.
- ``REQUIRE_PASSWORD_CHANGE``: every member's credentials, existing and new, can do nothing
  but ``changePassword`` (``authz``: ``PASSWORD_CHANGE_REQUIRED``); their open sockets
  re-check now and close. Released by deleting the requirement.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from uuid import UUID

from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.containment import AccountFreeze, PasswordChangeRequirement
from meterwise.models.identity import Account, ApiToken, Membership, MfaChallenge, Session
from meterwise.services import audit
from meterwise.services.identity import revocation
from meterwise.services.vault import rotation

MAX_ACTOR = 200
MAX_REASON = 500


class ContainmentAction(StrEnum):
    REVOKE_CREDENTIALS = "revoke_credentials"
    FREEZE_CONNECTIONS = "freeze_connections"
    NEW_DATA_KEY = "new_data_key"
    REQUIRE_PASSWORD_CHANGE = "require_password_change"  # noqa: S105 - an action name


class UnknownAccount(LookupError):
    """No account has this id."""


async def contain_account(account_id: UUID, actions: Sequence[ContainmentAction], *,
                          actor: str, reason: str) -> list[str]:
    """Apply ``actions`` (each once, in the enum's order) to the account; what was done."""
    actor, reason = await _checked(account_id, actor, reason)
    lines: list[str] = []
    for action in _ordered(actions):
        line, details = await _CONTAIN[action](account_id, actor, reason)
        await _audit(f"containment.{action.value}", account_id, actor, reason, details)
        lines.append(line)
    return lines


async def release_account(account_id: UUID, actions: Sequence[ContainmentAction], *,
                          actor: str, reason: str) -> list[str]:
    """Undo the reversible ``actions``; the others answer that they cannot be undone."""
    actor, reason = await _checked(account_id, actor, reason)
    lines: list[str] = []
    for action in _ordered(actions):
        if action is ContainmentAction.FREEZE_CONNECTIONS:
            removed = await AccountFreeze.filter(account_id=account_id).delete()
            lines.append("Connections unfrozen: syncing resumes on the next schedule."
                         if removed else "Connections were not frozen; nothing to release.")
            await _audit("containment.unfreeze_connections", account_id, actor, reason,
                         {"released": bool(removed)})
        elif action is ContainmentAction.REQUIRE_PASSWORD_CHANGE:
            users = await _requirement_users(account_id)
            removed = await PasswordChangeRequirement.filter(account_id=account_id).delete()
            for user_id in users:
                await revocation.announce_access_changed(account_id, user_id)
            lines.append(f"Password-change requirement lifted for {removed} member(s).")
            await _audit("containment.password_change_lifted", account_id, actor, reason,
                         {"members": removed})
        elif action is ContainmentAction.REVOKE_CREDENTIALS:
            lines.append("Revoked credentials cannot be restored: members sign in again "
                         "and create new API tokens.")
        else:
            lines.append("A new data key cannot be undone: the old key was shredded.")
    return lines


async def is_frozen(account_id: UUID) -> bool:
    """Whether the account's connections are frozen (the API shows it per connection)."""
    return await AccountFreeze.exists(account_id=account_id)


def _ordered(actions: Sequence[ContainmentAction]) -> list[ContainmentAction]:
    wanted = {ContainmentAction(action) for action in actions}
    return [action for action in ContainmentAction if action in wanted]


async def _checked(account_id: UUID, actor: str, reason: str) -> tuple[str, str]:
    actor, reason = actor.strip()[:MAX_ACTOR], reason.strip()[:MAX_REASON]
    if not actor or not reason:
        raise ValueError("name the operator (actor) and the reason")
    if not await Account.exists(id=account_id):
        raise UnknownAccount(f"no account {account_id}")
    return actor, reason


async def _audit(action: str, account_id: UUID, actor: str, reason: str,
                 details: dict[str, object]) -> None:
    await audit.record(action, account_id=account_id, actor_id=None,
                       target=f"account:{account_id}", ip=None, user_agent=None,
                       metadata={"operator": actor, "reason": reason, **details})


Outcome = tuple[str, dict[str, object]]


async def _revoke_credentials(account_id: UUID, actor: str, reason: str) -> Outcome:
    async with in_transaction():
        revoked = await revocation.revoke(sessions=Session.filter(account_id=account_id),
                                          api_tokens=ApiToken.filter(account_id=account_id))
        challenges = await MfaChallenge.filter(account_id=account_id,
                                               used_at__isnull=True).update(used_at=revoked.at)
    await revoked.announce()  # after commit: live sockets and subscriptions close now
    return (f"Revoked {revoked.session_count} session(s), {revoked.api_token_count} API "
            f"token(s) and {challenges} pending sign-in(s); their live connections were "
            "closed.", {"sessions": revoked.session_count,
                        "api_tokens": revoked.api_token_count, "sign_ins": challenges})


async def _freeze_connections(account_id: UUID, actor: str, reason: str) -> Outcome:
    _, created = await AccountFreeze.get_or_create(
        account_id=account_id,
        defaults={"frozen_at": clock.now(), "frozen_by": actor, "reason": reason})
    return ("Connections frozen: no sync runs and no provider key is opened until release."
            if created else "Connections were already frozen.", {"already": not created})


async def _new_data_key(account_id: UUID, actor: str, reason: str) -> Outcome:
    result = await rotation.rotate_account_key(account_id)
    return (f"New data key {result.new_key_id}: {result.resealed} secret(s) re-sealed, "
            f"{result.old_keys_deleted} old key(s) shredded"
            + (f", {result.unreadable} unreadable secret(s) left as they were."
               if result.unreadable else "."),
            {"key": str(result.new_key_id), "resealed": result.resealed,
             "unreadable": result.unreadable, "shredded": result.old_keys_deleted})


async def _require_password_change(account_id: UUID, actor: str, reason: str) -> Outcome:
    now = clock.now()
    members = [UUID(str(user_id)) for user_id in await Membership.filter(
        account_id=account_id).values_list("user_id", flat=True)]
    known = set(await _requirement_users(account_id))
    await PasswordChangeRequirement.bulk_create(
        [PasswordChangeRequirement(user_id=user_id, account_id=account_id, required_at=now)
         for user_id in members if user_id not in known], ignore_conflicts=True)
    for user_id in members:  # their open sockets re-check now, and close
        await revocation.announce_access_changed(account_id, user_id)
    return (f"{len(members)} member(s) must change their password at next sign-in; until "
            "then their sessions and API tokens can do nothing else.",
            {"members": len(members)})


async def _requirement_users(account_id: UUID) -> list[UUID]:
    rows = await PasswordChangeRequirement.filter(account_id=account_id).values_list(
        "user_id", flat=True)
    return [UUID(str(row)) for row in rows]


_CONTAIN = {
    ContainmentAction.REVOKE_CREDENTIALS: _revoke_credentials,
    ContainmentAction.FREEZE_CONNECTIONS: _freeze_connections,
    ContainmentAction.NEW_DATA_KEY: _new_data_key,
    ContainmentAction.REQUIRE_PASSWORD_CHANGE: _require_password_change,
}
