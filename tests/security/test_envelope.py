"""Envelope encryption: sealed secrets bound to their place, wrapped data keys."""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Callable
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterwise.security.envelope import (
    DecryptionError,
    SealContext,
    WrappedKey,
    new_data_key,
    open_sealed,
    rewrap,
    seal,
    sealed_key_id,
    unwrap_data_key,
    wrap_data_key,
)
from meterwise.security.masterkeys import MasterKey, MasterKeyRing, generate_master_key

SECRET = "sk-admin-0123456789abcdef"
ACCOUNT = UUID("0badcafe-2222-3333-4444-deadbeef5555")
CTX = SealContext(account_id=ACCOUNT, record="provider_connection", record_id=7, field="api_key")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data: bytes | bytearray) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.fixture
def dek() -> bytes:
    return new_data_key()


@pytest.fixture
def ring() -> MasterKeyRing:
    return MasterKeyRing((generate_master_key("k1"),))


# --- seal / open ---------------------------------------------------------------------


def test_seal_then_open_returns_the_plaintext(dek: bytes) -> None:
    token = seal(dek, SECRET, dek_id=3, context=CTX)

    assert open_sealed(dek, token, context=CTX) == SECRET.encode()
    assert open_sealed(dek, seal(dek, b"\x00\xff", dek_id=3, context=CTX), context=CTX) == (
        b"\x00\xff"
    )
    assert open_sealed(dek, seal(dek, "", dek_id=3, context=CTX), context=CTX) == b""


def test_token_format_names_its_data_key(dek: bytes) -> None:
    token = seal(dek, SECRET, dek_id="acct-dek-2", context=CTX)

    prefix, key_id, nonce, data = token.split(":")
    assert (prefix, key_id) == ("mw1", "acct-dek-2")
    assert len(b64url_decode(nonce)) == 12
    assert len(b64url_decode(data)) == len(SECRET) + 16
    assert sealed_key_id(token) == "acct-dek-2"
    assert SECRET not in token


@pytest.mark.parametrize(
    "other",
    [
        dataclasses.replace(CTX, account_id=UUID(int=1)),
        dataclasses.replace(CTX, account_id=str(ACCOUNT).upper()),
        dataclasses.replace(CTX, record="webhook"),
        dataclasses.replace(CTX, record_id=8),
        dataclasses.replace(CTX, field="totp_secret"),
    ],
    ids=["other-account", "account-id-spelling", "other-record", "other-row", "other-field"],
)
def test_open_with_another_context_fails(dek: bytes, other: SealContext) -> None:
    token = seal(dek, SECRET, dek_id=1, context=CTX)

    with pytest.raises(DecryptionError) as err:
        open_sealed(dek, token, context=other)

    assert str(err.value) == (
        "sealed value failed authentication: wrong account, record or field, wrong data key, "
        "or the value was altered"
    )
    assert err.value.__context__ is None or SECRET not in repr(err.value.__context__)


def test_int_and_str_ids_bind_the_same(dek: bytes) -> None:
    token = seal(dek, SECRET, dek_id=1, context=dataclasses.replace(CTX, record_id=7))

    assert open_sealed(dek, token, context=dataclasses.replace(CTX, record_id="7")) == (
        SECRET.encode()
    )


def test_context_encoding_is_unambiguous(dek: bytes) -> None:
    first = SealContext(account_id="a", record="b:c", record_id="d", field="e")
    shifted = SealContext(account_id="a:b", record="c", record_id="d", field="e")
    token = seal(dek, SECRET, dek_id=1, context=first)

    with pytest.raises(DecryptionError):
        open_sealed(dek, token, context=shifted)


def test_open_with_another_data_key_fails(dek: bytes) -> None:
    token = seal(dek, SECRET, dek_id=1, context=CTX)

    with pytest.raises(DecryptionError, match="failed authentication"):
        open_sealed(new_data_key(), token, context=CTX)


