"""Every operation x every role x own/foreign account behaves as ``authz.MATRIX`` says.

``test_matrix_function`` walks every cell of the matrix (all domains) through
``authorize``. ``test_identity_operation`` calls each identity operation over GraphQL as
each role, against a target in the caller's account and one in a foreign account: a role
outside the matrix gets FORBIDDEN; a role inside succeeds on its own account and finds
nothing (NOT_FOUND, or an absent row) in the foreign one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from meterwise.models.identity import ApiToken, Invite, Membership, Role
from meterwise.services import audit
from meterwise.services.authz import MATRIX, MFA_EXEMPT, READ_USAGE_SCOPE, Operation, authorize
from meterwise.services.errors import Forbidden, MfaRequired, Unauthenticated
from meterwise.services.identity import api_tokens, invites
from meterwise.services.identity.common import Client
from meterwise.services.viewer import TokenScope, Viewer
from tests.support.identity import error_code, gql, signed_in


@pytest.mark.parametrize("operation", list(Operation))
@pytest.mark.parametrize("role", list(Role))
def test_matrix_function(operation: Operation, role: Role) -> None:
    viewer = Viewer(user_id=uuid4(), account_id=uuid4(), role=role)
    if role in MATRIX[operation]:
        assert authorize(viewer, operation) is viewer
    else:
        with pytest.raises(Forbidden):
            authorize(viewer, operation)
    gated = Viewer(user_id=uuid4(), account_id=uuid4(), role=role, mfa_satisfied=False)
    if operation in MFA_EXEMPT and role in MATRIX[operation]:
        assert authorize(gated, operation) is gated
    elif operation not in MFA_EXEMPT:
        with pytest.raises(MfaRequired):
            authorize(gated, operation)
    reader = Viewer(user_id=uuid4(), account_id=uuid4(), role=role, scope=TokenScope.READ_USAGE)
    if operation not in READ_USAGE_SCOPE:
        with pytest.raises(Forbidden):
            authorize(reader, operation)
    with pytest.raises(Unauthenticated):
        authorize(None, operation)


def test_every_operation_has_a_cell() -> None:
    assert set(MATRIX) == set(Operation)


@dataclass
class World:
    token: str
    viewer_id: UUID
    own: dict[str, str]
    foreign: dict[str, str]
    password: str


async def _targets(client: httpx.AsyncClient, account: UUID) -> dict[str, str]:
    """A MEMBER of ``account`` with a session and an API token, plus an audit event."""
    _, who = await signed_in(client, Role.MEMBER, account=account, mfa=False)
    viewer = Viewer(user_id=who.user_id, account_id=account, role=Role.MEMBER)
    issued = await api_tokens.create_token(viewer, Client(), name="t", scope=TokenScope.FULL,
                                           expires_in_days=5)
    session_id = await _session_of(who.user_id)
    _, invite = await invites.invite_member(viewer, Client(), role=Role.VIEWER)
    await audit.record("test.marker", account_id=account, actor_id=who.user_id,
                       target=str(account), ip=None, user_agent=None)
    return {"member": str(who.membership_id), "user": str(who.user_id),
            "token": str(issued.row.id), "session": session_id, "account": str(account),
            "email": who.email, "invite_id": str(invite.id)}


async def _session_of(user_id: UUID) -> str:
    from meterwise.models.identity import Session

    session = await Session.filter(user_id=user_id).first()
    assert session is not None
    return str(session.id)


async def world_for(client: httpx.AsyncClient, role: Role) -> World:
    token, who = await signed_in(client, role)
    _, other = await signed_in(client, Role.OWNER)
    own = await _targets(client, who.account_id)
    foreign = await _targets(client, other.account_id)
    viewer = Viewer(user_id=who.user_id, account_id=who.account_id, role=role)
    mine = await api_tokens.create_token(viewer, Client(), name="mine", scope=TokenScope.FULL,
                                         expires_in_days=5)
    own["my_token"] = str(mine.row.id)
    foreign["my_token"] = foreign["token"]
    foreign["invite"] = "mwi_" + uuid4().hex + uuid4().hex  # unknown code
    foreign_viewer = Viewer(user_id=other.user_id, account_id=other.account_id,
                            role=Role.OWNER)
    own["invite"], _ = await invites.invite_member(foreign_viewer, Client(), role=Role.VIEWER)
    return World(token=token, viewer_id=who.user_id, own=own, foreign=foreign,
                 password=who.password)


Check = Callable[[httpx.AsyncClient, World, dict[str, str]], Awaitable[dict[str, Any]]]


def _payload(body: dict[str, Any]) -> Any:
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


async def _call(client: httpx.AsyncClient, w: World, query: str, **variables: Any) -> Any:
    return await gql(client, query, variables, token=w.token)


async def op_me(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    body = await _call(client, w, "{ me { id } }")
    assert _payload(body)["id"] == str(w.viewer_id)


async def op_log_out(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    assert _payload(await _call(client, w, "mutation { logOut }")) is True


async def op_enroll(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    body = await _call(client, w, "mutation($p: String!) { startTotpEnrollment(password: $p) "
                       "{ errors { code } } }", p=w.password)
    assert _payload(body)["errors"] == [{"code": "ALREADY_EXISTS"}]  # enrolled already


async def op_disable_mfa(client: httpx.AsyncClient, w: World, t: dict[str, str],
                         own: bool) -> None:
    body = await _call(client, w, "mutation($p: String!) { disableMfa(password: $p) "
                       "{ ok errors { code } } }", p=w.password)
    assert _payload(body) == {"ok": True, "errors": []}


async def op_change_password(client: httpx.AsyncClient, w: World, t: dict[str, str],
                             own: bool) -> None:
    body = await _call(client, w, """mutation($c: String!) { changePassword(input:
        {currentPassword: $c, newPassword: "a much longer passphrase 42"}) { ok } }""",
                       c=w.password)
    assert _payload(body) == {"ok": True}


async def op_account(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    account_id = _payload(await _call(client, w, "{ account { id } }"))["id"]
    assert (account_id == t["account"]) is own


async def op_update_settings(client: httpx.AsyncClient, w: World, t: dict[str, str],
                             own: bool) -> None:
    body = await _call(client, w, """mutation { updateAccountSettings(input: {name: "Renamed"})
        { account { id name } errors { code } } }""")
    assert (_payload(body)["account"]["id"] == t["account"]) is own


async def op_members(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    rows = _payload(await _call(client, w, "{ members { id lastActiveAt } }"))
    assert (t["member"] in {row["id"] for row in rows}) is own


async def op_invite(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    body = await _call(client, w, "mutation { inviteMember(input: {role: MEMBER}) "
                       "{ code errors { code } } }")
    assert _payload(body)["code"].startswith("mwi_")


async def op_change_role(client: httpx.AsyncClient, w: World, t: dict[str, str],
                         own: bool) -> None:
    body = await _call(client, w, """mutation($id: ID!) { changeMemberRole(memberId: $id,
        role: ADMIN) { member { role } errors { code } } }""", id=t["member"])
    expected = ({"member": {"role": "ADMIN"}, "errors": []} if own
                else {"member": None, "errors": [{"code": "NOT_FOUND"}]})
    assert _payload(body) == expected


async def op_remove_member(client: httpx.AsyncClient, w: World, t: dict[str, str],
                           own: bool) -> None:
    body = await _call(client, w, "mutation($id: ID!) { removeMember(memberId: $id) "
                       "{ ok errors { code } } }", id=t["member"])
    assert _payload(body) == ({"ok": True, "errors": []} if own
                              else {"ok": False, "errors": [{"code": "NOT_FOUND"}]})
    assert await Membership.exists(id=t["member"]) is not own


async def op_create_token(client: httpx.AsyncClient, w: World, t: dict[str, str],
                          own: bool) -> None:
    body = await _call(client, w, """mutation { createApiToken(input: {name: "x"})
        { token apiToken { scope } errors { code } } }""")
    assert _payload(body)["apiToken"] == {"scope": "READ_USAGE"}


async def op_api_tokens(client: httpx.AsyncClient, w: World, t: dict[str, str],
                        own: bool) -> None:
    rows = _payload(await _call(client, w, "{ apiTokens { id ownerEmail } }"))
    assert (t["token"] in {row["id"] for row in rows}) is own


async def op_revoke_token(client: httpx.AsyncClient, w: World, t: dict[str, str],
                          own: bool) -> None:
    body = await _call(client, w, "mutation($id: ID!) { revokeApiToken(id: $id) "
                       "{ apiToken { active } errors { code } } }", id=t["my_token"])
    assert _payload(body) == ({"apiToken": {"active": False}, "errors": []} if own
                              else {"apiToken": None, "errors": [{"code": "NOT_FOUND"}]})
    row = await ApiToken.get(id=t["my_token"])
    assert (row.revoked_at is not None) is own


async def op_revoke_session(client: httpx.AsyncClient, w: World, t: dict[str, str],
                            own: bool) -> None:
    body = await _call(client, w, "mutation($id: ID!) { revokeSession(id: $id) "
                       "{ ok errors { code } } }", id=t["session"])
    assert _payload(body) == ({"ok": True, "errors": []} if own
                              else {"ok": False, "errors": [{"code": "NOT_FOUND"}]})


async def op_sessions(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    rows = _payload(await _call(client, w, "{ sessions { id } }"))
    assert (t["session"] in {row["id"] for row in rows}) is own


async def op_accept_invite(client: httpx.AsyncClient, w: World, t: dict[str, str],
                           own: bool) -> None:
    body = await _call(client, w, "mutation($c: String!) { acceptInvite(code: $c) "
                       "{ account { role } errors { code } } }", c=t["invite"])
    if own:  # the invite is into another account: joining it is the point
        assert _payload(body) == {"account": {"role": "VIEWER"}, "errors": []}
    else:
        assert _payload(body)["errors"] == [{"code": "INVALID_INVITE"}]


async def op_invites(client: httpx.AsyncClient, w: World, t: dict[str, str], own: bool) -> None:
    rows = _payload(await _call(client, w, "{ invites { id createdById usesLeft } }"))
    assert (t["invite_id"] in {row["id"] for row in rows}) is own


async def op_revoke_invite(client: httpx.AsyncClient, w: World, t: dict[str, str],
                           own: bool) -> None:
    body = await _call(client, w, "mutation($id: ID!) { revokeInvite(id: $id) "
                       "{ invite { id } errors { code } } }", id=t["invite_id"])
    assert _payload(body) == ({"invite": {"id": t["invite_id"]}, "errors": []} if own
                              else {"invite": None, "errors": [{"code": "NOT_FOUND"}]})
    row = await Invite.get(id=t["invite_id"])
    assert (row.revoked_at is not None) is own


async def op_audit_log(client: httpx.AsyncClient, w: World, t: dict[str, str],
                       own: bool) -> None:
    query = "{ auditLog(first: 100) { edges { node { target } } } }"
    page = _payload(await _call(client, w, query))
    targets = {edge["node"]["target"] for edge in page["edges"]}
    assert (t["account"] in targets) is own


OPERATIONS: dict[Operation, Callable[..., Awaitable[None]]] = {
    Operation.ME: op_me,
    Operation.LOG_OUT: op_log_out,
    Operation.ENROLL_MFA: op_enroll,
    Operation.DISABLE_MFA: op_disable_mfa,
    Operation.CHANGE_PASSWORD: op_change_password,
    Operation.READ_ACCOUNT: op_account,
    Operation.UPDATE_ACCOUNT_SETTINGS: op_update_settings,
    Operation.LIST_MEMBERS: op_members,
    Operation.INVITE_MEMBER: op_invite,
    Operation.CHANGE_ROLE: op_change_role,
    Operation.REMOVE_MEMBER: op_remove_member,
    Operation.CREATE_API_TOKEN: op_create_token,
    Operation.LIST_API_TOKENS: op_api_tokens,
    Operation.REVOKE_API_TOKEN: op_revoke_token,
    Operation.REVOKE_SESSION: op_revoke_session,
    Operation.LIST_SESSIONS: op_sessions,
    Operation.ACCEPT_INVITE: op_accept_invite,
    Operation.READ_AUDIT_LOG: op_audit_log,
    Operation.LIST_INVITES: op_invites,
    Operation.REVOKE_INVITE: op_revoke_invite,
}
OTHER_DOMAINS = {Operation.DELETE_ACCOUNT, Operation.READ_CONNECTIONS,
                 Operation.CONNECT_PROVIDER, Operation.REPLACE_PROVIDER_KEY,
                 Operation.REMOVE_CONNECTION, Operation.SYNC_CONNECTION, Operation.READ_USAGE,
                 Operation.READ_USAGE_REVISIONS, Operation.READ_SECURITY_EVENTS,
                 # public sign-in (tests/identity/test_journey.py)
                 Operation.SIGN_UP, Operation.LOG_IN, Operation.VERIFY_MFA,
                 # spend control: walked by tests/adversary/test_spend.py and tests/spend
                 Operation.READ_BUDGETS, Operation.MANAGE_BUDGETS, Operation.READ_ALERTS,
                 Operation.ACKNOWLEDGE_ALERT, Operation.MUTE_ALERT, Operation.READ_CHANNELS,
                 Operation.MANAGE_CHANNELS,
                 Operation.READ_RECONCILIATION,
                 # access reviews: tests/reviews/test_access_reviews.py
                 Operation.READ_ACCESS_REVIEW, Operation.RUN_ACCESS_REVIEW,
                 Operation.COMPLETE_ACCESS_REVIEW, Operation.READ_THIRD_PARTIES,
                 # incident notices: tests/notices (HTTP) and tests/adversary/test_notices.py
                 Operation.READ_NOTICES, Operation.ACKNOWLEDGE_NOTICE}


def test_every_identity_operation_is_walked() -> None:
    assert set(OPERATIONS) | OTHER_DOMAINS == set(Operation)


NO_TARGET = {Operation.ME, Operation.LOG_OUT, Operation.ENROLL_MFA, Operation.DISABLE_MFA,
             Operation.CHANGE_PASSWORD, Operation.INVITE_MEMBER, Operation.CREATE_API_TOKEN}


@pytest.mark.parametrize("operation", list(OPERATIONS))
async def test_identity_operation(client: httpx.AsyncClient, operation: Operation) -> None:
    """Each role in a world of its own; the foreign target first (it must change nothing),
    then the caller's own account. (Roles share one test: per-test cleanup is the cost.)"""
    for role in Role:
        world = await world_for(client, role)
        allowed = role in MATRIX[operation]
        for own in ([True] if operation in NO_TARGET else [False, True]):
            targets = world.own if own else world.foreign
            if allowed:
                await OPERATIONS[operation](client, world, targets, own)
            else:
                body = await _denied_body(client, world, operation, targets)
                assert error_code(body) == "FORBIDDEN", (role, own, body)
                assert body["data"] is None


