"""The desk's cache: one SQLite (SQLCipher) file per user and computer."""
