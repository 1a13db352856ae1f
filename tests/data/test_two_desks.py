"""Edits from two desks (DOMAIN.md rule 13), for every editable record.

Each :class:`Edit` reads a record as a desk would show it, lets another desk (the demo's
``admin``) change it, and then saves this desk's change from the old copy. Required: the
save is refused, the refusal names the other desk's operator and the time of its change in
English and in Japanese, nothing of this desk's change is written (the record is as the other
desk left it, and this desk has no audit entry for it), and the same change made from a
fresh copy goes through (so the refusal is about the old copy, not about the change).

Every audited action that changes a record is covered by an edit here or listed in
:data:`NOT_AN_EDIT` with the reason; a new action without either fails
:func:`test_every_change_of_a_record_is_covered`."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry
from hierdesk.domain.errors import ConflictError, HierdeskError, RuleError
from hierdesk.i18n.core import set_language
from hierdesk.i18n.formatting import format_datetime
from hierdesk.services import (
    access,
    approval,
    catalogs,
    distribution,
    features,
    hierarchies,
    lookups,
    members,
    notifications,
    operators,
    properties,
    requests,
    sequences,
)
from hierdesk.services.context import Context

SERVICES = Path(__file__).resolve().parents[2] / "src" / "hierdesk" / "services"
OTHER = "admin"  # the other desk: the demo's administrator


@dataclass
class World:
    ctx: Context  # this desk
    other: Context  # the other desk, on the same database
    hierarchy: str
    tmp: Path

    def member(self, index: int = 1) -> str:
        return members.list_members(self.ctx, self.hierarchy)[index].account


@dataclass(frozen=True)
class Edit:
    #: the audited actions this edit stands for
    actions: tuple[str, ...]
    #: ``read(world)``: the record as this desk shows it (what it will save from)
    read: Callable[[World], Any]
    #: ``other(world, seen)``: the other desk's change
    other: Callable[[World, Any], object]
    #: ``save(world, seen)``: this desk's change, made from ``seen``
    save: Callable[[World, Any], object]
    #: ``state(world)``: the stored record, to compare
    state: Callable[[World], object]
    prepare: Callable[[World], object] = lambda _w: None
    #: the refusal: a version conflict, or a business rule that says who decided first
    refusal: type[HierdeskError] = ConflictError


def _feature(world: World, key: str) -> Any:
    return next(f for f in features.list_features(world.ctx) if f.key == key)


def _operator(world: World, login: str) -> Any:
    return next(o for o in operators.list_operators(world.ctx) if o.login == login)


def _lookup(world: World, kind: str, index: int) -> Any:
    return lookups.list_lookups(world.ctx, kind)[index]


def _member(world: World, account: str) -> Any:
    return next(m for m in members.list_members(world.ctx, world.hierarchy) if m.account == account)


def _customer_version(world: World, account: str) -> int:
    rows = properties.compare(world.ctx, world.hierarchy).rows
    return next(r.version for r in rows if r.account == account)


def _catalogs_on(world: World) -> None:
    features.set_enabled(world.ctx, "catalogs", True)


def _assigned(world: World) -> tuple[str, ...]:
    return tuple(a.code for a in catalogs.view(world.ctx, world.hierarchy).assigned)


def _price_groups(world: World) -> list[str]:
    return [v.code for v in lookups.list_lookups(world.ctx, "price_group") if v.active]


def _unused_price_group(world: World, seen: dict[str, Any], skip: str | None = None) -> str:
    return next(c for c in _price_groups(world) if c not in (seen.get("price_group"), skip))


def _pending(world: World) -> int:
    return requests.list_requests(world.ctx, status="pending")[0].id


EDITS: dict[str, Edit] = {
    "feature": Edit(
        ("feature.enable", "feature.disable"),
        read=lambda w: _feature(w, "catalogs"),
        other=lambda w, _seen: features.set_enabled(w.other, "catalogs", True),
        save=lambda w, seen: features.set_enabled(
            w.ctx, "catalogs", not seen.enabled, version=seen.version
        ),
        state=lambda w: _feature(w, "catalogs"),
    ),
    "operator role": Edit(
        ("operator.role",),
        read=lambda w: _operator(w, "yamamoto"),
        other=lambda w, _seen: operators.set_active(w.other, "yamamoto", False),
        save=lambda w, seen: operators.set_role(w.ctx, "yamamoto", "manager", version=seen.version),
        state=lambda w: _operator(w, "yamamoto"),
    ),
    "operator status": Edit(
        ("operator.enable", "operator.disable"),
        read=lambda w: _operator(w, "yamamoto"),
        other=lambda w, _seen: operators.set_role(w.other, "yamamoto", "manager"),
        save=lambda w, seen: operators.set_active(
            w.ctx, "yamamoto", not seen.active, version=seen.version
        ),
        state=lambda w: _operator(w, "yamamoto"),
    ),
    "lookup value": Edit(
        ("lookup.change",),
        read=lambda w: _lookup(w, "price_group", 0),
        other=lambda w, _seen: lookups.update_lookup(
            w.other, "price_group", _lookup(w, "price_group", 0).code, name_en="Other desk's"
        ),
        save=lambda w, seen: lookups.update_lookup(
            w.ctx, "price_group", seen.code, name_en="This desk's", expected=seen
        ),
        state=lambda w: _lookup(w, "price_group", 0),
    ),
    "default for new partners": Edit(
        ("setting.change",),
        read=lambda w: lookups.partner_defaults(w.ctx),
        other=lambda w, _seen: lookups.set_partner_default(
            w.other, "price_group", _unused_price_group(w, lookups.partner_defaults(w.ctx))
        ),
        save=lambda w, seen: lookups.set_partner_default(
            w.ctx,
            "price_group",
            _unused_price_group(w, seen, skip=lookups.partner_defaults(w.ctx)["price_group"]),
            seen=seen,
        ),
        state=lambda w: lookups.partner_defaults(w.ctx),
    ),
    "notification settings": Edit(
        ("setting.change",),
        read=lambda w: notifications.get_transport(w.ctx),
        other=lambda w, _seen: notifications.set_transport(
            w.other, mode="outbox", outbox=str(w.tmp / "other-outbox")
        ),
        save=lambda w, seen: notifications.set_transport(
            w.ctx, mode="outbox", outbox=str(w.tmp / "my-outbox"), seen=seen
        ),
        state=lambda w: notifications.get_transport(w.ctx),
    ),
    "distribution folder": Edit(
        ("setting.change",),
        read=lambda w: distribution.folder(w.ctx),
        other=lambda w, _seen: distribution.set_folder(w.other, w.tmp / "other-folder"),
        save=lambda w, seen: distribution.set_folder(w.ctx, w.tmp / "my-folder", seen=seen),
        state=lambda w: distribution.folder(w.ctx),
    ),
    "number sequence": Edit(
        ("sequence.change",),
        read=lambda w: sequences.get_sequence(w.ctx, "HIER"),
        other=lambda w, _seen: sequences.update_sequence(w.other, "HIER", name="Other desk's"),
        save=lambda w, seen: sequences.update_sequence(
            w.ctx, "HIER", name="This desk's", seen=seen
        ),
        state=lambda w: sequences.get_sequence(w.ctx, "HIER"),
    ),
    "sequence of a reference": Edit(
        ("sequence.assign",),
        prepare=lambda w: [
            sequences.create_sequence(w.ctx, code, f"{code}-####") for code in ("HX", "HY")
        ],
        read=lambda w: next(
            s.code for s in sequences.list_sequences(w.ctx) if "hierarchy_id" in s.references
        ),
        other=lambda w, _seen: sequences.assign(w.other, "hierarchy_id", "HX"),
        save=lambda w, seen: sequences.assign(w.ctx, "hierarchy_id", "HY", seen=seen),
        state=lambda w: [s.references for s in sequences.list_sequences(w.ctx)],
    ),
    "catalog": Edit(
        ("catalog.change",),
        read=lambda w: next(c for c in catalogs.list_catalogs(w.ctx) if c.code == "CAT-PRO"),
        other=lambda w, _seen: catalogs.update_catalog(w.other, "CAT-PRO", name="Other desk's"),
        save=lambda w, seen: catalogs.update_catalog(
            w.ctx, "CAT-PRO", name="This desk's", version=seen.version
        ),
        state=lambda w: next(c for c in catalogs.list_catalogs(w.ctx) if c.code == "CAT-PRO"),
    ),
    "catalog assignment": Edit(
        ("catalog.assign", "catalog.unassign"),
        prepare=_catalogs_on,
        read=lambda w: catalogs.view(w.ctx, w.hierarchy),
        other=lambda w, _seen: catalogs.assign(
            w.other, w.hierarchy, catalogs.view(w.ctx, w.hierarchy).assignable[0].code
        ),
        save=lambda w, seen: catalogs.unassign(
            w.ctx, w.hierarchy, seen.assigned[0].code, version=seen.version
        ),
        state=_assigned,
    ),
    "channel grants": Edit(
        ("channel.grant", "channel.revoke"),
        read=lambda w: access.list_grants(w.ctx, w.hierarchy),
        other=lambda w, _seen: access.revoke(
            w.other, w.hierarchy, access.list_grants(w.ctx, w.hierarchy)[0]
        ),
        save=lambda w, seen: access.revoke(w.ctx, w.hierarchy, seen[-1], seen=seen),
        state=lambda w: access.list_grants(w.ctx, w.hierarchy),
    ),
    "hierarchy name": Edit(
        ("hierarchy.rename",),
        read=lambda w: members.hierarchy_version(w.ctx, w.hierarchy)[1],
        other=lambda w, _seen: members.rename_hierarchy(w.other, w.hierarchy, "Other desk's name"),
        save=lambda w, seen: members.rename_hierarchy(
            w.ctx, w.hierarchy, "This desk's name", version=seen
        ),
        state=lambda w: members.hierarchy_version(w.ctx, w.hierarchy)[:2],
    ),
    "member role": Edit(
        ("member.role",),
        read=lambda w: _member(w, w.member()),
        other=lambda w, _seen: members.disable_member(w.other, w.hierarchy, w.member(), "Left"),
        save=lambda w, seen: members.set_role(
            w.ctx,
            w.hierarchy,
            seen.account,
            "user" if seen.role == "admin" else "admin",
            version=seen.version,
        ),
        state=lambda w: _member(w, w.member()),
    ),
    "member status": Edit(
        ("member.disable", "member.enable"),
        read=lambda w: _member(w, w.member()),
        other=lambda w, _seen: members.set_role(
            w.other,
            w.hierarchy,
            w.member(),
            "user" if _member(w, w.member()).role == "admin" else "admin",
        ),
        save=lambda w, seen: members.disable_member(
            w.ctx, w.hierarchy, seen.account, "Moved", version=seen.version
        ),
        state=lambda w: _member(w, w.member()),
    ),
    "customer property": Edit(
        ("property.change",),
        read=lambda w: _customer_version(w, w.member()),
        other=lambda w, _seen: properties.set_property(
            w.other, w.member(), "credit_limit", 1_234_000
        ),
        save=lambda w, seen: properties.set_property(
            w.ctx, w.member(), "credit_limit", 5_678_000, version=seen
        ),
        state=lambda w: properties.customer_detail(w.ctx, w.member()),
    ),
    "override": Edit(
        ("property.override",),
        read=lambda w: {r.account: r.version for r in properties.compare(w.ctx, w.hierarchy).rows},
        other=lambda w, _seen: properties.set_property(
            w.other, w.member(), "credit_limit", 1_234_000
        ),
        save=lambda w, seen: properties.override(
            w.ctx, w.hierarchy, properties=["credit_limit"], versions=seen
        ),
        state=lambda w: properties.compare(w.ctx, w.hierarchy).rows,
    ),
    "undo of an override": Edit(
        ("property.undo",),
        prepare=lambda w: properties.set_property(w.ctx, w.member(), "credit_limit", 999_000),
        read=lambda w: properties.override(w.ctx, w.hierarchy, properties=["credit_limit"]),
        other=lambda w, seen: properties.set_property(
            w.other, seen.changes[0].account, "credit_limit", 1_234_000
        ),
        save=lambda w, seen: properties.apply_changes(
            w.ctx,
            w.hierarchy,
            [type(c)(c.account, c.property, c.after, c.before) for c in reversed(seen.changes)],
            seen.versions,
        ),
        state=lambda w: properties.compare(w.ctx, w.hierarchy).rows,
    ),
    "request decision": Edit(
        ("request.approve", "request.reject"),
        read=_pending,
        other=lambda w, _seen: approval.reject(
            w.other, _pending(w), "Decided first", deliver=False
        ),
        save=lambda w, seen: approval.approve(w.ctx, seen, deliver=False),
        state=lambda w: [(r.id, r.status) for r in requests.list_requests(w.ctx)],
        refusal=RuleError,  # rule 4: decided once, naming who decided it and when
    ),
}

#: Audited actions that are not a save of a record a desk has shown, and why.
NOT_AN_EDIT: dict[str, str] = {
    "catalog.create": "a new record; a second desk's create of the same code is refused",
    "channel.create": "a new record; a second desk's create of the same code is refused",
    "lookup.create": "a new record; a second desk's create of the same code is refused",
    "operator.add": "a new record; a second desk's add of the same login is refused",
    "sequence.create": "a new record; a second desk's create of the same code is refused",
    "hierarchy.create": "made by an approval, which locks the request (request decision)",
    "customer.create": "made by an approval or member.add under the customer-account lock",
    "member.add": "a new person; rule 5 refuses the same e-mail or kana from another desk",
    "request.import": "adds a site's rows; a row seen again is counted as a duplicate",
    "order.import": "adds a site's orders; an order seen again is counted as a duplicate",
    "signin.import": "adds a site's sign-ins; one seen again keeps its link",
    "signin.link_pending": "the linking job; links only sign-ins that are still waiting",
    "identity.link": "the linking job; a linked sign-in stays linked",
    "distribution.run": "the distribution job; two runs take turns (lock)",
    "notification.sent": "the delivery job records an outcome; claims are exclusive",
    "notification.failed": "the delivery job records an outcome; claims are exclusive",
    "database.init": "creates the database",
    "database.backup": "a copy of the whole database; changes nothing",
    "database.restore": "replaces the whole database, with the application closed",
    "demo.load": "loads the demo dataset",
}


def _audited_actions() -> set[str]:
    """Every action code the services write to the audit log."""
    found = set()
    for path in SERVICES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"[a-z_]+\.[a-z_]+", node.value)
            ):
                found.add(node.value)
    return found


def test_every_change_of_a_record_is_covered() -> None:
    covered = {action for edit in EDITS.values() for action in edit.actions}
    actions = _audited_actions()
    assert "property.override" in actions  # the scan finds the services' actions
    assert not covered & set(NOT_AN_EDIT), "an action is both an edit and not one"
    missing = actions - covered - set(NOT_AN_EDIT)
    assert not missing, f"audited actions without a two-desk test or a reason: {missing}"
    assert not (covered | set(NOT_AN_EDIT)) - actions, "listed actions the services no longer have"


@pytest.fixture
def world(demo_workspace: Context, tmp_path: Path) -> World:
    ctx = demo_workspace
    code = next(
        h.code
        for h in hierarchies.list_hierarchies(ctx)
        if len(members.list_members(ctx, h.code)) >= 3
        and len(access.list_grants(ctx, h.code)) >= 2
        and catalogs.view(ctx, h.code).assigned
    )
    return World(ctx, Context(ctx.db, OTHER), code, tmp_path)


def _my_entries(world: World) -> int:
    with world.ctx.db.read() as session:
        return session.execute(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.operator == world.ctx.login)
        ).scalar_one()


def _other_desk_change(world: World) -> Any:
    with world.ctx.db.read() as session:
        return session.execute(
            select(AuditEntry.at)
            .where(AuditEntry.operator == OTHER)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).scalar_one()


@pytest.mark.parametrize("name", list(EDITS))
def test_a_save_from_an_old_copy_is_refused_naming_who_and_when(world: World, name: str) -> None:
    edit = EDITS[name]
    assert world.ctx.login != OTHER
    edit.prepare(world)
    seen = edit.read(world)
    edit.other(world, seen)
    changed_at = _other_desk_change(world)
    stored = edit.state(world)
    mine = _my_entries(world)

    with pytest.raises(edit.refusal) as refused:
        edit.save(world, seen)

    english = refused.value.localized()
    assert OTHER in english
    assert format_datetime(changed_at) in english
    set_language("ja")
    japanese = refused.value.localized()
    assert OTHER in japanese
    assert format_datetime(changed_at) in japanese
    assert japanese != english
    set_language("en")
    assert edit.state(world) == stored, "the refused save wrote something"
    assert _my_entries(world) == mine, "the refused save left an audit entry"

    # the same change from a fresh copy goes through: the old copy was the only problem
    edit.save(world, edit.read(world))
    assert _my_entries(world) > mine


def test_a_change_of_another_default_is_no_conflict(world: World) -> None:
    """The defaults for new partners are one setting, but each property is its own value:
    another desk's change of the credit limit does not refuse this desk's price group."""
    seen = lookups.partner_defaults(world.ctx)
    lookups.set_partner_default(world.other, "credit_limit", 7_000_000)
    chosen = _unused_price_group(world, seen)
    saved = lookups.set_partner_default(world.ctx, "price_group", chosen, seen=seen)
    assert (saved["price_group"], saved["credit_limit"]) == (chosen, 7_000_000)


def test_ids_issued_meanwhile_do_not_refuse_a_sequence_edit(world: World) -> None:
    """Approvals move a sequence's next number all day; an administrator's change of its
    settings from a copy read before an approval still goes through, and next stays."""
    seen = sequences.get_sequence(world.ctx, "HIER")
    approval.approve(world.other, _pending(world), deliver=False)
    issued = sequences.get_sequence(world.ctx, "HIER").next
    assert issued == seen.next + 1
    saved = sequences.update_sequence(world.ctx, "HIER", name="Hierarchies", seen=seen)
    assert (saved.name, saved.next) == ("Hierarchies", issued)
    # a next number below the one issued meanwhile is still refused (rule 10)
    with pytest.raises(RuleError):
        sequences.update_sequence(world.ctx, "HIER", next_=seen.next, seen=saved)


def test_renaming_a_lookup_value_is_no_conflict_with_making_it_the_default(world: World) -> None:
    seen = _lookup(world, "price_group", 0)
    if seen.is_default:
        seen = _lookup(world, "price_group", 1)
    lookups.set_partner_default(world.other, "price_group", seen.code)
    saved = lookups.update_lookup(
        world.ctx, "price_group", seen.code, name_en="Renamed", expected=seen
    )
    assert (saved.name_en, saved.is_default) == ("Renamed", True)
