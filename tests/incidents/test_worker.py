"""End to end through Redis and two real ``meterwise worker`` processes: racing detection
jobs open one incident, whose level-1 webhook arrives once, signed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from meterwise.config import Settings
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.models.incidents import Incident, IncidentNotification
from meterwise.security import standard_webhooks
from meterwise.services.incidents import detection
from tests.incidents.test_detection import failed_decrypts
from tests.shield.webhook import webhook_receiver
from tests.support.identity import new_account
from tests.support.processes import clean_env, read_all, spawn

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("db")]


@pytest.fixture
def queue(redis_url: str, redis_prefix: str) -> Iterator[RedisJobQueue]:
    jobs = RedisJobQueue(build_redis_broker(redis_url, prefix=redis_prefix + "incidents"))
    yield jobs
    jobs.close()


async def test_racing_detection_jobs_open_one_incident_notified_once(
        settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
        queue: RedisJobQueue) -> None:
    account = await new_account()
    await failed_decrypts(account, detection.DECRYPT_BURST)
    secret = standard_webhooks.new_secret()
    with webhook_receiver() as hook:
        env = clean_env(database_url=database_url, redis_url=redis_url,
                        redis_prefix=redis_prefix + "incidents",
                        master_key_file=str(settings.resolved_master_key_file()),
                        incident_contacts=hook.url, security_webhook_secret=secret)
        with spawn(["worker", "--processes", "1", "--threads", "4"], env) as first, \
                spawn(["worker", "--processes", "1", "--threads", "4"], env) as second:
            for _ in range(8):
                await queue.enqueue("incidents.detect")
            deadline = time.monotonic() + 90
            while not hook.deliveries and time.monotonic() < deadline:
                for proc in (first, second):
                    assert proc.poll() is None, read_all(proc)
                await asyncio.sleep(0.2)
            await asyncio.sleep(2)  # time for any duplicate to arrive

    [incident] = await Incident.all()
    assert incident.rule == "decrypt_failures" and incident.escalation_level == 1
    assert await IncidentNotification.filter(status="delivered").count() == 1
    [delivery] = hook.deliveries
    assert standard_webhooks.verify(secret, delivery.headers, delivery.body)
    assert delivery.event["data"]["incidentId"] == str(incident.id)
