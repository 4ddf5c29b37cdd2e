"""Guards in the services layer: the rate-limit buckets every API process shares."""
