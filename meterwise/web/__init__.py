"""HTTP plumbing around the GraphQL app: pure-ASGI middleware, one job a module."""
