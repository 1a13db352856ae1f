"""Number allocation (DOMAIN.md rule 10): peek allocates nothing, a rolled-back transaction
gives its number back, exhausted and stopped sequences refuse with their code and limits."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from hierdesk.data.schema import NumberSequence, SequenceReference
from hierdesk.domain.errors import RuleError
from hierdesk.services import numbering
from hierdesk.services.context import Context


class _AbortError(Exception):
    pass


def _peek(ctx: Context, reference: str) -> str | None:
    with ctx.db.read() as session:
        return numbering.peek(session, reference)


def _set_sequence(ctx: Context, code: str, **values: object) -> None:
    with ctx.db.write() as session:
        session.execute(update(NumberSequence).where(NumberSequence.code == code).values(**values))


def test_allocation_issues_consecutive_formatted_ids(workspace: Context) -> None:
    with workspace.db.write() as session:
        first = numbering.allocate(session, "hierarchy_id")
        second = numbering.allocate(session, "hierarchy_id")
        account = numbering.allocate(session, "customer_account")
    assert (first, second, account) == ("CH-000001", "CH-000002", "C000001")
    with workspace.db.write() as session:
        assert numbering.allocate(session, "hierarchy_id") == "CH-000003"


def test_peek_shows_the_next_id_and_allocates_nothing(workspace: Context) -> None:
    assert _peek(workspace, "customer_account") == "C000001"
    assert _peek(workspace, "customer_account") == "C000001"
    with workspace.db.write() as session:
        assert numbering.peek(session, "customer_account") == "C000001"
        assert numbering.allocate(session, "customer_account") == "C000001"
    assert _peek(workspace, "customer_account") == "C000002"


def test_rolled_back_transaction_gives_its_number_back(workspace: Context) -> None:
    def allocate_then_fail() -> None:
        with workspace.db.write() as session:
            assert numbering.allocate(session, "customer_account") == "C000001"
            assert numbering.allocate_many(session, "customer_account", 3) == [
                "C000002",
                "C000003",
                "C000004",
            ]
            raise _AbortError

    with pytest.raises(_AbortError):
        allocate_then_fail()
    assert _peek(workspace, "customer_account") == "C000001"
    with workspace.db.write() as session:
        assert numbering.allocate(session, "customer_account") == "C000001"


def test_allocate_many_takes_a_consecutive_block(workspace: Context) -> None:
    with workspace.db.write() as session:
        numbering.allocate(session, "hierarchy_id")
        block = numbering.allocate_many(session, "hierarchy_id", 4)
        assert numbering.allocate_many(session, "hierarchy_id", 0) == []
    assert block == ["CH-000002", "CH-000003", "CH-000004", "CH-000005"]
    assert _peek(workspace, "hierarchy_id") == "CH-000006"


def test_exhausted_sequence_refuses_with_its_code_and_limits(workspace: Context) -> None:
    _set_sequence(workspace, "HIER", smallest=1, largest=3, next=3)
    with workspace.db.write() as session:
        assert numbering.allocate(session, "hierarchy_id") == "CH-000003"
    assert _peek(workspace, "hierarchy_id") is None
    with pytest.raises(RuleError) as info, workspace.db.write() as session:
        numbering.allocate(session, "hierarchy_id")
    assert info.value.code == "sequence_exhausted"
    assert info.value.exit_status == 1
    message = info.value.localized()
    assert "HIER" in message
    assert "1" in message
    assert "3" in message


def test_block_larger_than_what_is_left_is_refused_whole(workspace: Context) -> None:
    _set_sequence(workspace, "CUST", largest=5, next=3)
    with pytest.raises(RuleError) as info, workspace.db.write() as session:
        numbering.allocate_many(session, "customer_account", 4)
    assert info.value.code == "sequence_exhausted"
    assert _peek(workspace, "customer_account") == "C000003"  # nothing taken
    with workspace.db.write() as session:
        assert numbering.allocate_many(session, "customer_account", 3) == [
            "C000003",
            "C000004",
            "C000005",
        ]


def test_stopped_sequence_refuses(workspace: Context) -> None:
    _set_sequence(workspace, "CUST", stopped=True)
    assert _peek(workspace, "customer_account") is None
    for take in (
        lambda s: numbering.allocate(s, "customer_account"),
        lambda s: numbering.allocate_many(s, "customer_account", 2),
    ):
        with pytest.raises(RuleError) as info, workspace.db.write() as session:
            take(session)
        assert info.value.code == "sequence_stopped"
        assert "CUST" in info.value.localized()
    _set_sequence(workspace, "CUST", stopped=False)
    assert _peek(workspace, "customer_account") == "C000001"  # stopping took nothing


def test_reference_without_a_sequence_is_refused(workspace: Context) -> None:
    with workspace.db.write() as session:
        session.execute(
            SequenceReference.__table__.delete().where(  # type: ignore[attr-defined]
                SequenceReference.reference == "hierarchy_id"
            )
        )
    with pytest.raises(RuleError) as info, workspace.db.write() as session:
        numbering.allocate(session, "hierarchy_id")
    assert info.value.code == "sequence_not_assigned"
    assert "hierarchy_id" in info.value.localized()


def test_ids_follow_the_sequence_format(workspace: Context) -> None:
    _set_sequence(workspace, "HIER", format="H-####-JP", largest=9999, next=42)
    with workspace.db.write() as session:
        assert numbering.allocate(session, "hierarchy_id") == "H-0042-JP"
        code = session.execute(
            select(NumberSequence.next).where(NumberSequence.code == "HIER")
        ).scalar_one()
    assert code == 43
