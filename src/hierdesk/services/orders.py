"""Orders from the sites, tracked across a hierarchy (``order import|list``, INTERFACES.md
§7, DOMAIN.md rule 16).

An order is known by its site and order number: importing it again changes nothing, a later
row with a status further along (open → shipped → invoiced, or cancelled) updates it, and a
row with an earlier status is older news and changes nothing — so a file can be imported
twice, or files out of order, with the same result. The invoice account is the customer's
at import time (centralised invoicing: normally the organization), and stays with the
order when the member's invoice account is overridden later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import CompoundSelect, Select, func, select, text
from sqlalchemy.orm import Session

from hierdesk.data.schema import Channel, Customer, Hierarchy, Member, SalesOrder, utcnow
from hierdesk.domain import orders as rules
from hierdesk.domain.dto import ImportResult
from hierdesk.domain.errors import RuleError, ValidationError
from hierdesk.domain.jp import normalize_email
from hierdesk.domain.rows import file_label, read_rows
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.context import Context
from hierdesk.services.members import hierarchy_row, require_b2b


@dataclass(frozen=True, slots=True)
class OrderRow:
    order: str
    channel: str
    customer: str
    customer_name: str
    invoice_account: str | None
    ordered_at: datetime
    status: str
    total: int
    currency: str


@dataclass(frozen=True, slots=True)
class OrderFilter:
    hierarchy: str | None = None
    member: str | None = None
    status: str | None = None
    channel: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderTotals:
    members: tuple[rules.Total, ...]
    invoice_accounts: tuple[rules.Total, ...]
    #: every order that matched, cancelled ones too
    orders: int
    #: the sum of the orders counted in the totals (cancelled ones are not)
    total: int


# --- import ------------------------------------------------------------------------------


def _customers(
    session: Session,
) -> tuple[dict[str, tuple[int, str | None, bool]], dict[str, list[str]]]:
    """Customers in a hierarchy by account → (id, invoice account, in a hierarchy), and
    active B2B persons by e-mail key → accounts."""
    in_hierarchy = set(session.execute(select(Member.customer_id)).scalars()) | set(
        session.execute(select(Hierarchy.organization_id)).scalars()
    )
    by_account: dict[str, tuple[int, str | None, bool]] = {}
    for cid, account, invoice in session.execute(
        select(Customer.id, Customer.account, Customer.invoice_account)
    ):
        by_account[account] = (cid, invoice or account, cid in in_hierarchy)
    by_email: dict[str, list[str]] = {}
    for key, account in session.execute(
        select(Customer.email_key, Customer.account)
        .join(Member, Member.customer_id == Customer.id)
        .where(Member.status == "active", Customer.is_b2b.is_(True))
    ):
        by_email.setdefault(str(key), []).append(account)
    return by_account, by_email


def import_orders(
    ctx: Context,
    data: bytes,
    name: str,
    *,
    encoding: str = "utf-8",
    progress: Callable[[int, int], bool] | None = None,
) -> tuple[ImportResult, int]:
    """Import every valid order row in one transaction with its audit entry. Returns the
    result (imported, duplicates — rows that changed nothing —, refused rows) and the
    number of orders whose status a later row updated. ``progress`` returning False
    cancels (nothing is imported)."""
    rows = list(read_rows(data, name, encoding))
    errors: list[ValidationError] = []
    imported = duplicates = updated = 0
    with ctx.db.write() as session:
        ctx.require(session, "clerk", N_("import orders"))
        require_b2b(session)
        _one_import_at_a_time(session)
        channels = set(session.execute(select(Channel.code)).scalars())
        by_account, by_email = _customers(session)
        known = {
            (o.channel_code, o.order_id): o for o in session.execute(select(SalesOrder)).scalars()
        }
        now = utcnow()
        for done, (row, raw) in enumerate(rows, 1):
            if progress is not None and done % 50 == 1 and not progress(done - 1, len(rows)):
                raise RuleError(
                    "import_cancelled",
                    N_("The import was cancelled; no order from {name} was imported."),
                    name=file_label(name),
                )
            order, problems = rules.validate_order(raw, row=row)
            if order is None:
                errors.extend(problems)
                continue
            existing = known.get((order.channel, order.order_id))
            if existing is not None:
                # a known order keeps its customer and invoice account: its status follows
                # even when the person who placed it has left since
                if rules.advances(existing.status, order.status):
                    existing.status = order.status
                    existing.total = order.total
                    updated += 1
                else:
                    duplicates += 1  # seen before, or older news than what is stored
                continue
            problem = _customer_problem(order, row, channels, by_account, by_email)
            if isinstance(problem, ValidationError):
                errors.append(problem)
                continue
            cid, invoice, _in_hierarchy = by_account[problem]
            record = SalesOrder(
                order_id=order.order_id,
                channel_code=order.channel,
                customer_id=cid,
                invoice_account=invoice,
                ordered_at=order.ordered_at,
                status=order.status,
                total=order.total,
                currency=order.currency,
                imported_at=now,
            )
            session.add(record)
            known[(order.channel, order.order_id)] = record
            imported += 1
        audit.record(
            session,
            ctx.login,
            "order.import",
            "file",
            file_label(name)[-60:],
            after={
                "imported": imported,
                "updated": updated,
                "duplicates": duplicates,
                "refused_rows": len({e.row for e in errors}),
            },
        )
    return ImportResult(imported, duplicates, tuple(errors)), updated


def _one_import_at_a_time(session: Session) -> None:
    """Imports of orders take turns, so two desks importing the same file at once (the
    scheduled task and a clerk) end as if one ran after the other: the second finds the
    first's orders instead of failing on them, and a status read by one is not moved back
    by the other. Lists and totals keep reading meanwhile. (On SQLite the write
    transaction already takes turns.)"""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"LOCK TABLE {SalesOrder.__tablename__} IN SHARE ROW EXCLUSIVE MODE"))


def _customer_problem(
    order: rules.OrderInput,
    row: int,
    channels: set[str],
    by_account: dict[str, tuple[int, str | None, bool]],
    by_email: dict[str, list[str]],
) -> str | ValidationError:
    """The account of the order's customer, or the problem with the row."""
    if order.channel not in channels:
        return ValidationError(
            "channel_unknown",
            N_("{field}: there is no B2B site “{value}”; known sites: {choices}."),
            field="channel",
            row=row,
            value=order.channel,
            choices=", ".join(sorted(channels)),
        )
    if order.customer is not None:
        account = order.customer
        if account not in by_account:
            return ValidationError(
                "customer_unknown",
                N_("{field}: there is no customer {value}."),
                field="customer",
                row=row,
                value=account,
            )
    else:
        assert order.email is not None
        accounts = by_email.get(normalize_email(order.email), [])
        if len(accounts) != 1:
            return ValidationError(
                "customer_unknown" if not accounts else "email_ambiguous",
                N_("{field}: no active B2B person has the e-mail {value}.")
                if not accounts
                else N_("{field}: several customers have the e-mail {value}; name the account."),
                field="email",
                row=row,
                value=order.email,
            )
        account = accounts[0]
    if not by_account[account][2]:
        return ValidationError(
            "customer_outside_hierarchy",
            N_("{field}: the customer {value} is not in a customer hierarchy."),
            field="customer",
            row=row,
            value=account,
        )
    return account


