"""The audit log's periodic jobs: the hourly checkpoint (what was added since the last one:
verify, sign the head) and the daily full verification (the whole chain, which is what finds
an edit made before the last checkpoint); either alerts when the chain is broken."""

from __future__ import annotations

import logging

from meterwise.models.shield import SecurityEventKind, Severity
from meterwise.security.auditchain import ChainBreak, format_checkpoint
from meterwise.services import audit, security_events
from meterwise.tasks.registry import job

log = logging.getLogger(__name__)


async def _broken(broken: ChainBreak, what: str) -> None:
    """A retry finds the same break: alert instead (``incidents`` opens a SEV1 on it)."""
    log.error("audit log broken (%s): %s", what, broken.reason)
    await security_events.record(SecurityEventKind.AUDIT_CHAIN_BROKEN, account_id=None,
                                 severity=Severity.CRITICAL,
                                 details={"seq": broken.seq, "reason": broken.reason})


@job("audit.checkpoint", max_retries=2, time_limit_ms=60 * 60_000)
async def checkpoint() -> None:
    """Hourly. The line is logged so a log system off this machine keeps a copy."""
    try:
        signed = await audit.checkpoint()
    except audit.AuditChainBroken as exc:
        await _broken(exc.broken, "no checkpoint signed")
        return
    log.info("audit checkpoint: %s", format_checkpoint(signed))


@job("audit.verify", max_retries=2, time_limit_ms=6 * 60 * 60_000)
async def verify() -> None:
    """Daily: the whole chain against every stored checkpoint (``meterwise audit verify``)."""
    result = await audit.verify()
    if result.broken is not None:
        await _broken(result.broken, "full verification")
        return
    log.info("audit log intact: %d event(s), %d checkpoint(s)", result.checked,
             result.checkpoints)
