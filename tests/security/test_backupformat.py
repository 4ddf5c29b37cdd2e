"""Encrypted backup stream: round trips, and every kind of damage refused clearly."""

from __future__ import annotations

import io
import os

import pytest

from meterwise.security.backupformat import (
    DEFAULT_CHUNK_SIZE,
    BackupFormatError,
    decrypt_stream,
    encrypt_stream,
    read_header,
)
from meterwise.security.masterkeys import MasterKey, MasterKeyRing, generate_master_key

CHUNK = 64
TAG = 16


@pytest.fixture
def ring() -> MasterKeyRing:
    return MasterKeyRing((generate_master_key("k1"),))


def encrypt(data: bytes, ring: MasterKeyRing, chunk_size: int = CHUNK) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, ring=ring, chunk_size=chunk_size)
    return out.getvalue()


def decrypt(blob: bytes, ring: MasterKeyRing) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(blob), out, ring=ring)
    return out.getvalue()


def header_size(blob: bytes) -> int:
    return len(read_header(io.BytesIO(blob)).to_bytes())


def split(blob: bytes) -> tuple[bytes, list[bytes]]:
    """Header and encrypted chunk records of a backup made with chunk size CHUNK."""
    size = header_size(blob)
    body = blob[size:]
    return blob[:size], [body[i : i + CHUNK + TAG] for i in range(0, len(body), CHUNK + TAG)]


