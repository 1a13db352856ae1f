"""The audit trail: written in the caller's transaction, read page by page."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, Text, cast, func, insert, or_, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import AuditEntry, utcnow
from hierdesk.domain.dto import AuditFilter, AuditRow
from hierdesk.i18n.core import N_
from hierdesk.i18n.formatting import csv_safe
from hierdesk.services.context import Context
from hierdesk.services.files import CancelledError, write_atomically

#: The length of ``audit_entry.entity_id``.
ENTITY_ID_MAX = 60


def _fit(entity_id: str, after: Mapping[str, Any] | None) -> tuple[str, Mapping[str, Any] | None]:
    """An ``entity_id`` longer than the column (a database's display name with a long host
    and login) is shortened with “…” there and kept whole in ``after["entity_id"]``."""
    if len(entity_id) <= ENTITY_ID_MAX:
        return entity_id, after
    return entity_id[: ENTITY_ID_MAX - 1] + "…", {**(after or {}), "entity_id": entity_id}


def record(
    session: Session,
    operator: str,
    action: str,
    entity_type: str,
    entity_id: str,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    hierarchy: str | None = None,
) -> None:
    """Add an audit entry to the current unit of work (committed with the change)."""
    entity_id, after = _fit(entity_id, after)
    session.add(
        AuditEntry(
            at=utcnow(),
            operator=operator,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            hierarchy_code=hierarchy,
            before=dict(before) if before is not None else None,
            after=dict(after) if after is not None else None,
        )
    )


#: one entry of :func:`record_many`: entity type, entity ID, before, after, hierarchy
Entry = tuple[str, str, Mapping[str, Any] | None, Mapping[str, Any] | None, str | None]


def record_many(
    session: Session,
    operator: str,
    action: str,
    entries: Iterable[Entry],
    *,
    at: datetime | None = None,
) -> None:
    """The audit entries of a bulk change (one per customer of an override), written as
    :func:`record` would write each, in one executemany INSERT of this transaction."""
    when = at or utcnow()
    rows = []
    for entity_type, entity_id, before, after, hierarchy in entries:
        entity_id, after = _fit(entity_id, after)
        rows.append(
            {
                "at": when,
                "operator": operator,
                "action": action,
                "entity_type": entity_type,
                "entity_id": entity_id,
                "hierarchy_code": hierarchy,
                "before": dict(before) if before is not None else None,
                "after": dict(after) if after is not None else None,
            }
        )
    if rows:
        session.execute(insert(AuditEntry), rows)  # ORM bulk INSERT: one executemany


def _filtered(flt: AuditFilter | None) -> Select[Any]:
    stmt = select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.operator,
        AuditEntry.action,
        AuditEntry.entity_type,
        AuditEntry.entity_id,
        AuditEntry.hierarchy_code,
        AuditEntry.before,
        AuditEntry.after,
    )
    if flt is None:
        return stmt
    if flt.operator:
        stmt = stmt.where(AuditEntry.operator == flt.operator)
    if flt.action:
        action = flt.action
        stmt = stmt.where(
            AuditEntry.action.like(_escape(action) + "%", escape="\\")
            if action.endswith(".")
            else AuditEntry.action == action
        )
    if flt.entity:
        stmt = stmt.where(
            (AuditEntry.entity_id == flt.entity) | (AuditEntry.hierarchy_code == flt.entity)
        )
    if flt.since:
        stmt = stmt.where(AuditEntry.at >= flt.since)
    if flt.until:
        stmt = stmt.where(AuditEntry.at < flt.until)
    if flt.text and flt.text.strip():
        pattern = "%" + _escape(flt.text.strip().lower()) + "%"
        stmt = stmt.where(
            or_(
                func.lower(AuditEntry.entity_id).like(pattern, escape="\\"),
                func.lower(AuditEntry.operator).like(pattern, escape="\\"),
                func.lower(cast(AuditEntry.before, Text)).like(pattern, escape="\\"),
                func.lower(cast(AuditEntry.after, Text)).like(pattern, escape="\\"),
            )
        )
    return stmt


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_entries(
    ctx: Context,
    *,
    offset: int = 0,
    limit: int | None = 200,
    entity: str | None = None,
    filter: AuditFilter | None = None,
) -> list[AuditRow]:
    """Newest first."""
    flt = filter or AuditFilter(entity=entity)
    stmt = _filtered(flt).order_by(AuditEntry.id.desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("read the audit log"))
        rows = session.execute(stmt).all()
    return [AuditRow(*row) for row in rows]


def count_entries(ctx: Context, flt: AuditFilter | None = None) -> int:
    stmt = select(func.count()).select_from(_filtered(flt).subquery())
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("read the audit log"))
        return int(session.execute(stmt).scalar_one())


CSV_COLUMNS = (
    "id",
    "at",
    "operator",
    "action",
    "entity_type",
    "entity_id",
    "hierarchy",
    "before",
    "after",
)


def export_csv(
    ctx: Context,
    path: Path,
    flt: AuditFilter | None = None,
    *,
    progress: Callable[[int, int], bool] | None = None,
    batch: int = 2000,
) -> int:
    """Write the (filtered) audit log to a CSV file that Excel opens correctly: UTF-8 with
    BOM, CRLF, cells that Excel would run as formulas prefixed with ``'``. Oldest first.

    The file appears only when complete; ``progress(done, total)`` returning False cancels
    (and leaves no file). Returns the number of entries written."""
    total = count_entries(ctx, flt)
    written = 0

    def write(handle: IO[str]) -> None:
        nonlocal written
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        last_id = 0
        while True:
            stmt = (
                _filtered(flt).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
            )
            with ctx.db.read() as session:
                rows = session.execute(stmt).all()
            if not rows:
                break
            for row in rows:
                entry = AuditRow(*row)
                writer.writerow(
                    [
                        csv_safe(v)
                        for v in (
                            str(entry.id),
                            entry.at.isoformat(),
                            entry.operator,
                            entry.action,
                            entry.entity_type,
                            entry.entity_id,
                            entry.hierarchy or "",
                            _json(entry.before),
                            _json(entry.after),
                        )
                    ]
                )
            written += len(rows)
            last_id = rows[-1][0]
            if progress is not None and progress(written, total) is False:
                raise CancelledError

    if not write_atomically(path, write, encoding="utf-8-sig", newline=""):
        return 0
    return written


def _json(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
