"""The bilingual demo dataset (``hierdesk-cli demo`` and ``hierdesk --demo``).

Deterministic and idempotent: the content comes from :mod:`hierdesk.domain.demo_content`;
a company already present (matched by its corporate number), a request or an order already
imported is skipped, so running the load again with the same scale changes nothing and a
larger scale only adds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.schema import (
    AppSetting,
    Catalog,
    CatalogAssignment,
    CatalogChannel,
    Channel,
    ChannelGrant,
    Customer,
    Feature,
    Hierarchy,
    Member,
    Operator,
    Request,
    SalesOrder,
    utcnow,
)
from hierdesk.domain import demo_content as content
from hierdesk.domain.dto import DemoResult
from hierdesk.domain.errors import UsageError
from hierdesk.domain.jp import kana_sort_key, normalize_email, search_key, to_katakana
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.context import Context
from hierdesk.services.numbering import allocate_many

DEFAULT_SCALE = 25
MAX_SCALE = 100_000
#: The features the demo switches on so that every area has something to show.
DEMO_FEATURES = ("b2b", "channel_restriction")

Progress = Callable[[int, int], None]


def _person_name(person: content.DemoPerson) -> str:
    if person.language == "en" and person.first_name.isascii():
        return f"{person.first_name} {person.last_name}"
    return f"{person.last_name} {person.first_name}"


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def check_scale(scale: int) -> None:
    """Refuse a scale out of range before anything is created."""
    if not 1 <= scale <= MAX_SCALE:
        raise UsageError(
            "demo_scale_invalid",
            N_("--scale must be a whole number from 1 to {max}; got {value}."),
            max=MAX_SCALE,
            value=scale,
        )


def is_loaded(ctx: Context, scale: int = DEFAULT_SCALE) -> bool:
    """Whether the demo dataset of ``scale`` (or larger) is in the database: its load
    records the scale in the same transaction, so a load that never finished says no."""
    with ctx.db.read() as session:
        setting = session.get(AppSetting, "demo_scale")
        return setting is not None and int(setting.value) >= scale


def load_demo(
    ctx: Context, scale: int = DEFAULT_SCALE, progress: Progress | None = None
) -> DemoResult:
    check_scale(scale)
    companies = content.demo_companies(scale)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("load the demo dataset"))
        now = utcnow()
        _ensure_reference_data(session, ctx.login, now)
        by_key, added_h, added_c = _ensure_companies(session, ctx.login, companies, now, progress)
        added_r = _ensure_requests(session, companies, by_key, now)
        added_o = _ensure_orders(session, companies, by_key)
        if added_h or added_c or added_r or added_o:
            setting = session.get(AppSetting, "demo_scale")
            if setting is None:
                session.add(
                    AppSetting(key="demo_scale", value=scale, changed_by=ctx.login, changed_at=now)
                )
            elif int(setting.value) < scale:
                setting.value = scale
                setting.changed_by, setting.changed_at = ctx.login, now
            audit.record(
                session,
                ctx.login,
                "demo.load",
                "database",
                ctx.db.location.display,
                after={
                    "scale": scale,
                    "hierarchies": added_h,
                    "customers": added_c,
                    "requests": added_r,
                    "orders": added_o,
                },
            )
    return DemoResult(scale, added_h, added_c, added_r, added_o)


def _ensure_reference_data(session: Session, login: str, now: datetime) -> None:
    channels = {c.code: c for c in session.execute(select(Channel)).scalars()}
    for ch in content.DEMO_CHANNELS:
        if ch.code not in channels:
            row = Channel(code=ch.code, name=ch.name, active=True)
            session.add(row)
            channels[ch.code] = row
            audit.record(
                session, login, "channel.create", "channel", ch.code, after={"name": ch.name}
            )
    session.flush()
    catalogs = set(session.execute(select(Catalog.code)).scalars())
    for cat in content.DEMO_CATALOGS:
        if cat.code in catalogs:
            continue
        row_c = Catalog(code=cat.code, name=cat.name, active=True)
        session.add(row_c)
        session.flush()
        session.add_all(
            CatalogChannel(catalog_id=row_c.id, channel_id=channels[code].id)
            for code in cat.channels
        )
        audit.record(
            session,
            login,
            "catalog.create",
            "catalog",
            cat.code,
            after={"name": cat.name, "channels": list(cat.channels)},
        )
    operators = set(session.execute(select(Operator.login)).scalars())
    for op in content.DEMO_OPERATORS:
        if op.login not in operators:
            session.add(
                Operator(
                    login=op.login, role=op.role, active=True, created_at=now, created_by=login
                )
            )
            audit.record(
                session, login, "operator.add", "operator", op.login, after={"role": op.role}
            )
    for key in DEMO_FEATURES:
        feature = session.get(Feature, key)
        if feature is None:
            feature = Feature(key=key, enabled=False)
            session.add(feature)
        if not feature.enabled:
            feature.enabled, feature.changed_by, feature.changed_at = True, login, now
            audit.record(
                session,
                login,
                "feature.enable",
                "feature",
                key,
                before={"enabled": False},
                after={"enabled": True},
            )
    session.flush()


def _ensure_companies(
    session: Session,
    login: str,
    companies: tuple[content.DemoCompany, ...],
    now: datetime,
    progress: Progress | None,
) -> tuple[dict[str, tuple[int, str, str]], int, int]:
    """Create missing companies; return key → (hierarchy row id, hierarchy code,
    organization account) for all of them."""
    existing = {
        number: (hid, code, account)
        for number, hid, code, account in session.execute(
            select(Customer.corporate_number, Hierarchy.id, Hierarchy.code, Customer.account)
            .join(Hierarchy, Hierarchy.organization_id == Customer.id)
            .where(Customer.type == "organization")
        )
    }
    channel_ids = dict(session.execute(select(Channel.code, Channel.id)).all())
    catalog_ids = dict(session.execute(select(Catalog.code, Catalog.id)).all())
    missing = [c for c in companies if c.corporate_number not in existing]
    by_key = {
        c.key: existing[c.corporate_number] for c in companies if c.corporate_number in existing
    }
    if not missing:
        return by_key, 0, 0
    accounts = iter(
        allocate_many(session, "customer_account", sum(1 + len(c.persons) for c in missing))
    )
    codes = iter(allocate_many(session, "hierarchy_id", len(missing)))
    added_customers = 0
    for done, company in enumerate(missing, 1):
        props = dict(company.properties)
        org_account = next(accounts)
        org = Customer(
            account=org_account,
            type="organization",
            is_b2b=True,
            language=company.language,
            name=company.name,
            name_kana=company.name_kana,
            corporate_number=company.corporate_number,
            invoice_registration_number=company.invoice_registration_number,
            phone=company.phone,
            postal_code=company.postal_code,
            prefecture=company.prefecture_code,
            city=company.city,
            address_line1=company.address_line1,
            address_line2=company.address_line2,
            name_key=search_key(company.name),
            kana_key=search_key(company.name_kana),
            email_key=None,
            created_at=now,
            created_by=login,
            **{p: props.get(p) for p in PROPERTIES if p != "invoice_account"},
        )
        session.add(org)
        session.flush()
        code = next(codes)
        hierarchy = Hierarchy(
            code=code,
            name=company.name,
            organization_id=org.id,
            sort_key=kana_sort_key(company.name_kana) or search_key(company.name),
            created_at=now,
            created_by=login,
        )
        session.add(hierarchy)
        session.flush()
        for person in company.persons:
            customer = Customer(
                account=next(accounts),
                type="person",
                is_b2b=True,
                language=person.language,
                name=_person_name(person),
                name_kana=f"{person.last_name_kana} {person.first_name_kana}",
                last_name=person.last_name,
                first_name=person.first_name,
                last_name_kana=person.last_name_kana,
                first_name_kana=person.first_name_kana,
                email=person.email,
                phone=person.phone,
                department=person.department,
                job_title=person.job_title,
                name_key=search_key(f"{person.last_name}{person.first_name}"),
                kana_key=search_key(to_katakana(person.last_name_kana + person.first_name_kana)),
                email_key=normalize_email(person.email),
                created_at=now,
                created_by=login,
                # centralised invoicing: the organization's properties, billed to it,
                # with what has drifted for a few of them
                **(
                    {p: props.get(p) for p in PROPERTIES if p != "invoice_account"}
                    | dict(person.deviations)
                ),
                invoice_account=org_account,
            )
            session.add(customer)
            session.flush()
            session.add(
                Member(
                    hierarchy_id=hierarchy.id,
                    customer_id=customer.id,
                    role=person.role,
                    status=person.status,
                    disabled_reason=person.disabled_reason,
                    added_at=now,
                    added_by=login,
                )
            )
        session.add_all(
            ChannelGrant(
                hierarchy_id=hierarchy.id,
                channel_id=channel_ids[c],
                granted_at=now,
                granted_by=login,
            )
            for c in company.channels
        )
        session.add_all(
            CatalogAssignment(
                hierarchy_id=hierarchy.id,
                catalog_id=catalog_ids[c],
                assigned_at=now,
                assigned_by=login,
            )
            for c in company.catalogs
        )
        added_customers += 1 + len(company.persons)
        by_key[company.key] = (hierarchy.id, code, org_account)
        if progress is not None:
            progress(done, len(missing))
    session.flush()
    return by_key, len(missing), added_customers


def _ensure_requests(
    session: Session,
    companies: tuple[content.DemoCompany, ...],
    by_key: dict[str, tuple[int, str, str]],
    now: datetime,
) -> int:
    have = {(c, e) for c, e in session.execute(select(Request.channel_code, Request.external_id))}
    added = 0
    for i, req in enumerate(content.demo_requests(companies)):
        if (req.channel, req.external_id) in have:
            continue
        submitted = _parse_time(req.submitted_at) if req.submitted_at else None
        target = by_key[req.hierarchy_key][1] if req.hierarchy_key in by_key else None
        employees = int(req.employee_count) if req.employee_count else None
        session.add(
            Request(
                external_id=req.external_id,
                channel_code=req.channel,
                kind=req.kind,
                status="pending",
                submitted_at=submitted,
                received_at=(submitted or now) + timedelta(minutes=3 + i % 7),
                company_name=req.company_name,
                company_name_kana=req.company_name_kana,
                corporate_number=req.corporate_number,
                invoice_registration_number=req.invoice_registration_number,
                email=req.email,
                last_name=req.last_name,
                first_name=req.first_name,
                last_name_kana=req.last_name_kana,
                first_name_kana=req.first_name_kana,
                phone=req.phone,
                job_title=req.job_title,
                department=req.department,
                postal_code=req.postal_code,
                prefecture=req.prefecture,
                city=req.city,
                address_line1=req.address_line1,
                address_line2=req.address_line2,
                employee_count=employees,
                language=req.language or "ja",
                comments=req.comments,
                target_hierarchy=target,
                requested_by=req.requested_by,
                name_key=search_key(req.company_name or ""),
                kana_key=search_key(to_katakana(req.company_name_kana or "")),
                email_key=normalize_email(req.email),
            )
        )
        added += 1
    return added


def _ensure_orders(
    session: Session,
    companies: tuple[content.DemoCompany, ...],
    by_key: dict[str, tuple[int, str, str]],
) -> int:
    have = {
        (c, o) for c, o in session.execute(select(SalesOrder.channel_code, SalesOrder.order_id))
    }
    orders = [o for o in content.demo_orders(companies) if (o.channel, o.order_id) not in have]
    if not orders:
        return 0
    emails = {p.key: p.email for c in companies for p in c.persons}
    customers = {
        email_key: (cid, invoice)
        for email_key, cid, invoice in session.execute(
            select(Customer.email_key, Customer.id, Customer.invoice_account).where(
                Customer.type == "person"
            )
        )
    }
    for order in orders:
        cid, invoice = customers[normalize_email(emails[order.person_key])]
        session.add(
            SalesOrder(
                order_id=order.order_id,
                channel_code=order.channel,
                customer_id=cid,
                invoice_account=invoice,
                ordered_at=_parse_time(order.ordered_at),
                status=order.status,
                total=order.total,
                currency=order.currency,
            )
        )
    return len(orders)
