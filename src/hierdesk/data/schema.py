"""The schema of the whole domain (DOMAIN.md), as SQLAlchemy 2 typed mappings.

Conventions:
- integer surrogate keys ``id``; the business identifiers (``customer.account``,
  ``hierarchy.code``, ``channel.code`` …) are unique columns;
- every editable row has ``version`` as SQLAlchemy's ``version_id_col``: a stale save
  raises ``StaleDataError``, which the services turn into a conflict naming who changed it;
- relationships are ``lazy="raise"`` so an N+1 fails in tests instead of slowing views;
- normalised search keys (``*_key``) are stored beside what the user typed;
- timestamps are UTC (stored naive, returned aware).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from hierdesk.domain.jp import company_match_key, email_domain

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as naive UTC and returned as aware UTC on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Mixin: optimistic versioning on every editable row."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declared_attr takes the class
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


# --- configuration -----------------------------------------------------------------------


class LookupValue(Versioned, Base):
    """Coded values for customer properties, with Japanese and English names."""

    __tablename__ = "lookup_value"
    __table_args__ = (UniqueConstraint("kind", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(20))
    name_ja: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AppSetting(Versioned, Base):
    """Company-wide settings kept in the database (shared by every desk)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    changed_by: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Feature(Versioned, Base):
    __tablename__ = "feature"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_by: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class NumberSequence(Versioned, Base):
    __tablename__ = "number_sequence"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    format: Mapped[str] = mapped_column(String(40))
    smallest: Mapped[int] = mapped_column(BigInteger)
    largest: Mapped[int] = mapped_column(BigInteger)
    next: Mapped[int] = mapped_column(BigInteger)
    continuous: Mapped[bool] = mapped_column(Boolean, default=False)
    stopped: Mapped[bool] = mapped_column(Boolean, default=False)


class SequenceReference(Versioned, Base):
    """Which sequence issues the IDs of a reference (``hierarchy_id``, ``customer_account``)."""

    __tablename__ = "sequence_reference"

    reference: Mapped[str] = mapped_column(String(40), primary_key=True)
    sequence_id: Mapped[int] = mapped_column(ForeignKey("number_sequence.id"))


class Operator(Versioned, Base):
    __tablename__ = "operator"

    login: Mapped[str] = mapped_column(String(80), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(80))


class Channel(Versioned, Base):
    __tablename__ = "channel"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# --- customers and hierarchies -----------------------------------------------------------


def _pattern_ops(column: str) -> dict[str, str]:
    return {column: "text_pattern_ops"}


