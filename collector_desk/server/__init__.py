"""The central sync service: HTTP + JSON over the central store. Stateless: every request
reads what it needs from the database, so several processes can serve one PostgreSQL."""
