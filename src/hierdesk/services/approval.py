"""Approving and rejecting requests (DOMAIN.md rules 2–6 and 14).

Each decision is one transaction: the request row is locked (``SELECT … FOR UPDATE`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers), checked to be still pending,
and everything the decision creates — IDs from the number sequences, customers, the
hierarchy, its member and channel grants, the audit entries and the queued notification —
commits together or not at all. The notification is delivered after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.database import When
from hierdesk.data.schema import (
    Channel,
    ChannelGrant,
    Customer,
    Hierarchy,
    LookupValue,
    Member,
    Request,
    utcnow,
)
from hierdesk.domain import approval as flow
from hierdesk.domain import notices
from hierdesk.domain.dto import (
    ApprovalReview,
    DecisionResult,
    DuplicateCandidate,
    NotificationOutcome,
)
from hierdesk.domain.errors import DatabaseError, NotFoundError, RuleError, ValidationError
from hierdesk.domain.intake import validate_request
from hierdesk.domain.jp import kana_sort_key, normalize_email, search_key, to_katakana
from hierdesk.domain.lookups import CODED_PROPERTIES, PROPERTIES
from hierdesk.i18n.core import N_
from hierdesk.services import audit, duplicates
from hierdesk.services import notices as notice_queue
from hierdesk.services.context import Context
from hierdesk.services.features import FeatureNames, is_enabled
from hierdesk.services.lookups import _credit_limit, _Kind, _stored_defaults
from hierdesk.services.members import hierarchy_row
from hierdesk.services.numbering import allocate, allocate_many, lock_reference, peek

#: A rejection reason is sent to the requester; keep it to a short paragraph.
REASON_MAX = 1000
HIERARCHY_NAME_MAX = 200

# intake field name → Request column
_COLUMNS = {
    "channel": "channel_code",
    "hierarchy_id": "target_hierarchy",
}


@dataclass(frozen=True, slots=True)
class _Values:
    """Corrected request values in the shape duplicates.find compares."""

    corporate_number: str | None
    invoice_registration_number: str | None
    email: str
    company_name: str | None
    company_name_kana: str | None


# --- reading -----------------------------------------------------------------------------


def _require_b2b(session: Session) -> None:
    if not is_enabled(session, "b2b"):
        raise RuleError(
            "feature_off",
            N_(
                "Requests from the sites need {feature}. An administrator switches it on "
                "under Settings ▸ Feature management."
            ),
            feature=FeatureNames(("b2b",)),
        )


def _request(session: Session, request_id: int, *, lock: bool) -> Request:
    stmt = select(Request).where(Request.id == request_id)
    if lock:
        stmt = stmt.with_for_update()
    request = session.execute(stmt).scalar_one_or_none()
    if request is None:
        raise NotFoundError(
            "request_not_found", N_("There is no request with the ID {id}."), id=request_id
        )
    return request


def _check_pending(request: Request) -> None:
    """Rule 4: a request is decided once; the refusal names who decided it and when."""
    if request.status == "pending":
        return
    raise RuleError(
        "request_decided",
        N_("Request {id} was already {status} by {who} at {when}; it cannot be decided again."),
        id=request.id,
        status=_Status(request.status),
        who=request.decided_by or "?",
        when=When(request.decided_at.isoformat()) if request.decided_at else "?",
    )


class _Status(str):
    __slots__ = ()

    def __format__(self, spec: str) -> str:
        from hierdesk.i18n.core import _

        words = {"approved": N_("approved"), "rejected": N_("rejected")}
        return format(_(words.get(str(self), str(self))), spec)


def _raw(request: Request) -> dict[str, object]:
    """The request's stored values under their intake field names."""
    from hierdesk.domain.intake import FIELDS

    raw: dict[str, object] = {}
    for name in FIELDS:
        value = getattr(request, _COLUMNS.get(name, name), None)
        if value is not None:
            raw[name] = value.isoformat() if isinstance(value, datetime) else value
    return raw


