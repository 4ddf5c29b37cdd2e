"""Incident notices: ``notices``, ``acknowledgeNotice`` and the ``noticePosted`` stream."""
