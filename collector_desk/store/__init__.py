"""SQLAlchemy schema and queries, Alembic migrations, the local cache and the central store."""
