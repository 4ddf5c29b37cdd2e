"""Sessions: random tokens stored hashed, idle timeout plus absolute lifetime, revocation.

A token resolves to a ``Viewer`` only while the session is unrevoked, younger than its
absolute lifetime and used within the idle timeout, and while the user still belongs to the
session's account. ``last_seen_at`` is written at most once a minute to keep reads cheap.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from meterwise import clock
from meterwise.models.containment import PasswordChangeRequirement
from meterwise.models.identity import Account, Membership, Session, User
from meterwise.models.vault import AccountDeletion
from meterwise.security.tokens import SESSION_PREFIX, hash_token, new_token
from meterwise.services.authz import STEP_UP_WINDOW
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import policy
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.identity.revocation import Revoked, revoke
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer

TOUCH_EVERY = timedelta(seconds=60)


async def start_session(user: User, account_id: UUID, client: Client, *,
                        mfa_verified: bool) -> str:
    """A fresh session (a new token every time: sessions rotate at login and after MFA)."""
    if await AccountDeletion.exists(account_id=account_id):  # deleteAccount has committed
        raise UserInputError(UserErrorCode.INVALID_CREDENTIALS, "Wrong email or password.")
    now = clock.now()
    token = new_token(SESSION_PREFIX)
    await Session.create(
        user=user, account_id=account_id, token_hash=hash_token(token), created_at=now,
        last_seen_at=now, expires_at=now + policy.settings().session_absolute,
        mfa_verified_at=now if mfa_verified else None, ip=client.ip[:64],
        user_agent=client.user_agent[:512],
    )
    return token


def mfa_satisfied(user: User, account: Account, mfa_verified_at: datetime | None) -> bool:
    """Enrolled users must have passed MFA in this session; others only if not required."""
    if user.totp_enabled:
        return mfa_verified_at is not None
    return not account.mfa_required


def is_live(session: Session, now: datetime) -> bool:
    return (session.revoked_at is None and now < session.expires_at
            and now < session.last_seen_at + policy.settings().session_idle)


async def find_live(token: str) -> Session | None:
    """The live session of ``token`` with its user and account loaded, else None."""
    if not token.startswith(SESSION_PREFIX):
        return None
    session = await Session.get_or_none(token_hash=hash_token(token)).select_related(
        "user", "account"
    )
    if session is None or not is_live(session, clock.now()):
        return None
    return session


async def resolve_session(token: str, *, touch: bool = True) -> Viewer | None:
    """The session's viewer, else None. ``touch=False`` (WebSockets) leaves the idle timer
    alone: only requests keep a session alive, an open socket does not."""
    session = await find_live(token)
    if session is None:
        return None
    membership = await Membership.get_or_none(user_id=session.user.id,
                                              account_id=session.account.id)
    if membership is None or await AccountDeletion.exists(account_id=session.account.id):
        return None
    now = clock.now()
    if touch and now - session.last_seen_at >= TOUCH_EVERY:
        await Session.filter(id=session.id).update(last_seen_at=now)
    return Viewer(
        user_id=session.user.id, account_id=session.account.id, role=membership.role,
        session_id=session.id,
        mfa_satisfied=mfa_satisfied(session.user, session.account, session.mfa_verified_at),
        mfa_verified_at=session.mfa_verified_at if session.user.totp_enabled else None,
        password_change_required=await must_change_password(session.user.id),
    )


async def must_change_password(user_id: UUID) -> bool:
    """Whether a containment asked the user for a new password (every credential of theirs
    is held to it until ``changePassword``)."""
    return await PasswordChangeRequirement.exists(user_id=user_id)


async def end_session(session_id: UUID, client: Client, viewer: Viewer) -> None:
    """``logOut``: revoke the caller's own session (its live subscriptions end too)."""
    await (await revoke(sessions=Session.filter(id=session_id))).announce()
    await audit_event("session.logout", client, account_id=viewer.account_id,
                      actor_id=viewer.user_id, target=session_id)


async def revoke_other_sessions(user_id: UUID, *, keep: UUID | None = None) -> Revoked:
    """After a password change or MFA removal every other session of the user ends.

    Not announced: the caller does, after its transaction (``Revoked.announce``)."""
    query = Session.filter(user_id=user_id)
    if keep is not None:
        query = query.exclude(id=keep)
    return await revoke(sessions=query)


async def revoke_session(viewer: Viewer, client: Client, session_id: UUID) -> None:
    """An admin ends a session of their account (access review); foreign ids find nothing."""
    revoked = await revoke(sessions=scoped(Session, viewer).filter(id=session_id))
    if not revoked.sessions:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such session.", "id")
    await revoked.announce()
    await audit_event("session.revoked", client, account_id=viewer.account_id,
                      actor_id=viewer.user_id, target=session_id)


async def mark_mfa_verified(session_id: UUID) -> None:
    await Session.filter(id=session_id).update(mfa_verified_at=clock.now())


async def mark_mfa_enrolled(session_id: UUID) -> None:
    """TOTP enrolment lets this session past the MFA gate, but it is no step-up: it proves
    only that the session's holder can read the authenticator it just registered (an
    MFA-pending session is a password alone). So the verification is dated just outside the
    step-up window; a step-up needs a later ``verifyMfa``."""
    stale = clock.now() - STEP_UP_WINDOW - timedelta(seconds=1)
    await Session.filter(id=session_id).update(mfa_verified_at=stale)


async def live_sessions(viewer: Viewer, *, limit: int) -> list[Session]:
    """The account's live sessions, newest activity first (access review)."""
    if limit <= 0:
        return []  # Tortoise reads LIMIT 0 as "no limit"
    now = clock.now()
    rows = await scoped(Session, viewer).filter(
        revoked_at__isnull=True, expires_at__gt=now,
        last_seen_at__gt=now - policy.settings().session_idle,
    ).select_related("user").order_by("-last_seen_at").limit(limit)
    return rows


async def purge_expired(*, keep_for: timedelta = timedelta(days=30)) -> int:
    """Delete sessions dead for ``keep_for`` (they still show last activity in access review
    until then) and MFA challenges nobody can use any more (housekeeping)."""
    from meterwise.models.identity import MfaChallenge

    now = clock.now()
    cutoff = now - keep_for
    dead = await Session.filter(expires_at__lte=cutoff).delete()
    dead += await Session.filter(last_seen_at__lte=cutoff).delete()
    dead += await Session.filter(revoked_at__lte=cutoff).delete()
    dead += await MfaChallenge.filter(expires_at__lte=now).delete()
    return dead


async def clear_mfa_verified(session_id: UUID) -> None:
    await Session.filter(id=session_id).update(mfa_verified_at=None)


async def end_session_quietly(session_id: UUID) -> None:
    """Retire a session that is being replaced by a rotated one (no audit of its own)."""
    await (await revoke(sessions=Session.filter(id=session_id))).announce()


def csrf_token_for(session_token: str) -> str:
    """The double-submit CSRF value bound to a session: only its holder can compute it,
    and a cross-site page can neither read the cookie nor set the header."""
    return hash_token("csrf:" + session_token)
