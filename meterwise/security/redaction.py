"""Remove secrets from log output: a pure `redact(text)` and a logging filter/formatter.

What is removed (replaced by `[REDACTED]`):
- Meterwise tokens (`mws_`, `mwt_`, `mwi_`, `mwm_`), provider keys (`sk-…` incl. `sk-proj-`,
  `sk-admin-`, `sk-ant-admin01-`, `sk-or-v1-`; Google `AIza…`, AWS `AKIA…`, GitHub, Slack),
  JWTs, PEM private keys, argon2 hashes, passwords inside URLs (`scheme://user:pw@host`);
- the value after a secret-named key in `key=value`, `key: value`, JSON, Python reprs and
  ASGI header tuples: password, passphrase, secret, token, api_key/apiKey/x-api-key,
  authorization (the `Bearer`/`Basic` scheme word is kept), cookie, credentials,
  recovery_code, totp, otp, mfa_code — so `token: expired` loses its next word, a price
  worth paying;
- after a plain `code` key only values that look like a TOTP (6-8 digits) or recovery
  code, so `code: 500` or `"code": "RATE_LIMITED"` stay;
- after `…key`/`…keys` names only base64 blobs of 32+ characters (master keys, data keys);
- any literal registered with `register_secret` (canaries, master keys).

Text over `MAX_TEXT` characters is cut (and says so): redaction runs on the event loop for
every log line, and its patterns are linear but not free (no backtracking regex meets
untrusted text unbounded).

Logging: filters on a *logger* do not run for records propagated from child loggers, so
the filter must sit on every *handler*. `install_redaction()` adds it to every existing
handler and wraps their formatters in `RedactingFormatter`; handlers created later must
get `RedactingFilter()` (or be created before calling it again).
"""

from __future__ import annotations

import json
import logging
import numbers
import re
import threading
import urllib.parse
from collections.abc import Mapping
from typing import Any

from meterwise.security.tokens import TOKEN_PATTERN

__all__ = [
    "MAX_TEXT",
    "REDACTED",
    "RedactingFilter",
    "RedactingFormatter",
    "clear_registered_secrets",
    "install_redaction",
    "is_secret_name",
    "redact",
    "redact_record",
    "register_secret",
    "unregister_secret",
]

REDACTED = "[REDACTED]"

# --- patterns -----------------------------------------------------------------------------

_NAMES = (
    r"password|passwd|passphrase|secret|secret[_-]?key|token|api[_-]?key|apikey"
    r"|access[_-]?key|private[_-]?key|authorization|cookie|credentials?"
    r"|recovery[_-]?codes?|totp(?:[_-]?code)?|otp(?:[_-]?code)?|mfa[_-]?code"
)
_Q = r"""(?:\\{0,2}["'])"""  # a quote, possibly JSON-escaped once or twice
# `key: v`, `key=v`, `"key": "v"`, `key => v`, and header tuples `(b'key', b'v')`.
_B = r"""(?-i:b(?=["']))?"""  # the b of a bytes literal b'...', never a value's first b
_SEP = rf"""(?:{_Q}?\s*(?:=>|[:=])\s*{_B}|{_Q}\s*,\s*{_B})"""
_LOOSE_SEP = rf"""{_Q}?\s*(?:(?:=>|[:=])\s*)?{_B}{_Q}?"""  # separator may be only spaces
_VALUE = (
    r'(?P<val>\\{1,3}"(?:(?!\\{1,3}").)*\\{1,3}"'  # \"escaped JSON\" (once or twice)
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""  # "quoted" / 'quoted'
    r"""|(?!\[REDACTED\])\[[^\]\[\n]*\]"""  # [a list] (an unclosed one stops at the next [)
    r"""|(?!(?:None|null)(?![\w-]))"""
    r"""(?:(?P<scheme>(?:bearer|basic|token|digest)\s+)|(?!(?:bearer|basic|token|digest)\s))"""
    r"""(?!\[REDACTED\])[^\s"',;&)}\]]+)"""  # bare value, `Bearer x` keeps `Bearer `
)

# No `[A-Za-z0-9_.-]*?` prefix before a name (to take `x_api_key` whole): it found the same
# names but re-scanned each run of those characters from every starting point, so a 6 KB
# URL took seconds. Every pattern here is linear: no nested or lazy quantifier whose
# failure re-scans, and an unterminated value stops at the next character a trigger needs.
_SECRET_KV = re.compile(rf"(?:{_NAMES})(?![A-Za-z0-9]){_SEP}{_VALUE}", re.I)
# A secret name is a key-like word ending in one of _NAMES: checked as two linear tests (a
# lazy prefix before the names re-tried them at every length of a long name).
_NAME_CHARS = re.compile(r"[A-Za-z0-9_.-]*")
_NAME_END = re.compile(rf"(?:{_NAMES})\Z", re.I)
_LONGEST_NAME = 32

