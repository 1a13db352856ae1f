"""Members of a customer hierarchy (DOMAIN.md rules 1, 5, 7, 12, 13): adding people with the
organization's terms, promoting and demoting, disabling and enabling — and the refusals that
keep every partner with an active admin and every e-mail with one active B2B person."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry, Customer, Hierarchy, Member
from hierdesk.domain.dto import MemberInfo
from hierdesk.domain.errors import (
    ConflictError,
    HierdeskError,
    NotFoundError,
    PermissionDeniedError,
    RuleError,
    ValidationError,
)
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.i18n.formatting import format_datetime
from hierdesk.services import approval, audit, features, members, properties, sequences
from hierdesk.services.context import Context

Submit = Callable[..., int]


# --- helpers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Partner:
    hierarchy: str
    organization: str
    admin: str


def _approve_partner(ctx: Context, submit: Submit, **fields: object) -> Partner:
    result = approval.approve(ctx, submit(ctx, **fields))
    assert result.hierarchy
    assert result.organization
    assert result.person
    return Partner(result.hierarchy, result.organization, result.person)


@pytest.fixture
def partner(b2b_workspace: Context, submit_request: Submit) -> Partner:
    """A partner approved from a sign-up: its organization and one admin, taro@…"""
    return _approve_partner(b2b_workspace, submit_request, email="taro@minato.example.jp")


def _customer(ctx: Context, account: str) -> Customer:
    with ctx.db.read() as session:
        row = session.execute(select(Customer).where(Customer.account == account)).scalar_one()
        session.expunge(row)
        return row


def _member(ctx: Context, account: str) -> Member:
    with ctx.db.read() as session:
        row = session.execute(
            select(Member)
            .join(Customer, Customer.id == Member.customer_id)
            .where(Customer.account == account)
        ).scalar_one()
        session.expunge(row)
        return row


def _roles(ctx: Context, code: str) -> dict[str, tuple[str, str]]:
    return {m.account: (m.role, m.status) for m in members.list_members(ctx, code)}


def _state(ctx: Context) -> dict[str, object]:
    """What a member change could touch, for "nothing changed" checks."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(
                Customer.account, Member.role, Member.status, Member.disabled_reason, Member.version
            ).join(Member, Member.customer_id == Customer.id)
        ).all()
        return {
            "members": sorted(tuple(r) for r in rows),
            "customers": session.execute(select(func.count(Customer.id))).scalar_one(),
            "hierarchies": sorted(session.execute(select(Hierarchy.code, Hierarchy.name)).all()),
            "audit": session.execute(select(func.count(AuditEntry.id))).scalar_one(),
            "next_account": sequences.peek(ctx, "customer_account"),
        }


def _entries(ctx: Context, action: str) -> list[Any]:
    return [e for e in audit.list_entries(ctx, limit=None) if e.action == action]


def _add(ctx: Context, partner: Partner, email: str, **kwargs: Any) -> MemberInfo:
    return members.add_member(
        ctx, partner.hierarchy, email=email, last_name="佐藤", first_name="花子", **kwargs
    )


Desk = Callable[..., Context]


# --- adding people -----------------------------------------------------------------------------