def _corrected(
    request: Request, corrections: Mapping[str, object] | None
) -> tuple[dict[str, object], list[ValidationError]]:
    """Validate the request with the clerk's corrections (every problem at once)."""
    raw = _raw(request)
    for name, value in (corrections or {}).items():
        if name not in flow.CORRECTABLE:
            raise ValidationError(
                "field_not_correctable",
                N_("{field}: this field of a request cannot be changed."),
                field=name,
            )
        text = "" if value is None else str(value)
        raw[name] = text
    values, errors = validate_request(raw)
    if values is None:
        return raw, errors
    return values.values, []


def _candidates(
    session: Session, values: Mapping[str, object], *, strong_only: bool
) -> list[DuplicateCandidate]:
    def text(name: str) -> str | None:
        value = values.get(name)
        return str(value) if value not in (None, "") else None

    return duplicates.find(
        session,
        _Values(
            text("corporate_number"),
            text("invoice_registration_number"),
            text("email") or "",
            text("company_name"),
            text("company_name_kana"),
        ),
        strong_only=strong_only,
    )


def _requester_problem(
    session: Session, values: Mapping[str, object]
) -> NotFoundError | RuleError | None:
    """add_user: a RuleError when the requester is not an active admin of the hierarchy."""
    code = str(values.get("hierarchy_id") or "")
    requester = str(values.get("requested_by") or "")
    hierarchy = session.execute(
        select(Hierarchy.id).where(Hierarchy.code == code)
    ).scalar_one_or_none()
    if hierarchy is None:
        return NotFoundError(
            "hierarchy_not_found", N_("There is no customer hierarchy {code}."), code=code
        )
    admin = session.execute(
        select(Customer.account)
        .join(Member, Member.customer_id == Customer.id)
        .where(
            Member.hierarchy_id == hierarchy,
            Member.role == "admin",
            Member.status == "active",
            Customer.email_key == normalize_email(requester),
        )
    ).first()
    if admin is None:
        return RuleError(
            "requester_not_admin",
            N_(
                "{requester} is not an active admin of the customer hierarchy {code}, so they "
                "cannot add users to it. Reject the request, or ask an admin of {code} to "
                "send it."
            ),
            requester=requester,
            code=code,
        )
    return None


def _next_accounts(session: Session, count: int) -> tuple[str, ...]:
    """The account numbers the next ``count`` allocations would issue (nothing taken)."""
    from hierdesk.data.schema import NumberSequence, SequenceReference
    from hierdesk.domain.numbering import parse_format

    seq = session.execute(
        select(NumberSequence)
        .join(SequenceReference, SequenceReference.sequence_id == NumberSequence.id)
        .where(SequenceReference.reference == "customer_account")
    ).scalar_one_or_none()
    if seq is None or seq.stopped or seq.next + count - 1 > seq.largest:
        return ()
    fmt = parse_format(seq.format)
    return tuple(fmt.render(n) for n in range(seq.next, seq.next + count))


