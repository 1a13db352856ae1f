"""The audit trail: written in the caller's transaction, read page by page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import AuditEntry, utcnow
from hierdesk.domain.dto import AuditRow
from hierdesk.i18n.core import N_
from hierdesk.services.context import Context


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


def list_entries(
    ctx: Context,
    *,
    offset: int = 0,
    limit: int = 200,
    entity: str | None = None,
) -> list[AuditRow]:
    """Newest first."""
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
    ).order_by(AuditEntry.id.desc())
    if entity:
        stmt = stmt.where((AuditEntry.entity_id == entity) | (AuditEntry.hierarchy_code == entity))
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("read the audit log"))
        rows = session.execute(stmt.offset(offset).limit(limit)).all()
    return [AuditRow(*row) for row in rows]


def count_entries(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(AuditEntry.id))).scalar_one())
