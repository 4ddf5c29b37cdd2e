"""Asking a signed-in user for their password again before a sensitive change.

A session is only a bearer credential: whoever stole the cookie or token holds it too. So
changes that create or weaken credentials (password change, MFA enrolment and removal,
account deletion) ask for the password once more, and every guess pays into the sign-in
throttle, so a stolen session is no password-guessing oracle.
"""

from __future__ import annotations

from meterwise.models.identity import User
from meterwise.security.passwords import verify_password
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import policy, throttle
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.viewer import Viewer


async def confirm_password(viewer: Viewer, client: Client, password: str, *,
                           failed_event: str, message: str, field: str,
                           metadata: dict[str, str] | None = None) -> User:
    """The signed-in user, once ``password`` is shown to be theirs again.

    It pays into the same throttle as logIn (per account and IP): a stolen session must not
    become a free password-guessing oracle; every wrong guess is audited as ``failed_event``.
    """
    user = await User.get(id=viewer.user_id)
    keys = throttle.login_keys(user.email, client.ip)
    await throttle.attempt(keys)
    ok, _ = await verify_password(user.password_hash, password, hasher=policy.hasher())
    if not ok:
        await audit_event(failed_event, client, account_id=viewer.account_id,
                          actor_id=user.id, target=user.id, metadata=metadata)
        raise UserInputError(UserErrorCode.INVALID_CREDENTIALS, message, field)
    email_key, ip_key = list(keys)
    await throttle.succeeded([email_key], [ip_key])
    return user
