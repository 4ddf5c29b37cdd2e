"""Security incidents, operator level: ``rubric`` (what SEV1 … SEV4 mean, how fast each
escalates), ``records`` (open, deduplicate, timeline, affected accounts, owner),
``transitions`` (open → acknowledged → contained → resolved → closed), ``detection`` (the
rules over security events and system checks), ``escalation`` (security contacts notified
through the spend senders until someone acknowledges), ``response`` (containment and the
breach notice campaign applied to the affected accounts), ``checklist`` and ``report``
(the post-incident write-up, Markdown and JSON).
"""
