"""B2B catalogs and their assignment to customer hierarchies (DOMAIN.md rules 1, 9, 12, 13,
15): the feature, the sites a hierarchy may use, what its members see on each site, the
audit trail — and the customers distribution holding back a hierarchy without a catalog."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry, Catalog, CatalogAssignment
from hierdesk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RuleError,
    ValidationError,
)
from hierdesk.i18n.core import set_language
from hierdesk.services import access, approval, catalogs, distribution, features, members
from hierdesk.services.context import Context

Submit = Callable[..., int]
Desk = Callable[..., Context]


@dataclass(frozen=True)
class Partners:
    """Two partners on a database with B2B on and the sites B2B-EN and B2B-JP."""

    ctx: Context
    minato: str
    kita: str
    #: every customer published for a hierarchy: its organization and active members
    customers: dict[str, set[str]]


def _partner(ctx: Context, submit: Submit, email: str) -> tuple[str, set[str]]:
    result = approval.approve(ctx, submit(ctx, email=email))
    assert result.hierarchy
    assert result.organization
    assert result.person
    return result.hierarchy, {result.organization, result.person}


@pytest.fixture
def partners(b2b_workspace: Context, submit_request: Submit) -> Partners:
    ctx = b2b_workspace
    minato, minato_customers = _partner(ctx, submit_request, "taro@minato.example.jp")
    user = members.add_member(
        ctx, minato, email="hanako@minato.example.jp", last_name="佐藤", first_name="花子"
    )
    kita, kita_customers = _partner(ctx, submit_request, "jiro@kita.example.jp")
    return Partners(
        ctx, minato, kita, {minato: minato_customers | {user.account}, kita: kita_customers}
    )


def _catalogs_on(ctx: Context) -> None:
    features.set_enabled(ctx, "catalogs", True)


def _assignments(ctx: Context) -> set[tuple[int, int]]:
    with ctx.db.read() as session:
        return {
            (a.hierarchy_id, a.catalog_id)
            for a in session.execute(select(CatalogAssignment)).scalars()
        }


def _audit(ctx: Context, *actions: str) -> list[tuple[str, str, str, str | None, Any, Any]]:
    with ctx.db.read() as session:
        return [
            (e.action, e.entity_type, e.entity_id, e.hierarchy_code, e.before, e.after)
            for e in session.execute(
                select(AuditEntry).where(AuditEntry.action.in_(actions)).order_by(AuditEntry.id)
            ).scalars()
        ]


def _audit_count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(AuditEntry.id))).scalar_one())


def _sites(view: catalogs.CatalogView) -> dict[str, tuple[str, ...]]:
    return dict(view.by_site)


# --- the feature (rule 1, 15) --------------------------------------------------------------------


def test_with_the_feature_off_assigning_is_refused_naming_the_feature(
    partners: Partners,
) -> None:
    ctx = partners.ctx
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP", "B2B-EN"])
    before = _audit_count(ctx)
    with pytest.raises(RuleError) as refused:
        catalogs.assign(ctx, partners.minato, "CAT-STD")
    assert refused.value.code == "feature_off"
    message = refused.value.english()
    assert "Enable use of multiple catalogs on B2B channels" in message
    assert "(catalogs)" in message
    set_language("ja")
    assert "(catalogs)" in refused.value.localized()
    assert "Enable use of multiple catalogs" not in refused.value.localized()
    set_language("en")
    assert _assignments(ctx) == set()
    assert _audit_count(ctx) == before

    _catalogs_on(ctx)
    view = catalogs.assign(ctx, partners.minato, "CAT-STD")
    assert [a.code for a in view.assigned] == ["CAT-STD"]


def test_with_b2b_off_assigning_is_refused_naming_b2b(partners: Partners) -> None:
    ctx = partners.ctx
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP"])
    features.set_enabled(ctx, "b2b", False)
    with pytest.raises(RuleError) as refused:
        catalogs.assign(ctx, partners.minato, "CAT-STD")
    assert refused.value.code == "feature_off"
    assert "(b2b)" in refused.value.english()
    assert _assignments(ctx) == set()


# --- which catalogs may be assigned (rule 9, 15) -------------------------------------------------


def test_a_catalog_on_no_site_the_hierarchy_may_use_is_refused_until_a_site_is_granted(
    partners: Partners,
) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    features.set_enabled(ctx, "channel_restriction", True)
    access.grant(ctx, partners.minato, "B2B-EN")
    catalogs.create_catalog(ctx, "CAT-JP", "国内カタログ", ["B2B-JP"])
    before = _audit_count(ctx)

    with pytest.raises(RuleError) as refused:
        catalogs.assign(ctx, partners.minato, "CAT-JP")
    assert refused.value.code == "catalog_not_usable"
    message = refused.value.english()
    for named in ("CAT-JP", "B2B-JP", "B2B-EN", partners.minato):
        assert named in message
    assert _assignments(ctx) == set()
    assert _audit_count(ctx) == before
    assert "CAT-JP" not in [c.code for c in catalogs.view(ctx, partners.minato).assignable]

    access.grant(ctx, partners.minato, "B2B-JP")
    view = catalogs.assign(ctx, partners.minato, "CAT-JP")
    assert _sites(view) == {"B2B-EN": (), "B2B-JP": ("CAT-JP",)}
    # kita has no grants: with restriction on it may use every site, so nothing is refused
    assert _sites(catalogs.assign(ctx, partners.kita, "CAT-JP"))["B2B-JP"] == ("CAT-JP",)


def test_with_restriction_off_grants_do_not_limit_the_catalogs(partners: Partners) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    access.grant(ctx, partners.minato, "B2B-EN")  # restriction off: every site is usable
    catalogs.create_catalog(ctx, "CAT-JP", "国内カタログ", ["B2B-JP"])
    view = catalogs.assign(ctx, partners.minato, "CAT-JP")
    assert view.usable == ("B2B-EN", "B2B-JP")
    assert _sites(view)["B2B-JP"] == ("CAT-JP",)


def test_a_catalog_offered_on_no_site_is_refused(partners: Partners) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-DRAFT", "準備中のカタログ")
    with pytest.raises(RuleError) as refused:
        catalogs.assign(ctx, partners.minato, "CAT-DRAFT")
    assert refused.value.code == "catalog_not_usable"
    assert _assignments(ctx) == set()


def test_an_inactive_catalog_is_refused(partners: Partners) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-OLD", "旧カタログ", ["B2B-JP"])
    catalogs.update_catalog(ctx, "CAT-OLD", active=False)
    with pytest.raises(RuleError) as refused:
        catalogs.assign(ctx, partners.minato, "CAT-OLD")
    assert refused.value.code == "catalog_inactive"
    assert "CAT-OLD" in refused.value.english()
    assert _assignments(ctx) == set()
    assert catalogs.view(ctx, partners.minato).assignable == ()

    catalogs.update_catalog(ctx, "CAT-OLD", active=True)
    assert [a.code for a in catalogs.assign(ctx, partners.minato, "CAT-OLD").assigned] == [
        "CAT-OLD"
    ]


def test_unknown_catalog_or_hierarchy_is_refused(partners: Partners) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP"])
    with pytest.raises(NotFoundError) as unknown:
        catalogs.assign(ctx, partners.minato, "CAT-NONE")
    assert unknown.value.code == "catalog_not_found"
    assert "CAT-NONE" in unknown.value.english()
    with pytest.raises(NotFoundError) as unknown:
        catalogs.assign(ctx, "HC-NONE", "CAT-STD")
    assert unknown.value.code == "hierarchy_not_found"
    assert _assignments(ctx) == set()


# --- assigning and the audit trail (rule 12) -----------------------------------------------------


def test_assign_and_unassign_are_idempotent_and_each_change_is_audited(
    partners: Partners,
) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP", "B2B-EN"])
    first = catalogs.assign(ctx, partners.minato, "CAT-STD")
    again = catalogs.assign(ctx, partners.minato, "CAT-STD")
    assert first == again
    assert len(_assignments(ctx)) == 1
    assert {c.code: c.hierarchies for c in catalogs.list_catalogs(ctx)} == {"CAT-STD": 1}

    catalogs.unassign(ctx, partners.minato, "CAT-STD")
    gone = catalogs.unassign(ctx, partners.minato, "CAT-STD")
    assert gone.assigned == ()
    assert _assignments(ctx) == set()
    assert {c.code: c.hierarchies for c in catalogs.list_catalogs(ctx)} == {"CAT-STD": 0}

    h = partners.minato
    assert _audit(ctx, "catalog.assign", "catalog.unassign") == [
        ("catalog.assign", "hierarchy", h, h, None, {"catalog": "CAT-STD"}),
        ("catalog.unassign", "hierarchy", h, h, {"catalog": "CAT-STD"}, None),
    ]
    with ctx.db.read() as session:
        operators = set(
            session.execute(
                select(AuditEntry.operator).where(AuditEntry.action.like("catalog.%assign"))
            ).scalars()
        )
    assert operators == {ctx.login}


def test_every_assignment_to_every_hierarchy_is_audited(partners: Partners) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP", "B2B-EN"])
    catalogs.create_catalog(ctx, "CAT-EN", "Export Catalog", ["B2B-EN"])
    for hierarchy in (partners.minato, partners.kita):
        for code in ("CAT-STD", "CAT-EN"):
            catalogs.assign(ctx, hierarchy, code)
    catalogs.unassign(ctx, partners.kita, "CAT-EN")
    entries = _audit(ctx, "catalog.assign", "catalog.unassign")
    assert [(a, h, (b or c)["catalog"]) for a, _t, h, _h, b, c in entries] == [
        ("catalog.assign", partners.minato, "CAT-STD"),
        ("catalog.assign", partners.minato, "CAT-EN"),
        ("catalog.assign", partners.kita, "CAT-STD"),
        ("catalog.assign", partners.kita, "CAT-EN"),
        ("catalog.unassign", partners.kita, "CAT-EN"),
    ]
    assert len(_assignments(ctx)) == 3


def test_an_assignment_from_an_old_copy_of_the_hierarchy_is_refused(partners: Partners) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP"])
    catalogs.create_catalog(ctx, "CAT-JP", "国内カタログ", ["B2B-JP"])
    _name, seen, _at, _by = members.hierarchy_version(ctx, partners.minato)
    catalogs.assign(ctx, partners.minato, "CAT-STD", version=seen)
    with pytest.raises(ConflictError) as stale:
        catalogs.assign(ctx, partners.minato, "CAT-JP", version=seen)
    message = stale.value.english()
    assert f"The customer hierarchy {partners.minato}" in message
    assert ctx.login in message
    assert [a.code for a in catalogs.view(ctx, partners.minato).assigned] == ["CAT-STD"]


def test_a_manager_may_assign_and_a_clerk_may_not(partners: Partners, desk: Desk) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP"])
    manager = desk("suzuki", role="manager")
    clerk = desk("tanaka", role="clerk")
    with pytest.raises(PermissionDeniedError):
        catalogs.assign(clerk, partners.minato, "CAT-STD")
    assert _assignments(ctx) == set()
    # the clerk still sees what the hierarchy has
    assert catalogs.view(clerk, partners.minato).assigned == ()
    catalogs.assign(manager, partners.minato, "CAT-STD")
    with pytest.raises(PermissionDeniedError):
        catalogs.unassign(clerk, partners.minato, "CAT-STD")
    assert [a.code for a in catalogs.view(clerk, partners.minato).assigned] == ["CAT-STD"]
    with ctx.db.read() as session:
        who = session.execute(
            select(AuditEntry.operator).where(AuditEntry.action == "catalog.assign")
        ).scalar_one()
    assert who == "suzuki"


# --- what members see (rule 15) --------------------------------------------------------------


def test_the_view_states_per_site_what_members_see(partners: Partners) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP", "B2B-EN"])
    catalogs.create_catalog(ctx, "CAT-EN", "Export Catalog", ["B2B-EN"])
    catalogs.create_catalog(ctx, "CAT-JP", "国内カタログ", ["B2B-JP"])

    empty = catalogs.view(ctx, partners.minato)
    assert empty.feature_on
    assert empty.problem
    assert _sites(empty) == {"B2B-EN": (), "B2B-JP": ()}
    assert [c.code for c in empty.assignable] == ["CAT-EN", "CAT-JP", "CAT-STD"]

    catalogs.assign(ctx, partners.minato, "CAT-STD")
    view = catalogs.assign(ctx, partners.minato, "CAT-EN")
    assert not view.problem
    assert _sites(view) == {"B2B-EN": ("CAT-EN", "CAT-STD"), "B2B-JP": ("CAT-STD",)}
    assert {a.code: a.visible_on for a in view.assigned} == {
        "CAT-EN": ("B2B-EN",),
        "CAT-STD": ("B2B-EN", "B2B-JP"),
    }
    assert [c.code for c in view.assignable] == ["CAT-JP"]

    # the hierarchy may now use B2B-JP only: the export catalog is assigned but seen nowhere
    features.set_enabled(ctx, "channel_restriction", True)
    access.grant(ctx, partners.minato, "B2B-JP")
    view = catalogs.view(ctx, partners.minato)
    assert view.usable == ("B2B-JP",)
    assert _sites(view) == {"B2B-JP": ("CAT-STD",)}
    assert {a.code: (a.channels, a.visible_on) for a in view.assigned} == {
        "CAT-EN": (("B2B-EN",), ()),
        "CAT-STD": (("B2B-EN", "B2B-JP"), ("B2B-JP",)),
    }

    # an inactive catalog stays assigned but nobody sees it
    catalogs.update_catalog(ctx, "CAT-STD", active=False)
    view = catalogs.view(ctx, partners.minato)
    assert [a.code for a in view.assigned] == ["CAT-EN", "CAT-STD"]
    assert not next(a for a in view.assigned if a.code == "CAT-STD").active
    assert _sites(view) == {"B2B-JP": ()}
    assert view.problem
    assert catalogs.without_catalog(ctx) == sorted([partners.minato, partners.kita])


def test_without_the_feature_no_hierarchy_lacks_a_catalog(partners: Partners) -> None:
    ctx = partners.ctx
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP"])
    assert catalogs.without_catalog(ctx) == []
    view = catalogs.view(ctx, partners.minato)
    assert not view.feature_on
    assert not view.problem

    _catalogs_on(ctx)
    assert catalogs.without_catalog(ctx) == sorted([partners.minato, partners.kita])
    assert catalogs.view(ctx, partners.minato).problem
    catalogs.assign(ctx, partners.minato, "CAT-STD")
    assert catalogs.without_catalog(ctx) == [partners.kita]
    catalogs.unassign(ctx, partners.minato, "CAT-STD")
    assert catalogs.without_catalog(ctx) == sorted([partners.minato, partners.kita])


def test_a_catalog_only_on_a_site_the_hierarchy_may_no_longer_use_counts_as_none(
    partners: Partners,
) -> None:
    ctx = partners.ctx
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-EN", "Export Catalog", ["B2B-EN"])
    catalogs.assign(ctx, partners.minato, "CAT-EN")
    catalogs.assign(ctx, partners.kita, "CAT-EN")
    assert catalogs.without_catalog(ctx) == []
    features.set_enabled(ctx, "channel_restriction", True)
    access.grant(ctx, partners.kita, "B2B-JP")
    assert catalogs.without_catalog(ctx) == [partners.kita]
    assert catalogs.view(ctx, partners.kita).problem


# --- the distribution holds back a hierarchy without a catalog (rule 15) ----------------------


def _file(out: Path, site: str) -> dict[str, Any]:
    data = json.loads((out / f"{site}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _published(out: Path, site: str) -> dict[str, set[str]]:
    """The hierarchies of a site's file, each with the customers published for it."""
    data = _file(out, site)
    found: dict[str, set[str]] = {h["id"]: set() for h in data["hierarchies"]}
    for customer in data["customers"]:
        found[customer["hierarchy"]].add(customer["account"])
    return found


