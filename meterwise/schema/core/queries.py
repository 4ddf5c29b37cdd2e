"""Root query fields that belong to no domain."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info


@strawberry.type(description="A person who signs in to Meterwise.")
class User:
    id: strawberry.ID
    email: str


@strawberry.type
class CoreQuery:
    @strawberry.field(description="The signed-in user, or null when not signed in.")
    async def me(self, info: Info) -> User | None:
        return None