class Customer(Versioned, Base):
    """An organization (partner company) or a person (a user at the partner)."""

    __tablename__ = "customer"
    __table_args__ = (
        # prefix searches: on PostgreSQL LIKE 'prefix%' uses an index only with
        # text_pattern_ops (SQLite searches a range, see hierdesk.data.sql)
        Index("ix_customer_name_key", "name_key", postgresql_ops=_pattern_ops("name_key")),
        Index("ix_customer_kana_key", "kana_key", postgresql_ops=_pattern_ops("kana_key")),
        Index("ix_customer_email_key", "email_key", postgresql_ops=_pattern_ops("email_key")),
        Index(
            "ix_customer_corporate_number",
            "corporate_number",
            postgresql_ops=_pattern_ops("corporate_number"),
        ),
        Index(
            "ix_customer_name_match_key",
            "name_match_key",
            postgresql_ops=_pattern_ops("name_match_key"),
        ),
        Index("ix_customer_kana_match_key", "kana_match_key"),
        Index("ix_customer_email_domain", "email_domain"),
        Index("ix_customer_invoice_registration_number", "invoice_registration_number"),
        # the organizations' names alone, read whole by a search for a word in a name
        Index(
            "ix_customer_organization_name_key",
            "name_key",
            sqlite_where=text("type = 'organization'"),
            postgresql_where=text("type = 'organization'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(20), unique=True)
    type: Mapped[str] = mapped_column(String(20))  # organization | person
    is_b2b: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(5), default="ja")
    # organization
    name: Mapped[str] = mapped_column(String(200))  # company name, or "last first" of a person
    name_kana: Mapped[str | None] = mapped_column(String(200))
    corporate_number: Mapped[str | None] = mapped_column(String(13))
    invoice_registration_number: Mapped[str | None] = mapped_column(String(14))
    # person
    last_name: Mapped[str | None] = mapped_column(String(100))
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name_kana: Mapped[str | None] = mapped_column(String(100))
    first_name_kana: Mapped[str | None] = mapped_column(String(100))
    department: Mapped[str | None] = mapped_column(String(100))
    job_title: Mapped[str | None] = mapped_column(String(100))
    # contact and address
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    postal_code: Mapped[str | None] = mapped_column(String(8))
    prefecture: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(100))
    address_line1: Mapped[str | None] = mapped_column(String(200))
    address_line2: Mapped[str | None] = mapped_column(String(200))
    # properties compared across a hierarchy
    customer_group: Mapped[str | None] = mapped_column(String(20))
    price_group: Mapped[str | None] = mapped_column(String(20))
    line_discount_group: Mapped[str | None] = mapped_column(String(20))
    multiline_discount_group: Mapped[str | None] = mapped_column(String(20))
    total_discount_group: Mapped[str | None] = mapped_column(String(20))
    payment_terms: Mapped[str | None] = mapped_column(String(20))
    delivery_mode: Mapped[str | None] = mapped_column(String(20))
    credit_limit: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    sales_tax_group: Mapped[str | None] = mapped_column(String(20))
    invoice_account: Mapped[str | None] = mapped_column(String(20))
    # normalised keys for matching and search (NFKC, case folded, katakana)
    name_key: Mapped[str] = mapped_column(String(200), default="")
    kana_key: Mapped[str] = mapped_column(String(200), default="")
    email_key: Mapped[str | None] = mapped_column(String(254))
    # the keys of DOMAIN.md rule 6, kept by the mapper (see _rule6_keys): an organization's
    # company name and reading as compared, and the domain of a customer's e-mail
    name_match_key: Mapped[str | None] = mapped_column(String(800))
    kana_match_key: Mapped[str | None] = mapped_column(String(800))
    email_domain: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    changed_by: Mapped[str | None] = mapped_column(String(80))


def rule6_keys(
    type_: str, name: str | None, name_kana: str | None, email_key: str | None
) -> dict[str, str | None]:
    """The duplicate-check keys of a customer (DOMAIN.md rule 6), as stored."""
    organization = type_ == "organization"
    return {
        "name_match_key": (company_match_key(name or "") or None) if organization else None,
        "kana_match_key": (company_match_key(name_kana or "") or None) if organization else None,
        "email_domain": email_domain(email_key or "") or None,
    }


@event.listens_for(Customer, "before_insert")
@event.listens_for(Customer, "before_update")
def _rule6_keys(_mapper: Any, _connection: Any, target: Customer) -> None:
    """Whatever code saves a customer, its duplicate-check keys follow its name, reading
    and e-mail (bulk inserts without the ORM call :func:`rule6_keys` themselves)."""
    for key, value in rule6_keys(
        target.type, target.name, target.name_kana, target.email_key
    ).items():
        if getattr(target, key) != value:
            setattr(target, key, value)


class Hierarchy(Versioned, Base):
    __tablename__ = "hierarchy"
    __table_args__ = (Index("ix_hierarchy_sort_key", "sort_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(40), default="b2b_organization")
    organization_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), unique=True)
    #: the organization's kana reading without legal form: sorts あいうえお順
    sort_key: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    changed_by: Mapped[str | None] = mapped_column(String(80))

    organization: Mapped[Customer] = relationship(lazy="raise")


class Member(Versioned, Base):
    """A person in a hierarchy (a person belongs to at most one hierarchy)."""

    __tablename__ = "member"
    __table_args__ = (Index("ix_member_hierarchy", "hierarchy_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hierarchy_id: Mapped[int] = mapped_column(ForeignKey("hierarchy.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), unique=True)
    role: Mapped[str] = mapped_column(String(10))  # admin | user
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | disabled
    disabled_reason: Mapped[str | None] = mapped_column(String(400))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    added_by: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    changed_by: Mapped[str | None] = mapped_column(String(80))

    customer: Mapped[Customer] = relationship(lazy="raise")


class ChannelGrant(Versioned, Base):
    __tablename__ = "channel_grant"

    hierarchy_id: Mapped[int] = mapped_column(
        ForeignKey("hierarchy.id", ondelete="CASCADE"), primary_key=True
    )
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id"), primary_key=True)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    granted_by: Mapped[str | None] = mapped_column(String(80))


class Catalog(Versioned, Base):
    __tablename__ = "catalog"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CatalogChannel(Base):
    __tablename__ = "catalog_channel"

    catalog_id: Mapped[int] = mapped_column(
        ForeignKey("catalog.id", ondelete="CASCADE"), primary_key=True
    )
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id"), primary_key=True)


class CatalogAssignment(Base):
    __tablename__ = "catalog_assignment"

    hierarchy_id: Mapped[int] = mapped_column(
        ForeignKey("hierarchy.id", ondelete="CASCADE"), primary_key=True
    )
    catalog_id: Mapped[int] = mapped_column(ForeignKey("catalog.id"), primary_key=True)
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    assigned_by: Mapped[str | None] = mapped_column(String(80))


# --- requests, orders, sign-ins, distribution, notifications -------------------------------


class Request(Versioned, Base):
    """A prospect (見込顧客) as sent by a site: a partner sign-up or an admin adding a user."""

    __tablename__ = "request"
    __table_args__ = (
        UniqueConstraint("channel_code", "external_id"),
        Index("ix_request_status_received", "status", "received_at"),
        Index("ix_request_kana_key", "kana_key"),
        Index("ix_request_email_key", "email_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(60))
    channel_code: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10), default="partner")  # partner | add_user
    status: Mapped[str] = mapped_column(String(10), default="pending")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    company_name: Mapped[str | None] = mapped_column(String(200))
    company_name_kana: Mapped[str | None] = mapped_column(String(200))
    corporate_number: Mapped[str | None] = mapped_column(String(40))
    invoice_registration_number: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str] = mapped_column(String(254))
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name_kana: Mapped[str | None] = mapped_column(String(100))
    first_name_kana: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    job_title: Mapped[str | None] = mapped_column(String(100))
    department: Mapped[str | None] = mapped_column(String(100))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    prefecture: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(100))
    address_line1: Mapped[str | None] = mapped_column(String(200))
    address_line2: Mapped[str | None] = mapped_column(String(200))
    employee_count: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(5), default="ja")
    comments: Mapped[str | None] = mapped_column(Text)
    target_hierarchy: Mapped[str | None] = mapped_column(String(20))  # add_user: hierarchy code
    requested_by: Mapped[str | None] = mapped_column(String(254))
    decided_by: Mapped[str | None] = mapped_column(String(80))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reject_reason: Mapped[str | None] = mapped_column(Text)
    created_hierarchy: Mapped[str | None] = mapped_column(String(20))
    created_organization: Mapped[str | None] = mapped_column(String(20))
    created_person: Mapped[str | None] = mapped_column(String(20))
    name_key: Mapped[str] = mapped_column(String(200), default="")
    kana_key: Mapped[str] = mapped_column(String(200), default="")
    email_key: Mapped[str] = mapped_column(String(254), default="")


