"""Customers keep the keys of the duplicate checks (DOMAIN.md rule 6): an organization's
company name and reading as compared, and the domain of every e-mail, each indexed (the
invoice registration number too), so the request inbox checks a page of requests in a few
indexed queries; the organizations' names get an index of their own, so a search for a
word in a company name reads only those; on PostgreSQL the searched keys get
text_pattern_ops indexes, which answer LIKE 'prefix%'

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from hierdesk.data.schema import rule6_keys

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_match_key", sa.String(length=800), nullable=True))
        batch_op.add_column(sa.Column("kana_match_key", sa.String(length=800), nullable=True))
        batch_op.add_column(sa.Column("email_domain", sa.String(length=254), nullable=True))
        batch_op.create_index(
            "ix_customer_name_match_key",
            ["name_match_key"],
            unique=False,
            postgresql_ops={"name_match_key": "text_pattern_ops"},
        )
        batch_op.create_index("ix_customer_kana_match_key", ["kana_match_key"], unique=False)
        batch_op.create_index("ix_customer_email_domain", ["email_domain"], unique=False)
        batch_op.create_index(
            "ix_customer_invoice_registration_number",
            ["invoice_registration_number"],
            unique=False,
        )
        batch_op.create_index(
            "ix_customer_organization_name_key",
            ["name_key"],
            unique=False,
            sqlite_where=sa.text("type = 'organization'"),
            postgresql_where=sa.text("type = 'organization'"),
        )
    if op.get_bind().dialect.name == "postgresql":
        # prefix searches (LIKE 'prefix%') use these indexes only with text_pattern_ops
        for column in ("name_key", "kana_key", "email_key", "corporate_number"):
            op.drop_index(f"ix_customer_{column}", table_name="customer")
            op.create_index(
                f"ix_customer_{column}",
                "customer",
                [column],
                postgresql_ops={column: "text_pattern_ops"},
            )
    # the keys of the customers there are (the version stays: nothing a desk sees changed)
    customer = sa.table(
        "customer",
        sa.column("id", sa.Integer),
        sa.column("type", sa.String),
        sa.column("name", sa.String),
        sa.column("name_kana", sa.String),
        sa.column("email_key", sa.String),
        sa.column("name_match_key", sa.String),
        sa.column("kana_match_key", sa.String),
        sa.column("email_domain", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            customer.c.id,
            customer.c.type,
            customer.c.name,
            customer.c.name_kana,
            customer.c.email_key,
        ).order_by(customer.c.id)
    ).all()
    update = (
        customer.update()
        .where(customer.c.id == sa.bindparam("cid"))
        .values(
            name_match_key=sa.bindparam("name_match_key"),
            kana_match_key=sa.bindparam("kana_match_key"),
            email_domain=sa.bindparam("email_domain"),
        )
    )
    for start in range(0, len(rows), BATCH):
        params = [
            {"cid": row.id, **rule6_keys(row.type, row.name, row.name_kana, row.email_key)}
            for row in rows[start : start + BATCH]
        ]
        if params:
            bind.execute(update, params)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in ("name_key", "kana_key", "email_key", "corporate_number"):
            op.drop_index(f"ix_customer_{column}", table_name="customer")
            op.create_index(f"ix_customer_{column}", "customer", [column])
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_organization_name_key")
        batch_op.drop_index("ix_customer_invoice_registration_number")
        batch_op.drop_index("ix_customer_email_domain")
        batch_op.drop_index("ix_customer_kana_match_key")
        batch_op.drop_index("ix_customer_name_match_key")
        batch_op.drop_column("email_domain")
        batch_op.drop_column("kana_match_key")
        batch_op.drop_column("name_match_key")
