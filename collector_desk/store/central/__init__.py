"""The central store: PostgreSQL in a bank, a SQLite file for the embedded demo."""
