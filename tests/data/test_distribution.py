"""The customers distribution job (1010; DOMAIN.md rules 9, 11, 15; INTERFACES.md §5): each
site's file holds exactly the customers that may use the site, a run publishes only what
changed since the last one, and a run that is cancelled, fails or is killed leaves the
files the sites read and the records of what they have as they were."""

from __future__ import annotations

import errno
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from hierdesk.data.schema import (
    AuditEntry,
    Catalog,
    CatalogAssignment,
    CatalogChannel,
    Channel,
    Customer,
    DistributionRecord,
    DistributionRun,
    Hierarchy,
    Member,
)
from hierdesk.domain.errors import DatabaseError, NotFoundError, RuleError
from hierdesk.services import access, approval, channels, distribution, features, files, members
from hierdesk.services.context import Context

Submit = Callable[..., int]
Desk = Callable[..., Context]
SITES = ("B2B-EN", "B2B-JP", "B2B-PRO")
CUSTOMER_KEYS = {"account", "type", "name", "email", "hierarchy", "role", "status"}
HIERARCHY_KEYS = {"id", "name", "organization", "channels", "catalogs"}


@dataclass(frozen=True)
class Partners:
    """Two partners on a database with B2B and channel restriction on and three sites.

    ``minato`` (organization, admin taro@, user hanako@) may use B2B-JP and B2B-EN;
    ``kita`` (organization, admin jiro@) has no grants, so it may use every site."""

    ctx: Context
    minato: str
    minato_org: str
    taro: str
    hanako: str
    kita: str
    kita_org: str
    jiro: str


@pytest.fixture
def partners(b2b_workspace: Context, submit_request: Submit) -> Partners:
    ctx = b2b_workspace
    channels.create_channel(ctx, "B2B-PRO", "プロ向け資材ストア")
    features.set_enabled(ctx, "channel_restriction", True)
    minato = approval.approve(
        ctx, submit_request(ctx, email="taro@minato.example.jp"), grants=("B2B-JP", "B2B-EN")
    )
    hanako = members.add_member(
        ctx,
        str(minato.hierarchy),
        email="hanako@minato.example.jp",
        last_name="佐藤",
        first_name="花子",
    )
    kita = approval.approve(ctx, submit_request(ctx, email="jiro@kita.example.jp"))
    return Partners(
        ctx,
        str(minato.hierarchy),
        str(minato.organization),
        str(minato.person),
        hanako.account,
        str(kita.hierarchy),
        str(kita.organization),
        str(kita.person),
    )


def run(ctx: Context, out: Path, **options: Any) -> dict[str, distribution.ChannelRun]:
    """Run the job; afterwards what the database says each site has (what sign-in linking
    goes by) is exactly what the site's file holds."""
    runs = {r.channel: r for r in distribution.distribute(ctx, out, **options)}
    for site in runs:
        assert _on_site(ctx, site) == set(published(out, site)), site
    return runs


def _on_site(ctx: Context, site: str) -> set[str]:
    """The accounts recorded as published to ``site`` and not withdrawn."""
    with ctx.db.read() as session:
        ids = list(session.execute(select(Customer.id)).scalars())
        on_site = distribution.distributed_to(session, site, ids)
        return set(
            session.execute(select(Customer.account).where(Customer.id.in_(on_site))).scalars()
        )


def site_file(out: Path, site: str) -> dict[str, Any]:
    data = json.loads((out / f"{site}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def published(out: Path, site: str) -> dict[str, dict[str, Any]]:
    """The customers of a site's file by account."""
    return {c["account"]: c for c in site_file(out, site)["customers"]}


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder with its bytes and modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(out.iterdir())}


def counts(runs: dict[str, distribution.ChannelRun]) -> dict[str, tuple[int, int, int]]:
    return {site: (r.added, r.updated, r.withdrawn) for site, r in runs.items()}


def _count(ctx: Context, entity: Any) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count()).select_from(entity)).scalar_one())


