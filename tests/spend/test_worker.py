"""End to end: two real ``meterwise worker`` processes race on the same budget's evaluation
(jobs through Redis); each threshold alert is raised once and reaches the webhook once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from uuid import uuid4

import pytest

from meterwise.config import Settings
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.models.identity import Role
from meterwise.models.spend import Alert, Budget, BudgetPeriod, ChannelKind, Delivery
from meterwise.security import standard_webhooks
from meterwise.services.spend import channels, evaluation
from meterwise.services.viewer import Viewer
from tests.shield.webhook import webhook_receiver
from tests.spend.support import add_connection, spend_on
from tests.support.identity import new_account
from tests.support.processes import clean_env, read_all, spawn

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("db")]


@pytest.fixture
def queue(redis_url: str, redis_prefix: str) -> Iterator[RedisJobQueue]:
    jobs = RedisJobQueue(build_redis_broker(redis_url, prefix=redis_prefix + "spend"))
    yield jobs
    jobs.close()


async def test_two_workers_evaluating_at_once_raise_and_deliver_each_alert_once(
        settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
        queue: RedisJobQueue) -> None:
    account = await new_account()
    connection = await add_connection(account)
    today = datetime.now(UTC).date()
    await spend_on(connection, today, "120")
    await Budget.create(account_id=account, name="Today", amount=Decimal("100"),
                        period=BudgetPeriod.DAY, thresholds=[50, 80, 100], forecast_alert=False)
    env = clean_env(database_url=database_url, redis_url=redis_url,
                    redis_prefix=redis_prefix + "spend",
                    master_key_file=str(settings.resolved_master_key_file()))
    with webhook_receiver() as hook:
        created = await channels.create_channel(
            Viewer(user_id=uuid4(), account_id=account, role=Role.OWNER),
            channels.ChannelInput(kind=ChannelKind.WEBHOOK, name="Ops", target=hook.url),
            settings)
        with spawn(["worker", "--processes", "1", "--threads", "4"], env) as first, \
                spawn(["worker", "--processes", "1", "--threads", "4"], env) as second:
            for _ in range(12):
                await queue.enqueue(evaluation.EVALUATE_JOB, account_id=str(account))
            deadline = time.monotonic() + 90
            while len(hook.deliveries) < 3 and time.monotonic() < deadline:
                for proc in (first, second):
                    assert proc.poll() is None, read_all(proc)
                await asyncio.sleep(0.2)
            await asyncio.sleep(2)  # time for any duplicate to arrive

    assert await Alert.filter(account_id=account).count() == 3
    assert await Delivery.filter(account_id=account, status="delivered").count() == 3
    assert len(hook.deliveries) == 3
    assert len({d.headers["webhook-id"] for d in hook.deliveries}) == 3
    assert created.secret is not None
    assert all(standard_webhooks.verify(created.secret, d.headers, d.body)
               for d in hook.deliveries)
    titles = sorted(d.event["data"]["title"] for d in hook.deliveries)
    assert titles == ["Budget Today reached 100%", "Budget Today reached 50%",
                      "Budget Today reached 80%"]
