"""Orders from the sites without a database (INTERFACES.md §7, DOMAIN.md rule 16): what a
row of an orders file may hold, which status moves an order on, and the totals per member
and per invoice account."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import permutations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hierdesk.domain.errors import ValidationError
from hierdesk.domain.orders import STATUSES, OrderInput, Total, advances, totals, validate_order
from hierdesk.i18n.core import set_language

GOOD: dict[str, object] = {
    "order_id": "SO-2026-0001",
    "channel": "B2B-JP",
    "customer": "C000123",
    "ordered_at": "2026-11-26T09:30:00+09:00",
    "status": "open",
    "total": "128000",
    "currency": "JPY",
}


def check(row: int = 1, **fields: object) -> tuple[OrderInput | None, list[ValidationError]]:
    raw = {**GOOD, **fields}
    return validate_order({k: v for k, v in raw.items() if v is not None}, row=row)


def ok(**fields: object) -> OrderInput:
    order, errors = check(**fields)
    assert errors == [], [e.english() for e in errors]
    assert order is not None
    return order


def problems(row: int = 1, **fields: object) -> set[tuple[str, str | None, int | None]]:
    order, errors = check(row, **fields)
    assert order is None
    return {(e.code, e.field, e.row) for e in errors}


# --- one row -------------------------------------------------------------------------------


def test_a_clean_row_gives_the_order() -> None:
    order = ok()
    assert (order.order_id, order.channel, order.customer, order.email) == (
        "SO-2026-0001",
        "B2B-JP",
        "C000123",
        None,
    )
    assert order.ordered_at == datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    assert order.ordered_at.utcoffset() is not None
    assert (order.status, order.total, order.currency) == ("open", 128000, "JPY")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("order_id", None, "field_required"),
        ("order_id", "  ", "field_required"),
        ("order_id", "X" * 61, "field_too_long"),
        ("channel", None, "field_required"),
        ("ordered_at", None, "field_required"),
        ("ordered_at", "26/11/2026", "date_invalid"),
        ("ordered_at", "2026-13-01T00:00:00", "date_invalid"),
        ("status", None, "field_required"),
        ("status", "delivered", "status_unknown"),
        ("total", None, "field_required"),
        ("total", "-1200", "total_invalid"),
        ("total", "1200.50", "total_invalid"),
        ("total", "千円", "total_invalid"),
        ("total", "1,20,00", "total_invalid"),
        ("total", "10000000000000", "total_invalid"),
        ("currency", "USD", "currency_unknown"),
        ("currency", "yen", "currency_unknown"),
    ],
)
def test_each_field_problem_names_the_row_and_the_field(
    field: str, value: object, code: str
) -> None:
    assert problems(row=17, **{field: value}) == {(code, field, 17)}


def test_every_problem_of_a_row_is_reported_at_once() -> None:
    order, errors = validate_order({"status": "lost", "currency": "EUR"}, row=4)
    assert order is None
    assert {(e.field, e.code) for e in errors} == {
        ("order_id", "field_required"),
        ("channel", "field_required"),
        ("customer", "customer_missing"),
        ("ordered_at", "field_required"),
        ("status", "status_unknown"),
        ("total", "field_required"),
        ("currency", "currency_unknown"),
    }
    assert {e.row for e in errors} == {4}


def test_a_row_that_is_not_an_object_is_refused_field_by_field() -> None:
    order, errors = validate_order({}, row=9)
    assert order is None
    assert {e.field for e in errors} >= {"order_id", "channel", "customer", "total"}


@pytest.mark.parametrize(
    ("typed", "yen"),
    [
        ("12000", 12000),
        ("12,000", 12000),
        ("¥12,000", 12000),
        ("￥１２，０００", 12000),
        ("１２０００", 12000),
        ("12,000円", 12000),
        ("¥ 1,234,567", 1234567),
        ("\\12,800", 12800),  # Excel's ¥ in Shift_JIS is byte 0x5C
        ("0", 0),
        (98000, 98000),
    ],
)
def test_totals_are_read_as_typed_in_japan(typed: object, yen: int) -> None:
    assert ok(total=typed).total == yen


def test_the_currency_is_jpy_when_not_given_and_any_case_is_accepted() -> None:
    for currency in (None, "jpy", "ＪＰＹ"):
        assert ok(currency=currency).currency == "JPY"


def test_statuses_are_read_in_any_case() -> None:
    assert ok(status="Shipped").status == "shipped"


def test_the_customer_or_the_email_is_required() -> None:
    assert problems(row=3, customer=None) == {("customer_missing", "customer", 3)}
    order = ok(customer=None, email="taro@minato.example.jp")
    assert (order.customer, order.email) == (
        None,
        "taro@minato.example.jp",
    )
    assert problems(row=5, customer=None, email="taro@") == {("email_invalid", "email", 5)}


def test_full_width_accounts_are_normalised() -> None:
    order = ok(customer="Ｃ０００１２３", order_id="ＳＯ－１")
    assert (order.customer, order.order_id) == ("C000123", "SO-1")


def test_dates_keep_their_offset_and_a_date_without_one_is_utc() -> None:
    assert ok(ordered_at="2026-11-26T09:30:00Z").ordered_at == datetime(
        2026, 11, 26, 9, 30, tzinfo=UTC
    )
    assert ok(ordered_at="2026-11-26T09:30:00").ordered_at == datetime(
        2026, 11, 26, 9, 30, tzinfo=UTC
    )
    in_tokyo = ok(ordered_at="2026-11-26T09:30:00+09:00").ordered_at
    assert in_tokyo == datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    assert in_tokyo.utcoffset() == timedelta(hours=9)


def test_messages_name_the_field_and_the_value() -> None:
    _order, errors = check(currency="USD", total="abc")
    by_field = {e.field: e for e in errors}
    assert "USD" in by_field["currency"].english()
    assert "JPY" in by_field["currency"].english()
    assert "abc" in by_field["total"].english()


def test_messages_are_shown_in_japanese() -> None:
    _order, errors = check(channel=None)
    (error,) = errors
    english = error.english()
    set_language("ja")
    japanese = error.localized()
    assert japanese != english
    assert japanese.startswith("channel")
    assert "値を入力" in japanese


@given(
    st.dictionaries(
        st.sampled_from([*sorted(GOOD), "email"]),
        st.one_of(st.none(), st.text(max_size=30), st.integers(-(10**14), 10**14)),
    ),
    st.integers(1, 10_000),
)
def test_any_row_gives_an_order_or_errors_naming_row_and_field(
    raw: dict[str, object], row: int
) -> None:
    order, errors = validate_order(raw, row=row)
    assert (order is None) == bool(errors)
    for error in errors:
        assert error.row == row
        assert error.field in {*GOOD, "email"}
    if order is not None:
        assert order.status in STATUSES
        assert 0 <= order.total < 10**13
        assert order.ordered_at.tzinfo is not None


# --- statuses --------------------------------------------------------------------------------


def test_statuses_only_move_forward() -> None:
    assert advances("open", "shipped")
    assert advances("open", "invoiced")
    assert advances("shipped", "invoiced")
    for stored in ("open", "shipped", "invoiced"):
        assert advances(stored, "cancelled")
    assert not advances("shipped", "open")
    assert not advances("invoiced", "shipped")
    assert not advances("invoiced", "open")


def test_the_same_status_again_changes_nothing_and_cancelled_is_for_good() -> None:
    for status in STATUSES:
        assert not advances(status, status)
        assert not advances("cancelled", status)


def test_any_order_of_rows_ends_at_the_furthest_status() -> None:
    """A file imported twice, or files out of order, give the same status."""
    for rows in permutations(("open", "shipped", "invoiced")):
        status = rows[0]
        for incoming in rows[1:]:
            if advances(status, incoming):
                status = incoming
        assert status == "invoiced"


# --- totals ----------------------------------------------------------------------------------


def test_totals_per_member_and_per_invoice_account() -> None:
    rows = [
        ("C002", "C001", "open", 10_000, 1),
        ("C002", "C001", "invoiced", 30_000, 2),
        ("C003", "C001", "shipped", 5_000, 1),
        ("C003", "C003", "shipped", 7_000, 1),  # after C003's invoice account changed
        ("C004", "C001", "cancelled", 900_000, 1),
    ]
    members, invoices = totals(rows)
    assert members == [Total("C002", 3, 40_000), Total("C003", 2, 12_000)]
    assert invoices == [Total("C001", 4, 45_000), Total("C003", 1, 7_000)]


def test_cancelled_orders_are_not_counted() -> None:
    members, invoices = totals([("C002", "C001", "cancelled", 50_000, 3)])
    assert (members, invoices) == ([], [])


def test_an_order_without_invoice_account_is_invoiced_to_its_customer() -> None:
    rows = [("C001", None, "open", 8_000, 1), ("C002", "C001", "open", 2_000, 1)]
    members, invoices = totals(rows)
    assert invoices == [Total("C001", 2, 10_000)]
    assert members == [Total("C001", 1, 8_000), Total("C002", 1, 2_000)]


def test_totals_are_largest_first_then_by_account() -> None:
    rows = [
        ("C005", "C001", "open", 100, 1),
        ("C004", "C001", "open", 300, 1),
        ("C003", "C001", "open", 100, 1),
    ]
    members, _ = totals(rows)
    assert [t.key for t in members] == ["C004", "C003", "C005"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["C1", "C2", "C3"]),
            st.sampled_from([None, "C1", "C9"]),
            st.sampled_from(STATUSES),
            st.integers(0, 10**9),
            st.integers(1, 5),
        ),
        max_size=30,
    )
)
def test_both_totals_add_up_to_the_orders_not_cancelled(
    rows: list[tuple[str, str | None, str, int, int]],
) -> None:
    members, invoices = totals(rows)
    counted = [r for r in rows if r[2] != "cancelled"]
    assert sum(t.total for t in members) == sum(t.total for t in invoices)
    assert sum(t.total for t in members) == sum(r[3] for r in counted)
    assert sum(t.orders for t in invoices) == sum(r[4] for r in counted)
    assert len({t.key for t in members}) == len(members)
