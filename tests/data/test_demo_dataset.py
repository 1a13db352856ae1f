"""``load_demo``: a believable, consistent workspace; idempotent; a larger scale only adds."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import (
    Channel,
    Customer,
    Hierarchy,
    Member,
    Request,
    SalesOrder,
)
from hierdesk.domain.errors import PermissionDeniedError, UsageError
from hierdesk.domain.jp import validate_corporate_number, validate_invoice_number
from hierdesk.services import audit, features, hierarchies
from hierdesk.services.context import Context
from hierdesk.services.demo import load_demo


def _counts(ctx: Context) -> dict[str, int]:
    with ctx.db.read() as session:
        return {
            model.__name__: session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Customer, Hierarchy, Member, Request, SalesOrder, Channel)
        }


def test_six_hierarchies_each_with_its_organization_and_an_active_admin(
    demo_workspace: Context,
) -> None:
    rows = hierarchies.list_hierarchies(demo_workspace)
    assert len(rows) == 6
    assert len({r.code for r in rows}) == 6
    assert all(r.code.startswith("CH-") and len(r.code) == 9 for r in rows)
    for row in rows:
        detail = hierarchies.get_hierarchy(demo_workspace, row.code)
        assert detail.organization.type == "organization"
        assert detail.organization.account == row.organization_account
        assert detail.purpose == "b2b_organization"
        assert detail.name == detail.organization.name
        assert row.members == len(detail.members) >= 1
        assert any(m.role == "admin" and m.status == "active" for m in detail.members), row.code
        assert all(m.type == "person" for m in detail.members)


def test_every_person_is_invoiced_to_its_organization(demo_workspace: Context) -> None:
    org = Customer.__table__.alias("org")
    with demo_workspace.db.read() as session:
        rows = session.execute(
            select(Customer.account, Customer.invoice_account, org.c.account)
            .join(Member, Member.customer_id == Customer.id)
            .join(Hierarchy, Hierarchy.id == Member.hierarchy_id)
            .join(org, org.c.id == Hierarchy.organization_id)
        ).all()
        persons = session.execute(
            select(func.count()).where(Customer.type == "person")
        ).scalar_one()
    assert len(rows) == persons > 6
    for account, invoice_account, organization_account in rows:
        assert invoice_account == organization_account, account


def test_corporate_and_invoice_numbers_are_valid(demo_workspace: Context) -> None:
    with demo_workspace.db.read() as session:
        rows = session.execute(
            select(Customer.corporate_number, Customer.invoice_registration_number).where(
                Customer.type == "organization"
            )
        ).all()
    assert len(rows) == 6
    for corporate, invoice in rows:
        assert validate_corporate_number(corporate) == corporate
        if invoice:
            assert validate_invoice_number(invoice, corporate) == f"T{corporate}"


def test_accounts_come_from_the_customer_account_sequence(demo_workspace: Context) -> None:
    with demo_workspace.db.read() as session:
        accounts = sorted(session.execute(select(Customer.account)).scalars())
    assert accounts == [f"C{n:06d}" for n in range(1, len(accounts) + 1)]


def test_requests_wait_in_the_queue_and_features_are_on(demo_workspace: Context) -> None:
    with demo_workspace.db.read() as session:
        statuses = session.execute(select(Request.status)).scalars().all()
        assert features.is_enabled(session, "b2b")
        assert features.is_enabled(session, "channel_restriction")
        assert not features.is_enabled(session, "auto_link")
        channels = session.execute(select(Channel.code)).scalars().all()
    assert statuses
    assert set(statuses) == {"pending"}
    assert channels


def test_loading_again_with_the_same_scale_changes_nothing(demo_workspace: Context) -> None:
    counts = _counts(demo_workspace)
    entries = audit.count_entries(demo_workspace)
    listing = hierarchies.list_hierarchies(demo_workspace)
    result = load_demo(demo_workspace, 6)
    assert (
        result.hierarchies_added,
        result.customers_added,
        result.requests_added,
        result.orders_added,
    ) == (0, 0, 0, 0)
    assert _counts(demo_workspace) == counts
    assert audit.count_entries(demo_workspace) == entries
    assert hierarchies.list_hierarchies(demo_workspace) == listing


def test_larger_scale_only_adds(demo_workspace: Context) -> None:
    before = {r.code: r for r in hierarchies.list_hierarchies(demo_workspace)}
    with demo_workspace.db.read() as session:
        requests_before = set(
            session.execute(select(Request.channel_code, Request.external_id, Request.status))
        )
        orders_before = set(session.execute(select(SalesOrder.channel_code, SalesOrder.order_id)))
    result = load_demo(demo_workspace, 8)
    assert result.hierarchies_added == 2
    after = {r.code: r for r in hierarchies.list_hierarchies(demo_workspace)}
    assert len(after) == 8
    for code, row in before.items():
        assert after[code] == row  # same ID, organization, name, members, channels
    with demo_workspace.db.read() as session:
        assert requests_before <= set(
            session.execute(select(Request.channel_code, Request.external_id, Request.status))
        )
        assert orders_before <= set(
            session.execute(select(SalesOrder.channel_code, SalesOrder.order_id))
        )
    entry = audit.list_entries(demo_workspace, limit=1)[0]
    assert entry.action == "demo.load"
    assert entry.after["hierarchies"] == 2


@pytest.mark.parametrize("scale", [0, -1, 100_001])
def test_scale_out_of_range_is_a_usage_error(workspace: Context, scale: int) -> None:
    with pytest.raises(UsageError) as info:
        load_demo(workspace, scale)
    assert info.value.exit_status == 2
    assert _counts(workspace)["Hierarchy"] == 0


def test_only_an_administrator_loads_the_demo(demo_workspace: Context) -> None:
    counts = _counts(demo_workspace)
    with pytest.raises(PermissionDeniedError):
        load_demo(Context(demo_workspace.db, "suzuki"), 8)  # a demo manager
    assert _counts(demo_workspace) == counts