# --- lists and totals --------------------------------------------------------------------


def _hierarchy_customers(session: Session, code: str) -> CompoundSelect[Any]:
    hierarchy = hierarchy_row(session, code)
    members = select(Member.customer_id).where(Member.hierarchy_id == hierarchy.id)
    return members.union(select(Hierarchy.organization_id).where(Hierarchy.id == hierarchy.id))


def _filtered(session: Session, flt: OrderFilter, columns: Any) -> Select[Any]:
    stmt = select(*columns).join(Customer, Customer.id == SalesOrder.customer_id)
    if flt.hierarchy:
        stmt = stmt.where(SalesOrder.customer_id.in_(_hierarchy_customers(session, flt.hierarchy)))
    if flt.member:
        stmt = stmt.where(Customer.account == flt.member)
    if flt.status:
        stmt = stmt.where(SalesOrder.status == flt.status)
    if flt.channel:
        stmt = stmt.where(SalesOrder.channel_code == flt.channel)
    if flt.since:
        stmt = stmt.where(SalesOrder.ordered_at >= flt.since)
    if flt.until:
        stmt = stmt.where(SalesOrder.ordered_at < flt.until)
    return stmt


def _check_filter(flt: OrderFilter) -> None:
    if flt.status and flt.status not in rules.STATUSES:
        raise ValidationError(
            "status_unknown",
            N_("{field}: “{value}” is not an order status; use {choices}."),
            field="status",
            value=flt.status,
            choices=", ".join(rules.STATUSES),
        )


