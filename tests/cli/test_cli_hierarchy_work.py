"""Working on customer hierarchies from the command line (INTERFACES.md §3): customers and
their properties, members and roles, compare and override, channel grants and access —
the documented JSON, the words people read, and the exit statuses 0/1/2/3."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from clihelp import as_operator, ok, refused, text
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry
from hierdesk.domain.access import REASONS
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.i18n.core import _, set_language
from hierdesk.services import approval, features, members, properties
from hierdesk.services.context import Context

Submit = Callable[..., int]
MEMBER_KEYS = {"hierarchy", "customer", "name", "email", "role", "status", "disabled_reason"}


@dataclass(frozen=True)
class Partner:
    db: str
    hierarchy: str
    organization: str
    admin: str
    user: str


@pytest.fixture
def partner(b2b_workspace: Context, submit_request: Submit) -> Partner:
    """A partner (organization, admin taro@…, user hanako@…) on a database with B2B on and
    the sites B2B-JP and B2B-EN."""
    ctx = b2b_workspace
    result = approval.approve(ctx, submit_request(ctx, email="taro@minato.example.jp"))
    assert result.hierarchy
    assert result.organization
    assert result.person
    user = members.add_member(
        ctx, result.hierarchy, email="hanako@minato.example.jp", last_name="佐藤", first_name="花子"
    )
    return Partner(
        ctx.db.location.url, result.hierarchy, result.organization, result.person, user.account
    )


def _audit_count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


# --- customers ---------------------------------------------------------------------------------


def test_customer_show_has_the_documented_keys(
    capsys: pytest.CaptureFixture[str], partner: Partner
) -> None:
    db = partner.db
    person = ok(capsys, db, f"customer show {partner.user}")
    assert set(person) == {
        "account",
        "type",
        "name",
        "name_kana",
        "email",
        "hierarchy",
        "role",
        "status",
        "properties",
    }
    assert person["account"] == partner.user
    assert (person["type"], person["name"], person["email"]) == (
        "person",
        "佐藤 花子",
        "hanako@minato.example.jp",
    )
    assert (person["hierarchy"], person["role"], person["status"]) == (
        partner.hierarchy,
        "user",
        "active",
    )
    assert list(person["properties"]) == list(PROPERTIES)
    assert person["properties"]["invoice_account"] == partner.organization
    assert person["properties"]["credit_limit"] == 1_000_000

    org = ok(capsys, db, f"customer show {partner.organization}")
    assert (org["type"], org["hierarchy"], org["role"], org["status"]) == (
        "organization",
        partner.hierarchy,
        None,
        None,
    )
    assert org["properties"]["invoice_account"] is None

    shown = text(capsys, db, f"customer show {partner.user}")
    assert "Price group" in shown
    assert "¥1,000,000" in shown
    assert partner.hierarchy in shown
    shown = text(capsys, db, f"--locale ja customer show {partner.user}")
    set_language("ja")
    assert _("Price group") in shown
    assert _("User") in shown

    assert "X1" in refused(capsys, 1, "customer_not_found", db, "customer show X1")


def test_customer_set_changes_one_property(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, partner: Partner
) -> None:
    db, user = partner.db, partner.user
    data = ok(capsys, db, f"customer set {user} price_group VIP")
    assert data == {"account": user, "property": "price_group", "before": "STD", "after": "VIP"}
    data = ok(capsys, db, f"customer set {user} credit_limit 2,500,000")
    assert (data["before"], data["after"]) == (1_000_000, 2_500_000)
    shown = ok(capsys, db, f"customer show {user}")["properties"]
    assert (shown["price_group"], shown["credit_limit"]) == ("VIP", 2_500_000)
    # an empty value clears it: the person is then invoiced itself
    data = ok(capsys, db, f"customer set {user} invoice_account ''")
    assert (data["before"], data["after"]) == (partner.organization, None)
    out = text(capsys, db, f"customer set {user} price_group STD")
    assert "Price group" in out
    assert "STD" in out
    assert "VIP" in out

    count = _audit_count(b2b_workspace)
    refused(capsys, 1, "property_value_unknown", db, f"customer set {user} price_group GOLD")
    refused(capsys, 1, "credit_limit_invalid", db, f"customer set {user} credit_limit -1")
    refused(capsys, 2, "usage", db, f"customer set {user} colour red")
    refused(capsys, 2, "usage", db, f"customer set {user} price_group")
    assert _audit_count(b2b_workspace) == count
    assert ok(capsys, db, f"customer show {user}")["properties"]["price_group"] == "STD"


# --- members -----------------------------------------------------------------------------------


def test_member_add_creates_a_user_or_an_admin(
    capsys: pytest.CaptureFixture[str], partner: Partner
) -> None:
    db, code = partner.db, partner.hierarchy
    added = ok(
        capsys,
        db,
        f"member add {code} --email jiro@minato.example.jp --last-name 佐藤 --first-name 次郎 "
        "--last-name-kana さとう --first-name-kana じろう",
    )
    assert set(added) == MEMBER_KEYS
    assert (added["hierarchy"], added["name"], added["role"], added["status"]) == (
        code,
        "佐藤 次郎",
        "user",
        "active",
    )
    admin = ok(
        capsys,
        db,
        f"member add {code} --email john@minato.example.jp --last-name Smith --first-name John "
        "--role admin --language en",
    )
    assert (admin["name"], admin["role"]) == ("John Smith", "admin")
    shown = ok(capsys, db, f"hierarchy show {code}")
    assert {(m["customer"], m["role"]) for m in shown["members"]} == {
        (partner.admin, "admin"),
        (partner.user, "user"),
        (added["customer"], "user"),
        (admin["customer"], "admin"),
    }
    person = ok(capsys, db, f"customer show {added['customer']}")
    assert person["name_kana"] == "サトウ ジロウ"
    assert person["properties"]["invoice_account"] == partner.organization

    out = text(
        capsys,
        db,
        f"member add {code} --email saburo@minato.example.jp --last-name 佐藤 --first-name 三郎",
    )
    assert code in out
    assert "佐藤 三郎" in out

    # rule 5: the address of an active B2B person, written another way
    message = refused(
        capsys,
        1,
        "email_in_use",
        db,
        f"member add {code} --email HANAKO@Minato.example.jp --last-name 佐藤 --first-name 花子",
    )
    assert partner.user in message
    refused(
        capsys,
        1,
        "email_invalid",
        db,
        f"member add {code} --email hanako --last-name 佐藤 --first-name 花子",
    )
    refused(
        capsys,
        1,
        "hierarchy_not_found",
        db,
        "member add CH-999999 --email x@example.jp --last-name 佐藤 --first-name 花子",
    )
    refused(capsys, 2, "usage", db, f"member add {code} --email x@example.jp --last-name 佐藤")
    refused(
        capsys,
        2,
        "usage",
        db,
        f"member add {code} --email x@example.jp --last-name 佐藤 --first-name 花子 --role owner",
    )


def test_member_roles_keep_an_admin(capsys: pytest.CaptureFixture[str], partner: Partner) -> None:
    db, code, admin, user = partner.db, partner.hierarchy, partner.admin, partner.user
    assert admin in refused(capsys, 1, "last_admin", db, f"member role {code} {admin} user")
    refused(capsys, 1, "last_admin", db, f"member disable {code} {admin} --reason left")
    assert ok(capsys, db, f"customer show {admin}")["role"] == "admin"

    promoted = ok(capsys, db, f"member role {code} {user} admin")
    assert set(promoted) == MEMBER_KEYS
    assert (promoted["customer"], promoted["role"]) == (user, "admin")
    assert ok(capsys, db, f"member role {code} {admin} user")["role"] == "user"
    out = text(capsys, db, f"member role {code} {admin} admin")
    assert admin in out
    assert "Admin" in out

    refused(capsys, 2, "usage", db, f"member role {code} {user} owner")
    refused(capsys, 1, "member_not_found", db, f"member role {code} C999999 user")


def test_member_disable_needs_a_reason_and_enable_checks_the_e_mail(
    capsys: pytest.CaptureFixture[str], partner: Partner
) -> None:
    db, code, user = partner.db, partner.hierarchy, partner.user
    refused(capsys, 2, "usage", db, f"member disable {code} {user}")
    refused(capsys, 1, "field_required", db, f"member disable {code} {user} --reason ' '")
    disabled = ok(capsys, db, f"member disable {code} {user} --reason 退職")
    assert (disabled["status"], disabled["disabled_reason"]) == ("disabled", "退職")
    shown = ok(capsys, db, f"hierarchy show {code}")
    assert {m["customer"]: m["status"] for m in shown["members"]}[user] == "disabled"

    # the address is free again, so someone else takes it …
    other = ok(
        capsys,
        db,
        f"member add {code} --email hanako@minato.example.jp --last-name 田中 --first-name 花子",
    )
    # … and the first cannot come back while the newcomer is active (rule 5)
    message = refused(capsys, 1, "email_in_use", db, f"member enable {code} {user}")
    assert other["customer"] in message
    ok(capsys, db, f"member disable {code} {other['customer']} --reason duplicate")
    enabled = ok(capsys, db, f"member enable {code} {user}")
    assert (enabled["status"], enabled["disabled_reason"]) == ("active", None)


def test_hierarchy_rename(capsys: pytest.CaptureFixture[str], partner: Partner) -> None:
    db, code = partner.db, partner.hierarchy
    assert ok(capsys, db, f"hierarchy rename {code} みなとグループ") == {
        "id": code,
        "name": "みなとグループ",
    }
    assert ok(capsys, db, f"hierarchy show {code}")["name"] == "みなとグループ"
    refused(capsys, 1, "field_required", db, f"hierarchy rename {code} ''")


# --- compare and override ----------------------------------------------------------------------


def test_property_compare_marks_the_differing_cells(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, partner: Partner
) -> None:
    db, code = partner.db, partner.hierarchy
    properties.set_property(b2b_workspace, partner.user, "price_group", "WHS-A")

    data = ok(capsys, db, f"property compare {code}")
    assert set(data) == {"reference", "properties", "rows"}
    assert data["reference"] == partner.organization
    assert data["properties"] == list(PROPERTIES)
    assert data["rows"][0]["customer"] == partner.organization
    for row in data["rows"]:
        assert set(row) == {"customer", "role", "values", "differs"}
        assert list(row["values"]) == list(PROPERTIES)
    by_customer = {r["customer"]: r for r in data["rows"]}
    assert by_customer[partner.organization]["role"] is None
    assert by_customer[partner.admin]["role"] == "admin"
    assert {c: r["differs"] for c, r in by_customer.items()} == {
        partner.organization: [],
        partner.admin: [],
        partner.user: ["price_group"],
    }
    assert by_customer[partner.user]["values"]["price_group"] == "WHS-A"

    other = ok(capsys, db, f"property compare {code} --reference {partner.user}")
    assert other["reference"] == partner.user
    assert {r["customer"]: r["differs"] for r in other["rows"]} == {
        partner.organization: ["price_group"],
        partner.admin: ["price_group"],
        partner.user: [],
    }

    # people see a table with the one differing cell marked
    out = text(capsys, db, f"property compare {code}")
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("C")}
    assert set(lines) >= {partner.organization, partner.admin, partner.user}
    assert "WHS-A*" in lines[partner.user]
    assert lines[partner.user].count("*") == 1
    assert "*" not in lines[partner.organization] + lines[partner.admin]
    assert "Price group" in out

    refused(capsys, 1, "member_not_found", db, f"property compare {code} --reference C999999")
    refused(capsys, 1, "hierarchy_not_found", db, "property compare CH-999999")


def test_property_override_copies_the_chosen_values(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, partner: Partner
) -> None:
    ctx, db, code, user = b2b_workspace, partner.db, partner.hierarchy, partner.user
    for account in (partner.admin, user):
        properties.set_property(ctx, account, "price_group", "VIP")
        properties.set_property(ctx, account, "delivery_mode", "EXPRESS")
    count = _audit_count(ctx)

    chosen = f"property override {code} --property price_group --member {user}"
    preview = ok(capsys, db, chosen + " --preview")
    assert preview["changed"] == 1
    assert preview["changes"] == [
        {"customer": user, "property": "price_group", "before": "VIP", "after": "STD"}
    ]
    assert _audit_count(ctx) == count  # a preview writes nothing

    data = ok(capsys, db, chosen)
    assert data["changed"] == 1
    assert data["changes"] == preview["changes"]
    assert _audit_count(ctx) == count + 1
    rows = {r["customer"]: r["differs"] for r in ok(capsys, db, f"property compare {code}")["rows"]}
    assert rows == {
        partner.organization: [],
        partner.admin: ["price_group", "delivery_mode"],
        user: ["delivery_mode"],
    }

    # everything to everyone: the admin's two values and the user's delivery mode
    data = ok(capsys, db, f"property override {code}")
    assert data["changed"] == 2
    assert len(data["changes"]) == 3
    again = ok(capsys, db, f"property override {code}")
    assert (again["changed"], again["changes"]) == (0, [])
    assert "nothing changed" in text(capsys, db, f"property override {code}")

    refused(capsys, 2, "usage", db, f"property override {code} --property colour")
    refused(capsys, 1, "member_not_found", db, f"property override {code} --member C999999")


def test_property_override_text_lists_the_changes(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, partner: Partner
) -> None:
    properties.set_property(b2b_workspace, partner.user, "credit_limit", 3_000_000)
    out = text(capsys, partner.db, f"property override {partner.hierarchy}")
    assert "1 customer:" in out
    assert partner.user in out
    assert "¥3,000,000" in out
    assert "¥1,000,000" in out


# --- grants and access -------------------------------------------------------------------------


def test_channel_grant_and_revoke(capsys: pytest.CaptureFixture[str], partner: Partner) -> None:
    db, code = partner.db, partner.hierarchy
    data = ok(capsys, db, f"channel grant {code} B2B-JP")
    assert data == {"hierarchy": code, "channel": "B2B-JP", "channels": ["B2B-JP"]}
    assert ok(capsys, db, f"channel grant {code} B2B-JP")["channels"] == ["B2B-JP"]
    assert ok(capsys, db, f"hierarchy show {code}")["channels"] == ["B2B-JP"]
    listed = {c["code"]: c["hierarchies"] for c in ok(capsys, db, "channel list")}
    assert listed == {"B2B-JP": 1, "B2B-EN": 0}
    assert ok(capsys, db, f"channel revoke {code} B2B-JP")["channels"] == []
    assert "every B2B site" in text(capsys, db, f"channel revoke {code} B2B-JP")

    assert "NOPE" in refused(capsys, 1, "channel_not_found", db, f"channel grant {code} NOPE")
    refused(capsys, 1, "channel_not_found", db, f"channel revoke {code} NOPE")
    refused(capsys, 1, "hierarchy_not_found", db, "channel grant CH-999999 B2B-JP")
    refused(capsys, 2, "usage", db, f"channel grant {code}")


def test_access_check_answers_with_a_stable_reason(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, partner: Partner
) -> None:
    db = partner.db

    def check(customer: str, channel: str) -> dict[str, Any]:
        data = ok(capsys, db, f"access check {customer} {channel}")
        assert set(data) == {"allowed", "reason"}
        return dict(data)

    assert check(partner.user, "B2B-EN") == {"allowed": True, "reason": "restriction_off"}
    features.set_enabled(b2b_workspace, "channel_restriction", True)
    assert check(partner.user, "B2B-EN") == {"allowed": True, "reason": "no_grants"}
    ok(capsys, db, f"channel grant {partner.hierarchy} B2B-JP")
    assert check(partner.user, "B2B-JP") == {"allowed": True, "reason": "granted"}
    assert check(partner.organization, "B2B-EN") == {"allowed": False, "reason": "not_granted"}
    ok(capsys, db, f"member disable {partner.hierarchy} {partner.user} --reason x")
    assert check(partner.user, "B2B-JP") == {"allowed": False, "reason": "member_disabled"}

    # a refusal of access is an answer, not an error: exit 0, the reason in words
    out = text(capsys, db, f"access check {partner.admin} B2B-EN")
    assert REASONS["not_granted"] in out
    assert "may not use" in out
    out = text(capsys, db, f"--locale ja access check {partner.admin} B2B-JP")
    set_language("ja")
    assert _(REASONS["granted"]) in out

    refused(capsys, 1, "customer_not_found", db, "access check C999999 B2B-JP")
    refused(capsys, 1, "channel_not_found", db, f"access check {partner.user} NOPE")
    refused(capsys, 2, "usage", db, f"access check {partner.user}")


# --- who may, and rule 1 ---------------------------------------------------------------------

#: every change of this issue's commands, for a hierarchy {code} with a user {user}
CHANGES = (
    "channel grant {code} B2B-EN",
    "channel revoke {code} B2B-JP",
    "customer set {user} price_group VIP",
    "member add {code} --email j@minato.example.jp --last-name 佐藤 --first-name 次郎",
    "member role {code} {user} admin",
    "member disable {code} {user} --reason x",
    "property override {code}",
    "hierarchy rename {code} x",
)


def test_a_clerk_may_look_but_changes_are_refused_with_exit_3(
    capsys: pytest.CaptureFixture[str],
    b2b_workspace: Context,
    partner: Partner,
    login_url: Callable[[Context, str], str],
) -> None:
    ctx, code, user = b2b_workspace, partner.hierarchy, partner.user
    ok(capsys, partner.db, f"channel grant {code} B2B-JP")
    properties.set_property(ctx, user, "price_group", "WHS-A")
    clerk = as_operator(ctx, login_url, "tanaka", "clerk")
    count = _audit_count(ctx)
    for command in (*CHANGES, "member enable {code} {user}"):
        refused(capsys, 3, "permission_denied", clerk, command.format(code=code, user=user))
    assert _audit_count(ctx) == count
    # looking is a clerk's work
    assert ok(capsys, clerk, f"customer show {user}")["role"] == "user"
    assert ok(capsys, clerk, f"property compare {code}")["reference"] == partner.organization
    assert ok(capsys, clerk, f"property override {code} --preview")["changed"] == 1
    assert ok(capsys, clerk, f"access check {user} B2B-JP")["allowed"] is True
    assert _audit_count(ctx) == count


def test_with_b2b_off_hierarchy_work_is_refused_naming_the_feature(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, partner: Partner
) -> None:
    ctx, db, code, user = b2b_workspace, partner.db, partner.hierarchy, partner.user
    ok(capsys, db, f"channel grant {code} B2B-JP")
    add = f"member add {code} --email d@minato.example.jp --last-name 佐藤 --first-name 史"
    disabled = ok(capsys, db, add)["customer"]
    ok(capsys, db, f"member disable {code} {disabled} --reason x")
    features.set_enabled(ctx, "b2b", False)
    count = _audit_count(ctx)
    for command in (*CHANGES, f"member enable {code} {disabled}"):
        message = refused(capsys, 1, "feature_off", db, command.format(code=code, user=user))
        assert "Use of B2B eCommerce capabilities" in message
    assert _audit_count(ctx) == count
    assert ok(capsys, db, f"access check {user} B2B-JP") == {
        "allowed": False,
        "reason": "b2b_disabled",
    }
