"""The console in real Chromium against a real server and the fake providers: the journey
a new customer takes, role-based controls, session expiry, and first paint with 90 days of
six models. Every screen is scanned with axe-core and photographed at 375 and 1440 px."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest

from meterwise.fakeproviders import Fakes
from meterwise.models.identity import Role, Session
from meterwise.models.usage import UsageDaily
from meterwise.services.identity.invites import create_signup_invite
from meterwise.web.credentials import SESSION_COOKIE
from tests.console.browser import check_screen, new_page
from tests.support.identity import signed_in
from tests.sync.support import add_connection

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

TOTAL = "[data-testid=total-cost]"
USAGE = """query($from: DateTime!, $to: DateTime!) {
  usage(filter: {from: $from, to: $to}, granularity: DAY) { totalCost } }"""


def dashboard_range(days: int = 30) -> dict[str, str]:
    """The range the dashboard shows: ``days`` whole UTC days up to the end of today."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    end = today + timedelta(days=1)
    return {"from": (end - timedelta(days=days)).isoformat().replace("+00:00", "Z"),
            "to": end.isoformat().replace("+00:00", "Z")}


async def api_total(base_url: str, token: str, days: int = 30) -> Decimal:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        body = (await http.post(
            "/graphql", json={"query": USAGE, "variables": dashboard_range(days)},
            headers={"authorization": f"Bearer {token}"})).json()
    assert "errors" not in body, body
    return Decimal(body["data"]["usage"]["totalCost"])


def fresh_code(secret: str, used: set[str]) -> str:
    """A TOTP code not used yet (each is accepted once): this step's, else the next one's."""
    totp = pyotp.TOTP(secret)
    for ahead in (0, 30, 60):
        code = totp.at(datetime.now(UTC) + timedelta(seconds=ahead))
        if code not in used:
            used.add(code)
            return code
    raise AssertionError("no unused code")


async def confirm_if_asked(page: Any, secret: str, used: set[str], done: Any) -> None:
    """Answer the step-up dialog if the operation asks for a fresh code, then wait for
    ``done``."""
    dialog = page.get_by_role("dialog", name="Confirm it's you")
    await dialog.or_(done).first.wait_for()
    if await dialog.is_visible():
        await dialog.get_by_label("Code").fill(fresh_code(secret, used))
        await dialog.get_by_role("button", name="Confirm").click()
    await done.wait_for()


async def session_token(context: Any) -> str:
    cookies = {c["name"]: c["value"] for c in await context.cookies()}
    return str(cookies[SESSION_COOKIE])