def list_orders(
    ctx: Context, flt: OrderFilter = OrderFilter(), *, offset: int = 0, limit: int | None = 200
) -> list[OrderRow]:
    """Newest first."""
    _check_filter(flt)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view orders"))
        stmt = (
            _filtered(
                session,
                flt,
                (
                    SalesOrder.order_id,
                    SalesOrder.channel_code,
                    Customer.account,
                    Customer.name,
                    SalesOrder.invoice_account,
                    SalesOrder.ordered_at,
                    SalesOrder.status,
                    SalesOrder.total,
                    SalesOrder.currency,
                ),
            )
            .order_by(SalesOrder.ordered_at.desc(), SalesOrder.id.desc())
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [OrderRow(*row) for row in session.execute(stmt)]


def count_orders(ctx: Context, flt: OrderFilter = OrderFilter()) -> int:
    _check_filter(flt)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view orders"))
        stmt = _filtered(session, flt, (SalesOrder.id,))
        return int(session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())


def totals(ctx: Context, flt: OrderFilter = OrderFilter()) -> OrderTotals:
    """Totals per member and per invoice account of the orders that match (DOMAIN.md rule
    16); cancelled orders are listed but not counted."""
    _check_filter(flt)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view orders"))
        stmt = _filtered(
            session,
            flt,
            (
                Customer.account,
                SalesOrder.invoice_account,
                SalesOrder.status,
                func.sum(SalesOrder.total),
                func.count(),
            ),
        ).group_by(Customer.account, SalesOrder.invoice_account, SalesOrder.status)
        grouped = session.execute(stmt).all()
    rows = [
        (account, invoice, status, int(amount or 0), int(count))
        for account, invoice, status, amount, count in grouped
    ]
    members, invoices = rules.totals(rows)
    return OrderTotals(
        tuple(members), tuple(invoices), sum(r[4] for r in rows), sum(t.total for t in members)
    )


def volume(
    ctx: Context, *, since: datetime | None = None, until: datetime | None = None
) -> dict[str, int]:
    """Each hierarchy's order volume (yen, cancelled orders not counted) in a period: for
    sorting the hierarchy list."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view orders"))
        member_of = (
            select(Member.customer_id.label("customer_id"), Member.hierarchy_id.label("hid"))
            .union_all(
                select(Hierarchy.organization_id.label("customer_id"), Hierarchy.id.label("hid"))
            )
            .subquery()
        )
        stmt = (
            select(Hierarchy.code, func.sum(SalesOrder.total))
            .join(member_of, member_of.c.customer_id == SalesOrder.customer_id)
            .join(Hierarchy, Hierarchy.id == member_of.c.hid)
            .where(SalesOrder.status != "cancelled")
            .group_by(Hierarchy.code)
        )
        if since:
            stmt = stmt.where(SalesOrder.ordered_at >= since)
        if until:
            stmt = stmt.where(SalesOrder.ordered_at < until)
        return {code: int(amount or 0) for code, amount in session.execute(stmt)}