def _catalogs_in_file(out: Path, site: str) -> dict[str, list[str]]:
    return {h["id"]: h["catalogs"] for h in _file(out, site)["hierarchies"]}


def test_a_hierarchy_without_a_catalog_on_a_site_is_held_back_until_one_is_assigned(
    partners: Partners, tmp_path: Path
) -> None:
    ctx, minato, kita = partners.ctx, partners.minato, partners.kita
    out = tmp_path / "sites"
    catalogs.create_catalog(ctx, "CAT-JP", "国内カタログ", ["B2B-JP"])
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP", "B2B-EN"])

    # the feature off: both partners on both sites, whatever their catalogs
    runs = {r.channel: r for r in distribution.distribute(ctx, out)}
    assert all(r.held_back == () for r in runs.values())
    assert _published(out, "B2B-JP") == partners.customers
    assert _published(out, "B2B-EN") == partners.customers

    _catalogs_on(ctx)
    catalogs.assign(ctx, minato, "CAT-JP")
    runs = {r.channel: r for r in distribution.distribute(ctx, out)}
    assert runs["B2B-JP"].held_back == (kita,)
    assert runs["B2B-EN"].held_back == (minato, kita)
    assert _published(out, "B2B-JP") == {minato: partners.customers[minato]}
    assert _published(out, "B2B-EN") == {}
    assert _catalogs_in_file(out, "B2B-JP") == {minato: ["CAT-JP"]}
    assert runs["B2B-JP"].withdrawn == len(partners.customers[kita])
    assert runs["B2B-EN"].withdrawn == len(partners.customers[minato] | partners.customers[kita])

    catalogs.assign(ctx, kita, "CAT-STD")
    runs = {r.channel: r for r in distribution.distribute(ctx, out)}
    assert runs["B2B-JP"].held_back == ()
    assert runs["B2B-EN"].held_back == (minato,)
    # kita is back on both sites: the run reports its customers as added
    assert runs["B2B-JP"].added == len(partners.customers[kita])
    assert runs["B2B-EN"].added == len(partners.customers[kita])
    assert _published(out, "B2B-JP") == partners.customers
    assert _published(out, "B2B-EN") == {kita: partners.customers[kita]}
    assert _catalogs_in_file(out, "B2B-JP") == {minato: ["CAT-JP"], kita: ["CAT-STD"]}
    assert _catalogs_in_file(out, "B2B-EN") == {kita: ["CAT-STD"]}

    # nothing changed since: the next run adds nothing and holds back the same
    runs = {r.channel: r for r in distribution.distribute(ctx, out)}
    assert [(r.added, r.updated, r.withdrawn) for r in runs.values()] == [(0, 0, 0)] * 2
    assert runs["B2B-EN"].held_back == (minato,)