async def test_sign_up_enrol_connect_watch_live_sign_out(
        browser: Any, console_url: str, fakes: Fakes, axe_source: str, artifacts: Path,
        db: object) -> None:
    invite = await create_signup_invite()
    context, page, watch = await new_page(browser, console_url)
    await page.goto(f"/#/signup?invite={invite}")
    await page.get_by_role("heading", name="Create your Meterwise account").wait_for()
    await check_screen(page, "signup", axe_source, artifacts)
    email = f"owner-{time.time_ns()}@example.com"
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Password", exact=True).fill("a long enough passphrase 14")
    await page.get_by_label("Account name (optional)").fill("Acme")
    await page.get_by_role("button", name="Create account").click()

    await page.get_by_role("heading", name="Set up two-factor authentication").wait_for()
    await check_screen(page, "mfa-password", axe_source, artifacts)
    await page.get_by_label("Current password").fill("not my passphrase at all")
    await page.get_by_role("button", name="Continue").click()
    await page.get_by_role("alert").filter(has_text="Wrong password.").wait_for()
    await page.get_by_label("Current password").fill("a long enough passphrase 14")
    await page.get_by_role("button", name="Continue").click()
    await page.locator("img.qr").wait_for()
    await check_screen(page, "mfa-enrol", axe_source, artifacts)
    secret = (await page.get_by_test_id("totp-secret").inner_text()).strip()
    used: set[str] = set()
    await page.get_by_label("Authentication code").fill(fresh_code(secret, used))
    await page.get_by_role("button", name="Turn on two-factor").click()
    await page.get_by_role("heading", name="Save your recovery codes").wait_for()
    codes = page.get_by_role("list", name="Recovery codes").locator("li")
    recovery_codes = await codes.all_inner_texts()
    assert len(recovery_codes) == 10
    async with page.expect_download() as download:
        await page.get_by_role("button", name="Download codes").click()
    assert (await download.value).suggested_filename == "meterwise-recovery-codes.txt"
    await check_screen(page, "recovery-codes", axe_source, artifacts)
    await page.get_by_role("button", name="I saved them, continue").click()

    await page.get_by_role("heading", name="No usage yet").wait_for()
    await check_screen(page, "dashboard-empty", axe_source, artifacts)

    await page.get_by_role("link", name="Connections").click()
    await page.get_by_role("heading", name="Add a connection").wait_for()
    await page.get_by_label("Admin / usage key").fill(fakes.openai.valid_key)
    await page.get_by_label("Label").fill("Production")
    await page.get_by_role("button", name="Connect").click()
    dialog = page.get_by_role("dialog", name="Confirm it's you")
    notice = page.get_by_text("Connected. The first sync")
    await dialog.or_(notice).first.wait_for()
    if await dialog.is_visible():  # STEP_UP_REQUIRED: verifyMfa without mfaToken, then retry
        await check_screen(page, "step-up", axe_source, artifacts)
        await dialog.get_by_label("Code").fill(fresh_code(secret, used))
        await dialog.get_by_role("button", name="Confirm").click()
    await notice.wait_for()
    await check_screen(page, "connections", axe_source, artifacts)

    await page.get_by_role("link", name="Spend").click()
    token = await session_token(context)
    await page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=total-cost]')?.dataset.value) > 0",
        timeout=120_000)
    expected = await api_total(console_url, token)
    assert Decimal(await page.locator(TOTAL).get_attribute("data-value")) == expected
    await page.locator(".chart canvas").first.wait_for()
    await check_screen(page, "dashboard", axe_source, artifacts)

    # A budget under this quarter's spend: the next sync's evaluation fires its thresholds.
    await page.get_by_role("navigation").get_by_role("link", name="Budgets").click()
    await page.get_by_role("heading", name="New budget").wait_for()
    await page.get_by_label("Name", exact=True).fill("Quarter cap")
    await page.get_by_label("Amount (USD)").fill("1")
    await page.get_by_label("Period").select_option("QUARTER")
    await page.get_by_role("button", name="Create budget").click()
    await confirm_if_asked(page, secret, used, page.get_by_role("listitem", name="Quarter cap"))
    await page.get_by_role("button", name="Edit").wait_for()
    await check_screen(page, "budgets", axe_source, artifacts)
    await page.get_by_role("link", name="Spend").click()
    await page.locator(".chart canvas").first.wait_for()

    # A later sync lands revised usage: the open page updates itself, no reload.
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    fakes.openai.dataset.revise(yesterday, cost=Decimal("12.50"))
    await page.evaluate("() => { window.__notReloaded = true; }")
    async with httpx.AsyncClient(base_url=console_url, timeout=30) as http:
        conn = (await http.post("/graphql", json={"query": "{ connections { id } }"},
                                headers={"authorization": f"Bearer {token}"})).json()
        connection_id = conn["data"]["connections"][0]["id"]
        synced = (await http.post("/graphql", json={
            "query": "mutation($id: ID!) { syncConnection(id: $id) { errors { code } } }",
            "variables": {"id": connection_id}},
            headers={"authorization": f"Bearer {token}"})).json()
    assert synced["data"]["syncConnection"]["errors"] == [], synced
    new_total = expected + Decimal("12.50")
    await page.wait_for_function(
        "(v) => Number(document.querySelector('[data-testid=total-cost]')?.dataset.value) >= v",
        arg=float(new_total) - 0.001, timeout=120_000)
    assert await page.evaluate("() => window.__notReloaded === true")
    # The banner comes only from the live event (a poll may land the total first on a busy box).
    await page.get_by_text("New usage synced").wait_for(timeout=60_000)
    assert Decimal(await page.locator(TOTAL).get_attribute("data-value")) == \
        await api_total(console_url, token)

    # The provider's revision of yesterday is listed, and the budget's alert is visible.
    await page.get_by_role("heading", name="Revised by the provider").wait_for(timeout=60_000)
    await page.get_by_role("navigation").get_by_role("link", name="Alerts").click()
    alert = page.get_by_role("listitem", name="Budget Quarter cap reached 100%")
    await alert.wait_for(timeout=60_000)  # fetched on arrival, or live via alertRaised
    await page.wait_for_load_state("networkidle")
    await check_screen(page, "alerts", axe_source, artifacts)
    await alert.get_by_role("button", name="Acknowledge").click()
    await alert.get_by_text("Acknowledged").wait_for()
    # A webhook channel: its signing secret shown once, its target only as a hint; removed.
    await page.get_by_label("Channel name").fill("Ops hook")
    await page.get_by_label("URL").fill("https://hooks.example.com/meterwise")
    await page.get_by_role("button", name="Add channel").click()
    await confirm_if_asked(page, secret, used, page.get_by_test_id("channel-secret"))
    assert (await page.get_by_test_id("channel-secret").inner_text()).startswith("whsec_")
    channels = page.get_by_role("table", name="Where alerts are sent")
    await channels.get_by_role("cell", name="Ops hook").wait_for()
    assert await channels.get_by_text("/meterwise").count() == 0  # the path is never shown
    page.once("dialog", lambda d: d.accept())
    await channels.get_by_role("button", name="Remove").click()
    await confirm_if_asked(page, secret, used, page.get_by_text("No channels yet"))
    await page.get_by_role("navigation").get_by_role("link", name="Budgets").click()
    card = page.get_by_role("listitem", name="Quarter cap")
    assert int((await card.get_by_test_id("budget-percent").inner_text()).rstrip("%")) >= 100

    # An invite is listed with its role and uses left, and can be revoked.
    await page.get_by_role("navigation").get_by_role("link", name="Members").click()
    await page.get_by_role("button", name="Create invite").click()
    await page.get_by_test_id("invite-code").wait_for()
    invites = page.get_by_role("table", name="Open invites")
    await invites.get_by_role("cell", name="1 of 1").wait_for()
    await invites.get_by_role("button", name="Revoke").click()
    await page.get_by_text("No open invites.").wait_for()

    for link, heading, name in (("Members", "Members", "members"),
                                ("API tokens", "API tokens", "tokens"),
                                ("Sessions", "Sessions", "sessions"),
                                ("Audit log", "Audit log", "audit"),
                                ("Security events", "Security events", "security"),
                                ("Settings", "Settings", "settings")):
        await page.get_by_role("navigation").get_by_role("link", name=link, exact=True).click()
        await page.get_by_role("heading", name=heading, exact=True).wait_for()
        await page.wait_for_load_state("networkidle")
        await check_screen(page, name, axe_source, artifacts)

    await page.get_by_role("button", name="Sign out").click()
    await page.get_by_role("heading", name="Sign in to Meterwise").wait_for()
    await check_screen(page, "signin", axe_source, artifacts)
    async with httpx.AsyncClient(base_url=console_url) as http:
        me = (await http.post("/graphql", json={"query": "{ me { id } }"},
                              headers={"authorization": f"Bearer {token}"})).json()
    assert me["data"]["me"] is None  # the session really ended on the server

    # Back in with the keyboard alone, the password and a recovery code.
    await page.keyboard.press("Tab")
    assert await page.evaluate("() => document.activeElement.id") == "f-email"
    await page.keyboard.type(email)
    await page.keyboard.press("Tab")
    await page.keyboard.type("a long enough passphrase 14")
    await page.keyboard.press("Enter")
    await page.get_by_label("Authentication code").wait_for()
    await page.get_by_role("button", name="Use a recovery code instead").focus()
    await page.keyboard.press("Enter")
    await page.get_by_label("Recovery code").focus()
    await page.keyboard.type(recovery_codes[0].strip())
    await page.keyboard.press("Enter")
    await page.get_by_role("heading", name="Spend", exact=True).wait_for()
    assert watch.problems == []
    await context.close()


