"""Encrypted backup files: a streaming, chunked AES-256-GCM container.

A backup (e.g. ``pg_dump`` output) can be larger than memory, so it is encrypted in
fixed-size chunks, each authenticated on its own. Layout (integers big-endian)::

    header:  magic "MWBACKUP" (8) | version u8 (=1) | chunk size u32 | file id (32 random
             bytes) | key check (16) | key id length u8 | key id (ASCII)
    chunks:  AES-256-GCM(chunk plaintext) || tag, one per chunk

Every chunk holds exactly ``chunk size`` plaintext bytes except the last, which holds
0..chunk size bytes (an empty input still has one, empty, final chunk). So the reader
knows where chunks end without length fields.

Keys: file key = HKDF-SHA256(master key, salt = file id, info = "meterwise/backup/v1/
stream" | file id | key id). A fresh random file id per backup makes the file key unique,
so chunk ``i`` may safely use nonce = ``i`` (12 bytes). The key check is an HKDF output
under a different info label: it tells "another installation's key with the same id"
apart from tampering, and reveals nothing about the key.

Each chunk's AAD is the whole header plus the chunk index (u64) and a final flag (u8),
so a modified header, reordered or swapped chunks, a truncated file (the last chunk
present is not marked final) and data appended after the final chunk are all detected.

``ring`` is any ``MasterKeyRing``: the installation's master keys, or a ring holding a
dedicated backup key. Backups are made with the active key and read with any key the
ring still holds, so keep retired master keys as long as their backups matter.
"""

from __future__ import annotations

import hmac
import os
import struct
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from meterwise.security.masterkeys import KEY_ID_PATTERN, MasterKeyRing

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "BackupFormatError",
    "BackupHeader",
    "decrypt_stream",
    "encrypt_stream",
    "read_header",
]

MAGIC = b"MWBACKUP"
FORMAT_VERSION = 1
DEFAULT_CHUNK_SIZE = 64 * 1024
MAX_CHUNK_SIZE = 16 * 1024 * 1024
FILE_ID_SIZE = 32
KEY_CHECK_SIZE = 16
TAG_SIZE = 16
_FIXED = struct.Struct(f">{len(MAGIC)}sBI{FILE_ID_SIZE}s{KEY_CHECK_SIZE}sB")
_CHUNK_AAD = struct.Struct(">QB")
_LABEL = b"meterwise/backup/v1/"


class BackupFormatError(Exception):
    """The file is not a Meterwise backup, needs a key we lack, or was damaged/tampered."""


@dataclass(frozen=True, slots=True)
class BackupHeader:
    """The plaintext header of a backup file (nothing in it is secret)."""

    version: int
    chunk_size: int
    file_id: bytes
    key_check: bytes
    key_id: str

    def to_bytes(self) -> bytes:
        key_id = self.key_id.encode("ascii")
        fixed = _FIXED.pack(
            MAGIC, self.version, self.chunk_size, self.file_id, self.key_check, len(key_id)
        )
        return fixed + key_id