_CODE_KV = re.compile(
    rf"code(?![A-Za-z0-9]){_LOOSE_SEP}"
    r"(?P<val>\d{3}[ -]?\d{3}\d{0,2}"  # TOTP / numeric codes
    r"|[0-9a-z]{4,6}(?:-[0-9a-z]{4,6}){1,3}"  # recovery codes with dashes
    r"|(?=[0-9a-z]{0,15}[0-9])(?=[0-9a-z]{0,15}[a-z])[0-9a-z]{10,16})"  # ... without
    r"(?![0-9A-Za-z-])",
    re.I,
)
_B64 = r"(?:[\w.-]{1,32}:)?[A-Za-z0-9+/_-]{32,}={0,2}"  # optional `<key id>:` prefix
_KEY_BLOB = re.compile(
    rf"keys?(?![A-Za-z0-9]){_LOOSE_SEP}"
    rf"(?P<val>(?![0-9a-f]{{8}}-[0-9a-f]{{4}}-){_B64}(?:,\s*{_B64})*)",
    re.I,
)

_STANDALONE = re.compile(
    "|".join(
        (
            TOKEN_PATTERN.pattern,
            r"(?<![A-Za-z0-9])sk-[A-Za-z0-9][A-Za-z0-9_-]{15,}",  # OpenAI/Anthropic/OpenRouter
            r"(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{30,}",  # Google API keys
            r"(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])",  # AWS access key ids
            r"(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})",
            r"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}",  # Slack
            r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*",  # JWT
            r"\$argon2(?:id|i|d)\$[A-Za-z0-9+/=$,]+",
            # a key without its END line is redacted to the end (one scan, not one a BEGIN)
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----"
            r"(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----|[\s\S]*)",
        )
    )
)
_URL_PASSWORD = re.compile(r"(?<=://)(?P<user>[^\s/:@]*):[^\s/@]+@")
_BEARER = re.compile(
    r"(?<![A-Za-z0-9])(?P<scheme>(?:Bearer|bearer|BEARER)\s+)"
    r"(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{16,}"
)


def _replace_value(match: re.Match[str]) -> str:
    """Keep everything before the value (key, separator, quotes), redact the value."""
    val = match.group("val")
    head = match.group(0)[: match.start("val") - match.start(0)]
    if val.startswith("\\") and '"' in val:
        quote = val[: val.index('"') + 1]  # \" or \\" ...: keep the same escaping
        new = f"{quote}{REDACTED}{quote}" if len(val) > 2 * len(quote) else val
    elif val[0] in "\"'":
        new = f"{val[0]}{REDACTED}{val[0]}" if len(val) > 2 else val
    else:
        scheme = match.groupdict().get("scheme") or ""
        new = scheme + REDACTED
    return head + new


# --- registry of literal secrets ----------------------------------------------------------

MAX_REGISTERED = 1024
MIN_SECRET_LENGTH = 8

_registry_lock = threading.Lock()
_registry: dict[str, None] = {}  # insertion-ordered set: oldest evicted first when full
_registry_pattern: re.Pattern[str] | None = None


def _variants(value: str) -> set[str]:
    """The literal plus how it appears URL-encoded or inside JSON strings."""
    return {value, urllib.parse.quote(value, safe=""), json.dumps(value)[1:-1]}


def _rebuild() -> None:
    global _registry_pattern
    literals = sorted({v for s in _registry for v in _variants(s)}, key=len, reverse=True)
    _registry_pattern = re.compile("|".join(map(re.escape, literals))) if literals else None


def register_secret(value: str) -> None:
    """Always redact this literal (e.g. a master key or a test canary).

    At most MAX_REGISTERED values are kept; past that the oldest is forgotten, so a caller
    that registers per-request values cannot grow memory without bound.
    """
    if len(value) < MIN_SECRET_LENGTH:
        raise ValueError(f"secrets to redact must be at least {MIN_SECRET_LENGTH} characters")
    with _registry_lock:
        _registry.pop(value, None)
        _registry[value] = None
        while len(_registry) > MAX_REGISTERED:
            del _registry[next(iter(_registry))]
        _rebuild()


def unregister_secret(value: str) -> None:
    with _registry_lock:
        if _registry.pop(value, 0) is None:
            _rebuild()


def clear_registered_secrets() -> None:
    with _registry_lock:
        _registry.clear()
        _rebuild()


# --- redaction ----------------------------------------------------------------------------


MAX_TEXT = 64 * 1024
_CUT = "…[{} characters cut]"
_WORD = 1024


def _bounded(text: str) -> str:
    """At most ``MAX_TEXT`` characters: linear is still too slow for a megabyte on the event
    loop. The cut drops the word it falls in (up to ``_WORD`` characters back), so no half
    of a secret survives it to escape the patterns."""
    if len(text) <= MAX_TEXT:
        return text
    head = text[: MAX_TEXT - 64]
    space = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
    if space >= len(head) - _WORD:
        head = head[: space + 1]
    return head + _CUT.format(len(text) - len(head))


