"""Members of a customer hierarchy: adding people, roles, disabling (DOMAIN.md rules 5, 7).

Managers (and administrators) change members; every change is one transaction with its
audit entry. Every hierarchy keeps at least one active admin (rule 7; hierdesk allows
several, unlike Dynamics 365's single admin).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Customer, Hierarchy, Member, utcnow
from hierdesk.domain.dto import MemberInfo
from hierdesk.domain.errors import NotFoundError, RuleError, ValidationError
from hierdesk.domain.jp import (
    normalize_email,
    search_key,
    to_katakana,
    validate_email,
    validate_kana,
)
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.domain.model import LABELS, MEMBER_ROLES
from hierdesk.i18n.core import N_, _
from hierdesk.services import audit, stale
from hierdesk.services.context import Context
from hierdesk.services.features import FeatureNames, is_enabled
from hierdesk.services.numbering import allocate, lock_reference

NAME_MAX = 100
REASON_MAX = 400
HIERARCHY_NAME_MAX = 200


class _Role(str):
    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(_(LABELS.get(str(self), str(self))), spec)


def require_b2b(session: Session) -> None:
    """Rule 1: hierarchies' B2B actions need the b2b feature."""
    if not is_enabled(session, "b2b"):
        raise RuleError(
            "feature_off",
            N_(
                "Customer hierarchies are changed only with {feature} on. An administrator "
                "switches it on under Settings ▸ Feature management."
            ),
            feature=FeatureNames(("b2b",)),
        )


def hierarchy_row(session: Session, code: str, *, lock: bool = False) -> Hierarchy:
    stmt = select(Hierarchy).where(Hierarchy.code == code)
    if lock:
        stmt = stmt.with_for_update()
    row = session.execute(stmt).scalar_one_or_none()
    if row is None:
        raise NotFoundError(
            "hierarchy_not_found", N_("There is no customer hierarchy {code}."), code=code
        )
    return row


def _member(session: Session, hierarchy: Hierarchy, account: str) -> tuple[Member, Customer]:
    row = session.execute(
        select(Member, Customer)
        .join(Customer, Customer.id == Member.customer_id)
        .where(Member.hierarchy_id == hierarchy.id, Customer.account == account)
        .with_for_update()
    ).first()
    if row is None:
        raise NotFoundError(
            "member_not_found",
            N_("{account} is not a member of the customer hierarchy {code}."),
            account=account,
            code=hierarchy.code,
        )
    return row[0], row[1]


def _active_admins(session: Session, hierarchy: Hierarchy) -> int:
    return int(
        session.execute(
            select(func.count(Member.id)).where(
                Member.hierarchy_id == hierarchy.id,
                Member.role == "admin",
                Member.status == "active",
            )
        ).scalar_one()
    )


def _last_admin(hierarchy: Hierarchy, account: str, action: str) -> RuleError:
    return RuleError(
        "last_admin",
        N_(
            "{account} is the last active admin of {code}; {action} would leave the partner "
            "without an admin. Make another member admin first."
        ),
        account=account,
        code=hierarchy.code,
        action=_Action(action),
    )


class _Action(str):
    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(_(str(self)), spec)


def email_in_use(session: Session, email: str, *, except_customer: int | None = None) -> str | None:
    """Rule 5: the account of an active B2B person with this e-mail, or None."""
    stmt = (
        select(Customer.account)
        .join(Member, Member.customer_id == Customer.id)
        .where(
            Customer.type == "person",
            Customer.is_b2b.is_(True),
            Customer.email_key == normalize_email(email),
            Member.status == "active",
        )
    )
    if except_customer is not None:
        stmt = stmt.where(Customer.id != except_customer)
    return session.execute(stmt.limit(1)).scalar_one_or_none()


def _email_refusal(email: str, account: str) -> RuleError:
    return RuleError(
        "email_in_use",
        N_(
            "{email} already belongs to the active user {customer}; one address can sign in "
            "for one customer only."
        ),
        email=email,
        customer=account,
    )


def _info(member: Member, customer: Customer) -> MemberInfo:
    return MemberInfo(
        account=customer.account,
        name=customer.name,
        name_kana=customer.name_kana,
        email=customer.email,
        role=member.role,
        status=member.status,
        disabled_reason=member.disabled_reason,
        added_at=member.added_at,
        added_by=member.added_by,
        version=member.version,
    )


# --- reading -----------------------------------------------------------------------------


