"""Account settings and the caller's own password."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.types import Account, AccountPayload, ChangePasswordPayload
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import UserInputError
from meterwise.services.identity import accounts, invites, login


@strawberry.input
class UpdateAccountSettingsInput:
    name: str | None = None
    mfa_required: bool | None = None


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Rename the account or set MFA-required (owners).")
    async def update_account_settings(self, info: Info,
                                      input: UpdateAccountSettingsInput) -> AccountPayload:
        viewer = authorize(info.context.viewer, Operation.UPDATE_ACCOUNT_SETTINGS)
        try:
            account = await accounts.update_settings(viewer, client_of(info), name=input.name,
                                                     mfa_required=input.mfa_required)
        except UserInputError as exc:
            return AccountPayload(errors=[user_error(exc)])
        return AccountPayload(account=Account.from_model(account, viewer.role))

    @strawberry.mutation(description="Change your password; your other sessions end.")
    async def change_password(self, info: Info,
                              input: ChangePasswordInput) -> ChangePasswordPayload:
        viewer = authorize(info.context.viewer, Operation.CHANGE_PASSWORD)
        try:
            await login.change_password(viewer, client_of(info), current=input.current_password,
                                        new=input.new_password)
        except UserInputError as exc:
            return ChangePasswordPayload(errors=[user_error(exc)])
        return ChangePasswordPayload(ok=True)

    @strawberry.mutation(description="Join another account with a member invite code.")
    async def accept_invite(self, info: Info, code: str) -> AccountPayload:
        viewer = authorize(info.context.viewer, Operation.ACCEPT_INVITE)
        try:
            membership = await invites.accept_invite(viewer, client_of(info), code)
        except UserInputError as exc:
            return AccountPayload(errors=[user_error(exc)])
        account = await membership.account
        return AccountPayload(account=Account.from_model(account, membership.role))
