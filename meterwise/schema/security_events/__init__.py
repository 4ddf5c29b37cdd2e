"""Security events in the GraphQL layer: the ``securityEvents`` page and the live feed."""
