"""Initial schema of the whole domain (DOMAIN.md)

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=60), nullable=False),
        sa.Column("hierarchy_code", sa.String(length=20), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_entry_entity", ["entity_type", "entity_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_entry_hierarchy_code"), ["hierarchy_code"], unique=False
        )

    op.create_table(
        "catalog",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog")),
        sa.UniqueConstraint("code", name=op.f("uq_catalog_code")),
    )
    op.create_table(
        "channel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel")),
        sa.UniqueConstraint("code", name=op.f("uq_channel_code")),
    )
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=20), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("is_b2b", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_kana", sa.String(length=200), nullable=True),
        sa.Column("corporate_number", sa.String(length=13), nullable=True),
        sa.Column("invoice_registration_number", sa.String(length=14), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("last_name_kana", sa.String(length=100), nullable=True),
        sa.Column("first_name_kana", sa.String(length=100), nullable=True),
        sa.Column("department", sa.String(length=100), nullable=True),
        sa.Column("job_title", sa.String(length=100), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("postal_code", sa.String(length=8), nullable=True),
        sa.Column("prefecture", sa.String(length=2), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("address_line1", sa.String(length=200), nullable=True),
        sa.Column("address_line2", sa.String(length=200), nullable=True),
        sa.Column("customer_group", sa.String(length=20), nullable=True),
        sa.Column("price_group", sa.String(length=20), nullable=True),
        sa.Column("line_discount_group", sa.String(length=20), nullable=True),
        sa.Column("multiline_discount_group", sa.String(length=20), nullable=True),
        sa.Column("total_discount_group", sa.String(length=20), nullable=True),
        sa.Column("payment_terms", sa.String(length=20), nullable=True),
        sa.Column("delivery_mode", sa.String(length=20), nullable=True),
        sa.Column("credit_limit", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("sales_tax_group", sa.String(length=20), nullable=True),
        sa.Column("invoice_account", sa.String(length=20), nullable=True),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("kana_key", sa.String(length=200), nullable=False),
        sa.Column("email_key", sa.String(length=254), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("changed_by", sa.String(length=80), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("account", name=op.f("uq_customer_account")),
    )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index("ix_customer_corporate_number", ["corporate_number"], unique=False)
        batch_op.create_index("ix_customer_email_key", ["email_key"], unique=False)
        batch_op.create_index("ix_customer_kana_key", ["kana_key"], unique=False)
        batch_op.create_index("ix_customer_name_key", ["name_key"], unique=False)

    op.create_table(
        "distribution_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_code", sa.String(length=20), nullable=False),
        sa.Column("run_at", sa.DateTime(), nullable=False),
        sa.Column("run_by", sa.String(length=80), nullable=True),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.Column("hierarchies", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution_run")),
    )
    with op.batch_alter_table("distribution_run", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_distribution_run_channel_code"), ["channel_code"], unique=False
        )

    op.create_table(
        "feature",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_feature")),
    )
    op.create_table(
        "lookup_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_ja", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lookup_value")),
        sa.UniqueConstraint("kind", "code", name=op.f("uq_lookup_value_kind_code")),
    )
    op.create_table(
        "number_sequence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("format", sa.String(length=40), nullable=False),
        sa.Column("smallest", sa.BigInteger(), nullable=False),
        sa.Column("largest", sa.BigInteger(), nullable=False),
        sa.Column("next", sa.BigInteger(), nullable=False),
        sa.Column("continuous", sa.Boolean(), nullable=False),
        sa.Column("stopped", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_sequence")),
        sa.UniqueConstraint("code", name=op.f("uq_number_sequence_code")),
    )
    op.create_table(
        "operator",
        sa.Column("login", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_operator")),
    )
    op.create_table(
        "request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=60), nullable=False),
        sa.Column("channel_code", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("company_name", sa.String(length=200), nullable=True),
        sa.Column("company_name_kana", sa.String(length=200), nullable=True),
        sa.Column("corporate_number", sa.String(length=40), nullable=True),
        sa.Column("invoice_registration_number", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name_kana", sa.String(length=100), nullable=True),
        sa.Column("first_name_kana", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("job_title", sa.String(length=100), nullable=True),
        sa.Column("department", sa.String(length=100), nullable=True),
        sa.Column("postal_code", sa.String(length=20), nullable=True),
        sa.Column("prefecture", sa.String(length=20), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("address_line1", sa.String(length=200), nullable=True),
        sa.Column("address_line2", sa.String(length=200), nullable=True),
        sa.Column("employee_count", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("comments", sa.Text(), nullable=True),
        sa.Column("target_hierarchy", sa.String(length=20), nullable=True),
        sa.Column("requested_by", sa.String(length=254), nullable=True),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("created_hierarchy", sa.String(length=20), nullable=True),
        sa.Column("created_organization", sa.String(length=20), nullable=True),
        sa.Column("created_person", sa.String(length=20), nullable=True),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("kana_key", sa.String(length=200), nullable=False),
        sa.Column("email_key", sa.String(length=254), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request")),
        sa.UniqueConstraint(
            "channel_code", "external_id", name=op.f("uq_request_channel_code_external_id")
        ),
    )
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.create_index("ix_request_email_key", ["email_key"], unique=False)
        batch_op.create_index("ix_request_kana_key", ["kana_key"], unique=False)
        batch_op.create_index("ix_request_status_received", ["status", "received_at"], unique=False)

    op.create_table(
        "catalog_channel",
        sa.Column("catalog_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["catalog_id"],
            ["catalog.id"],
            name=op.f("fk_catalog_channel_catalog_id_catalog"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["channel_id"], ["channel.id"], name=op.f("fk_catalog_channel_channel_id_channel")
        ),
        sa.PrimaryKeyConstraint("catalog_id", "channel_id", name=op.f("pk_catalog_channel")),
    )
    op.create_table(
        "distribution_record",
        sa.Column("channel_code", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("published_version", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_distribution_record_customer_id_customer"),
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["distribution_run.id"],
            name=op.f("fk_distribution_record_run_id_distribution_run"),
        ),
        sa.PrimaryKeyConstraint("channel_code", "customer_id", name=op.f("pk_distribution_record")),
    )
    op.create_table(
        "hierarchy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("sort_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("changed_by", sa.String(length=80), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["customer.id"], name=op.f("fk_hierarchy_organization_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hierarchy")),
        sa.UniqueConstraint("code", name=op.f("uq_hierarchy_code")),
        sa.UniqueConstraint("organization_id", name=op.f("uq_hierarchy_organization_id")),
    )
    with op.batch_alter_table("hierarchy", schema=None) as batch_op:
        batch_op.create_index("ix_hierarchy_sort_key", ["sort_key"], unique=False)

    op.create_table(
        "identity_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity_id", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_key", sa.String(length=254), nullable=False),
        sa.Column("channel_code", sa.String(length=20), nullable=False),
        sa.Column("signed_in_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("linked_at", sa.DateTime(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_identity_record_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_record")),
        sa.UniqueConstraint(
            "channel_code", "identity_id", name=op.f("uq_identity_record_channel_code_identity_id")
        ),
    )
    with op.batch_alter_table("identity_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_identity_record_email_key"), ["email_key"], unique=False
        )

    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"], ["request.id"], name=op.f("fk_notification_request_id_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    op.create_table(
        "sales_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.String(length=60), nullable=False),
        sa.Column("channel_code", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("invoice_account", sa.String(length=20), nullable=True),
        sa.Column("ordered_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_sales_order_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order")),
        sa.UniqueConstraint(
            "channel_code", "order_id", name=op.f("uq_sales_order_channel_code_order_id")
        ),
    )
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sales_order_customer", ["customer_id", "ordered_at"], unique=False
        )

    op.create_table(
        "sequence_reference",
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("sequence_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sequence_id"],
            ["number_sequence.id"],
            name=op.f("fk_sequence_reference_sequence_id_number_sequence"),
        ),
        sa.PrimaryKeyConstraint("reference", name=op.f("pk_sequence_reference")),
    )
    op.create_table(
        "catalog_assignment",
        sa.Column("hierarchy_id", sa.Integer(), nullable=False),
        sa.Column("catalog_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.Column("assigned_by", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["catalog_id"], ["catalog.id"], name=op.f("fk_catalog_assignment_catalog_id_catalog")
        ),
        sa.ForeignKeyConstraint(
            ["hierarchy_id"],
            ["hierarchy.id"],
            name=op.f("fk_catalog_assignment_hierarchy_id_hierarchy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hierarchy_id", "catalog_id", name=op.f("pk_catalog_assignment")),
    )
    op.create_table(
        "channel_grant",
        sa.Column("hierarchy_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column("granted_by", sa.String(length=80), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"], ["channel.id"], name=op.f("fk_channel_grant_channel_id_channel")
        ),
        sa.ForeignKeyConstraint(
            ["hierarchy_id"],
            ["hierarchy.id"],
            name=op.f("fk_channel_grant_hierarchy_id_hierarchy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hierarchy_id", "channel_id", name=op.f("pk_channel_grant")),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hierarchy_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("disabled_reason", sa.String(length=400), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("changed_by", sa.String(length=80), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_member_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["hierarchy_id"],
            ["hierarchy.id"],
            name=op.f("fk_member_hierarchy_id_hierarchy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("customer_id", name=op.f("uq_member_customer_id")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_hierarchy", ["hierarchy_id", "role"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        # DOMAIN.md rule 12: the audit trail is append-only, and the database says so too.
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"""
                CREATE TRIGGER audit_entry_no_{event.lower()}
                BEFORE {event} ON audit_entry
                BEGIN
                    SELECT RAISE(ABORT, 'audit entries cannot be changed or deleted');
                END
                """
            )
    if op.get_bind().dialect.name == "postgresql":
        # DOMAIN.md rule 12: the audit trail is append-only, and the database says so too.
        op.execute(
            """
            CREATE FUNCTION hierdesk_audit_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit entries cannot be changed or deleted'
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$
            """
        )
        op.execute(
            """
            CREATE TRIGGER audit_entry_append_only
            BEFORE UPDATE OR DELETE ON audit_entry
            FOR EACH STATEMENT EXECUTE FUNCTION hierdesk_audit_append_only()
            """
        )
        op.execute(
            """
            CREATE TRIGGER audit_entry_no_truncate
            BEFORE TRUNCATE ON audit_entry
            FOR EACH STATEMENT EXECUTE FUNCTION hierdesk_audit_append_only()
            """
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS hierdesk_audit_append_only()")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_hierarchy")

    op.drop_table("member")
    op.drop_table("channel_grant")
    op.drop_table("catalog_assignment")
    op.drop_table("sequence_reference")
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_order_customer")

    op.drop_table("sales_order")
    op.drop_table("notification")
    with op.batch_alter_table("identity_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_identity_record_email_key"))

    op.drop_table("identity_record")
    with op.batch_alter_table("hierarchy", schema=None) as batch_op:
        batch_op.drop_index("ix_hierarchy_sort_key")

    op.drop_table("hierarchy")
    op.drop_table("distribution_record")
    op.drop_table("catalog_channel")
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_index("ix_request_status_received")
        batch_op.drop_index("ix_request_kana_key")
        batch_op.drop_index("ix_request_email_key")

    op.drop_table("request")
    op.drop_table("operator")
    op.drop_table("number_sequence")
    op.drop_table("lookup_value")
    op.drop_table("feature")
    with op.batch_alter_table("distribution_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_distribution_run_channel_code"))

    op.drop_table("distribution_run")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_name_key")
        batch_op.drop_index("ix_customer_kana_key")
        batch_op.drop_index("ix_customer_email_key")
        batch_op.drop_index("ix_customer_corporate_number")

    op.drop_table("customer")
    op.drop_table("channel")
    op.drop_table("catalog")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_hierarchy_code"))
        batch_op.drop_index("ix_audit_entry_entity")
        batch_op.drop_index("ix_audit_entry_at")

    op.drop_table("audit_entry")
    op.drop_table("app_setting")