async def test_viewer_sees_no_admin_controls(browser: Any, console_url: str, fakes: Fakes,
                                             axe_source: str, artifacts: Path,
                                             db: object) -> None:
    owner_token, owner = await signed_in()
    await add_connection(owner.account_id, fakes.anthropic, label="Research")
    async with httpx.AsyncClient(base_url=console_url, timeout=30) as http:
        made = (await http.post("/graphql", json={
            "query": "mutation($i: BudgetInput!) { createBudget(input: $i) { errors { code } } }",
            "variables": {"i": {"name": "Team cap", "amount": "100", "period": "MONTH"}}},
            headers={"authorization": f"Bearer {owner_token}"})).json()
    assert made["data"]["createBudget"]["errors"] == [], made
    token, _ = await signed_in(role=Role.VIEWER, account=owner.account_id)
    context, page, watch = await new_page(browser, console_url, token=token)
    await page.goto("/#/connections")
    await page.get_by_role("heading", name="Research").wait_for()
    for button in ("Sync now", "Replace key", "Remove", "Connect"):
        assert await page.get_by_role("button", name=button).count() == 0, button
    assert await page.get_by_role("heading", name="Add a connection").count() == 0
    nav = page.get_by_role("navigation")
    for admin_only in ("Members", "API tokens", "Sessions", "Audit log", "Security events"):
        assert await nav.get_by_role("link", name=admin_only).count() == 0, admin_only
    await page.get_by_role("navigation").get_by_role("link", name="Budgets").click()
    await page.get_by_role("listitem", name="Team cap").wait_for()
    for button in ("Edit", "Delete", "Create budget"):
        assert await page.get_by_role("button", name=button).count() == 0, button
    assert await page.get_by_role("heading", name="New budget").count() == 0
    await page.get_by_role("navigation").get_by_role("link", name="Alerts").click()
    await page.get_by_role("heading", name="Alerts", exact=True).wait_for()
    await page.wait_for_load_state("networkidle")
    assert await page.get_by_role("heading", name="Notification channels").count() == 0
    assert await page.get_by_role("button", name="Add channel").count() == 0
    await page.goto("/#/members")  # typed by hand: no screen, no admin form
    await page.get_by_text("Your role cannot open this page.").wait_for()
    assert await page.get_by_role("heading", name="Invite someone").count() == 0
    await nav.get_by_role("link", name="Settings").click()
    await page.get_by_role("heading", name="Password").wait_for()
    assert await page.get_by_role("heading", name="Delete account").count() == 0
    assert await page.get_by_label("Account name").count() == 0
    await page.get_by_label("Theme").select_option("dark")  # the dark theme passes axe too
    await page.get_by_role("link", name="Connections").click()
    await page.get_by_role("heading", name="Research").wait_for()
    await check_screen(page, "viewer-connections-dark", axe_source, artifacts)
    assert watch.problems == []
    await context.close()


