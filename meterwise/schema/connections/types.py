"""Connection types, built from models by explicit mapping: no field can leak the key."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from meterwise.models.connections import ProviderConnection as ConnectionModel
from meterwise.schema.enums import ProviderKind
from meterwise.schema.errors import UserError, errors_field
from meterwise.services import containment


@strawberry.type(description="A connected provider account. The API key is write-only.")
class ProviderConnection:
    id: strawberry.ID
    provider: ProviderKind
    label: str
    key_hint: str = strawberry.field(description="At most the last 4 characters of the key.")
    # a String, not an enum: the public contract fixes `status: String!` and these values
    status: str = strawberry.field(
        description="active, invalid_credentials, error or paused.")
    last_synced_at: datetime | None = strawberry.field(
        description="When the last successful sync finished.")
    last_error: str | None
    settled_before: datetime | None = strawberry.field(
        default=None, description="Buckets before this are settled: older than the sync's "
        "look-back, so later provider revisions of them are not read.")
    account_id: strawberry.Private[UUID | None] = None

    @strawberry.field(description="The operator froze this account's connections during a "
                                  "security incident: nothing syncs and the key stays sealed "
                                  "until they are released.")
    async def frozen(self) -> bool:
        return self.account_id is not None and await containment.is_frozen(self.account_id)

    @classmethod
    def from_model(cls, row: ConnectionModel) -> ProviderConnection:
        return cls(
            id=strawberry.ID(str(row.id)),
            provider=row.provider,
            label=row.label,
            key_hint=row.key_hint,
            status=str(row.status),
            last_synced_at=row.last_synced_at,
            last_error=row.last_error,
            settled_before=row.settled_before,
            account_id=row.account_id,
        )


@strawberry.input
class ConnectProviderInput:
    provider: ProviderKind
    label: str
    api_key: str


@strawberry.type
class ConnectionPayload:
    connection: ProviderConnection | None = None
    errors: list[UserError] = errors_field()


@strawberry.type(description="The result of a deletion: `deletedId` on success.")
class DeletePayload:
    deleted_id: strawberry.ID | None = None
    errors: list[UserError] = errors_field()
