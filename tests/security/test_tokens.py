"""Prefixed random tokens and their hashes."""

from __future__ import annotations

import hashlib
import re

import pytest

from meterwise.security.tokens import (
    API_TOKEN_PREFIX,
    INVITE_PREFIX,
    MFA_PENDING_PREFIX,
    SESSION_PREFIX,
    TOKEN_PATTERN,
    TOKEN_PREFIXES,
    constant_time_equals,
    hash_token,
    new_token,
    token_prefix,
)


@pytest.mark.parametrize(
    "prefix", [SESSION_PREFIX, API_TOKEN_PREFIX, INVITE_PREFIX, MFA_PENDING_PREFIX]
)
def test_new_token_has_prefix_and_256_random_bits(prefix: str) -> None:
    token = new_token(prefix)

    assert token.startswith(prefix)
    body = token[len(prefix) :]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", body)  # 43 b64url chars = 32 bytes
    assert token_prefix(token) == prefix
    assert TOKEN_PATTERN.fullmatch(token)


def test_prefixes_are_the_documented_ones() -> None:
    assert {"mws_", "mwt_", "mwi_", "mwm_"} == TOKEN_PREFIXES


def test_tokens_do_not_repeat() -> None:
    assert len({new_token(SESSION_PREFIX) for _ in range(200)}) == 200


def test_unknown_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown token prefix"):
        new_token("xyz_")


def test_token_prefix_of_foreign_string_is_none() -> None:
    assert token_prefix("sk-abc") is None
    assert token_prefix("") is None


def test_hash_token_is_sha256_hex_and_deterministic() -> None:
    token = new_token(API_TOKEN_PREFIX)

    assert hash_token(token) == hashlib.sha256(token.encode()).hexdigest()
    assert hash_token(token) == hash_token(token)
    assert hash_token(token) != hash_token(new_token(API_TOKEN_PREFIX))
    assert token not in hash_token(token)


def test_constant_time_equals() -> None:
    assert constant_time_equals("abc", "abc")
    assert constant_time_equals(b"abc", "abc")
    assert not constant_time_equals("abc", "abd")
    assert not constant_time_equals("abc", "abcd")
    assert constant_time_equals("päss", "päss")