async def test_expired_session_returns_to_sign_in(browser: Any, console_url: str,
                                                  db: object) -> None:
    token, who = await signed_in()
    context, page, watch = await new_page(browser, console_url, token=token)
    await page.goto("/#/tokens")
    await page.get_by_role("heading", name="API tokens").wait_for()
    await Session.filter(user_id=who.user_id).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1))
    # The open socket may notice the expiry first and take the console to sign-in on its own;
    # a click on the nav would then race its removal, so move by hash, which works either way.
    await page.evaluate("() => { location.hash = '#/sessions' }")
    await page.get_by_role("heading", name="Sign in to Meterwise").wait_for()
    assert await page.get_by_text("Your session has ended").is_visible()
    assert watch.problems == []
    await context.close()


async def test_first_paint_with_90_days_of_six_models(
        browser: Any, console_url: str, fakes: Fakes, db: object,
        record_property: Any) -> None:
    token, who = await signed_in()
    connection = await add_connection(who.account_id, fakes.openai)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    models = [f"model-{i}" for i in range(6)]
    await UsageDaily.bulk_create([
        UsageDaily(account_id=who.account_id, connection_id=connection.id, provider="openai",
                   day=today - timedelta(days=d), model=m, input_tokens=1000 * (d + 1),
                   output_tokens=500, requests=10, cost=Decimal("1.25") + d, reported_rows=1)
        for d in range(90) for m in models])
    context, page, watch = await new_page(browser, console_url, token=token)
    await page.goto("/#/?days=90&group=MODEL")  # warm the server's caches and the browser's assets
    await page.locator(".chart canvas").first.wait_for()
    page2 = await context.new_page()
    await page2.goto("/#/?days=90&group=MODEL")
    await page2.locator(".chart canvas").first.wait_for()
    assert await page2.locator(".u-legend .u-series").count() == 7  # time + six models
    paint = int(await page2.evaluate("() => document.body.dataset.chartPaint"))
    record_property("dashboard_first_paint_ms", paint)
    print(f"\ndashboard first meaningful paint, 90 days x 6 models: {paint} ms")
    expected = await api_total(console_url, token, days=90)
    assert Decimal(await page2.locator(TOTAL).get_attribute("data-value")) == expected
    assert watch.problems == []
    await context.close()


