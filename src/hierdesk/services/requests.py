"""Requests from the sites (見込顧客): reading the queue."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Request
from hierdesk.domain.dto import DuplicateCandidate, RequestRow
from hierdesk.domain.errors import NotFoundError
from hierdesk.domain.jp import normalize_digits, search_key
from hierdesk.i18n.core import N_
from hierdesk.services import duplicates
from hierdesk.services.context import Context


def _filtered(status: str | None, search: str | None):  # type: ignore[no-untyped-def]
    stmt = select(
        Request.id,
        Request.external_id,
        Request.kind,
        Request.channel_code,
        Request.company_name,
        Request.company_name_kana,
        Request.email,
        Request.last_name,
        Request.first_name,
        Request.status,
        Request.received_at,
        Request.language,
        Request.corporate_number,
    )
    if status:
        stmt = stmt.where(Request.status == status)
    if search and search.strip():
        key = search_key(search).replace("%", "\\%").replace("_", "\\_")
        conditions = [
            Request.name_key.like(f"%{key}%", escape="\\"),
            Request.kana_key.like(f"{key}%", escape="\\"),
            Request.email_key.like(f"{key}%", escape="\\"),
        ]
        digits = "".join(ch for ch in normalize_digits(search) if ch.isdigit())
        if len(digits) >= 4:  # a corporate or invoice number, typed with or without T/dashes
            conditions.append(Request.corporate_number.like(f"%{digits}%"))
            conditions.append(Request.invoice_registration_number.like(f"%{digits}%"))
        stmt = stmt.where(or_(*conditions))
    return stmt


#: Orders of the inbox: oldest first (the queue is worked in the order requests arrived),
#: newest first, or by the company's reading (あいうえお順).
SORTS = ("received", "received_desc", "kana")


def list_requests(
    ctx: Context,
    *,
    status: str | None = None,
    search: str | None = None,
    sort: str = "received",
    offset: int = 0,
    limit: int | None = None,
    with_warnings: bool = False,
) -> list[RequestRow]:
    """A page of requests; ``with_warnings`` adds each one's duplicate reasons."""
    stmt = _filtered(status, search)
    if sort == "received_desc":
        stmt = stmt.order_by(Request.received_at.desc(), Request.id.desc())
    elif sort == "kana":
        # no reading: after those with one, by name
        stmt = stmt.order_by(
            (Request.kana_key == ""), Request.kana_key, Request.name_key, Request.id
        )
    else:
        stmt = stmt.order_by(Request.received_at, Request.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view requests"))
        rows = session.execute(stmt).all()
        warnings = _warnings(session, [r[0] for r in rows]) if with_warnings and rows else {}
    return [
        RequestRow(
            id=r[0],
            external_id=r[1],
            kind=r[2],
            channel=r[3],
            company_name=r[4],
            company_name_kana=r[5],
            email=r[6],
            # Japanese order (family name first) unless the requester writes in English
            contact=f"{r[8]} {r[7]}" if r[11] == "en" else f"{r[7]} {r[8]}",
            status=r[9],
            received_at=r[10],
            warnings=tuple(warnings.get(r[0], ())),
            corporate_number=r[12],
        )
        for r in rows
    ]


def count_requests(ctx: Context, *, status: str | None = None, search: str | None = None) -> int:
    stmt = select(func.count()).select_from(_filtered(status, search).subquery())
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view requests"))
        return int(session.execute(stmt).scalar_one())


def request_detail(
    ctx: Context, request_id: int
) -> tuple[dict[str, object], list[DuplicateCandidate]]:
    """Every field of a request as stored, and its duplicate candidates (rule 6)."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view requests"))
        request = session.get(Request, request_id)
        if request is None:
            raise NotFoundError(
                "request_not_found", N_("There is no request with the ID {id}."), id=request_id
            )
        values = {
            column.key: getattr(request, column.key)
            for column in Request.__table__.columns
            if not column.key.endswith("_key") and column.key != "version"
        }
        return values, duplicates.find(session, request)


def _warnings(session: Session, request_ids: list[int]) -> dict[int, list[str]]:
    page = list(session.execute(select(Request).where(Request.id.in_(request_ids))).scalars())
    return {
        request.id: list(dict.fromkeys(d.reason for d in found))
        for request, found in zip(page, duplicates.find_many(session, page), strict=True)
    }


def request_warnings(ctx: Context, request_ids: list[int]) -> dict[int, list[str]]:
    """The duplicate reasons of each request (strongest first), for the list."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view requests"))
        return _warnings(session, request_ids) if request_ids else {}
