"""Spend control over GraphQL: budgets, alerts, notification channels (thin resolvers)."""