def test_an_added_member_gets_the_organizations_terms_and_is_invoiced_to_it(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    # the partner's terms are not the defaults any more: the new person must get these
    properties.set_property(ctx, partner.organization, "price_group", "VIP")
    properties.set_property(ctx, partner.organization, "credit_limit", "2,500,000")
    org = _customer(ctx, partner.organization)
    account = sequences.peek(ctx, "customer_account")

    added = members.add_member(
        ctx,
        partner.hierarchy,
        email="ｈａｎａｋｏ@minato.example.jp",
        last_name=" 佐藤 ",
        first_name="花子",
        last_name_kana="さとう",
        first_name_kana="ﾊﾅｺ",
    )

    assert (added.account, added.role, added.status) == (account, "user", "active")
    assert (added.name, added.email, added.added_by) == (
        "佐藤 花子",
        "hanako@minato.example.jp",
        ctx.login,
    )
    person = _customer(ctx, account)
    assert (person.type, person.is_b2b, person.language) == ("person", True, "ja")
    assert (person.last_name, person.first_name) == ("佐藤", "花子")
    assert (person.last_name_kana, person.first_name_kana, person.name_kana) == (
        "サトウ",
        "ハナコ",
        "サトウ ハナコ",
    )
    assert person.invoice_account == partner.organization
    assert person.price_group == "VIP"
    assert person.credit_limit == 2_500_000
    assert {p: getattr(person, p) for p in PROPERTIES if p != "invoice_account"} == {
        p: getattr(org, p) for p in PROPERTIES if p != "invoice_account"
    }
    assert _roles(ctx, partner.hierarchy) == {
        partner.admin: ("admin", "active"),
        account: ("user", "active"),
    }

    created = next(e for e in _entries(ctx, "customer.create") if e.entity_id == account)
    assert created.operator == ctx.login
    assert created.hierarchy == partner.hierarchy
    assert created.after["invoice_account"] == partner.organization
    assert created.after["price_group"] == "VIP"
    added_entry = next(e for e in _entries(ctx, "member.add") if e.after["customer"] == account)
    assert (added_entry.entity_type, added_entry.entity_id) == ("hierarchy", partner.hierarchy)
    assert added_entry.after == {"customer": account, "role": "user"}


def test_a_member_can_be_added_as_admin_in_english(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    added = members.add_member(
        ctx,
        partner.hierarchy,
        email="john@minato.example.jp",
        last_name="Smith",
        first_name="John",
        role="admin",
        language="en",
    )
    assert (added.name, added.role) == ("John Smith", "admin")
    assert _customer(ctx, added.account).language == "en"
    assert sorted(r for r, _s in _roles(ctx, partner.hierarchy).values()) == ["admin", "admin"]


@pytest.mark.parametrize(
    "same_address",
    [
        "taro@minato.example.jp",
        "TARO@Minato.Example.JP",
        "ｔａｒｏ＠ｍｉｎａｔｏ．ｅｘａｍｐｌｅ．ｊｐ",
    ],
)
@pytest.mark.parametrize("where", ["same", "other"])
def test_an_e_mail_of_an_active_b2b_person_is_refused_naming_the_customer(
    b2b_workspace: Context, submit_request: Submit, partner: Partner, same_address: str, where: str
) -> None:
    ctx = b2b_workspace
    other = _approve_partner(ctx, submit_request, email="admin@other.example.jp")
    target = partner if where == "same" else other
    before = _state(ctx)
    with pytest.raises(RuleError) as info:
        _add(ctx, target, same_address)
    assert info.value.code == "email_in_use"
    assert partner.admin in info.value.localized()
    assert _state(ctx) == before  # no customer, no member, no account number taken


def test_the_e_mail_of_a_disabled_member_may_be_used_again(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    first = _add(ctx, partner, "hanako@minato.example.jp")
    members.disable_member(ctx, partner.hierarchy, first.account, "left the company")
    again = _add(ctx, partner, "Hanako@Minato.example.jp")
    assert again.account != first.account
    assert _roles(ctx, partner.hierarchy)[again.account] == ("user", "active")


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"email": "not an address"}, "email_invalid", "email"),
        ({"last_name": "  "}, "field_required", "last_name"),
        ({"first_name": ""}, "field_required", "first_name"),
        ({"last_name": "長" * 101}, "field_too_long", "last_name"),
        ({"last_name_kana": "sato"}, "kana_invalid", "last_name_kana"),
        ({"role": "owner"}, "role_unknown", "role"),
        ({"language": "fr"}, "language_unknown", "language"),
    ],
)
def test_what_does_not_fit_is_refused_naming_the_field(
    b2b_workspace: Context, partner: Partner, fields: dict[str, str], code: str, field: str
) -> None:
    ctx = b2b_workspace
    values: dict[str, Any] = {
        "email": "hanako@minato.example.jp",
        "last_name": "佐藤",
        "first_name": "花子",
    }
    values.update(fields)
    before = _state(ctx)
    with pytest.raises(ValidationError) as info:
        members.add_member(ctx, partner.hierarchy, **values)
    assert (info.value.code, info.value.field) == (code, field)
    assert _state(ctx) == before