def _records(ctx: Context) -> list[tuple[str, int, str, bool]]:
    with ctx.db.read() as session:
        return [
            tuple(r)
            for r in session.execute(
                select(
                    DistributionRecord.channel_code,
                    DistributionRecord.customer_id,
                    DistributionRecord.published_version,
                    DistributionRecord.withdrawn,
                ).order_by(DistributionRecord.channel_code, DistributionRecord.customer_id)
            )
        ]


def _state(ctx: Context) -> tuple[int, list[tuple[str, int, str, bool]], int]:
    """What the database knows of past runs: runs, records, audit entries."""
    return _count(ctx, DistributionRun), _records(ctx), _count(ctx, AuditEntry)


# --- the content of the files against grants and channel_restriction ------------------------


def _everyone(ctx: Context) -> dict[str, tuple[str, str | None, str]]:
    """Every customer of a hierarchy, organization or member, disabled or not:
    account → (hierarchy, role, member status)."""
    with ctx.db.read() as session:
        found: dict[str, tuple[str, str | None, str]] = {
            account: (code, None, "active")
            for account, code in session.execute(
                select(Customer.account, Hierarchy.code).join(
                    Hierarchy, Hierarchy.organization_id == Customer.id
                )
            )
        }
        for account, code, role, status in session.execute(
            select(Customer.account, Hierarchy.code, Member.role, Member.status)
            .join(Member, Member.customer_id == Customer.id)
            .join(Hierarchy, Hierarchy.id == Member.hierarchy_id)
        ):
            found[account] = (code, role, status)
    return found


def _check_files_against_access(ctx: Context, out: Path, sites: tuple[str, ...]) -> int:
    """Every customer is in the file of each site ``access check`` allows it, and in no
    other; its record names its hierarchy and role. Returns how many disabled members
    were checked to be absent."""
    everyone = _everyone(ctx)
    disabled = 0
    for site in sites:
        data = site_file(out, site)
        assert data["channel"] == site
        in_file = {c["account"]: c for c in data["customers"]}
        assert all(set(c) == CUSTOMER_KEYS for c in in_file.values())
        assert all(set(h) == HIERARCHY_KEYS for h in data["hierarchies"])
        allowed = {a for a in everyone if access.check(ctx, a, site).allowed}
        assert set(in_file) == allowed, site
        for account, (_code, _role, status) in everyone.items():
            if status == "disabled":
                disabled += 1
                assert account not in in_file
        for account, record in in_file.items():
            assert (record["hierarchy"], record["role"], record["status"]) == (
                everyone[account][0],
                everyone[account][1],
                "active",
            )
            assert record["type"] == ("organization" if everyone[account][1] is None else "person")
        hierarchies_here = {h["id"]: h for h in data["hierarchies"]}
        assert set(hierarchies_here) == {record["hierarchy"] for record in in_file.values()}
    # a hierarchy lists exactly the sites whose files hold it
    for site in sites:
        for entry in site_file(out, site)["hierarchies"]:
            holding = [
                s
                for s in sites
                if entry["id"] in {h["id"] for h in site_file(out, s)["hierarchies"]}
            ]
            assert entry["channels"] == holding
    return disabled


def test_each_site_publishes_exactly_the_customers_that_may_use_it(
    demo_workspace: Context, tmp_path: Path
) -> None:
    ctx = demo_workspace
    out = tmp_path / "sites"
    codes = _hierarchy_codes(ctx)
    # make sure both kinds are there: a hierarchy limited to one site, a disabled member
    for site in ("B2B-EN", "B2B-PRO"):
        access.revoke(ctx, codes[0], site)
    access.grant(ctx, codes[0], "B2B-JP")
    user = next(m for m in members.list_members(ctx, codes[1]) if m.role == "user")
    members.disable_member(ctx, codes[1], user.account, "退職")
    assert access.restriction_on(ctx)

    runs = run(ctx, out)
    assert sorted(runs) == list(SITES)
    assert _check_files_against_access(ctx, out, SITES) > 0
    jp, pro = published(out, "B2B-JP"), published(out, "B2B-PRO")
    first_org = next(a for a, c in jp.items() if c["hierarchy"] == codes[0] and c["role"] is None)
    assert first_org not in pro
    for site, r in runs.items():
        data = site_file(out, site)
        assert (r.customers, r.hierarchies) == (len(data["customers"]), len(data["hierarchies"]))
        assert (r.added, r.updated, r.withdrawn) == (r.customers, 0, 0)  # the first run
        assert r.written
        assert Path(r.path) == out / f"{site}.json"

    # restriction off: every hierarchy on every site
    features.set_enabled(ctx, "channel_restriction", False)
    runs = run(ctx, out)
    _check_files_against_access(ctx, out, SITES)
    assert published(out, "B2B-PRO").keys() == published(out, "B2B-JP").keys()
    assert first_org in published(out, "B2B-PRO")
    assert runs["B2B-PRO"].added > 0
    assert all(r.withdrawn == 0 for r in runs.values())


