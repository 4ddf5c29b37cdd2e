"""Telling affected users about a breach: e-mail to owners and admins, in-app notices.

``notify_affected(campaign, account_ids, facts)`` (``campaign``) is what the operator's
``meterwise incidents notify`` calls; ``inbox`` is what the ``notices`` query, the
``noticePosted`` subscription and ``acknowledgeNotice`` use.
"""

from __future__ import annotations

from meterwise.services.notices.campaign import NotifyResult, notify_affected
from meterwise.services.notices.facts import ROTATION, BreachFacts, KeyRotation

__all__ = ["ROTATION", "BreachFacts", "KeyRotation", "NotifyResult", "notify_affected"]