def test_every_flipped_bit_is_detected(dek: bytes) -> None:
    token = seal(dek, SECRET, dek_id=1, context=CTX)
    prefix, key_id, nonce_text, data_text = token.split(":")
    raw = b64url_decode(nonce_text) + b64url_decode(data_text)

    for position in range(len(raw) * 8):
        flipped = bytearray(raw)
        flipped[position // 8] ^= 1 << (position % 8)
        forged = f"{prefix}:{key_id}:{b64url_encode(flipped[:12])}:{b64url_encode(flipped[12:])}"
        with pytest.raises(DecryptionError):
            open_sealed(dek, forged, context=CTX)


def test_every_changed_character_is_detected(dek: bytes) -> None:
    token = seal(dek, SECRET, dek_id=1, context=CTX)

    for i, char in enumerate(token):
        forged = token[:i] + ("B" if char != "B" else "C") + token[i + 1 :]
        with pytest.raises(DecryptionError):
            open_sealed(dek, forged, context=CTX)


def test_relabelled_key_id_fails(dek: bytes) -> None:
    token = seal(dek, SECRET, dek_id=1, context=CTX)

    with pytest.raises(DecryptionError, match="failed authentication"):
        open_sealed(dek, token.replace("mw1:1:", "mw1:2:"), context=CTX)


@pytest.mark.parametrize("cut", [1, 4, 16, 22])
def test_truncated_token_fails(dek: bytes, cut: int) -> None:
    token = seal(dek, SECRET, dek_id=1, context=CTX)

    with pytest.raises(DecryptionError):
        open_sealed(dek, token[:-cut], context=CTX)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda t: "mw2" + t[3:], "not a Meterwise sealed value"),
        (lambda t: t + ":x", "not a Meterwise sealed value"),
        (lambda t: t.rsplit(":", 1)[0], "not a Meterwise sealed value"),
        (lambda t: t.replace("mw1:1:", "mw1:a.b:"), "malformed sealed value: invalid data key id"),
        (lambda t: t.replace("mw1:1:", "mw1::"), "malformed sealed value: invalid data key id"),
        (lambda t: t + "=", "malformed sealed value: invalid ciphertext"),
        (lambda t: t.rsplit(":", 1)[0] + ":AAAA", "malformed sealed value: invalid ciphertext"),
        (
            lambda t: "mw1:1:" + b64url_encode(bytes(11)) + ":" + t.rsplit(":", 1)[1],
            "malformed sealed value: invalid nonce",
        ),
    ],
)
def test_malformed_tokens_are_refused_with_a_clear_message(
    dek: bytes, mutate: Callable[[str], str], message: str
) -> None:
    token = seal(dek, SECRET, dek_id=1, context=CTX)

    with pytest.raises(DecryptionError) as err:
        open_sealed(dek, mutate(token), context=CTX)

    assert str(err.value).startswith(message)
    assert SECRET not in str(err.value)


def test_non_canonical_base64_is_refused(dek: bytes) -> None:
    token = seal(dek, b"x", dek_id=1, context=CTX)  # 17 bytes of data: last char has spare bits
    head, data = token.rsplit(":", 1)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    sibling = alphabet[alphabet.index(data[-1]) ^ 1]

    assert b64url_decode(data[:-1] + sibling) == b64url_decode(data)
    with pytest.raises(DecryptionError, match="invalid ciphertext"):
        open_sealed(dek, f"{head}:{data[:-1]}{sibling}", context=CTX)


def test_nonces_are_unique_across_many_seals(dek: bytes) -> None:
    tokens = [seal(dek, SECRET, dek_id=1, context=CTX) for _ in range(20_000)]

    assert len({t.split(":")[2] for t in tokens}) == len(tokens)


def test_seal_rejects_bad_keys_and_ids(dek: bytes) -> None:
    with pytest.raises(ValueError, match="data key must be 32 bytes"):
        seal(dek[:16], SECRET, dek_id=1, context=CTX)
    with pytest.raises(ValueError, match="dek_id must be"):
        seal(dek, SECRET, dek_id="a:b", context=CTX)
    with pytest.raises(ValueError, match="record must not be empty"):
        SealContext(account_id=1, record="", record_id=1, field="f")
    with pytest.raises(TypeError, match="account_id must be str, int or UUID"):
        SealContext(account_id=True, record="r", record_id=1, field="f")


contexts = st.builds(
    SealContext,
    account_id=st.one_of(st.uuids(), st.integers(min_value=0), st.text(min_size=1)),
    record=st.text(min_size=1),
    record_id=st.one_of(st.integers(), st.text(min_size=1)),
    field=st.text(min_size=1),
)


