"""The access-review screen in real Chromium against a real server: findings listed, a
token revoked from its finding (it stops authenticating), the review completed, third
parties shown; a viewer cannot open it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import ApiToken, Role
from meterwise.models.reviews import AccessReview
from tests.console.browser import check_screen, new_page
from tests.reviews.support import connect_provider, issue_token
from tests.support.identity import signed_in

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


async def _authenticates(base_url: str, token: str) -> bool:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        body = (await http.post("/graphql", json={"query": "{ connections { id } }"},
                                headers={"authorization": f"Bearer {token}"})).json()
    return "errors" not in body


async def test_review_screen_acts_on_findings(browser: Any, console_url: str,
                                              axe_source: str, artifacts: Path,
                                              db: object) -> None:
    session, owner = await signed_in()
    connection_id = await connect_provider(owner.account_id, label="Billing key")
    token, token_id = await issue_token(owner)
    long_ago = datetime.now(UTC) - timedelta(days=120)  # the server's clock is the real one
    await ProviderConnection.filter(id=connection_id).update(created_at=long_ago,
                                                             last_synced_at=long_ago)
    await ApiToken.filter(id=token_id).update(created_at=datetime.now(UTC)
                                              - timedelta(days=20))

    context, page, watch = await new_page(browser, console_url, token=session)
    await page.goto("/#/")
    await page.get_by_role("navigation").get_by_role("link", name="Access review").click()
    await page.get_by_role("heading", name="Access review").wait_for()
    # the server's scheduler may already have reviewed the new account: review now anyway
    await page.get_by_role("button", name="Review now").click()
    await page.get_by_text("A new review ran.").wait_for()
    findings = page.get_by_role("table", name="Findings")
    token_row = findings.locator("tr[data-kind=UNUSED_API_TOKEN]")
    await token_row.wait_for()
    await findings.locator("tr[data-kind=STALE_PROVIDER_KEY]").get_by_role(
        "link", name="Replace key").wait_for()
    parties = page.get_by_role("table", name="Who receives this account's data")
    await parties.get_by_role("cell", name="Billing key").wait_for()
    await check_screen(page, "access-review", axe_source, artifacts)

    assert await _authenticates(console_url, token)
    await token_row.get_by_role("button", name="Revoke token").click()
    await token_row.get_by_role("cell", name="resolved").wait_for()
    assert not await _authenticates(console_url, token)

    await page.get_by_label("Note (optional)").fill("quarterly check")
    await page.get_by_role("button", name="Complete review").click()
    await page.get_by_text(f"by {owner.email}").wait_for()
    review = await AccessReview.get(account_id=owner.account_id, trigger="manual")
    assert review.completed_by == owner.user_id and review.completion_note == "quarterly check"
    assert watch.problems == []
    await context.close()

    viewer_token, _ = await signed_in(role=Role.VIEWER, account=owner.account_id)
    context, page, _ = await new_page(browser, console_url, token=viewer_token)
    await page.goto("/#/review")
    await page.get_by_text("Your role cannot open this page.").wait_for()
    assert await page.get_by_role("link", name="Access review").count() == 0
    await context.close()
