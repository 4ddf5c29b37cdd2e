"""Key lifecycle jobs: re-wrap after a master-key rotation, rotate data keys, rotate on schedule.

Thin and idempotent: each takes ids (or nothing), calls one service, and can run again
after a crash to finish what is left.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from uuid import UUID

from meterwise import wiring
from meterwise.keys import writable_key_file
from meterwise.models.shield import SecurityEventKind, Severity
from meterwise.security.masterkeys import MasterKeyError
from meterwise.services import account_deletion, security_events
from meterwise.services.vault import keyring, rotation
from meterwise.tasks.registry import job

log = logging.getLogger(__name__)


@job("vault.rewrap_data_keys", max_retries=5, time_limit_ms=60 * 60_000)
async def rewrap_data_keys() -> None:
    """Re-wrap every data key still wrapped by an older master key."""
    await keyring.rewrap_all()


@job("vault.rotate_account_key", max_retries=3)
async def rotate_account_key(account_id: str) -> None:
    await rotation.rotate_account_key(UUID(account_id))


@job("vault.rotate_due", max_retries=2, time_limit_ms=60 * 60_000)
async def rotate_due() -> None:
    """Daily: rotate data keys older than ``METERWISE_KEY_ROTATION_DAYS``; finish re-wraps."""
    days = wiring.settings().key_rotation_days
    await rotation.rotate_due(timedelta(days=days))
    await keyring.rewrap_all()


@job("vault.delete_account", max_retries=10, time_limit_ms=60 * 60_000, max_backoff_ms=300_000)
async def delete_account(account_id: str) -> None:
    """Crypto-shred, then hard-delete, an account whose owner asked for it (resumable)."""
    await account_deletion.purge_account(UUID(account_id))


@job("vault.rotate_after_deletions", max_retries=3, time_limit_ms=60 * 60_000)
async def rotate_after_deletions() -> None:
    """Daily: if accounts were deleted, retire the master keys their old key copies need."""
    try:
        result = await keyring.rotate_after_deletions(writable_key_file(wiring.settings()))
    except MasterKeyError as exc:  # keys in the environment: only the operator can rotate
        log.error("%s", exc)
        await security_events.record(SecurityEventKind.MASTER_ROTATION_NEEDED, account_id=None,
                                     severity=Severity.HIGH, details={"reason": str(exc)})
        return
    if result.new_key_id is not None:
        log.warning("master key rotated after %d deletion(s); retired %s: destroy every copy "
                    "of it and take a new backup", result.deletions, ", ".join(result.retired))
