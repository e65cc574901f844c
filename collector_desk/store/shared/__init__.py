"""The schema and rules a desk's cache and the central store both run."""
