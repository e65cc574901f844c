"""Core schema: people, customers, accounts, cases and the facts logged about them.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 16:34:44.908691
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import collector_desk.store.shared.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_ref", sa.String(length=32), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("national_id", sa.String(length=32), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("preferred_language", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("policy_pack", sa.String(length=16), nullable=True),
        sa.Column(
            "created_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("customer_ref", name=op.f("uq_customers_customer_ref")),
    )
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("name", name=op.f("uq_teams_name")),
    )
    op.create_table(
        "card_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("account_ref", sa.String(length=32), nullable=False),
        sa.Column("card_last4", sa.String(length=4), nullable=False),
        sa.Column("product", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "credit_limit_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False
        ),
        sa.Column("balance_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("overdue_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column(
            "minimum_due_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False
        ),
        sa.Column("dpd", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=16), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("charged_off", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_card_accounts_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_accounts")),
        sa.UniqueConstraint("account_ref", name=op.f("uq_card_accounts_account_ref")),
    )
    with op.batch_alter_table("card_accounts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_card_accounts_card_last4"), ["card_last4"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_card_accounts_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "contact_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "mobile",
                "home_phone",
                "work_phone",
                "email",
                "address",
                name="contactpointkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("value", sa.String(length=300), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "self",
                "employer",
                "family",
                "reference",
                name="relation",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("holder_name", sa.String(length=200), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "valid",
                "unverified",
                "wrong_number",
                "do_not_call",
                name="contactpointstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("preferred", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_contact_points_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_points")),
    )
    with op.batch_alter_table("contact_points", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_points_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column(
            "role",
            sa.Enum("collector", "team_lead", "admin", name="role", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_users_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_events",
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "server_received_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_audit_events_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_ref", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("assigned_to", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "promised",
                "plan",
                "legal",
                "closed",
                name="casestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("segment", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("max_dpd", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=16), nullable=False),
        sa.Column("overdue_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("balance_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("next_action", sa.String(length=200), nullable=True),
        sa.Column(
            "next_action_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "last_contact_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "last_outcome",
            sa.Enum(
                "no_answer",
                "busy",
                "voicemail",
                "wrong_number",
                "disconnected",
                "third_party",
                "right_party",
                "promise_to_pay",
                "refused_to_pay",
                "dispute",
                "callback_requested",
                "claims_paid",
                "hardship",
                "language_barrier",
                name="outcome",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "promise_status",
            sa.Enum(
                "open",
                "kept",
                "partial",
                "broken",
                "cancelled",
                name="promisestatus",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "opened_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "assigned_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_to"], ["users.id"], name=op.f("fk_cases_assigned_to_users")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_cases_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_cases_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("case_ref", name=op.f("uq_cases_case_ref")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(
            "ix_cases_next_action", ["assigned_to", "next_action_at"], unique=False
        )
        batch_op.create_index("ix_cases_queue", ["assigned_to", "priority", "id"], unique=False)

    op.create_table(
        "case_flags",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "flag",
            sa.Enum(
                "dispute",
                "complaint",
                "cease_communication",
                "bankruptcy",
                "deceased",
                "fraud_victim",
                "legal_representation",
                "hardship",
                name="caseflag",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "raised_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("raised_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_flags_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["raised_by"], ["users.id"], name=op.f("fk_case_flags_raised_by_users")
        ),
        sa.PrimaryKeyConstraint("case_id", "flag", name=op.f("pk_case_flags")),
    )
    op.create_table(
        "contacts",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("contact_point_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "call",
                "sms",
                "email",
                "letter",
                "visit",
                name="channel",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "direction",
            sa.Enum("outbound", "inbound", name="direction", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "no_answer",
                "busy",
                "voicemail",
                "wrong_number",
                "disconnected",
                "third_party",
                "right_party",
                "promise_to_pay",
                "refused_to_pay",
                "dispute",
                "callback_requested",
                "claims_paid",
                "hardship",
                "language_barrier",
                name="outcome",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "started_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "server_received_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_contacts_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["contact_point_id"],
            ["contact_points.id"],
            name=op.f("fk_contacts_contact_point_id_contact_points"),
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_contacts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_case_time", ["case_id", "started_at"], unique=False)

    op.create_table(
        "notes",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "server_received_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_notes_case_id_cases")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_notes_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notes_case_id"), ["case_id"], unique=False)

    op.create_table(
        "payments",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column(
            "paid_at", collector_desk.store.shared.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "server_received_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["card_accounts.id"], name=op.f("fk_payments_account_id_card_accounts")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_payments_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index("ix_payments_case_time", ["case_id", "paid_at"], unique=False)

    op.create_table(
        "repayment_plans",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending_approval",
                "active",
                "completed",
                "broken",
                "rejected",
                name="planstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("waived_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("installment_count", sa.Integer(), nullable=False),
        sa.Column("first_due_date", sa.Date(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "server_received_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["users.id"], name=op.f("fk_repayment_plans_approved_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_repayment_plans_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_repayment_plans_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repayment_plans")),
    )
    with op.batch_alter_table("repayment_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_repayment_plans_case_id"), ["case_id"], unique=False)

    op.create_table(
        "plan_installments",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("paid_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["repayment_plans.id"],
            name=op.f("fk_plan_installments_plan_id_repayment_plans"),
        ),
        sa.PrimaryKeyConstraint("plan_id", "seq", name=op.f("pk_plan_installments")),
    )
    op.create_table(
        "promises",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "kept",
                "partial",
                "broken",
                "cancelled",
                name="promisestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("paid_minor", collector_desk.store.shared.types.MinorUnits(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "recorded_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "server_received_at",
            collector_desk.store.shared.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_promises_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_promises_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_promises_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promises")),
    )
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promises_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promises_case_id"))

    op.drop_table("promises")
    op.drop_table("plan_installments")
    with op.batch_alter_table("repayment_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_repayment_plans_case_id"))

    op.drop_table("repayment_plans")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index("ix_payments_case_time")

    op.drop_table("payments")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_case_id"))

    op.drop_table("notes")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_case_time")

    op.drop_table("contacts")
    op.drop_table("case_flags")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_queue")
        batch_op.drop_index("ix_cases_next_action")
        batch_op.drop_index(batch_op.f("ix_cases_customer_id"))

    op.drop_table("cases")
    op.drop_table("audit_events")
    op.drop_table("users")
    with op.batch_alter_table("contact_points", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_points_customer_id"))

    op.drop_table("contact_points")
    with op.batch_alter_table("card_accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_accounts_customer_id"))
        batch_op.drop_index(batch_op.f("ix_card_accounts_card_last4"))

    op.drop_table("card_accounts")
    op.drop_table("teams")
    op.drop_table("customers")
