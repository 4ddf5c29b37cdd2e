"""The one way to query account data: always filtered by the caller's account.

A foreign id simply finds nothing, so resolvers cannot leak another tenant's rows or even
confirm that they exist.
"""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from tortoise.models import Model
from tortoise.queryset import QuerySet

from meterwise.services.viewer import Viewer

M = TypeVar("M", bound=Model)


def scoped(model: type[M], viewer: Viewer) -> QuerySet[M]:
    """``model``'s rows that belong to ``viewer``'s account (the model has ``account_id``)."""
    if "account_id" not in model._meta.fields_db_projection:
        raise TypeError(f"{model.__name__} has no account_id: it cannot be account-scoped")
    return model.filter(account_id=viewer.account_id)


async def scoped_get(model: type[M], viewer: Viewer, raw_id: object) -> M | None:
    """``viewer``'s row with id ``raw_id``; None for a malformed id exactly as for a foreign
    or missing one, so an id's shape tells a caller nothing either."""
    try:
        ident = UUID(str(raw_id))
    except ValueError:
        return None
    return await scoped(model, viewer).get_or_none(id=ident)
