"""Spend-control mutations: each declares its operation; call one service, map the result."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import DeletePayload
from meterwise.schema.context import Info
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.spend.types import (
    Alert,
    AlertPayload,
    Budget,
    BudgetInputType,
    BudgetPayload,
    DeliveryPayload,
    MuteAlertPayload,
    NotificationChannel,
    NotificationChannelInput,
    NotificationChannelPayload,
    NotificationDelivery,
)
from meterwise.services.authz import Operation
from meterwise.services.spend import alerts, budgets, channels, outbox


async def create_budget(info: Info, input: BudgetInputType) -> BudgetPayload:
    viewer = viewer_of(info)
    row = await budgets.create_budget(viewer, input.to_service())
    return BudgetPayload(budget=Budget.from_status(await budgets.budget_status(row)))


async def update_budget(info: Info, id: strawberry.ID, input: BudgetInputType) -> BudgetPayload:
    viewer = viewer_of(info)
    row = await budgets.update_budget(viewer, str(id), input.to_service())
    return BudgetPayload(budget=Budget.from_status(await budgets.budget_status(row)))


async def delete_budget(info: Info, id: strawberry.ID) -> DeletePayload:
    viewer = viewer_of(info)
    await budgets.delete_budget(viewer, str(id))
    return DeletePayload(deleted_id=id)


async def acknowledge_alert(info: Info, id: strawberry.ID) -> AlertPayload:
    viewer = viewer_of(info)
    row = await alerts.acknowledge(viewer, str(id))
    return AlertPayload(alert=Alert.from_model(row))


async def mute_alert(info: Info, id: strawberry.ID, days: int) -> MuteAlertPayload:
    viewer = viewer_of(info)
    row, until = await alerts.mute(viewer, str(id), days)
    return MuteAlertPayload(alert=Alert.from_model(row), muted_until=until)


async def create_notification_channel(info: Info, input: NotificationChannelInput
                                      ) -> NotificationChannelPayload:
    viewer = viewer_of(info)
    created = await channels.create_channel(viewer, input.to_service(),
                                            info.context.settings)
    return NotificationChannelPayload(channel=NotificationChannel.from_model(created.channel),
                                      secret=created.secret)


async def rotate_notification_channel_secret(info: Info, id: strawberry.ID
                                             ) -> NotificationChannelPayload:
    viewer = viewer_of(info)
    rotated = await channels.rotate_secret(viewer, str(id))
    return NotificationChannelPayload(channel=NotificationChannel.from_model(rotated.channel),
                                      secret=rotated.secret)


async def test_notification_channel(info: Info, id: strawberry.ID) -> DeliveryPayload:
    viewer = viewer_of(info)
    row = await channels.new_test_delivery(viewer, str(id))
    sent = await outbox.deliver(row.id, settings=info.context.settings)
    return DeliveryPayload(delivery=NotificationDelivery.from_model(sent or row))


async def delete_notification_channel(info: Info, id: strawberry.ID) -> DeletePayload:
    viewer = viewer_of(info)
    await channels.delete_channel(viewer, str(id))
    return DeletePayload(deleted_id=id)


@strawberry.type
class SpendMutation:
    create_budget: BudgetPayload = strawberry.mutation(
        resolver=create_budget, extensions=operation(Operation.MANAGE_BUDGETS),
        description="Create a budget (owners/admins).")
    update_budget: BudgetPayload = strawberry.mutation(
        resolver=update_budget, extensions=operation(Operation.MANAGE_BUDGETS),
        description="Replace a budget's settings (owners/admins).")
    delete_budget: DeletePayload = strawberry.mutation(
        resolver=delete_budget, extensions=operation(Operation.MANAGE_BUDGETS),
        description="Delete a budget; its alerts stay.")
    acknowledge_alert: AlertPayload = strawberry.mutation(
        resolver=acknowledge_alert, extensions=operation(Operation.ACKNOWLEDGE_ALERT),
        description="Mark an alert as seen.")
    mute_alert: MuteAlertPayload = strawberry.mutation(
        resolver=mute_alert, extensions=operation(Operation.MUTE_ALERT),
        description="Silence a cost anomaly's dimension value (its spikes and first "
        "sightings) for `days` days, owners/admins; 0 lifts the mute.")
    create_notification_channel: NotificationChannelPayload = strawberry.mutation(
        resolver=create_notification_channel, extensions=operation(Operation.MANAGE_CHANNELS),
        description="Add a channel; a WEBHOOK's signing secret is returned once.")
    rotate_notification_channel_secret: NotificationChannelPayload = strawberry.mutation(
        resolver=rotate_notification_channel_secret,
        extensions=operation(Operation.MANAGE_CHANNELS),
        description="A new WEBHOOK signing secret, returned once; the old one stops at once.")
    test_notification_channel: DeliveryPayload = strawberry.mutation(
        resolver=test_notification_channel, extensions=operation(Operation.MANAGE_CHANNELS),
        description="Send a test message now.")
    delete_notification_channel: DeletePayload = strawberry.mutation(
        resolver=delete_notification_channel, extensions=operation(Operation.MANAGE_CHANNELS),
        description="Remove a channel.")