def test_the_file_lists_the_hierarchys_catalogs_offered_on_that_site(
    partners: Partners, tmp_path: Path
) -> None:
    ctx, minato = partners.ctx, partners.minato
    out = tmp_path / "sites"
    _catalogs_on(ctx)
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP", "B2B-EN"])
    catalogs.create_catalog(ctx, "CAT-EN", "Export Catalog", ["B2B-EN"])
    catalogs.create_catalog(ctx, "CAT-JP", "国内カタログ", ["B2B-JP"])
    for code in ("CAT-STD", "CAT-EN", "CAT-JP"):
        catalogs.assign(ctx, minato, code)
    distribution.distribute(ctx, out)
    assert _catalogs_in_file(out, "B2B-JP")[minato] == ["CAT-JP", "CAT-STD"]
    assert _catalogs_in_file(out, "B2B-EN")[minato] == ["CAT-EN", "CAT-STD"]

    # a catalog taken away, or made inactive, leaves the file at the next run
    catalogs.unassign(ctx, minato, "CAT-JP")
    catalogs.update_catalog(ctx, "CAT-EN", active=False)
    runs = {r.channel: r for r in distribution.distribute(ctx, out)}
    assert _catalogs_in_file(out, "B2B-JP")[minato] == ["CAT-STD"]
    assert _catalogs_in_file(out, "B2B-EN")[minato] == ["CAT-STD"]
    assert runs["B2B-JP"].updated == len(partners.customers[minato])

    # the last catalog made inactive: held back everywhere
    catalogs.update_catalog(ctx, "CAT-STD", active=False)
    runs = {r.channel: r for r in distribution.distribute(ctx, out)}
    assert {site: r.held_back for site, r in runs.items()} == {
        "B2B-EN": tuple(sorted([minato, partners.kita])),
        "B2B-JP": tuple(sorted([minato, partners.kita])),
    }
    assert _published(out, "B2B-JP") == {}


