"""Bucket history for roll and cure; the local KPI cache

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 21:45:43.805371
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import collector_desk.store.shared.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kpi_cache",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("period_kind", sa.String(length=8), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("bucket", sa.String(length=16), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column(
            "fetched_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint(
            "kind", "period_kind", "period", "username", "bucket", name=op.f("pk_kpi_cache")
        ),
    )
    op.create_table(
        "bucket_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "changed_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("max_dpd", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_bucket_history_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bucket_history")),
    )
    with op.batch_alter_table("bucket_history", schema=None) as batch_op:
        batch_op.create_index(
            "ix_bucket_history_case_time", ["case_id", "changed_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("bucket_history", schema=None) as batch_op:
        batch_op.drop_index("ix_bucket_history_case_time")

    op.drop_table("bucket_history")
    op.drop_table("kpi_cache")
