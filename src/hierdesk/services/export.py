"""Export of customer hierarchies for managers: CSV (for Excel) or an Excel workbook.

One row per customer: the hierarchy, the organization and every member with role, status
and properties. Text that Excel would run as a formula is defused in both formats: CSV
cells get a leading ``'``, workbook cells are written as text, never as formulas. The file
appears only when complete; a cancelled export leaves none.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from sqlalchemy import and_, select

from hierdesk.data.schema import Customer, Hierarchy, Member
from hierdesk.domain.errors import ValidationError
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.i18n.core import N_
from hierdesk.i18n.formatting import csv_safe
from hierdesk.services.context import Context
from hierdesk.services.files import CancelledError, write_atomically
from hierdesk.services.members import hierarchy_row
from hierdesk.services.orders import OrderFilter, list_orders

COLUMNS = (
    "hierarchy",
    "hierarchy_name",
    "account",
    "type",
    "name",
    "name_kana",
    "email",
    "role",
    "status",
    *PROPERTIES,
)
FORMATS = (".csv", ".xlsx")
BATCH = 200


def _rows(ctx: Context, code: str | None) -> tuple[int, list[list[str | int]]]:
    """All rows to export (hierarchies in あいうえお order; organization, then members)."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("export customer hierarchies"))
        stmt = select(Hierarchy.id, Hierarchy.code, Hierarchy.name, Hierarchy.organization_id)
        if code is not None:
            hierarchy = hierarchy_row(session, code)
            stmt = stmt.where(Hierarchy.id == hierarchy.id)
        hierarchies = session.execute(stmt.order_by(Hierarchy.sort_key, Hierarchy.code)).all()
        out: list[list[str | int]] = []
        for hid, hcode, hname, org_id in hierarchies:
            org = session.get_one(Customer, org_id)
            people = session.execute(
                select(Customer, Member.role, Member.status)
                .join(Member, and_(Member.customer_id == Customer.id, Member.hierarchy_id == hid))
                .order_by(Member.role, Customer.kana_key, Customer.account)
            ).all()
            for customer, role, status in [(org, None, None), *people]:
                values: list[object] = [
                    hcode,
                    hname,
                    customer.account,
                    customer.type,
                    customer.name,
                    customer.name_kana,
                    customer.email,
                    role,
                    status,
                    *(getattr(customer, p) for p in PROPERTIES),
                ]
                out.append(
                    ["" if v is None else v if isinstance(v, int) else str(v) for v in values]
                )
        return len(hierarchies), out


def export_hierarchies(
    ctx: Context,
    path: Path,
    *,
    code: str | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write one hierarchy (``code``) or all to ``path`` (.csv or .xlsx); returns the
    number of customer rows written (0 when cancelled: ``progress`` returned False)."""
    _format(path)
    _count, rows = _rows(ctx, code)
    return _write(path, COLUMNS, rows, progress, sheet="hierarchies")


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            "export_format_unknown",
            N_("{field}: “{value}” is not a format for the export; use a .csv or .xlsx file."),
            field="file",
            value=path.name,
        )
    return suffix


def _write(
    path: Path,
    columns: Sequence[str],
    rows: list[list[str | int]],
    progress: Callable[[int, int], bool] | None,
    *,
    sheet: str,
) -> int:
    """Write ``rows`` under ``columns`` as CSV or a workbook, whole or not at all; the
    number of rows written (0 when cancelled)."""
    if _format(path) == ".csv":
        done = write_atomically(
            path,
            lambda handle: _write_csv(handle, columns, rows, progress),
            encoding="utf-8-sig",
            newline="",
        )
    else:
        done = write_atomically(
            path, lambda handle: _write_xlsx(handle, sheet, columns, rows, progress), "wb"
        )
    return len(rows) if done else 0


ORDER_COLUMNS = (
    "order",
    "channel",
    "customer",
    "customer_name",
    "invoice_account",
    "ordered_at",
    "status",
    "total",
    "currency",
)


def export_orders(
    ctx: Context,
    path: Path,
    flt: OrderFilter,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the orders that match ``flt`` (newest first) to ``path`` (.csv or .xlsx):
    totals in whole yen, times in ISO 8601 with their offset."""
    _format(path)
    rows: list[list[str | int]] = [
        [
            o.order,
            o.channel,
            o.customer,
            o.customer_name,
            o.invoice_account or "",
            o.ordered_at.isoformat(),
            o.status,
            o.total,
            o.currency,
        ]
        for o in list_orders(ctx, flt, limit=None)
    ]
    return _write(path, ORDER_COLUMNS, rows, progress, sheet="orders")


def _step(progress: Callable[[int, int], bool] | None, done: int, total: int) -> None:
    if progress is None or (done != 1 and done % BATCH and done != total):
        return
    if progress(done, total) is False:
        raise CancelledError


def _write_csv(
    handle: IO[str],
    columns: Sequence[str],
    rows: list[list[str | int]],
    progress: Callable[[int, int], bool] | None,
) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(columns)
    for n, row in enumerate(rows, 1):
        writer.writerow([csv_safe(str(v)) for v in row])
        _step(progress, n, len(rows))


def _write_xlsx(
    handle: IO[Any],
    title: str,
    columns: Sequence[str],
    rows: list[list[str | int]],
    progress: Callable[[int, int], bool] | None,
) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(list(columns))
    for n, row in enumerate(rows, 1):
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula (="…" from a site stays text)
        _step(progress, n, len(rows))
    sheet.freeze_panes = "A2"
    book.save(handle)
