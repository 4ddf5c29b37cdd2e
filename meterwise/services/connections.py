"""Provider connections: connect, replace the key, remove, list — the key is write-only.

A key is checked with the provider's one cheap call *before* anything is stored, so a
rejected key leaves no row. It is then sealed with the account's data key, bound to the
connection's row and field (``SEALED_RECORD``/``SEALED_FIELD``); only ``key_hint`` (at most
the last 4 characters) is ever shown. Plaintext keys appear in no return value, error, log
line or audit entry; the sync path gets one only through ``open_provider_key`` /
``with_provider_key``, for the duration of a fetch.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from uuid import UUID, uuid4

from tortoise.transactions import in_transaction

from meterwise.config import ProviderKind, Settings
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.identity import Account
from meterwise.providers import InvalidCredentials, ProviderError
from meterwise.services import audit, vault
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.provider_clients import INTERACTIVE_RETRY, adapter_for
from meterwise.services.scoping import scoped
from meterwise.services.security_events import suspicious
from meterwise.services.sync.ingest import forget_connection
from meterwise.services.viewer import Viewer

log = logging.getLogger(__name__)

SEALED_RECORD = "provider_connection"
SEALED_FIELD = "api_key"
MAX_LABEL = 100
MAX_KEY = 1000
# Why a cap: `connections` has no `first` (the public contract), so its query cost is this
# bound, and each connection is a scheduled sync with a sealed key; 50 covers any real team.
MAX_CONNECTIONS = 50
T = TypeVar("T")


async def list_connections(viewer: Viewer) -> list[ProviderConnection]:
    """The caller's account's connections, oldest first."""
    return await scoped(ProviderConnection, viewer).order_by("created_at", "id")


async def get_connection(viewer: Viewer, connection_id: str | UUID) -> ProviderConnection | None:
    """One connection of the caller's account; None when absent, foreign or malformed."""
    parsed = _uuid(connection_id)
    if parsed is None:
        return None
    return await scoped(ProviderConnection, viewer).get_or_none(id=parsed)


async def connect(viewer: Viewer, settings: Settings, *, provider: ProviderKind, label: str,
                  api_key: str, ip: str | None = None,
                  user_agent: str | None = None) -> ProviderConnection:
    """Check the key with the provider, then store it sealed; nothing is stored on failure."""
    clean_label = _label(label)
    key = _api_key(api_key)
    await _check_room(viewer)  # before the provider call: a full account costs it nothing
    await _validate(provider, key, settings)
    connection = ProviderConnection(
        id=uuid4(), account_id=viewer.account_id, provider=provider, label=clean_label,
        key_hint=key_hint(key), status=ConnectionStatus.ACTIVE, key_sealed="",
    )
    async with vault.sealing(viewer.account_id):
        await Account.filter(id=viewer.account_id).select_for_update().first()
        await _check_room(viewer)  # again, under the account's lock: parallel connects
        connection.key_sealed = await _seal(viewer.account_id, connection.id, key)
        await connection.save(force_create=True)
        await _audit("connection.connected", viewer, connection, ip, user_agent)
    return connection


async def replace_key(viewer: Viewer, settings: Settings, connection_id: str | UUID, api_key: str,
                      *, ip: str | None = None,
                      user_agent: str | None = None) -> ProviderConnection:
    """Check the new key against the connection's provider, then re-seal it in place."""
    connection = await get_connection(viewer, connection_id)
    if connection is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such connection.", "id")
    key = _api_key(api_key)
    await _validate(connection.provider, key, settings)
    async with vault.sealing(viewer.account_id):
        locked = await scoped(ProviderConnection, viewer).select_for_update().get_or_none(
            id=connection.id)
        if locked is None:  # removed while we were checking the key
            raise UserInputError(UserErrorCode.NOT_FOUND, "No such connection.", "id")
        locked.key_sealed = await _seal(viewer.account_id, locked.id, key)
        locked.key_hint = key_hint(key)
        locked.status = ConnectionStatus.ACTIVE
        locked.last_error = None
        # a new key may see other sources (OpenRouter's key kinds): its first sync backfills,
        # and each source it reads replaces what the old key stored there
        locked.last_synced_at = None
        locked.settled_before = None
        await locked.save(update_fields=["key_sealed", "key_hint", "status", "last_error",
                                         "last_synced_at", "settled_before", "updated_at"])
        await _audit("connection.key_replaced", viewer, locked, ip, user_agent)
    await suspicious.on_provider_key_replaced(user_id=viewer.user_id,
                                              account_id=viewer.account_id,
                                              connection_id=locked.id)
    return locked


