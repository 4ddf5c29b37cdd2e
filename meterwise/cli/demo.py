"""``meterwise demo``: the embedded server with fake providers and 90 days of usage.

Starts the fake OpenAI/Anthropic/OpenRouter servers (plain HTTP on 127.0.0.1, development
only), points the provider base URLs at them, serves the API on the embedded default, then
signs up a demo owner, connects the three providers through the normal services and syncs
them; then the fakes revise a few recent days (a day raised, one lowered, a line removed)
and a second sync picks that up, so ``usageRevisions`` has something to show; one of those
late lines is a spike, so the cost-anomaly detector has something to find. Then come the
spend-control examples: a quarterly budget already breached and a monthly one on track,
evaluated like any other. Finally it prints how to sign in. Ctrl-C stops everything; a
re-run keeps the demo's connections (new keys: the fakes' are new on every start) and
budgets, so it raises no alert that already fired.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import secrets
import signal
import time
from typing import Any
from uuid import UUID

from meterwise import clock
from meterwise.cli import operator_access
from meterwise.cli.commands import CommandError, wired_settings
from meterwise.config import ProviderKind

DEMO_EMAIL = "demo@example.com"
DEMO_DAYS = 90
LABELS = {"openai": "OpenAI (demo)", "anthropic": "Anthropic (demo)",
          "openrouter": "OpenRouter (demo)"}
SPIKE_USD = "250.00"  # added to yesterday's OpenAI spend: far above any fake day's baseline
BREACHED_BUDGET = "Quarterly AI spend (demo)"
ON_TRACK_BUDGET = "Monthly AI spend (demo)"


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("demo", help="serve with fake providers and a demo account")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=42, help="the fake data's seed")
    parser.set_defaults(run=demo)


@operator_access.operator_access("demo", touched=lambda args: {"seed": args.seed})
def demo(args: argparse.Namespace) -> int:
    from meterwise.db.embedded import serve_lock
    from meterwise.fakeproviders import start_fakes

    if os.environ.get("METERWISE_ENV", "development") == "production":
        raise CommandError("meterwise demo runs fake providers: development only")
    with start_fakes(seed=args.seed, days=DEMO_DAYS) as fakes:
        for fake in fakes.all():  # the server process (and its in-process jobs) reads these
            os.environ[f"METERWISE_PROVIDER_{fake.kind.name}_BASE_URL"] = fake.base_url
        os.environ["METERWISE_SYNC_BACKFILL_DAYS"] = str(DEMO_DAYS)
        settings = wired_settings()
        keys = {fake.kind: fake.valid_key for fake in fakes.all()}
        lock = serve_lock(settings.data_dir) if settings.embedded_database else (
            contextlib.nullcontext())
        with lock:
            asyncio.run(_serve_and_seed(settings, args.host, args.port, keys,
                                        lambda: _revise(fakes)))
    return 0


def _revise(fakes: Any) -> None:
    """What providers do after the fact: a day revised up, one down, a line taken away."""
    from datetime import timedelta
    from decimal import Decimal

    today = clock.now().date()
    for fake in fakes.all():
        data = fake.dataset
        with contextlib.suppress(IndexError, ValueError):  # a quiet day has nothing to revise
            data.revise(today - timedelta(days=1), cost=Decimal("1.20"))
        with contextlib.suppress(IndexError, ValueError):
            data.lower(today - timedelta(days=2), by=Decimal("0.10"))
        with contextlib.suppress(IndexError, ValueError):
            data.remove_line(today - timedelta(days=3))
    with contextlib.suppress(IndexError, ValueError):  # a runaway job, reported a day late
        fakes.openai.dataset.revise(today - timedelta(days=1), cost=Decimal(SPIKE_USD))


async def _serve_and_seed(settings: Any, host: str, port: int, keys: dict[ProviderKind, str],
                          revise: Any) -> None:
    import uvicorn

    from meterwise.app import create_app

    app = create_app(settings)
    config = uvicorn.Config(app, host=host, port=port, lifespan="on", log_config=None,
                            ws="websockets-sansio", proxy_headers=False, server_header=False)
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        if serving.done():
            serving.result()
            raise CommandError("the server did not start (see the log above)")
        await asyncio.sleep(0.1)
    for sig in (signal.SIGINT, signal.SIGTERM):  # a clean stop, not uvicorn's re-raise
        asyncio.get_running_loop().add_signal_handler(sig, setattr, server, "should_exit", True)
    try:
        started = time.monotonic()
        password = await _seed(app.state.runtime, settings, keys, revise)
        _print_welcome(host, port, password, time.monotonic() - started)
    except Exception:
        server.should_exit = True
        await serving
        raise
    await serving


async def _seed(runtime: Any, settings: Any, keys: dict[ProviderKind, str], revise: Any) -> str:
    """The demo owner (new password each run), its connections, their first sync, and a
    second one after the fakes revised some days."""
    from meterwise.models.identity import Role, User
    from meterwise.models.usage import SyncTrigger
    from meterwise.services import connections, sync
    from meterwise.services.identity import accounts, invites
    from meterwise.services.identity.common import Client, new_password_hash
    from meterwise.services.viewer import Viewer

    client = Client(ip="cli", user_agent="meterwise demo")
    password = secrets.token_urlsafe(15)
    user = await User.get_or_none(email=DEMO_EMAIL)
    if user is None:
        code = await invites.create_signup_invite(client=client)
        signed = await accounts.sign_up(client, invite_code=code, email=DEMO_EMAIL,
                                        password=password, account_name="Demo Co")
        user, account_id = signed.user, signed.account.id
    else:
        if user.home_account_id is None:
            raise CommandError(f"{DEMO_EMAIL} exists but has no account; use a fresh data dir")
        account_id = user.home_account_id
        user.password_hash = await new_password_hash(password, DEMO_EMAIL)
        await user.save(update_fields=["password_hash"])
    owner = Viewer(user_id=user.id, account_id=account_id, role=Role.OWNER)
    # a demo you can sign in to with just a password; turn MFA back on in account settings
    await accounts.update_settings(owner, client, mfa_required=False)
    # a re-run keeps the demo's connections (their ids key the anomaly alerts), new keys in
    kept = {(str(c.provider), c.label): c for c in await connections.list_connections(owner)}
    for (provider, label), old in list(kept.items()):
        if LABELS.get(provider) != label:
            await connections.remove(owner, old.id, ip="cli")
            await sync.forget_connection(old.id)
    runs: list[UUID] = []
    added = []
    for name, key in keys.items():
        same = kept.get((str(name), LABELS[name]))
        connection = (
            await connections.replace_key(owner, settings, same.id, key, ip="cli") if same
            else await connections.connect(owner, settings, provider=ProviderKind(name),
                                           label=LABELS[name], api_key=key, ip="cli"))
        added.append(connection)
        run, _ = await sync.request_sync(runtime.jobs, connection, trigger=SyncTrigger.MANUAL)
        runs.append(run.id)
    await _wait_for(runs)
    revise()
    runs = []
    for connection in added:
        run, _ = await sync.request_sync(runtime.jobs, connection, trigger=SyncTrigger.MANUAL)
        runs.append(run.id)
    await _wait_for(runs)
    await seed_spend(owner)
    operator_access.touched(account_id=account_id, email=DEMO_EMAIL, connections=len(added))
    await operator_access.record_current()  # now: the demo then serves until Ctrl-C
    return password


async def seed_spend(owner: Any) -> list[Any]:
    """Two budgets sized from the account's own spend: the quarter at 80 % of what it has
    spent (breached), the month at three times its forecast (on track); then one evaluation,
    so their threshold alerts and the spike's anomaly are there. A re-run updates the same
    budgets in place (not new ones): alerts dedupe per budget, period and threshold, so it
    raises nothing that already fired. The alerts this call raised."""
    from decimal import Decimal

    from meterwise.models.spend import BudgetPeriod
    from meterwise.services.spend import budgets, evaluation

    existing = {b.name: b for b in await budgets.list_budgets(owner)}
    quarter = await budgets.account_forecast(owner, BudgetPeriod.QUARTER)
    month = await budgets.account_forecast(owner, BudgetPeriod.MONTH)
    breached = max((quarter.spent * Decimal("0.8")).quantize(Decimal(1)), Decimal(1))
    on_track = max((month.forecast.high * 3).quantize(Decimal(1)), Decimal(100))
    for wanted in (budgets.BudgetInput(name=BREACHED_BUDGET, amount=breached,
                                       period=BudgetPeriod.QUARTER),
                   budgets.BudgetInput(name=ON_TRACK_BUDGET, amount=on_track,
                                       period=BudgetPeriod.MONTH)):
        old = existing.get(wanted.name)
        if old is None:
            await budgets.create_budget(owner, wanted)
        else:
            await budgets.update_budget(owner, str(old.id), wanted)
    return await evaluation.evaluate_account(owner.account_id)


async def _wait_for(runs: list[UUID]) -> None:
    from meterwise.models.usage import SyncRun, SyncStatus

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = await SyncRun.filter(id__in=runs, status__in=[
            SyncStatus.SUCCEEDED, SyncStatus.PARTIAL, SyncStatus.FAILED])
        if len(done) == len(runs):
            failed = [r for r in done if r.status is SyncStatus.FAILED]
            if failed:
                raise CommandError(f"a demo sync failed: {failed[0].error_message}")
            return
        await asyncio.sleep(0.2)
    raise CommandError("the demo syncs did not finish in time")


def _print_welcome(host: str, port: int, password: str, seconds: float) -> None:
    url = f"http://{host}:{port}/graphql"
    print(f"""
Meterwise demo is ready ({DEMO_DAYS} days of usage from 3 fake providers, synced in {seconds:.0f}s).
  GraphiQL: {url}
  Email:    {DEMO_EMAIL}
  Password: {password}
  Sign in:  mutation {{ logIn(input: {{email: "{DEMO_EMAIL}", password: "{password}"}})
              {{ token errors {{ message }} }} }}
  Then send the token as the header  Authorization: Bearer <token>  and try:
            {{ connections {{ label status lastSyncedAt }} }}
            {{ budgets {{ name amount spent percentUsed }} alerts(first: 10)
              {{ edges {{ node {{ kind title }} }} }} }}
            {{ usageRevisions(filter: {{from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z"}})
              {{ edges {{ node {{ bucketStart provider kind costDelta }} }} }} }}
The demo account does not require MFA; the password changes on every `meterwise demo`.
Ctrl-C stops the server and the fake providers.""", flush=True)
