"""B2B catalogs and their assignment to customer hierarchies (DOMAIN.md rule 15).

A catalog is offered on one or more B2B sites. With the ``catalogs`` feature on, every
hierarchy needs at least one catalog; a hierarchy without one is held back from the
customers distribution (the site would otherwise show the partner "No catalogs found").
A catalog can be assigned only when one of its sites is usable by the hierarchy (rule 9);
on each site, a member sees the assigned catalogs that the site offers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from hierdesk.data.schema import (
    Catalog,
    CatalogAssignment,
    CatalogChannel,
    Channel,
    ChannelGrant,
    Hierarchy,
    utcnow,
)
from hierdesk.domain.distribution import usable_channels
from hierdesk.domain.errors import NotFoundError, RuleError, ValidationError
from hierdesk.domain.model import CODE_CHARACTER, CODE_MAX
from hierdesk.i18n.core import N_
from hierdesk.services import audit, stale
from hierdesk.services.access import grants as hierarchy_grants
from hierdesk.services.context import Context
from hierdesk.services.features import FeatureNames, is_enabled
from hierdesk.services.members import hierarchy_row, require_b2b

_CODE = re.compile(f"^{CODE_CHARACTER}{{1,{CODE_MAX}}}$")
NAME_MAX = 200


@dataclass(frozen=True, slots=True)
class CatalogInfo:
    code: str
    name: str
    active: bool
    channels: tuple[str, ...]
    hierarchies: int
    version: int


@dataclass(frozen=True, slots=True)
class AssignedCatalog:
    code: str
    name: str
    active: bool
    #: the sites that offer it
    channels: tuple[str, ...]
    #: of those, the sites the hierarchy may use: where its members see it
    visible_on: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CatalogView:
    """A hierarchy's catalogs as its Catalogs tab states them."""

    hierarchy: str
    feature_on: bool
    #: the active sites the hierarchy may use (rule 9)
    usable: tuple[str, ...]
    assigned: tuple[AssignedCatalog, ...]
    #: per usable site, the catalogs its members see there (empty: "No catalogs found")
    by_site: tuple[tuple[str, tuple[str, ...]], ...]
    #: catalogs that could be assigned: active, offered on a usable site, not yet assigned
    assignable: tuple[CatalogInfo, ...]
    #: the hierarchy's version: assigning from this view is refused once it moved on
    version: int = 0

    @property
    def problem(self) -> bool:
        """The feature is on and the hierarchy has no catalog it can see anywhere."""
        return self.feature_on and not any(codes for _, codes in self.by_site)


# --- the catalogs ------------------------------------------------------------------------


def _catalog(session: Session, code: str, *, lock: bool = False) -> Catalog:
    stmt = select(Catalog).where(Catalog.code == code)
    if lock:
        stmt = stmt.with_for_update()
    row = session.execute(stmt).scalar_one_or_none()
    if row is None:
        raise NotFoundError("catalog_not_found", N_("There is no catalog {code}."), code=code)
    return row


def _offered(session: Session) -> dict[int, tuple[str, ...]]:
    offered: dict[int, list[str]] = defaultdict(list)
    for catalog_id, code in session.execute(
        select(CatalogChannel.catalog_id, Channel.code)
        .join(Channel, Channel.id == CatalogChannel.channel_id)
        .order_by(Channel.code)
    ):
        offered[catalog_id].append(code)
    return {k: tuple(v) for k, v in offered.items()}


def _infos(session: Session) -> list[CatalogInfo]:
    offered = _offered(session)
    counts = dict(
        session.execute(
            select(CatalogAssignment.catalog_id, func.count()).group_by(
                CatalogAssignment.catalog_id
            )
        ).all()
    )
    return [
        CatalogInfo(
            row.code,
            row.name,
            bool(row.active),
            offered.get(row.id, ()),
            int(counts.get(row.id, 0)),
            row.version,
        )
        for row in session.execute(select(Catalog).order_by(Catalog.code)).scalars()
    ]


def list_catalogs(ctx: Context) -> list[CatalogInfo]:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view catalogs"))
        return _infos(session)


def _clean(code: str | None, name: str | None) -> tuple[str | None, str | None]:
    if code is not None:
        code = code.strip()
        if not _CODE.match(code):
            raise ValidationError(
                "catalog_code_invalid",
                N_("{field}: a catalog code has 1 to 20 letters, digits, - or _; got “{value}”."),
                field="code",
                value=code,
            )
    if name is not None:
        name = name.strip()
        if not name or len(name) > NAME_MAX:
            raise ValidationError(
                "catalog_name_invalid",
                N_("{field}: a catalog needs a name of 1 to {limit} characters."),
                field="name",
                limit=NAME_MAX,
            )
    return code, name


