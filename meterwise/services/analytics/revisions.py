"""Provider revisions of stored usage: what changed after a bucket was first read complete.

The sync's re-read keeps a ``UsageRevision`` for every line a provider changed, added or
removed in a bucket it had already reported in full; this is the read side. Rows come only
from the viewer's account (``scoped``), and the filter means what it means for ``usage``:
[from, to) over the revised bucket, providers, connection ids, models, projects.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.queryset import QuerySet

from meterwise.models.usage import UsageRevision
from meterwise.services.analytics.query import Granularity, build_request
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer

__all__ = ["revisions_query"]


def revisions_query(viewer: Viewer, *, start: datetime, end: datetime,
                    providers: list[str] | None = None,
                    connection_ids: list[str] | None = None,
                    models: list[str] | None = None,
                    projects: list[str] | None = None) -> QuerySet[UsageRevision]:
    """The viewer's revisions of buckets in [start, end) matching the filter (unordered).

    Raises ``UserInputError`` for a range or filter the user can fix, as ``usage`` does.
    """
    request = build_request(viewer.account_id, start=start, end=end,
                            granularity=Granularity.MONTH, providers=providers,
                            connection_ids=connection_ids, models=models, projects=projects)
    query = scoped(UsageRevision, viewer).filter(bucket_start__gte=request.start,
                                                 bucket_start__lt=request.end)
    if request.providers is not None:
        query = query.filter(provider__in=request.providers)
    if request.connection_ids is not None:
        query = query.filter(connection_id__in=request.connection_ids)
    if request.models is not None:
        query = query.filter(model__in=request.models)
    if request.projects is not None:
        query = query.filter(project__in=request.projects)
    return query
