"""Automatic linking of site sign-ins to customers by e-mail (``signin import``,
INTERFACES.md §6, DOMAIN.md rule 11).

Each sign-in is kept as an identity record with its outcome. A sign-in that could not be
linked (automatic linking off, the person not yet published to the site, …) is decided
again by :func:`link_pending` or by the next import, and is linked as soon as nothing
stands in the way. Only active members are linked: a disabled member is not found.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from hierdesk.data.schema import (
    Catalog,
    CatalogAssignment,
    CatalogChannel,
    Channel,
    Customer,
    Hierarchy,
    IdentityRecord,
    Member,
    utcnow,
)
from hierdesk.domain import distribution as dist
from hierdesk.domain.errors import RuleError, ValidationError
from hierdesk.domain.jp import normalize_email
from hierdesk.domain.rows import file_label, read_rows
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.access import grants as hierarchy_grants
from hierdesk.services.context import Context
from hierdesk.services.distribution import distributed_to
from hierdesk.services.features import is_enabled
from hierdesk.services.members import require_b2b


@dataclass(frozen=True, slots=True)
class SigninRow:
    """One identity record as the Sign-ins view and ``signin import`` show it."""

    id: int
    identity_id: str
    email: str
    channel: str
    signed_in_at: datetime | None
    outcome: str
    customer: str | None
    customer_name: str | None
    hierarchy: str | None
    detail: Mapping[str, Any]
    linked_at: datetime | None
    imported_at: datetime
    #: the 1-based row of the file, for rows of an import
    row: int | None = None


@dataclass(frozen=True, slots=True)
class SigninResult:
    """Counts per outcome, the rows decided, and each refused row's problems."""

    counts: Mapping[str, int]
    rows: tuple[SigninRow, ...] = ()
    errors: tuple[ValidationError, ...] = ()

    def count(self, outcome: str) -> int:
        return int(self.counts.get(outcome, 0))