def _channel_rows(session: Session, codes: Iterable[str]) -> list[Channel]:
    wanted = sorted({c.strip() for c in codes if c.strip()})
    rows = {
        c.code: c
        for c in session.execute(select(Channel).where(Channel.code.in_(wanted))).scalars()
    }
    missing = [c for c in wanted if c not in rows]
    if missing:
        known = sorted(session.execute(select(Channel.code)).scalars())
        raise ValidationError(
            "channel_unknown",
            N_("{field}: there is no B2B site “{value}”; known sites: {choices}."),
            field="channel",
            value=missing[0],
            choices=", ".join(known),
        )
    return [rows[c] for c in wanted]


def create_catalog(ctx: Context, code: str, name: str, channels: Sequence[str] = ()) -> CatalogInfo:
    """A new catalog offered on ``channels`` (administrators)."""
    clean_code, clean_name = _clean(code, name)
    assert clean_code is not None
    assert clean_name is not None
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change catalogs"))
        sites = _channel_rows(session, channels)
        if session.execute(select(Catalog.id).where(Catalog.code == clean_code)).first():
            raise RuleError(
                "catalog_exists", N_("The catalog {code} exists already."), code=clean_code
            )
        row = Catalog(code=clean_code, name=clean_name, active=True)
        session.add(row)
        session.flush()
        session.add_all(CatalogChannel(catalog_id=row.id, channel_id=c.id) for c in sites)
        audit.record(
            session,
            ctx.login,
            "catalog.create",
            "catalog",
            clean_code,
            after={"name": clean_name, "channels": [c.code for c in sites]},
        )
        session.flush()
        return next(i for i in _infos(session) if i.code == clean_code)


def update_catalog(
    ctx: Context,
    code: str,
    *,
    name: str | None = None,
    channels: Sequence[str] | None = None,
    active: bool | None = None,
    version: int | None = None,
) -> CatalogInfo:
    """Rename a catalog, change the sites that offer it, or (de)activate it (administrators).
    A save from an old copy is refused naming who changed it (rule 13)."""
    _code, clean_name = _clean(None, name)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change catalogs"))
        row = _catalog(session, code, lock=True)
        stale.check(
            session,
            row,
            version,
            stale.record(N_("The catalog {code}"), code=code),
            audited=("catalog", code),
        )
        offered = _offered(session).get(row.id, ())
        before = {"name": row.name, "channels": list(offered), "active": bool(row.active)}
        after = dict(before)
        if clean_name is not None and clean_name != row.name:
            row.name = clean_name
            after["name"] = clean_name
        if active is not None and active != bool(row.active):
            row.active = active
            after["active"] = active
        if channels is not None:
            sites = _channel_rows(session, channels)
            if [c.code for c in sites] != list(offered):
                session.execute(delete(CatalogChannel).where(CatalogChannel.catalog_id == row.id))
                session.add_all(CatalogChannel(catalog_id=row.id, channel_id=c.id) for c in sites)
                after["channels"] = [c.code for c in sites]
                flag_modified(row, "name")  # the sites are the catalog's too: a new version
        if after != before:
            audit.record(
                session, ctx.login, "catalog.change", "catalog", code, before=before, after=after
            )
        session.flush()
        session.expire_all()
        return next(i for i in _infos(session) if i.code == code)


# --- assignment --------------------------------------------------------------------------


def _require_feature(session: Session) -> None:
    require_b2b(session)
    if not is_enabled(session, "catalogs"):
        raise RuleError(
            "feature_off",
            N_(
                "Catalogs are assigned to hierarchies only with {feature} on. An "
                "administrator switches it on under Settings ▸ Feature management."
            ),
            feature=FeatureNames(("catalogs",)),
        )


def _usable(session: Session, hierarchy: Hierarchy) -> tuple[str, ...]:
    active = list(
        session.execute(
            select(Channel.code).where(Channel.active.is_(True)).order_by(Channel.code)
        ).scalars()
    )
    return usable_channels(
        hierarchy_grants(session, hierarchy),
        active,
        restriction=is_enabled(session, "channel_restriction"),
    )


def _assigned_ids(session: Session, hierarchy: Hierarchy) -> list[int]:
    return list(
        session.execute(
            select(CatalogAssignment.catalog_id).where(
                CatalogAssignment.hierarchy_id == hierarchy.id
            )
        ).scalars()
    )


