"""Password hashing (argon2id) and the password policy.

Parameters: RFC 9106's "second recommended option" (argon2id, t=3, m=64 MiB, p=4), which
is also argon2-cffi's default profile. It is well above OWASP's minimums (m=19 MiB with
t=2, or m=46 MiB with t=1) and costs ~140 ms on a 2-core machine. Hashing is CPU- and
memory-hard, so it runs in a worker thread, never on the event loop, and a semaphore caps
how many hashes run at once (cores x 64 MiB of memory at most) so a login flood cannot
exhaust memory.

Passwords are NFKC-normalised before hashing and checking, as NIST SP 800-63B suggests, so
the same passphrase typed on different keyboards (composed vs decomposed accents) matches.
"""

from __future__ import annotations

import asyncio
import enum
import os
import secrets
import string
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

__all__ = [
    "DEFAULT_PARAMS",
    "MAX_LENGTH",
    "MIN_LENGTH",
    "HashParams",
    "PasswordProblem",
    "check_password_policy",
    "common_passwords",
    "hash_password",
    "make_hasher",
    "verify_against_dummy",
    "verify_password",
]

MIN_LENGTH = 12
MAX_LENGTH = 128


@dataclass(frozen=True, slots=True)
class HashParams:
    """argon2id cost parameters; `memory_cost_kib` is in KiB as argon2 expects."""

    time_cost: int = 3
    memory_cost_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_PARAMS = HashParams()

# At most this many argon2 computations at once, across all event loops and threads.
_HASH_SLOTS = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))


@cache
def make_hasher(params: HashParams = DEFAULT_PARAMS) -> PasswordHasher:
    """The argon2id hasher for `params` (cached: hashers are immutable and thread-safe)."""
    return PasswordHasher(
        time_cost=params.time_cost,
        memory_cost=params.memory_cost_kib,
        parallelism=params.parallelism,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def _normalise(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


def _hash_sync(hasher: PasswordHasher, password: str) -> str:
    with _HASH_SLOTS:
        return hasher.hash(_normalise(password))


def _verify_sync(
    hasher: PasswordHasher, stored_hash: str, password: str
) -> tuple[bool, str | None]:
    with _HASH_SLOTS:
        try:
            hasher.verify(stored_hash, _normalise(password))
        except (VerificationError, InvalidHashError):
            # A malformed stored hash fails like a wrong password: raising would make the
            # response (and its timing) differ and hint that the account exists.
            return False, None
        if hasher.check_needs_rehash(stored_hash):
            return True, hasher.hash(_normalise(password))
        return True, None


async def hash_password(password: str, *, hasher: PasswordHasher | None = None) -> str:
    """Hash `password` with argon2id in a worker thread; returns the PHC string."""
    return await asyncio.to_thread(_hash_sync, hasher or make_hasher(), password)


async def verify_password(
    stored_hash: str, password: str, *, hasher: PasswordHasher | None = None
) -> tuple[bool, str | None]:
    """Check `password` against `stored_hash` in a worker thread.

    Returns `(ok, new_hash)`: `new_hash` is set only when the password is right and the
    stored hash used other parameters than `hasher`; the caller should store it.
    """
    return await asyncio.to_thread(_verify_sync, hasher or make_hasher(), stored_hash, password)


@cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    return hasher.hash(secrets.token_urlsafe(32))


async def verify_against_dummy(password: str, *, hasher: PasswordHasher | None = None) -> bool:
    """Spend the same work as a real verification, for an unknown email; always False.

    Without it a login for a non-existent account answers ~100 ms faster than a wrong
    password, which tells an attacker which emails have accounts.
    """
    h = hasher or make_hasher()
    dummy = await asyncio.to_thread(_dummy_hash, h)
    await asyncio.to_thread(_verify_sync, h, dummy, password)
    return False


# --- policy -------------------------------------------------------------------------------


class PasswordProblem(enum.StrEnum):
    """Why a password is refused; the GraphQL layer maps any of these to WEAK_PASSWORD."""

    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    COMMON = "COMMON"
    CONTAINS_EMAIL = "CONTAINS_EMAIL"

    @property
    def message(self) -> str:
        return _MESSAGES[self]


_MESSAGES: dict[PasswordProblem, str] = {
    PasswordProblem.TOO_SHORT: f"Use at least {MIN_LENGTH} characters; a passphrase works well.",
    PasswordProblem.TOO_LONG: f"Use at most {MAX_LENGTH} characters.",
    PasswordProblem.COMMON: "This password is too common; choose something less predictable.",
    PasswordProblem.CONTAINS_EMAIL: "The password must not contain your email address.",
}

_EDGE_CHARS = string.digits + string.punctuation + string.whitespace


@cache
def common_passwords() -> frozenset[str]:
    """The shipped common-password list, lower-cased (loaded once)."""
    text = resources.files("meterwise.security").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _is_common(password: str) -> bool:
    """Exact match, or a listed password padded with digits/symbols, or repeated."""
    common = common_passwords()
    pw = password.casefold()
    if pw in common:
        return True
    core = pw.strip(_EDGE_CHARS)
    if core and core in common:
        return True
    for size in range(1, len(pw) // 2 + 1):
        unit = pw[:size]
        if len(pw) % size == 0 and unit * (len(pw) // size) == pw:
            return unit in common or len(set(unit)) == 1
    return False


def check_password_policy(password: str, email: str | None = None) -> list[PasswordProblem]:
    """Every rule `password` breaks (empty list when acceptable).

    Length counts Unicode code points after NFKC normalisation, so long passphrases in any
    script work. The email (and its local part of 3+ characters) must not appear in it,
    ignoring case.
    """
    pw = _normalise(password)
    problems: list[PasswordProblem] = []
    if len(pw) < MIN_LENGTH:
        problems.append(PasswordProblem.TOO_SHORT)
    elif len(pw) > MAX_LENGTH:
        problems.append(PasswordProblem.TOO_LONG)
    if len(pw) <= MAX_LENGTH and _is_common(pw):
        problems.append(PasswordProblem.COMMON)
    if email:
        folded = pw.casefold()
        address = _normalise(email).strip().casefold()
        local = address.rpartition("@")[0] if "@" in address else address
        if (address and address in folded) or (len(local) >= 3 and local in folded):
            problems.append(PasswordProblem.CONTAINS_EMAIL)
    return problems
