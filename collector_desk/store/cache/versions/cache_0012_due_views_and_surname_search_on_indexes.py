"""The queue's slow reads at a million cases: an index for "Callbacks due" and "Promises due
today" (next_action, then its time), and each case's surname beside its owner and priority, so
a search for one surname (王: tens of thousands of cases) is counted and paged from one index.

An existing cache is upgraded in place: the surnames are filled from its cases and customers,
and triggers keep each row's owner and priority equal to its case's (every path that writes a
case, a pull or a contact logged here, goes through them) and remove it with its case.

Revision ID: cache_0012
Revises: cache_0011
Create Date: 2026-12-04 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from collector_desk.store.cache import search

revision: str = "cache_0012"
down_revision: str | None = "cache_0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_CASES = "status <> 'closed'"
CONTACTABILITY = ["policy_pack", "time_zone", "blocked"]

TRIGGERS = {
    "case_surnames_follow_case": (
        "AFTER UPDATE OF assigned_to, priority ON cases BEGIN"
        " UPDATE case_surnames SET assigned_to = NEW.assigned_to, priority = NEW.priority"
        " WHERE case_id = NEW.id; END"
    ),
    "case_surnames_leave_with_case": (
        "AFTER DELETE ON cases BEGIN DELETE FROM case_surnames WHERE case_id = OLD.id; END"
    ),
}


def upgrade() -> None:
    op.create_index(
        "ix_cases_open_due",
        "cases",
        ["assigned_to", "next_action", "next_action_at", "id", "status", *CONTACTABILITY],
        unique=False,
        sqlite_where=sa.text(OPEN_CASES),
    )
    op.create_table(
        "case_surnames",
        sa.Column("case_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("surname", sa.String(length=200), nullable=False),
        sa.Column("assigned_to", sa.Integer(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_surnames")),
    )
    bind = op.get_bind()
    search.rebuild_surnames(bind)  # before the index: one sort instead of a million inserts
    op.create_index(
        "ix_case_surnames_search",
        "case_surnames",
        ["assigned_to", "surname", "priority", "case_id"],
        unique=False,
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_case_surnames_search", table_name="case_surnames")
    op.drop_table("case_surnames")
    op.drop_index("ix_cases_open_due", table_name="cases")
