"""Account settings and the caller's own password."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.types import Account, AccountPayload, ChangePasswordPayload
from meterwise.schema.operations import operation, viewer_of
from meterwise.services.authz import Operation
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
    @strawberry.mutation(description="Rename the account or set MFA-required (owners; "
                                     "setting mfaRequired needs step-up).",
                         extensions=operation(Operation.UPDATE_ACCOUNT_SETTINGS))
    async def update_account_settings(self, info: Info,
                                      input: UpdateAccountSettingsInput) -> AccountPayload:
        viewer = viewer_of(info)
        account = await accounts.update_settings(viewer, client_of(info), name=input.name,
                                                 mfa_required=input.mfa_required)
        return AccountPayload(account=Account.from_model(account, viewer.role))

    @strawberry.mutation(description="Change your password; your other sessions and your "
                                     "API tokens end.",
                         extensions=operation(Operation.CHANGE_PASSWORD))
    async def change_password(self, info: Info,
                              input: ChangePasswordInput) -> ChangePasswordPayload:
        await login.change_password(viewer_of(info), client_of(info),
                                    current=input.current_password, new=input.new_password)
        return ChangePasswordPayload(ok=True)

    @strawberry.mutation(description="Join another account with a member invite code.",
                         extensions=operation(Operation.ACCEPT_INVITE))
    async def accept_invite(self, info: Info, code: str) -> AccountPayload:
        membership = await invites.accept_invite(viewer_of(info), client_of(info), code)
        account = await membership.account
        return AccountPayload(account=Account.from_model(account, membership.role))