def encrypt_stream(
    src: BinaryIO, dst: BinaryIO, *, ring: MasterKeyRing, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> BackupHeader:
    """Encrypt all of ``src`` into ``dst`` with the ring's active key; return the header."""
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError(f"chunk_size must be 1..{MAX_CHUNK_SIZE}")
    master = ring.active
    file_id = os.urandom(FILE_ID_SIZE)
    header = BackupHeader(
        version=FORMAT_VERSION,
        chunk_size=chunk_size,
        file_id=file_id,
        key_check=_derive(master.key, file_id, master.id, b"key-check", KEY_CHECK_SIZE),
        key_id=master.id,
    )
    header_bytes = header.to_bytes()
    aead = AESGCM(_derive(master.key, file_id, master.id, b"stream", 32))
    dst.write(header_bytes)
    index = 0
    chunk = _read_exact(src, chunk_size)
    while True:
        following = _read_exact(src, chunk_size) if len(chunk) == chunk_size else b""
        final = not following
        dst.write(aead.encrypt(_nonce(index), chunk, _chunk_aad(header_bytes, index, final)))
        if final:
            return header
        chunk, index = following, index + 1


def decrypt_stream(src: BinaryIO, dst: BinaryIO, *, ring: MasterKeyRing) -> BackupHeader:
    """Decrypt a backup from ``src`` into ``dst``; raise ``BackupFormatError`` on any fault.

    The header and key are checked before anything is written. Each chunk is written
    only once authenticated, but an error late in the file means ``dst`` holds a
    prefix: treat the output as unusable unless this returns (decrypt to a temp file,
    or restore inside one transaction).
    """
    header = read_header(src)
    master = ring.find(header.key_id)
    if master is None:
        raise BackupFormatError(
            f"backup was made with master key '{header.key_id}', which this installation "
            f"does not have (it has: {', '.join(ring.ids)})"
        )
    expected = _derive(master.key, header.file_id, master.id, b"key-check", KEY_CHECK_SIZE)
    if not hmac.compare_digest(expected, header.key_check):
        raise BackupFormatError(
            f"backup was made with a different master key named '{header.key_id}' "
            "(another installation's key), or its header was altered"
        )
    header_bytes = header.to_bytes()
    aead = AESGCM(_derive(master.key, header.file_id, master.id, b"stream", 32))
    record_size = header.chunk_size + TAG_SIZE
    index = 0
    record = _read_exact(src, record_size)
    while True:
        following = _read_exact(src, record_size) if len(record) == record_size else b""
        final = not following
        plaintext = _open_chunk(aead, header_bytes, index, record, final)
        dst.write(plaintext)
        if final:
            return header
        record, index = following, index + 1


def read_header(src: BinaryIO) -> BackupHeader:
    """Read and strictly parse a backup header (no key needed; e.g. to show its key id)."""
    fixed = _read_exact(src, _FIXED.size)
    if fixed[: len(MAGIC)] != MAGIC[: len(fixed)] or not fixed:
        raise BackupFormatError("not a Meterwise backup file")
    if len(fixed) < _FIXED.size:
        raise BackupFormatError("backup is truncated (incomplete header)")
    magic, version, chunk_size, file_id, key_check, id_len = _FIXED.unpack(fixed)
    if magic != MAGIC:
        raise BackupFormatError("not a Meterwise backup file")
    if version != FORMAT_VERSION:
        raise BackupFormatError(
            f"unsupported backup format version {version} (this Meterwise reads version "
            f"{FORMAT_VERSION})"
        )
    raw_id = _read_exact(src, id_len)
    if len(raw_id) < id_len:
        raise BackupFormatError("backup is truncated (incomplete header)")
    key_id = raw_id.decode("ascii", errors="replace")
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE or not KEY_ID_PATTERN.fullmatch(key_id):
        raise BackupFormatError("backup header is corrupt")
    return BackupHeader(version, chunk_size, file_id, key_check, key_id)


def _open_chunk(aead: AESGCM, header: bytes, index: int, record: bytes, final: bool) -> bytes:
    """Decrypt one chunk; on failure, work out whether it was truncation or tampering."""
    nonce = _nonce(index)
    try:
        return aead.decrypt(nonce, record, _chunk_aad(header, index, final))
    except InvalidTag:
        pass
    try:
        aead.decrypt(nonce, record, _chunk_aad(header, index, not final))
    except InvalidTag:
        raise BackupFormatError(
            f"backup is damaged, truncated or was tampered with "
            f"(chunk {index} failed authentication)"
        ) from None
    if final:
        raise BackupFormatError(
            f"backup is truncated: it ends after chunk {index}, before its final chunk"
        )
    raise BackupFormatError(f"backup has unexpected data after its final chunk ({index})")


def _derive(master_key: bytes, file_id: bytes, key_id: str, purpose: bytes, length: int) -> bytes:
    info = _LABEL + purpose + b"\x00" + file_id + key_id.encode("ascii")
    return HKDF(algorithm=SHA256(), length=length, salt=file_id, info=info).derive(master_key)


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _chunk_aad(header: bytes, index: int, final: bool) -> bytes:
    return header + _CHUNK_AAD.pack(index, int(final))


def _read_exact(src: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, fewer only at end of stream (pipes return short reads)."""
    parts: list[bytes] = []
    remaining = size
    while remaining:
        part = src.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)
