"""Identity mutations, a few small modules; ``IdentityMutation`` merges them."""

from __future__ import annotations

from strawberry.tools import merge_types

from meterwise.schema.identity.invites import InvitesMutation
from meterwise.schema.identity.mutations.account import AccountMutation
from meterwise.schema.identity.mutations.auth import AuthMutation
from meterwise.schema.identity.mutations.members import MembersMutation
from meterwise.schema.identity.mutations.mfa import MfaMutation
from meterwise.schema.identity.mutations.tokens import TokensMutation

__all__ = ["IdentityMutation"]

IdentityMutation = merge_types(
    "IdentityMutation",
    (AuthMutation, MfaMutation, AccountMutation, MembersMutation, TokensMutation,
     InvitesMutation),
)