async def test_step_up_prompt_then_retry(browser: Any, console_url: str, fakes: Fakes,
                                         db: object) -> None:
    token, who = await signed_in()
    await Session.filter(user_id=who.user_id).update(
        mfa_verified_at=datetime.now(UTC) - timedelta(hours=1))  # no fresh second factor
    context, page, watch = await new_page(browser, console_url, token=token)
    await page.goto("/#/connections")
    await page.get_by_label("Provider", exact=True).select_option("ANTHROPIC")
    await page.get_by_label("Admin / usage key").fill(fakes.anthropic.valid_key)
    await page.get_by_role("button", name="Connect").click()
    dialog = page.get_by_role("dialog", name="Confirm it's you")
    await dialog.wait_for()
    await dialog.get_by_label("Code").fill("000000")
    await dialog.get_by_role("button", name="Confirm").click()
    await dialog.get_by_role("alert").wait_for()  # a wrong code is refused, dialog stays
    await dialog.get_by_label("Code").fill(fresh_code(who.totp_secret or "", set()))
    await dialog.get_by_role("button", name="Confirm").click()
    await page.get_by_text("Connected. The first sync").wait_for()
    assert await dialog.count() == 0
    async with httpx.AsyncClient(base_url=console_url) as http:
        old = (await http.post("/graphql", json={"query": "{ me { id } }"},
                               headers={"authorization": f"Bearer {token}"})).json()
    assert old["data"]["me"] is None  # stepping up replaced the session token
    assert watch.problems == []
    await context.close()


async def test_step_up_without_a_factor_leads_to_enrolment_with_the_password(
        browser: Any, console_url: str, fakes: Fakes, db: object, axe_source: str,
        artifacts: Path) -> None:
    """A user who never enrolled cannot step up with a code they do not have: the dialog
    sends them to set one up, which asks for their password first."""
    from tests.support.identity import new_account

    token, who = await signed_in(account=await new_account(mfa_required=False), mfa=False)
    context, page, watch = await new_page(browser, console_url, token=token)
    await page.goto("/#/connections")
    await page.get_by_label("Provider", exact=True).select_option("ANTHROPIC")
    await page.get_by_label("Admin / usage key").fill(fakes.anthropic.valid_key)
    await page.get_by_role("button", name="Connect").click()
    dialog = page.get_by_role("dialog", name="Confirm it's you")
    await dialog.wait_for()
    await check_screen(page, "step-up-no-factor", axe_source, artifacts)
    assert await dialog.get_by_label("Code").count() == 0
    await dialog.get_by_role("link", name="Set up two-factor").click()
    await page.get_by_role("heading", name="Set up two-factor authentication").wait_for()
    assert await dialog.count() == 0
    await page.get_by_label("Current password").fill(who.password)
    await page.get_by_role("button", name="Continue").click()
    await page.locator("img.qr").wait_for()
    secret = (await page.get_by_test_id("totp-secret").inner_text()).strip()
    await page.get_by_label("Authentication code").fill(fresh_code(secret, set()))
    await page.get_by_role("button", name="Turn on two-factor").click()
    await page.get_by_role("heading", name="Save your recovery codes").wait_for()
    assert watch.problems == []
    await context.close()