class TrickleReader(io.RawIOBase):
    """A pipe-like source that returns at most 7 bytes a read."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(min(size, 7) if size >= 0 else 7)


# --- round trips ---------------------------------------------------------------------


def test_round_trip_of_a_megabyte_with_the_default_chunk_size(ring: MasterKeyRing) -> None:
    data = os.urandom(1 << 20)

    blob = encrypt(data, ring, DEFAULT_CHUNK_SIZE)

    assert decrypt(blob, ring) == data
    assert len(blob) == header_size(blob) + len(data) + 16 * TAG  # 16 full chunks, last is final


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 1000])
def test_round_trip_at_chunk_boundaries(ring: MasterKeyRing, size: int) -> None:
    data = os.urandom(size)

    assert decrypt(encrypt(data, ring), ring) == data


def test_round_trip_through_short_reads(ring: MasterKeyRing) -> None:
    data = os.urandom(5 * CHUNK + 3)
    out = io.BytesIO()
    encrypt_stream(TrickleReader(data), out, ring=ring, chunk_size=CHUNK)  # type: ignore[arg-type]
    result = io.BytesIO()

    decrypt_stream(TrickleReader(out.getvalue()), result, ring=ring)  # type: ignore[arg-type]

    assert result.getvalue() == data


def test_header_names_the_active_key_and_ciphertext_hides_the_data() -> None:
    ring = MasterKeyRing((generate_master_key("k1"), generate_master_key("k2")))
    data = b"sk-admin-plaintext-secret " * 20

    blob = encrypt(data, ring)
    header = read_header(io.BytesIO(blob))

    assert blob.startswith(b"MWBACKUP\x01")
    assert (header.version, header.chunk_size, header.key_id) == (1, CHUNK, "k2")
    assert b"sk-admin" not in blob
    assert encrypt(data, ring) != blob  # fresh file id, fresh key


def test_backup_made_before_a_rotation_still_restores() -> None:
    old = MasterKeyRing((generate_master_key("k1"),))
    blob = encrypt(b"rows", old)
    rotated = MasterKeyRing((*old.keys, generate_master_key("k2")))

    assert decrypt(blob, rotated) == b"rows"


def test_a_dedicated_backup_key_ring_works() -> None:
    backup_ring = MasterKeyRing((generate_master_key("backup-2026"),))

    assert decrypt(encrypt(b"rows", backup_ring), backup_ring) == b"rows"


# --- refusals ------------------------------------------------------------------------


@pytest.mark.parametrize("blob", [b"", b"PGDMP\x01\x0e", b"MWBACKUQ" + bytes(80)])
def test_not_a_backup_is_refused(ring: MasterKeyRing, blob: bytes) -> None:
    with pytest.raises(BackupFormatError, match=r"^not a Meterwise backup file$"):
        decrypt(blob, ring)


def test_unsupported_version_is_refused(ring: MasterKeyRing) -> None:
    blob = bytearray(encrypt(b"rows", ring))
    blob[8] = 2

    with pytest.raises(BackupFormatError) as err:
        decrypt(bytes(blob), ring)

    assert str(err.value) == "unsupported backup format version 2 (this Meterwise reads version 1)"


def test_foreign_file_names_the_missing_key(ring: MasterKeyRing) -> None:
    blob = encrypt(b"rows", ring)
    foreign = MasterKeyRing((generate_master_key("k7"), generate_master_key("k8")))
    out = io.BytesIO()

    with pytest.raises(BackupFormatError) as err:
        decrypt_stream(io.BytesIO(blob), out, ring=foreign)

    assert str(err.value) == (
        "backup was made with master key 'k1', which this installation does not have "
        "(it has: k7, k8)"
    )
    assert out.getvalue() == b""


def test_other_installations_key_with_the_same_id_is_recognised(ring: MasterKeyRing) -> None:
    blob = encrypt(b"rows", ring)
    twin = MasterKeyRing((generate_master_key("k1"),))

    with pytest.raises(BackupFormatError) as err:
        decrypt(blob, twin)

    assert str(err.value) == (
        "backup was made with a different master key named 'k1' (another installation's key), "
        "or its header was altered"
    )


def test_every_flipped_byte_is_refused(ring: MasterKeyRing) -> None:
    blob = encrypt(os.urandom(3 * CHUNK + 10), ring)

    for position in range(len(blob)):
        forged = bytearray(blob)
        forged[position] ^= 0x01
        with pytest.raises(BackupFormatError):
            decrypt(bytes(forged), ring)


def test_flipped_byte_in_a_chunk_names_the_chunk(ring: MasterKeyRing) -> None:
    header, chunks = split(encrypt(os.urandom(3 * CHUNK + 10), ring))
    damaged = bytearray(chunks[1])
    damaged[5] ^= 0x80

    with pytest.raises(BackupFormatError) as err:
        decrypt(header + chunks[0] + bytes(damaged) + b"".join(chunks[2:]), ring)

    assert str(err.value) == (
        "backup is damaged, truncated or was tampered with (chunk 1 failed authentication)"
    )


def test_truncation_at_a_chunk_boundary_is_reported_as_truncation(ring: MasterKeyRing) -> None:
    header, chunks = split(encrypt(os.urandom(3 * CHUNK + 10), ring))

    with pytest.raises(BackupFormatError) as err:
        decrypt(header + b"".join(chunks[:2]), ring)

    assert str(err.value) == "backup is truncated: it ends after chunk 1, before its final chunk"


@pytest.mark.parametrize("cut", [1, TAG, CHUNK])
def test_truncation_inside_a_chunk_is_refused(ring: MasterKeyRing, cut: int) -> None:
    blob = encrypt(os.urandom(3 * CHUNK + 10), ring)

    with pytest.raises(BackupFormatError, match="damaged, truncated or was tampered with"):
        decrypt(blob[:-cut], ring)


def test_header_only_is_refused(ring: MasterKeyRing) -> None:
    blob = encrypt(b"", ring)

    with pytest.raises(BackupFormatError, match=r"chunk 0 failed authentication"):
        decrypt(blob[: header_size(blob)], ring)
    with pytest.raises(BackupFormatError, match=r"^backup is truncated \(incomplete header\)$"):
        decrypt(blob[: header_size(blob) - 1], ring)


def test_reordered_chunks_are_refused(ring: MasterKeyRing) -> None:
    header, chunks = split(encrypt(os.urandom(4 * CHUNK), ring))
    chunks[1], chunks[2] = chunks[2], chunks[1]

    with pytest.raises(BackupFormatError, match=r"chunk 1 failed authentication"):
        decrypt(header + b"".join(chunks), ring)


def test_dropped_middle_chunk_is_refused(ring: MasterKeyRing) -> None:
    header, chunks = split(encrypt(os.urandom(4 * CHUNK), ring))
    del chunks[1]

    with pytest.raises(BackupFormatError, match=r"chunk 1 failed authentication"):
        decrypt(header + b"".join(chunks), ring)


def test_chunk_from_another_backup_is_refused(ring: MasterKeyRing) -> None:
    data = os.urandom(3 * CHUNK)
    header, chunks = split(encrypt(data, ring))
    _, other_chunks = split(encrypt(data, ring))
    chunks[1] = other_chunks[1]

    with pytest.raises(BackupFormatError, match=r"chunk 1 failed authentication"):
        decrypt(header + b"".join(chunks), ring)


def test_data_appended_after_a_full_final_chunk_is_named(ring: MasterKeyRing) -> None:
    blob = encrypt(os.urandom(2 * CHUNK), ring)  # final chunk is a full one

    with pytest.raises(BackupFormatError) as err:
        decrypt(blob + b"garbage", ring)

    assert str(err.value) == "backup has unexpected data after its final chunk (1)"


@pytest.mark.parametrize("extra", [b"x", os.urandom(CHUNK + TAG), os.urandom(5 * CHUNK)])
def test_appended_garbage_is_refused(ring: MasterKeyRing, extra: bytes) -> None:
    blob = encrypt(os.urandom(2 * CHUNK + 5), ring)

    with pytest.raises(BackupFormatError, match="damaged, truncated or was tampered with"):
        decrypt(blob + extra, ring)


def test_header_key_id_swapped_to_another_known_key_is_refused() -> None:
    shared = generate_master_key("k1").key
    ring = MasterKeyRing((MasterKey("k1", shared), MasterKey("k2", shared)))
    blob = encrypt(b"rows", ring)
    id_at = blob.index(b"k2", 8)

    with pytest.raises(BackupFormatError, match="different master key named 'k1'"):
        decrypt(blob[:id_at] + b"k1" + blob[id_at + 2 :], ring)


def test_chunk_size_bounds() -> None:
    ring = MasterKeyRing((generate_master_key("k1"),))

    with pytest.raises(ValueError, match="chunk_size must be"):
        encrypt(b"", ring, chunk_size=0)