def review(
    ctx: Context, request_id: int, corrections: Mapping[str, object] | None = None
) -> ApprovalReview:
    """The request with ``corrections`` applied, validated, with its duplicate candidates
    and the IDs approval would take. Nothing is written."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view requests"))
        request = _request(session, request_id, lock=False)
        values, errors = _corrected(request, corrections)
        candidates = _candidates(session, values, strong_only=False)
        channel_name = session.execute(
            select(Channel.name).where(Channel.code == request.channel_code)
        ).scalar_one_or_none()
        target = target_name = problem = None
        if request.kind == "add_user":
            target = request.target_hierarchy
            target_name = session.execute(
                select(Hierarchy.name).where(Hierarchy.code == target)
            ).scalar_one_or_none()
            refused = _requester_problem(session, values)
            problem = refused.localized() if refused is not None else None
        try:
            next_hierarchy = peek(session, "hierarchy_id")
        except RuleError:
            next_hierarchy = None
        return ApprovalReview(
            request_id=request.id,
            kind=request.kind,
            status=request.status,
            channel=request.channel_code,
            channel_name=channel_name or request.channel_code,
            values=values,
            errors=tuple(errors),
            candidates=tuple(candidates),
            target=target,
            target_name=target_name,
            requester_problem=problem,
            next_hierarchy=next_hierarchy,
            next_accounts=_next_accounts(session, 2 if request.kind == "partner" else 1),
            decided_by=request.decided_by,
            decided_at=request.decided_at,
        )


def hierarchy_choices(ctx: Context, codes: Iterable[str]) -> dict[str, str]:
    """Names of the hierarchies ``codes`` (those that exist)."""
    wanted = [c for c in codes if c]
    if not wanted:
        return {}
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        return dict(
            session.execute(
                select(Hierarchy.code, Hierarchy.name).where(Hierarchy.code.in_(wanted))
            ).all()
        )


# --- approving ---------------------------------------------------------------------------


def _terms(session: Session, properties: Mapping[str, object] | None) -> dict[str, Any]:
    """The new organization's properties: the defaults for new partners, overridden by the
    clerk's choices. Coded values must be active values of their lookups."""
    values = {k: v for k, v in _stored_defaults(session).items() if k != "invoice_account"}
    for name, value in (properties or {}).items():
        if name not in PROPERTIES or name == "invoice_account":
            raise ValidationError(
                "property_unknown",
                N_(
                    "{field}: “{value}” is not a property a new partner gets; use one of {choices}."
                ),
                field="property",
                value=name,
                choices=", ".join(p for p in PROPERTIES if p != "invoice_account"),
            )
        if name == "credit_limit":
            values[name] = _credit_limit(value)
        else:
            values[name] = str(value).strip() if value not in (None, "") else None
    wanted = {(name, values[name]) for name in CODED_PROPERTIES if values.get(name) is not None}
    active = {
        (kind, code): bool(on)
        for kind, code, on in session.execute(
            select(LookupValue.kind, LookupValue.code, LookupValue.active).where(
                LookupValue.kind.in_(sorted({kind for kind, _code in wanted}))
            )
        )
        if (kind, code) in wanted
    }  # one query for every coded property
    for name in CODED_PROPERTIES:
        code = values.get(name)
        if code is None:
            continue
        found = active.get((name, code))
        if not found:
            raise ValidationError(
                "property_value_unknown" if found is None else "property_value_inactive",
                N_("{field}: {code} is not an active value of the lookup “{kind}”."),
                field=name,
                code=code,
                kind=_Kind(name),
            )
    return values


def _person(
    values: Mapping[str, object],
    account: str,
    props: Mapping[str, Any],
    invoice_account: str,
    login: str,
    now: Any,
) -> Customer:
    def text(name: str) -> str | None:
        value = values.get(name)
        return str(value) if value not in (None, "") else None

    last, first = str(values["last_name"]), str(values["first_name"])
    language = str(values.get("language") or "ja")
    name = f"{first} {last}" if language == "en" and first.isascii() else f"{last} {first}"
    last_kana, first_kana = text("last_name_kana"), text("first_name_kana")
    kana = " ".join(k for k in (last_kana, first_kana) if k) or None
    email = str(values["email"])
    return Customer(
        account=account,
        type="person",
        is_b2b=True,
        language=language,
        name=name,
        name_kana=kana,
        last_name=last,
        first_name=first,
        last_name_kana=last_kana,
        first_name_kana=first_kana,
        email=email,
        phone=text("phone"),
        department=text("department"),
        job_title=text("job_title"),
        name_key=search_key(f"{last}{first}"),
        kana_key=search_key(to_katakana((last_kana or "") + (first_kana or ""))),
        email_key=normalize_email(email),
        created_at=now,
        created_by=login,
        **{p: props.get(p) for p in PROPERTIES if p != "invoice_account"},
        invoice_account=invoice_account,
    )


def _grants(session: Session, codes: Iterable[str]) -> list[Channel]:
    wanted = list(dict.fromkeys(c.strip() for c in codes if c and c.strip()))
    if not wanted:
        return []
    rows = {
        c.code: c
        for c in session.execute(select(Channel).where(Channel.code.in_(wanted))).scalars()
    }
    for code in wanted:
        channel = rows.get(code)
        if channel is None or not channel.active:
            raise ValidationError(
                "channel_unknown",
                N_("{field}: there is no active B2B site “{value}”."),
                field="grant",
                value=code,
            )
    return [rows[c] for c in wanted]


