"""Revoked users and devices (their desktops push, then wipe); when a case closed

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 23:03:13.226947
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import collector_desk.store.shared.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "closed_at",
                collector_desk.store.shared.types.UTCDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.create_index("ix_cases_closed", ["status", "closed_at"], unique=False)

    with op.batch_alter_table("sync_clients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "revoked_at",
                collector_desk.store.shared.types.UTCDateTime(timezone=True),
                nullable=True,
            )
        )

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "wipe_requested_at",
                collector_desk.store.shared.types.UTCDateTime(timezone=True),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("wipe_requested_at")

    with op.batch_alter_table("sync_clients", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_closed")
        batch_op.drop_column("closed_at")
