"""Two desks editing the same record (DOMAIN.md rule 13): the second save is refused,
never silently overwriting the first."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hierdesk.data.schema import Customer, Hierarchy, utcnow
from hierdesk.domain.errors import ConflictError
from hierdesk.services.context import Context


def _load_organization(ctx: Context) -> Customer:
    """What a desk does when it opens the edit form: read the row in its own unit of work."""
    with ctx.db.write() as session:
        return (
            session.execute(
                select(Customer).where(Customer.type == "organization").order_by(Customer.id)
            )
            .scalars()
            .first()
        )  # type: ignore[return-value]


def test_second_save_of_a_stale_customer_is_refused(demo_workspace: Context) -> None:
    ctx = demo_workspace
    desk_a = _load_organization(ctx)
    desk_b = _load_organization(ctx)
    assert desk_a.id == desk_b.id
    assert desk_a.version == desk_b.version

    desk_a.phone = "03-1111-2222"
    desk_b.phone = "06-9999-0000"
    with ctx.db.write() as session:
        session.add(desk_a)
    with pytest.raises(ConflictError) as info, ctx.db.write() as session:
        session.add(desk_b)
    assert info.value.code == "conflict"
    assert info.value.exit_status == 1

    with ctx.db.read() as session:
        assert session.get_one(Customer, desk_a.id).phone == "03-1111-2222"


def test_refused_save_changes_nothing_else_in_its_transaction(demo_workspace: Context) -> None:
    ctx = demo_workspace
    desk_a = _load_organization(ctx)
    desk_b = _load_organization(ctx)
    desk_a.city = "大阪市"
    with ctx.db.write() as session:
        session.add(desk_a)
    desk_b.city = "名古屋市"

    def save_both() -> None:
        with ctx.db.write() as session:
            hierarchy = session.execute(
                select(Hierarchy).where(Hierarchy.organization_id == desk_b.id)
            ).scalar_one()
            hierarchy.name = "changed in the same transaction"
            session.add(desk_b)

    with pytest.raises(ConflictError):
        save_both()
    with ctx.db.read() as session:
        assert session.get_one(Customer, desk_a.id).city == "大阪市"
        assert (
            session.execute(
                select(Hierarchy.name).where(Hierarchy.organization_id == desk_a.id)
            ).scalar_one()
            != "changed in the same transaction"
        )


def test_conflict_message_names_who_changed_the_record(demo_workspace: Context) -> None:
    """DOMAIN.md rule 13: refused with "changed by X at T"."""
    ctx = demo_workspace
    desk_a = _load_organization(ctx)
    desk_b = _load_organization(ctx)
    desk_a.phone = "03-1111-2222"
    desk_a.changed_by = "suzuki"
    desk_a.changed_at = utcnow()
    with ctx.db.write() as session:
        session.add(desk_a)
    desk_b.phone = "06-9999-0000"
    with pytest.raises(ConflictError) as info, ctx.db.write() as session:
        session.add(desk_b)
    assert "suzuki" in info.value.localized()