def _apply_corrections(request: Request, values: Mapping[str, object]) -> dict[str, Any]:
    """Store the corrected values on the request; return what changed (for the audit)."""
    changed: dict[str, Any] = {}
    for name in flow.CORRECTABLE:
        new = values.get(name)
        old = getattr(request, name)
        if name == "language":
            new = new or "ja"
        if (new if new not in ("",) else None) != old:
            changed[name] = {"before": old, "after": new}
            setattr(request, name, new)
    if changed:
        request.name_key = search_key(request.company_name or "")
        request.kana_key = search_key(to_katakana(request.company_name_kana or ""))
        request.email_key = normalize_email(request.email)
    return changed


def approve(
    ctx: Context,
    request_id: int,
    *,
    into: str | None = None,
    grants: Iterable[str] = (),
    corrections: Mapping[str, object] | None = None,
    properties: Mapping[str, object] | None = None,
    hierarchy_name: str | None = None,
    deliver: bool = True,
) -> DecisionResult:
    """Approve a request (rule 2 for a new hierarchy, rule 3 into an existing one).

    A partner request without ``into`` creates the organization, the person as admin and
    the hierarchy; with ``into``, and for an add_user request, only the person, as user.
    Refused — with nothing written and no number taken — when the request was decided
    already, a field does not validate, the e-mail belongs to an active B2B person (rule 5),
    the company is already a customer and a new hierarchy was asked for (rule 6), or the
    requester of an add_user request is not an active admin of that hierarchy."""
    grant_codes = tuple(grants)
    with ctx.db.write() as session:
        ctx.require(session, "clerk", N_("approve requests"))
        _require_b2b(session)
        request = _request(session, request_id, lock=True)
        _check_pending(request)
        lock_reference(session, "customer_account")  # rules 5 and 6 across desks
        values, errors = _corrected(request, corrections)
        if errors:
            raise errors[0]
        if request.kind == "add_user":
            target = str(values["hierarchy_id"])
            if into and into != target:
                raise RuleError(
                    "add_user_other_hierarchy",
                    N_(
                        "The request adds a user to {target}; it cannot be approved into "
                        "{into}. Reject it if it was sent for the wrong hierarchy."
                    ),
                    target=target,
                    into=into,
                )
            refused_requester = _requester_problem(session, values)
            if refused_requester is not None:
                raise refused_requester
            into = target
        decision = flow.INTO if into else flow.NEW
        if decision == flow.INTO and grant_codes:
            raise RuleError(
                "grants_need_new_hierarchy",
                N_(
                    "Channel grants are chosen when a new hierarchy is created; change the "
                    "grants of {code} in its workspace."
                ),
                code=into,
            )
        candidates = _candidates(session, values, strong_only=True)
        refused = flow.refusal(decision, request.kind, candidates, into=into)
        if refused is not None:
            raise RuleError(refused.code, refused.message, **dict(refused.params))
        now = utcnow()
        corrected = _apply_corrections(request, values)
        site = (
            session.execute(
                select(Channel.name).where(Channel.code == request.channel_code)
            ).scalar_one_or_none()
            or request.channel_code
        )
        if decision == flow.NEW:
            result = _approve_new(
                ctx, session, request, values, properties, grant_codes, hierarchy_name, now
            )
        else:
            assert into is not None
            result = _approve_into(ctx, session, request, values, into, now)
        request.status = "approved"
        request.decided_by = ctx.login
        request.decided_at = now
        request.created_hierarchy = result.hierarchy
        request.created_organization = result.organization if result.created_hierarchy else None
        request.created_person = result.person
        audit.record(
            session,
            ctx.login,
            "request.approve",
            "request",
            str(request.id),
            before={"status": "pending"},
            after={
                "status": "approved",
                "hierarchy": result.hierarchy,
                "organization": result.organization,
                "person": result.person,
                "role": result.role,
                "corrections": corrected or None,
            },
            hierarchy=result.hierarchy,
        )
        notice = notices.approved(
            language=str(values.get("language") or "ja"),
            recipient=str(values["email"]),
            who=_addressee(values),
            site=site,
            account=str(result.person),
            hierarchy=f"{result.hierarchy_name} ({result.hierarchy})",
            role=str(result.role),
        )
        queued = notice_queue.queue(session, notice, request.id)
        session.flush()
        notification_id = queued.id
        outcome = notice_queue.outcome(queued)
    if deliver:
        outcome = _deliver_after_decision(ctx, notification_id, outcome)
    return _with_notification(result, outcome)


