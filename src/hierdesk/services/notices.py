"""Notifications to requesters: queued with the decision, delivered after it.

A decision and its notification are written in one transaction (the notification as a
``queued`` row), so a mail server that is down can never lose a decision. Delivery happens
after the commit: ``sent`` through SMTP, ``written`` as an ``.eml`` file into the outbox,
or still ``queued`` with the reason it failed — :func:`retry` (``hierdesk-cli notification
retry``, and the Requests area in the background and by Send now) tries the queued ones
again; a later decision delivers only its own.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import and_, func, or_, select
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
#: A notification claimed for sending this long ago by a desk that never recorded the
#: outcome (it crashed or lost the database) is waiting again.
STALE_CLAIM = timedelta(minutes=10)


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
    with ctx.db.read() as session:  # a refusal is not a delivery failure to record
        ctx.require(session, "clerk", N_("send notifications"))
    try:
        transport = transport or notifications.get_transport(ctx)
    except HierdeskError as err:
        return _record_failures(ctx, ids, err)
    for notification_id in ids:
        claimed = _claim(ctx, notification_id)
        if isinstance(claimed, NotificationOutcome):
            outcomes.append(claimed)
            continue
        if claimed is None:
            continue
        message = claimed
        try:
            where: str | None = notifications.deliver(ctx, message, transport)
            error: str | None = None
        except HierdeskError as err:
            where, error = None, err.localized()
        outcomes.append(_save(ctx, notification_id, transport.mode, where, error))
    return outcomes


def _claim(ctx: Context, notification_id: int) -> EmailMessage | NotificationOutcome | None:
    """Mark a queued notification as being sent by this desk, so that two desks retrying
    at the same moment never send it twice. Returns the message to send, or the outcome
    of a notification that is not (or no longer) waiting."""
    with ctx.db.write() as session:
        row = session.execute(
            select(Notification).where(Notification.id == notification_id).with_for_update()
        ).scalar_one_or_none()
        if row is None:
            return None
        if not _waiting(row, utcnow()):
            return outcome(row)
        row.status = "sending"
        row.sent_at = utcnow()  # while sending: when this desk claimed it
        session.flush()
        return _message(row)


def _waiting(row: Notification, now: datetime) -> bool:
    """Queued, or claimed by a desk that stopped before it could record the outcome."""
    if row.status == "queued":
        return True
    return row.status == "sending" and (row.sent_at is None or now - row.sent_at > STALE_CLAIM)


def _save(
    ctx: Context, notification_id: int, mode: str, where: str | None, error: str | None
) -> NotificationOutcome:
    with ctx.db.write() as session:
        row = session.get(Notification, notification_id)
        assert row is not None
        if error is not None:
            row.status = "queued"
            row.sent_at = None
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
    stale = utcnow() - STALE_CLAIM
    with ctx.db.read() as session:
        return list(
            session.execute(
                select(Notification.id)
                .where(
                    or_(
                        Notification.status == "queued",
                        and_(Notification.status == "sending", Notification.sent_at < stale),
                    )
                )
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
                select(func.count(Notification.id)).where(
                    Notification.status.in_(("queued", "sending"))
                )
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
