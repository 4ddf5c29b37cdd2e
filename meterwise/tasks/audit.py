"""The audit log's periodic checkpoint: verify the chain, sign its head, alert if broken."""

from __future__ import annotations

import logging

from meterwise.models.shield import SecurityEventKind, Severity
from meterwise.security.auditchain import format_checkpoint
from meterwise.services import audit, security_events
from meterwise.tasks.registry import job

log = logging.getLogger(__name__)


@job("audit.checkpoint", max_retries=2, time_limit_ms=60 * 60_000)
async def checkpoint() -> None:
    """Hourly. The line is logged so a log system off this machine keeps a copy."""
    try:
        signed = await audit.checkpoint()
    except audit.AuditChainBroken as exc:  # a retry finds the same break: alert instead
        log.error("audit log broken, no checkpoint signed: %s", exc)
        await security_events.record(SecurityEventKind.AUDIT_CHAIN_BROKEN, account_id=None,
                                     severity=Severity.CRITICAL,
                                     details={"seq": exc.broken.seq,
                                              "reason": exc.broken.reason})
        return
    log.info("audit checkpoint: %s", format_checkpoint(signed))
