"""Access reviews and the third-party view (owners/admins)."""
