"""Customer hierarchies (顧客階層): finding them and reading their organization and members.

Read paths select columns, not ORM entities, one query per page with the member count in
the same query (ARCHITECTURE.md, "Data").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from hierdesk.data.schema import (
    Channel,
    ChannelGrant,
    Customer,
    Hierarchy,
    Member,
    SalesOrder,
)
from hierdesk.data.sql import like_escape, starts_with
from hierdesk.domain.dto import CustomerDetail, HierarchyDetail, HierarchySummary, MemberNode
from hierdesk.domain.errors import NotFoundError
from hierdesk.domain.jp import company_match_key, nfkc, normalize_digits, search_key
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.i18n.core import N_
from hierdesk.services.context import Context


def _customer_matches(text: str) -> ColumnElement[bool]:
    """Condition on ``Customer`` for a search term, each part a prefix match an index
    answers: the name (and a company's name without its legal form), the reading, the
    e-mail, the account and the corporate number, compared after the keys' normalisation
    (NFKC, case folding, katakana)."""
    key = search_key(text)
    code = nfkc(text).strip().upper()
    conditions = [
        starts_with(Customer.name_key, key),
        starts_with(Customer.kana_key, key),
        starts_with(Customer.email_key, key),
        starts_with(Customer.account, code),
    ]
    company = company_match_key(text)
    if company:
        conditions.append(starts_with(Customer.name_match_key, company))
    digits = normalize_digits(text)
    if digits.isdigit():
        conditions.append(starts_with(Customer.corporate_number, digits))
    return or_(*conditions)


#: How the hierarchy list can be sorted: by the organization's reading, or by order volume.
SORTS = ("kana", "volume")


def _volumes(since: datetime | None) -> Any:
    """Per hierarchy id, the sum of its members' and organization's orders (yen, cancelled
    ones not counted) since ``since``."""
    member_of = union_all(
        select(Member.customer_id.label("cid"), Member.hierarchy_id.label("hid")),
        select(Hierarchy.organization_id.label("cid"), Hierarchy.id.label("hid")),
    ).subquery()
    stmt = (
        select(member_of.c.hid, func.sum(SalesOrder.total).label("volume"))
        .join(SalesOrder, SalesOrder.customer_id == member_of.c.cid)
        .where(SalesOrder.status != "cancelled")
        .group_by(member_of.c.hid)
    )
    if since is not None:
        stmt = stmt.where(SalesOrder.ordered_at >= since)
    return stmt.subquery()


def _conditions(search: str | None, codes: Collection[str] | None) -> list[ColumnElement[bool]]:
    """Which hierarchies a search (and a problem list) keeps."""
    conditions: list[ColumnElement[bool]] = []
    if search and search.strip():
        # the customers first, each condition answered by an index of customer; then the
        # hierarchies they belong to, by the unique indexes of member and hierarchy
        matched = select(Customer.id).where(_customer_matches(search.strip()))
        matched_members = select(Member.hierarchy_id).where(Member.customer_id.in_(matched))
        matched_orgs = select(Hierarchy.id).where(Hierarchy.organization_id.in_(matched))
        # a word inside a company's name (化学 finds 北斗化学株式会社): read from the index
        # of the organizations' names, as many entries as there are hierarchies
        key = like_escape(search_key(search.strip()))
        named = select(Hierarchy.id).where(
            Hierarchy.organization_id.in_(
                select(Customer.id).where(
                    Customer.type == "organization",
                    Customer.name_key.like(f"%{key}%", escape="\\"),
                )
            )
        )
        conditions.append(
            or_(
                Hierarchy.id.in_(matched_orgs),
                Hierarchy.id.in_(matched_members),
                Hierarchy.id.in_(named),
                starts_with(Hierarchy.code, nfkc(search).strip().upper()),
            )
        )
    if codes is not None:
        conditions.append(Hierarchy.code.in_(sorted(codes)))
    return conditions


def _summary_query(
    search: str | None,
    *,
    codes: Collection[str] | None = None,
    sort: str = "kana",
    since: datetime | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> Select[Any]:
    org = aliased(Customer)
    member_count = (
        select(func.count(Member.id))
        .where(Member.hierarchy_id == Hierarchy.id)
        .correlate(Hierarchy)
        .scalar_subquery()
    )
    stmt = select(
        Hierarchy.id,
        Hierarchy.code,
        Hierarchy.name,
        Hierarchy.sort_key,
        org.account,
        org.name,
        org.name_kana,
        member_count,
    ).join(org, org.id == Hierarchy.organization_id)
    conditions = _conditions(search, codes)
    if sort == "volume":
        volumes = _volumes(since)
        volume = func.coalesce(volumes.c.volume, 0)
        stmt = (
            stmt.where(*conditions)
            .add_columns(volume)
            .outerjoin(volumes, volumes.c.hid == Hierarchy.id)
            .order_by(volume.desc(), Hierarchy.sort_key, Hierarchy.code)
        )
    else:
        order = (Hierarchy.sort_key, Hierarchy.code)
        if limit is None and not offset:
            stmt = stmt.where(*conditions).order_by(*order)
        else:
            # the page's hierarchies first (the sort key's index), then their organization
            # and member count: only for the rows shown, not for every match
            page = select(Hierarchy.id).where(*conditions).order_by(*order)
            stmt = stmt.where(Hierarchy.id.in_(page.limit(limit).offset(offset or None)))
            return stmt.order_by(*order)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return stmt


def _channels_by_hierarchy(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    result: dict[int, list[str]] = defaultdict(list)
    if ids:
        rows = session.execute(
            select(ChannelGrant.hierarchy_id, Channel.code)
            .join(Channel, Channel.id == ChannelGrant.channel_id)
            .where(ChannelGrant.hierarchy_id.in_(ids))
            .order_by(Channel.code)
        )
        for hid, code in rows:
            result[hid].append(code)
    return {k: tuple(v) for k, v in result.items()}


def search_statement(
    search: str | None,
    *,
    offset: int = 0,
    limit: int | None = None,
    codes: Collection[str] | None = None,
    sort: str = "kana",
    since: datetime | None = None,
) -> Select[Any]:
    """The one query of a page of :func:`list_hierarchies` (the benchmark also runs it
    through ``sqlite3`` as the floor of the search)."""
    return _summary_query(search, codes=codes, sort=sort, since=since, offset=offset, limit=limit)


def list_hierarchies(
    ctx: Context,
    *,
    search: str | None = None,
    offset: int = 0,
    limit: int | None = None,
    codes: Collection[str] | None = None,
    sort: str = "kana",
    since: datetime | None = None,
) -> list[HierarchySummary]:
    """Hierarchies sorted by the organization's kana reading (あいうえお順), or with
    ``sort="volume"`` by their order volume since ``since`` (largest first; the volume is
    in each summary). ``codes`` keeps only those hierarchies (a problem list)."""
    stmt = search_statement(search, offset=offset, limit=limit, codes=codes, sort=sort, since=since)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        rows = session.execute(stmt).all()
        channels = _channels_by_hierarchy(session, [r[0] for r in rows])
    return [
        HierarchySummary(
            code=r[1],
            name=r[2],
            sort_key=r[3],
            organization_account=r[4],
            organization_name=r[5],
            organization_kana=r[6],
            members=int(r[7]),
            channels=channels.get(r[0], ()),
            volume=int(r[8]) if sort == "volume" else None,
        )
        for r in rows
    ]


def count_hierarchies(
    ctx: Context, *, search: str | None = None, codes: Collection[str] | None = None
) -> int:
    stmt = select(func.count()).select_from(Hierarchy).where(*_conditions(search, codes))
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        return int(session.execute(stmt).scalar_one())


def _customer_detail(
    row: Customer, hierarchy: str | None, role: str | None, status: str | None
) -> CustomerDetail:
    return CustomerDetail(
        account=row.account,
        type=row.type,
        name=row.name,
        name_kana=row.name_kana,
        email=row.email,
        hierarchy=hierarchy,
        role=role,
        status=status,
        properties={p: getattr(row, p) for p in PROPERTIES},
    )


def list_members(ctx: Context, code: str) -> list[MemberNode]:
    """The organization first, then the members: admins before users, by kana reading."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        return _members(session, code)


def _hierarchy_row(session: Session, code: str) -> Hierarchy:
    hierarchy = session.execute(
        select(Hierarchy).where(Hierarchy.code == code)
    ).scalar_one_or_none()
    if hierarchy is None:
        raise NotFoundError(
            "hierarchy_not_found",
            N_("There is no customer hierarchy with the ID {id}."),
            id=code,
        )
    return hierarchy


def _members(session: Session, code: str) -> list[MemberNode]:
    hierarchy = _hierarchy_row(session, code)
    org = session.execute(
        select(Customer.account, Customer.name, Customer.name_kana, Customer.email).where(
            Customer.id == hierarchy.organization_id
        )
    ).one()
    nodes = [MemberNode(org[0], "organization", org[1], org[2], org[3], None, None)]
    rows = session.execute(
        select(
            Customer.account,
            Customer.name,
            Customer.name_kana,
            Customer.email,
            Member.role,
            Member.status,
        )
        .join(Member, and_(Member.customer_id == Customer.id, Member.hierarchy_id == hierarchy.id))
        .order_by(Member.role, Customer.kana_key, Customer.account)
    )
    nodes += [MemberNode(r[0], "person", r[1], r[2], r[3], r[4], r[5]) for r in rows]
    return nodes


def get_hierarchy(ctx: Context, code: str) -> HierarchyDetail:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        hierarchy = _hierarchy_row(session, code)
        org = session.get_one(Customer, hierarchy.organization_id)
        members = _members(session, code)
        channels = _channels_by_hierarchy(session, [hierarchy.id]).get(hierarchy.id, ())
        return HierarchyDetail(
            code=hierarchy.code,
            name=hierarchy.name,
            purpose=hierarchy.purpose,
            organization=_customer_detail(org, hierarchy.code, None, None),
            members=tuple(members[1:]),
            channels=channels,
            created_at=hierarchy.created_at,
            created_by=hierarchy.created_by,
        )
