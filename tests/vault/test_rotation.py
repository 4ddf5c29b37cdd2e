"""Key rotation: master-key re-wrap under live traffic, status/retire, per-account rotation."""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from meterwise.config import ProviderKind, Settings
from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import Role, User
from meterwise.models.vault import DataKey
from meterwise.security.masterkeys import load_key_file
from meterwise.services import connections, vault
from meterwise.services.vault import keyring, rotation
from tests.support.processes import MW, clean_env, run
from tests.vault.support import make_tenant

pytestmark = pytest.mark.usefixtures("db")


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    assert settings.database_url is not None
    return clean_env(database_url=settings.database_url.get_secret_value(),
                     data_dir=str(settings.data_dir), **extra)


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


async def test_rotate_under_concurrent_reads_and_writes(settings: Settings) -> None:
    accounts = [uuid.uuid4() for _ in range(240)]
    for account in accounts:
        await vault.create_account_key(account)
    sealed = {a: await vault.seal(a, f"secret-{a}", record="r", record_id=a, field="f")
              for a in accounts[:40]}
    old_active = vault.master_ring(reload=True).active.id
    failures: list[str] = []
    operations = 0
    stop = asyncio.Event()

    async def traffic(worker: int) -> None:
        nonlocal operations
        i = worker
        while not stop.is_set():
            account = accounts[i % len(sealed)]
            try:
                assert await vault.open_secret(account, sealed[account], record="r",
                                               record_id=account, field="f") == (
                    f"secret-{account}".encode())
                token = await vault.seal(account, "fresh", record="r", record_id=str(i), field="f")
                assert await vault.open_secret(account, token, record="r", record_id=str(i),
                                               field="f") == b"fresh"
                if i % 7 == 0:
                    new = uuid.uuid4()
                    await vault.create_account_key(new)
                    accounts.append(new)
            except Exception as exc:  # counted, not raised: the loop must keep going
                failures.append(f"{type(exc).__name__}: {exc}")
            operations += 1
            i += 4

    workers = [asyncio.create_task(traffic(n)) for n in range(4)]
    proc = await asyncio.create_subprocess_exec(
        *MW, "keys", "rotate", "--batch", "25", env=_env(settings),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = await proc.communicate()
    await asyncio.sleep(0.3)  # traffic keeps running a moment on the new key
    stop.set()
    await asyncio.gather(*workers)
    assert proc.returncode == 0, err.decode()
    assert "re-wrapped" in out.decode()
    new_active = vault.master_ring(reload=True).active.id
    assert new_active != old_active
    # keys created by traffic after the rotation started are wrapped by the new key too
    assert await DataKey.filter(master_key_id=old_active).count() == 0
    assert await keyring.pending() == 0
    assert failures == []
    assert operations > 20


async def test_status_lists_versions_and_retire_removes_an_unused_one(settings: Settings) -> None:
    await vault.create_account_key(uuid.uuid4())
    before = vault.master_ring(reload=True).active.id
    rotated = await asyncio.to_thread(run, ["keys", "rotate"], _env(settings))
    assert rotated.returncode == 0, rotated.stderr
    status = await asyncio.to_thread(run, ["keys", "status"], _env(settings))
    assert status.returncode == 0, status.stderr
    lines = {line.split()[0]: line.split()[1:] for line in status.stdout.splitlines()[1:]}
    active = vault.master_ring(reload=True).active.id
    # the account's key, and the audit log's instance key (the operator entry of `rotate`)
    assert lines[active] == ["2", "active"]
    assert lines[before] == ["0", "retirable"]
    refused = await asyncio.to_thread(run, ["keys", "retire", active], _env(settings))
    assert refused.returncode == 2 and "active" in _one_line(refused.stderr)
    retired = await asyncio.to_thread(run, ["keys", "retire", before], _env(settings))
    assert retired.returncode == 0, retired.stderr
    assert before not in load_key_file(Path(settings.data_dir) / "master.keys")


async def test_rotate_with_environment_keys_says_what_to_do(settings: Settings) -> None:
    key = base64.b64encode(os.urandom(32)).decode()
    result = await asyncio.to_thread(run, ["keys", "rotate"],
                                     _env(settings, master_keys=f"envk1:{key}"))
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert "METERWISE_MASTER_KEYS" in line and "append" in line and key not in line


async def test_account_rotation_reseals_every_secret_and_deletes_the_old_key() -> None:
    tenant = await make_tenant("rot", roles=(Role.OWNER,))
    other = await make_tenant("other", roles=(Role.OWNER,))
    account = tenant.account_id
    conn = ProviderConnection(id=uuid.uuid4(), account_id=account, provider=ProviderKind.OPENAI,
                              label="x", key_hint="abcd", key_sealed="")
    conn.key_sealed = await vault.seal(account, "sk-live-key-abcd", record="provider_connection",
                                       record_id=conn.id, field="api_key")
    await conn.save(force_create=True)
    user = await User.filter(home_account_id=account).first()
    assert user is not None
    user.totp_secret_sealed = await vault.seal(account, "JBSWY3DPEHPK3PXP", record="app_user",
                                               record_id=user.id, field="totp_secret")
    await user.save()
    old_key = await DataKey.get(account_id=account)
    other_key = await DataKey.get(account_id=other.account_id)

    result = await rotation.rotate_account_key(account)

    assert (result.resealed, result.unreadable, result.old_keys_deleted) == (2, 0, 1)
    keys = await DataKey.filter(account_id=account)
    assert [(k.id, k.version, k.active) for k in keys] == [(result.new_key_id, 2, True)]
    conn = await ProviderConnection.get(id=conn.id)
    assert str(old_key.id) not in conn.key_sealed
    assert await connections.open_provider_key(conn) == "sk-live-key-abcd"
    user = await User.get(id=user.id)
    assert user.totp_secret_sealed is not None
    assert await vault.open_secret(account, user.totp_secret_sealed, record="app_user",
                                   record_id=user.id, field="totp_secret") == b"JBSWY3DPEHPK3PXP"
    assert await DataKey.filter(account_id=other.account_id).values_list("id", flat=True) == [
        other_key.id]


async def test_rotate_due_only_touches_old_keys() -> None:
    old, fresh = uuid.uuid4(), uuid.uuid4()
    for account in (old, fresh):
        await vault.create_account_key(account)
    await DataKey.filter(account_id=old).update(created_at=datetime.now(UTC) - timedelta(days=91))
    results = await rotation.rotate_due(timedelta(days=90))
    assert [r.account_id for r in results] == [old]
    assert (await DataKey.get(account_id=fresh)).version == 1
