"""Identity and access: accounts, invites, sessions, MFA, API tokens, throttling.

One module a job; GraphQL resolvers, CLI commands and jobs call these functions.
"""
