"""GraphQL for closing an account for good (``deleteAccount``)."""
