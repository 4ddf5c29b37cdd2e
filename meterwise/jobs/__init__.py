"""Enqueueing jobs by name, behind one small interface.

Services enqueue through a ``JobQueue`` handed to them, never by importing actors: in
production the queue is a Dramatiq ``RedisBroker``; in the embedded default jobs run
in-process on the server's event loop. Both use the same job specs (name, retries).
"""

from meterwise.jobs.base import JobQueue, JobSpec

__all__ = ["JobQueue", "JobSpec"]