async def test_a_full_socket_cap_keeps_the_console_signed_in_and_retries_later(
        browser: Any, console_url: str, db: object) -> None:
    """Other tabs hold every socket the user may open: the console's socket is closed with
    4429, which is no sign-out; once a slot is free it subscribes again by itself."""
    from tests.adversary.support import LiveServer

    token, _ = await signed_in()
    live = LiveServer(http_url=console_url, ws_url=console_url.replace("http", "ws", 1)
                      + "/graphql", production=False)
    opened = [live.socket(token) for _ in range(8)]  # METERWISE_WS_MAX_SOCKETS_PER_USER
    for s in opened:
        await s.__aenter__()
    acks: list[str] = []
    context, page, watch = await new_page(browser, console_url, token=token)
    try:
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda frame: acks.append(frame) if "connection_ack" in str(
                frame) else None))
        await page.clock.install()
        await page.goto("/")
        await page.get_by_role("heading", name="No usage yet").wait_for()
        await page.wait_for_timeout(1500)  # the refused socket has come and gone
        assert acks == []
        assert await page.get_by_role("heading", name="Sign in to Meterwise").count() == 0
    finally:
        for s in opened:
            await s.__aexit__(None, None, None)
    await page.clock.run_for(61_000)  # past the jittered 30-60 s wait
    for _ in range(100):
        if acks:
            break
        await page.wait_for_timeout(100)
    assert acks, "the console never subscribed again after 4429"
    assert await page.get_by_role("heading", name="Sign in to Meterwise").count() == 0
    assert watch.problems == []
    await context.close()


async def test_graphiql_works_offline_under_the_strict_csp(
        browser: Any, console_url: str, axe_source: str, artifacts: Path) -> None:
    context, page, watch = await new_page(browser, console_url)
    outside: list[str] = []

    async def only_ours(route: Any) -> None:
        if route.request.url.startswith(console_url):
            await route.continue_()
        else:  # the network beyond this server is cut
            outside.append(route.request.url)
            await route.abort()

    await context.route("**/*", only_ours)
    response = await page.goto("/graphql")
    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "http" not in csp and "unsafe" not in csp
    await page.locator(".graphiql-container").wait_for()
    await page.locator(".graphiql-tab", has_text="Spend").first.wait_for()
    editor = page.locator(".graphiql-query-editor .CodeMirror-code")
    await editor.filter(has_text="query Me").wait_for()
    await page.locator(".graphiql-execute-button").click()  # runs against our /graphql
    try:
        await page.locator(".result-window").filter(has_text="UNAUTHENTICATED").wait_for()
    finally:
        await page.screenshot(path=str(artifacts / "graphiql-1440.png"))
    await page.screenshot(path=str(artifacts / "graphiql-1440.png"))
    await page.goto("/")
    await page.get_by_role("heading", name="Sign in to Meterwise").wait_for()
    assert outside == []
    assert watch.problems == []
    await context.close()


SYNC = "mutation($id: ID!) { syncConnection(id: $id) { errors { code } } }"