def _hierarchy_codes(ctx: Context) -> list[str]:
    with ctx.db.read() as session:
        return list(session.execute(select(Hierarchy.code).order_by(Hierarchy.code)).scalars())


def test_the_file_holds_the_partners_as_granted(partners: Partners, tmp_path: Path) -> None:
    p = partners
    out = tmp_path / "sites"
    runs = run(p.ctx, out)
    minato = {p.minato_org, p.taro, p.hanako}
    kita = {p.kita_org, p.jiro}
    assert set(published(out, "B2B-JP")) == minato | kita
    assert set(published(out, "B2B-EN")) == minato | kita
    assert set(published(out, "B2B-PRO")) == kita
    assert counts(runs) == {"B2B-EN": (5, 0, 0), "B2B-JP": (5, 0, 0), "B2B-PRO": (2, 0, 0)}
    jp = published(out, "B2B-JP")
    assert jp[p.taro]["role"] == "admin"
    assert jp[p.hanako]["role"] == "user"
    assert jp[p.hanako]["email"] == "hanako@minato.example.jp"
    assert jp[p.minato_org]["type"] == "organization"
    entries = {h["id"]: h for h in site_file(out, "B2B-JP")["hierarchies"]}
    assert entries[p.minato]["channels"] == ["B2B-EN", "B2B-JP"]
    assert entries[p.minato]["organization"] == p.minato_org
    assert entries[p.kita]["channels"] == list(SITES)


# --- a second run, and the changes the next run picks up -------------------------------------


def test_running_twice_without_changes_publishes_nothing_new(
    partners: Partners, tmp_path: Path
) -> None:
    out = tmp_path / "sites"
    run(partners.ctx, out)
    before = snapshot(out)
    generated = site_file(out, "B2B-JP")["generated_at"]
    records = _records(partners.ctx)
    again = run(partners.ctx, out)
    assert {site: r.changed for site, r in again.items()} == dict.fromkeys(SITES, 0)
    assert not any(r.written for r in again.values())
    assert snapshot(out) == before  # same bytes, same modification time
    assert site_file(out, "B2B-JP")["generated_at"] == generated
    assert _records(partners.ctx) == records
    assert all(s.pending == 0 for s in distribution.overview(partners.ctx))


