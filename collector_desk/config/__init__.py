"""Configuration shipped under resources/: located, parsed and turned into domain objects."""
