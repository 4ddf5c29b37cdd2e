"""Prometheus metrics: defined once here, incremented by whoever observes the thing.

Served (not publicly) by ``/metrics`` with the operator's bearer token; see README.
Labels are bounded: route templates, status codes, error codes, bucket names.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter("meterwise_http_requests_total", "HTTP requests answered.",
                   ["method", "path", "status"])
LATENCY = Histogram("meterwise_http_request_duration_seconds", "Time to answer a request.",
                    ["method", "path"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
GRAPHQL_ERRORS = Counter("meterwise_graphql_errors_total", "GraphQL errors by code.", ["code"])
RATE_LIMIT_HITS = Counter("meterwise_rate_limit_hits_total", "Requests refused by a rate limit.",
                          ["bucket"])
SYNC_OUTCOMES = Counter("meterwise_sync_outcomes_total", "Provider syncs by outcome.",
                        ["provider", "outcome"])
SECURITY_EVENTS = Counter("meterwise_security_events_total", "Security events recorded.",
                          ["kind", "severity"])
WEBHOOK_DELIVERIES = Counter("meterwise_webhook_deliveries_total",
                             "Security webhook delivery attempts.", ["outcome"])
QUEUE_DEPTH = Gauge("meterwise_queue_depth", "Jobs waiting in the queue.", ["queue"])


def sync_finished(provider: str, outcome: str) -> None:
    """For the sync service: ``outcome`` is ok | invalid_credentials | error | ..."""
    SYNC_OUTCOMES.labels(provider=provider, outcome=outcome).inc()
