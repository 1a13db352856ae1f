"""Channel grants and the access they give (DOMAIN.md rules 1, 9, 12): granting and revoking
B2B sites is audited and idempotent, and ``access check`` answers from what is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import make_url

from hierdesk.data.schema import AuditEntry, Channel, ChannelGrant, Customer
from hierdesk.domain.errors import NotFoundError, PermissionDeniedError, RuleError
from hierdesk.services import access, approval, audit, features, hierarchies, members, operators
from hierdesk.services.context import Context, connect

Submit = Callable[..., int]


@dataclass(frozen=True)
class Partner:
    hierarchy: str
    organization: str
    admin: str
    user: str


@pytest.fixture
def partner(b2b_workspace: Context, submit_request: Submit) -> Partner:
    """A partner with its organization, an admin and a user; the sites B2B-JP and B2B-EN
    exist, channel restriction is off and nothing is granted."""
    ctx = b2b_workspace
    result = approval.approve(ctx, submit_request(ctx, email="taro@minato.example.jp"))
    assert result.hierarchy
    assert result.organization
    assert result.person
    user = members.add_member(
        ctx,
        result.hierarchy,
        email="hanako@minato.example.jp",
        last_name="佐藤",
        first_name="花子",
    )
    return Partner(result.hierarchy, result.organization, result.person, user.account)


def _decision(ctx: Context, account: str, channel: str) -> tuple[bool, str]:
    d = access.check(ctx, account, channel)
    return d.allowed, d.reason


def _grant_rows(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count()).select_from(ChannelGrant)).scalar_one())


def _audit_count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(AuditEntry.id))).scalar_one())


def _entries(ctx: Context, action: str) -> list[Any]:
    return [e for e in audit.list_entries(ctx, limit=None) if e.action == action]


def _set_channel_active(ctx: Context, code: str, active: bool) -> None:
    """Sites are made inactive outside hierdesk's screens (their system): write the row."""
    with ctx.db.write() as session:
        session.execute(update(Channel).where(Channel.code == code).values(active=active))


def _as(ctx: Context, login: str) -> Context:
    """The same database opened by ``login``'s desk (a PostgreSQL login role there)."""
    url = ctx.db.location.url
    if ctx.db.backend == "postgresql":
        import psycopg

        with psycopg.connect(
            url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
        ) as conn:
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
                conn.execute(f'CREATE ROLE "{login}" LOGIN')
            conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"')
            conn.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"')
        url = make_url(url).set(username=login).render_as_string(hide_password=False)
    return connect(url, login)


# --- grants ----------------------------------------------------------------------------------


