"""Sync: per-client mutation numbers and results, the change log pulls read, sync issues.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 17:42:28.965299
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import collector_desk.store.shared.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tx", sa.BigInteger(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("previous_user_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("previous_team_id", sa.Integer(), nullable=True),
        sa.Column(
            "at", collector_desk.store.shared.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index("ix_changes_order", ["tx", "id"], unique=False)

    op.create_table(
        "sync_issues",
        sa.Column("mutation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_sync_issues")),
    )
    op.create_table(
        "sync_clients",
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("last_mutation_id", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sync_clients_user_id_users")
        ),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_sync_clients")),
    )
    op.create_table(
        "sync_results",
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["sync_clients.client_id"],
            name=op.f("fk_sync_results_client_id_sync_clients"),
        ),
        sa.PrimaryKeyConstraint("client_id", "mutation_id", name=op.f("pk_sync_results")),
    )


def downgrade() -> None:
    op.drop_table("sync_results")
    op.drop_table("sync_clients")
    op.drop_table("sync_issues")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_order")

    op.drop_table("changes")
