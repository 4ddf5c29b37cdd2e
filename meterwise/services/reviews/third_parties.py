"""The third-party view: every outside party the account sends data to, with last use.

Providers connected (we send them the account's key and read its usage; last use is the
last successful sync) and notification channels (WEBHOOK and SLACK receive alert contents,
EMAIL channels are outside recipients; last use is the last delivered message). Targets are
shown as their hints (scheme and host, or the e-mail's domain): the sealed target itself
is never opened for a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.functions import Max

from meterwise.models.connections import ProviderConnection
from meterwise.models.spend import Delivery, DeliveryStatus, NotificationChannel
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer


@dataclass(frozen=True)
class ThirdParty:
    kind: str  # "provider", or the channel kind: "webhook", "slack", "email"
    id: UUID  # the connection or channel
    name: str  # the label the account gave it
    destination: str  # the provider, or the target's hint
    added_at: datetime
    last_used_at: datetime | None
    status: str


async def list_third_parties(viewer: Viewer) -> list[ThirdParty]:
    found = [ThirdParty("provider", c.id, c.label, str(c.provider), c.created_at,
                        c.last_synced_at, str(c.status))
             for c in await scoped(ProviderConnection, viewer).order_by("created_at")]
    channels = await scoped(NotificationChannel, viewer).order_by("created_at")
    delivered = dict(await scoped(Delivery, viewer).filter(
        status=DeliveryStatus.DELIVERED).group_by("channel_id").annotate(
        last=Max("delivered_at")).values_list("channel_id", "last"))
    found += [ThirdParty(str(ch.kind), ch.id, ch.name, ch.target_hint, ch.created_at,
                         delivered.get(ch.id), "active") for ch in channels]
    return found