def _deliver_after_decision(
    ctx: Context, notification_id: int, queued: NotificationOutcome
) -> NotificationOutcome:
    """Deliver the decision's notification once the decision is committed. If the database
    cannot record the delivery (locked past the timeout, connection lost), the decision
    still stands and is reported as done; the notification waits for Send now or
    ``notification retry``. (A claim left behind expires after a while, so a letter sent
    whose sending could not be recorded may go out twice; it is never lost.)"""
    try:
        delivered = notice_queue.deliver(ctx, [notification_id])
    except DatabaseError as error:
        return replace(queued, error=error.localized())
    return delivered[0] if delivered else queued


def _with_notification(result: DecisionResult, outcome: NotificationOutcome) -> DecisionResult:
    return replace(result, notification=outcome)


def _addressee(values: Mapping[str, object]) -> notices.Addressee:
    def text(name: str) -> str | None:
        value = values.get(name)
        return str(value) if value not in (None, "") else None

    return notices.Addressee(
        text("company_name"), text("department"), text("last_name"), text("first_name")
    )


def _approve_new(
    ctx: Context,
    session: Session,
    request: Request,
    values: Mapping[str, object],
    properties: Mapping[str, object] | None,
    grant_codes: tuple[str, ...],
    hierarchy_name: str | None,
    now: Any,
) -> DecisionResult:
    props = _terms(session, properties)
    channels = _grants(session, grant_codes)
    company = str(values["company_name"])
    name = (hierarchy_name or "").strip() or company
    if len(name) > HIERARCHY_NAME_MAX:
        raise ValidationError(
            "field_too_long",
            N_("{field}: at most {limit} characters; this value has {count}."),
            field="hierarchy_name",
            limit=HIERARCHY_NAME_MAX,
            count=len(name),
        )

    def text(key: str) -> str | None:
        value = values.get(key)
        return str(value) if value not in (None, "") else None

    org_account, person_account = allocate_many(session, "customer_account", 2)
    code = allocate(session, "hierarchy_id")
    kana = text("company_name_kana")
    org = Customer(
        account=org_account,
        type="organization",
        is_b2b=True,
        language=str(values.get("language") or "ja"),
        name=company,
        name_kana=kana,
        corporate_number=text("corporate_number"),
        invoice_registration_number=text("invoice_registration_number"),
        phone=text("phone"),
        postal_code=text("postal_code"),
        prefecture=text("prefecture"),
        city=text("city"),
        address_line1=text("address_line1"),
        address_line2=text("address_line2"),
        name_key=search_key(company),
        kana_key=search_key(kana or ""),
        email_key=None,
        created_at=now,
        created_by=ctx.login,
        **{p: props.get(p) for p in PROPERTIES if p != "invoice_account"},
    )
    session.add(org)
    session.flush()
    hierarchy = Hierarchy(
        code=code,
        name=name,
        organization_id=org.id,
        sort_key=kana_sort_key(kana or "") or search_key(company),
        created_at=now,
        created_by=ctx.login,
    )
    session.add(hierarchy)
    person = _person(values, person_account, props, org_account, ctx.login, now)
    session.add(person)
    session.flush()
    session.add(
        Member(
            hierarchy_id=hierarchy.id,
            customer_id=person.id,
            role="admin",
            status="active",
            added_at=now,
            added_by=ctx.login,
        )
    )
    session.add_all(
        ChannelGrant(
            hierarchy_id=hierarchy.id, channel_id=c.id, granted_at=now, granted_by=ctx.login
        )
        for c in channels
    )
    for customer in (org, person):
        audit.record(
            session,
            ctx.login,
            "customer.create",
            "customer",
            customer.account,
            after={
                "type": customer.type,
                "name": customer.name,
                "email": customer.email,
                **{p: getattr(customer, p) for p in PROPERTIES},
            },
            hierarchy=code,
        )
    audit.record(
        session,
        ctx.login,
        "hierarchy.create",
        "hierarchy",
        code,
        after={
            "name": name,
            "organization": org_account,
            "admin": person_account,
            "channels": [c.code for c in channels],
            "request": request.id,
        },
        hierarchy=code,
    )
    return DecisionResult(
        request_id=request.id,
        status="approved",
        hierarchy=code,
        hierarchy_name=name,
        organization=org_account,
        person=person_account,
        role="admin",
        created_hierarchy=True,
        grants=tuple(c.code for c in channels),
    )


