"""Queue indexes for every sortable column, a full-text search table, contact-log drafts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 16:58:08.161969
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import collector_desk.store.shared.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column(
            "updated_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_drafts_case_id_cases")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_drafts_user_id_users")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_drafts")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cases_open_assigned_at",
            ["assigned_to", "assigned_at", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            "ix_cases_open_balance_minor",
            ["assigned_to", "balance_minor", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            "ix_cases_open_last_contact_at",
            ["assigned_to", "last_contact_at", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            "ix_cases_open_max_dpd",
            ["assigned_to", "max_dpd", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            "ix_cases_open_next_action_at",
            ["assigned_to", "next_action_at", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            "ix_cases_open_overdue_minor",
            ["assigned_to", "overdue_minor", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            "ix_cases_open_priority",
            ["assigned_to", "priority", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            "ix_cases_promise_status", ["assigned_to", "promise_status"], unique=False
        )

    if op.get_bind().dialect.name == "sqlite":
        # The local cache's search: rowid = case id; terms = names, references, card and phone
        # digits (see store.search). The central store searches differently.
        op.execute("CREATE VIRTUAL TABLE case_search USING fts5(terms, tokenize='unicode61')")
        # An existing cache gets its cases indexed now, or search would find none of them.
        from collector_desk.store.cache import search

        search.rebuild(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS case_search")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_promise_status")
        batch_op.drop_index(
            "ix_cases_open_priority",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_index(
            "ix_cases_open_overdue_minor",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_index(
            "ix_cases_open_next_action_at",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_index(
            "ix_cases_open_max_dpd",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_index(
            "ix_cases_open_last_contact_at",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_index(
            "ix_cases_open_balance_minor",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_index(
            "ix_cases_open_assigned_at",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )

    op.drop_table("drafts")
