"""Distribution runs count withdrawn customers and held-back hierarchies; a sign-in keeps
what a clerk needs to act on its problem

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("distribution_run", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("withdrawn", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("held_back", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("identity_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("identity_record", schema=None) as batch_op:
        batch_op.drop_column("detail")
    with op.batch_alter_table("distribution_run", schema=None) as batch_op:
        batch_op.drop_column("held_back")
        batch_op.drop_column("withdrawn")
