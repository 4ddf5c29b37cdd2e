"""Signing in and out: password, then (when enrolled) a second factor, then a session.

Failures never tell whether an email exists: unknown emails cost the same argon2 work
(a dummy verification), get the same message, and are throttled under the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from tortoise import connections

from meterwise import clock
from meterwise.models.containment import PasswordChangeRequirement
from meterwise.models.identity import Membership, MfaChallenge, User
from meterwise.models.vault import AccountDeletion
from meterwise.security.passwords import verify_against_dummy, verify_password
from meterwise.security.tokens import MFA_PENDING_PREFIX, hash_token, new_token
from meterwise.services.errors import Unauthenticated, UserErrorCode, UserInputError
from meterwise.services.identity import mfa, policy, revocation, sessions, throttle
from meterwise.services.identity.common import (
    Client,
    audit_event,
    new_password_hash,
    normalise_email,
)
from meterwise.services.identity.reauth import confirm_password
from meterwise.services.security_events import suspicious
from meterwise.services.viewer import Viewer

BAD_LOGIN = "Wrong email or password."
NO_FACTOR = ("This needs two-factor authentication: turn it on first "
             "(startTotpEnrollment, with your password), then confirm with a code.")
MAX_CHALLENGE_ATTEMPTS = 5  # codes checked per mfaToken (``MfaChallenge.failures`` counts)


@dataclass(frozen=True)
class LoginResult:
    token: str | None = None
    mfa_token: str | None = None
    user: User | None = None


def _invalid_credentials() -> UserInputError:
    return UserInputError(UserErrorCode.INVALID_CREDENTIALS, BAD_LOGIN)


async def _find_user(email: str) -> User | None:
    try:
        address = normalise_email(email)
    except UserInputError:
        return None
    return await User.get_or_none(email=address)


async def _current_account(user: User) -> UUID | None:
    """The home account when still a member, else the oldest membership; never an account
    whose deletion has been requested (its rows linger until the purge job runs)."""
    rows = await Membership.filter(user_id=user.id).order_by("created_at").only("account_id")
    deleting = set(await AccountDeletion.filter(
        account_id__in=[row.account_id for row in rows]).values_list("account_id", flat=True))
    ids = [row.account_id for row in rows if row.account_id not in deleting]
    if user.home_account_id in ids:
        return user.home_account_id
    return ids[0] if ids else None


async def log_in(client: Client, *, email: str, password: str) -> LoginResult:
    keys = throttle.login_keys(email, client.ip)
    await throttle.attempt(keys)
    user = await _find_user(email)
    if user is None:
        await verify_against_dummy(password, hasher=policy.hasher())
        await audit_event("login.failed", client, account_id=None, actor_id=None,
                          metadata={"reason": "credentials"})
        await suspicious.on_login_failed(email=email, account_id=None, ip=client.ip)
        raise _invalid_credentials()
    ok, new_hash = await verify_password(user.password_hash, password, hasher=policy.hasher())
    account_id = await _current_account(user)
    if not ok or account_id is None:
        await audit_event("login.failed", client, account_id=account_id, actor_id=user.id,
                          target=user.id, metadata={"reason": "credentials"})
        await suspicious.on_login_failed(email=email, account_id=account_id, ip=client.ip)
        raise _invalid_credentials()
    if new_hash is not None:
        await User.filter(id=user.id).update(password_hash=new_hash)
    email_key, ip_key = list(keys)
    await throttle.succeeded([email_key], [ip_key])
    if user.totp_enabled:
        now = clock.now()
        mfa_token = new_token(MFA_PENDING_PREFIX)
        await MfaChallenge.create(
            user=user, account_id=account_id, token_hash=hash_token(mfa_token), created_at=now,
            expires_at=now + timedelta(minutes=policy.settings().mfa_challenge_minutes),
        )
        await audit_event("login.password_ok", client, account_id=account_id,
                          actor_id=user.id, target=user.id)
        return LoginResult(mfa_token=mfa_token)
    token = await sessions.start_session(user, account_id, client, mfa_verified=False)
    await audit_event("login.succeeded", client, account_id=account_id, actor_id=user.id,
                      target=user.id, metadata={"mfa": False})
    await suspicious.on_login_succeeded(user_id=user.id, account_id=account_id, ip=client.ip,
                                        user_agent=client.user_agent)
    return LoginResult(token=token, user=user)


def _bad_code() -> UserInputError:
    return UserInputError(UserErrorCode.INVALID_CODE, "That code is not valid.", "code")


async def verify_mfa(client: Client, *, mfa_token: str | None, code: str,
                     viewer: Viewer | None) -> LoginResult:
    """Exchange ``mfaToken`` + code for a session, or (no mfaToken) step up the caller's
    session: either way a *new* session token is issued and the old credential dies. A user
    without a second factor cannot step up (``NO_FACTOR``) until they enrol one."""
    if mfa_token:
        return await _complete_login(client, mfa_token, code)
    if viewer is None or viewer.session_id is None:
        raise Unauthenticated("Sign in first, or pass the mfaToken from logIn.")
    user = await User.get(id=viewer.user_id)
    if not user.totp_enabled:
        # No password fallback: step-up means a factor a session thief lacks. Enrolling
        # needs the password, then this takes a code from the new authenticator.
        raise UserInputError(UserErrorCode.INVALID_CODE, NO_FACTOR, "code")
    if not await mfa.check_second_factor(user, code, client, viewer.account_id):
        raise _bad_code()
    await sessions.end_session_quietly(viewer.session_id)
    token = await sessions.start_session(user, viewer.account_id, client, mfa_verified=True)
    await audit_event("mfa.step_up", client, account_id=viewer.account_id, actor_id=user.id,
                      target=user.id)
    return LoginResult(token=token, user=user)


# Claim one of the challenge's attempts before checking a code: concurrent guesses each
# take a slot or find none, so no more than MAX_CHALLENGE_ATTEMPTS codes are ever checked.
_CLAIM_ATTEMPT = (
    "UPDATE mfa_challenge SET failures = failures + 1 "
    "WHERE id = $1 AND used_at IS NULL AND expires_at > $2 AND failures < $3 "
    "RETURNING failures"
)


def _expired_sign_in() -> UserInputError:
    return UserInputError(UserErrorCode.INVALID_CODE,
                          "This sign-in has expired; sign in again.", "mfaToken")


async def _complete_login(client: Client, mfa_token: str, code: str) -> LoginResult:
    now = clock.now()
    challenge = await MfaChallenge.get_or_none(
        token_hash=hash_token(mfa_token.strip()), used_at__isnull=True, expires_at__gt=now
    ).select_related("user")
    if challenge is None:
        raise _expired_sign_in()
    claimed = await connections.get("default").execute_query_dict(
        _CLAIM_ATTEMPT, [challenge.id, now, MAX_CHALLENGE_ATTEMPTS])
    if not claimed:
        raise _expired_sign_in()
    user = challenge.user
    if not await mfa.check_second_factor(user, code, client, challenge.account_id):
        if int(claimed[0]["failures"]) >= MAX_CHALLENGE_ATTEMPTS:
            await MfaChallenge.filter(id=challenge.id, used_at__isnull=True).update(used_at=now)
        raise _bad_code()
    used = await MfaChallenge.filter(id=challenge.id, used_at__isnull=True).update(used_at=now)
    if not used:
        raise _expired_sign_in()
    token = await sessions.start_session(user, challenge.account_id, client, mfa_verified=True)
    await audit_event("login.succeeded", client, account_id=challenge.account_id,
                      actor_id=user.id, target=user.id, metadata={"mfa": True})
    await suspicious.on_login_succeeded(user_id=user.id, account_id=challenge.account_id,
                                        ip=client.ip, user_agent=client.user_agent)
    return LoginResult(token=token, user=user)


async def log_out(viewer: Viewer, client: Client) -> bool:
    if viewer.session_id is None:
        return False
    await sessions.end_session(viewer.session_id, client, viewer)
    return True


async def change_password(viewer: Viewer, client: Client, *, current: str, new: str) -> None:
    """Needs the current password; every other session of the user ends. When a
    containment required it, the new password must differ and the requirement ends."""
    user = await confirm_password(viewer, client, current, failed_event="password.change_failed",
                                  message="Wrong current password.", field="currentPassword")
    if viewer.password_change_required and new == current:
        raise UserInputError(UserErrorCode.WEAK_PASSWORD,
                             "Choose a password you have not used here before.", "newPassword")
    password_hash = await new_password_hash(new, user.email, field="newPassword")
    await User.filter(id=user.id).update(password_hash=password_hash,
                                         password_changed_at=clock.now())
    await PasswordChangeRequirement.filter(user_id=user.id).delete()
    revoked = await revocation.revoke_for_password_change(user.id,
                                                          keep_session=viewer.session_id)
    await revoked.announce()
    await audit_event("password.changed", client, account_id=viewer.account_id,
                      actor_id=user.id, target=user.id,
                      metadata={"sessions_revoked": revoked.session_count,
                                "api_tokens_revoked": revoked.api_token_count})