# --- the catalogs themselves (administrators) ----------------------------------------------------


def test_creating_a_catalog_is_validated_and_audited(partners: Partners) -> None:
    ctx = partners.ctx
    info = catalogs.create_catalog(
        ctx, " CAT-STD ", " 標準カタログ ", ["B2B-JP", "B2B-EN", "B2B-JP"]
    )
    assert (info.code, info.name, info.active, info.channels, info.hierarchies) == (
        "CAT-STD",
        "標準カタログ",
        True,
        ("B2B-EN", "B2B-JP"),
        0,
    )
    assert _audit(ctx, "catalog.create") == [
        (
            "catalog.create",
            "catalog",
            "CAT-STD",
            None,
            None,
            {"name": "標準カタログ", "channels": ["B2B-EN", "B2B-JP"]},
        )
    ]
    before = _audit_count(ctx)
    for code, name, sites, error, field in [
        ("CAT STD", "x", [], "catalog_code_invalid", "code"),
        ("", "x", [], "catalog_code_invalid", "code"),
        ("C" * 21, "x", [], "catalog_code_invalid", "code"),
        ("CAT-2", "  ", [], "catalog_name_invalid", "name"),
        ("CAT-2", "名" * 201, [], "catalog_name_invalid", "name"),
        ("CAT-2", "x", ["B2B-XX"], "channel_unknown", "channel"),
    ]:
        with pytest.raises(ValidationError) as bad:
            catalogs.create_catalog(ctx, code, name, sites)
        assert (bad.value.code, bad.value.field) == (error, field)
    with pytest.raises(ValidationError) as bad:
        catalogs.create_catalog(ctx, "CAT-2", "x", ["B2B-XX"])
    assert "B2B-XX" in bad.value.english()
    assert "B2B-EN, B2B-JP" in bad.value.english()
    with pytest.raises(RuleError) as exists:
        catalogs.create_catalog(ctx, "CAT-STD", "もう一つ", ["B2B-JP"])
    assert exists.value.code == "catalog_exists"
    assert [c.code for c in catalogs.list_catalogs(ctx)] == ["CAT-STD"]
    assert _audit_count(ctx) == before