class SalesOrder(Versioned, Base):
    __tablename__ = "sales_order"
    __table_args__ = (
        UniqueConstraint("channel_code", "order_id"),
        Index("ix_sales_order_customer", "customer_id", "ordered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[str] = mapped_column(String(60))
    channel_code: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    invoice_account: Mapped[str | None] = mapped_column(String(20))
    ordered_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(12))
    total: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="JPY")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdentityRecord(Versioned, Base):
    """A site sign-in and the customer it was linked to (automatic linking)."""

    __tablename__ = "identity_record"
    __table_args__ = (UniqueConstraint("channel_code", "identity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    identity_id: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254))
    email_key: Mapped[str] = mapped_column(String(254), index=True)
    channel_code: Mapped[str] = mapped_column(String(20))
    signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str] = mapped_column(String(30))
    #: the customer linked, or the one the problem is about (not linked, see ``linked_at``)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    #: what a clerk needs to act on a problem: the accounts sharing the e-mail, the hierarchy
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    linked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DistributionRun(Base):
    __tablename__ = "distribution_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_code: Mapped[str] = mapped_column(String(20), index=True)
    run_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    run_by: Mapped[str | None] = mapped_column(String(80))
    customers: Mapped[int] = mapped_column(Integer, default=0)
    hierarchies: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    #: of the changed: customers taken out of the site's file (disabled, grant revoked)
    withdrawn: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: hierarchies held back from the site (no catalog on it while ``catalogs`` is on)
    held_back: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    path: Mapped[str | None] = mapped_column(Text)


class DistributionRecord(Base):
    """Which customer was published to which channel, at which version."""

    __tablename__ = "distribution_record"

    channel_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    published_version: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    run_id: Mapped[int] = mapped_column(ForeignKey("distribution_run.id"))
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class Notification(Base):
    """Approved / rejected notifications queued for SMTP or the outbox folder."""

    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("request.id"))
    kind: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(5))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(
        String(10), default="queued"
    )  # queued | sending | sent | written
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """Append-only: written in the same transaction as the change it records."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity", "entity_type", "entity_id"),
        Index("ix_audit_entry_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    operator: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60))
    hierarchy_code: Mapped[str | None] = mapped_column(String(20), index=True)
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
