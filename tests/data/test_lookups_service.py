"""Lookups and the defaults for new partners: administrators only, validated, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hierdesk.data.schema import AppSetting, LookupValue, Operator, utcnow
from hierdesk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RuleError,
    ValidationError,
)
from hierdesk.domain.lookups import CODED_PROPERTIES, LOOKUP_SEEDS, PROPERTIES
from hierdesk.services import audit, lookups
from hierdesk.services.context import Context


def _add_operator(ctx: Context, login: str, role: str) -> Context:
    with ctx.db.write() as session:
        session.add(
            Operator(login=login, role=role, active=True, created_at=utcnow(), created_by=ctx.login)
        )
    return Context(ctx.db, login)


def _stored_defaults(ctx: Context) -> dict[str, object]:
    with ctx.db.read() as session:
        row = session.get(AppSetting, "partner_defaults")
        assert row is not None
        return dict(row.value)


def _flagged_defaults(ctx: Context, kind: str) -> list[str]:
    with ctx.db.read() as session:
        return list(
            session.execute(
                select(LookupValue.code).where(
                    LookupValue.kind == kind, LookupValue.is_default.is_(True)
                )
            ).scalars()
        )


# --- reading -------------------------------------------------------------------------------


def test_every_seeded_value_is_listed_by_kind_in_display_order(workspace: Context) -> None:
    values = lookups.list_lookups(workspace)
    assert len(values) == len(LOOKUP_SEEDS)
    kinds = list(dict.fromkeys(v.kind for v in values))
    assert kinds == list(CODED_PROPERTIES)
    seeded_defaults = {(s.kind, s.code) for s in LOOKUP_SEEDS if s.is_default}
    assert {(v.kind, v.code) for v in values if v.is_default} == seeded_defaults
    assert all(v.active for v in values)


def test_one_kind_is_listed_by_code_with_both_names(workspace: Context) -> None:
    groups = lookups.list_lookups(workspace, "price_group")
    assert [g.code for g in groups] == ["STD", "VIP", "WHS-A", "WHS-B"]
    std = groups[0]
    assert (std.name_ja, std.name_en, std.is_default) == ("標準価格", "Standard price", True)


def test_an_unknown_kind_is_refused_naming_the_field(workspace: Context) -> None:
    with pytest.raises(ValidationError) as info:
        lookups.list_lookups(workspace, "price_groups")
    assert info.value.field == "kind"
    assert "price_group" in str(info.value)


def test_partner_defaults_name_every_property(workspace: Context) -> None:
    defaults = lookups.partner_defaults(workspace)
    assert set(defaults) == set(PROPERTIES)
    assert defaults["price_group"] == "STD"
    assert defaults["credit_limit"] == 1_000_000
    assert defaults["invoice_account"] is None


def test_a_clerk_may_read_but_not_change(workspace: Context) -> None:
    clerk = _add_operator(workspace, "desk-clerk", "clerk")
    assert lookups.list_lookups(clerk, "currency")
    assert lookups.partner_defaults(clerk)["currency"] == "JPY"
    count = audit.count_entries(workspace)
    with pytest.raises(PermissionDeniedError):
        lookups.create_lookup(clerk, "price_group", "NEW", "新価格", "New price")
    with pytest.raises(PermissionDeniedError):
        lookups.update_lookup(clerk, "price_group", "VIP", name_en="VIP")
    with pytest.raises(PermissionDeniedError):
        lookups.set_partner_default(clerk, "price_group", "VIP")
    with pytest.raises(PermissionDeniedError):
        lookups.set_partner_default(clerk, "credit_limit", 5)
    manager = _add_operator(workspace, "desk-manager", "manager")
    with pytest.raises(PermissionDeniedError):
        lookups.create_lookup(manager, "price_group", "NEW", "新価格", "New price")
    assert audit.count_entries(workspace) == count
    assert len(lookups.list_lookups(workspace, "price_group")) == 4


# --- creating ------------------------------------------------------------------------------


def test_creating_a_value_adds_it_active_and_audits(workspace: Context) -> None:
    info = lookups.create_lookup(
        workspace, "price_group", " OUTLET ", " アウトレット価格 ", "Outlet"
    )
    assert (info.kind, info.code, info.name_ja, info.name_en) == (
        "price_group",
        "OUTLET",
        "アウトレット価格",
        "Outlet",
    )
    assert info.active is True
    assert info.is_default is False
    assert "OUTLET" in [g.code for g in lookups.list_lookups(workspace, "price_group")]
    entry = audit.list_entries(workspace, limit=1)[0]
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "lookup.create",
        "lookup",
        "price_group/OUTLET",
    )
    assert entry.after == {
        "kind": "price_group",
        "code": "OUTLET",
        "name_ja": "アウトレット価格",
        "name_en": "Outlet",
        "active": True,
    }
    assert entry.operator == workspace.login


@pytest.mark.parametrize(
    "kind",
    [
        "customer_group",
        "line_discount_group",
        "multiline_discount_group",
        "total_discount_group",
        "payment_terms",
        "delivery_mode",
        "sales_tax_group",
    ],
)
def test_every_lookup_takes_new_values(workspace: Context, kind: str) -> None:
    lookups.create_lookup(workspace, kind, "X-1", "テスト", "Test")
    assert [v.code for v in lookups.list_lookups(workspace, kind) if v.code == "X-1"] == ["X-1"]


def test_full_width_codes_typed_with_the_ime_become_ascii(workspace: Context) -> None:
    info = lookups.create_lookup(
        workspace, "payment_terms", "ＥＯＭ９０", "月末締め 90 日", "EOM 90"
    )
    assert info.code == "EOM90"


def test_currency_codes_are_three_letters_in_capitals(workspace: Context) -> None:
    assert lookups.create_lookup(workspace, "currency", "eur", "ユーロ", "Euro").code == "EUR"
    with pytest.raises(ValidationError) as info:
        lookups.create_lookup(workspace, "currency", "EURO", "ユーロ", "Euro")
    assert info.value.field == "code"
    assert "ISO 4217" in str(info.value)


@pytest.mark.parametrize("code", ["", "   ", "with space", "-LEAD", "A" * 21, "価格"])
def test_malformed_codes_are_refused(workspace: Context, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        lookups.create_lookup(workspace, "price_group", code, "名前", "Name")
    assert info.value.code == "lookup_code_invalid"
    assert info.value.field == "code"


@pytest.mark.parametrize(
    ("name_ja", "name_en", "field"),
    [("", "Name", "name_ja"), ("名前", "  ", "name_en"), ("名" * 101, "Name", "name_ja")],
)
def test_both_names_are_required(
    workspace: Context, name_ja: str, name_en: str, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        lookups.create_lookup(workspace, "price_group", "NEW", name_ja, name_en)
    assert info.value.field == field


def test_a_code_used_already_is_refused_ignoring_case(workspace: Context) -> None:
    count = audit.count_entries(workspace)
    with pytest.raises(RuleError) as info:
        lookups.create_lookup(workspace, "price_group", "vip", "重複", "Duplicate")
    assert info.value.code == "lookup_exists"
    assert info.value.localized() == "The lookup “Price group” has the value VIP already."
    assert audit.count_entries(workspace) == count
    # the same code in another lookup is fine
    lookups.create_lookup(workspace, "delivery_mode", "VIP", "特別便", "VIP delivery")


def test_messages_name_the_field_and_the_value(workspace: Context) -> None:
    with pytest.raises(ValidationError) as info:
        lookups.create_lookup(workspace, "price_group", "bad code", "名前", "Name")
    message = info.value.localized()
    assert message.startswith("code: ")
    assert "“bad code”" in message
    assert "{" not in message


# --- changing ------------------------------------------------------------------------------


def test_renaming_and_deactivating_audits_only_what_changed(workspace: Context) -> None:
    info = lookups.update_lookup(workspace, "price_group", "VIP", name_en="Partner price")
    assert (info.name_ja, info.name_en) == ("特約価格", "Partner price")
    entry = audit.list_entries(workspace, limit=1)[0]
    assert (entry.action, entry.entity_id) == ("lookup.change", "price_group/VIP")
    assert entry.before == {"name_en": "Preferred-partner price"}
    assert entry.after == {"name_en": "Partner price"}

    info = lookups.update_lookup(workspace, "price_group", "VIP", active=False)
    assert info.active is False
    entry = audit.list_entries(workspace, limit=1)[0]
    assert (entry.before, entry.after) == ({"active": True}, {"active": False})
    listed = {v.code: v for v in lookups.list_lookups(workspace, "price_group")}
    assert listed["VIP"].active is False


def test_an_update_that_changes_nothing_writes_no_audit_entry(workspace: Context) -> None:
    count = audit.count_entries(workspace)
    lookups.update_lookup(workspace, "price_group", "VIP", name_ja="特約価格", active=True)
    assert audit.count_entries(workspace) == count


def test_updating_a_missing_value_says_so(workspace: Context) -> None:
    with pytest.raises(NotFoundError) as info:
        lookups.update_lookup(workspace, "price_group", "NOPE", name_en="x")
    assert info.value.code == "lookup_not_found"


def test_a_value_changed_by_another_desk_is_not_overwritten(workspace: Context) -> None:
    seen = next(v for v in lookups.list_lookups(workspace, "price_group") if v.code == "VIP")
    other_desk = Context(workspace.db, workspace.login)
    lookups.update_lookup(other_desk, "price_group", "VIP", name_en="Their name")
    with pytest.raises(ConflictError):
        lookups.update_lookup(workspace, "price_group", "VIP", name_en="My name", expected=seen)
    current = next(v for v in lookups.list_lookups(workspace, "price_group") if v.code == "VIP")
    assert current.name_en == "Their name"


def test_the_default_for_new_partners_cannot_be_made_inactive(workspace: Context) -> None:
    with pytest.raises(RuleError) as info:
        lookups.update_lookup(workspace, "price_group", "STD", active=False)
    assert info.value.code == "lookup_default_inactive"
    assert next(v for v in lookups.list_lookups(workspace, "price_group") if v.code == "STD").active


# --- defaults for new partners -------------------------------------------------------------


def test_choosing_a_default_moves_it_and_audits_the_setting(workspace: Context) -> None:
    defaults = lookups.set_partner_default(workspace, "price_group", "VIP")
    assert defaults["price_group"] == "VIP"
    assert _stored_defaults(workspace)["price_group"] == "VIP"
    assert _stored_defaults(workspace)["currency"] == "JPY"  # the others are kept
    assert _flagged_defaults(workspace, "price_group") == ["VIP"]
    listed = {v.code: v.is_default for v in lookups.list_lookups(workspace, "price_group")}
    assert listed == {"STD": False, "VIP": True, "WHS-A": False, "WHS-B": False}
    entry = audit.list_entries(workspace, limit=1)[0]
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "setting.change",
        "setting",
        "partner_defaults",
    )
    assert (entry.before, entry.after) == ({"price_group": "STD"}, {"price_group": "VIP"})
    with workspace.db.read() as session:
        row = session.get(AppSetting, "partner_defaults")
        assert row is not None
        assert row.changed_by == workspace.login


def test_the_old_default_may_be_deactivated_once_replaced(workspace: Context) -> None:
    lookups.set_partner_default(workspace, "delivery_mode", "EXPRESS")
    assert lookups.update_lookup(workspace, "delivery_mode", "STD", active=False).active is False


def test_choosing_the_current_default_again_changes_nothing(workspace: Context) -> None:
    count = audit.count_entries(workspace)
    lookups.set_partner_default(workspace, "price_group", "STD")
    lookups.set_partner_default(workspace, "credit_limit", 1_000_000)
    assert audit.count_entries(workspace) == count


def test_a_default_must_be_an_existing_active_value(workspace: Context) -> None:
    with pytest.raises(ValidationError) as info:
        lookups.set_partner_default(workspace, "price_group", "NOPE")
    assert (info.value.code, info.value.field) == ("default_value_unknown", "value")
    lookups.update_lookup(workspace, "price_group", "VIP", active=False)
    with pytest.raises(ValidationError) as info:
        lookups.set_partner_default(workspace, "price_group", "VIP")
    assert info.value.code == "default_value_inactive"
    assert _stored_defaults(workspace)["price_group"] == "STD"


def test_codes_of_another_lookup_are_not_accepted(workspace: Context) -> None:
    with pytest.raises(ValidationError):
        lookups.set_partner_default(workspace, "price_group", "EXPRESS")


@pytest.mark.parametrize("prop", ["invoice_account", "name", ""])
def test_only_properties_with_a_company_default_can_be_set(workspace: Context, prop: str) -> None:
    with pytest.raises(ValidationError) as info:
        lookups.set_partner_default(workspace, prop, "X")
    assert info.value.field == "property"


@pytest.mark.parametrize(
    ("given", "stored"),
    [(2_500_000, 2_500_000), ("¥3,000,000", 3_000_000), ("５００，０００円", 500_000), (0, 0)],
)
def test_the_credit_limit_default_is_whole_yen(
    workspace: Context, given: int | str, stored: int
) -> None:
    defaults = lookups.set_partner_default(workspace, "credit_limit", given)
    assert defaults["credit_limit"] == stored
    assert lookups.partner_defaults(workspace)["credit_limit"] == stored
    if stored != 1_000_000:
        entry = audit.list_entries(workspace, limit=1)[0]
        assert entry.after == {"credit_limit": stored}
        assert entry.before == {"credit_limit": 1_000_000}


@pytest.mark.parametrize("given", [-1, "-¥5", 1.5, "1,000.50", "lots", True, 10**15, None])
def test_a_credit_limit_that_is_not_whole_non_negative_yen_is_refused(
    workspace: Context, given: object
) -> None:
    with pytest.raises(ValidationError) as info:
        lookups.set_partner_default(workspace, "credit_limit", given)  # type: ignore[arg-type]
    assert (info.value.code, info.value.field) == ("credit_limit_invalid", "credit_limit")
    assert lookups.partner_defaults(workspace)["credit_limit"] == 1_000_000
