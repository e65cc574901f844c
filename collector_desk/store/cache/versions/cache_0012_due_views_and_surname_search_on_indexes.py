"""The queue's slow reads at a million cases: an index for "Callbacks due" and "Promises due
today" (next_action, then its time), so each is counted and paged without reading a row.

Revision ID: cache_0012
Revises: cache_0011
Create Date: 2026-12-04 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "cache_0012"
down_revision: str | None = "cache_0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_CASES = "status <> 'closed'"
CONTACTABILITY = ["policy_pack", "time_zone", "blocked"]


def upgrade() -> None:
    op.create_index(
        "ix_cases_open_due",
        "cases",
        ["assigned_to", "next_action", "next_action_at", "id", "status", *CONTACTABILITY],
        unique=False,
        sqlite_where=sa.text(OPEN_CASES),
    )


def downgrade() -> None:
    op.drop_index("ix_cases_open_due", table_name="cases")