def test_the_next_run_picks_up_each_change(partners: Partners, tmp_path: Path) -> None:
    p, ctx = partners, partners.ctx
    out = tmp_path / "sites"
    run(ctx, out)

    # a new member: added on the sites the hierarchy may use
    saburo = members.add_member(
        ctx, p.minato, email="saburo@minato.example.jp", last_name="鈴木", first_name="三郎"
    ).account
    pending = {s.channel: (s.pending_added, s.pending_updated) for s in distribution.overview(ctx)}
    assert pending == {"B2B-EN": (1, 0), "B2B-JP": (1, 0), "B2B-PRO": (0, 0)}
    runs = run(ctx, out)
    assert counts(runs) == {"B2B-EN": (1, 0, 0), "B2B-JP": (1, 0, 0), "B2B-PRO": (0, 0, 0)}
    assert [r.written for r in runs.values()] == [True, True, False]
    assert published(out, "B2B-JP")[saburo]["role"] == "user"
    assert saburo not in published(out, "B2B-PRO")

    # a role change: updated
    members.set_role(ctx, p.minato, saburo, "admin")
    runs = run(ctx, out)
    assert counts(runs) == {"B2B-EN": (0, 1, 0), "B2B-JP": (0, 1, 0), "B2B-PRO": (0, 0, 0)}
    assert published(out, "B2B-EN")[saburo]["role"] == "admin"

    # a disabled member: withdrawn, and gone from the files
    members.disable_member(ctx, p.minato, p.hanako, "異動")
    runs = run(ctx, out)
    assert counts(runs) == {"B2B-EN": (0, 0, 1), "B2B-JP": (0, 0, 1), "B2B-PRO": (0, 0, 0)}
    assert p.hanako not in published(out, "B2B-JP")
    assert p.hanako not in published(out, "B2B-EN")
    with ctx.db.read() as session:
        hanako_id = session.execute(
            select(Customer.id).where(Customer.account == p.hanako)
        ).scalar_one()
    with ctx.db.read() as session:
        assert distribution.distributed_to(session, "B2B-JP", [hanako_id]) == set()

    # enabled again: added again
    members.enable_member(ctx, p.minato, p.hanako)
    runs = run(ctx, out)
    assert counts(runs)["B2B-JP"] == (1, 0, 0)
    with ctx.db.read() as session:
        assert distribution.distributed_to(session, "B2B-JP", [hanako_id]) == {hanako_id}

    # a revoked grant: the hierarchy's customers leave that site; on the site it keeps,
    # its entry lists one site less, so each of its customers is updated
    access.revoke(ctx, p.minato, "B2B-EN")
    minato_customers = {p.minato_org, p.taro, p.hanako, saburo}
    runs = run(ctx, out)
    assert counts(runs) == {"B2B-EN": (0, 0, 4), "B2B-JP": (0, 4, 0), "B2B-PRO": (0, 0, 0)}
    assert not minato_customers & set(published(out, "B2B-EN"))
    assert minato_customers <= set(published(out, "B2B-JP"))
    entries = {h["id"]: h for h in site_file(out, "B2B-JP")["hierarchies"]}
    assert entries[p.minato]["channels"] == ["B2B-JP"]
    assert p.kita in entries  # the other partner is untouched
    assert {p.kita_org, p.jiro} <= set(published(out, "B2B-EN"))

    # and nothing more to do
    assert all(r.changed == 0 for r in run(ctx, out).values())


def _file_diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[int, int, int]:
    """(added, updated, withdrawn) read off two versions of a site's file: a customer is
    updated when its record or its hierarchy's entry differs."""

    def published(data: dict[str, Any]) -> dict[str, Any]:
        entries = {h["id"]: h for h in data.get("hierarchies", [])}
        return {c["account"]: (c, entries[c["hierarchy"]]) for c in data.get("customers", [])}

    old, new = published(before), published(after)
    added = len(new.keys() - old.keys())
    withdrawn = len(old.keys() - new.keys())
    updated = sum(1 for a in new.keys() & old.keys() if new[a] != old[a])
    return added, updated, withdrawn


