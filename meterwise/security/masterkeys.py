"""Versioned master keys: parsing, the key ring, and the key file.

Master keys wrap the per-account data keys (see ``envelope``) and derive backup keys
(see ``backupformat``). They come from ``METERWISE_MASTER_KEYS`` (comma-separated) or
from a key file (one entry a line, blank lines and ``#`` comments allowed). Each entry is
``<id>:<base64 of 32 random bytes>``; the **last** entry is the active one, earlier ones
stay for unwrapping until every data key has been re-wrapped.

Parse errors name the source and the position (entry or line), never the key material
nor the entry's id: a mistyped key in an error line would leak it into logs.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "KEY_ID_PATTERN",
    "KEY_SIZE",
    "MasterKey",
    "MasterKeyError",
    "MasterKeyRing",
    "UnknownMasterKeyError",
    "add_version",
    "format_master_keys",
    "generate_key_file",
    "generate_master_key",
    "load_key_file",
    "load_or_create_key_file",
    "parse_key_file",
    "parse_master_keys",
    "remove_version",
]

KEY_SIZE = 32
KEY_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}")
_MAX_KEY_FILE_BYTES = 64 * 1024
_GENERATE_HINT = "generate one with: openssl rand -base64 32"
_FILE_HEADER = (
    "# Meterwise master keys: <id>:<base64 of 32 random bytes>, one a line.\n"
    "# The last line is the active key. Keep this file secret (mode 0600) and back it up\n"
    "# apart from database backups: without it, sealed secrets and backups are unreadable.\n"
)


class MasterKeyError(ValueError):
    """Master keys are missing, malformed or stored unsafely (message holds no key)."""


class UnknownMasterKeyError(MasterKeyError, LookupError):
    """A key id that the ring does not hold (e.g. a retired version)."""

    def __str__(self) -> str:
        # LookupError's default str() would quote the message like a dict key.
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True, slots=True)
class MasterKey:
    """One master key version. ``key`` is excluded from repr so it never reaches logs."""

    id: str
    key: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not KEY_ID_PATTERN.fullmatch(self.id):
            raise MasterKeyError("invalid master key id (use 1-32 of A-Z a-z 0-9 _ -)")
        if len(self.key) != KEY_SIZE:
            raise MasterKeyError(
                f"master key '{self.id}' is {len(self.key)} bytes, expected {KEY_SIZE}"
            )


@dataclass(frozen=True, slots=True, repr=False)
class MasterKeyRing:
    """All configured master key versions, oldest first; the last one is active."""

    keys: tuple[MasterKey, ...]

    def __post_init__(self) -> None:
        if not self.keys:
            raise MasterKeyError("no master keys configured")
        seen: set[str] = set()
        for key in self.keys:
            if key.id in seen:
                raise MasterKeyError(f"duplicate master key id '{key.id}'")
            seen.add(key.id)

    @property
    def active(self) -> MasterKey:
        """The key new data keys and backups are wrapped/derived with."""
        return self.keys[-1]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(key.id for key in self.keys)

    def find(self, key_id: str) -> MasterKey | None:
        for key in self.keys:
            if key.id == key_id:
                return key
        return None

    def get(self, key_id: str) -> MasterKey:
        """The key with this id, or ``UnknownMasterKeyError``."""
        key = self.find(key_id)
        if key is None:
            raise UnknownMasterKeyError(f"master key '{key_id}' is not in the key ring")
        return key

    def without(self, key_id: str) -> MasterKeyRing:
        """A ring with one version retired; the active key cannot be retired."""
        self.get(key_id)
        if key_id == self.active.id:
            raise MasterKeyError(f"cannot retire the active master key '{key_id}'")
        return MasterKeyRing(tuple(k for k in self.keys if k.id != key_id))

    def __contains__(self, key_id: object) -> bool:
        return any(key.id == key_id for key in self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __repr__(self) -> str:
        return f"MasterKeyRing(ids={self.ids!r}, active={self.active.id!r})"


def generate_master_key(key_id: str) -> MasterKey:
    """A fresh random master key (32 bytes from the OS CSPRNG)."""
    return MasterKey(key_id, secrets.token_bytes(KEY_SIZE))


def format_master_keys(ring: MasterKeyRing | Iterable[MasterKey]) -> str:
    """The key-file text for these keys (one ``<id>:<base64>`` a line)."""
    keys = ring.keys if isinstance(ring, MasterKeyRing) else tuple(ring)
    return "".join(f"{k.id}:{base64.b64encode(k.key).decode('ascii')}\n" for k in keys)


def parse_master_keys(text: str, *, source: str = "METERWISE_MASTER_KEYS") -> MasterKeyRing:
    """Parse the comma-separated environment form."""
    entries = (
        (f"entry {n}", entry)
        for n, entry in enumerate((e.strip() for e in text.split(",")), start=1)
        if entry
    )
    return _parse_entries(entries, source)


def parse_key_file(text: str, *, source: str = "key file") -> MasterKeyRing:
    """Parse the key-file form: one entry a line, blank lines and ``#`` comments skipped."""
    return _parse_entries(_file_entries(text), source)


