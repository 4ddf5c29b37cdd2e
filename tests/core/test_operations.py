"""The schema walk: every root field declares its operation, every rule names a real field,
and every operation that changes access needs step-up and refuses API tokens."""

from __future__ import annotations

from types import SimpleNamespace
from uuid import uuid4

import pytest
from strawberry.types.base import StrawberryObjectDefinition

from meterwise import clock
from meterwise.models.identity import Role
from meterwise.schema import build_schema
from meterwise.schema.operations import operation_of
from meterwise.services import authz
from meterwise.services.authz import RULES, Operation, require_step_up
from meterwise.services.errors import Forbidden, UserErrorCode, UserInputError
from meterwise.services.viewer import TokenScope, Viewer

CHANGES_ACCESS = {
    Operation.INVITE_MEMBER, Operation.CHANGE_ROLE, Operation.REMOVE_MEMBER,
    Operation.UPDATE_ACCOUNT_SETTINGS, Operation.DISABLE_MFA, Operation.CREATE_API_TOKEN,
    Operation.CONNECT_PROVIDER, Operation.REPLACE_PROVIDER_KEY, Operation.REMOVE_CONNECTION,
    Operation.DELETE_ACCOUNT, Operation.MANAGE_CHANNELS,
}
REDUCES_REACH = {Operation.LOG_OUT, Operation.REVOKE_SESSION, Operation.REVOKE_API_TOKEN,
                 Operation.REVOKE_INVITE}


def root_fields() -> dict[str, Operation | None]:
    schema = build_schema()
    found: dict[str, Operation | None] = {}
    for root in ("Query", "Mutation", "Subscription"):
        definition = schema.get_type_by_name(root)
        assert isinstance(definition, StrawberryObjectDefinition)
        for field in definition.fields:
            found[f"{root}.{field.graphql_name or field.python_name}"] = operation_of(field)
    return found


def test_every_root_field_declares_its_operation() -> None:
    fields = root_fields()
    assert len(fields) > 30
    assert [name for name, op in fields.items() if op is None] == []


def test_every_rule_names_a_real_field() -> None:
    declared = set(root_fields().values())
    assert set(Operation) == declared
    assert set(RULES) == set(Operation)


def test_every_operation_that_changes_access_needs_step_up_and_a_person() -> None:
    assert {op for op, rule in RULES.items() if rule.changes_access} == CHANGES_ACCESS
    assert authz.STEP_UP_OPERATIONS == CHANGES_ACCESS
    for op in CHANGES_ACCESS:
        token = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER,
                       api_token_id=uuid4())
        with pytest.raises(Forbidden):
            authz.authorize(token, op)


def test_revocations_stay_open_to_tokens_and_need_no_step_up() -> None:
    for op in REDUCES_REACH:
        assert not RULES[op].person and RULES[op].step_up is authz.NEVER
    token = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER, api_token_id=uuid4())
    assert authz.authorize(token, Operation.REVOKE_API_TOKEN) is token


def test_credentials_cannot_create_credentials() -> None:
    token = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER, api_token_id=uuid4())
    with pytest.raises(Forbidden):
        authz.authorize(token, Operation.CREATE_API_TOKEN)


def _inp(**fields: object) -> dict[str, object]:
    return {"input": SimpleNamespace(**fields)}


@pytest.mark.parametrize(("op", "arguments", "needed"), [
    (Operation.INVITE_MEMBER, _inp(role=Role.ADMIN), True),
    (Operation.INVITE_MEMBER, _inp(role=Role.OWNER), True),
    (Operation.INVITE_MEMBER, _inp(role=Role.MEMBER), False),
    (Operation.CREATE_API_TOKEN, _inp(scope=TokenScope.FULL), True),
    (Operation.CREATE_API_TOKEN, _inp(scope=TokenScope.READ_USAGE), False),
    (Operation.UPDATE_ACCOUNT_SETTINGS, _inp(name="x", mfa_required=None), False),
    (Operation.UPDATE_ACCOUNT_SETTINGS, _inp(name=None, mfa_required=False), True),
    (Operation.UPDATE_ACCOUNT_SETTINGS, _inp(name=None, mfa_required=True), True),
    (Operation.CHANGE_ROLE, {}, True),
    (Operation.REMOVE_MEMBER, {}, True),
    (Operation.DELETE_ACCOUNT, _inp(code="123456"), False),  # the code is in the input
    (Operation.READ_USAGE, {}, False),
])
def test_step_up_depends_on_the_arguments(op: Operation, arguments: dict[str, object],
                                          needed: bool) -> None:
    stale = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER, session_id=uuid4())
    if needed:
        with pytest.raises(UserInputError) as raised:
            require_step_up(stale, op, arguments)
        assert raised.value.code is UserErrorCode.STEP_UP_REQUIRED
    else:
        require_step_up(stale, op, arguments)


def test_step_up_without_an_operation_is_always_needed() -> None:
    stale = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER, session_id=uuid4())
    with pytest.raises(UserInputError):
        require_step_up(stale)
    token = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER, api_token_id=uuid4(),
                   mfa_verified_at=clock.now())
    with pytest.raises(UserInputError):
        require_step_up(token)  # API tokens never qualify, however fresh
    fresh = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER, session_id=uuid4(),
                   mfa_verified_at=clock.now())
    require_step_up(fresh)
