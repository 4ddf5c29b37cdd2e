"""Password hashing (argon2id) and policy."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError

from meterwise.security.passwords import (
    DEFAULT_PARAMS,
    MAX_LENGTH,
    MIN_LENGTH,
    HashParams,
    PasswordProblem,
    check_password_policy,
    common_passwords,
    hash_password,
    make_hasher,
    verify_against_dummy,
    verify_password,
)

CHEAP = HashParams(time_cost=1, memory_cost_kib=8, parallelism=1)
CHEAPER_STILL_DIFFERENT = HashParams(time_cost=2, memory_cost_kib=8, parallelism=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def hasher() -> PasswordHasher:
    return make_hasher(CHEAP)


def test_default_parameters_meet_owasp_minimums() -> None:
    ph = make_hasher()
    assert ph.type is Type.ID
    mib = ph.memory_cost / 1024
    assert (mib >= 19 and ph.time_cost >= 2) or (mib >= 46 and ph.time_cost >= 1)
    assert 1 <= ph.parallelism <= 4
    assert HashParams(time_cost=3, memory_cost_kib=65536, parallelism=4) == DEFAULT_PARAMS


async def test_hash_then_verify_accepts_the_right_password(hasher: PasswordHasher) -> None:
    stored = await hash_password(PASSPHRASE, hasher=hasher)

    assert stored.startswith("$argon2id$")
    assert PASSPHRASE not in stored
    assert await verify_password(stored, PASSPHRASE, hasher=hasher) == (True, None)


async def test_verify_rejects_a_wrong_password(hasher: PasswordHasher) -> None:
    stored = await hash_password(PASSPHRASE, hasher=hasher)

    assert await verify_password(stored, PASSPHRASE + "!", hasher=hasher) == (False, None)


async def test_same_password_hashes_differently_each_time(hasher: PasswordHasher) -> None:
    assert await hash_password(PASSPHRASE, hasher=hasher) != await hash_password(
        PASSPHRASE, hasher=hasher
    )


async def test_verify_returns_a_new_hash_when_parameters_changed(hasher: PasswordHasher) -> None:
    old = await hash_password(PASSPHRASE, hasher=hasher)
    newer = make_hasher(CHEAPER_STILL_DIFFERENT)

    ok, new_hash = await verify_password(old, PASSPHRASE, hasher=newer)

    assert ok is True
    assert new_hash is not None and "t=2" in new_hash
    assert await verify_password(new_hash, PASSPHRASE, hasher=newer) == (True, None)


async def test_wrong_password_with_old_parameters_gives_no_new_hash(
    hasher: PasswordHasher,
) -> None:
    old = await hash_password(PASSPHRASE, hasher=hasher)

    result = await verify_password(old, "wrong", hasher=make_hasher(CHEAPER_STILL_DIFFERENT))

    assert result == (False, None)


async def test_malformed_stored_hash_fails_like_a_wrong_password(hasher: PasswordHasher) -> None:
    assert await verify_password("not-a-hash", PASSPHRASE, hasher=hasher) == (False, None)
    with pytest.raises(InvalidHashError):  # argon2 itself would raise
        hasher.verify("not-a-hash", PASSPHRASE)


async def test_unicode_composition_does_not_matter(hasher: PasswordHasher) -> None:
    composed = "caf\u00e9 au lait sans sucre"
    decomposed = "cafe\u0301 au lait sans sucre"
    stored = await hash_password(composed, hasher=hasher)

    assert await verify_password(stored, decomposed, hasher=hasher) == (True, None)


async def test_dummy_verification_is_always_false(hasher: PasswordHasher) -> None:
    assert await verify_against_dummy(PASSPHRASE, hasher=hasher) is False
    assert await verify_against_dummy("", hasher=hasher) is False


# --- policy -------------------------------------------------------------------------------


def test_common_list_is_shipped_with_at_least_10000_entries() -> None:
    common = common_passwords()
    assert len(common) >= 10_000
    assert {"123456", "password", "qwerty", "letmein"} <= common


def test_a_long_passphrase_is_accepted() -> None:
    assert check_password_policy(PASSPHRASE, "alice@example.com") == []


def test_length_counts_code_points() -> None:
    assert check_password_policy("ñ" * 11 + "x", None) == []  # 12 code points, 24 bytes
    assert check_password_policy("日本語のパスワード", None) == [PasswordProblem.TOO_SHORT]


def test_length_bounds() -> None:
    eleven = "Zq8#mK2!vL9"
    assert check_password_policy(eleven, None) == [PasswordProblem.TOO_SHORT]
    assert check_password_policy(eleven + "w", None) == []
    long_ok = "plum orbit " * 11 + "seventeen"  # 130 chars
    assert len(long_ok[:MAX_LENGTH]) == MAX_LENGTH
    assert check_password_policy(long_ok[:MAX_LENGTH], None) == []
    assert check_password_policy(long_ok[: MAX_LENGTH + 1], None) == [PasswordProblem.TOO_LONG]
    assert MIN_LENGTH == 12


@pytest.mark.parametrize(
    "password",
    ["1qaz2wsx3edc", "QAZWSXEDCRFV", "qwerty123456"],
)
def test_listed_passwords_are_refused_ignoring_case(password: str) -> None:
    assert PasswordProblem.COMMON in check_password_policy(password, None)


@pytest.mark.parametrize(
    "password", ["password123456", "!!Dragon2024!!", "monkeymonkeymonkey", "aaaaaaaaaaaaaaa"]
)
def test_listed_passwords_padded_or_repeated_are_refused(password: str) -> None:
    assert PasswordProblem.COMMON in check_password_policy(password, None)


@pytest.mark.parametrize(
    ("password", "email"),
    [
        ("my ALICE.SMITH@Example.com pw", "alice.smith@example.com"),
        ("xx-alice.smith-yy-zz", "Alice.Smith@example.com"),
    ],
)
def test_password_containing_the_email_is_refused(password: str, email: str) -> None:
    assert check_password_policy(password, email) == [PasswordProblem.CONTAINS_EMAIL]


def test_short_local_parts_are_not_checked() -> None:
    assert check_password_policy("ab violet thunder sea", "ab@example.com") == []


def test_several_problems_are_all_reported_with_messages() -> None:
    problems = check_password_policy("dragon", "dragon@example.com")

    assert problems == [
        PasswordProblem.TOO_SHORT,
        PasswordProblem.COMMON,
        PasswordProblem.CONTAINS_EMAIL,
    ]
    assert all(p.message for p in problems)
    assert "12" in PasswordProblem.TOO_SHORT.message
