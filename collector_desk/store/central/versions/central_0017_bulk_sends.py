"""Bulk sends: one template a lead sends to many cases of their team, and each recipient's
outcome (queued, waiting for allowed hours, or the refusal's code) with its message.

Revision ID: central_0017
Revises: central_0016
Create Date: 2026-12-05 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from collector_desk.store.shared.types import UTCDateTime

revision: str = "central_0017"
down_revision: str | None = "central_0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bulk_sends",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["users.id"], name=op.f("fk_bulk_sends_lead_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bulk_sends")),
    )
    op.create_index(op.f("ix_bulk_sends_lead_id"), "bulk_sends", ["lead_id"], unique=False)
    op.create_table(
        "bulk_recipients",
        sa.Column("send_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=64), nullable=True),
        sa.Column("message_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["send_id"], ["bulk_sends.id"], name=op.f("fk_bulk_recipients_send_id_bulk_sends")
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_bulk_recipients_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("send_id", "case_id", name=op.f("pk_bulk_recipients")),
    )
    op.create_index(
        op.f("ix_bulk_recipients_message_id"), "bulk_recipients", ["message_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_bulk_recipients_message_id"), table_name="bulk_recipients")
    op.drop_table("bulk_recipients")
    op.drop_index(op.f("ix_bulk_sends_lead_id"), table_name="bulk_sends")
    op.drop_table("bulk_sends")