@pytest.mark.parametrize("seed", [1, 2])
def test_what_a_run_reports_is_what_changed_in_the_files(
    partners: Partners, tmp_path: Path, seed: int
) -> None:
    """A random walk of the changes managers make, a run after each: the counts are the
    differences between the previous and the new file, every file holds exactly the
    customers ``access check`` allows, and a run right after changes nothing."""
    p, ctx = partners, partners.ctx
    rng = random.Random(seed)
    out = tmp_path / "sites"
    hierarchies = [p.minato, p.kita]
    people = iter(range(1, 1000))

    def active(code: str, role: str | None = None) -> list[str]:
        return [
            m.account
            for m in members.list_members(ctx, code)
            if m.status == "active" and role in (None, m.role)
        ]

    def step() -> str:
        code = rng.choice(hierarchies)
        admins = active(code, "admin")
        choice = rng.choice(
            ["add", "disable", "enable", "role", "grant", "revoke", "restriction", "rename"]
        )
        if choice == "add":
            n = next(people)
            members.add_member(
                ctx, code, email=f"p{n}@walk.example.jp", last_name="歩", first_name=f"{n}"
            )
        elif choice == "disable":
            candidates = active(code, "user") + (admins if len(admins) > 1 else [])
            if candidates:
                members.disable_member(ctx, code, rng.choice(candidates), "walk")
        elif choice == "enable":
            disabled = [m.account for m in members.list_members(ctx, code) if m.status != "active"]
            if disabled:
                members.enable_member(ctx, code, rng.choice(disabled))
        elif choice == "role":
            users = active(code, "user")
            if users and (rng.random() < 0.5 or len(admins) < 2):
                members.set_role(ctx, code, rng.choice(users), "admin")
            elif len(admins) > 1:
                members.set_role(ctx, code, rng.choice(admins), "user")
        elif choice == "grant":
            access.grant(ctx, code, rng.choice(SITES))
        elif choice == "revoke":
            granted = access.list_grants(ctx, code)
            if granted:
                access.revoke(ctx, code, rng.choice(granted))
        elif choice == "restriction":
            features.set_enabled(ctx, "channel_restriction", not access.restriction_on(ctx))
        else:
            members.rename_hierarchy(ctx, code, f"名前{next(people)}")
        return choice

    run(ctx, out)
    files_now = {s: site_file(out, s) for s in SITES}
    done = []
    for _ in range(14):
        done.append(step())
        runs = run(ctx, out)
        for site in SITES:
            new = site_file(out, site)
            assert counts(runs)[site] == _file_diff(files_now[site], new), (done, site)
            assert runs[site].written == (new != files_now[site]), (done, site)
            files_now[site] = new
        _check_files_against_access(ctx, out, SITES)
    assert all(r.changed == 0 for r in run(ctx, out).values())


def test_each_run_is_recorded_and_audited(partners: Partners, tmp_path: Path) -> None:
    ctx = partners.ctx
    out = tmp_path / "sites"
    run(ctx, out)
    members.set_role(ctx, partners.minato, partners.hanako, "admin")
    run(ctx, out)
    with ctx.db.read() as session:
        entries = session.execute(
            select(AuditEntry.entity_id, AuditEntry.operator, AuditEntry.after)
            .where(AuditEntry.action == "distribution.run")
            .order_by(AuditEntry.id)
        ).all()
        runs = session.execute(
            select(
                DistributionRun.channel_code, DistributionRun.changed, DistributionRun.run_by
            ).order_by(DistributionRun.id)
        ).all()
    assert [e.entity_id for e in entries] == [*SITES, *SITES]
    assert {e.operator for e in entries} == {ctx.login}
    last = {e.entity_id: e.after for e in entries[3:]}
    assert (last["B2B-JP"]["updated"], last["B2B-JP"]["written"]) == (1, True)
    assert (last["B2B-PRO"]["updated"], last["B2B-PRO"]["written"]) == (0, False)
    assert last["B2B-JP"]["customers"] == 5
    assert [(r.channel_code, r.changed) for r in runs[3:]] == [
        ("B2B-EN", 1),
        ("B2B-JP", 1),
        ("B2B-PRO", 0),
    ]
    states = {s.channel: s for s in distribution.overview(ctx)}
    assert states["B2B-JP"].last_run_by == ctx.login
    assert states["B2B-JP"].customers == 5


def test_one_site_only(partners: Partners, tmp_path: Path) -> None:
    out = tmp_path / "sites"
    runs = run(partners.ctx, out, channel="B2B-PRO")
    assert list(runs) == ["B2B-PRO"]
    assert sorted(p.name for p in out.iterdir()) == ["B2B-PRO.json"]
    assert {s.channel: s.pending_added for s in distribution.overview(partners.ctx)} == {
        "B2B-EN": 5,
        "B2B-JP": 5,
        "B2B-PRO": 0,
    }


# --- catalogs (rule 15) ------------------------------------------------------------------------