def _file_entries(text: str) -> Iterator[tuple[str, str]]:
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        for entry in (e.strip() for e in line.split(",")):
            if entry:
                yield f"line {lineno}", entry


def _parse_entries(entries: Iterable[tuple[str, str]], source: str) -> MasterKeyRing:
    keys: list[MasterKey] = []
    seen: dict[str, str] = {}
    for where, entry in entries:
        key = _parse_entry(entry, f"{source} {where}")
        if key.id in seen:
            raise MasterKeyError(f"{source} {where}: duplicate key id (same as {seen[key.id]})")
        seen[key.id] = where
        keys.append(key)
    if not keys:
        raise MasterKeyError(f"{source}: no master keys (expected <id>:<base64 key>)")
    return MasterKeyRing(tuple(keys))


def _parse_entry(entry: str, where: str) -> MasterKey:
    key_id, sep, encoded = entry.partition(":")
    key_id, encoded = key_id.strip(), encoded.strip()
    if not sep:
        raise MasterKeyError(f"{where}: expected <id>:<base64 key>")
    # Errors name the position, never the id: in a garbled entry the "id" may be a
    # fragment of key material.
    if not KEY_ID_PATTERN.fullmatch(key_id):
        raise MasterKeyError(f"{where}: invalid key id (use 1-32 of A-Z a-z 0-9 _ -)")
    key = _decode_key(encoded)
    if key is None:
        raise MasterKeyError(f"{where}: key is not valid base64; {_GENERATE_HINT}")
    if len(key) != KEY_SIZE:
        raise MasterKeyError(
            f"{where}: key is {len(key)} bytes, expected {KEY_SIZE}; {_GENERATE_HINT}"
        )
    if key == bytes(KEY_SIZE):
        raise MasterKeyError(f"{where}: key is all zero bytes (a placeholder?)")
    return MasterKey(key_id, key)


