"""The queue's sort and filter indexes on cases stay on the desk: the central store never sorts
a collector's queue, and keeping nine indexes cost every case it writes (an allocation import of
a million lines spent half of its merge on them).

Revision ID: central_0012
Revises: central_0011
Create Date: 2026-12-04 19:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "central_0012"
down_revision: str | None = "central_0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONTACTABILITY = ["policy_pack", "time_zone", "blocked"]
# name: columns, as the shared schema defines them for the desk
DESK_ONLY = {
    "ix_cases_open_priority": ["assigned_to", "priority", "id", *CONTACTABILITY],
    **{
        f"ix_cases_open_{column}": ["assigned_to", column, "id"]
        for column in (
            "overdue_minor",
            "balance_minor",
            "max_dpd",
            "last_contact_at",
            "next_action_at",
            "assigned_at",
        )
    },
    "ix_cases_promise_status": ["assigned_to", "promise_status", "priority", "id", *CONTACTABILITY],
    "ix_cases_open_contact_groups": ["assigned_to", *CONTACTABILITY],
}


def upgrade() -> None:
    for name in DESK_ONLY:
        op.drop_index(name, table_name="cases")


def downgrade() -> None:
    for name, columns in DESK_ONLY.items():
        op.create_index(
            name,
            "cases",
            columns,
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