def test_grants_are_audited_and_idempotent(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    code = partner.hierarchy
    assert access.list_grants(ctx, code) == ()

    assert access.grant(ctx, code, "B2B-JP") == ("B2B-JP",)
    assert access.grant(ctx, code, "B2B-EN") == ("B2B-EN", "B2B-JP")
    count = _audit_count(ctx)
    assert access.grant(ctx, code, "B2B-JP") == ("B2B-EN", "B2B-JP")  # again: nothing new
    assert (_audit_count(ctx), _grant_rows(ctx)) == (count, 2)
    assert hierarchies.get_hierarchy(ctx, code).channels == ("B2B-EN", "B2B-JP")

    granted = _entries(ctx, "channel.grant")
    assert [(e.entity_type, e.entity_id, e.hierarchy, e.operator) for e in granted] == [
        ("hierarchy", code, code, ctx.login)
    ] * 2
    assert [(e.before, e.after) for e in granted] == [
        ({"channels": ["B2B-JP"]}, {"channels": ["B2B-EN", "B2B-JP"]}),
        ({"channels": []}, {"channels": ["B2B-JP"]}),
    ]

    assert access.revoke(ctx, code, "B2B-JP") == ("B2B-EN",)
    count = _audit_count(ctx)
    assert access.revoke(ctx, code, "B2B-JP") == ("B2B-EN",)  # again: nothing new
    assert _audit_count(ctx) == count
    assert access.revoke(ctx, code, "B2B-EN") == ()
    revoked = _entries(ctx, "channel.revoke")
    assert [(e.before, e.after) for e in revoked] == [
        ({"channels": ["B2B-EN"]}, {"channels": []}),
        ({"channels": ["B2B-EN", "B2B-JP"]}, {"channels": ["B2B-EN"]}),
    ]
    assert access.list_grants(ctx, code) == ()
    assert _grant_rows(ctx) == 0


def test_unknown_sites_and_hierarchies_are_named(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    count = _audit_count(ctx)
    for change in (access.grant, access.revoke):
        with pytest.raises(NotFoundError) as info:
            change(ctx, partner.hierarchy, "B2B-XX")
        assert info.value.code == "channel_not_found"
        assert "B2B-XX" in info.value.localized()
        with pytest.raises(NotFoundError) as missing:
            change(ctx, "CH-999999", "B2B-JP")
        assert missing.value.code == "hierarchy_not_found"
    with pytest.raises(NotFoundError) as check:
        access.check(ctx, partner.user, "B2B-XX")
    assert check.value.code == "channel_not_found"
    with pytest.raises(NotFoundError) as nobody:
        access.check(ctx, "C999999", "B2B-JP")
    assert nobody.value.code == "customer_not_found"
    assert (_audit_count(ctx), _grant_rows(ctx)) == (count, 0)


def test_a_clerk_sees_grants_but_does_not_change_them(
    b2b_workspace: Context, partner: Partner, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = b2b_workspace
    access.grant(ctx, partner.hierarchy, "B2B-JP")
    operators.add_operator(ctx, "tanaka", "clerk")
    clerk = _as(ctx, "tanaka")
    try:
        assert access.list_grants(clerk, partner.hierarchy) == ("B2B-JP",)
        assert _decision(clerk, partner.user, "B2B-JP") == (True, "restriction_off")
        for change in (access.grant, access.revoke):
            with pytest.raises(PermissionDeniedError) as info:
                change(clerk, partner.hierarchy, "B2B-EN" if change is access.grant else "B2B-JP")
            assert info.value.code == "permission_denied"
            assert info.value.exit_status == 3
    finally:
        clerk.db.dispose()
    assert access.list_grants(ctx, partner.hierarchy) == ("B2B-JP",)


def test_with_b2b_off_grants_are_not_changed(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    access.grant(ctx, partner.hierarchy, "B2B-JP")
    features.set_enabled(ctx, "b2b", False)
    count = _audit_count(ctx)
    for change, channel in ((access.grant, "B2B-EN"), (access.revoke, "B2B-JP")):
        with pytest.raises(RuleError) as info:
            change(ctx, partner.hierarchy, channel)
        assert info.value.code == "feature_off"
    assert access.list_grants(ctx, partner.hierarchy) == ("B2B-JP",)
    assert _audit_count(ctx) == count


# --- rule 9: the access that results ---------------------------------------------------------


def test_access_follows_restriction_grants_members_and_sites(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    everyone = (partner.organization, partner.admin, partner.user)

    def decisions(channel: str) -> set[tuple[bool, str]]:
        return {_decision(ctx, account, channel) for account in everyone}

    # restriction off: every site, whatever is granted
    assert decisions("B2B-JP") == decisions("B2B-EN") == {(True, "restriction_off")}
    access.grant(ctx, partner.hierarchy, "B2B-JP")
    assert decisions("B2B-EN") == {(True, "restriction_off")}

    # restriction on: only the granted sites …
    features.set_enabled(ctx, "channel_restriction", True)
    assert decisions("B2B-JP") == {(True, "granted")}
    assert decisions("B2B-EN") == {(False, "not_granted")}
    # … and every site again once no grant is left
    access.revoke(ctx, partner.hierarchy, "B2B-JP")
    assert decisions("B2B-EN") == decisions("B2B-JP") == {(True, "no_grants")}
    access.grant(ctx, partner.hierarchy, "B2B-EN")

    # a disabled member may use nothing; the others keep their access
    members.disable_member(ctx, partner.hierarchy, partner.user, "left the company")
    assert _decision(ctx, partner.user, "B2B-EN") == (False, "member_disabled")
    assert _decision(ctx, partner.admin, "B2B-EN") == (True, "granted")
    members.enable_member(ctx, partner.hierarchy, partner.user)
    assert _decision(ctx, partner.user, "B2B-EN") == (True, "granted")

    # an inactive site is refused to everyone, granted or not
    _set_channel_active(ctx, "B2B-EN", False)
    assert decisions("B2B-EN") == {(False, "channel_inactive")}
    _set_channel_active(ctx, "B2B-EN", True)

    # with B2B off nothing is allowed
    features.set_enabled(ctx, "channel_restriction", False)
    features.set_enabled(ctx, "b2b", False)
    assert decisions("B2B-EN") == decisions("B2B-JP") == {(False, "b2b_disabled")}


def test_a_person_outside_any_hierarchy_may_use_no_site(b2b_workspace: Context) -> None:
    ctx = b2b_workspace
    with ctx.db.write() as session:  # e.g. a retail customer: never approved into a hierarchy
        session.add(Customer(account="C900001", type="person", name="一般 顧客", is_b2b=False))
    assert _decision(ctx, "C900001", "B2B-JP") == (False, "not_in_hierarchy")