def _decode_key(encoded: str) -> bytes | None:
    # Returns None rather than raising so no decoder exception (context) is chained.
    try:
        return base64.b64decode(encoded.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


# --- key file -------------------------------------------------------------------------


def generate_key_file(path: str | os.PathLike[str], *, key_id: str = "k1") -> MasterKeyRing:
    """Create a key file holding one fresh key, mode 0600; refuse to overwrite.

    The content is written to a private temp file and hard-linked into place, so the
    file appears complete or not at all and a concurrent starter never reads it half
    written. Filesystems without hard links fall back to ``O_CREAT | O_EXCL``.
    """
    target = Path(path)
    ring = MasterKeyRing((generate_master_key(key_id),))
    data = (_FILE_HEADER + format_master_keys(ring)).encode("ascii")
    tmp = _write_private_temp(target, data)
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise MasterKeyError(f"key file {target} already exists; refusing to overwrite") from None
    except OSError:
        _create_exclusive(target, data)
    finally:
        os.unlink(tmp)
    _fsync_dir(target.parent)
    return ring


def load_key_file(path: str | os.PathLike[str]) -> MasterKeyRing:
    """Read and parse a key file, refusing one that group or others can access."""
    target = Path(path)
    try:
        text = _read_private_file(target)
    except FileNotFoundError:
        raise MasterKeyError(f"key file {target} does not exist") from None
    return parse_key_file(text, source=f"key file {target}")


def load_or_create_key_file(path: str | os.PathLike[str]) -> MasterKeyRing:
    """The embedded default's first start: load the key file, creating it if missing.

    Safe when several processes start at once: the loser of the creation race loads
    the winner's (complete) file.
    """
    target = Path(path)
    try:
        return parse_key_file(_read_private_file(target), source=f"key file {target}")
    except FileNotFoundError:
        pass
    try:
        return generate_key_file(target)
    except MasterKeyError:
        if not target.exists():
            raise
        return load_key_file(target)


def add_version(path: str | os.PathLike[str], *, key_id: str | None = None) -> str:
    """Append a fresh key (the new active one) to a key file; return its id.

    The new content goes to a 0600 temp file in the same directory, then replaces the
    file with one rename, so a crash leaves either the old or the new file. Comments are
    kept. Not safe against two concurrent ``add_version`` calls on one file (last wins);
    rotation is an operator command run once.
    """
    target = Path(path)
    text, ring = _read_key_file(target)
    new_id = key_id if key_id is not None else _next_key_id(ring)
    if new_id in ring:
        raise MasterKeyError(f"key file {target} already has a key '{new_id}'")
    new_key = generate_master_key(new_id)
    if text and not text.endswith("\n"):
        text += "\n"
    _replace_private(target, (text + format_master_keys([new_key])).encode("ascii"))
    return new_id


def remove_version(path: str | os.PathLike[str], key_id: str) -> None:
    """Retire a version from a key file (never the active one); atomic like ``add_version``.

    The caller checks first that no data key is wrapped by it: its data keys (and backups
    made with it) become unreadable. Comments and other lines are kept.
    """
    target = Path(path)
    text, ring = _read_key_file(target)
    ring.without(key_id)  # refuses an unknown or the active id
    kept = [line for line in text.splitlines(keepends=True)
            if line.strip().startswith("#") or line.partition(":")[0].strip() != key_id]
    new_text = "".join(kept)
    if key_id in parse_key_file(new_text, source=f"key file {target}"):
        raise MasterKeyError(f"key file {target}: '{key_id}' shares a line; edit it by hand")
    _replace_private(target, new_text.encode("ascii"))


def _read_key_file(target: Path) -> tuple[str, MasterKeyRing]:
    """An existing key file's text and ring (checked private, parsed)."""
    try:
        text = _read_private_file(target)
    except FileNotFoundError:
        raise MasterKeyError(f"key file {target} does not exist") from None
    return text, parse_key_file(text, source=f"key file {target}")


def _replace_private(target: Path, data: bytes) -> None:
    """Atomically swap ``target`` for a new 0600 file holding ``data`` (and fsync the dir)."""
    tmp = _write_private_temp(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def _next_key_id(ring: MasterKeyRing) -> str:
    numbers = [int(m.group(1)) for i in ring.ids if (m := re.fullmatch(r"k(\d{1,9})", i))]
    n = max(numbers, default=len(ring)) + 1
    while f"k{n}" in ring:
        n += 1
    return f"k{n}"


def _read_private_file(path: Path) -> str:
    """Read a key file after checking, on the open descriptor, that it is private."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise MasterKeyError(f"key file {path} is not a regular file")
        if os.name == "posix" and st.st_mode & 0o077:
            mode = stat.S_IMODE(st.st_mode)
            raise MasterKeyError(
                f"key file {path} is accessible by group or others (mode {mode:04o}); "
                f"refusing to use it. Fix with: chmod 600 {path}"
            )
        if st.st_size > _MAX_KEY_FILE_BYTES:
            raise MasterKeyError(f"key file {path} is too large to be a key file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(_MAX_KEY_FILE_BYTES + 1)
    finally:
        os.close(fd)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    raise MasterKeyError(f"key file {path} is not UTF-8 text")


def _write_private_temp(target: Path, data: bytes) -> str:
    """Write data to a new 0600 temp file beside target (same filesystem) and fsync it."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    _fill_private(fd, tmp, data)
    return tmp


def _create_exclusive(target: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags, 0o600)
    except FileExistsError:
        raise MasterKeyError(f"key file {target} already exists; refusing to overwrite") from None
    _fill_private(fd, target, data)


def _fill_private(fd: int, path: str | Path, data: bytes) -> None:
    """Make the new file 0600, write and fsync it, close it; on any failure remove it."""
    try:
        os.fchmod(fd, 0o600)
        _write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        os.unlink(path)
        raise
    os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_dir(directory: Path) -> None:
    """Make a rename/link durable; best effort where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
