"""Indexes on the foreign keys a delete walks: removing a case from a cache (a reassignment,
the retention purge, the demo's copy for one collector) made SQLite scan contacts, promises and
payments once for every contact point, contact and account removed (3.1 s a case at a million).

Revision ID: central_0013
Revises: central_0012
Create Date: 2026-12-04 20:35:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "central_0013"
down_revision: str | None = "central_0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, foreign-key column): deleting a parent row made the database scan the child table
# for each one without these
CHILDREN = (
    ("contacts", "contact_point_id"),
    ("promises", "contact_id"),
    ("payments", "account_id"),
)


def upgrade() -> None:
    for table, column in CHILDREN:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def downgrade() -> None:
    for table, column in CHILDREN:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
