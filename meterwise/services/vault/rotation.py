"""Per-account data-key rotation: a new DEK version, every secret re-sealed, old DEKs deleted.

``SEALED_FIELDS`` lists every column that holds an account-sealed secret and the context it
is bound to; a new kind of secret (webhook secrets, ...) must be added here, or rotation
would delete the key it needs. A rotation runs in one transaction holding the account's key
lock exclusively (``vault.rotating``), while writers seal under the shared lock
(``vault.sealing``): no secret is ever left sealed with a deleted key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.models import Model

from meterwise import clock
from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import User
from meterwise.models.spend import NotificationChannel
from meterwise.models.vault import DataKey
from meterwise.services import vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SealedField:
    """A column of sealed secrets: whose key seals it and the (record, field) it is bound to."""

    model: type[Model]
    column: str
    account_column: str
    record: str
    field: str


SEALED_FIELDS: tuple[SealedField, ...] = (
    SealedField(ProviderConnection, "key_sealed", "account_id", "provider_connection", "api_key"),
    SealedField(User, "totp_secret_sealed", "home_account_id", "app_user", "totp_secret"),
    SealedField(NotificationChannel, "target_sealed", "account_id", "notification_channel",
                "target"),
    SealedField(NotificationChannel, "secret_sealed", "account_id", "notification_channel",
                "secret"),
)


@dataclass(frozen=True)
class RotationResult:
    account_id: UUID
    new_key_id: UUID
    resealed: int
    unreadable: int
    old_keys_deleted: int


async def rotate_account_key(account_id: UUID) -> RotationResult:
    """Rotate one account's data key. Aborts, changing nothing, if an old key won't unwrap."""
    if account_id == vault.SYSTEM_OWNER:  # its old keys still verify the audit log
        raise ValueError("the instance's own keys are not rotated per account")
    async with vault.rotating(account_id):
        await vault.check_account_keys(account_id)
        old_ids = await DataKey.filter(account_id=account_id).values_list("id", flat=True)
        new_key = await vault.add_account_key(account_id)
        resealed = unreadable = 0
        for spec in SEALED_FIELDS:
            rows = await spec.model.filter(**{spec.account_column: account_id,
                                              f"{spec.column}__isnull": False}).select_for_update()
            for row in rows:
                if await _reseal(account_id, spec, row):
                    resealed += 1
                else:
                    unreadable += 1
        deleted = await DataKey.filter(id__in=list(old_ids)).delete()
    log.info("rotated the data key of account %s: %d secrets re-sealed, %d unreadable",
             account_id, resealed, unreadable)
    return RotationResult(account_id, new_key.id, resealed, unreadable, deleted)


async def _reseal(account_id: UUID, spec: SealedField, row: Model) -> bool:
    """Re-seal one value under the account's new active key; False if it was unreadable."""
    context = {"record": spec.record, "record_id": row.pk, "field": spec.field}
    try:
        resealed = await vault.reseal(account_id, getattr(row, spec.column), **context)
    except vault.SecretUnavailable:
        # Tampered or already shredded: it was unreadable before and stays so.
        log.warning("%s %s: sealed %s is unreadable; left as is", spec.record, row.pk, spec.field)
        return False
    setattr(row, spec.column, resealed)
    await row.save(update_fields=[spec.column])
    return True


async def rotate_due(max_age: timedelta, *, limit: int = 100,
                     now: datetime | None = None) -> list[RotationResult]:
    """Rotate the keys of up to ``limit`` accounts whose active key is older than ``max_age``."""
    cutoff = (now or clock.now()) - max_age
    due = await DataKey.filter(active=True, created_at__lt=cutoff).exclude(
        account_id=vault.SYSTEM_OWNER).order_by("created_at").limit(limit)
    return [await rotate_account_key(row.account_id) for row in due]
