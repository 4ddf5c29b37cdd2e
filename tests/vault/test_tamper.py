"""Sealed values stored in the database are bound to their row, field and account."""

from __future__ import annotations

import base64

import pytest

from meterwise.models.connections import ProviderConnection
from meterwise.services import connections, vault
from tests.vault.support import seed_secrets

pytestmark = pytest.mark.usefixtures("db")


async def _second_connection(source: ProviderConnection, account_id: object) -> ProviderConnection:
    row = ProviderConnection(account_id=account_id, provider=source.provider, label="copy",
                             key_hint="x", key_sealed=source.key_sealed)
    await row.save()
    return row


async def test_a_ciphertext_moved_to_another_row_or_account_fails() -> None:
    mine, theirs = await seed_secrets("mine"), await seed_secrets("theirs")
    source = await ProviderConnection.get(id=mine.connection_id)
    same_account = await _second_connection(source, mine.account_id)
    other_account = await _second_connection(source, theirs.account_id)
    for moved in (same_account, other_account):
        with pytest.raises(vault.SecretUnavailable):
            await connections.open_provider_key(moved)
    # the TOTP field's ciphertext pasted into the provider-key field fails too
    from meterwise.models.identity import User

    user = await User.get(id=mine.user_id)
    assert user.totp_secret_sealed is not None
    source.key_sealed = user.totp_secret_sealed
    with pytest.raises(vault.SecretUnavailable):
        await connections.open_provider_key(source)


async def test_a_flipped_bit_fails() -> None:
    tenant = await seed_secrets("bits")
    row = await ProviderConnection.get(id=tenant.connection_id)
    prefix, key_id, nonce, data = row.key_sealed.split(":")
    raw = bytearray(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    for position in (0, len(raw) // 2, len(raw) - 1):  # ciphertext start, middle, tag
        flipped = bytearray(raw)
        flipped[position] ^= 0x01
        text = base64.urlsafe_b64encode(bytes(flipped)).rstrip(b"=").decode()
        row.key_sealed = ":".join((prefix, key_id, nonce, text))
        with pytest.raises(vault.SecretUnavailable):
            await connections.open_provider_key(row)
    assert await connections.open_provider_key(
        await ProviderConnection.get(id=tenant.connection_id)) == tenant.provider_key
