"""Account deletion: verify the owner, revoke access at once, then shred and purge.

``request_deletion`` (the ``deleteAccount`` mutation) checks the OWNER's password and a
fresh TOTP/recovery code, writes a tombstone (``AccountDeletion``, in the keystore schema),
revokes every session and API token of the account, and enqueues ``vault.delete_account``.
The tombstone is what sign-in and credential resolution check: from its commit on, logIn,
verifyMfa and every session or API token of the account are refused, before the purge.
``purge_account`` (that job) is idempotent and resumable, in this order:

1. users whose TOTP secret is sealed with this account's key but who belong to other
   accounts are re-homed (their secret re-sealed under another account's key);
2. the account's data keys are destroyed: crypto-shredding, so every secret of the account
   in every backup ever taken is unreadable from now on;
3. what is personal but not keyed by ``account_id`` goes: the audit events of the account
   and of its departing users are erased (IP, user agent, target and metadata wiped with
   their digest salts; the keyed chain still verifies), and their sightings (IP and device
   digests of the users, key-id digests of the connections) are deleted;
4. rows are hard-deleted in batches: users who belong to no other account, every
   ``public`` table with an ``account_id`` column, then the account row.

The audit log (hash-chained, kept) gets ``account.deletion_requested`` and
``account.deleted`` with ids and counts only: no IP, user agent, name or email.
"""

from __future__ import annotations

import logging
from uuid import UUID

from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import ApiToken, Membership, MfaChallenge, Session, User
from meterwise.models.shield import Sighting
from meterwise.models.vault import AccountDeletion
from meterwise.services import audit, vault
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import mfa
from meterwise.services.identity.common import Client
from meterwise.services.identity.login import confirm_password
from meterwise.services.identity.revocation import revoke
from meterwise.services.viewer import Viewer

log = logging.getLogger(__name__)

BATCH = 1000
JOB = "vault.delete_account"
KEPT_TABLES = frozenset({"audit_event", "account"})  # audit is kept; the account goes last
_TOTP = {"record": "app_user", "field": "totp_secret"}

_ACCOUNT_TABLES = (
    "SELECT c.table_name FROM information_schema.columns c "
    "JOIN information_schema.tables t USING (table_schema, table_name) "
    "WHERE c.table_schema = 'public' AND c.column_name = 'account_id' "
    "AND t.table_type = 'BASE TABLE' ORDER BY c.table_name"
)
# Users of this account who belong to no other account (their sessions, tokens, recovery
# codes and challenges go with them through ON DELETE CASCADE).
_ALL_OWN_USERS = (
    "SELECT u.id FROM app_user u WHERE "
    "(u.home_account_id = $1 OR EXISTS (SELECT 1 FROM membership m "
    " WHERE m.user_id = u.id AND m.account_id = $1)) "
    "AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.user_id = u.id AND m.account_id <> $1)"
)
_OWN_USERS = _ALL_OWN_USERS + " LIMIT $2"


async def request_deletion(viewer: Viewer, client: Client, *, password: str,
                           code: str) -> None:
    """Check the owner's password and second factor, revoke access, enqueue the purge.

    The caller (resolver) has already authorized ``Operation.DELETE_ACCOUNT`` (OWNER only).
    Enqueue ``JOB`` with ``account_id`` after this returns.
    """
    # The same throttle as logIn; every wrong guess is audited.
    user = await confirm_password(viewer, client, password,
                                  failed_event="account.deletion_failed",
                                  message="Wrong password.", field="password",
                                  metadata={"reason": "password"})
    if not await mfa.check_second_factor(user, code, client, viewer.account_id):
        raise UserInputError(UserErrorCode.INVALID_CODE,
                             "That code did not match; use a fresh code.", "code")
    async with in_transaction():
        await AccountDeletion.get_or_create(account_id=viewer.account_id)
        revoked = await revoke(sessions=Session.filter(account_id=viewer.account_id),
                               api_tokens=ApiToken.filter(account_id=viewer.account_id))
        await MfaChallenge.filter(account_id=viewer.account_id).delete()  # half-done sign-ins
        await audit.record("account.deletion_requested", account_id=viewer.account_id,
                           actor_id=viewer.user_id, target=str(viewer.account_id), ip=None,
                           user_agent=None)
    await revoked.announce()


