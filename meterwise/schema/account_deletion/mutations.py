"""``deleteAccount``: OWNER only, password + a fresh TOTP/recovery code.

The code in the input *is* the step-up (``authz.IN_INPUT``), so no earlier ``verifyMfa``
is needed; API tokens are refused. Access ends at once (sessions and tokens revoked); the
shredding and purge run as a job.
"""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import DeletePayload
from meterwise.schema.context import Info
from meterwise.schema.operations import operation, viewer_of
from meterwise.services import account_deletion
from meterwise.services.authz import Operation
from meterwise.services.identity.common import Client


@strawberry.input
class DeleteAccountInput:
    password: str
    code: str = strawberry.field(description="A current TOTP code or an unused recovery code.")


async def delete_account(info: Info, input: DeleteAccountInput) -> DeletePayload:
    viewer = viewer_of(info)
    client = Client(ip=info.context.client_ip, user_agent=info.context.user_agent)
    await account_deletion.request_deletion(viewer, client, password=input.password,
                                            code=input.code)
    await info.context.jobs.enqueue(account_deletion.JOB, account_id=str(viewer.account_id))
    return DeletePayload(deleted_id=strawberry.ID(str(viewer.account_id)))


@strawberry.type
class AccountDeletionMutation:
    delete_account: DeletePayload = strawberry.mutation(
        resolver=delete_account,
        description="Delete the account and all its data for good (OWNER; password + code).",
        extensions=operation(Operation.DELETE_ACCOUNT))
