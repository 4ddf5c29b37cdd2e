"""Spend-control mutations: authorize, call one service, map the result."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import DeletePayload
from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.schema.spend.types import (
    Alert,
    AlertPayload,
    Budget,
    BudgetInputType,
    BudgetPayload,
    DeliveryPayload,
    NotificationChannel,
    NotificationChannelInput,
    NotificationChannelPayload,
    NotificationDelivery,
)
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import UserInputError
from meterwise.services.spend import alerts, budgets, channels, outbox


async def create_budget(info: Info, input: BudgetInputType) -> BudgetPayload:
    viewer = authorize(info.context.viewer, Operation.MANAGE_BUDGETS)
    try:
        row = await budgets.create_budget(viewer, input.to_service())
    except UserInputError as exc:
        return BudgetPayload(errors=[user_error(exc)])
    return BudgetPayload(budget=Budget.from_status(await budgets.budget_status(row)))


async def update_budget(info: Info, id: strawberry.ID, input: BudgetInputType) -> BudgetPayload:
    viewer = authorize(info.context.viewer, Operation.MANAGE_BUDGETS)
    try:
        row = await budgets.update_budget(viewer, str(id), input.to_service())
    except UserInputError as exc:
        return BudgetPayload(errors=[user_error(exc)])
    return BudgetPayload(budget=Budget.from_status(await budgets.budget_status(row)))


async def delete_budget(info: Info, id: strawberry.ID) -> DeletePayload:
    viewer = authorize(info.context.viewer, Operation.MANAGE_BUDGETS)
    try:
        await budgets.delete_budget(viewer, str(id))
    except UserInputError as exc:
        return DeletePayload(errors=[user_error(exc)])
    return DeletePayload(deleted_id=id)


async def acknowledge_alert(info: Info, id: strawberry.ID) -> AlertPayload:
    viewer = authorize(info.context.viewer, Operation.ACKNOWLEDGE_ALERT)
    try:
        row = await alerts.acknowledge(viewer, str(id))
    except UserInputError as exc:
        return AlertPayload(errors=[user_error(exc)])
    return AlertPayload(alert=Alert.from_model(row))


async def create_notification_channel(info: Info, input: NotificationChannelInput
                                      ) -> NotificationChannelPayload:
    viewer = authorize(info.context.viewer, Operation.MANAGE_CHANNELS)
    try:
        created = await channels.create_channel(viewer, input.to_service(),
                                                info.context.settings)
    except UserInputError as exc:
        return NotificationChannelPayload(errors=[user_error(exc)])
    return NotificationChannelPayload(channel=NotificationChannel.from_model(created.channel),
                                      secret=created.secret)


async def rotate_notification_channel_secret(info: Info, id: strawberry.ID
                                             ) -> NotificationChannelPayload:
    viewer = authorize(info.context.viewer, Operation.MANAGE_CHANNELS)
    try:
        rotated = await channels.rotate_secret(viewer, str(id))
    except UserInputError as exc:
        return NotificationChannelPayload(errors=[user_error(exc)])
    return NotificationChannelPayload(channel=NotificationChannel.from_model(rotated.channel),
                                      secret=rotated.secret)


async def test_notification_channel(info: Info, id: strawberry.ID) -> DeliveryPayload:
    viewer = authorize(info.context.viewer, Operation.MANAGE_CHANNELS)
    try:
        row = await channels.new_test_delivery(viewer, str(id))
    except UserInputError as exc:
        return DeliveryPayload(errors=[user_error(exc)])
    sent = await outbox.deliver(row.id, settings=info.context.settings)
    return DeliveryPayload(delivery=NotificationDelivery.from_model(sent or row))


async def delete_notification_channel(info: Info, id: strawberry.ID) -> DeletePayload:
    viewer = authorize(info.context.viewer, Operation.MANAGE_CHANNELS)
    try:
        await channels.delete_channel(viewer, str(id))
    except UserInputError as exc:
        return DeletePayload(errors=[user_error(exc)])
    return DeletePayload(deleted_id=id)


@strawberry.type
class SpendMutation:
    create_budget: BudgetPayload = strawberry.mutation(
        resolver=create_budget, description="Create a budget (owners/admins).")
    update_budget: BudgetPayload = strawberry.mutation(
        resolver=update_budget, description="Replace a budget's settings (owners/admins).")
    delete_budget: DeletePayload = strawberry.mutation(
        resolver=delete_budget, description="Delete a budget; its alerts stay.")
    acknowledge_alert: AlertPayload = strawberry.mutation(
        resolver=acknowledge_alert, description="Mark an alert as seen.")
    create_notification_channel: NotificationChannelPayload = strawberry.mutation(
        resolver=create_notification_channel,
        description="Add a channel; a WEBHOOK's signing secret is returned once.")
    rotate_notification_channel_secret: NotificationChannelPayload = strawberry.mutation(
        resolver=rotate_notification_channel_secret,
        description="A new WEBHOOK signing secret, returned once; the old one stops at once.")
    test_notification_channel: DeliveryPayload = strawberry.mutation(
        resolver=test_notification_channel, description="Send a test message now.")
    delete_notification_channel: DeletePayload = strawberry.mutation(
        resolver=delete_notification_channel, description="Remove a channel.")