@settings(max_examples=150, deadline=None)
@given(plaintext=st.one_of(st.binary(), st.text()), context=contexts, other=contexts)
def test_property_round_trip_and_context_binding(
    plaintext: bytes | str, context: SealContext, other: SealContext
) -> None:
    dek = new_data_key()
    expected = plaintext.encode() if isinstance(plaintext, str) else plaintext

    token = seal(dek, plaintext, dek_id="d1", context=context)

    assert open_sealed(dek, token, context=context) == expected
    same_place = [str(getattr(context, f)) for f in ("account_id", "record", "record_id")] + [
        context.field
    ] == [str(getattr(other, f)) for f in ("account_id", "record", "record_id")] + [other.field]
    if not same_place:
        with pytest.raises(DecryptionError):
            open_sealed(dek, token, context=other)


# --- wrapping data keys --------------------------------------------------------------


def test_wrap_then_unwrap_returns_the_data_key(ring: MasterKeyRing, dek: bytes) -> None:
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)

    assert wrapped.master_key_id == "k1"
    assert len(wrapped.blob) == 61
    assert dek not in wrapped.blob
    assert unwrap_data_key(ring, wrapped, account_id=ACCOUNT, dek_id=1) == dek
    assert repr(wrapped) == "WrappedKey(master_key_id='k1')"


def test_wrapped_key_moved_to_another_account_fails(ring: MasterKeyRing, dek: bytes) -> None:
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)

    with pytest.raises(DecryptionError) as err:
        unwrap_data_key(ring, wrapped, account_id=UUID(int=2), dek_id=1)

    assert str(err.value) == (
        "wrapped data key failed authentication: it belongs to another account or data key, "
        "or was altered"
    )


def test_wrapped_key_under_another_dek_id_fails(ring: MasterKeyRing, dek: bytes) -> None:
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)

    with pytest.raises(DecryptionError, match="failed authentication"):
        unwrap_data_key(ring, wrapped, account_id=ACCOUNT, dek_id=2)


def test_every_flipped_bit_of_a_wrapped_key_is_detected(ring: MasterKeyRing, dek: bytes) -> None:
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)

    for position in range(len(wrapped.blob) * 8):
        blob = bytearray(wrapped.blob)
        blob[position // 8] ^= 1 << (position % 8)
        with pytest.raises(DecryptionError):
            unwrap_data_key(ring, WrappedKey("k1", bytes(blob)), account_id=ACCOUNT, dek_id=1)
    with pytest.raises(DecryptionError, match="malformed wrapped data key"):
        unwrap_data_key(ring, WrappedKey("k1", wrapped.blob[:-1]), account_id=ACCOUNT, dek_id=1)


def test_wrapped_key_relabelled_to_another_master_key_id_fails(dek: bytes) -> None:
    same_bytes = generate_master_key("k1").key
    ring = MasterKeyRing((MasterKey("k1", same_bytes), MasterKey("k2", same_bytes)))
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)
    relabelled = WrappedKey("k1", wrapped.blob)

    with pytest.raises(DecryptionError, match="failed authentication"):
        unwrap_data_key(ring, relabelled, account_id=ACCOUNT, dek_id=1)


def test_unwrap_with_unknown_master_key_names_it(ring: MasterKeyRing, dek: bytes) -> None:
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)
    other_ring = MasterKeyRing((generate_master_key("k2"),))

    with pytest.raises(DecryptionError) as err:
        unwrap_data_key(other_ring, wrapped, account_id=ACCOUNT, dek_id=1)

    assert str(err.value) == (
        "data key is wrapped by master key 'k1', which is not in the key ring"
    )


def test_rewrap_moves_to_active_key_and_survives_retiring_the_old_one(
    ring: MasterKeyRing, dek: bytes
) -> None:
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)
    token = seal(dek, SECRET, dek_id=1, context=CTX)
    rotated = MasterKeyRing((*ring.keys, generate_master_key("k2")))

    rewrapped = rewrap(rotated, wrapped, account_id=ACCOUNT, dek_id=1)
    retired = rotated.without("k1")

    assert rewrapped.master_key_id == "k2"
    recovered = unwrap_data_key(retired, rewrapped, account_id=ACCOUNT, dek_id=1)
    assert recovered == dek
    assert open_sealed(recovered, token, context=CTX) == SECRET.encode()
    with pytest.raises(DecryptionError, match="master key 'k1', which is not in the key ring"):
        unwrap_data_key(retired, wrapped, account_id=ACCOUNT, dek_id=1)


def test_rewrap_is_a_no_op_when_already_on_the_active_key(ring: MasterKeyRing, dek: bytes) -> None:
    wrapped = wrap_data_key(ring, dek, account_id=ACCOUNT, dek_id=1)

    assert rewrap(ring, wrapped, account_id=ACCOUNT, dek_id=1) is wrapped
