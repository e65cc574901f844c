"""Consent: the channels a number's or an address's holder agreed to be sent, where a policy
pack needs that before a message (US: texts to a mobile).

Revision ID: cache_0016
Revises: cache_0015
Create Date: 2026-12-05 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "cache_0016"
down_revision: str | None = "cache_0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact_points") as table:
        table.add_column(sa.Column("consented", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contact_points") as table:
        table.drop_column("consented")
