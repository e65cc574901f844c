"""Customers' region (ISO 3166-2 subdivision without the country, "NSW"): public holidays where
the law is regional follow the customer's state or province. Empty on existing customers: their
holidays come from their time zone where it lies in one state, else are national only.

Revision ID: central_0014
Revises: central_0013
Create Date: 2026-12-05 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "central_0014"
down_revision: str | None = "central_0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("customers", sa.Column("region", sa.String(3), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("region")
