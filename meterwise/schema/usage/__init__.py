"""GraphQL for usage analytics: the ``usage`` report, its loaders and live subscriptions."""
