"""Customer properties across a hierarchy (DOMAIN.md rules 1, 8, 12, 13): the compare grid
marks exactly the cells that differ from the reference, an override changes only what was
chosen and is audited, its preview is what it does, and its undo restores the stored values
exactly — unless another desk changed a customer meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry, Customer
from hierdesk.domain.dto import PropertyChange, PropertyComparison
from hierdesk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RuleError,
    ValidationError,
)
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.i18n.formatting import format_datetime
from hierdesk.services import (
    approval,
    audit,
    features,
    lookups,
    members,
    properties,
)
from hierdesk.services.context import Context

Submit = Callable[..., int]


# --- helpers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Partner:
    hierarchy: str
    organization: str
    admin: str
    users: tuple[str, str]

    @property
    def customers(self) -> tuple[str, ...]:
        return (self.organization, self.admin, *self.users)


@pytest.fixture
def partner(b2b_workspace: Context, submit_request: Submit) -> Partner:
    """A partner with its organization, one admin and two users, all on the same terms
    (the people are invoiced to the organization)."""
    ctx = b2b_workspace
    result = approval.approve(ctx, submit_request(ctx, email="taro@minato.example.jp"))
    assert result.hierarchy
    assert result.organization
    assert result.person
    users = tuple(
        members.add_member(
            ctx, result.hierarchy, email=email, last_name="佐藤", first_name=first
        ).account
        for email, first in (
            ("hanako@minato.example.jp", "花子"),
            ("jiro@minato.example.jp", "次郎"),
        )
    )
    assert len(users) == 2
    return Partner(result.hierarchy, result.organization, result.person, (users[0], users[1]))


def _stored(ctx: Context) -> dict[str, dict[str, Any]]:
    """Every customer's properties as stored (None stays None)."""
    with ctx.db.read() as session:
        rows = session.execute(select(Customer)).scalars().all()
        return {c.account: {p: getattr(c, p) for p in PROPERTIES} for c in rows}


def _audit_count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(AuditEntry.id))).scalar_one())


def _differing(comparison: PropertyComparison) -> set[tuple[str, str]]:
    return {(r.account, p) for r in comparison.rows for p in r.differs}


def _entries(ctx: Context, action: str) -> list[Any]:
    return [e for e in audit.list_entries(ctx, limit=None) if e.action == action]


def _undo(changes: tuple[PropertyChange, ...]) -> list[PropertyChange]:
    return [PropertyChange(c.account, c.property, c.after, c.before) for c in reversed(changes)]


Desk = Callable[..., Context]


# --- compare ---------------------------------------------------------------------------------


