"""signUp, logIn, verifyMfa, logOut (the public contract).

Session tokens come back in the payload (Bearer clients) and as HttpOnly cookies (browsers).
"""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.identity.common import (
    clear_session_cookies,
    client_of,
    set_session_cookies,
)
from meterwise.schema.identity.types import AuthPayload, User
from meterwise.schema.operations import operation
from meterwise.services.authz import Operation
from meterwise.services.identity import accounts, login


@strawberry.input
class SignUpInput:
    invite_code: str
    email: str
    password: str
    account_name: str | None = strawberry.field(
        default=None, description="Required with a sign-up invite; ignored with a member invite.")


@strawberry.input
class LogInInput:
    email: str
    password: str


@strawberry.input
class VerifyMfaInput:
    code: str = strawberry.field(description="A TOTP code or an unused recovery code.")
    mfa_token: str | None = strawberry.field(
        default=None,
        description="From logIn. Omit it to step up the current session instead: a fresh "
        "session token is returned and the old one stops working.")


def _signed_in(info: Info, token: str, user: User | None) -> AuthPayload:
    set_session_cookies(info, token)
    return AuthPayload(token=token, mfa_required=False, user=user)


@strawberry.type
class AuthMutation:
    @strawberry.mutation(description="Create a user (and account) with an invite code.",
                         extensions=operation(Operation.SIGN_UP))
    async def sign_up(self, info: Info, input: SignUpInput) -> AuthPayload:
        done = await accounts.sign_up(
            client_of(info), invite_code=input.invite_code, email=input.email,
            password=input.password, account_name=input.account_name)
        return _signed_in(info, done.token, User.from_model(done.user))

    @strawberry.mutation(description="Password sign-in; enrolled users get an mfaToken.",
                         extensions=operation(Operation.LOG_IN))
    async def log_in(self, info: Info, input: LogInInput) -> AuthPayload:
        result = await login.log_in(client_of(info), email=input.email, password=input.password)
        if result.mfa_token is not None:
            return AuthPayload(mfa_required=True, mfa_token=result.mfa_token)
        assert result.token is not None and result.user is not None
        return _signed_in(info, result.token, User.from_model(result.user))

    @strawberry.mutation(description="Second factor: completes logIn, or steps up a session.",
                         extensions=operation(Operation.VERIFY_MFA))
    async def verify_mfa(self, info: Info, input: VerifyMfaInput) -> AuthPayload:
        result = await login.verify_mfa(client_of(info), mfa_token=input.mfa_token,
                                        code=input.code, viewer=info.context.viewer)
        assert result.token is not None and result.user is not None
        return _signed_in(info, result.token, User.from_model(result.user))

    @strawberry.mutation(description="End the current session.",
                         extensions=operation(Operation.LOG_OUT))
    async def log_out(self, info: Info) -> bool:
        clear_session_cookies(info)
        viewer = info.context.viewer
        return viewer is not None and await login.log_out(viewer, client_of(info))
