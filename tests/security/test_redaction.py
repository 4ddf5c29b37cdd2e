"""Log redaction: secrets vanish from messages, args, exceptions and extras; prose stays."""

from __future__ import annotations

import io
import json
import logging
import sys
import threading
import urllib.parse
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterwise.security import redaction
from meterwise.security.redaction import (
    REDACTED,
    RedactingFilter,
    RedactingFormatter,
    clear_registered_secrets,
    install_redaction,
    is_secret_name,
    redact,
    register_secret,
    unregister_secret,
)
from meterwise.security.tokens import new_token

SESSION = new_token("mws_")
API_TOKEN = new_token("mwt_")
INVITE = new_token("mwi_")
MFA_PENDING = new_token("mwm_")
OPENAI = "sk-proj-Q3vX9kLmN2pR7sT1uW4yZ6aB8cD0eF2gH4jK6mN8pQ0r"
OPENAI_ADMIN = "sk-admin-Zx81Jd0aPq9Lm3Nb6Vc2Xz7Qw4Er5Ty"
ANTHROPIC_ADMIN = "sk-ant-admin01-aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3k-AbCdEf"
OPENROUTER = "sk-or-v1-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978"
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
MASTER_KEY = "q5R1sT2uV3wX4yZ5aB6cD7eF8gH9iJ0kL1mN2oP3qR4="
MASTER_KEY_2 = "ZmFrZS1rZXktdHdvLWZha2Uta2V5LXR3by1mYWtlLWs="

# (text containing a secret, the secret that must disappear)
SECRET_CASES = [
    (f"issued session {SESSION} for user 7", SESSION),
    (f"api token={API_TOKEN}", API_TOKEN),
    (f"invite {INVITE} redeemed", INVITE),
    (f"mfa pending {MFA_PENDING}", MFA_PENDING),
    (f"provider rejected key {OPENAI}", OPENAI),
    (f"admin key {OPENAI_ADMIN}", OPENAI_ADMIN),
    (f"anthropic admin {ANTHROPIC_ADMIN}", ANTHROPIC_ADMIN),
    (f"openrouter {OPENROUTER}", OPENROUTER),
    ("Authorization: Bearer opaque-bearer-value-1234567890", "opaque-bearer-value-1234567890"),
    ("headers: {'x-api-key': 'anthropic-raw-key-value'}", "anthropic-raw-key-value"),
    ("x-api-key: raw-key-42-value", "raw-key-42-value"),
    ("[(b'authorization', b'Basic dXNlcjpodW50ZXIy')]", "dXNlcjpodW50ZXIy"),
    (f"token {JWT} decoded", JWT),
    ("login password=hunter2hunter2 email=a@b.c", "hunter2hunter2"),
    ('{"email": "a@b.c", "password": "correct horse battery staple"}', "correct horse"),
    ("{'secret': 'JBSWY3DPEHPK3PXP'}", "JBSWY3DPEHPK3PXP"),
    ('variables={"apiKey": "plain-provider-key"}', "plain-provider-key"),
    ("api_key=zzz-provider-key-zzz", "zzz-provider-key-zzz"),
    ('{"input": {"mfaToken": "opaque", "code": "492039"}}', "492039"),
    ("verify code=271828 for user", "271828"),
    ("recovery_code: 7k2m-q9xd-4hzt", "7k2m-q9xd-4hzt"),
    ('{"code": "7k2m-q9xd-4hzt"}', "7k2m-q9xd-4hzt"),
    ("totp=314159", "314159"),
    (f"master_key=v1:{MASTER_KEY}", MASTER_KEY),
    (f"METERWISE_MASTER_KEYS=v1:{MASTER_KEY},v2:{MASTER_KEY_2}", MASTER_KEY_2),
    ("db postgres://meter:pg-s3cret@localhost:5432/mw", "pg-s3cret"),
    ('escaped {\\"password\\": \\"esc aped pw\\"}', "esc aped pw"),
]

