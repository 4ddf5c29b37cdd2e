"""The CLI commands of the public contract (README "Command line").

Each loads settings, then does one job.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import math
import os
import signal
import sys
from typing import Any

from meterwise import wiring
from meterwise.cli.operator_access import no_customer_data, operator_access
from meterwise.config import Settings, load_settings, require_production_backends
from meterwise.logs import configure_logging

log = logging.getLogger(__name__)


class CommandError(Exception):
    """A command could not do its job for a reason the user can act on."""


def wired_settings() -> Settings:
    """The environment's settings, this process wired with them, logging configured."""
    settings = load_settings()
    wiring.wire(settings)
    configure_logging(settings)
    return settings


@no_customer_data("runs the API: each request is authorized and audited by the services")
def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from meterwise.app import create_app
    from meterwise.db.embedded import serve_lock
    from meterwise.web.drain import DrainingServer

    settings = wired_settings()
    if not 0 < args.port < 65536:
        raise CommandError(f"--port must be 1-65535, not {args.port}")
    tls = _tls_options(args)
    lock = serve_lock(settings.data_dir) if settings.embedded_database else contextlib.nullcontext()
    with lock:
        app = create_app(settings)
        config = uvicorn.Config(app, host=args.host, port=args.port,
                                lifespan="on", log_config=None, ws="websockets-sansio",
                                proxy_headers=False, server_header=False,
                                ws_max_size=settings.ws_max_message_bytes,
                                timeout_graceful_shutdown=math.ceil(
                                    settings.shutdown_timeout_seconds), **tls)
        server = DrainingServer(config, app.state.drain, settings.shutdown_drain_seconds)
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises Ctrl-C after a clean stop
            server.run()
        if not server.started:
            raise CommandError("the server did not start (see the log above)")
    return 0


def _tls_options(args: argparse.Namespace) -> dict[str, Any]:
    """``--ssl-certfile``/``--ssl-keyfile`` (both or neither): TLS 1.3 only."""
    from meterwise.web.tls import tls13_context_factory

    certfile, keyfile = getattr(args, "ssl_certfile", None), getattr(args, "ssl_keyfile", None)
    if certfile is None and keyfile is None:
        return {}
    if certfile is None or keyfile is None:
        raise CommandError("--ssl-certfile and --ssl-keyfile go together")
    for flag, path in (("--ssl-certfile", certfile), ("--ssl-keyfile", keyfile)):
        if not os.path.isfile(path):
            raise CommandError(f"{flag}: no such file: {path}")
    return {"ssl_certfile": certfile, "ssl_keyfile": keyfile,
            "ssl_context_factory": tls13_context_factory}


@no_customer_data("runs queued jobs, which the services audit")
def worker(args: argparse.Namespace) -> int:
    settings = wired_settings()
    require_production_backends(settings, "worker", "runs jobs")
    processes = args.processes or settings.worker_processes
    threads = args.threads or settings.worker_threads
    grace_ms = int(settings.worker_shutdown_grace_seconds * 1000)
    argv = [sys.executable, "-m", "dramatiq", "meterwise.tasks.worker",
            "--processes", str(processes), "--threads", str(threads),
            "--worker-shutdown-timeout", str(grace_ms)]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, argv)  # noqa: S606 - our own interpreter, fixed arguments


@no_customer_data("only enqueues due jobs")
def scheduler(args: argparse.Namespace) -> int:
    from meterwise.runtime import open_runtime

    settings = wired_settings()
    require_production_backends(settings, "scheduler", "schedules")

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        async with open_runtime(settings, run_scheduler=True, migrate=False):
            log.info("scheduler running: due jobs every %ss, dead workers' syncs re-queued "
                     "every %ss", settings.scheduler_interval_seconds,
                     settings.sync.reclaim_interval_seconds)
            await stop.wait()

    asyncio.run(run())
    return 0


@operator_access("migrate")
def migrate(args: argparse.Namespace) -> int:
    from meterwise.db.migrate import apply_migrations
    from meterwise.runtime import database_url

    settings = wired_settings()

    async def run() -> None:
        async with database_url(settings) as url:
            await apply_migrations(url, progress=lambda line: print(line, flush=True))

    asyncio.run(run())
    print("migrations: up to date")
    return 0