class _Decider:
    """Decides sign-ins inside one transaction, reading what it needs once per e-mail."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.auto_link = is_enabled(session, "auto_link")
        self.restriction = is_enabled(session, "channel_restriction")
        self.active_channels = set(
            session.execute(select(Channel.code).where(Channel.active.is_(True))).scalars()
        )
        self._grants: dict[int, tuple[str, ...]] = {}
        self.catalogs_on = is_enabled(session, "catalogs")
        self._catalog_sites: dict[int, set[str]] = {}

    def persons(self, keys: Iterable[str]) -> dict[str, list[tuple[int, str, int, str]]]:
        """Active B2B members by e-mail key: (customer id, account, hierarchy id, code)."""
        found: dict[str, list[tuple[int, str, int, str]]] = defaultdict(list)
        wanted = sorted(set(keys))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for key, cid, account, hid, code in self.session.execute(
                select(
                    Customer.email_key, Customer.id, Customer.account, Hierarchy.id, Hierarchy.code
                )
                .join(Member, Member.customer_id == Customer.id)
                .join(Hierarchy, Hierarchy.id == Member.hierarchy_id)
                .where(
                    Customer.email_key.in_(chunk),
                    Customer.type == "person",
                    Customer.is_b2b.is_(True),
                    Member.status == "active",
                )
                .order_by(Customer.account)
            ):
                found[str(key)].append((cid, account, hid, code))
        return found

    def may_use(self, hierarchy_id: int, channel: str) -> bool:
        if channel not in self.active_channels:
            return False
        if not self.restriction:
            return True
        if hierarchy_id not in self._grants:
            hierarchy = self.session.get(Hierarchy, hierarchy_id)
            assert hierarchy is not None
            self._grants[hierarchy_id] = hierarchy_grants(self.session, hierarchy)
        granted = self._grants[hierarchy_id]
        return not granted or channel in granted

    def held_back(self, hierarchy_id: int, channel: str) -> bool:
        """Rule 15: with ``catalogs`` on, a hierarchy with no active catalog offered on the
        site is not on the site's file. The records of what the sites have may still say
        otherwise for a moment: a distribution run killed after putting its files in place
        and before saving its records (the next run corrects them)."""
        if not self.catalogs_on:
            return False
        if hierarchy_id not in self._catalog_sites:
            self._catalog_sites[hierarchy_id] = set(
                self.session.execute(
                    select(Channel.code)
                    .join(CatalogChannel, CatalogChannel.channel_id == Channel.id)
                    .join(Catalog, Catalog.id == CatalogChannel.catalog_id)
                    .join(CatalogAssignment, CatalogAssignment.catalog_id == Catalog.id)
                    .where(
                        CatalogAssignment.hierarchy_id == hierarchy_id,
                        Catalog.active.is_(True),
                        Channel.active.is_(True),
                    )
                ).scalars()
            )
        return channel not in self._catalog_sites[hierarchy_id]

    def _disabled(self, email_key: str) -> dict[str, str]:
        """A disabled member with the e-mail, so the clerk knows why nobody was found."""
        found = self.session.execute(
            select(Customer.account, Hierarchy.code)
            .join(Member, Member.customer_id == Customer.id)
            .join(Hierarchy, Hierarchy.id == Member.hierarchy_id)
            .where(Customer.email_key == email_key, Member.status == "disabled")
            .order_by(Customer.account)
        ).first()
        return {"disabled": found[0], "hierarchy": found[1]} if found else {}

    def decide(
        self,
        channel: str,
        email_key: str,
        persons: list[tuple[int, str, int, str]],
        linked_to: int | None,
    ) -> dist.SigninDecision:
        if not persons and self.auto_link:
            return dist.SigninDecision("identity_not_found", detail=self._disabled(email_key))
        on_site = distributed_to(self.session, channel, [p[0] for p in persons])
        candidates = [
            dist.Candidate(
                cid,
                account,
                code,
                self.may_use(hid, channel),
                cid in on_site and not self.held_back(hid, channel),
            )
            for cid, account, hid, code in persons
        ]
        decision = dist.decide_signin(
            auto_link=self.auto_link, candidates=candidates, linked_to=linked_to
        )
        if decision.outcome == "channel_denied" and channel not in self.active_channels:
            # not the partner's grants: the site itself is switched off
            detail = {**decision.detail, "site_inactive": True}
            return dist.SigninDecision(decision.outcome, decision.customer_id, detail)
        return decision


def _apply(
    session: Session,
    login: str,
    record: IdentityRecord,
    decision: dist.SigninDecision,
    now: datetime,
) -> None:
    # what is kept is the sign-in's state: one linked before and seen again is linked
    record.outcome = "linked" if decision.outcome == "already_linked" else decision.outcome
    record.customer_id = decision.customer_id
    record.detail = dict(decision.detail) or None
    if decision.outcome == "linked":
        record.linked_at = now
        audit.record(
            session,
            login,
            "identity.link",
            "customer",
            str(decision.detail.get("customer", "")),
            after={"identity_id": record.identity_id, "channel": record.channel_code},
            hierarchy=str(decision.detail.get("hierarchy") or "") or None,
        )
    elif decision.outcome != "already_linked":
        record.linked_at = None


def _row(
    record: IdentityRecord,
    customers: Mapping[int, tuple[str, str]],
    row: int | None = None,
    outcome: str | None = None,
) -> SigninRow:
    account, name = customers.get(record.customer_id or 0, (None, None))
    detail = dict(record.detail or {})
    return SigninRow(
        id=record.id,
        identity_id=record.identity_id,
        email=record.email,
        channel=record.channel_code,
        signed_in_at=record.signed_in_at,
        outcome=outcome or record.outcome,
        customer=account,
        customer_name=name,
        hierarchy=detail.get("hierarchy"),
        detail=detail,
        linked_at=record.linked_at,
        imported_at=record.imported_at,
        row=row,
    )


def _customers(session: Session, ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    wanted = sorted({i for i in ids if i})
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):
        for cid, account, name in session.execute(
            select(Customer.id, Customer.account, Customer.name).where(
                Customer.id.in_(wanted[start : start + 500])
            )
        ):
            found[cid] = (account, name)
    return found


def _one_at_a_time(session: Session) -> None:
    """Imports of sign-ins and Link pending take turns, so two desks deciding the same
    sign-ins at once (the scheduled task and a clerk) end as if one ran after the other:
    the second finds the first's records instead of failing on them. The Sign-ins view
    keeps reading meanwhile. (On SQLite the write transaction already takes turns.)"""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(f"LOCK TABLE {IdentityRecord.__tablename__} IN SHARE ROW EXCLUSIVE MODE")
        )


def _cancelled(name: str) -> RuleError:
    return RuleError(
        "import_cancelled",
        N_("The import was cancelled; no sign-in from {name} was kept."),
        name=file_label(name),
    )


def import_signins(
    ctx: Context,
    data: bytes,
    name: str,
    *,
    encoding: str = "utf-8",
    progress: Callable[[int, int], bool] | None = None,
) -> SigninResult:
    """Keep and decide every valid sign-in of the file in one transaction with its audit
    entries; rows with errors are reported and skipped. A sign-in seen before (same site
    and identity) is decided again. ``progress(done, total)`` returning False cancels
    (nothing is kept)."""
    rows = list(read_rows(data, name, encoding))
    errors: list[ValidationError] = []
    valid: list[tuple[int, dist.SigninInput]] = []
    for row, raw in rows:
        signin, problems = dist.validate_signin(raw, row=row)
        if signin is None:
            errors.extend(problems)
        else:
            valid.append((row, signin))
    with ctx.db.write() as session:
        ctx.require(session, "clerk", N_("import sign-ins"))
        require_b2b(session)
        _one_at_a_time(session)
        channels = set(session.execute(select(Channel.code)).scalars())
        kept: list[tuple[int, dist.SigninInput]] = []
        for row, signin in valid:
            if signin.channel not in channels:
                errors.append(
                    ValidationError(
                        "channel_unknown",
                        N_("{field}: there is no B2B site “{value}”; known sites: {choices}."),
                        field="channel",
                        row=row,
                        value=signin.channel,
                        choices=", ".join(sorted(channels)),
                    )
                )
            else:
                kept.append((row, signin))
        decider = _Decider(session)
        persons = decider.persons(normalize_email(s.email) for _, s in kept)
        existing = {
            (r.channel_code, r.identity_id): r
            for r in _records(session, [(s.channel, s.identity_id) for _, s in kept])
        }
        now = utcnow()
        decided: list[tuple[int, IdentityRecord, str]] = []
        counts: Counter[str] = Counter()
        for done, (row, signin) in enumerate(kept, 1):
            if progress is not None and done % 25 == 1 and not progress(done - 1, len(kept)):
                raise _cancelled(name)
            key = normalize_email(signin.email)
            record = existing.get((signin.channel, signin.identity_id))
            if record is None:
                record = IdentityRecord(
                    identity_id=signin.identity_id,
                    channel_code=signin.channel,
                    outcome="",
                    imported_at=now,
                )
                session.add(record)
                existing[(signin.channel, signin.identity_id)] = record
            linked_to = record.customer_id if record.outcome in dist.LINKED else None
            if record.email_key != key:
                linked_to = None
            record.email = signin.email
            record.email_key = key
            record.signed_in_at = signin.signed_in_at or record.signed_in_at
            decision = decider.decide(signin.channel, key, persons.get(key, []), linked_to)
            _apply(session, ctx.login, record, decision, now)
            counts[decision.outcome] += 1
            decided.append((row, record, decision.outcome))
        session.flush()
        audit.record(
            session,
            ctx.login,
            "signin.import",
            "file",
            file_label(name)[-60:],
            after={
                **{o: counts[o] for o in dist.OUTCOMES},
                "refused_rows": len({e.row for e in errors}),
            },
        )
        customers = _customers(session, (r.customer_id for _, r, _o in decided))
        result_rows = tuple(_row(r, customers, row, outcome) for row, r, outcome in decided)
    return SigninResult({o: counts[o] for o in dist.OUTCOMES}, result_rows, tuple(errors))


def _records(session: Session, keys: list[tuple[str, str]]) -> list[IdentityRecord]:
    by_channel: dict[str, list[str]] = defaultdict(list)
    for channel, identity in keys:
        by_channel[channel].append(identity)
    found: list[IdentityRecord] = []
    for channel, identities in by_channel.items():
        unique = sorted(set(identities))
        for start in range(0, len(unique), 500):
            found.extend(
                session.execute(
                    select(IdentityRecord).where(
                        IdentityRecord.channel_code == channel,
                        IdentityRecord.identity_id.in_(unique[start : start + 500]),
                    )
                ).scalars()
            )
    return found


def link_pending(
    ctx: Context, *, progress: Callable[[int, int], bool] | None = None
) -> SigninResult:
    """Decide again every sign-in that is not linked (``Link pending``): after automatic
    linking was switched on, a distribution ran, a grant was added, … One transaction."""
    with ctx.db.write() as session:
        ctx.require(session, "clerk", N_("link sign-ins"))
        require_b2b(session)
        _one_at_a_time(session)
        records = list(
            session.execute(
                select(IdentityRecord)
                .where(IdentityRecord.outcome.in_(dist.PROBLEMS))
                .order_by(IdentityRecord.id)
            ).scalars()
        )
        decider = _Decider(session)
        persons = decider.persons(r.email_key for r in records)
        now = utcnow()
        counts: Counter[str] = Counter()
        for done, record in enumerate(records, 1):
            if progress is not None and done % 25 == 1 and not progress(done - 1, len(records)):
                raise RuleError(
                    "job_cancelled",
                    N_("Linking was cancelled; no sign-in was changed."),
                )
            decision = decider.decide(
                record.channel_code, record.email_key, persons.get(record.email_key, []), None
            )
            _apply(session, ctx.login, record, decision, now)
            counts[decision.outcome] += 1
        audit.record(
            session,
            ctx.login,
            "signin.link_pending",
            "identity_record",
            "*",
            after={o: counts[o] for o in dist.OUTCOMES},
        )
        session.flush()
        customers = _customers(session, (r.customer_id for r in records))
        rows = tuple(_row(r, customers) for r in records)
    return SigninResult({o: counts[o] for o in dist.OUTCOMES}, rows)


# --- the Sign-ins view -------------------------------------------------------------------


def _filtered(outcome: str | None, search: str) -> Any:
    stmt = select(IdentityRecord)
    if outcome == "problems":
        stmt = stmt.where(IdentityRecord.outcome.in_(dist.PROBLEMS))
    elif outcome:
        stmt = stmt.where(IdentityRecord.outcome == outcome)
    text = search.strip()
    if text:
        key = normalize_email(text)
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        stmt = stmt.where(
            or_(
                IdentityRecord.email_key.like(pattern, escape="\\"),
                func.lower(IdentityRecord.identity_id).like(pattern, escape="\\"),
                IdentityRecord.customer_id.in_(
                    select(Customer.id).where(
                        func.lower(Customer.account).like(pattern, escape="\\")
                    )
                ),
            )
        )
    return stmt


def list_signins(
    ctx: Context,
    *,
    outcome: str | None = None,
    search: str = "",
    offset: int = 0,
    limit: int = 200,
) -> list[SigninRow]:
    """Newest sign-ins first; ``outcome`` is one outcome, ``"problems"`` or None (all)."""
    stmt = (
        _filtered(outcome, search)
        .order_by(
            func.coalesce(IdentityRecord.signed_in_at, IdentityRecord.imported_at).desc(),
            IdentityRecord.id.desc(),
        )
        .offset(offset)
        .limit(limit)
    )
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view jobs"))
        records = list(session.execute(stmt).scalars())
        customers = _customers(session, (r.customer_id for r in records))
        return [_row(r, customers) for r in records]


def count_signins(ctx: Context, *, outcome: str | None = None, search: str = "") -> int:
    stmt = select(func.count()).select_from(_filtered(outcome, search).subquery())
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view jobs"))
        return int(session.execute(stmt).scalar_one())


def outcome_counts(ctx: Context) -> dict[str, int]:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view jobs"))
        counted = dict(
            session.execute(
                select(IdentityRecord.outcome, func.count()).group_by(IdentityRecord.outcome)
            ).all()
        )
    return {o: int(counted.get(o, 0)) for o in dist.OUTCOMES}
