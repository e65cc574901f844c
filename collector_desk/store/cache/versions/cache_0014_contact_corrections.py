"""Contact corrections: a contact logged by mistake is corrected by a fact appended beside it
(who, when, why, the fields before and after); nothing of the contact is deleted.

Revision ID: cache_0014
Revises: cache_0012
Create Date: 2026-12-05 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from collector_desk.store.shared.types import UTCDateTime

revision: str = "cache_0014"
down_revision: str | None = "cache_0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_corrections",
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("server_received_at", UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_contact_corrections_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_contact_corrections_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_contact_corrections_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_corrections")),
    )
    op.create_index(
        "ix_contact_corrections_contact",
        "contact_corrections",
        ["contact_id", "recorded_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_contact_corrections_case_id"), "contact_corrections", ["case_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_corrections_case_id"), table_name="contact_corrections")
    op.drop_index("ix_contact_corrections_contact", table_name="contact_corrections")
    op.drop_table("contact_corrections")