def test_with_catalogs_on_a_hierarchy_without_a_catalog_on_the_site_is_held_back(
    partners: Partners, tmp_path: Path
) -> None:
    p, ctx = partners, partners.ctx
    out = tmp_path / "sites"
    with ctx.db.write() as session:
        ids = dict(session.execute(select(Channel.code, Channel.id)).all())
        catalog = Catalog(code="CAT-STD", name="標準カタログ", active=True)
        session.add(catalog)
        session.flush()
        session.add(CatalogChannel(catalog_id=catalog.id, channel_id=ids["B2B-JP"]))
        hierarchy_id = session.execute(
            select(Hierarchy.id).where(Hierarchy.code == p.minato)
        ).scalar_one()
        session.add(CatalogAssignment(hierarchy_id=hierarchy_id, catalog_id=catalog.id))
    run(ctx, out)
    features.set_enabled(ctx, "catalogs", True)
    runs = run(ctx, out)
    # minato has a catalog on B2B-JP only; kita has none
    assert runs["B2B-JP"].held_back == (p.kita,)
    assert runs["B2B-EN"].held_back == (p.minato, p.kita)
    assert runs["B2B-PRO"].held_back == (p.kita,)
    # minato's entry on B2B-JP listed its catalog before: only kita leaves
    assert counts(runs) == {"B2B-EN": (0, 0, 5), "B2B-JP": (0, 0, 2), "B2B-PRO": (0, 0, 2)}
    assert set(published(out, "B2B-JP")) == {p.minato_org, p.taro, p.hanako}
    assert published(out, "B2B-EN") == {}
    assert site_file(out, "B2B-JP")["hierarchies"][0]["catalogs"] == ["CAT-STD"]
    states = {s.channel: s.held_back for s in distribution.overview(ctx)}
    assert states["B2B-EN"] == (p.minato, p.kita)
    with ctx.db.read() as session:
        after = (
            session.execute(
                select(AuditEntry.after)
                .where(AuditEntry.action == "distribution.run", AuditEntry.entity_id == "B2B-EN")
                .order_by(AuditEntry.id.desc())
            )
            .scalars()
            .first()
        )
    assert after["held_back"] == [p.minato, p.kita]


# --- refusals ----------------------------------------------------------------------------------


def test_an_unknown_or_inactive_site_and_b2b_off_are_refused(
    partners: Partners, tmp_path: Path
) -> None:
    ctx = partners.ctx
    out = tmp_path / "sites"
    with pytest.raises(NotFoundError) as unknown:
        distribution.distribute(ctx, out, channel="B2B-XX")
    assert unknown.value.code == "channel_not_found"
    assert "B2B-XX" in unknown.value.english()
    with ctx.db.write() as session:
        session.execute(update(Channel).where(Channel.code == "B2B-PRO").values(active=False))
    with pytest.raises(RuleError) as inactive:
        distribution.distribute(ctx, out, channel="B2B-PRO")
    assert inactive.value.code == "channel_inactive"
    assert "B2B-PRO" in inactive.value.english()
    # an inactive site is left out of a run of every site
    assert sorted(run(ctx, out)) == ["B2B-EN", "B2B-JP"]
    assert not (out / "B2B-PRO.json").exists()
    # B2B off
    before = snapshot(out), _state(ctx)
    features.set_enabled(ctx, "channel_restriction", False)
    features.set_enabled(ctx, "b2b", False)
    with pytest.raises(RuleError) as off:
        distribution.distribute(ctx, out)
    assert off.value.code == "feature_off"
    assert (snapshot(out), _state(ctx)[:2]) == (before[0], before[1][:2])


def test_a_clerk_may_run_it_and_an_unknown_login_may_not(
    partners: Partners, tmp_path: Path
) -> None:
    from hierdesk.domain.errors import PermissionDeniedError
    from hierdesk.services import operators

    ctx = partners.ctx
    out = tmp_path / "sites"
    stranger = Context(ctx.db, "stranger")
    with pytest.raises(PermissionDeniedError) as denied:
        distribution.distribute(stranger, out)
    assert denied.value.code == "operator_unknown"
    assert not out.exists() or not any(out.iterdir())
    operators.add_operator(ctx, "clerk1", "clerk")
    runs = run(Context(ctx.db, "clerk1"), out)
    assert sorted(runs) == list(SITES)
    with ctx.db.read() as session:
        assert set(session.execute(select(DistributionRun.run_by)).scalars()) == {"clerk1"}


