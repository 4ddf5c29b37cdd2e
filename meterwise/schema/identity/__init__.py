"""Identity and access over GraphQL: thin resolvers over ``meterwise.services.identity``."""