def test_customers_on_the_same_terms_do_not_differ(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    comparison = properties.compare(ctx, partner.hierarchy)
    assert (comparison.hierarchy, comparison.reference) == (partner.hierarchy, partner.organization)
    assert comparison.properties == PROPERTIES
    first = comparison.rows[0]
    assert (first.account, first.type, first.role) == (
        partner.organization,
        "organization",
        None,
    )
    assert {r.account for r in comparison.rows} == set(partner.customers)
    assert {r.account: r.role for r in comparison.rows[1:]} == {
        partner.admin: "admin",
        partner.users[0]: "user",
        partner.users[1]: "user",
    }
    assert _differing(comparison) == set()
    # the organization is invoiced itself, the members are invoiced to it: no difference
    assert _stored(ctx)[partner.organization]["invoice_account"] is None
    assert {r.values["invoice_account"] for r in comparison.rows} == {partner.organization}


def test_exactly_the_changed_cell_differs(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    hanako = partner.users[0]
    properties.set_property(ctx, hanako, "price_group", "WHS-A")

    comparison = properties.compare(ctx, partner.hierarchy)
    assert _differing(comparison) == {(hanako, "price_group")}
    row = next(r for r in comparison.rows if r.account == hanako)
    assert row.values["price_group"] == "WHS-A"
    assert properties.compare(ctx, partner.hierarchy, partner.organization) == comparison

    # compared with hanako, everyone else differs in the price group, and only there
    from_hanako = properties.compare(ctx, partner.hierarchy, reference=hanako)
    assert from_hanako.reference == hanako
    assert _differing(from_hanako) == {
        (account, "price_group") for account in partner.customers if account != hanako
    }

    with pytest.raises(NotFoundError) as info:
        properties.compare(ctx, partner.hierarchy, reference="C999999")
    assert info.value.code == "member_not_found"


def test_a_member_invoiced_itself_differs_in_the_invoice_account(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    jiro = partner.users[1]
    properties.set_property(ctx, jiro, "invoice_account", "")  # cleared: invoiced itself
    assert _stored(ctx)[jiro]["invoice_account"] is None
    comparison = properties.compare(ctx, partner.hierarchy)
    assert _differing(comparison) == {(jiro, "invoice_account")}
    assert next(r for r in comparison.rows if r.account == jiro).values["invoice_account"] == jiro
    # invoiced to the organization explicitly is the same as the organization invoiced itself
    properties.set_property(ctx, jiro, "invoice_account", partner.organization)
    assert _differing(properties.compare(ctx, partner.hierarchy)) == set()


# --- one property -------------------------------------------------------------------------------


def test_one_property_is_changed_and_audited(b2b_workspace: Context, partner: Partner) -> None:
    ctx = b2b_workspace
    hanako = partner.users[0]
    before, after, version = properties.set_property(ctx, hanako, "credit_limit", "¥2,000,000")
    assert (before, after) == (1_000_000, 2_000_000)
    detail = properties.customer_detail(ctx, hanako)
    assert detail["properties"]["credit_limit"] == 2_000_000
    assert detail["version"] == version
    entry = _entries(ctx, "property.change")[0]
    assert (entry.entity_type, entry.entity_id, entry.hierarchy, entry.operator) == (
        "customer",
        hanako,
        partner.hierarchy,
        ctx.login,
    )
    assert (entry.before, entry.after) == ({"credit_limit": 1_000_000}, {"credit_limit": 2_000_000})

    # the value it has already: nothing written, the version stays
    count = _audit_count(ctx)
    assert properties.set_property(ctx, hanako, "credit_limit", 2_000_000)[2] == version
    assert _audit_count(ctx) == count


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("price_group", "GOLD", "property_value_unknown"),
        ("price_group", "WHS-B", "property_value_inactive"),
        ("credit_limit", "-5", "credit_limit_invalid"),
        ("credit_limit", "lots", "credit_limit_invalid"),
        ("invoice_account", "C999999", "invoice_account_unknown"),
        ("colour", "red", "property_unknown"),
    ],
)
def test_values_that_do_not_exist_are_refused(
    b2b_workspace: Context, partner: Partner, name: str, value: str, code: str
) -> None:
    ctx = b2b_workspace
    lookups.update_lookup(ctx, "price_group", "WHS-B", active=False)
    stored, count = _stored(ctx), _audit_count(ctx)
    with pytest.raises(ValidationError) as info:
        properties.set_property(ctx, partner.users[0], name, value)
    assert info.value.code == code
    assert (_stored(ctx), _audit_count(ctx)) == (stored, count)
    with pytest.raises(NotFoundError) as missing:
        properties.set_property(ctx, "C999999", "price_group", "VIP")
    assert missing.value.code == "customer_not_found"


def test_customer_detail_names_hierarchy_role_and_status(
    b2b_workspace: Context, partner: Partner
) -> None:
    ctx = b2b_workspace
    members.disable_member(ctx, partner.hierarchy, partner.users[1], "left")
    org = properties.customer_detail(ctx, partner.organization)
    assert (org["type"], org["hierarchy"], org["role"], org["status"]) == (
        "organization",
        partner.hierarchy,
        None,
        None,
    )
    assert org["properties"] == _stored(ctx)[partner.organization]
    person = properties.customer_detail(ctx, partner.users[1])
    assert (person["type"], person["email"], person["hierarchy"], person["role"]) == (
        "person",
        "jiro@minato.example.jp",
        partner.hierarchy,
        "user",
    )
    assert person["status"] == "disabled"
    assert person["properties"]["invoice_account"] == partner.organization


# --- rule 8: override, preview, undo ------------------------------------------------------------


@pytest.fixture
def drifted(b2b_workspace: Context, partner: Partner) -> Partner:
    """Both users drifted from the organization's terms in three properties."""
    for user, price in zip(partner.users, ("WHS-A", "VIP"), strict=True):
        properties.set_property(b2b_workspace, user, "price_group", price)
        properties.set_property(b2b_workspace, user, "payment_terms", "PREPAY")
        properties.set_property(b2b_workspace, user, "delivery_mode", "EXPRESS")
    return partner


def test_override_changes_only_the_chosen_properties_of_the_chosen_members(
    b2b_workspace: Context, drifted: Partner
) -> None:
    ctx = b2b_workspace
    hanako, jiro = drifted.users
    org = _stored(ctx)[drifted.organization]
    before = _stored(ctx)
    count = _audit_count(ctx)
    chosen = {
        "reference": None,
        "properties": ["price_group", "payment_terms"],
        "members": [hanako],
    }

    preview = properties.preview_override(ctx, drifted.hierarchy, **chosen)
    assert _stored(ctx) == before  # a preview writes nothing
    result = properties.override(ctx, drifted.hierarchy, **chosen)

    assert result.changes == preview
    assert set(result.changes) == {
        PropertyChange(hanako, "price_group", "WHS-A", org["price_group"]),
        PropertyChange(hanako, "payment_terms", "PREPAY", org["payment_terms"]),
    }
    assert result.changed == 1
    after = _stored(ctx)
    expected = {
        **before,
        hanako: {**before[hanako], "price_group": "STD", "payment_terms": "EOM30"},
    }
    assert after == expected  # hanako's delivery mode and everything of jiro's kept
    assert _differing(properties.compare(ctx, drifted.hierarchy)) == {
        (hanako, "delivery_mode"),
        (jiro, "price_group"),
        (jiro, "payment_terms"),
        (jiro, "delivery_mode"),
    }
    entries = _entries(ctx, "property.override")
    assert _audit_count(ctx) == count + 1
    assert [(e.entity_id, e.before, e.after, e.hierarchy) for e in entries] == [
        (
            hanako,
            {"price_group": "WHS-A", "payment_terms": "PREPAY"},
            {"price_group": "STD", "payment_terms": "EOM30"},
            drifted.hierarchy,
        )
    ]


def test_override_by_default_copies_everything_to_every_other_member(
    b2b_workspace: Context, drifted: Partner
) -> None:
    ctx = b2b_workspace
    preview = properties.preview_override(ctx, drifted.hierarchy)
    result = properties.override(ctx, drifted.hierarchy)
    assert result.changes == preview
    assert {c.account for c in result.changes} == set(drifted.users)
    assert len(result.changes) == 6
    assert result.changed == 2
    assert _differing(properties.compare(ctx, drifted.hierarchy)) == set()
    assert sorted(e.entity_id for e in _entries(ctx, "property.override")) == sorted(drifted.users)
    # nothing left to copy: nothing is written
    count = _audit_count(ctx)
    again = properties.override(ctx, drifted.hierarchy)
    assert (again.changes, again.changed, _audit_count(ctx)) == ((), 0, count)


def test_override_from_a_member_reaches_the_organization(
    b2b_workspace: Context, drifted: Partner
) -> None:
    ctx = b2b_workspace
    hanako, jiro = drifted.users
    result = properties.override(
        ctx, drifted.hierarchy, reference=hanako, properties=["price_group"]
    )
    assert {(c.account, c.after) for c in result.changes} == {
        (drifted.organization, "WHS-A"),
        (drifted.admin, "WHS-A"),
        (jiro, "WHS-A"),
    }
    assert {v["price_group"] for v in _stored(ctx).values()} == {"WHS-A"}
    # naming the reference among the members changes nothing for it
    again = properties.preview_override(ctx, drifted.hierarchy, reference=hanako, members=[hanako])
    assert again == ()
    with pytest.raises(NotFoundError) as info:
        properties.override(ctx, drifted.hierarchy, members=["C999999"])
    assert info.value.code == "member_not_found"
    with pytest.raises(ValidationError) as bad:
        properties.override(ctx, drifted.hierarchy, properties=["colour"])
    assert bad.value.code == "property_unknown"


@pytest.mark.parametrize("reference", ["organization", "invoiced_itself"])
def test_undo_restores_the_stored_values_exactly_and_redo_repeats(
    b2b_workspace: Context, drifted: Partner, reference: str
) -> None:
    ctx = b2b_workspace
    hanako, jiro = drifted.users
    # jiro is invoiced itself (no invoice account stored); from jiro, everyone would be
    # invoiced to jiro — including the organization, which has none stored either
    properties.set_property(ctx, jiro, "invoice_account", None)
    source = None if reference == "organization" else jiro
    before = _stored(ctx)
    assert before[jiro]["invoice_account"] is None
    assert before[drifted.organization]["invoice_account"] is None

    done = properties.override(ctx, drifted.hierarchy, reference=source)
    overridden = _stored(ctx)
    assert overridden != before
    if source is None:
        assert overridden[jiro]["invoice_account"] == drifted.organization
    else:
        assert overridden[drifted.organization]["invoice_account"] == jiro
        assert overridden[hanako]["invoice_account"] == jiro
    assert _differing(properties.compare(ctx, drifted.hierarchy, source)) == set()

    undone = properties.apply_changes(ctx, drifted.hierarchy, _undo(done.changes), done.versions)
    assert _stored(ctx) == before  # None again where None was stored
    assert {e.entity_id for e in _entries(ctx, "property.undo")} == {
        c.account for c in done.changes
    }

    properties.apply_changes(
        ctx, drifted.hierarchy, done.changes, undone.versions, action="property.redo"
    )
    assert _stored(ctx) == overridden
    assert len(_entries(ctx, "property.redo")) == done.changed


def test_undo_is_refused_when_another_desk_changed_a_customer_meanwhile(
    b2b_workspace: Context, drifted: Partner, desk: Desk
) -> None:
    ctx = b2b_workspace
    hanako = drifted.users[0]
    done = properties.override(ctx, drifted.hierarchy)
    suzuki = desk("suzuki")
    properties.set_property(suzuki, hanako, "credit_limit", 5_000_000)
    stored, count = _stored(ctx), _audit_count(ctx)

    with pytest.raises(ConflictError) as info:
        properties.apply_changes(ctx, drifted.hierarchy, _undo(done.changes), done.versions)
    assert info.value.code == "conflict"
    message = info.value.localized()
    assert "suzuki" in message
    assert hanako in message
    # nothing was undone, not even for the customer nobody else touched
    assert (_stored(ctx), _audit_count(ctx)) == (stored, count)
    assert stored[hanako]["credit_limit"] == 5_000_000


def test_override_from_an_old_copy_is_refused(
    b2b_workspace: Context, drifted: Partner, desk: Desk
) -> None:
    ctx = b2b_workspace
    hanako = drifted.users[0]
    seen = {r.account: r.version for r in properties.compare(ctx, drifted.hierarchy).rows}
    properties.set_property(desk("suzuki"), hanako, "price_group", "VIP")
    stored = _stored(ctx)
    with pytest.raises(ConflictError) as info:
        properties.override(ctx, drifted.hierarchy, versions=seen)
    assert "suzuki" in info.value.localized()
    assert _stored(ctx) == stored


# --- rule 13: two desks ---------------------------------------------------------------------


def test_a_property_saved_from_an_old_copy_is_refused_naming_who_changed_it(
    b2b_workspace: Context, partner: Partner, desk: Desk
) -> None:
    ctx = b2b_workspace
    hanako = partner.users[0]
    suzuki, mine = desk("suzuki"), desk()
    version = properties.customer_detail(suzuki, hanako)["version"]
    assert properties.customer_detail(mine, hanako)["version"] == version

    properties.set_property(suzuki, hanako, "price_group", "VIP", version=version)
    count = _audit_count(ctx)
    with pytest.raises(ConflictError) as info:
        properties.set_property(mine, hanako, "price_group", "WHS-A", version=version)
    assert info.value.code == "conflict"
    assert info.value.exit_status == 1
    message = info.value.localized()
    assert "suzuki" in message
    assert hanako in message
    with ctx.db.read() as session:
        changed_at = session.execute(
            select(Customer.changed_at).where(Customer.account == hanako)
        ).scalar_one()
    assert changed_at is not None
    assert format_datetime(changed_at) in message
    assert _stored(ctx)[hanako]["price_group"] == "VIP"  # suzuki's value was kept
    assert _audit_count(ctx) == count
    assert _entries(ctx, "property.change")[0].operator == "suzuki"

    # from the fresh copy the save goes through
    fresh = properties.customer_detail(mine, hanako)["version"]
    properties.set_property(mine, hanako, "price_group", "WHS-A", version=fresh)
    assert _stored(ctx)[hanako]["price_group"] == "WHS-A"


# --- who may, and rule 1 ---------------------------------------------------------------------


def test_a_clerk_compares_but_does_not_change(
    b2b_workspace: Context, drifted: Partner, desk: Desk
) -> None:
    ctx = b2b_workspace
    clerk = desk("tanaka", "clerk")
    assert properties.compare(clerk, drifted.hierarchy) == properties.compare(
        ctx, drifted.hierarchy
    )
    assert properties.preview_override(clerk, drifted.hierarchy)
    stored = _stored(ctx)
    for attempt in (
        lambda: properties.set_property(clerk, drifted.users[0], "price_group", "STD"),
        lambda: properties.override(clerk, drifted.hierarchy),
        lambda: properties.apply_changes(clerk, drifted.hierarchy, [], {}),
    ):
        with pytest.raises(PermissionDeniedError) as info:
            attempt()
        assert info.value.exit_status == 3
    assert _stored(ctx) == stored


def test_with_b2b_off_properties_are_not_changed(b2b_workspace: Context, drifted: Partner) -> None:
    ctx = b2b_workspace
    preview = properties.preview_override(ctx, drifted.hierarchy)
    undo = [PropertyChange(drifted.users[0], "price_group", "STD", "VIP")]
    features.set_enabled(ctx, "b2b", False)
    stored, count = _stored(ctx), _audit_count(ctx)
    for attempt in (
        lambda: properties.set_property(ctx, drifted.users[0], "price_group", "STD"),
        lambda: properties.override(ctx, drifted.hierarchy),
        lambda: properties.apply_changes(ctx, drifted.hierarchy, undo, {}),
    ):
        with pytest.raises(RuleError) as info:
            attempt()
        assert info.value.code == "feature_off"
    assert (_stored(ctx), _audit_count(ctx)) == (stored, count)
    # looking is still possible
    assert properties.preview_override(ctx, drifted.hierarchy) == preview
    assert _differing(properties.compare(ctx, drifted.hierarchy))
