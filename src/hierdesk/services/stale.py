"""DOMAIN.md rule 13 in one place: a save based on an old copy of a record is refused, and
the refusal names who changed the record and when.

Every editing service takes what the caller last saw, as the row's ``version`` or, for a
setting that is one value among several, the value itself, and hands it to :func:`check`
or :func:`check_value`. Who changed the record comes from the row where it keeps
``changed_by``/``changed_at`` and from its newest audit entry otherwise (every change is
audited in the same transaction, so the two never disagree)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.database import When
from hierdesk.data.schema import AuditEntry
from hierdesk.domain.errors import ConflictError
from hierdesk.i18n.core import N_, _


@dataclass(frozen=True, slots=True)
class Record:
    """The record named in a conflict message: a message id and its values, translated
    when the message is shown (so it follows a language switch)."""

    msgid: str
    values: tuple[tuple[str, object], ...]

    def __format__(self, spec: str) -> str:
        return format(_(self.msgid).format(**dict(self.values)), spec)


def record(msgid: str, **values: object) -> Record:
    return Record(msgid, tuple(values.items()))


def customer(account: str) -> Record:
    return record(N_("Customer {account}"), account=account)


def hierarchy(code: str) -> Record:
    return record(N_("The customer hierarchy {code}"), code=code)


def last_change(
    session: Session, entity_type: str, entity_id: str, actions: tuple[str, ...] = ()
) -> tuple[str, datetime] | None:
    """Who made the newest audited change of the record (of one of ``actions``), and when."""
    stmt = select(AuditEntry.operator, AuditEntry.at).where(
        AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id
    )
    if actions:
        stmt = stmt.where(AuditEntry.action.in_(actions))
    row = session.execute(stmt.order_by(AuditEntry.id.desc()).limit(1)).first()
    return (row.operator, row.at) if row is not None else None


def refusal(what: Record, who: str | None, when: datetime | None) -> ConflictError:
    if who and when:
        return ConflictError(
            "conflict",
            N_(
                "{what} was changed by {who} at {when} on another desk. Nothing was saved; "
                "reload and try again."
            ),
            what=what,
            who=who,
            when=When(when.isoformat()),
        )
    return ConflictError(
        "conflict",
        N_("{what} was changed on another desk. Nothing was saved; reload and try again."),
        what=what,
    )


#: Where a record's changes are audited: (entity_type, entity_id, *actions); with no
#: actions, every audited change of the entity counts.
Audited = tuple[str, ...]


def _who(session: Session, row: Any, audited: Audited | None) -> tuple[str | None, datetime | None]:
    who: str | None = getattr(row, "changed_by", None)
    when: datetime | None = getattr(row, "changed_at", None)
    if (who is None or when is None) and audited is not None:
        last = last_change(session, audited[0], audited[1], audited[2:])
        if last is not None:
            who, when = last
    return who, when


def check(
    session: Session,
    row: Any,
    expected: int | None,
    what: Record,
    *,
    audited: Audited | None = None,
) -> None:
    """Refuse when ``row`` (a versioned row) is no longer at the ``expected`` version.

    ``None`` means the caller read the row in this same transaction (the command line),
    so there is nothing to compare. ``audited`` is the row's (entity_type, entity_id) in
    the audit log, for rows that do not keep who changed them."""
    if expected is None or expected == row.version:
        return
    who, when = _who(session, row, audited)
    raise refusal(what, who, when)


def check_value(
    session: Session,
    seen: object,
    current: object,
    what: Record,
    *,
    row: Any = None,
    audited: Audited | None = None,
) -> None:
    """Refuse when a value is no longer what the caller saw (a setting kept with others in
    one row, where another desk's change of a neighbour is no conflict)."""
    if seen == current:
        return
    who, when = _who(session, row, audited)
    raise refusal(what, who, when)
