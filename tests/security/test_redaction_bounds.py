"""Redaction stays linear on hostile text and bounded on huge text.

Every log line passes ``redact`` on the event loop, and an attacker writes part of those
lines (URLs, headers, GraphQL variables). Each shape below was at least quadratic once
(the worst, a run of ``a-a-a-…``, took 11 s for 8 KB). The checks give ``redact`` a
generous deadline (seconds for what now takes milliseconds), never a speed target.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from meterwise.security.redaction import MAX_TEXT, REDACTED, is_secret_name, redact

DEADLINE_SECONDS = 10.0
SECRET = "sk-proj-" + "Q7" * 20

_N = MAX_TEXT - 100  # just under the cut: the patterns themselves must be linear
SHAPES = {
    "a run of dashes": "a-" * (_N // 2),
    "a run of dots": "a." * (_N // 2),
    "a long URL": "/export/usage.csv?from=" + "x_" * (_N // 2 - 12),
    "unclosed lists": "token=[" * (_N // 7),
    "unclosed private keys": "-----BEGIN PRIVATE KEY-----" * (_N // 27),
    "unclosed escaped JSON": 'token=\\"' * (_N // 8),
    "unclosed quotes": 'token="' + "token='" * (_N // 7 - 1),
    "spaces after code": ("code" + " " * 50) * (_N // 54),
    "spaces after Bearer": ("Bearer" + " " * 50) * (_N // 56),
    "JWT prefixes": "eyJaaaaa." * (_N // 9),
    "URL passwords": "://a:" * (_N // 5),
    "secret names": "passwordtokensecret" * (_N // 19),
}


def redact_within_deadline(text: str, redactor: Callable[[str], Any] = redact) -> Any:
    """``redactor(text)``, failing the test if it has not returned by the deadline."""
    out: list[Any] = []
    worker = threading.Thread(target=lambda: out.append(redactor(text)), daemon=True)
    worker.start()
    worker.join(DEADLINE_SECONDS)
    assert not worker.is_alive(), "redact did not finish in time"
    return out[0]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_text_just_under_the_cut_is_redacted_in_bounded_time(shape: str) -> None:
    text = SHAPES[shape]
    assert len(text) <= MAX_TEXT

    cleaned = redact_within_deadline(text + " " + SECRET)

    assert SECRET not in cleaned
    assert cleaned.endswith(REDACTED)


def test_megabytes_are_cut_and_redacted_in_bounded_time() -> None:
    text = f"api_key={SECRET} " + "a-" * 2_000_000 + f" password={SECRET}"

    cleaned = redact_within_deadline(text)

    kept = text[: MAX_TEXT - 64]  # no space near the cut: cut where it falls
    assert cleaned == kept.replace(SECRET, REDACTED) + f"…[{len(text) - len(kept)} characters cut]"
    assert len(cleaned) <= MAX_TEXT


def test_the_cut_drops_the_word_it_falls_in() -> None:
    filler = "word " * ((MAX_TEXT - 64) // 5 - 2)
    text = filler + "x" * 40 + SECRET + " " * 200

    cleaned = redact(text)

    assert cleaned.startswith(filler)
    assert "xxxx" not in cleaned and "sk-" not in cleaned
    assert cleaned == filler + f"…[{len(text) - len(filler)} characters cut]"


def test_cut_text_redacts_to_itself() -> None:
    cleaned = redact("a-" * MAX_TEXT)
    assert redact(cleaned) == cleaned


def test_a_megabyte_long_field_name_is_judged_in_bounded_time() -> None:
    assert redact_within_deadline("a-" * 500_000 + "api_key", is_secret_name) is True
    assert redact_within_deadline("a-" * 500_000, is_secret_name) is False