async def _sync(base_url: str, token: str, connection_id: str, *, wait: bool = False) -> None:
    """syncConnection over the API; with ``wait``, until the connection has synced once."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        auth = {"authorization": f"Bearer {token}"}
        started = (await http.post("/graphql", json={
            "query": SYNC, "variables": {"id": connection_id}}, headers=auth)).json()
        assert started["data"]["syncConnection"]["errors"] == [], started
        for _ in range(240 if wait else 0):
            body = (await http.post("/graphql", json={
                "query": "{ connections { lastSyncedAt } }"}, headers=auth)).json()
            if body["data"]["connections"][0]["lastSyncedAt"]:
                return
            await asyncio.sleep(0.5)
    assert not wait, "the first sync did not finish"


async def test_a_reloaded_page_gets_live_updates_through_the_cookie(
        browser: Any, console_url: str, fakes: Fakes, db: object) -> None:
    """A page that signed in earlier (cookie only, no token in memory: a reload) still
    hears ``usageUpdated``: its same-origin socket rides the session cookie."""
    token, who = await signed_in()
    connection = await add_connection(who.account_id, fakes.openai, label="Reloaded")
    await _sync(console_url, token, str(connection.id), wait=True)
    context, page, watch = await new_page(browser, console_url, token=token)
    await page.goto("/#/")
    await page.get_by_text("Live updates on.").wait_for()
    fakes.openai.dataset.revise(datetime.now(UTC).date() - timedelta(days=2),
                                cost=Decimal("3.00"))
    await _sync(console_url, token, str(connection.id))
    # The banner comes only from the live event, never from the minute's poll.
    await page.get_by_text("New usage synced").wait_for(timeout=60_000)
    assert watch.problems == []
    await context.close()


async def test_a_breach_notice_shows_until_acknowledged_then_a_new_password_is_required(
        browser: Any, console_url: str, fakes: Fakes, axe_source: str, artifacts: Path,
        db: object) -> None:
    from meterwise.services.containment import ContainmentAction, contain_account
    from meterwise.services.notices import notify_affected
    from tests.notices.support import FACTS

    token, who = await signed_in()
    viewer_token, _ = await signed_in(role=Role.VIEWER, account=who.account_id)
    await notify_affected("INC-30", [who.account_id], FACTS)  # no SMTP here: in-app only
    context, page, watch = await new_page(browser, console_url, token=token)
    await page.goto("/#/")
    notice = page.get_by_role("region", name=FACTS.title)
    await notice.wait_for()
    assert await notice.get_by_text(FACTS.what_to_do).is_visible()
    await check_screen(page, "notice-banner", axe_source, artifacts)
    viewer_context, viewer_page, viewer_watch = await new_page(browser, console_url,
                                                               token=viewer_token)
    await viewer_page.goto("/#/budgets")
    re_notice = viewer_page.get_by_role("region", name=FACTS.title)
    await re_notice.wait_for()
    assert await re_notice.get_by_role("button").count() == 0  # viewers cannot hide it

    await notice.get_by_role("button", name="Acknowledge for everyone").click()
    await notice.wait_for(state="detached")
    await page.reload()
    await page.get_by_role("heading", name="Spend").wait_for()
    assert await page.get_by_role("region", name=FACTS.title).count() == 0

    await contain_account(who.account_id, [ContainmentAction.REQUIRE_PASSWORD_CHANGE],
                          actor="ops", reason="INC-30")
    await page.evaluate("() => { location.hash = '#/connections' }")  # the next request
    await page.get_by_role("heading", name="Choose a new password").wait_for()
    await check_screen(page, "password-change-required", axe_source, artifacts)
    form = page.get_by_role("form", name="New password")
    await form.get_by_label("Current password").fill(who.password)
    await form.get_by_label("New password").fill(who.password)
    await form.get_by_role("button", name="Set new password").click()
    await form.get_by_role("alert").wait_for()  # the same password is refused
    await form.get_by_label("New password").fill("a fresh passphrase after INC-30")
    await form.get_by_role("button", name="Set new password").click()
    await page.get_by_role("heading", name="Spend").wait_for()
    await add_connection(who.account_id, fakes.openai, label="Frozen one")
    await contain_account(who.account_id, [ContainmentAction.FREEZE_CONNECTIONS],
                          actor="ops", reason="INC-30")
    await page.get_by_role("navigation").get_by_role("link", name="Connections").click()
    await page.get_by_test_id("frozen").wait_for()  # the owner sees why nothing syncs
    await viewer_page.reload()  # the viewer was asked too
    await viewer_page.get_by_role("heading", name="Choose a new password").wait_for()
    assert watch.problems == [] and viewer_watch.problems == []
    await viewer_context.close()
    await context.close()