def redact(text: str) -> str:
    """`text` with every recognisable secret replaced by `[REDACTED]` (idempotent).

    Time is linear in the text, which is cut to ``MAX_TEXT`` characters first.
    """
    text = _bounded(text)
    pattern = _registry_pattern  # one atomic read; the lock is only for writers
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    text = _STANDALONE.sub(REDACTED, text)
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('user')}:{REDACTED}@", text)
    text = _SECRET_KV.sub(_replace_value, text)
    text = _BEARER.sub(lambda m: m.group("scheme") + REDACTED, text)
    text = _CODE_KV.sub(_replace_value, text)
    return _KEY_BLOB.sub(_replace_value, text)


def is_secret_name(name: str) -> bool:
    """Whether a field called `name` holds a secret (password, apiKey, mfa_token, …)."""
    return _NAME_CHARS.fullmatch(name) is not None and \
        _NAME_END.search(name[-_LONGEST_NAME:]) is not None


class _RedactedArg:
    """Stands in for a log argument of unknown type: redacts it when rendered."""

    __slots__ = ("_obj",)

    def __init__(self, obj: object) -> None:
        self._obj = obj

    def __str__(self) -> str:
        return redact(str(self._obj))

    def __repr__(self) -> str:
        return redact(repr(self._obj))

    def __format__(self, spec: str) -> str:
        return redact(format(self._obj, spec))


def _redact_arg(arg: object) -> object:
    if arg is None or isinstance(arg, numbers.Number):
        return arg  # keeps %d / %.2f working
    if isinstance(arg, str):
        return redact(arg)
    if isinstance(arg, _RedactedArg):
        return arg
    return _RedactedArg(arg)


def _redact_value(name: str, value: Any, depth: int = 0) -> Any:
    """Redact a structured `extra=` value, keeping its shape for JSON formatters."""
    if value is None or isinstance(value, bool | numbers.Number):
        return value
    if is_secret_name(name):
        return REDACTED
    if isinstance(value, str):
        return redact(value)
    if depth < 8 and isinstance(value, Mapping):
        return {k: _redact_value(str(k), v, depth + 1) for k, v in value.items()}
    if depth < 8 and isinstance(value, list | tuple):
        return type(value)(_redact_value(name, v, depth + 1) for v in value)
    return redact(str(value))


_EXC_FORMATTER = logging.Formatter()
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def redact_record(record: logging.LogRecord) -> None:
    """Redact a record in place: message, args, exception, stack and `extra` fields.

    Arguments are redacted one by one so formatters that read `record.args` (uvicorn's
    access log) keep working; when a secret only appears once the message is assembled
    (`"password=%s"`), the record collapses to the redacted text with no args. The
    exception is rendered to text, redacted into `exc_text`, and `exc_info` is dropped so
    no later formatter can render the original.
    """
    original_args = record.args
    if isinstance(original_args, Mapping):
        record.args = {k: _redact_arg(v) for k, v in original_args.items()}
    elif isinstance(original_args, tuple):
        record.args = tuple(_redact_arg(a) for a in original_args)
    try:
        formatted = record.getMessage()
    except Exception:  # a bad format string: keep the raw parts, redacted
        formatted = f"{record.msg!s} {record.args!r}"
        record.msg, record.args = redact(formatted), None
    else:
        cleaned = redact(formatted)
        if cleaned != formatted or not isinstance(record.msg, str):
            record.msg, record.args = cleaned, None
    if record.exc_info:
        record.exc_text = _EXC_FORMATTER.formatException(record.exc_info)
        record.exc_info = None
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    for name, value in list(vars(record).items()):
        if name not in _STANDARD_ATTRS:
            setattr(record, name, _redact_value(name, value))


class RedactingFilter(logging.Filter):
    """Handler filter that redacts every record passing through (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


class RedactingFormatter(logging.Formatter):
    """Wraps another formatter and redacts its output: a second line of defence for
    handlers that lost their filter, and for text the formatter adds itself."""

    def __init__(self, inner: logging.Formatter | None = None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        text = self.inner.format(record)
        if record.exc_text:  # formatters cache the traceback on the shared record
            record.exc_text = redact(record.exc_text)
        return redact(text)

    def formatException(self, ei: Any) -> str:
        return redact(self.inner.formatException(ei))


def install_redaction(
    logger: logging.Logger | None = None,
    *,
    include_existing_loggers: bool = True,
    wrap_formatters: bool = True,
) -> int:
    """Add `RedactingFilter` (and `RedactingFormatter`) to the handlers of `logger`.

    Default: the root logger, every other logger that already has handlers (uvicorn's
    do not propagate), and logging's last-resort handler. Idempotent. Returns how many
    handlers got a filter now. Handlers added afterwards are NOT covered: give them a
    `RedactingFilter()` or call this again once logging is configured.
    """
    targets = [logger or logging.getLogger()]
    if include_existing_loggers:
        manager = logging.Logger.manager
        targets += [
            lg for lg in list(manager.loggerDict.values()) if isinstance(lg, logging.Logger)
        ]
    handlers: list[logging.Handler] = [h for lg in targets for h in lg.handlers]
    if logger is None and logging.lastResort is not None:
        handlers.append(logging.lastResort)
    added = 0
    for handler in dict.fromkeys(handlers):
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
            added += 1
        if wrap_formatters and not isinstance(handler.formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(handler.formatter))
    return added
