"""What every browser test does on each screen: an axe-core scan (no serious or critical
violation), screenshots at phone and desktop widths, and no CSP violation on the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from meterwise.services.identity.sessions import csrf_token_for
from meterwise.web.credentials import CSRF_COOKIE, SESSION_COOKIE

WIDTHS = (375, 1440)


@dataclass
class Watch:
    """Console messages about CSP and uncaught page errors, collected as the test runs."""

    problems: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: self.problems.append(m.text)
                if "Content Security Policy" in m.text else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))


async def new_page(browser: Any, base_url: str, *, token: str | None = None,
                   width: int = 1440) -> tuple[Any, Any, Watch]:
    """A fresh context (optionally signed in with ``token`` as the browser cookies)."""
    context = await browser.new_context(base_url=base_url, accept_downloads=True,
                                        viewport={"width": width, "height": 900})
    if token is not None:
        # Host-only (an IP as the domain), Path=/, Secure: what a __Host- cookie must be. A
        # ``url`` of http://… would make Chromium see an insecure source and refuse the prefix.
        host = {"domain": urlsplit(base_url).hostname or "127.0.0.1", "path": "/"}
        await context.add_cookies([
            {"name": SESSION_COOKIE, "value": token, **host,
             "httpOnly": True, "secure": True, "sameSite": "Strict"},
            {"name": CSRF_COOKIE, "value": csrf_token_for(token), **host,
             "secure": True, "sameSite": "Strict"},
        ])
    page = await context.new_page()
    watch = Watch()
    watch.attach(page)
    return context, page, watch


async def check_screen(page: Any, name: str, axe_source: str, artifacts: Path) -> None:
    """axe-core finds nothing serious or critical; screenshots at 375 and 1440 px."""
    if not await page.evaluate("() => typeof window.axe !== 'undefined'"):
        await page.evaluate(axe_source)  # via DevTools, so the page's CSP does not apply
    original = page.viewport_size
    for width in WIDTHS:
        await page.set_viewport_size({"width": width, "height": 900})
        await page.wait_for_timeout(150)  # let the chart's ResizeObserver settle
        result = await page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)")
        assert result == [], f"{name} at {width}px: {result}"
        await page.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=True)
    await page.set_viewport_size(original)