async def purge_account(account_id: UUID, *, batch: int = BATCH) -> int:
    """Shred the account's keys, then delete its rows; safe to run again. Returns rows."""
    tombstone, _ = await AccountDeletion.get_or_create(account_id=account_id)
    if tombstone.keys_destroyed_at is None:
        await _rehome_shared_users(account_id)
        await vault.destroy_account_keys(account_id)
        tombstone.keys_destroyed_at = clock.now()
        await tombstone.save(update_fields=["keys_destroyed_at"])
    else:  # a retry, or a restored backup brought rows back: shred anything left again
        await vault.destroy_account_keys(account_id)
    await _forget_personal(account_id)
    deleted = await _delete_rows(account_id, batch)
    tombstone.rows_deleted += deleted
    first_finish = tombstone.finished_at is None
    tombstone.finished_at = clock.now()
    await tombstone.save(update_fields=["rows_deleted", "finished_at"])
    if first_finish or deleted:
        await audit.record("account.deleted", account_id=account_id, actor_id=None,
                           target=str(account_id), ip=None, user_agent=None,
                           metadata={"rows_deleted": deleted})
    return deleted


async def purge_tombstoned() -> int:
    """Purge every deleted account again (after restoring a backup older than a deletion)."""
    total = 0
    for tombstone in await AccountDeletion.all():
        total += await purge_account(tombstone.account_id)
    return total


async def _rehome_shared_users(account_id: UUID) -> None:
    """Re-seal the TOTP secret of users who stay in other accounts under one of those."""
    users = await User.filter(home_account_id=account_id)
    for user in users:
        other = await Membership.filter(user_id=user.id).exclude(account_id=account_id).order_by(
            "created_at").first()
        if other is None:
            continue
        sealed = None
        if user.totp_secret_sealed is not None:
            try:
                plain = await vault.open_secret(account_id, user.totp_secret_sealed,
                                                record_id=user.id, **_TOTP)
                sealed = await vault.seal(other.account_id, plain, record_id=user.id, **_TOTP)
            except vault.SecretUnavailable:
                log.warning("user %s: TOTP secret unreadable; MFA must be set up again", user.id)
        await User.filter(id=user.id).update(home_account_id=other.account_id,
                                             totp_secret_sealed=sealed,
                                             totp_enabled=user.totp_enabled and sealed is not None)


async def _forget_personal(account_id: UUID) -> None:
    """Before the rows go (they name whose audit events and sightings these are)."""
    async with in_transaction() as conn:
        users = [r["id"] for r in await conn.execute_query_dict(
            _ALL_OWN_USERS, [account_id])]
    connections = await ProviderConnection.filter(account_id=account_id).values_list(
        "id", flat=True)
    erased = await audit.erase_personal(account_id=account_id, user_ids=users)
    subjects = [f"user:{u}" for u in users] + [f"connection:{c}" for c in connections]
    forgotten = await Sighting.filter(subject__in=subjects).delete() if subjects else 0
    log.info("account %s: %d audit events erased, %d sightings deleted", account_id, erased,
             forgotten)


async def _delete_rows(account_id: UUID, batch: int) -> int:
    total = 0
    async with in_transaction() as conn:
        tables = [r["table_name"] for r in await conn.execute_query_dict(_ACCOUNT_TABLES)]
    while True:  # users first: membership rows tell us who belongs only here
        async with in_transaction() as conn:
            ids = [r["id"] for r in await conn.execute_query_dict(_OWN_USERS, [account_id, batch])]
            if not ids:
                break
            total += await User.filter(id__in=ids).delete()
    for table in tables:
        if table in KEPT_TABLES:
            continue
        total += await _delete_batches(table, account_id, batch)
    async with in_transaction() as conn:
        count, _ = await conn.execute_query("DELETE FROM public.account WHERE id = $1",
                                            [account_id])
        total += count
    return total


async def _delete_batches(table: str, account_id: UUID, batch: int) -> int:
    total = 0
    async with in_transaction() as conn:
        quoted = (await conn.execute_query_dict("SELECT quote_ident($1) AS q", [table]))[0]["q"]
    sql = (f"DELETE FROM public.{quoted} WHERE ctid = ANY (ARRAY (SELECT ctid FROM "  # noqa: S608
           f"public.{quoted} WHERE account_id = $1 LIMIT $2))")
    while True:
        async with in_transaction() as conn:
            count, _ = await conn.execute_query(sql, [account_id, batch])
        total += count
        if count < batch:
            return total
