"""SQLAlchemy 2 over the two kinds of database, split by who runs the code.

- shared/: the tables both hold and the rules both run (a contact, a plan, a flag, a legal
  step is judged and written the same way on a desk and on the server), engines, migrations.
- cache/: the desk's own SQLite/SQLCipher cache: queue and search, the outbox, drafts, pulls
  taken in, and `actions`, every user write in one transaction with its outbox mutation.
- central/: the central store: accounts and sign-ins, imports, push and pull, the change log,
  reports.

cache/ and central/ never import each other (pyproject.toml's import contracts).
"""
