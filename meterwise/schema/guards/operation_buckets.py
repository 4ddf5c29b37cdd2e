"""``RateLimits``: every GraphQL operation pays its cost into the caller's bucket.

Anonymous callers pay per client IP, signed-in callers per user (API tokens per token),
so a shared office NAT does not starve its signed-in users. Authentication mutations also
pay into stricter buckets, per IP and (``logIn``) per target email, so a brute force from
one address and one spread over many addresses are both slowed down. Those fields are
found by the shield's document walk wherever they sit (fragments, inline fragments,
aliases) and each copy pays; an operation with more than one is refused after paying.
IP keys are ``ip_bucket``s (an IPv6 client's whole /64). Over the limit: a
``RATE_LIMITED`` error with ``retryAfter``, HTTP 429 and ``Retry-After``; on success the
``RateLimit-*`` headers tell well-behaved clients how much is left.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

from graphql import FieldNode, value_from_ast_untyped
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from meterwise.config import Settings
from meterwise.schema.context import Context
from meterwise.schema.errors import CodedGraphQLError
from meterwise.schema.guards.limits import document_walk
from meterwise.schema.guards.rules import too_complex
from meterwise.services.guards import ratelimit
from meterwise.services.guards.ratelimit import Bucket, Decision, ip_bucket, points_bucket
from meterwise.services.security_events import suspicious
from meterwise.web.request_rate import rate_limit_headers

log = logging.getLogger(__name__)

KeyFn = Callable[[Context, dict[str, Any]], str | None]


@dataclass(frozen=True)
class AuthRule:
    bucket: Bucket
    key: KeyFn


def _ip(context: Context, _: dict[str, Any]) -> str:
    return ip_bucket(context.client_ip)


def _email(_: Context, args: dict[str, Any]) -> str | None:
    data = args.get("input")
    email = data.get("email") if isinstance(data, dict) else None
    return email.strip().casefold() if isinstance(email, str) and email.strip() else None


def auth_rules(settings: Settings) -> dict[str, list[AuthRule]]:
    """Root field -> the strict buckets it pays into (one point per attempt)."""
    n = settings.rate_limit_auth_attempts
    login_ip = AuthRule(Bucket("auth.login.ip", n, 60), _ip)
    login_email = AuthRule(Bucket("auth.login.email", n, 900), _email)
    mfa_ip = AuthRule(Bucket("auth.mfa.ip", n, 60), _ip)
    signup_ip = AuthRule(Bucket("auth.signup.ip", n, 3600), _ip)
    return {
        "logIn": [login_ip, login_email],
        "verifyMfa": [mfa_ip],
        "signUp": [signup_ip],
        "acceptInvite": [signup_ip],
    }


class RateLimits(SchemaExtension):
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = auth_rules(settings)

    @classmethod
    def factory(cls, settings: Settings) -> Callable[[], RateLimits]:
        return lambda: cls(settings)

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if isinstance(context, Context):
            await self._charge(context)
        yield

    def _cost(self) -> int:
        result = document_walk(self.execution_context)
        return 1 if result is None or result.cost_error is not None else result.cost

    def _auth_hits(self, context: Context) -> Iterator[tuple[Bucket, str, int]]:
        """Every authentication field of the mutation that will run, wherever it sits
        (fragments, inline fragments, aliases), with how many times it would run."""
        result = document_walk(self.execution_context)
        if result is None:
            return
        variables = self.execution_context.variables
        for node, times in result.root_fields:
            for rule in self.rules.get(node.name.value, ()):
                key = rule.key(context, _arguments(node, variables))
                if key is not None:
                    yield rule.bucket, key, times

    def _attempts(self) -> int:
        result = document_walk(self.execution_context)
        return 0 if result is None else sum(
            times for node, times in result.root_fields if node.name.value in self.rules)

    async def _charge(self, context: Context) -> None:
        viewer = context.viewer
        bucket, principal = points_bucket(self.settings, viewer, context.client_ip)
        decision = await ratelimit.check(bucket, principal, max(1, self._cost()))
        if decision.allowed:
            for auth_bucket, key, times in self._auth_hits(context):
                auth = await ratelimit.check(auth_bucket, key, times)
                if not auth.allowed:
                    decision = auth
                    break
        _set_headers(context.response, decision)
        if not decision.allowed:
            await suspicious.on_rate_limited(
                bucket=decision.bucket, account_id=viewer.account_id if viewer else None,
                ip=context.client_ip, jobs=context.jobs)
            raise CodedGraphQLError("Too many requests; try again later.", "RATE_LIMITED",
                                    retryAfter=max(1, int(decision.retry_after + 0.999)))
        if self._attempts() > 1:  # charged in full above; one guess per request, no batch
            raise too_complex("One authentication attempt per request.")


def _arguments(node: FieldNode, variables: dict[str, Any] | None) -> dict[str, Any]:
    """The field's arguments as plain values (variables substituted, nothing coerced)."""
    try:
        return {arg.name.value: value_from_ast_untyped(arg.value, variables or {})
                for arg in node.arguments or ()}
    except Exception:  # malformed input: the operation fails validation of its own
        return {}


def _set_headers(response: Any, decision: Decision) -> None:
    if not isinstance(response, Response):
        return  # WebSocket operations have no per-message headers
    for name, value in rate_limit_headers(decision).items():
        response.headers[name] = value
    if not decision.allowed:
        response.status_code = 429
