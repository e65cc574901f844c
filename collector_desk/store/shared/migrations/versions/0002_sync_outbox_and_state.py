"""Sync outbox and sync state: what waits to be pushed, and where the last pull ended.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import collector_desk.store.shared.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("mutation_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column(
            "created_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_sync_outbox")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    op.drop_table("sync_outbox")
