"""The one wiring: every process's settings and resources in one place, one clock."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

from meterwise import clock, pubsub, wiring
from meterwise.config import Settings, SyncSettings
from meterwise.security.masterkeys import MasterKeyRing, generate_master_key
from meterwise.services import vault
from meterwise.services.analytics.settings import usage_settings
from meterwise.services.guards import ratelimit
from meterwise.services.identity import policy
from meterwise.services.sync import sync_settings
from tests.support.identity import FakeClock

PACKAGE = Path(__file__).resolve().parents[2] / "meterwise"


def test_no_module_but_the_wiring_keeps_a_configure_holder() -> None:
    """Process-global settings live in ``meterwise.wiring`` only: no ``configure()`` setter
    (the eight per-domain holders) and no module-level mutable holder instance elsewhere."""
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts or path.name == "wiring.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in {
                    "configure", "configure_settings", "reset"}:
                found.append(f"{path.relative_to(PACKAGE)}:{node.name}")
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                    and isinstance(node.value.func, ast.Name)
                    and node.value.func.id.startswith("_")
                    and node.value.func.id[1:2].isupper()):
                found.append(f"{path.relative_to(PACKAGE)}:{ast.unparse(node)}")
    assert found == []


def test_services_read_their_group_from_the_one_settings() -> None:
    settings = Settings(_env_file=None,  # type: ignore[call-arg]
                        sync=SyncSettings(lease_seconds=7))
    with wiring.override(settings=settings):
        assert sync_settings() is settings.sync
        assert policy.settings() is settings.identity
        assert usage_settings() is settings.usage
        assert wiring.settings() is settings
    assert wiring.settings() is not settings


def test_override_puts_back_only_what_it_changed() -> None:
    fake = FakeClock(datetime(2030, 1, 1, tzinfo=UTC))
    bus = pubsub.InProcessBus()
    before = wiring.current()
    with wiring.override(clock=fake) as current:
        current.events = bus  # wired meanwhile (an app's lifespan, say): survives the block
        assert clock.now() == datetime(2030, 1, 1, tzinfo=UTC)
        fake.advance(timedelta(hours=1))
        assert clock.now() == datetime(2030, 1, 1, 1, tzinfo=UTC)
    assert wiring.current() is before
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=1)
    assert before.events is bus


def test_wire_replaces_every_resource_and_reloads_master_keys() -> None:
    before = wiring.current()
    try:
        settings = Settings(_env_file=None)  # type: ignore[call-arg]
        loads: list[int] = []
        ring = MasterKeyRing([generate_master_key("wiring-test")])

        def counted() -> MasterKeyRing:
            loads.append(1)
            return ring

        wiring.wire(settings, master_keys=counted)
        assert vault.master_ring() is ring and vault.master_ring() is ring
        assert loads == [1]  # cached in the wiring until a reload
        vault.master_ring(reload=True)
        assert loads == [1, 1]
        assert isinstance(ratelimit.current(), ratelimit.InProcessLimiter)
        assert wiring.current().jobs is None and wiring.current().events is None
    finally:
        wiring._process.wiring = before