def list_members(ctx: Context, code: str) -> list[MemberInfo]:
    """The people of a hierarchy: admins first, then users, by reading (one query of
    columns: a partner with thousands of members opens quickly)."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        hierarchy = hierarchy_row(session, code)
        rows = session.execute(
            select(
                Customer.account,
                Customer.name,
                Customer.name_kana,
                Customer.email,
                Member.role,
                Member.status,
                Member.disabled_reason,
                Member.added_at,
                Member.added_by,
                Member.version,
            )
            .join(Customer, Customer.id == Member.customer_id)
            .where(Member.hierarchy_id == hierarchy.id)
            .order_by(Member.role, Customer.kana_key, Customer.account)
        ).all()
        return [
            MemberInfo(
                account=r[0],
                name=r[1],
                name_kana=r[2],
                email=r[3],
                role=r[4],
                status=r[5],
                disabled_reason=r[6],
                added_at=r[7],
                added_by=r[8],
                version=r[9],
            )
            for r in rows
        ]


# --- changing ----------------------------------------------------------------------------


def _text(
    value: str | None, field: str, limit: int = NAME_MAX, *, required: bool = False
) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(
                "field_required", N_("{field}: a value is required."), field=field
            )
        return None
    if len(text) > limit:
        raise ValidationError(
            "field_too_long",
            N_("{field}: at most {limit} characters; this value has {count}."),
            field=field,
            limit=limit,
            count=len(text),
        )
    return text


def add_member(
    ctx: Context,
    code: str,
    *,
    email: str,
    last_name: str,
    first_name: str,
    last_name_kana: str | None = None,
    first_name_kana: str | None = None,
    role: str = "user",
    phone: str | None = None,
    department: str | None = None,
    job_title: str | None = None,
    language: str = "ja",
) -> MemberInfo:
    """Create a person customer with the organization's properties (billed to it) and add
    it to the hierarchy. The e-mail may not belong to another active B2B person (rule 5)."""
    if role not in MEMBER_ROLES:
        raise ValidationError(
            "role_unknown",
            N_("{field}: “{value}” is not a member role; use admin or user."),
            field="role",
            value=role,
        )
    address = validate_email(email)
    last = _text(last_name, "last_name", required=True)
    first = _text(first_name, "first_name", required=True)
    last_kana = validate_kana(last_name_kana, "last_name_kana") if last_name_kana else None
    first_kana = validate_kana(first_name_kana, "first_name_kana") if first_name_kana else None
    if language not in ("ja", "en"):
        raise ValidationError(
            "language_unknown",
            N_("{field}: “{value}” is not a language; use ja or en."),
            field="language",
            value=language,
        )
    assert last is not None
    assert first is not None
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("add members"))
        require_b2b(session)
        # Rule 5 across desks: wait for other desks' new people before the e-mail check,
        # taking the customer-account lock before the hierarchy, in the order approvals do.
        lock_reference(session, "customer_account")
        hierarchy = hierarchy_row(session, code, lock=True)
        existing = email_in_use(session, address)
        if existing is not None:
            raise _email_refusal(address, existing)
        org = session.get_one(Customer, hierarchy.organization_id)
        now = utcnow()
        name = f"{first} {last}" if language == "en" and first.isascii() else f"{last} {first}"
        kana = " ".join(k for k in (last_kana, first_kana) if k) or None
        customer = Customer(
            account=allocate(session, "customer_account"),
            type="person",
            is_b2b=True,
            language=language,
            name=name,
            name_kana=kana,
            last_name=last,
            first_name=first,
            last_name_kana=last_kana,
            first_name_kana=first_kana,
            email=address,
            phone=_text(phone, "phone", 40),
            department=_text(department, "department"),
            job_title=_text(job_title, "job_title"),
            name_key=search_key(f"{last}{first}"),
            kana_key=search_key(to_katakana((last_kana or "") + (first_kana or ""))),
            email_key=normalize_email(address),
            created_at=now,
            created_by=ctx.login,
            **{p: getattr(org, p) for p in PROPERTIES if p != "invoice_account"},
            invoice_account=org.account,
        )
        session.add(customer)
        session.flush()
        member = Member(
            hierarchy_id=hierarchy.id,
            customer_id=customer.id,
            role=role,
            status="active",
            added_at=now,
            added_by=ctx.login,
        )
        session.add(member)
        session.flush()
        audit.record(
            session,
            ctx.login,
            "customer.create",
            "customer",
            customer.account,
            after={
                "type": "person",
                "name": name,
                "email": address,
                **{p: getattr(customer, p) for p in PROPERTIES},
            },
            hierarchy=code,
        )
        audit.record(
            session,
            ctx.login,
            "member.add",
            "hierarchy",
            code,
            after={"customer": customer.account, "role": role},
            hierarchy=code,
        )
        return _info(member, customer)


def set_role(
    ctx: Context, code: str, account: str, role: str, *, version: int | None = None
) -> MemberInfo:
    """Make a member admin or user; demoting the last active admin is refused (rule 7)."""
    if role not in MEMBER_ROLES:
        raise ValidationError(
            "role_unknown",
            N_("{field}: “{value}” is not a member role; use admin or user."),
            field="role",
            value=role,
        )
    with _editing(ctx, code, account, version, N_("change member roles")) as (
        session,
        hierarchy,
        member,
        customer,
    ):
        if member.role == role:
            return _info(member, customer)
        if (
            member.role == "admin"
            and member.status == "active"
            and _active_admins(session, hierarchy) <= 1
        ):
            raise _last_admin(hierarchy, account, N_("making them a user"))
        before = member.role
        member.role = role
        return _saved(
            session, ctx.login, member, customer, "member.role", {"role": before}, {"role": role}
        )


@contextlib.contextmanager
def _editing(
    ctx: Context,
    code: str,
    account: str,
    version: int | None,
    action: str,
    *,
    lock_accounts: bool = False,
) -> Iterator[tuple[Session, Hierarchy, Member, Customer]]:
    """The write transaction of a change to one member: the manager role, B2B on, the
    hierarchy locked, the member found and its version checked (rule 13). With
    ``lock_accounts`` the customer-account lock is taken first (rule 5 across desks, in
    the lock order approvals use)."""
    with ctx.db.write() as session:
        ctx.require(session, "manager", action)
        require_b2b(session)
        if lock_accounts:
            lock_reference(session, "customer_account")
        hierarchy = hierarchy_row(session, code, lock=True)
        member, customer = _member(session, hierarchy, account)
        stale.check(session, member, version, stale.customer(account))
        yield session, hierarchy, member, customer


def _saved(
    session: Session,
    login: str,
    member: Member,
    customer: Customer,
    action: str,
    before: dict[str, Any],
    after: dict[str, Any],
) -> MemberInfo:
    """Stamp and audit a member's change in its transaction; the member as it is now."""
    _touch(member, login)
    hierarchy = session.get(Hierarchy, member.hierarchy_id)
    audit.record(
        session,
        login,
        action,
        "customer",
        customer.account,
        before=before,
        after=after,
        hierarchy=hierarchy.code if hierarchy is not None else None,
    )
    session.flush()
    return _info(member, customer)


