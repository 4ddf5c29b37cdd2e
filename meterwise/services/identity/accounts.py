"""Sign-up and account settings.

``sign_up`` turns an invite into a user: a sign-up invite creates a new account (with its
vault data key) whose owner the user becomes; a member invite adds the user to the
inviting account with the invite's role. It all happens in one transaction, so a failure
leaves the invite unused.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.identity import Account, Membership, Role, User
from meterwise.security.passwords import hash_password
from meterwise.services import vault
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import invites, policy, sessions, throttle
from meterwise.services.identity.common import (
    Client,
    audit_event,
    check_new_password,
    normalise_email,
)
from meterwise.services.viewer import Viewer


@dataclass(frozen=True)
class SignedUp:
    user: User
    account: Account
    token: str


def _account_name(name: str | None) -> str:
    value = (name or "").strip()
    if not 1 <= len(value) <= 200:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             "Name the account (1-200 characters).", "accountName")
    return value


async def sign_up(client: Client, *, invite_code: str, email: str, password: str,
                  account_name: str | None) -> SignedUp:
    """Create the user, cheapest refusals first: argon2 runs only for a request that would
    succeed, so a flood of bad calls costs a lookup each, not a password hash.

    Order: input shape; the throttle (per IP and per invite code, in the database like
    logIn); the invite (one lookup, not yet used); the password policy and account name;
    whether the email is taken; only then the hash and the transaction that uses the invite.

    An email that already has a user answers exactly like a bad invite (``INVALID_INVITE``,
    same message and field, no use spent): a caller without a valid invite learns nothing,
    and even with one, every answer but success looks the same. (The policy check comes
    before the email check so a weak password cannot serve as a cheap existence oracle.)
    Existing users join more accounts with ``acceptInvite``.
    """
    address = normalise_email(email)
    keys = throttle.signup_keys(invite_code, client.ip)
    await throttle.attempt(keys)
    invite = await invites.check(invite_code)
    check_new_password(password, address)
    if invite.account_id is None:
        _account_name(account_name)
    if await User.exists(email=address):
        raise invites.invalid()
    password_hash = await hash_password(password, hasher=policy.hasher())
    now = clock.now()
    try:
        async with in_transaction():
            invite = await invites.consume(invite_code)
            if invite.account_id is None:
                account = await Account.create(name=_account_name(account_name))
                await vault.create_account_key(account.id)
                role = Role.OWNER
            else:
                account = await Account.get(id=invite.account_id)
                role = invite.role or Role.VIEWER
            user = await User.create(email=address, password_hash=password_hash,
                                     home_account=account, password_changed_at=now)
            await Membership.create(user=user, account=account, role=role)
            token = await sessions.start_session(user, account.id, client, mfa_verified=False)
            await audit_event("invite.used", client, account_id=account.id, actor_id=user.id,
                              target=invite.id, metadata={"role": role.value})
            await audit_event("user.signed_up", client, account_id=account.id,
                              actor_id=user.id, target=user.id,
                              metadata={"role": role.value,
                                        "new_account": invite.account_id is None})
    except IntegrityError:  # a concurrent sign-up took the email first
        raise invites.invalid() from None
    await throttle.succeeded([], keys)  # failures stay counted; this success frees its slot
    return SignedUp(user=user, account=account, token=token)


async def account_of(viewer: Viewer) -> Account:
    return await Account.get(id=viewer.account_id)


async def user_of(viewer: Viewer) -> User:
    return await User.get(id=viewer.user_id)


async def update_settings(viewer: Viewer, client: Client, *, name: str | None = None,
                          mfa_required: bool | None = None) -> Account:
    """Owners rename the account or switch "MFA required for all members"."""
    account = await Account.get(id=viewer.account_id)
    changed: dict[str, object] = {}
    if name is not None:
        account.name = _account_name(name)
        changed["name"] = account.name
    if mfa_required is not None and mfa_required != account.mfa_required:
        account.mfa_required = mfa_required
        changed["mfa_required"] = mfa_required
    if changed:
        await account.save(update_fields=list(changed))
        await audit_event("account.settings_changed", client, account_id=account.id,
                          actor_id=viewer.user_id, target=account.id, metadata=changed)
    return account
