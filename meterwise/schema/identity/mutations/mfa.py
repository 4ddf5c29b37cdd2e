"""TOTP enrolment and turning MFA off."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.types import (
    DisableMfaPayload,
    RecoveryCodesPayload,
    TotpEnrollmentPayload,
)
from meterwise.services import authz
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import UserInputError
from meterwise.services.identity import mfa, policy


@strawberry.type
class MfaMutation:
    @strawberry.mutation(description="A new TOTP secret to scan; confirm it with a code.")
    async def start_totp_enrollment(self, info: Info) -> TotpEnrollmentPayload:
        viewer = authorize(info.context.viewer, Operation.ENROLL_MFA)
        try:
            enrollment = await mfa.start_enrollment(viewer, client_of(info))
        except UserInputError as exc:
            return TotpEnrollmentPayload(errors=[user_error(exc)])
        return TotpEnrollmentPayload(secret=enrollment.secret,
                                     provisioning_uri=enrollment.provisioning_uri,
                                     qr_svg=enrollment.qr_svg)

    @strawberry.mutation(description="Turn TOTP on; returns 10 single-use recovery codes.")
    async def confirm_totp_enrollment(self, info: Info, code: str) -> RecoveryCodesPayload:
        viewer = authorize(info.context.viewer, Operation.ENROLL_MFA)
        try:
            codes = await mfa.confirm_enrollment(viewer, client_of(info), code)
        except UserInputError as exc:
            return RecoveryCodesPayload(errors=[user_error(exc)])
        return RecoveryCodesPayload(recovery_codes=codes)

    @strawberry.mutation(description="Turn TOTP off (step-up and password); ends other sessions.")
    async def disable_mfa(self, info: Info, password: str) -> DisableMfaPayload:
        viewer = authorize(info.context.viewer, Operation.DISABLE_MFA)
        try:
            authz.require_step_up(viewer, now=policy.now())
            await mfa.disable(viewer, client_of(info), password=password)
        except UserInputError as exc:
            return DisableMfaPayload(errors=[user_error(exc)])
        return DisableMfaPayload(ok=True)
