"""Frozen data transfer objects: what services hand to the GUI and the CLI.

They hold plain values only (no ORM objects), so views can keep them in memory and a
closed session can never be touched from a widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from hierdesk.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class OperatorInfo:
    login: str
    role: str | None  # None: not registered (or disabled) in this database
    active: bool


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    display: str
    backend: str


@dataclass(frozen=True, slots=True)
class HierarchySummary:
    """A row of the hierarchy list (one query per page, member counts included)."""

    code: str
    name: str
    sort_key: str
    organization_account: str
    organization_name: str
    organization_kana: str | None
    members: int
    channels: tuple[str, ...] = ()
    #: the order volume in yen of the period asked for (sorting by volume), else None
    volume: int | None = None


@dataclass(frozen=True, slots=True)
class MemberNode:
    """The organization or a member, as shown under a hierarchy."""

    account: str
    type: str  # organization | person
    name: str
    name_kana: str | None
    email: str | None
    role: str | None  # None for the organization
    status: str | None


@dataclass(frozen=True, slots=True)
class CustomerDetail:
    account: str
    type: str
    name: str
    name_kana: str | None
    email: str | None
    hierarchy: str | None
    role: str | None
    status: str | None
    properties: dict[str, str | int | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HierarchyDetail:
    code: str
    name: str
    purpose: str
    organization: CustomerDetail
    members: tuple[MemberNode, ...]
    channels: tuple[str, ...]
    created_at: datetime | None = None
    created_by: str | None = None


@dataclass(frozen=True, slots=True)
class RequestRow:
    id: int
    external_id: str
    kind: str
    channel: str
    company_name: str | None
    company_name_kana: str | None
    email: str
    contact: str
    status: str
    received_at: datetime | None
    #: duplicate reasons (DOMAIN.md rule 6), strongest first; filled for the inbox
    warnings: tuple[str, ...] = ()
    corporate_number: str | None = None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    operator: str
    action: str
    entity_type: str
    entity_id: str
    hierarchy: str | None
    before: object
    after: object


@dataclass(frozen=True, slots=True)
class DistributionRunRow:
    id: int
    channel: str
    run_at: datetime
    run_by: str | None
    customers: int
    hierarchies: int
    changed: int


@dataclass(frozen=True, slots=True)
class FeatureState:
    key: str
    enabled: bool
    requires: tuple[str, ...]
    changed_by: str | None
    changed_at: datetime | None
    version: int = 0  # 0: never switched (no row yet)


@dataclass(frozen=True, slots=True)
class InitResult:
    created: bool  # the schema was created now
    upgraded: bool  # an older schema was upgraded
    administrator: str | None  # the operator made administrator on an empty database
    backup: str | None = None  # the copy taken before the upgrade (SQLite)


@dataclass(frozen=True, slots=True)
class DemoResult:
    scale: int
    hierarchies_added: int
    customers_added: int
    requests_added: int
    orders_added: int


@dataclass(frozen=True, slots=True)
class SequenceInfo:
    code: str
    name: str
    format: str
    smallest: int
    largest: int
    next: int
    continuous: bool
    stopped: bool
    references: tuple[str, ...]
    version: int = 0


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    code: str
    name: str
    active: bool
    hierarchies: int = 0  # hierarchies with a grant for it


@dataclass(frozen=True, slots=True)
class OperatorRow:
    login: str
    role: str
    active: bool
    created_at: datetime | None
    created_by: str | None
    version: int = 0


@dataclass(frozen=True, slots=True)
class LookupInfo:
    kind: str
    code: str
    name_ja: str
    name_en: str
    is_default: bool
    active: bool
    version: int = 0


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the audit log shows; every part optional."""

    operator: str | None = None
    action: str | None = None  # an action code, or a prefix such as "feature."
    entity: str | None = None  # an entity ID or a hierarchy ID
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    text: str | None = None  # anywhere in the before/after values or the IDs


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: rows taken, rows seen before, and each refused row's problems."""

    imported: int
    duplicates: int
    errors: tuple[ValidationError, ...] = ()


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """An existing customer a request may duplicate (DOMAIN.md rule 6)."""

    customer: str
    hierarchy: str | None
    #: corporate_number, invoice_number, email, email_domain, company_name or company_kana
    reason: str
    strong: bool  # strong: approving as a new hierarchy is refused


@dataclass(frozen=True, slots=True)
class ApprovalReview:
    """A request as the approval wizard (or ``request show``) sees it, with the clerk's
    corrections applied: what does not validate, the duplicate candidates of the corrected
    values, and the IDs the number sequences would issue."""

    request_id: int
    kind: str
    status: str
    channel: str
    channel_name: str
    values: dict[str, object]  # intake field name → value (corrected, normalised)
    errors: tuple[ValidationError, ...]
    candidates: tuple[DuplicateCandidate, ...]
    target: str | None  # add_user: the hierarchy the request names
    target_name: str | None
    requester_problem: str | None  # add_user: why the requester may not add users, or None
    next_hierarchy: str | None  # None: the sequence would refuse
    next_accounts: tuple[str, ...]
    decided_by: str | None = None
    decided_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NotificationOutcome:
    """What happened to a notification: ``sent`` (SMTP), ``written`` (outbox .eml) or
    ``queued`` (not delivered yet; ``error`` says why, it is retried later)."""

    id: int
    kind: str
    recipient: str
    status: str
    where: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionResult:
    """What deciding a request created (approval) or recorded (rejection)."""

    request_id: int
    status: str  # approved | rejected
    hierarchy: str | None = None
    hierarchy_name: str | None = None
    organization: str | None = None
    person: str | None = None
    role: str | None = None
    created_hierarchy: bool = False
    grants: tuple[str, ...] = ()
    notification: NotificationOutcome | None = None


@dataclass(frozen=True, slots=True)
class NotificationRow:
    id: int
    request_id: int | None
    kind: str
    language: str
    recipient: str
    subject: str
    status: str
    created_at: datetime
    sent_at: datetime | None
    error: str | None


@dataclass(frozen=True, slots=True)
class MemberInfo:
    """A member of a hierarchy as the Members tab shows it."""

    account: str
    name: str
    name_kana: str | None
    email: str | None
    role: str
    status: str
    disabled_reason: str | None
    added_at: datetime | None
    added_by: str | None
    version: int


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One customer of a hierarchy in the compare grid (DOMAIN.md rule 8)."""

    account: str
    type: str  # organization | person
    name: str
    role: str | None
    status: str | None
    values: dict[str, str | int | None]
    differs: tuple[str, ...]  # properties whose value is not the reference's
    version: int


@dataclass(frozen=True, slots=True)
class PropertyComparison:
    hierarchy: str
    reference: str  # the account the others are compared with
    properties: tuple[str, ...]
    rows: tuple[CompareRow, ...]


@dataclass(frozen=True, slots=True)
class PropertyChange:
    account: str
    property: str
    before: str | int | None
    after: str | int | None


@dataclass(frozen=True, slots=True)
class OverrideResult:
    """What an override (or its undo) changed, and the customers' versions after it."""

    changes: tuple[PropertyChange, ...]
    versions: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return len({c.account for c in self.changes})


@dataclass(frozen=True, slots=True)
class AccessDecision:
    """Whether a customer may use a B2B site (DOMAIN.md rule 9), and the stable reason."""

    allowed: bool
    reason: str
