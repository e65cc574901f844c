"""Compliance: legal cases, plan offers and decisions, audit by time

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 19:04:35.793250
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import collector_desk.store.shared.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "legal_cases",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("stage_dates", sa.JSON(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("referred_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_legal_cases_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["referred_by"], ["users.id"], name=op.f("fk_legal_cases_referred_by_users")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_legal_cases")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_time", ["recorded_at"], unique=False)

    with op.batch_alter_table("repayment_plans", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), server_default="plan", nullable=False)
        )
        batch_op.add_column(sa.Column("affordability", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("approval_reasons", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "decided_at",
                collector_desk.store.shared.types.UTCDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("decision_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("repayment_plans", schema=None) as batch_op:
        batch_op.drop_column("decision_reason")
        batch_op.drop_column("decided_at")
        batch_op.drop_column("approval_reasons")
        batch_op.drop_column("affordability")
        batch_op.drop_column("kind")

    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_time")

    op.drop_table("legal_cases")
