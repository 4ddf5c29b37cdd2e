"""Background jobs: thin async functions that take ids and call one service.

Job modules register with ``registry.job``; the worker (``meterwise.tasks.worker``) turns
every registered job into a Dramatiq actor after the broker exists, and the embedded
default runs the same functions in-process.
"""