ORDINARY = [
    "user alice@example.com changed their password",
    "token expired, please log in again",
    "the code was wrong; status code 500; exit code=1; code: 12345",
    "request 1b4e28ba-2fa1-11d2-883f-0016d3cca427 at 2025-01-02T03:04:05.123456Z took 12345 ms",
    "input_tokens=1234 output_tokens=56 cached_input_tokens=7 cost=12.3400",
    "{'extensions': {'code': 'RATE_LIMITED', 'retryAfter': 30}}",
    '{"errors": [{"code": "INVALID_CODE", "message": "That code is not valid."}]}',
    "risk-assessment for the sk-learn model; tokenizer=cl100k passwords: 3",
    "idempotency_key=1b4e28ba-2fa1-11d2-883f-0016d3cca427 keyHint=Ab12",
    "Bearer authentication failed for 203.0.113.9",
    'File "/app/meterwise/services/auth.py", line 42, in verify_password',
]


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A private logger writing to a string, with redaction installed on its handler."""
    stream = io.StringIO()
    logger = logging.getLogger(f"test.redaction.{uuid.uuid4().hex}")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    install_redaction(logger, include_existing_loggers=False)
    yield logger, stream
    logger.removeHandler(handler)


@pytest.fixture(autouse=True)
def empty_registry() -> Iterator[None]:
    clear_registered_secrets()
    yield
    clear_registered_secrets()


@pytest.mark.parametrize(("text", "secret"), SECRET_CASES)
def test_redact_removes_each_kind_of_secret(text: str, secret: str) -> None:
    cleaned = redact(text)

    assert secret not in cleaned
    assert REDACTED in cleaned


_PIECES = st.sampled_from(
    [
        *"abB:= '\"\\,;[]()-_0123456",
        "password",
        "Bearer ",
        "code",
        "key",
        "token",
        "sk-",
        "mws_",
        "[REDACTED]",
        "authorization",
        "b'",
        "None",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_redact_is_idempotent_on_arbitrary_text(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


@pytest.mark.parametrize("text", ORDINARY)
def test_redact_leaves_ordinary_text_alone(text: str) -> None:
    assert redact(text) == text


def test_redaction_keeps_context_and_is_idempotent() -> None:
    text = "Authorization: Bearer opaque-bearer-value-1234567890 password='pw pw' code=123456"
    once = redact(text)

    assert once == "Authorization: Bearer [REDACTED] password='[REDACTED]' code=[REDACTED]"
    assert redact(once) == once


@pytest.mark.parametrize(("text", "secret"), SECRET_CASES)
def test_secret_in_message_never_reaches_the_handler(
    captured: tuple[logging.Logger, io.StringIO], text: str, secret: str
) -> None:
    logger, stream = captured
    logger.info(text)

    assert secret not in stream.getvalue()
    assert REDACTED in stream.getvalue()


@pytest.mark.parametrize(("text", "secret"), SECRET_CASES)
def test_secret_in_args_never_reaches_the_handler(
    captured: tuple[logging.Logger, io.StringIO], text: str, secret: str
) -> None:
    logger, stream = captured
    logger.warning("event: %s (%r) %d", text, {"detail": text}, 7)

    out = stream.getvalue()
    assert secret not in out
    assert out.startswith("WARNING event: ") and out.rstrip().endswith(" 7")


def test_secret_split_between_format_and_args_is_redacted(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured
    logger.info("login attempt password=%s code=%s", "hunter2hunter2", "492039")

    assert stream.getvalue() == "INFO login attempt password=[REDACTED] code=[REDACTED]\n"


@pytest.mark.parametrize(("text", "secret"), SECRET_CASES)
def test_secret_in_exception_and_traceback_is_redacted(
    captured: tuple[logging.Logger, io.StringIO], text: str, secret: str
) -> None:
    logger, stream = captured
    try:
        try:
            raise KeyError(text)
        except KeyError as inner:
            raise RuntimeError(f"wrapped: {text}") from inner
    except RuntimeError:
        logger.exception("resolver failed")

    out = stream.getvalue()
    assert "Traceback (most recent call last)" in out
    assert "RuntimeError: wrapped:" in out and "KeyError" in out
    assert secret not in out


def test_exception_info_is_replaced_by_redacted_text(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, _ = captured
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    keep = Keep()
    keep.addFilter(RedactingFilter())
    logger.addHandler(keep)
    try:
        raise ValueError(f"bad key {OPENAI}")
    except ValueError:
        logger.error("failed", exc_info=True, stack_info=True, extra={"api_key": OPENAI})
    finally:
        logger.removeHandler(keep)

    (record,) = records
    assert record.exc_info is None
    assert record.exc_text is not None and OPENAI not in record.exc_text
    assert "ValueError: bad key [REDACTED]" in record.exc_text
    assert record.api_key == REDACTED


def test_non_primitive_args_are_redacted_when_rendered_and_numbers_kept() -> None:
    record = logging.LogRecord(
        "x",
        logging.INFO,
        __file__,
        1,
        "%s %r %d %.1f",
        (ValueError(OPENAI), [SESSION], 3, 2.5),
        None,
    )
    RedactingFilter().filter(record)

    assert record.getMessage() == "[REDACTED] ['[REDACTED]'] 3 2.5"


def test_uvicorn_style_args_survive_for_structured_formatters() -> None:
    args = ("203.0.113.9:5123", "POST", f"/graphql?token={SESSION}", "1.1", 200)
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d', args, None
    )
    RedactingFilter().filter(record)

    assert isinstance(record.args, tuple) and len(record.args) == 5
    assert record.args[2] == "/graphql?token=[REDACTED]" and record.args[4] == 200


def test_extras_keep_their_shape() -> None:
    record = logging.LogRecord("x", logging.INFO, "", 0, "m", None, None)
    record.request = {"headers": {"authorization": "Bearer abc"}, "path": "/graphql", "n": 3}
    RedactingFilter().filter(record)

    assert record.request == {"headers": {"authorization": REDACTED}, "path": "/graphql", "n": 3}


def test_registered_literal_is_redacted_everywhere() -> None:
    canary = "CANARY-" + uuid.uuid4().hex
    register_secret(canary)

    assert redact(f"boom {canary}!") == "boom [REDACTED]!"
    unregister_secret(canary)
    assert redact(f"boom {canary}!") == f"boom {canary}!"


def test_registered_literal_is_found_url_encoded_and_json_escaped() -> None:
    odd = 'pa"ss\\w/rd+=='
    register_secret(odd)

    assert redact("q=" + urllib.parse.quote(odd, safe="")) == "q=" + REDACTED
    assert redact(json.dumps({"v": odd})) == '{"v": "[REDACTED]"}'


def test_registry_refuses_short_values_and_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="at least"):
        register_secret("short")
    monkeypatch.setattr(redaction, "MAX_REGISTERED", 3)
    for i in range(5):
        register_secret(f"literal-secret-{i}")

    assert redact("literal-secret-0 literal-secret-1") == "literal-secret-0 literal-secret-1"
    assert redact("literal-secret-4") == REDACTED


def test_registry_is_thread_safe() -> None:
    values = [f"thread-secret-{i:04d}" for i in range(200)]

    def worker(chunk: list[str]) -> None:
        for value in chunk:
            register_secret(value)
            redact(value)

    threads = [threading.Thread(target=worker, args=(values[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert all(redact(v) == REDACTED for v in values)


def test_install_on_root_covers_records_propagated_from_child_loggers() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        added = install_redaction(include_existing_loggers=False)
        assert added >= 1
        assert install_redaction(include_existing_loggers=False) == 0  # idempotent
        assert isinstance(handler.formatter, RedactingFormatter)
        child = logging.getLogger(f"meterwise.child.{uuid.uuid4().hex}")
        child.error("provider said %s", OPENAI)
    finally:
        root.removeHandler(handler)

    assert stream.getvalue() == "provider said [REDACTED]\n"


def test_redacting_formatter_alone_redacts_output_and_cached_traceback() -> None:
    formatter = RedactingFormatter(logging.Formatter("%(message)s"))
    try:
        raise RuntimeError(f"leak {SESSION}")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, "", 0, "key %s", (OPENAI,), sys.exc_info())

    out = formatter.format(record)
    assert SESSION not in out and OPENAI not in out
    assert record.exc_text is not None and SESSION not in record.exc_text


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("password", True),
        ("newPassword", True),
        ("mfa_token", True),
        ("x-api-key", True),
        ("apiKey", True),
        ("input_tokens", False),
        ("key_hint", False),
        ("email", False),
    ],
)
def test_is_secret_name(name: str, secret: bool) -> None:
    assert is_secret_name(name) is secret


def test_a_backslash_value_without_a_quote_is_redacted_not_crashed() -> None:
    # Found by the property test above: an escaped-looking value with no quote after it.
    assert redact("authorization:\\") == "authorization:[REDACTED]"
    assert redact(redact("authorization:\\abc")) == redact("authorization:\\abc")