def _touch(row: Member | Customer | Hierarchy, login: str) -> None:
    row.changed_by = login
    row.changed_at = utcnow()


def disable_member(
    ctx: Context, code: str, account: str, reason: str, *, version: int | None = None
) -> MemberInfo:
    """Disable a member with a reason; disabling the last active admin is refused."""
    text = _text(reason, "reason", REASON_MAX, required=True)
    with _editing(ctx, code, account, version, N_("disable members")) as (
        session,
        hierarchy,
        member,
        customer,
    ):
        if member.status == "disabled":
            return _info(member, customer)
        if member.role == "admin" and _active_admins(session, hierarchy) <= 1:
            raise _last_admin(hierarchy, account, N_("disabling them"))
        member.status = "disabled"
        member.disabled_reason = text
        return _saved(
            session,
            ctx.login,
            member,
            customer,
            "member.disable",
            {"status": "active"},
            {"status": "disabled", "reason": text},
        )


def enable_member(
    ctx: Context, code: str, account: str, *, version: int | None = None
) -> MemberInfo:
    """Enable a disabled member again, unless its e-mail now belongs to another active
    B2B person (rule 5)."""
    with _editing(ctx, code, account, version, N_("enable members"), lock_accounts=True) as (
        session,
        _hierarchy,
        member,
        customer,
    ):
        if member.status == "active":
            return _info(member, customer)
        if customer.email:
            other = email_in_use(session, customer.email, except_customer=customer.id)
            if other is not None:
                raise _email_refusal(customer.email, other)
        before = member.disabled_reason
        member.status = "active"
        member.disabled_reason = None
        return _saved(
            session,
            ctx.login,
            member,
            customer,
            "member.enable",
            {"status": "disabled", "reason": before},
            {"status": "active"},
        )


def rename_hierarchy(
    ctx: Context, code: str, name: str, *, version: int | None = None
) -> dict[str, Any]:
    """Change a hierarchy's name (it defaults to the company name)."""
    text = _text(name, "name", HIERARCHY_NAME_MAX, required=True)
    assert text is not None
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("rename customer hierarchies"))
        require_b2b(session)
        hierarchy = hierarchy_row(session, code, lock=True)
        stale.check(session, hierarchy, version, stale.hierarchy(code))
        if hierarchy.name != text:
            before = hierarchy.name
            hierarchy.name = text
            _touch(hierarchy, ctx.login)
            audit.record(
                session,
                ctx.login,
                "hierarchy.rename",
                "hierarchy",
                code,
                before={"name": before},
                after={"name": text},
                hierarchy=code,
            )
            session.flush()
        return {"id": code, "name": hierarchy.name, "version": hierarchy.version}


def hierarchy_version(ctx: Context, code: str) -> tuple[str, int, datetime | None, str | None]:
    """The name and version of a hierarchy (for editing its name)."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        row = hierarchy_row(session, code)
        return row.name, row.version, row.changed_at, row.changed_by
