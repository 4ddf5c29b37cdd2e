"""Per-account data keys, wrapped by a master key, in their own schema ``keystore``.

The keystore is deliberately *not* part of database backups (``meterwise backup`` dumps the
``public`` schema only). Destroying an account's data keys here therefore crypto-shreds its
secrets in every backup ever taken: an old backup restored later holds ciphertext whose
keys no longer exist, while other accounts' keys are still here and decrypt fine. No
foreign key to ``account``: wiping or restoring ``public`` must never touch the keystore.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class DataKey(Model):
    id = fields.UUIDField(primary_key=True)
    account_id = fields.UUIDField(db_index=True)
    version = fields.IntField()
    master_key_id = fields.CharField(max_length=32, db_index=True)
    wrapped = fields.BinaryField()
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    rewrapped_at = fields.DatetimeField(null=True)

    class Meta:
        schema = "keystore"
        table = "data_key"
        unique_together = (("account_id", "version"),)


class AccountDeletion(Model):
    """A deleted account's tombstone and the progress of its deletion job.

    In the keystore schema, like the keys, so it is *not* in backups: it survives a restore
    of an older backup, and the deletion job then purges the account's resurrected rows
    again. It holds the account id only, no personal data.
    """

    account_id = fields.UUIDField(primary_key=True)
    requested_at = fields.DatetimeField(auto_now_add=True)
    keys_destroyed_at = fields.DatetimeField(null=True)
    rows_deleted = fields.BigIntField(default=0)
    finished_at = fields.DatetimeField(null=True)
    # When a master-key rotation retired every version that wrapped this account's keys:
    # from then on a database-level copy of the old keystore (PITR, replica) cannot open them.
    master_retired_at = fields.DatetimeField(null=True)

    class Meta:
        schema = "keystore"
        table = "account_deletion"
