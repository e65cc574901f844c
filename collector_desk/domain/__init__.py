"""Pure collections logic: no Qt, no SQL, no HTTP (enforced by import-linter)."""