async def _denied_body(client: httpx.AsyncClient, w: World, operation: Operation,
                       t: dict[str, str]) -> dict[str, Any]:
    """The same call as the operation's check, returning the body instead of asserting."""
    queries = {
        Operation.UPDATE_ACCOUNT_SETTINGS: ("mutation { updateAccountSettings(input: {name: \"x\"})"
                                            " { errors { code } } }", {}),
        Operation.LIST_MEMBERS: ("{ members { id } }", {}),
        Operation.INVITE_MEMBER: ("mutation { inviteMember(input: {role: MEMBER}) { code } }", {}),
        Operation.CHANGE_ROLE: ("mutation($id: ID!) { changeMemberRole(memberId: $id, role: ADMIN)"
                                " { errors { code } } }", {"id": t["member"]}),
        Operation.REMOVE_MEMBER: ("mutation($id: ID!) { removeMember(memberId: $id) { ok } }",
                                  {"id": t["member"]}),
        Operation.CREATE_API_TOKEN: ("mutation { createApiToken(input: {name: \"x\"}) { token } }",
                                     {}),
        Operation.LIST_API_TOKENS: ("{ apiTokens { id } }", {}),
        Operation.REVOKE_SESSION: ("mutation($id: ID!) { revokeSession(id: $id) { ok } }",
                                   {"id": t["session"]}),
        Operation.LIST_SESSIONS: ("{ sessions { id } }", {}),
        Operation.READ_AUDIT_LOG: ("{ auditLog { edges { cursor } } }", {}),
        Operation.LIST_INVITES: ("{ invites { id } }", {}),
        Operation.REVOKE_INVITE: ("mutation($id: ID!) { revokeInvite(id: $id) { errors "
                                  "{ code } } }", {"id": t["invite_id"]}),
    }
    query, variables = queries[operation]
    return await gql(client, query, variables, token=w.token)
