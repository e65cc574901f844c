"""PySide6 lives here and only here (enforced by import-linter)."""
