"""Compare and override members' properties (DOMAIN.md rule 8), and set one property.

The reference is the organization by default, or any member. A cell differs when the
member's value is not the reference's. Override copies the chosen properties from the
reference to the chosen members in one transaction, audited; the GUI previews it first and
can undo it with :func:`apply_changes` (which refuses when a customer changed meanwhile).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from hierdesk.data.schema import Customer, Hierarchy, LookupValue, Member, utcnow
from hierdesk.domain.dto import CompareRow, OverrideResult, PropertyChange, PropertyComparison
from hierdesk.domain.errors import NotFoundError, RuleError, ValidationError
from hierdesk.domain.lookups import CODED_PROPERTIES, PROPERTIES
from hierdesk.i18n.core import N_
from hierdesk.services import audit, stale
from hierdesk.services.context import Context
from hierdesk.services.lookups import _credit_limit, _Kind
from hierdesk.services.members import hierarchy_row, require_b2b

Value = str | int | None


def effective(customer: Any, name: str) -> Value:
    """The value that counts: a customer without an invoice account is invoiced itself."""
    value: Value = getattr(customer, name)
    if name == "invoice_account" and value is None:
        account: str = customer.account
        return account
    return value


def _check_properties(names: Iterable[str] | None) -> tuple[str, ...]:
    if names is None:
        return PROPERTIES
    chosen = tuple(dict.fromkeys(names))
    for name in chosen:
        if name not in PROPERTIES:
            raise ValidationError(
                "property_unknown",
                N_("{field}: “{value}” is not a customer property; use one of {choices}."),
                field="property",
                value=name,
                choices=", ".join(PROPERTIES),
            )
    return chosen


#: what an override reads of each customer: columns, not ORM entities (5,000 members)
_ROW_COLUMNS = (
    Customer.id,
    Customer.account,
    Customer.type,
    Customer.version,
    Customer.changed_by,
    Customer.changed_at,
    *(getattr(Customer, p) for p in PROPERTIES),
)


def _rows(session: Session, hierarchy: Hierarchy) -> list[Any]:
    """The organization first, then the members: rows with the customer's properties,
    account, version and who changed it last (the attributes the checks read)."""
    org = session.execute(
        select(*_ROW_COLUMNS).where(Customer.id == hierarchy.organization_id)
    ).one()
    members = session.execute(
        select(*_ROW_COLUMNS)
        .join(Member, Member.customer_id == Customer.id)
        .where(Member.hierarchy_id == hierarchy.id)
        .order_by(Member.role, Customer.kana_key, Customer.account)
    ).all()
    return [org, *members]


def _save(
    session: Session,
    login: str,
    code: str,
    action: str,
    updates: Sequence[tuple[Any, dict[str, Value], dict[str, Value]]],
) -> dict[str, int]:
    """Write (customer row, before, after) changes in a few executemany statements with one
    audit entry per customer; the new version of each customer changed.

    The hierarchy is locked and every version was checked in this transaction, so the
    rows are updated by id (the ORM would send one UPDATE per customer)."""
    now = utcnow()
    by_properties: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row, _before, after in updates:
        by_properties[tuple(sorted(after))].append(
            {"cid": row.id, **{f"new_{p}": v for p, v in after.items()}}
        )
    table = cast(Table, Customer.__table__)
    for names, params in by_properties.items():
        session.execute(
            update(table)
            .where(table.c.id == bindparam("cid"))
            .values(
                {
                    **{p: bindparam(f"new_{p}") for p in names},
                    "version": table.c.version + 1,
                    "changed_by": login,
                    "changed_at": now,
                }
            ),
            params,
        )
    audit.record_many(
        session,
        login,
        action,
        [("customer", row.account, before, after, code) for row, before, after in updates],
        at=now,
    )
    return {row.account: row.version + 1 for row, _before, _after in updates}


def compare(ctx: Context, code: str, reference: str | None = None) -> PropertyComparison:
    """The properties of the organization and every member, with the cells that differ
    from the reference (the organization unless ``reference`` names a member). Reads
    columns only, so thousands of members compare in a moment."""
    columns = [getattr(Customer, p) for p in PROPERTIES]
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        hierarchy = hierarchy_row(session, code)
        head = (Customer.account, Customer.type, Customer.name, Customer.version)
        org = session.execute(
            select(*head, *columns).where(Customer.id == hierarchy.organization_id)
        ).one()
        people = session.execute(
            select(*head, *columns, Member.role, Member.status)
            .join(Member, Member.customer_id == Customer.id)
            .where(Member.hierarchy_id == hierarchy.id)
            .order_by(Member.role, Customer.kana_key, Customer.account)
        ).all()
        width = len(head)

        def values(row: Any) -> dict[str, Value]:
            found = dict(zip(PROPERTIES, row[width : width + len(PROPERTIES)], strict=True))
            if found["invoice_account"] is None:  # invoiced itself (see effective())
                found["invoice_account"] = row[0]
            return found

        entries = [(org, values(org), None, None)] + [(p, values(p), p[-2], p[-1]) for p in people]
        ref_values = next((v for row, v, _role, _status in entries if row[0] == reference), None)
        if reference is not None and ref_values is None:
            raise NotFoundError(
                "member_not_found",
                N_("{account} is not a member of the customer hierarchy {code}."),
                account=reference,
                code=code,
            )
        ref_values = ref_values or entries[0][1]
        result = tuple(
            CompareRow(
                account=row[0],
                type=row[1],
                name=row[2],
                role=role,
                status=status,
                values=vals,
                differs=tuple(p for p in PROPERTIES if vals[p] != ref_values[p]),
                version=row[3],
            )
            for row, vals, role, status in entries
        )
        return PropertyComparison(code, reference or org[0], PROPERTIES, result)


def _reference(rows: list[Any], hierarchy: Hierarchy, reference: str | None) -> Any:
    if reference is None:
        return rows[0]
    for customer in rows:
        if customer.account == reference:
            return customer
    raise NotFoundError(
        "member_not_found",
        N_("{account} is not a member of the customer hierarchy {code}."),
        account=reference,
        code=hierarchy.code,
    )


def _plan(
    rows: list[Any],
    ref: Any,
    properties: tuple[str, ...],
    members: Sequence[str] | None,
    hierarchy: Hierarchy,
) -> list[tuple[Any, list[PropertyChange]]]:
    by_account = {c.account: c for c in rows}
    if members is None:
        targets = [c for c in rows if c.account != ref.account]
    else:
        targets = []
        for account in dict.fromkeys(members):
            customer = by_account.get(account)
            if customer is None:
                raise NotFoundError(
                    "member_not_found",
                    N_("{account} is not a member of the customer hierarchy {code}."),
                    account=account,
                    code=hierarchy.code,
                )
            if customer.account != ref.account:
                targets.append(customer)
    plan = []
    for customer in targets:
        # compared as they count; ``before`` is what is stored, so an undo restores it exactly
        changes = [
            PropertyChange(customer.account, p, getattr(customer, p), effective(ref, p))
            for p in properties
            if effective(customer, p) != effective(ref, p)
        ]
        if changes:
            plan.append((customer, changes))
    return plan


def preview_override(
    ctx: Context,
    code: str,
    *,
    reference: str | None = None,
    properties: Iterable[str] | None = None,
    members: Sequence[str] | None = None,
) -> tuple[PropertyChange, ...]:
    """What :func:`override` would change (nothing is written)."""
    chosen = _check_properties(properties)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        hierarchy = hierarchy_row(session, code)
        rows = _rows(session, hierarchy)
        ref = _reference(rows, hierarchy, reference)
        return tuple(
            c for _cust, changes in _plan(rows, ref, chosen, members, hierarchy) for c in changes
        )


def override(
    ctx: Context,
    code: str,
    *,
    reference: str | None = None,
    properties: Iterable[str] | None = None,
    members: Sequence[str] | None = None,
    versions: Mapping[str, int] | None = None,
) -> OverrideResult:
    """Copy the reference's values of ``properties`` (default: all) to ``members``
    (default: every other member of the hierarchy, the organization included when the
    reference is a member). ``versions`` (account → version the caller saw) refuses the
    override when one of those customers changed meanwhile."""
    chosen = _check_properties(properties)
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("override properties"))
        require_b2b(session)
        hierarchy = hierarchy_row(session, code, lock=True)
        rows = _rows(session, hierarchy)
        ref = _reference(rows, hierarchy, reference)
        for customer in rows:
            if versions and customer.account in versions:
                stale.check(
                    session, customer, versions[customer.account], stale.customer(customer.account)
                )
        plan = _plan(rows, ref, chosen, members, hierarchy)
        changed = _save(
            session,
            ctx.login,
            code,
            "property.override",
            [
                (
                    customer,
                    {c.property: c.before for c in customer_changes},
                    {c.property: c.after for c in customer_changes},
                )
                for customer, customer_changes in plan
            ],
        )
        changes = tuple(c for _customer, customer_changes in plan for c in customer_changes)
        return OverrideResult(changes, {c.account: changed.get(c.account, c.version) for c in rows})


def _touch(customer: Customer, login: str) -> None:
    customer.changed_by = login
    customer.changed_at = utcnow()


def apply_changes(
    ctx: Context,
    code: str,
    changes: Sequence[PropertyChange],
    versions: Mapping[str, int],
    *,
    action: str = "property.undo",
) -> OverrideResult:
    """Set each change's ``after`` value (undo passes the override's changes reversed), in
    one transaction. Refused when a customer's version is not the one in ``versions``
    (another desk changed it since), so nothing is silently overwritten."""
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("override properties"))
        require_b2b(session)
        hierarchy = hierarchy_row(session, code, lock=True)
        rows = {c.account: c for c in _rows(session, hierarchy)}
        by_account: dict[str, list[PropertyChange]] = {}
        for change in changes:
            _check_properties([change.property])
            by_account.setdefault(change.account, []).append(change)
        for account in by_account:
            customer = rows.get(account)
            if customer is None:
                raise NotFoundError(
                    "member_not_found",
                    N_("{account} is not a member of the customer hierarchy {code}."),
                    account=account,
                    code=code,
                )
            stale.check(session, customer, versions.get(account), stale.customer(account))
        changed = _save(
            session,
            ctx.login,
            code,
            action,
            [
                (
                    rows[account],
                    {c.property: getattr(rows[account], c.property) for c in account_changes},
                    {c.property: c.after for c in account_changes},
                )
                for account, account_changes in by_account.items()
            ],
        )
        return OverrideResult(
            tuple(changes), {a: changed.get(a, c.version) for a, c in rows.items()}
        )


def _customer(session: Session, account: str) -> Customer:
    row = session.execute(
        select(Customer).where(Customer.account == account).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        raise NotFoundError(
            "customer_not_found", N_("There is no customer {account}."), account=account
        )
    return row


def clean_value(session: Session, name: str, value: object) -> Value:
    """Check a property value: an active lookup code, a yen amount, or a customer account."""
    _check_properties([name])
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if name == "credit_limit":
        return _credit_limit(value)
    text = str(value).strip()
    if name == "invoice_account":
        exists = session.execute(
            select(Customer.id).where(Customer.account == text)
        ).scalar_one_or_none()
        if exists is None:
            raise ValidationError(
                "invoice_account_unknown",
                N_("{field}: there is no customer {value} to send invoices to."),
                field=name,
                value=text,
            )
        return text
    assert name in CODED_PROPERTIES
    row = session.execute(
        select(LookupValue.active).where(LookupValue.kind == name, LookupValue.code == text)
    ).first()
    if row is None or not row.active:
        raise ValidationError(
            "property_value_unknown" if row is None else "property_value_inactive",
            N_("{field}: {code} is not an active value of the lookup “{kind}”."),
            field=name,
            code=text,
            kind=_Kind(name),
        )
    return text


def set_property(
    ctx: Context, account: str, name: str, value: object, *, version: int | None = None
) -> tuple[Value, Value, int]:
    """Change one property of one customer; returns (before, after, new version)."""
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("change customer properties"))
        require_b2b(session)
        customer = _customer(session, account)
        stale.check(session, customer, version, stale.customer(account))
        new = clean_value(session, name, value)
        old = getattr(customer, name)
        if old != new:
            setattr(customer, name, new)
            _touch(customer, ctx.login)
            hierarchy = _hierarchy_of(session, customer)
            audit.record(
                session,
                ctx.login,
                "property.change",
                "customer",
                account,
                before={name: old},
                after={name: new},
                hierarchy=hierarchy,
            )
            session.flush()
        return old, new, customer.version


def _hierarchy_of(session: Session, customer: Customer) -> str | None:
    if customer.type == "organization":
        return session.execute(
            select(Hierarchy.code).where(Hierarchy.organization_id == customer.id)
        ).scalar_one_or_none()
    return session.execute(
        select(Hierarchy.code)
        .join(Member, Member.hierarchy_id == Hierarchy.id)
        .where(Member.customer_id == customer.id)
    ).scalar_one_or_none()


def customer_detail(ctx: Context, account: str) -> dict[str, Any]:
    """``customer show``: the customer with its hierarchy, role, status and properties."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        row = session.execute(
            select(Customer).where(Customer.account == account)
        ).scalar_one_or_none()
        if row is None:
            raise NotFoundError(
                "customer_not_found", N_("There is no customer {account}."), account=account
            )
        member = session.execute(
            select(Member.role, Member.status).where(Member.customer_id == row.id)
        ).first()
        return {
            "account": row.account,
            "type": row.type,
            "name": row.name,
            "name_kana": row.name_kana,
            "email": row.email,
            "hierarchy": _hierarchy_of(session, row),
            "role": member.role if member else None,
            "status": member.status if member else None,
            "properties": {p: getattr(row, p) for p in PROPERTIES},
            "version": row.version,
        }


__all__ = [
    "RuleError",
    "apply_changes",
    "clean_value",
    "compare",
    "customer_detail",
    "override",
    "preview_override",
    "set_property",
]