def test_only_administrators_change_catalogs(partners: Partners, desk: Desk) -> None:
    ctx = partners.ctx
    catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP"])
    manager = desk("suzuki", role="manager")
    clerk = desk("tanaka", role="clerk")
    for other in (manager, clerk):
        with pytest.raises(PermissionDeniedError):
            catalogs.create_catalog(other, "CAT-NEW", "新カタログ", ["B2B-JP"])
        with pytest.raises(PermissionDeniedError):
            catalogs.update_catalog(other, "CAT-STD", name="改名")
        # but they see the list
        assert [(c.code, c.name) for c in catalogs.list_catalogs(other)] == [
            ("CAT-STD", "標準カタログ")
        ]


def test_changing_a_catalog_is_audited_and_an_old_copy_is_refused(partners: Partners) -> None:
    ctx = partners.ctx
    created = catalogs.create_catalog(ctx, "CAT-STD", "標準カタログ", ["B2B-JP"])
    renamed = catalogs.update_catalog(
        ctx, "CAT-STD", name="標準カタログ 2027", version=created.version
    )
    assert renamed.name == "標準カタログ 2027"
    assert renamed.version != created.version
    moved = catalogs.update_catalog(
        ctx, "CAT-STD", channels=["B2B-EN", "B2B-JP"], version=renamed.version
    )
    assert moved.channels == ("B2B-EN", "B2B-JP")
    assert moved.version != renamed.version  # the sites are the catalog's too

    # a desk that loaded the catalog before the sites changed may not save over them
    with pytest.raises(ConflictError) as stale:
        catalogs.update_catalog(ctx, "CAT-STD", active=False, version=renamed.version)
    assert stale.value.code == "conflict"
    assert "CAT-STD" in stale.value.english()
    assert ctx.login in stale.value.english()
    assert [(c.name, c.channels, c.active) for c in catalogs.list_catalogs(ctx)] == [
        ("標準カタログ 2027", ("B2B-EN", "B2B-JP"), True)
    ]

    # saving the same values again changes nothing and writes no entry
    same = catalogs.update_catalog(
        ctx, "CAT-STD", name="標準カタログ 2027", channels=["B2B-JP", "B2B-EN"]
    )
    assert same.version == moved.version
    assert _audit(ctx, "catalog.change") == [
        (
            "catalog.change",
            "catalog",
            "CAT-STD",
            None,
            {"name": "標準カタログ", "channels": ["B2B-JP"], "active": True},
            {"name": "標準カタログ 2027", "channels": ["B2B-JP"], "active": True},
        ),
        (
            "catalog.change",
            "catalog",
            "CAT-STD",
            None,
            {"name": "標準カタログ 2027", "channels": ["B2B-JP"], "active": True},
            {"name": "標準カタログ 2027", "channels": ["B2B-EN", "B2B-JP"], "active": True},
        ),
    ]
    with pytest.raises(NotFoundError):
        catalogs.update_catalog(ctx, "CAT-NONE", name="x")
    with pytest.raises(ValidationError):
        catalogs.update_catalog(ctx, "CAT-STD", name=" ")
    with ctx.db.read() as session:
        assert session.execute(select(Catalog.name)).scalar_one() == "標準カタログ 2027"
