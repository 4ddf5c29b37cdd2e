"""Usage analytics, the read side: reports aggregated in PostgreSQL, CSV export, live events.

``query`` validates a request and builds its SQL, ``report`` runs it, ``export`` streams it
as CSV and ``live`` turns the account's event channel into subscription events.
"""