def _approve_into(
    ctx: Context,
    session: Session,
    request: Request,
    values: Mapping[str, object],
    code: str,
    now: Any,
) -> DecisionResult:
    hierarchy = hierarchy_row(session, code)
    org = session.get(Customer, hierarchy.organization_id)
    assert org is not None
    props = {p: getattr(org, p) for p in PROPERTIES}
    person = _person(
        values, allocate(session, "customer_account"), props, org.account, ctx.login, now
    )
    session.add(person)
    session.flush()
    session.add(
        Member(
            hierarchy_id=hierarchy.id,
            customer_id=person.id,
            role="user",
            status="active",
            added_at=now,
            added_by=ctx.login,
        )
    )
    audit.record(
        session,
        ctx.login,
        "customer.create",
        "customer",
        person.account,
        after={
            "type": "person",
            "name": person.name,
            "email": person.email,
            **{p: getattr(person, p) for p in PROPERTIES},
        },
        hierarchy=code,
    )
    audit.record(
        session,
        ctx.login,
        "member.add",
        "hierarchy",
        code,
        after={"customer": person.account, "role": "user", "request": request.id},
        hierarchy=code,
    )
    return DecisionResult(
        request_id=request.id,
        status="approved",
        hierarchy=code,
        hierarchy_name=hierarchy.name,
        organization=org.account,
        person=person.account,
        role="user",
    )


# --- rejecting ---------------------------------------------------------------------------


def reject(
    ctx: Context,
    request_id: int,
    reason: str,
    *,
    duplicate_of: str | None = None,
    deliver: bool = True,
) -> DecisionResult:
    """Reject a request with a reason (sent to the requester); rule 4."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "reason_required",
            N_("{field}: enter why the request is rejected; the requester is told."),
            field="reason",
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(
            "field_too_long",
            N_("{field}: at most {limit} characters; this value has {count}."),
            field="reason",
            limit=REASON_MAX,
            count=len(reason),
        )
    with ctx.db.write() as session:
        ctx.require(session, "clerk", N_("reject requests"))
        _require_b2b(session)
        request = _request(session, request_id, lock=True)
        _check_pending(request)
        now = utcnow()
        request.status = "rejected"
        request.decided_by = ctx.login
        request.decided_at = now
        request.reject_reason = reason
        audit.record(
            session,
            ctx.login,
            "request.reject",
            "request",
            str(request.id),
            before={"status": "pending"},
            after={"status": "rejected", "reason": reason, "duplicate_of": duplicate_of},
            hierarchy=request.target_hierarchy if request.kind == "add_user" else None,
        )
        site = (
            session.execute(
                select(Channel.name).where(Channel.code == request.channel_code)
            ).scalar_one_or_none()
            or request.channel_code
        )
        values = _raw(request)
        notice = notices.rejected(
            language=request.language or "ja",
            recipient=request.email,
            who=_addressee(values),
            site=site,
            reason=reason,
        )
        queued = notice_queue.queue(session, notice, request.id)
        session.flush()
        notification_id = queued.id
        outcome = notice_queue.outcome(queued)
    if deliver:
        outcome = _deliver_after_decision(ctx, notification_id, outcome)
    return DecisionResult(request_id=request_id, status="rejected", notification=outcome)