# --- cancel, failure, kill ----------------------------------------------------------------------


def _changed_since_first_run(p: Partners, out: Path) -> tuple[dict[str, tuple[bytes, int]], Any]:
    """Run once, then change something every site's file shows; returns the files and the
    database's records of that first run."""
    run(p.ctx, out)
    members.add_member(
        p.ctx, p.kita, email="shiro@kita.example.jp", last_name="高橋", first_name="四郎"
    )
    return snapshot(out), _state(p.ctx)


@pytest.mark.parametrize("at", [0, 1, 3])
def test_a_cancelled_run_changes_no_file_and_records_nothing(
    partners: Partners, tmp_path: Path, at: int
) -> None:
    out = tmp_path / "sites"
    files_before, db_before = _changed_since_first_run(partners, out)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done != at

    with pytest.raises(RuleError) as cancelled:
        distribution.distribute(partners.ctx, out, progress=progress)
    assert cancelled.value.code == "job_cancelled"
    assert calls[-1] == (at, 3)
    assert snapshot(out) == files_before  # no .part left either
    assert _state(partners.ctx) == db_before
    assert {
        s.channel: s.pending_added for s in distribution.overview(partners.ctx)
    } == dict.fromkeys(SITES, 1)


def test_a_file_that_cannot_be_put_in_place_fails_the_run_clearly(
    partners: Partners, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = partners
    out = tmp_path / "sites"
    files_before, db_before = _changed_since_first_run(p, out)
    real_replace = os.replace
    replaced: list[str] = []

    def replace(src: Any, dst: Any) -> None:
        if len(replaced) == 1:  # the second site
            raise OSError(errno.EACCES, "Permission denied", str(dst))
        replaced.append(Path(dst).name)
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(RuleError) as failed:
        distribution.distribute(p.ctx, out)
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert failed.value.code == "export_failed"
    message = failed.value.english()
    assert "B2B-JP.json" in message
    assert "Permission denied" in message
    # the first site got its new file; the others kept theirs; no .part is left behind
    assert replaced == ["B2B-EN.json"]
    now = snapshot(out)
    assert sorted(now) == sorted(files_before)
    assert now["B2B-JP.json"] == files_before["B2B-JP.json"]
    assert now["B2B-PRO.json"] == files_before["B2B-PRO.json"]
    assert "shiro@kita.example.jp" in {c["email"] for c in site_file(out, "B2B-EN")["customers"]}
    assert _state(p.ctx) == db_before  # the run was not recorded
    # the next run publishes everything again and records it
    runs = run(p.ctx, out)
    assert counts(runs) == dict.fromkeys(SITES, (1, 0, 0))
    assert not runs["B2B-EN"].written  # its file already says so
    assert runs["B2B-JP"].written
    assert "shiro@kita.example.jp" in {c["email"] for c in site_file(out, "B2B-PRO")["customers"]}


_KILLED_WHILE_WRITING = """
import json, os, signal, sys
from hierdesk.services import distribution

real_dump = json.dump
written = []

def dump(document, handle, **options):
    written.append(document["channel"])
    if len(written) < 2:
        return real_dump(document, handle, **options)
    text = json.dumps(document, **options)
    handle.write(text[: len(text) // 2])
    handle.flush()
    os.kill(os.getpid(), signal.SIGKILL)

distribution.json.dump = dump  # in this process only
from hierdesk.cli import main
sys.exit(main(["--db", sys.argv[1], "distribute", "--out", sys.argv[2]]))
"""


def test_a_job_killed_while_writing_leaves_the_previous_files(
    partners: Partners, tmp_path: Path
) -> None:
    p = partners
    out = tmp_path / "sites"
    files_before, db_before = _changed_since_first_run(p, out)
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_WRITING, p.ctx.db.location.url, str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -9, child.stderr
    # killed halfway through the second site's file
    half = out / ".B2B-JP.json.part"
    assert half.exists()
    with pytest.raises(json.JSONDecodeError):
        json.loads(half.read_text(encoding="utf-8"))
    # what the sites read is the previous file, byte for byte; nothing was recorded
    now = snapshot(out)
    for name, content in files_before.items():
        assert now[name] == content
    assert _state(p.ctx) == db_before
    # the next run succeeds and leaves no .part behind
    runs = run(p.ctx, out)
    assert counts(runs) == dict.fromkeys(SITES, (1, 0, 0))
    assert sorted(q.name for q in out.iterdir()) == [f"{s}.json" for s in SITES]
    for site in SITES:
        assert "shiro@kita.example.jp" in {c["email"] for c in site_file(out, site)["customers"]}


def test_a_stale_part_is_removed_even_when_the_file_stays_as_it_is(
    partners: Partners, tmp_path: Path
) -> None:
    out = tmp_path / "sites"
    run(partners.ctx, out)
    stale = out / ".B2B-JP.json.part"
    stale.write_text('{"channel": "B2B-JP", "custo', encoding="utf-8")
    before = (out / "B2B-JP.json").read_bytes()
    runs = run(partners.ctx, out)
    assert not runs["B2B-JP"].written
    assert (out / "B2B-JP.json").read_bytes() == before
    assert not stale.exists()


@pytest.mark.parametrize("second", ["gives_up", "waits"])
def test_two_runs_at_once_do_not_mix_their_files(
    partners: Partners, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str
) -> None:
    """A second desk starting the job while the first is putting its files in place waits
    for it: then it finds nothing left to publish, or it gives up after the busy timeout.
    Either way the files and the records are those of one run."""
    p = partners
    out = tmp_path / "sites"
    _changed_since_first_run(p, out)
    if second == "waits":
        monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", "20000")
    other = desk()
    ready, finish = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def first() -> None:
        def progress(done: int, total: int) -> bool:
            if done == total:
                ready.set()
                finish.wait(30)
            return True

        try:
            outcome["first"] = distribution.distribute(p.ctx, out, progress=progress)
        except Exception as exc:  # pragma: no cover - reported below
            outcome["first"] = exc
            ready.set()

    def release_soon() -> None:
        time.sleep(0.5)  # the second run has certainly started meanwhile
        finish.set()

    worker = threading.Thread(target=first)
    worker.start()
    try:
        assert ready.wait(30)
        if second == "gives_up":
            with pytest.raises(DatabaseError) as busy:
                distribution.distribute(other, out)
            assert busy.value.code == "db_locked"
        else:
            threading.Thread(target=release_soon).start()
            later = distribution.distribute(other, out)
            assert [(r.changed, r.written) for r in later] == [(0, False)] * 3
    finally:
        finish.set()
        worker.join(30)
    assert isinstance(outcome["first"], list), outcome["first"]
    assert [r.added for r in outcome["first"]] == [1, 1, 1]
    assert sorted(q.name for q in out.iterdir()) == [f"{s}.json" for s in SITES]
    for site in SITES:
        assert "shiro@kita.example.jp" in {c["email"] for c in site_file(out, site)["customers"]}
    assert all(r.changed == 0 for r in run(p.ctx, out).values())


# --- the folder ---------------------------------------------------------------------------------


def test_the_folder_is_a_setting_of_the_database(partners: Partners, tmp_path: Path) -> None:
    from hierdesk.domain.errors import ValidationError

    ctx = partners.ctx
    assert distribution.folder(ctx) == distribution.default_folder()
    target = tmp_path / "share" / "sites"
    assert distribution.set_folder(ctx, target) == target
    assert distribution.folder(ctx) == target
    with pytest.raises(ValidationError) as relative:
        distribution.set_folder(ctx, Path("relative/sites"))
    assert relative.value.code == "folder_not_absolute"
    assert distribution.folder(ctx) == target
    with ctx.db.read() as session:
        entry = session.execute(
            select(AuditEntry.after).where(AuditEntry.action == "setting.change")
        ).scalar_one()
    assert entry == {"value": str(target)}
