"""Notifications to requesters: queued with the decision, delivered after it.

A decision and its notification are written in one transaction (the notification as a
``queued`` row), so a mail server that is down can never lose a decision. Delivery happens
after the commit: ``sent`` through SMTP, ``written`` as an ``.eml`` file into the outbox,
or still ``queued`` with the reason it failed — every later decision, and
``hierdesk-cli notification retry``, tries the queued ones again.
"""

from __future__ import annotations

from email.message import EmailMessage

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Notification, utcnow
from hierdesk.domain.dto import NotificationOutcome, NotificationRow
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.notices import Notice
from hierdesk.i18n.core import N_
from hierdesk.services import audit, notifications
from hierdesk.services.context import Context

#: How many queued notifications one retry pass tries at most (oldest first).
RETRY_BATCH = 50


def queue(session: Session, notice: Notice, request_id: int | None) -> Notification:
    """Add ``notice`` to the queue inside the caller's transaction."""
    row = Notification(
        request_id=request_id,
        kind=notice.kind,
        language=notice.language,
        recipient=notice.recipient,
        subject=notice.subject,
        body=notice.body,
        status="queued",
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def _message(row: Notification) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = row.subject
    message["To"] = row.recipient
    message.set_content(row.body, charset="utf-8", cte="base64")
    return message


def outcome(row: Notification, where: str | None = None) -> NotificationOutcome:
    return NotificationOutcome(row.id, row.kind, row.recipient, row.status, where, row.error)


def deliver(
    ctx: Context, ids: list[int], transport: notifications.Transport | None = None
) -> list[NotificationOutcome]:
    """Try to deliver the queued notifications ``ids``; each outcome is saved with its
    audit entry. A failure is kept on the row (and shown); the row stays queued."""
    outcomes: list[NotificationOutcome] = []
    if not ids:
        return outcomes
    try:
        transport = transport or notifications.get_transport(ctx)
    except HierdeskError as err:
        return _record_failures(ctx, ids, err)
    for notification_id in ids:
        with ctx.db.read() as session:
            row = session.get(Notification, notification_id)
            if row is None or row.status != "queued":
                if row is not None:
                    outcomes.append(outcome(row))
                continue
            message = _message(row)
        try:
            where: str | None = notifications.deliver(ctx, message, transport)
            error: str | None = None
        except HierdeskError as err:
            where, error = None, err.localized()
        outcomes.append(_save(ctx, notification_id, transport.mode, where, error))
    return outcomes


def _save(
    ctx: Context, notification_id: int, mode: str, where: str | None, error: str | None
) -> NotificationOutcome:
    with ctx.db.write() as session:
        row = session.get(Notification, notification_id)
        assert row is not None
        if error is None:
            row.status = "sent" if mode == "smtp" else "written"
            row.sent_at = utcnow()
            row.error = None
            audit.record(
                session,
                ctx.login,
                "notification.sent",
                "notification",
                str(row.id),
                after={"status": row.status, "recipient": row.recipient, "to": where},
            )
        elif row.error != error:
            before = row.error
            row.error = error
            audit.record(
                session,
                ctx.login,
                "notification.failed",
                "notification",
                str(row.id),
                before={"error": before},
                after={"error": error, "recipient": row.recipient},
            )
        session.flush()
        return outcome(row, where)


def _record_failures(ctx: Context, ids: list[int], err: HierdeskError) -> list[NotificationOutcome]:
    text = err.localized()
    with ctx.db.write() as session:
        result = []
        for row in session.execute(select(Notification).where(Notification.id.in_(ids))).scalars():
            if row.status == "queued" and row.error != text:
                row.error = text
            result.append(outcome(row))
        session.flush()
        return result


def queued_ids(ctx: Context, limit: int = RETRY_BATCH) -> list[int]:
    with ctx.db.read() as session:
        return list(
            session.execute(
                select(Notification.id)
                .where(Notification.status == "queued")
                .order_by(Notification.created_at, Notification.id)
                .limit(limit)
            ).scalars()
        )


def retry(ctx: Context, limit: int = RETRY_BATCH) -> list[NotificationOutcome]:
    """Try the oldest queued notifications again."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("send notifications"))
    return deliver(ctx, queued_ids(ctx, limit))


def count_queued(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(
            session.execute(
                select(func.count(Notification.id)).where(Notification.status == "queued")
            ).scalar_one()
        )


def list_notifications(
    ctx: Context, *, status: str | None = None, limit: int = 200
) -> list[NotificationRow]:
    """The newest notifications first."""
    stmt = select(Notification).order_by(Notification.created_at.desc(), Notification.id.desc())
    if status:
        stmt = stmt.where(Notification.status == status)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view notifications"))
        return [
            NotificationRow(
                r.id,
                r.request_id,
                r.kind,
                r.language,
                r.recipient,
                r.subject,
                r.status,
                r.created_at,
                r.sent_at,
                r.error,
            )
            for r in session.execute(stmt.limit(limit)).scalars()
        ]
