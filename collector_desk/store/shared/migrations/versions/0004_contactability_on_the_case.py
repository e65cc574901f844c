"""Contactability on the case: the customer's zone and pack and a stop-flag mark, indexed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 17:13:51.022939
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not batch mode: a million-case cache is not copied.
    op.add_column(
        "cases", sa.Column("policy_pack", sa.String(length=16), server_default="CN", nullable=False)
    )
    op.add_column(
        "cases",
        sa.Column(
            "time_zone", sa.String(length=64), server_default="Asia/Shanghai", nullable=False
        ),
    )
    op.add_column("cases", sa.Column("blocked", sa.Boolean(), server_default="0", nullable=False))
    # Fill the copies for cases already there; the stop flags as they were at this revision.
    op.execute(
        "UPDATE cases SET"
        " time_zone = (SELECT u.time_zone FROM customers u WHERE u.id = cases.customer_id),"
        " policy_pack = (SELECT COALESCE(u.policy_pack, u.country) FROM customers u"
        "                WHERE u.id = cases.customer_id),"
        " blocked = EXISTS (SELECT 1 FROM case_flags f WHERE f.case_id = cases.id AND f.flag IN"
        "   ('dispute', 'cease_communication', 'bankruptcy', 'deceased', 'legal_representation'))"
    )
    op.drop_index("ix_cases_open_priority", table_name="cases")
    op.create_index(
        "ix_cases_open_priority",
        "cases",
        ["assigned_to", "priority", "id", "policy_pack", "time_zone", "blocked"],
        unique=False,
        sqlite_where=sa.text("status <> 'closed'"),
        postgresql_where=sa.text("status <> 'closed'"),
    )
    op.drop_index("ix_cases_promise_status", table_name="cases")
    op.create_index(
        "ix_cases_promise_status",
        "cases",
        ["assigned_to", "promise_status", "priority", "id", "policy_pack", "time_zone", "blocked"],
        unique=False,
        sqlite_where=sa.text("status <> 'closed'"),
        postgresql_where=sa.text("status <> 'closed'"),
    )
    op.create_index(
        "ix_cases_open_contact_groups",
        "cases",
        ["assigned_to", "policy_pack", "time_zone", "blocked"],
        unique=False,
        sqlite_where=sa.text("status <> 'closed'"),
        postgresql_where=sa.text("status <> 'closed'"),
    )


def downgrade() -> None:
    op.drop_index("ix_cases_open_contact_groups", table_name="cases")
    op.drop_index("ix_cases_promise_status", table_name="cases")
    op.create_index("ix_cases_promise_status", "cases", ["assigned_to", "promise_status"])
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_cases_open_priority",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index(
            batch_op.f("ix_cases_open_priority"),
            ["assigned_to", "priority", "id"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_column("blocked")
        batch_op.drop_column("time_zone")
        batch_op.drop_column("policy_pack")
