"""Sign-up and account settings.

``sign_up`` turns an invite into a user: a sign-up invite creates a new account (with its
vault data key) whose owner the user becomes; a member invite adds the user to the
inviting account with the invite's role. It all happens in one transaction, so a failure
leaves the invite unused.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from meterwise.models.identity import Account, Membership, Role, User
from meterwise.services import vault
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import invites, policy, sessions
from meterwise.services.identity.common import (
    Client,
    audit_event,
    new_password_hash,
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
    address = normalise_email(email)
    password_hash = await new_password_hash(password, address)
    now = policy.now()
    async with in_transaction():
        invite = await invites.consume(invite_code)
        if await User.exists(email=address):
            raise UserInputError(UserErrorCode.ALREADY_EXISTS,
                                 "This email already has a Meterwise user; sign in instead.",
                                 "email")
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
        await audit_event("user.signed_up", client, account_id=account.id, actor_id=user.id,
                          target=user.id, metadata={"role": role.value,
                                                    "new_account": invite.account_id is None})
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