async def remove(viewer: Viewer, connection_id: str | UUID, *, ip: str | None = None,
                 user_agent: str | None = None) -> None:
    """Delete a connection, the only copy of its sealed key, and the usage it brought in.

    Its usage goes too: otherwise account totals would keep counting spend that no
    listed connection explains.
    """
    connection = await get_connection(viewer, connection_id)
    if connection is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such connection.", "id")
    async with in_transaction():
        deleted = await scoped(ProviderConnection, viewer).filter(id=connection.id).delete()
        if deleted:
            await forget_connection(connection.id)
            await _audit("connection.removed", viewer, connection, ip, user_agent)


async def open_provider_key(connection: ProviderConnection) -> str:
    """The plaintext provider key, for the sync path only.

    Call it right before a fetch, pass the result straight to the adapter, and drop it when
    the fetch ends (prefer ``with_provider_key``). Never log, store or return it. Raises
    ``vault.SecretUnavailable`` when the key cannot be opened (shredded or tampered).
    """
    raw = await vault.open_secret(connection.account_id, connection.key_sealed,
                                  record=SEALED_RECORD, record_id=connection.id,
                                  field=SEALED_FIELD)
    return raw.decode("utf-8")


async def with_provider_key(connection: ProviderConnection,
                            fn: Callable[[str], Awaitable[T]]) -> T:
    """Run ``fn(api_key)`` with the connection's opened key; the key lives only for the call."""
    key = await open_provider_key(connection)
    try:
        return await fn(key)
    finally:
        del key


def key_hint(key: str) -> str:
    """At most the last 4 characters, and never more than a quarter of a short key."""
    return key[-min(4, len(key) // 4):] if len(key) >= 4 else ""


async def _seal(account_id: UUID, connection_id: UUID, key: str) -> str:
    return await vault.seal(account_id, key, record=SEALED_RECORD, record_id=connection_id,
                            field=SEALED_FIELD)


async def _validate(provider: ProviderKind, key: str, settings: Settings) -> None:
    adapter = adapter_for(provider, settings, retry=INTERACTIVE_RETRY)
    try:
        await adapter.validate_key(key)
    except InvalidCredentials:
        raise UserInputError(UserErrorCode.INVALID_CREDENTIALS,
                             "The provider rejected this key.", "apiKey") from None
    except ProviderError as exc:
        log.warning("provider %s unreachable while checking a key: %s", provider,
                    type(exc).__name__)
        raise UserInputError(
            UserErrorCode.PROVIDER_UNAVAILABLE,
            "The provider could not be reached to check this key; try again later.", "apiKey",
        ) from None


async def _audit(action: str, viewer: Viewer, connection: ProviderConnection, ip: str | None,
                 user_agent: str | None) -> None:
    metadata: dict[str, Any] = {"provider": str(connection.provider)}
    await audit.record(action, account_id=viewer.account_id, actor_id=viewer.user_id,
                       target=str(connection.id), ip=ip, user_agent=user_agent,
                       metadata=metadata)


async def _check_room(viewer: Viewer) -> None:
    if await scoped(ProviderConnection, viewer).count() >= MAX_CONNECTIONS:
        raise UserInputError(
            UserErrorCode.INVALID_INPUT,
            f"An account can have at most {MAX_CONNECTIONS} provider connections; remove one "
            "you no longer use first.", None)


def _label(label: str) -> str:
    value = label.strip()
    if not value or len(value) > MAX_LABEL or not value.isprintable():
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"Give the connection a name of 1-{MAX_LABEL} characters.", "label")
    return value


def _api_key(api_key: str) -> str:
    value = api_key.strip()
    if not value or len(value) > MAX_KEY or not value.isprintable() or " " in value:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             "Paste the provider's API key as it was issued.", "apiKey")
    return value


def _uuid(value: str | UUID) -> UUID | None:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        return None
