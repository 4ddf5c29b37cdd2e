"""Operational tables: the periodic-job due list and worker heartbeats."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ScheduledJob(Model):
    """A periodic job and when it is next due.

    The due list lives in the database so that any number of schedulers can run: a slot is
    claimed with one conditional UPDATE, and only the scheduler whose UPDATE matched enqueues.
    """

    name = fields.CharField(max_length=100, primary_key=True)
    interval_seconds = fields.IntField()
    next_run_at = fields.DatetimeField()
    last_enqueued_at = fields.DatetimeField(null=True)

    class Meta:
        table = "scheduled_job"


class WorkerHeartbeat(Model):
    """Written by the ``system.heartbeat`` job; proves a worker executed a job end to end."""

    id = fields.BigIntField(primary_key=True)
    token = fields.CharField(max_length=64, db_index=True)
    worker = fields.CharField(max_length=128)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "worker_heartbeat"