def test_unknown_hierarchies_and_members_are_named(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    with pytest.raises(NotFoundError) as info:
        _add(ctx, Partner("CH-999999", partner.organization, partner.admin), "x@example.jp")
    assert info.value.code == "hierarchy_not_found"
    assert "CH-999999" in info.value.localized()
    with pytest.raises(NotFoundError) as info:
        members.set_role(ctx, partner.hierarchy, "C999999", "admin")
    assert info.value.code == "member_not_found"
    assert "C999999" in info.value.localized()
    # the organization is not a member: it has no role to change
    with pytest.raises(NotFoundError):
        members.disable_member(ctx, partner.hierarchy, partner.organization, "no")


# --- rule 7: roles ---------------------------------------------------------------------------


def test_a_user_is_promoted_and_the_first_admin_demoted(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    user = _add(ctx, partner, "hanako@minato.example.jp")

    promoted = members.set_role(ctx, partner.hierarchy, user.account, "admin")
    assert promoted.role == "admin"
    assert promoted.version > user.version
    # with two active admins, one of them can be made a user
    demoted = members.set_role(ctx, partner.hierarchy, partner.admin, "user")
    assert demoted.role == "user"
    assert _roles(ctx, partner.hierarchy) == {
        partner.admin: ("user", "active"),
        user.account: ("admin", "active"),
    }
    entries = _entries(ctx, "member.role")
    assert [(e.entity_id, e.before, e.after, e.operator) for e in entries] == [
        (partner.admin, {"role": "admin"}, {"role": "user"}, ctx.login),  # newest first
        (user.account, {"role": "user"}, {"role": "admin"}, ctx.login),
    ]
    assert {e.hierarchy for e in entries} == {partner.hierarchy}
    row = _member(ctx, partner.admin)
    assert row.changed_by == ctx.login
    assert row.changed_at is not None

    # the role it has already: nothing to do, nothing written
    before = _state(ctx)
    assert members.set_role(ctx, partner.hierarchy, user.account, "admin").role == "admin"
    assert _state(ctx) == before


@pytest.mark.parametrize("change", ["demote", "disable"])
def test_the_last_active_admin_is_kept(
    b2b_workspace: Context, partner: Partner, change: str
) -> None:
    ctx = b2b_workspace
    _add(ctx, partner, "hanako@minato.example.jp")  # a user does not count
    before = _state(ctx)
    attempt = {
        "demote": lambda: members.set_role(ctx, partner.hierarchy, partner.admin, "user"),
        "disable": lambda: members.disable_member(ctx, partner.hierarchy, partner.admin, "left"),
    }[change]
    with pytest.raises(RuleError) as info:
        attempt()
    assert info.value.code == "last_admin"
    message = info.value.localized()
    assert partner.admin in message
    assert partner.hierarchy in message
    assert _state(ctx) == before
    assert _roles(ctx, partner.hierarchy)[partner.admin] == ("admin", "active")


def test_a_disabled_admin_does_not_count(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    second = _add(ctx, partner, "hanako@minato.example.jp", role="admin")
    # two active admins: one may be disabled
    members.disable_member(ctx, partner.hierarchy, second.account, "on leave")
    assert _roles(ctx, partner.hierarchy)[second.account] == ("admin", "disabled")
    # now the first is the last active admin, although two members have the role
    before = _state(ctx)
    for attempt in (
        lambda: members.set_role(ctx, partner.hierarchy, partner.admin, "user"),
        lambda: members.disable_member(ctx, partner.hierarchy, partner.admin, "left"),
    ):
        with pytest.raises(RuleError) as info:
            attempt()
        assert info.value.code == "last_admin"
    assert _state(ctx) == before
    # the disabled admin can be made a user: the active admins stay as they are
    assert members.set_role(ctx, partner.hierarchy, second.account, "user").role == "user"
    # once enabled and promoted again, the first admin may step down
    members.enable_member(ctx, partner.hierarchy, second.account)
    members.set_role(ctx, partner.hierarchy, second.account, "admin")
    members.disable_member(ctx, partner.hierarchy, partner.admin, "left the company")
    assert _roles(ctx, partner.hierarchy) == {
        partner.admin: ("admin", "disabled"),
        second.account: ("admin", "active"),
    }


# --- disabling and enabling -----------------------------------------------------------------


def test_a_member_is_disabled_with_a_reason_and_enabled_again(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    user = _add(ctx, partner, "hanako@minato.example.jp")

    with pytest.raises(ValidationError) as info:
        members.disable_member(ctx, partner.hierarchy, user.account, "   ")
    assert (info.value.code, info.value.field) == ("field_required", "reason")
    assert _roles(ctx, partner.hierarchy)[user.account] == ("user", "active")

    disabled = members.disable_member(ctx, partner.hierarchy, user.account, " 退職 ")
    assert (disabled.status, disabled.disabled_reason) == ("disabled", "退職")
    entry = _entries(ctx, "member.disable")[0]
    assert (entry.entity_id, entry.before, entry.after) == (
        user.account,
        {"status": "active"},
        {"status": "disabled", "reason": "退職"},
    )

    # disabling it again changes nothing
    before = _state(ctx)
    members.disable_member(ctx, partner.hierarchy, user.account, "again")
    assert _state(ctx) == before

    enabled = members.enable_member(ctx, partner.hierarchy, user.account)
    assert (enabled.status, enabled.disabled_reason) == ("active", None)
    entry = _entries(ctx, "member.enable")[0]
    assert (entry.entity_id, entry.before, entry.after) == (
        user.account,
        {"status": "disabled", "reason": "退職"},
        {"status": "active"},
    )
    row = _member(ctx, user.account)
    assert (row.status, row.disabled_reason) == ("active", None)


@pytest.mark.parametrize("where", ["same", "other"])
def test_enabling_is_refused_when_the_e_mail_now_belongs_to_another_active_person(
    b2b_workspace: Context, submit_request: Submit, partner: Partner, where: str
) -> None:
    ctx = b2b_workspace
    user = _add(ctx, partner, "hanako@minato.example.jp")
    members.disable_member(ctx, partner.hierarchy, user.account, "left the company")
    target = (
        partner
        if where == "same"
        else _approve_partner(ctx, submit_request, email="admin@other.example.jp")
    )
    newcomer = _add(ctx, target, "ＨＡＮＡＫＯ@minato.example.jp")
    before = _state(ctx)

    with pytest.raises(RuleError) as info:
        members.enable_member(ctx, partner.hierarchy, user.account)
    assert info.value.code == "email_in_use"
    assert newcomer.account in info.value.localized()
    assert _state(ctx) == before
    assert _member(ctx, user.account).status == "disabled"

    # once the newcomer is disabled, the first may come back
    members.disable_member(ctx, target.hierarchy, newcomer.account, "duplicate")
    assert members.enable_member(ctx, partner.hierarchy, user.account).status == "active"


def test_a_hierarchy_is_renamed(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    name, version, _at, _by = members.hierarchy_version(ctx, partner.hierarchy)
    result = members.rename_hierarchy(ctx, partner.hierarchy, " みなと商事グループ ")
    assert result["name"] == "みなと商事グループ"
    assert members.hierarchy_version(ctx, partner.hierarchy)[0] == "みなと商事グループ"
    entry = _entries(ctx, "hierarchy.rename")[0]
    assert (entry.before, entry.after) == ({"name": name}, {"name": "みなと商事グループ"})
    with pytest.raises(ValidationError):
        members.rename_hierarchy(ctx, partner.hierarchy, "  ")
    # a rename from an old copy is refused, naming who renamed it
    with pytest.raises(ConflictError) as conflict:
        members.rename_hierarchy(ctx, partner.hierarchy, "古い名前", version=version)
    assert conflict.value.code == "conflict"
    assert ctx.login in conflict.value.localized()
    assert members.hierarchy_version(ctx, partner.hierarchy)[0] == "みなと商事グループ"


# --- rule 13: two desks ---------------------------------------------------------------------


def test_a_role_change_from_an_old_copy_is_refused_naming_who_changed_it(
    b2b_workspace: Context, partner: Partner, desk: Desk
) -> None:
    ctx = b2b_workspace
    user = _add(ctx, partner, "hanako@minato.example.jp")
    suzuki = desk("suzuki")
    mine = desk()
    # both desks show the member with the same version
    seen = {m.account: m.version for m in members.list_members(suzuki, partner.hierarchy)}
    assert seen == {m.account: m.version for m in members.list_members(mine, partner.hierarchy)}

    members.set_role(suzuki, partner.hierarchy, user.account, "admin", version=seen[user.account])
    before = _state(ctx)
    with pytest.raises(ConflictError) as info:
        members.set_role(mine, partner.hierarchy, user.account, "user", version=seen[user.account])
    assert info.value.code == "conflict"
    assert info.value.exit_status == 1
    message = info.value.localized()
    assert "suzuki" in message
    changed_at = _member(ctx, user.account).changed_at
    assert changed_at is not None
    assert format_datetime(changed_at) in message
    assert _state(ctx) == before
    assert _roles(ctx, partner.hierarchy)[user.account] == ("admin", "active")
    assert _entries(ctx, "member.role")[0].operator == "suzuki"

    # disabling from the old copy is refused the same way; from the new one it works
    with pytest.raises(ConflictError):
        members.disable_member(
            mine, partner.hierarchy, user.account, "left", version=seen[user.account]
        )
    fresh = {m.account: m.version for m in members.list_members(mine, partner.hierarchy)}
    members.disable_member(
        mine, partner.hierarchy, user.account, "left", version=fresh[user.account]
    )
    assert _roles(ctx, partner.hierarchy)[user.account] == ("admin", "disabled")


@pytest.mark.parametrize("first", ["add", "enable"])
def test_two_desks_cannot_give_one_e_mail_to_two_active_people_at_once(
    b2b_workspace: Context,
    submit_request: Submit,
    partner: Partner,
    desk: Desk,
    monkeypatch: pytest.MonkeyPatch,
    first: str,
) -> None:
    """Rule 5 across desks: at the same moment, one manager adds (or enables) a person with
    an address and another adds a person with the same address to another partner; the
    second desk's check must see the first's person on either backend."""
    ctx = b2b_workspace
    other = _approve_partner(ctx, submit_request, email="admin@other.example.jp")
    if first == "enable":
        earlier = _add(ctx, partner, "hanako@minato.example.jp")
        members.disable_member(ctx, partner.hierarchy, earlier.account, "on leave")
    monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", "20000")  # wait for the other desk
    desks = [desk("suzuki"), desk()]
    original = members.email_in_use

    def slow(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        time.sleep(0.4)  # the other desk certainly checks meanwhile
        return found

    monkeypatch.setattr(members, "email_in_use", slow)
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def add(i: int) -> None:
        barrier.wait()
        try:
            if i == 0 and first == "enable":
                outcomes[i] = members.enable_member(desks[i], partner.hierarchy, earlier.account)
            else:
                outcomes[i] = _add(desks[i], (partner, other)[i], "hanako@minato.example.jp")
        except HierdeskError as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=add, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)

    added = [o for o in outcomes if isinstance(o, MemberInfo)]
    refused = [o for o in outcomes if isinstance(o, HierdeskError)]
    assert len(added) == 1, outcomes
    assert len(refused) == 1, outcomes
    assert isinstance(refused[0], RuleError), refused[0].english()
    assert refused[0].code == "email_in_use"
    assert added[0].account in refused[0].localized()
    with ctx.db.read() as session:
        active = session.execute(
            select(Customer.account)
            .join(Member, Member.customer_id == Customer.id)
            .where(Customer.email_key == "hanako@minato.example.jp", Member.status == "active")
        ).all()
    assert [a for (a,) in active] == [added[0].account]


def test_an_approval_into_a_hierarchy_and_a_member_added_to_it_at_once_both_succeed(
    b2b_workspace: Context,
    submit_request: Submit,
    partner: Partner,
    desk: Desk,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A clerk approves a colleague into a partner while a manager adds someone else to the
    same partner: both are added, one after the other (neither desk fails with "busy")."""
    ctx = b2b_workspace
    rid = submit_request(
        ctx,
        kind="add_user",
        hierarchy_id=partner.hierarchy,
        requested_by="taro@minato.example.jp",
        email="jiro@minato.example.jp",
    )
    monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", "20000")
    approving, adding = desk(), desk("suzuki")
    original = approval._approve_into

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.6)  # the manager's desk starts adding meanwhile
        return original(*args, **kwargs)

    monkeypatch.setattr(approval, "_approve_into", slow)
    outcomes: list[object] = [None, None]

    def approve() -> None:
        try:
            outcomes[0] = approval.approve(approving, rid)
        except HierdeskError as exc:
            outcomes[0] = exc

    def add() -> None:
        time.sleep(0.2)
        try:
            outcomes[1] = _add(adding, partner, "hanako@minato.example.jp")
        except HierdeskError as exc:
            outcomes[1] = exc

    threads = [threading.Thread(target=approve), threading.Thread(target=add)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    assert not [o for o in outcomes if isinstance(o, HierdeskError)], [
        o.english() for o in outcomes if isinstance(o, HierdeskError)
    ]
    assert {m.email for m in members.list_members(ctx, partner.hierarchy)} == {
        "taro@minato.example.jp",
        "jiro@minato.example.jp",
        "hanako@minato.example.jp",
    }


# --- who may, and rule 1 ---------------------------------------------------------------------


def test_a_clerk_may_look_but_not_change_members(
    b2b_workspace: Context, partner: Partner, desk: Desk
) -> None:
    ctx = b2b_workspace
    clerk = desk("tanaka", "clerk")
    assert [m.account for m in members.list_members(clerk, partner.hierarchy)] == [partner.admin]
    before = _state(ctx)
    for attempt in (
        lambda: _add(clerk, partner, "hanako@minato.example.jp"),
        lambda: members.set_role(clerk, partner.hierarchy, partner.admin, "user"),
        lambda: members.disable_member(clerk, partner.hierarchy, partner.admin, "x"),
        lambda: members.enable_member(clerk, partner.hierarchy, partner.admin),
        lambda: members.rename_hierarchy(clerk, partner.hierarchy, "x"),
    ):
        with pytest.raises(PermissionDeniedError) as info:
            attempt()
        assert info.value.code == "permission_denied"
        assert info.value.exit_status == 3
    assert _state(ctx) == before


def test_with_b2b_off_members_are_not_changed(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    user = _add(ctx, partner, "hanako@minato.example.jp")
    members.disable_member(ctx, partner.hierarchy, user.account, "left")
    features.set_enabled(ctx, "b2b", False)
    before = _state(ctx)
    for attempt in (
        lambda: _add(ctx, partner, "jiro@minato.example.jp"),
        lambda: members.set_role(ctx, partner.hierarchy, partner.admin, "user"),
        lambda: members.set_role(ctx, partner.hierarchy, user.account, "admin"),
        lambda: members.disable_member(ctx, partner.hierarchy, partner.admin, "x"),
        lambda: members.enable_member(ctx, partner.hierarchy, user.account),
        lambda: members.rename_hierarchy(ctx, partner.hierarchy, "x"),
    ):
        with pytest.raises(RuleError) as info:
            attempt()
        assert info.value.code == "feature_off"
        assert "Use of B2B eCommerce capabilities" in info.value.localized()
    assert _state(ctx) == before
    # reading still works
    assert len(members.list_members(ctx, partner.hierarchy)) == 2