def assign(ctx: Context, code: str, catalog: str, *, version: int | None = None) -> CatalogView:
    """Assign ``catalog`` to the hierarchy ``code`` (managers). Refused when the feature
    is off, the catalog is inactive, or none of its sites is usable by the hierarchy."""
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("assign catalogs"))
        _require_feature(session)
        hierarchy = hierarchy_row(session, code, lock=True)
        stale.check(session, hierarchy, version, stale.hierarchy(code))
        row = _catalog(session, catalog)
        if row.id not in _assigned_ids(session, hierarchy):
            if not row.active:
                raise RuleError(
                    "catalog_inactive",
                    N_("The catalog {catalog} is not active, so it cannot be assigned."),
                    catalog=catalog,
                )
            offered = _offered(session).get(row.id, ())
            usable = _usable(session, hierarchy)
            if not set(offered) & set(usable):
                raise RuleError(
                    "catalog_not_usable",
                    N_(
                        "The catalog {catalog} is offered on {offered}, but {code} may use "
                        "only {usable}; its members would never see it. Grant one of the "
                        "catalog's sites first, or choose another catalog."
                    ),
                    catalog=catalog,
                    offered=", ".join(offered) or "—",
                    code=code,
                    usable=", ".join(usable) or "—",
                )
            session.add(
                CatalogAssignment(
                    hierarchy_id=hierarchy.id,
                    catalog_id=row.id,
                    assigned_at=utcnow(),
                    assigned_by=ctx.login,
                )
            )
            _touch(hierarchy, ctx.login)
            audit.record(
                session,
                ctx.login,
                "catalog.assign",
                "hierarchy",
                code,
                after={"catalog": catalog},
                hierarchy=code,
            )
            session.flush()
        return _view(session, hierarchy)


def unassign(ctx: Context, code: str, catalog: str, *, version: int | None = None) -> CatalogView:
    """Take ``catalog`` away from the hierarchy (managers). With the feature on, a
    hierarchy left without a catalog is held back from distribution (the view says so)."""
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("assign catalogs"))
        require_b2b(session)
        hierarchy = hierarchy_row(session, code, lock=True)
        stale.check(session, hierarchy, version, stale.hierarchy(code))
        row = _catalog(session, catalog)
        if row.id in _assigned_ids(session, hierarchy):
            session.execute(
                delete(CatalogAssignment).where(
                    CatalogAssignment.hierarchy_id == hierarchy.id,
                    CatalogAssignment.catalog_id == row.id,
                )
            )
            _touch(hierarchy, ctx.login)
            audit.record(
                session,
                ctx.login,
                "catalog.unassign",
                "hierarchy",
                code,
                before={"catalog": catalog},
                hierarchy=code,
            )
            session.flush()
        return _view(session, hierarchy)


def _touch(hierarchy: Hierarchy, login: str) -> None:
    hierarchy.changed_by = login
    hierarchy.changed_at = utcnow()


def _view(session: Session, hierarchy: Hierarchy) -> CatalogView:
    usable = _usable(session, hierarchy)
    infos = _infos(session)
    assigned_ids = set(_assigned_ids(session, hierarchy))
    by_id = {row.id: row for row in session.execute(select(Catalog)).scalars()}
    offered = _offered(session)
    assigned = tuple(
        AssignedCatalog(
            by_id[cid].code,
            by_id[cid].name,
            bool(by_id[cid].active),
            channels,
            tuple(c for c in channels if c in usable) if by_id[cid].active else (),
        )
        for cid, channels in sorted(
            ((cid, offered.get(cid, ())) for cid in assigned_ids),
            key=lambda item: by_id[item[0]].code,
        )
    )
    by_site = tuple(
        (site, tuple(a.code for a in assigned if site in a.visible_on)) for site in usable
    )
    codes = {a.code for a in assigned}
    assignable = tuple(
        i for i in infos if i.active and i.code not in codes and set(i.channels) & set(usable)
    )
    return CatalogView(
        version=hierarchy.version,
        hierarchy=hierarchy.code,
        feature_on=is_enabled(session, "catalogs"),
        usable=usable,
        assigned=assigned,
        by_site=by_site,
        assignable=assignable,
    )


def view(ctx: Context, code: str) -> CatalogView:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        return _view(session, hierarchy_row(session, code))


def without_catalog(ctx: Context) -> list[str]:
    """Rule 15's problem list: with the feature on, the hierarchies whose members see no
    catalog on any site they may use (held back from distribution); else none."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        if not is_enabled(session, "catalogs"):
            return []
        offered = _offered(session)
        active_catalogs = set(
            session.execute(select(Catalog.id).where(Catalog.active.is_(True))).scalars()
        )
        assigned: dict[int, list[int]] = defaultdict(list)
        for hid, cid in session.execute(
            select(CatalogAssignment.hierarchy_id, CatalogAssignment.catalog_id)
        ):
            if cid in active_catalogs:
                assigned[hid].append(cid)
        active = list(
            session.execute(
                select(Channel.code).where(Channel.active.is_(True)).order_by(Channel.code)
            ).scalars()
        )
        restriction = is_enabled(session, "channel_restriction")
        granted: dict[int, set[str]] = defaultdict(set)
        for hid, site in session.execute(
            select(ChannelGrant.hierarchy_id, Channel.code).join(
                Channel, Channel.id == ChannelGrant.channel_id
            )
        ):
            granted[hid].add(site)
        result = []
        for hid, hcode in session.execute(
            select(Hierarchy.id, Hierarchy.code).order_by(Hierarchy.code)
        ):
            usable = set(usable_channels(granted[hid], active, restriction=restriction))
            if not any(set(offered.get(cid, ())) & usable for cid in assigned[hid]):
                result.append(hcode)
        return result
