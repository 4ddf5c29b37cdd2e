"""GraphQL for provider connections: queries, mutations and the explicit connection type."""
