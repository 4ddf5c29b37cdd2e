"""TOTP (RFC 6238) with replay protection, and recovery codes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pyotp
import pytest

from meterwise.security.totp import (
    RECOVERY_CODE_CHARS,
    STEP_SECONDS,
    generate_recovery_codes,
    hash_recovery_code,
    match_recovery_code,
    new_totp_secret,
    normalise_totp_code,
    provisioning_uri,
    qr_svg,
    time_step,
    verify_totp,
)

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
NOW = 1_700_000_010.0  # 10 s into a step
STEP = int(NOW // STEP_SECONDS)


def code_at(step: int) -> str:
    return pyotp.TOTP(SECRET).generate_otp(step)


def test_rfc6238_reference_vector() -> None:
    # RFC 6238 appendix B, SHA-1, T=59 -> 94287082 (8 digits); 6 digits -> 287082.
    rfc_secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # base32("12345678901234567890")
    assert verify_totp(rfc_secret, "287082", last_used_step=None, now=59) == 1


def test_new_secret_is_160_bit_base32() -> None:
    secret = new_totp_secret()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    assert secret != new_totp_secret()


def test_provisioning_uri_names_issuer_and_account() -> None:
    uri = provisioning_uri(SECRET, "alice@example.com")
    parsed = urlparse(uri)

    assert parsed.scheme == "otpauth" and parsed.netloc == "totp"
    assert parsed.path == "/Meterwise:alice%40example.com"
    assert parse_qs(parsed.query) == {"secret": [SECRET], "issuer": ["Meterwise"]}


def test_qr_svg_is_svg_text() -> None:
    svg = qr_svg(provisioning_uri(SECRET, "alice@example.com"))
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_codes_within_one_step_are_accepted(offset: int) -> None:
    assert verify_totp(SECRET, code_at(STEP + offset), last_used_step=None, now=NOW) == (
        STEP + offset
    )


@pytest.mark.parametrize("offset", [-2, 2])
def test_codes_two_steps_away_are_rejected(offset: int) -> None:
    assert verify_totp(SECRET, code_at(STEP + offset), last_used_step=None, now=NOW) is None


def test_a_code_is_accepted_only_once() -> None:
    code = code_at(STEP)
    used = verify_totp(SECRET, code, last_used_step=None, now=NOW)

    assert used == STEP
    assert verify_totp(SECRET, code, last_used_step=used, now=NOW) is None
    assert verify_totp(SECRET, code, last_used_step=used, now=NOW + 20) is None


def test_an_older_step_is_rejected_after_a_newer_one() -> None:
    used = verify_totp(SECRET, code_at(STEP + 1), last_used_step=None, now=NOW)

    assert used == STEP + 1
    assert verify_totp(SECRET, code_at(STEP), last_used_step=used, now=NOW) is None
    assert verify_totp(SECRET, code_at(STEP - 1), last_used_step=used, now=NOW) is None


def test_the_next_step_is_accepted_after_one_was_used() -> None:
    assert verify_totp(SECRET, code_at(STEP + 1), last_used_step=STEP, now=NOW) == STEP + 1


def test_datetime_now_naive_is_utc() -> None:
    aware = datetime.fromtimestamp(NOW, UTC)
    assert time_step(aware) == time_step(aware.replace(tzinfo=None)) == STEP
    assert verify_totp(SECRET, code_at(STEP), last_used_step=None, now=aware) == STEP


def test_spaces_in_the_code_are_ignored() -> None:
    code = code_at(STEP)
    assert verify_totp(SECRET, f" {code[:3]} {code[3:]} ", last_used_step=None, now=NOW) == STEP


@pytest.mark.parametrize("bad", ["", "12345", "1234567", "12a456", "١٢٣٤٥٦", "-12345", "12345\n"])
def test_malformed_codes_are_rejected(bad: str) -> None:
    assert normalise_totp_code(bad) is None
    assert verify_totp(SECRET, bad, last_used_step=None, now=NOW) is None


def test_five_digit_prefix_of_a_valid_code_is_rejected() -> None:
    assert verify_totp(SECRET, code_at(STEP)[:5], last_used_step=None, now=NOW) is None


# --- recovery codes -----------------------------------------------------------------------


def test_recovery_codes_are_distinct_and_carry_at_least_50_bits() -> None:
    codes = generate_recovery_codes()

    assert len(codes) == 10 and len(set(codes)) == 10
    for code in codes:
        group = rf"[{RECOVERY_CODE_CHARS}]{{4}}"
        assert re.fullmatch(rf"{group}-{group}-{group}", code)
        symbols = code.replace("-", "")
        assert len(symbols) * 5 >= 50  # 32-symbol alphabet: 5 bits each


def test_recovery_code_matches_its_index_regardless_of_case_and_dashes() -> None:
    codes = generate_recovery_codes(5)
    hashes = [hash_recovery_code(c) for c in codes]

    assert match_recovery_code(codes[3], hashes) == 3
    assert match_recovery_code(codes[3].upper().replace("-", " "), hashes) == 3
    assert match_recovery_code("zzzz-zzzz-zzzz", hashes) is None
    assert match_recovery_code("", hashes) is None


def test_recovery_codes_are_single_use_once_the_caller_drops_the_match() -> None:
    codes = generate_recovery_codes(3)
    hashes = [hash_recovery_code(c) for c in codes]

    index = match_recovery_code(codes[1], hashes)
    assert index == 1
    del hashes[index]

    assert match_recovery_code(codes[1], hashes) is None
    assert match_recovery_code(codes[2], hashes) == 1


def test_confusable_characters_are_normalised() -> None:
    assert hash_recovery_code("0011-abcd-efgh") == hash_recovery_code("OoIl-ABCD-EFGH")


def test_keyed_recovery_hash_differs_and_needs_the_key() -> None:
    code = generate_recovery_codes(1)[0]
    keyed = hash_recovery_code(code, key=b"k" * 32)

    assert keyed != hash_recovery_code(code)
    assert match_recovery_code(code, [keyed], key=b"k" * 32) == 0
    assert match_recovery_code(code, [keyed]) is None
    assert code not in keyed
