"""``/.well-known/security.txt`` against RFC 9116's rules for the fields we must send."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from meterwise.config import ConfigError, Settings, load_settings
from meterwise.web.security_txt import SECURITY_TXT_PATH, security_txt_endpoint
from tests.support.identity import FakeClock

FIELD = re.compile(r"^([A-Za-z0-9-]+): (\S.*)$")


def fields_of(text: str) -> list[tuple[str, str]]:
    """Every line is one ``Field: value`` (RFC 9116 §2.2: no folding, no blank fields)."""
    assert text.endswith("\n") and "\r" not in text
    found = []
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        match = FIELD.match(line)
        assert match, f"not one field per line: {line!r}"
        found.append((match.group(1), match.group(2)))
    return found


async def test_security_txt_has_the_required_fields(client: httpx.AsyncClient,
                                                    clock: FakeClock) -> None:
    clock.current = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    response = await client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    fields = fields_of(response.text)
    names = [name.lower() for name, _ in fields]
    assert names.count("contact") >= 1
    assert names.count("expires") == 1  # §2.5.5: MUST be present, MUST NOT appear twice
    assert names.count("preferred-languages") <= 1
    values = dict((name.lower(), value) for name, value in fields)
    assert values["contact"] == "mailto:security@meterwise.co"
    expires = datetime.strptime(values["expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert clock.current < expires < clock.current + timedelta(days=365)
    assert values["preferred-languages"] == "en"
    assert values["canonical"] == "http://testserver/.well-known/security.txt"
    policy = await client.get(values["policy"].removeprefix("http://testserver"))
    assert policy.status_code == 200 and "48 hours" in policy.text
    assert policy.headers["content-type"].startswith("text/plain")


async def test_expires_moves_with_the_clock(client: httpx.AsyncClient, clock: FakeClock
                                            ) -> None:
    """A server running for a year still serves a file that has not expired."""
    clock.advance(timedelta(days=400))
    text = (await client.get("/.well-known/security.txt")).text
    expires = dict(fields_of(text))["Expires"]
    assert datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC) > clock.current


def test_the_contact_must_be_a_mailto_or_https_uri(clean_env: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for bad in ("security@meterwise.co", "http://meterwise.co/security",
                "mailto:a@b.co\nExpires: 2099-01-01T00:00:00Z", "javascript:alert(1)"):
        monkeypatch.setenv("METERWISE_SECURITY_CONTACT", bad)
        with pytest.raises(ConfigError, match="METERWISE_SECURITY_CONTACT"):
            load_settings()
    monkeypatch.setenv("METERWISE_SECURITY_CONTACT", "https://example.com/report")
    assert load_settings().security_contact == "https://example.com/report"


async def test_a_configured_contact_is_served(settings: Settings, clock: FakeClock) -> None:
    custom = settings.model_copy(update={"security_contact": "https://example.com/report"})
    app = Starlette(routes=[Route(SECURITY_TXT_PATH, security_txt_endpoint(custom))])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="https://x.test") as http:
        text = (await http.get(SECURITY_TXT_PATH)).text
    assert dict(fields_of(text))["Contact"] == "https://example.com/report"
    assert dict(fields_of(text))["Canonical"] == "https://x.test/.well-known/security.txt"


async def test_a_forged_host_never_becomes_the_canonical_url(settings: Settings,
                                                             clock: FakeClock) -> None:
    # validated afresh: model_copy would carry over a cached allowed_origin_list
    custom = Settings.model_validate(
        {**settings.model_dump(), "allowed_origins": "https://meter.example.com"})
    app = Starlette(routes=[Route(SECURITY_TXT_PATH, security_txt_endpoint(custom))])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="https://evil.test") as http:
        text = (await http.get(SECURITY_TXT_PATH, headers={"host": "evil.test"})).text
    assert "evil.test" not in text
    assert dict(fields_of(text))["Canonical"] == (
        "https://meter.example.com/.well-known/security.txt")
