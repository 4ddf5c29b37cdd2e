"""TOTP enrolment, second-factor checks (TOTP or recovery code) and turning MFA off.

Enrolling needs proof of the password at both steps: the password itself
(``reauth.confirm_password``, throttled like sign-in), or a session signed in with it less
than ``ENROLMENT_FRESH`` ago (the sign-up → enrol flow of the public contract, whose
mutations take no password). An older session alone (a stolen cookie or token of a user
without MFA) must not register its own authenticator and then pass step-up with it. A
user who has a factor replaces it only by turning it off first, which needs step-up (a
fresh code) and the password. API tokens never reach these (``authz`` ``person``).

The TOTP secret is sealed with the user's home account data key. A code is accepted once:
the matched time step is stored with a conditional UPDATE, so even two concurrent requests
with the same code cannot both pass. Recovery codes are single-use HMAC-SHA-256 digests under
a key derived from the active master key (its id stored with each code); codes from before
keying (``key_id`` NULL, plain SHA-256) still work, once each, until MFA is set up again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.identity import RecoveryCode, Session, User
from meterwise.security import totp
from meterwise.services import vault
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import sessions, throttle
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.identity.reauth import confirm_password
from meterwise.services.security_events import suspicious
from meterwise.services.viewer import Viewer

RECOVERY_CODES = 10
_SEAL = {"record": "app_user", "field": "totp_secret"}


@dataclass(frozen=True)
class Enrollment:
    secret: str
    provisioning_uri: str
    qr_svg: str


async def _seal(user: User, secret: str) -> str:
    if user.home_account_id is None:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Your home account no longer exists.")
    return await vault.seal(user.home_account_id, secret,
                            record_id=user.id, **_SEAL)


async def _open(user: User) -> str | None:
    if user.totp_secret_sealed is None or user.home_account_id is None:
        return None
    try:
        raw = await vault.open_secret(user.home_account_id,
                                      user.totp_secret_sealed, record_id=user.id, **_SEAL)
    except vault.SecretUnavailable:
        return None
    return raw.decode("ascii")


async def _accept_totp(user: User, code: str, client: Client, account_id: UUID | None) -> bool:
    secret = await _open(user)
    if secret is None:
        return False
    now = clock.now()
    step = totp.verify_totp(secret, code, last_used_step=user.totp_last_step, now=now)
    if step is None:
        replay = totp.verify_totp(secret, code, last_used_step=None, now=now)
        if replay is not None:
            await audit_event("mfa.replay_rejected", client, account_id=account_id,
                              actor_id=user.id, target=user.id)
            await suspicious.on_totp_replay(user_id=user.id, account_id=account_id,
                                            ip=client.ip)
        return False
    won = await User.filter(
        Q(id=user.id) & (Q(totp_last_step__isnull=True) | Q(totp_last_step__lt=step))
    ).update(totp_last_step=step)
    user.totp_last_step = step
    return bool(won)


def _recovery_key(key_id: str | None) -> bytes | None:
    """The HMAC key of ``key_id`` (None: a legacy unkeyed code); raises LookupError when
    that master key version is no longer configured."""
    if key_id is None:
        return None
    master = vault.master_ring().find(key_id) or vault.master_ring(reload=True).find(key_id)
    if master is None:
        raise LookupError(key_id)
    return totp.recovery_code_key(master.key, key_id)


def _hash_new_codes(codes: list[str]) -> tuple[str, list[str]]:
    key_id = vault.master_ring().active.id
    key = _recovery_key(key_id)
    return key_id, [totp.hash_recovery_code(c, key=key) for c in codes]


async def _accept_recovery_code(user: User, code: str, client: Client,
                                account_id: UUID | None) -> bool:
    unused = await RecoveryCode.filter(user_id=user.id, used_at__isnull=True)
    match: RecoveryCode | None = None
    for key_id in sorted({row.key_id or "" for row in unused}):
        rows = [row for row in unused if (row.key_id or "") == key_id]
        try:
            key = _recovery_key(key_id or None)
        except LookupError:
            continue  # sealed under a retired master key: cannot match any more
        index = totp.match_recovery_code(code, [row.code_hash for row in rows], key=key)
        if index is not None and match is None:
            match = rows[index]
    if match is None:
        return False
    won = await RecoveryCode.filter(id=match.id, used_at__isnull=True).update(
        used_at=clock.now()
    )
    if won:
        await audit_event("mfa.recovery_code_used", client, account_id=account_id,
                          actor_id=user.id, target=user.id,
                          metadata={"remaining": len(unused) - 1,
                                    "legacy": match.key_id is None})
    return bool(won)


async def check_second_factor(user: User, code: str, client: Client,
                              account_id: UUID | None) -> bool:
    """A TOTP code or an unused recovery code, throttled per user and per IP."""
    keys = throttle.mfa_keys(user.id, client.ip)
    await throttle.attempt(keys)
    if not user.totp_enabled:
        return False
    if totp.normalise_totp_code(code) is not None:
        ok = await _accept_totp(user, code, client, account_id)
    else:
        ok = await _accept_recovery_code(user, code, client, account_id)
    if ok:
        user_key, ip_key = list(keys)
        await throttle.succeeded([user_key], [ip_key])
    else:
        await audit_event("mfa.failed", client, account_id=account_id, actor_id=user.id,
                          target=user.id)
        await suspicious.on_mfa_failed(user_id=user.id, account_id=account_id, ip=client.ip)
    return ok


ENROLMENT_FRESH = timedelta(minutes=10)


async def _confirm_for_enrollment(viewer: Viewer, client: Client,
                                  password: str | None) -> User:
    """The user, once the password is shown again or the session is a fresh sign-in."""
    if password is not None:
        return await confirm_password(viewer, client, password,
                                      failed_event="mfa.enroll_failed",
                                      message="Wrong password.", field="password")
    fresh_since = clock.now() - ENROLMENT_FRESH
    if viewer.session_id is None or not await Session.exists(id=viewer.session_id,
                                                             created_at__gte=fresh_since):
        raise UserInputError(UserErrorCode.STEP_UP_REQUIRED,
                             "Confirm your password to set up two-factor authentication.",
                             "password")
    return await User.get(id=viewer.user_id)


async def start_enrollment(viewer: Viewer, client: Client, *,
                           password: str | None = None) -> Enrollment:
    """A new TOTP secret for the user (not yet on), once their password is confirmed."""
    user = await _confirm_for_enrollment(viewer, client, password)
    if user.totp_enabled:
        raise UserInputError(UserErrorCode.ALREADY_EXISTS,
                             "Two-factor authentication is already on; turn it off first.")
    secret = totp.new_totp_secret()
    if user.home_account_id is None:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Your home account no longer exists.")
    # Seal and save under the account's key lock: a concurrent data-key rotation must not
    # delete the key this secret was just sealed with.
    async with vault.sealing(user.home_account_id):
        user.totp_secret_sealed = await _seal(user, secret)
        user.totp_last_step = None
        await user.save(update_fields=["totp_secret_sealed", "totp_last_step"])
    uri = totp.provisioning_uri(secret, user.email)
    return Enrollment(secret=secret, provisioning_uri=uri, qr_svg=totp.qr_svg(uri))


async def confirm_enrollment(viewer: Viewer, client: Client, code: str, *,
                             password: str | None = None) -> list[str]:
    """Turn TOTP on with the password and a first valid code; returns the recovery codes
    (shown once)."""
    user = await _confirm_for_enrollment(viewer, client, password)
    if user.totp_enabled:
        raise UserInputError(UserErrorCode.ALREADY_EXISTS,
                             "Two-factor authentication is already on.")
    keys = throttle.mfa_keys(user.id, client.ip)
    await throttle.attempt(keys)
    if not await _accept_totp(user, code, client, viewer.account_id):
        raise UserInputError(UserErrorCode.INVALID_CODE,
                             "That code did not match; check your authenticator.", "code")
    user_key, ip_key = list(keys)
    await throttle.succeeded([user_key], [ip_key])
    codes = totp.generate_recovery_codes(RECOVERY_CODES)
    key_id, hashes = _hash_new_codes(codes)
    async with in_transaction():
        await User.filter(id=user.id).update(totp_enabled=True)
        await RecoveryCode.filter(user_id=user.id).delete()
        await RecoveryCode.bulk_create(
            [RecoveryCode(user_id=user.id, code_hash=h, key_id=key_id) for h in hashes]
        )
        if viewer.session_id is not None:
            await sessions.mark_mfa_enrolled(viewer.session_id)  # not a step-up
        await audit_event("mfa.enrolled", client, account_id=viewer.account_id,
                          actor_id=user.id, target=user.id)
    return codes


async def disable(viewer: Viewer, client: Client, *, password: str) -> None:
    """Turn TOTP off (after step-up and the password); every other session ends."""
    user = await confirm_password(viewer, client, password, failed_event="mfa.disable_failed",
                                  message="Wrong password.", field="password")
    if not user.totp_enabled:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Two-factor authentication is off.")
    async with in_transaction():
        await User.filter(id=user.id).update(totp_enabled=False, totp_secret_sealed=None,
                                             totp_last_step=None)
        await RecoveryCode.filter(user_id=user.id).delete()
        revoked = await sessions.revoke_other_sessions(user.id, keep=viewer.session_id)
        if viewer.session_id is not None:
            await sessions.clear_mfa_verified(viewer.session_id)
        await audit_event("mfa.disabled", client, account_id=viewer.account_id,
                          actor_id=user.id, target=user.id,
                          metadata={"sessions_revoked": revoked.session_count})
    await revoked.announce()
    await suspicious.on_mfa_disabled(user_id=user.id, account_id=viewer.account_id,
                                     ip=client.ip)
