"""The GraphQL enums of vocabularies defined below the schema, each registered exactly once.

``strawberry.enum`` marks the one Python enum in place (GraphQL speaks the member names,
Python and the database the values), so no second enum or converter exists. A type that
reads an enum of this list imports it from here: the registration then always runs before
any annotation naming it is resolved, which an import elsewhere cannot promise (an enum met
unregistered becomes a second GraphQL enum of the class name).
"""

from __future__ import annotations

import strawberry

from meterwise.config import ProviderKind
from meterwise.models.shield import SecurityEventKind
from meterwise.models.usage import SyncStatus, SyncTrigger

__all__ = ["ProviderKind", "SecurityEventKind", "SyncStatus", "SyncTrigger"]

strawberry.enum(ProviderKind, name="ProviderKind")
strawberry.enum(SyncStatus, name="SyncState", description="Where a sync run is: RETRYING "
                "after a transient failure, PARTIAL when some endpoints failed for good and "
                "the rest was stored, FAILED for good.")
strawberry.enum(SyncTrigger, name="SyncTrigger",
                description="Why a run exists: SCHEDULE (it was due) or MANUAL (syncConnection).")
strawberry.enum(SecurityEventKind, name="SecurityEventKind",
                description="What a security event reports.")
