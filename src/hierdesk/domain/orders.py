"""Orders placed on the sites (INTERFACES.md §7, DOMAIN.md rule 16), checked without a
database: one row of an orders file, and the totals of a hierarchy's orders."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from hierdesk.domain import jp
from hierdesk.domain.errors import ValidationError
from hierdesk.domain.rows import iso_moment
from hierdesk.i18n.core import N_

STATUSES: Final = ("open", "shipped", "invoiced", "cancelled")
STATUS_LABELS: Final = {
    "open": N_("Open"),
    "shipped": N_("Shipped"),
    "invoiced": N_("Invoiced"),
    "cancelled": N_("Cancelled"),
}
ORDER_ID_MAX: Final = 60
#: Whole yen; a larger total is a typing error, not an order.
TOTAL_MAX: Final = 10**13
#: A whole amount of yen as typed in Japan (after NFKC): "128000", "128,000", "¥128,000",
#: "128,000円". Commas only between groups of three digits, so "1,28,000" is a typo. A
#: backslash is a yen sign: Excel's ¥ is byte 0x5C in Shift_JIS, read back as "\".
_YEN: Final = re.compile(r"[¥\\]?\s*([0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)\s*円?")


def advances(stored: str, incoming: str) -> bool:
    """Does a row with ``incoming`` status move an order with ``stored`` status on?
    Statuses only move forward (open → shipped → invoiced; cancelled at any point and for
    good), so importing a file again, or an older file after a newer one, changes nothing."""
    return STATUSES.index(incoming) > STATUSES.index(stored)


@dataclass(frozen=True, slots=True)
class OrderInput:
    order_id: str
    channel: str
    customer: str | None
    email: str | None
    ordered_at: datetime
    status: str
    total: int
    currency: str


def _text(raw: Mapping[str, object], name: str) -> str | None:
    value = raw.get(name)
    text = jp.nfkc(str(value)).strip() if value is not None else ""
    return text or None


def _unstorable(text: str) -> bool:
    """Control characters and lone surrogates (JSON can hold "\\ud800"): not for an ID."""
    return any(ord(ch) < 32 or ord(ch) == 127 or 0xD800 <= ord(ch) < 0xE000 for ch in text)


def validate_order(
    raw: Mapping[str, object], *, row: int
) -> tuple[OrderInput | None, list[ValidationError]]:
    """Check one order row; every problem names the row and the field."""
    errors: list[ValidationError] = []

    def fail(code: str, message: str, field: str, **params: object) -> None:
        errors.append(ValidationError(code, message, field=field, row=row, **params))

    def required(name: str) -> str | None:
        value = _text(raw, name)
        if value is None:
            fail("field_required", N_("{field}: a value is required."), name)
        return value

    order_id = required("order_id")
    if order_id is not None and len(order_id) > ORDER_ID_MAX:
        fail(
            "field_too_long",
            N_("{field}: at most {limit} characters; this value has {count}."),
            "order_id",
            limit=ORDER_ID_MAX,
            count=len(order_id),
        )
    if order_id is not None and _unstorable(order_id):
        fail(
            "field_control_characters",
            N_("{field}: the value contains control characters."),
            "order_id",
        )
    channel = required("channel")
    customer = _text(raw, "customer")
    email = _text(raw, "email")
    if customer is None and email is None:
        fail(
            "customer_missing",
            N_("{field}: name the customer by its account, or give the e-mail instead."),
            "customer",
        )
    if email is not None and customer is None:
        try:
            email = jp.validate_email(email)
        except ValidationError as err:
            err.row = row
            err.params["row"] = row
            errors.append(err)
    moment: datetime | None = None
    when = required("ordered_at")
    if when is not None:
        try:
            moment = iso_moment(when)
        except ValueError:
            fail(
                "date_invalid",
                N_(
                    "{field}: “{value}” is not an ISO 8601 date and time such as "
                    "2026-11-26T09:30:00+09:00."
                ),
                "ordered_at",
                value=when,
            )
    status = (_text(raw, "status") or "").casefold()
    if not status:
        fail("field_required", N_("{field}: a value is required."), "status")
    elif status not in STATUSES:
        fail(
            "status_unknown",
            N_("{field}: “{value}” is not an order status; use {choices}."),
            "status",
            value=status,
            choices=", ".join(STATUSES),
        )
    total: int | None = None
    amount = required("total")
    if amount is not None:
        match = _YEN.fullmatch(amount)
        digits = match[1].replace(",", "") if match else ""
        # int() refuses more than 4300 digits: compare the length first
        if match and len(digits) <= len(str(TOTAL_MAX)) and int(digits) < TOTAL_MAX:
            total = int(digits)
        else:
            fail(
                "total_invalid",
                N_("{field}: “{value}” is not a whole amount of yen such as 128000."),
                "total",
                value=amount,
            )
    currency = (_text(raw, "currency") or "JPY").upper()
    if currency != "JPY":
        fail(
            "currency_unknown",
            N_("{field}: “{value}” is not supported; orders are in JPY."),
            "currency",
            value=currency,
        )
    if errors or order_id is None or channel is None or moment is None or total is None:
        return None, errors
    return OrderInput(order_id, channel, customer, email, moment, status, total, currency), []


@dataclass(frozen=True, slots=True)
class Total:
    """Orders counted and their sum in yen, for one member or one invoice account."""

    key: str
    orders: int
    total: int


def totals(
    rows: Iterable[tuple[str, str | None, str, int, int]],
) -> tuple[list[Total], list[Total]]:
    """Per member and per invoice account, from (customer, invoice account, status, sum,
    number of orders) rows — one row per order, or already grouped. Cancelled orders are
    not counted. Sorted by the sum, largest first."""
    members: dict[str, list[int]] = {}
    invoices: dict[str, list[int]] = {}
    for customer, invoice, status, amount, count in rows:
        if status == "cancelled":
            continue
        for bucket, key in ((members, customer), (invoices, invoice or customer)):
            count_sum = bucket.setdefault(key, [0, 0])
            count_sum[0] += count
            count_sum[1] += amount

    def ordered(bucket: dict[str, list[int]]) -> list[Total]:
        return sorted(
            (Total(k, v[0], v[1]) for k, v in bucket.items()), key=lambda t: (-t.total, t.key)
        )

    return ordered(members), ordered(invoices)
