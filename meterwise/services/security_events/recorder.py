"""Security events: record, page through, push live, deliver to the operator's webhook.

``record`` is what every detector (and any other domain) calls. It saves the event with its
details scrubbed, publishes it on ``security:<account id>`` for subscriptions, and, when the
operator configured ``METERWISE_SECURITY_WEBHOOK_URL``, enqueues a signed delivery that
Dramatiq retries with backoff. One global webhook (an operator setting) rather than one per
account: the operator runs the instance and its incident response; see README.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx

from meterwise import clock, pubsub, wiring
from meterwise.jobs.base import JobQueue
from meterwise.models.shield import SecurityEvent, SecurityEventKind, Severity
from meterwise.security.redaction import REDACTED, is_secret_name, redact
from meterwise.security.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from meterwise.services import metrics
from meterwise.services.pagination import Page, paginate
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer

log = logging.getLogger(__name__)

DELIVER_JOB = "shield.deliver_security_event"
WEBHOOK_TIMEOUT = 10.0


def channel(account_id: UUID | str) -> str:
    return f"security:{account_id}"


def _webhook() -> tuple[str | None, str | None]:
    """The operator's webhook URL and signing secret, from the process settings."""
    settings = wiring.settings()
    secret = settings.security_webhook_secret
    return settings.security_webhook_url, secret.get_secret_value() if secret else None


class WebhookFailed(Exception):
    """The receiver did not accept the delivery; the job retries."""


def _clean(value: Any, depth: int = 0) -> Any:
    """JSON-safe details with secret-named keys dropped and strings redacted."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return redact(value)[:500]
    if depth < 4 and isinstance(value, Mapping):
        return {str(k): REDACTED if is_secret_name(str(k)) else _clean(v, depth + 1)
                for k, v in list(value.items())[:50]}
    if depth < 4 and isinstance(value, list | tuple | set | frozenset):
        return [_clean(v, depth + 1) for v in list(value)[:50]]
    return redact(str(value))[:500]


@dataclass(frozen=True)
class SecurityEventRecorded:
    """A recorded event as subscriptions and the webhook see it; owns its payload both ways.

    ``details`` stays a mapping: each kind reports different facts (an IP, a token id, a
    spend day ...), already scrubbed by ``record``.
    """

    id: UUID
    account_id: UUID | None
    kind: SecurityEventKind
    severity: Severity
    details: dict[str, Any]
    created_at: datetime

    @classmethod
    def from_model(cls, event: SecurityEvent) -> SecurityEventRecorded:
        return cls(id=event.id, account_id=event.account_id,
                   kind=SecurityEventKind(event.kind), severity=Severity(event.severity),
                   details=dict(event.details), created_at=event.created_at.astimezone(UTC))

    def payload(self) -> dict[str, Any]:
        """The wire form (``security:<account>`` channel and webhook body): lowercase values."""
        return {
            "id": str(self.id),
            "accountId": str(self.account_id) if self.account_id else None,
            "kind": str(self.kind),
            "severity": str(self.severity),
            "details": self.details,
            "createdAt": self.created_at.isoformat(),
        }

    @classmethod
    def parse(cls, payload: dict[str, Any]) -> SecurityEventRecorded | None:
        """The typed event, or None when a field is missing or malformed."""
        try:
            account = payload.get("accountId")
            details = payload.get("details") or {}
            if not isinstance(details, dict):
                return None
            return cls(id=UUID(str(payload["id"])),
                       account_id=UUID(str(account)) if account else None,
                       kind=SecurityEventKind(payload["kind"]),
                       severity=Severity(payload["severity"]), details=details,
                       created_at=datetime.fromisoformat(str(payload["createdAt"])))
        except (KeyError, TypeError, ValueError):
            return None


async def record(kind: SecurityEventKind, *, account_id: UUID | None,
                 severity: Severity | str,
                 details: Mapping[str, Any] | None = None,
                 jobs: JobQueue | None = None) -> None:
    """Save a security event, push it to subscribers and queue its webhook delivery.

    Never raises into the caller's business flow: a failure to record is logged.
    """
    try:
        event = await SecurityEvent.create(account_id=account_id,
                                           kind=SecurityEventKind(kind).value,
                                           severity=Severity(severity),
                                           details=_clean(dict(details or {})))
    except Exception:
        log.exception("could not record security event %s", kind)
        return
    metrics.SECURITY_EVENTS.labels(kind=kind, severity=str(severity)).inc()
    log.warning("security event %s (%s) for account %s", kind, severity, account_id)
    if account_id is not None:
        await pubsub.publish(channel(account_id),
                             SecurityEventRecorded.from_model(event).payload())
    queue = jobs or wiring.current().jobs
    if _webhook()[0] and queue is not None:
        try:
            await queue.enqueue(DELIVER_JOB, event_id=str(event.id))
        except Exception:
            log.exception("could not enqueue the webhook delivery of event %s", event.id)


async def deliver(event_id: UUID) -> bool:
    """POST the event, signed; idempotent (a delivered event is not sent again)."""
    url, secret = _webhook()
    if not url or not secret:
        return False
    event = await SecurityEvent.get_or_none(id=event_id)
    if event is None or event.delivered_at is not None:
        return False
    body = json.dumps(SecurityEventRecorded.from_model(event).payload(), separators=(",", ":"),
                      sort_keys=True).encode()
    stamp = int(time.time())  # the OS clock: the receiver checks it against its own
    headers = {"content-type": "application/json", TIMESTAMP_HEADER: str(stamp),
               SIGNATURE_HEADER: sign(secret, stamp, body),
               "user-agent": "meterwise-webhooks"}
    try:
        async with httpx.AsyncClient(timeout=WEBHOOK_TIMEOUT, follow_redirects=False) as client:
            response = await client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        metrics.WEBHOOK_DELIVERIES.labels(outcome="error").inc()
        raise WebhookFailed(f"webhook unreachable: {type(exc).__name__}") from None
    if not 200 <= response.status_code < 300:
        metrics.WEBHOOK_DELIVERIES.labels(outcome="rejected").inc()
        raise WebhookFailed(f"webhook answered {response.status_code}")
    metrics.WEBHOOK_DELIVERIES.labels(outcome="ok").inc()
    await SecurityEvent.filter(id=event.id).update(delivered_at=clock.now())
    return True


# --- reading ------------------------------------------------------------------------------


async def page(viewer: Viewer, *, first: int | None, after: str | None
               ) -> Page[SecurityEvent]:
    """The viewer's account's events, newest first (the one pagination: ``paginate``)."""
    return await paginate(scoped(SecurityEvent, viewer), first=first, after=after,
                          order_by="created_at")
