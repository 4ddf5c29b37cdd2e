"""Revoking sessions and API tokens, and ending their live streams at once.

Every path that revokes a credential (logOut, revokeSession, revokeApiToken, a password
change ending the other sessions and every API token, MFA removal ending the other
sessions, a step-up rotation, removeMember, deleteAccount) calls ``revoke`` and, once its
transaction committed, ``Revoked.announce``: one ``credentialsRevoked`` notice per account
on ``account:<id>`` naming the revoked ids. A role change announces ``accessChanged`` for
the member instead (a re-check now). Every API process hears them on its event bus, and
each ``guarded`` stream (every subscription, every WebSocket) they name acts there and
then. The periodic re-check in ``guarded`` stays as the safety net: expiry, idle timeout,
a notice lost with Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.queryset import QuerySet

from meterwise import clock, pubsub
from meterwise.models.identity import ApiToken, Session
from meterwise.services.viewer import Viewer

CREDENTIALS_REVOKED = "credentialsRevoked"
ACCESS_CHANGED = "accessChanged"


class CredentialRevoked(Exception):
    """The subscriber's session or token stopped being valid while it listened."""


@dataclass
class Revoked:
    """What one ``revoke`` call ended, by account (a user's sessions span accounts)."""

    at: datetime
    sessions: dict[UUID, list[UUID]] = field(default_factory=dict)
    api_tokens: dict[UUID, list[UUID]] = field(default_factory=dict)

    @property
    def session_count(self) -> int:
        return sum(len(ids) for ids in self.sessions.values())

    @property
    def api_token_count(self) -> int:
        return sum(len(ids) for ids in self.api_tokens.values())

    async def announce(self) -> None:
        """Tell every API process; call after the revoking transaction committed, so no
        stream ends for a revocation that was rolled back."""
        for account_id in self.sessions.keys() | self.api_tokens.keys():
            await pubsub.publish(pubsub.account_channel(account_id), {
                "type": CREDENTIALS_REVOKED,
                "sessionIds": [str(i) for i in self.sessions.get(account_id, ())],
                "apiTokenIds": [str(i) for i in self.api_tokens.get(account_id, ())],
            })


async def revoke(*, sessions: QuerySet[Session] | None = None,
                 api_tokens: QuerySet[ApiToken] | None = None) -> Revoked:
    """Revoke the still-live rows each query selects; returns their ids (not announced)."""
    revoked = Revoked(at=clock.now())
    if sessions is not None:
        revoked.sessions = await _revoke(sessions, revoked.at)
    if api_tokens is not None:
        revoked.api_tokens = await _revoke(api_tokens, revoked.at)
    return revoked


async def _revoke(query: QuerySet[Any], at: datetime) -> dict[UUID, list[UUID]]:
    """One UPDATE, then its rows read back by the exact ``revoked_at`` it wrote (no race
    with a row created in between, unlike reading the ids first)."""
    if not await query.filter(revoked_at__isnull=True).update(revoked_at=at):
        return {}
    by_account: dict[UUID, list[UUID]] = {}
    for row_id, account_id in await query.filter(revoked_at=at).values_list("id",
                                                                            "account_id"):
        by_account.setdefault(account_id, []).append(row_id)
    return by_account


async def revoke_for_password_change(user_id: UUID, *, keep_session: UUID | None) -> Revoked:
    """A new password ends the user's other sessions *and* all their API tokens (every
    account): whoever held the old password may have minted tokens with it. Not announced:
    the caller does, after its transaction."""
    sessions = Session.filter(user_id=user_id)
    if keep_session is not None:
        sessions = sessions.exclude(id=keep_session)
    return await revoke(sessions=sessions, api_tokens=ApiToken.filter(user_id=user_id))


async def announce_access_changed(account_id: UUID, user_id: UUID) -> None:
    """A member's role changed: every live stream and socket of theirs in the account
    re-checks its credential now (and closes if it no longer allows what it does), instead
    of at the next periodic re-check. Call after the change committed."""
    await pubsub.publish(pubsub.account_channel(account_id),
                         {"type": ACCESS_CHANGED, "userIds": [str(user_id)]})


def concerns(payload: Any, viewer: Viewer) -> bool:
    """Whether ``payload`` asks the viewer's streams to re-check (an access change)."""
    if not isinstance(payload, dict) or payload.get("type") != ACCESS_CHANGED:
        return False
    named = payload.get("userIds")
    return isinstance(named, list) and str(viewer.user_id) in map(str, named)


def names(payload: Any, viewer: Viewer) -> bool:
    """Whether ``payload`` is a revocation notice naming the viewer's session or token."""
    if not isinstance(payload, dict) or payload.get("type") != CREDENTIALS_REVOKED:
        return False
    for key, mine in (("sessionIds", viewer.session_id), ("apiTokenIds", viewer.api_token_id)):
        named = payload.get(key)
        if mine is not None and isinstance(named, list) and str(mine) in map(str, named):
            return True
    return False


async def guarded(viewer: Viewer, channel: str, still_valid: Callable[[], Awaitable[bool]], *,
                  recheck_seconds: float) -> AsyncIterator[dict[str, Any]]:
    """Payloads on ``channel`` for as long as the viewer's credential holds.

    Ends with ``CredentialRevoked`` at once when a notice on the account's channel names the
    viewer's session or token, or when ``still_valid()`` (run every ``recheck_seconds``, and
    at once on an access-change notice naming the viewer's user) says no. Every
    subscription streams through this, whatever its channel.
    """
    loop = asyncio.get_running_loop()
    watch = pubsub.account_channel(viewer.account_id)
    async with pubsub.current().hub.subscribe_many({channel, watch}) as queue:
        next_check = loop.time() + recheck_seconds
        while True:
            source: str | None = None
            payload: dict[str, Any] | None = None
            with contextlib.suppress(TimeoutError):  # none yet: time to re-check
                source, payload = await asyncio.wait_for(
                    queue.get(), max(0.0, next_check - loop.time()))
            if source == watch and names(payload, viewer):
                raise CredentialRevoked()
            if source == watch and concerns(payload, viewer):
                next_check = loop.time()  # a role changed: re-check now
            if loop.time() >= next_check:
                if not await still_valid():
                    raise CredentialRevoked()
                next_check = loop.time() + recheck_seconds
            if source == channel and isinstance(payload, dict):  # JSON from Redis: any shape
                yield payload
