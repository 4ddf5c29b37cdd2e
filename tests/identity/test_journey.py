"""A new user, over HTTP as a client would: CLI invite -> signUp -> TOTP -> logIn -> token.

The second test repeats the journey while collecting every response body, log line and
audit row, and searches them for the password, every token, the TOTP secret and the
recovery codes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest

from meterwise import wiring
from meterwise.models.audit import AuditEvent
from tests.support.identity import gql
from tests.support.processes import clean_env, run

PASSWORD = "purple elephants dance at noon"
SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) {
  token mfaRequired mfaToken user { id email } errors { code message field } } }"""
START = """mutation($p: String!) { startTotpEnrollment(password: $p) {
  secret provisioningUri qrSvg errors { code } } }"""
CONFIRM = """mutation($code: String!, $p: String!) { confirmTotpEnrollment(code: $code,
  password: $p) {
  recoveryCodes errors { code message } } }"""
LOG_IN = """mutation($input: LogInInput!) { logIn(input: $input) {
  token mfaRequired mfaToken user { id } errors { code message } } }"""
VERIFY = """mutation($input: VerifyMfaInput!) { verifyMfa(input: $input) {
  token mfaRequired user { id email } errors { code message field } } }"""
ME = "{ me { id email mfaEnabled } }"


def cli_invite(database_url: str, data_dir: Path) -> tuple[str, str]:
    # The instance's own master keys: the command writes a (keyed) audit event.
    keys = str(wiring.settings().resolved_master_key_file())
    result = run(["invites", "create", "--uses", "1", "--expires-in-days", "2"],
                 clean_env(database_url=database_url, data_dir=str(data_dir),
                           master_key_file=keys))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1], result.stdout + result.stderr


async def journey(client: httpx.AsyncClient, code: str, seen: list[Any]) -> dict[str, Any]:
    """Runs the whole journey; appends every response body to ``seen``."""

    async def call(query: str, variables: dict[str, Any] | None = None,
                   token: str | None = None) -> dict[str, Any]:
        body = await gql(client, query, variables, token=token)
        seen.append(body)
        return body

    signed = await call(SIGN_UP, {"input": {"inviteCode": code, "email": "Ada@Example.com",
                                            "password": PASSWORD, "accountName": "Ada Labs"}})
    payload = signed["data"]["signUp"]
    assert payload["errors"] == []
    assert payload["mfaRequired"] is False
    assert payload["user"]["email"] == "ada@example.com"
    first_token = payload["token"]
    assert first_token.startswith("mws_")

    gated = await call("{ account { id } }", token=first_token)
    assert gated["errors"][0]["extensions"]["code"] == "MFA_REQUIRED"

    started = (await call(START, {"p": PASSWORD}, token=first_token))["data"]["startTotpEnrollment"]
    assert started["errors"] == []
    assert started["provisioningUri"].startswith("otpauth://totp/")
    assert started["qrSvg"].lstrip().startswith("<svg")
    authenticator = pyotp.parse_uri(started["provisioningUri"])
    assert isinstance(authenticator, pyotp.TOTP)

    confirmed = (await call(CONFIRM, {"code": authenticator.now(), "p": PASSWORD}, first_token))
    codes = confirmed["data"]["confirmTotpEnrollment"]["recoveryCodes"]
    assert len(codes) == 10 and len(set(codes)) == 10

    logged = (await call(LOG_IN, {"input": {"email": "ada@example.com",
                                            "password": PASSWORD}}))["data"]["logIn"]
    assert logged == {"token": None, "mfaRequired": True, "mfaToken": logged["mfaToken"],
                      "user": None, "errors": []}
    assert logged["mfaToken"].startswith("mwm_")

    # The enrolment code's time step is used up; the recovery code path completes sign-in.
    verified = (await call(VERIFY, {"input": {"mfaToken": logged["mfaToken"],
                                              "code": codes[0]}}))["data"]["verifyMfa"]
    assert verified["errors"] == []
    token = verified["token"]
    assert token.startswith("mws_") and token != first_token

    me = await call(ME, token=token)
    assert me == {"data": {"me": {"id": payload["user"]["id"], "email": "ada@example.com",
                                  "mfaEnabled": True}}}
    account = await call("{ account { name role mfaRequired } }", token=token)
    assert account["data"]["account"] == {"name": "Ada Labs", "role": "OWNER",
                                          "mfaRequired": True}
    created = await call("""mutation { createApiToken(input: {name: "ci", scope: READ_USAGE})
        { token apiToken { scope active } errors { code } } }""", token=token)
    api_token = created["data"]["createApiToken"]["token"]
    await call(ME, token=api_token)
    await call(LOG_IN, {"input": {"email": "ada@example.com", "password": PASSWORD + "x"}})
    log_out = await call("mutation { logOut }", token=token)
    assert log_out == {"data": {"logOut": True}}
    assert (await call(ME, token=token)) == {"data": {"me": None}}
    return {"secrets": [PASSWORD, first_token, token, logged["mfaToken"], api_token,
                        authenticator.secret, *codes]}


@pytest.mark.slow
async def test_new_user_journey_over_http(client: httpx.AsyncClient, database_url: str,
                                          tmp_path: Path) -> None:
    code, _ = cli_invite(database_url, tmp_path)
    assert code.startswith("mwi_")
    await journey(client, code, [])


@pytest.mark.slow
async def test_no_secret_in_responses_logs_or_audit(client: httpx.AsyncClient,
                                                    database_url: str, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    code, cli_output = cli_invite(database_url, tmp_path)
    seen: list[Any] = []
    found = await journey(client, code, seen)
    secrets = [*found["secrets"], code]
    rows = await AuditEvent.all().order_by("seq").values()
    assert {"user.signed_up", "invite.used", "mfa.enrolled", "login.password_ok",
            "mfa.recovery_code_used", "login.succeeded", "api_token.created",
            "login.failed", "session.logout"} <= {row["action"] for row in rows}

    log_text = "\n".join(r.getMessage() + repr(r.args) + str(r.exc_info) for r in caplog.records)
    audit_text = repr(rows)
    for secret in secrets:
        assert secret not in log_text
        assert secret not in audit_text
        assert secret not in cli_output or secret == code
        # A response may carry a secret only when it is the one handing it out.
        carriers = [body for body in seen if secret in repr(body)]
        assert len(carriers) <= 1, secret
    assert not any(PASSWORD in repr(body) for body in seen)
