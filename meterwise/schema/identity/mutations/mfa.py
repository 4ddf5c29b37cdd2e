"""TOTP enrolment and turning MFA off."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.types import (
    DisableMfaPayload,
    RecoveryCodesPayload,
    TotpEnrollmentPayload,
)
from meterwise.schema.operations import operation, viewer_of
from meterwise.services.authz import Operation
from meterwise.services.identity import mfa


@strawberry.type
class MfaMutation:
    @strawberry.mutation(description="A new TOTP secret to scan; confirm it with a code. "
                                     "Needs the current password unless the session signed "
                                     "in less than 10 minutes ago.",
                         extensions=operation(Operation.ENROLL_MFA))
    async def start_totp_enrollment(self, info: Info, password: str | None = None
                                    ) -> TotpEnrollmentPayload:
        enrollment = await mfa.start_enrollment(viewer_of(info), client_of(info),
                                                password=password)
        return TotpEnrollmentPayload(secret=enrollment.secret,
                                     provisioning_uri=enrollment.provisioning_uri,
                                     qr_svg=enrollment.qr_svg)

    @strawberry.mutation(description="Turn TOTP on with a code (and the current password unless "
                                     "the session signed in less than 10 minutes ago); "
                                     "returns 10 single-use recovery codes.",
                         extensions=operation(Operation.ENROLL_MFA))
    async def confirm_totp_enrollment(self, info: Info, code: str,
                                      password: str | None = None) -> RecoveryCodesPayload:
        codes = await mfa.confirm_enrollment(viewer_of(info), client_of(info), code,
                                             password=password)
        return RecoveryCodesPayload(recovery_codes=codes)

    @strawberry.mutation(description="Turn TOTP off (step-up and password); ends other sessions.",
                         extensions=operation(Operation.DISABLE_MFA))
    async def disable_mfa(self, info: Info, password: str) -> DisableMfaPayload:
        await mfa.disable(viewer_of(info), client_of(info), password=password)
        return DisableMfaPayload(ok=True)
