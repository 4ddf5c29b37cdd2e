"""GraphQL for provider syncs: the ``syncConnection`` mutation and the run it returns."""
