"""Notifications to requesters (DOMAIN.md rules 4 and 14): the "approved" and "rejected"
letters in the requester's language with Japanese honorifics, written to the outbox folder
as ``.eml`` files by default or sent through a real SMTP server; a server that is down never
loses a decision, and the letter waits in the queue until it is retried."""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from hierdesk.cli import main
from hierdesk.data.schema import Notification, Request
from hierdesk.domain.errors import DatabaseError
from hierdesk.i18n import core as i18n
from hierdesk.services import approval, audit, notifications
from hierdesk.services import notices as notice_queue
from hierdesk.services.context import Context

Submit = Callable[..., int]

SITE_JA = "みなと B2B ストア"  # the name of the site B2B-JP (tests/conftest.py)
SITE_EN = "Minato Global B2B"  # B2B-EN

MINATO = {
    "company_name": "株式会社みなと商事",
    "department": "営業部",
    "last_name": "山田",
    "first_name": "太郎",
    "email": "taro@minato.example.jp",
    "language": "ja",
}
PACIFIC = {
    "channel": "B2B-EN",
    "company_name": "Pacific Widgets K.K.",
    "company_name_kana": None,
    "department": "Purchasing",
    "last_name": "Smith",
    "first_name": "Ann",
    "last_name_kana": None,
    "first_name_kana": None,
    "email": "ann.smith@pacific.example.com",
    "language": "en",
}


def _parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def _outbox() -> list[Path]:
    folder = notifications.default_outbox()
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def _japanese_prose(text: str, *names: str) -> bool:
    """Whether ``text`` has Japanese words other than the ``names`` it quotes."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def _japanese(msgid: str) -> str:
    """The catalog's Japanese for ``msgid`` (the wording belongs to the translators)."""
    return i18n.translations_for("ja").gettext(msgid)


def _body(ctx: Context, notification_id: int) -> str:
    with ctx.db.read() as session:
        row = session.get(Notification, notification_id)
        assert row is not None
        return row.body


# --- the outbox folder (the default) -----------------------------------------------------------


def test_an_approval_writes_a_japanese_letter_to_the_outbox(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    i18n.set_language("en")  # the clerk works in English; the requester reads Japanese
    rid = submit_request(ctx, **MINATO)
    result = approval.approve(ctx, rid)
    assert result.notification is not None
    assert result.notification.status == "written"

    [path] = _outbox()  # nothing configured: the default outbox folder of this desk
    assert str(path) == result.notification.where
    assert path.suffix == ".eml"
    message = _parse(path.read_bytes())
    assert message["To"] == "taro@minato.example.jp"
    assert message.get_content_charset() == "utf-8"
    subject = str(message["Subject"])
    assert SITE_JA in subject
    assert subject == _japanese("[{site}] Your B2B account has been approved").format(site=SITE_JA)
    assert _japanese_prose(subject, SITE_JA), f"the subject is not in Japanese: {subject}"

    body = message.get_content()
    assert body.replace("\r\n", "\n") == _body(ctx, result.notification.id)
    lines = body.splitlines()
    # company, department, then the person with 様 — never 御中 as well
    assert lines[:3] == ["株式会社みなと商事", "営業部", "山田 太郎 様"]
    assert "御中" not in body
    assert str(result.person) in body
    assert str(result.hierarchy) in body
    assert "Thank you" not in body
    names = ("株式会社みなと商事", "営業部", "山田", "太郎", "様", SITE_JA)
    assert _japanese_prose(body, *names), f"the letter is not written in Japanese:\n{body}"

    [row] = notice_queue.list_notifications(ctx)
    assert (row.kind, row.language, row.status, row.error) == ("approved", "ja", "written", None)
    assert row.sent_at is not None
    assert any(
        e.action == "notification.sent" and e.entity_id == str(row.id)
        for e in audit.list_entries(ctx, limit=None)
    )


def test_an_english_requester_gets_an_english_letter_without_honorifics(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    i18n.set_language("ja")  # the clerk works in Japanese; the requester reads English
    result = approval.approve(ctx, submit_request(ctx, **PACIFIC))
    [path] = _outbox()
    message = _parse(path.read_bytes())
    assert message["To"] == "ann.smith@pacific.example.com"
    assert message["Subject"] == f"[{SITE_EN}] Your B2B account has been approved"
    body = message.get_content()
    assert body.splitlines()[0] == "Dear Ann Smith,"
    assert "様" not in body
    assert "御中" not in body
    assert str(result.person) in body
    assert f"Pacific Widgets K.K. ({result.hierarchy})" in body
    assert not _japanese_prose(body), body


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_rejection_letter_gives_the_reason(
    b2b_workspace: Context, submit_request: Submit, language: str
) -> None:
    ctx = b2b_workspace
    fields = MINATO if language == "ja" else PACIFIC
    reason = "法人番号を確認できませんでした。" if language == "ja" else "We could not verify you."
    rid = submit_request(ctx, **fields)
    result = approval.reject(ctx, rid, reason)
    assert result.notification is not None
    assert result.notification.kind == "rejected"
    [path] = _outbox()
    message = _parse(path.read_bytes())
    assert message["To"] == fields["email"]
    body = message.get_content()
    assert reason in body
    assert "approved" not in str(message["Subject"])
    if language == "ja":
        assert body.splitlines()[:3] == ["株式会社みなと商事", "営業部", "山田 太郎 様"]
        assert "御中" not in body
        names = ("株式会社みなと商事", "営業部", "山田", "太郎", "様", SITE_JA, reason)
        assert _japanese_prose(body, *names), f"the letter is not written in Japanese:\n{body}"
        assert _japanese_prose(str(message["Subject"]), SITE_JA)
    else:
        assert body.splitlines()[0] == "Dear Ann Smith,"
        assert "様" not in body
    [row] = notice_queue.list_notifications(ctx)
    assert (row.request_id, row.kind, row.language) == (rid, "rejected", language)


def test_an_undelivered_notification_waits_and_a_retry_delivers_it(
    b2b_workspace: Context, submit_request: Submit, tmp_path: Path
) -> None:
    ctx = b2b_workspace
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the outbox folder should be")
    notifications.set_transport(ctx, mode="outbox", outbox=str(blocker / "outbox"))
    rid = submit_request(ctx, **MINATO)

    result = approval.approve(ctx, rid)

    # the decision is committed whatever happens to the letter
    with ctx.db.read() as session:
        request = session.get(Request, rid)
        assert request is not None
        assert request.status == "approved"
    assert result.hierarchy is not None
    assert result.notification is not None
    assert result.notification.status == "queued"
    assert result.notification.error is not None
    assert str(blocker / "outbox") in result.notification.error
    assert notice_queue.count_queued(ctx) == 1
    [waiting] = notice_queue.list_notifications(ctx, status="queued")
    assert waiting.error == result.notification.error
    assert notice_queue.list_notifications(ctx, status="written") == []

    folder = tmp_path / "outbox"
    notifications.set_transport(ctx, mode="outbox", outbox=str(folder))
    [outcome] = notice_queue.retry(ctx)
    assert (outcome.id, outcome.status, outcome.error) == (waiting.id, "written", None)
    [path] = folder.glob("*.eml")
    assert _parse(path.read_bytes())["To"] == "taro@minato.example.jp"
    assert notice_queue.count_queued(ctx) == 0
    assert notice_queue.retry(ctx) == []  # nothing left to send


def test_a_decision_can_leave_delivery_for_later(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    result = approval.reject(ctx, submit_request(ctx, **MINATO), "重複", deliver=False)
    assert result.notification is not None
    assert result.notification.status == "queued"
    assert _outbox() == []
    assert notice_queue.count_queued(ctx) == 1
    [outcome] = notice_queue.retry(ctx)
    assert outcome.status == "written"
    assert len(_outbox()) == 1


# --- a real SMTP server ------------------------------------------------------------------------


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    def message(self) -> EmailMessage:
        return _parse(self.data)


@dataclass
class _Inbox:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        assert isinstance(content, bytes)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalSmtpServer:
    """aiosmtpd on 127.0.0.1 (no STARTTLS, no sign-in), stopped and started at will on the
    same port."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.inbox = _Inbox()
        self._controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        return self.inbox.received

    def start(self) -> None:
        controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server() -> Iterator[LocalSmtpServer]:
    server = LocalSmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _use_smtp(ctx: Context, server: LocalSmtpServer) -> None:
    notifications.set_transport(
        ctx,
        mode="smtp",
        host="127.0.0.1",
        port=server.port,
        starttls=False,
        sender="b2b@minato.example.jp",
    )


def test_notifications_go_through_smtp_and_wait_while_the_server_is_down(
    b2b_workspace: Context, submit_request: Submit, smtp_server: LocalSmtpServer
) -> None:
    ctx = b2b_workspace
    _use_smtp(ctx, smtp_server)

    first = approval.approve(ctx, submit_request(ctx, **MINATO))

    assert first.notification is not None
    assert first.notification.status == "sent"
    assert first.notification.where == f"127.0.0.1:{smtp_server.port}"
    [received] = smtp_server.received
    assert received.recipients == ["taro@minato.example.jp"]
    assert received.sender == "b2b@minato.example.jp"
    message = received.message()
    assert message["To"] == "taro@minato.example.jp"
    subject = str(message["Subject"])  # a UTF-8 Japanese subject, decoded
    assert SITE_JA in subject
    assert _japanese_prose(subject, SITE_JA), subject
    [row] = notice_queue.list_notifications(ctx)
    assert (row.subject, row.status) == (subject, "sent")
    body = message.get_content()
    assert body.splitlines()[:3] == ["株式会社みなと商事", "営業部", "山田 太郎 様"]
    assert str(first.person) in body
    assert _outbox() == []  # SMTP configured: nothing goes to the outbox

    # the server goes down: the next decision is still committed, its letter waits
    smtp_server.stop()
    second_id = submit_request(ctx, **{**MINATO, "email": "hanako@kaigan.example.jp"})
    second = approval.approve(ctx, second_id)
    assert second.hierarchy is not None
    assert second.notification is not None
    assert second.notification.status == "queued"
    assert second.notification.error is not None
    assert f"127.0.0.1:{smtp_server.port}" in second.notification.error
    with ctx.db.read() as session:
        request = session.get(Request, second_id)
        assert request is not None
        assert (request.status, request.created_hierarchy) == ("approved", second.hierarchy)
    [waiting] = notice_queue.list_notifications(ctx, status="queued")
    assert (waiting.request_id, waiting.recipient) == (second_id, "hanako@kaigan.example.jp")
    assert waiting.error == second.notification.error
    assert notice_queue.count_queued(ctx) == 1
    assert len(smtp_server.received) == 1

    # retrying while it is still down changes nothing but keeps the reason
    [still] = notice_queue.retry(ctx)
    assert (still.status, still.error) == ("queued", waiting.error)

    smtp_server.start()
    [outcome] = notice_queue.retry(ctx)
    assert (outcome.id, outcome.status, outcome.error) == (waiting.id, "sent", None)
    assert [r.recipients for r in smtp_server.received] == [
        ["taro@minato.example.jp"],
        ["hanako@kaigan.example.jp"],
    ]
    assert "山田 太郎 様" in smtp_server.received[1].message().get_content()
    assert notice_queue.count_queued(ctx) == 0
    statuses = {n.request_id: n.status for n in notice_queue.list_notifications(ctx)}
    assert set(statuses.values()) == {"sent"}


def test_a_database_error_while_delivering_does_not_hide_the_decision(
    b2b_workspace: Context,
    submit_request: Submit,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The decision is committed before its letter is sent: if the database then refuses
    to record the delivery (locked by another desk past the timeout), the clerk is told
    the request was approved (exit 0), not that something failed; the letter waits."""
    ctx = b2b_workspace
    rid = submit_request(ctx, **MINATO)

    def locked(_ctx: Context, _notification_id: int) -> None:
        raise DatabaseError("db_locked", "The database {db} is busy.", db="test")

    monkeypatch.setattr(notice_queue, "_claim", locked)
    assert main(["--json", "--db", ctx.db.location.url, "request", "approve", str(rid)]) == 0
    approved = json.loads(capsys.readouterr().out)
    assert approved["notification"]["status"] == "queued"
    assert "busy" in approved["notification"]["error"]
    with ctx.db.read() as session:
        request = session.get(Request, rid)
        assert request is not None
        assert request.status == "approved"

    monkeypatch.undo()
    [outcome] = notice_queue.retry(ctx)
    assert (outcome.id, outcome.status) == (approved["notification"]["id"], "written")


def test_the_command_line_lists_and_retries_waiting_notifications(
    b2b_workspace: Context,
    submit_request: Submit,
    smtp_server: LocalSmtpServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctx = b2b_workspace
    db = ctx.db.location.url
    _use_smtp(ctx, smtp_server)
    smtp_server.stop()
    rid = submit_request(ctx, **MINATO)

    assert main(["--json", "--db", db, "request", "approve", str(rid)]) == 0
    approved = json.loads(capsys.readouterr().out)
    assert approved["notification"]["status"] == "queued"

    assert main(["--json", "--db", db, "notification", "list", "--status", "queued"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["request"], listed["recipient"], listed["status"]) == (
        rid,
        "taro@minato.example.jp",
        "queued",
    )
    assert str(smtp_server.port) in listed["error"]
    assert listed["kind"] == "approved"

    smtp_server.start()
    assert main(["--json", "--db", db, "notification", "retry"]) == 0
    [retried] = json.loads(capsys.readouterr().out)
    assert (retried["id"], retried["status"], retried["error"]) == (listed["id"], "sent", None)
    assert [r.recipients for r in smtp_server.received] == [["taro@minato.example.jp"]]

    assert main(["--json", "--db", db, "notification", "list", "--status", "queued"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "notification", "retry"]) == 0
    assert "0" in capsys.readouterr().out  # "Delivered 0 of 0 waiting notifications."
    assert len(smtp_server.received) == 1


def test_a_notification_row_survives_with_the_decision(
    b2b_workspace: Context, submit_request: Submit, smtp_server: LocalSmtpServer
) -> None:
    """The letter is queued in the decision's transaction: each decision has exactly one."""
    ctx = b2b_workspace
    _use_smtp(ctx, smtp_server)
    approved = submit_request(ctx, **MINATO)
    rejected = submit_request(ctx, **PACIFIC)
    approval.approve(ctx, approved)
    approval.reject(ctx, rejected, "Not a business customer.")
    with ctx.db.read() as session:
        rows = session.execute(
            select(Notification.request_id, Notification.kind, Notification.status).order_by(
                Notification.id
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        (approved, "approved", "sent"),
        (rejected, "rejected", "sent"),
    ]
    assert [r.recipients for r in smtp_server.received] == [
        ["taro@minato.example.jp"],
        ["ann.smith@pacific.example.com"],
    ]
    assert "Not a business customer." in smtp_server.received[1].message().get_content()


def test_a_notification_claimed_by_another_desk_is_not_sent_twice(
    b2b_workspace: Context, submit_request: Submit, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx, **MINATO)
    result = approval.approve(ctx, rid, deliver=False)
    assert result.notification is not None
    notification_id = result.notification.id

    # another desk has claimed it and is sending it right now
    assert isinstance(notice_queue._claim(ctx, notification_id), EmailMessage)
    assert notice_queue.count_queued(ctx) == 1  # still waiting, as far as anyone can tell
    outcomes = notice_queue.retry(ctx)
    assert outcomes == []  # a fresh claim is left alone
    assert notice_queue.deliver(ctx, [notification_id])[0].status == "sending"
    assert _outbox() == []

    # that desk never came back: after a while the claim is stale and the letter goes out
    monkeypatch.setattr(notice_queue, "STALE_CLAIM", notice_queue.STALE_CLAIM * 0)
    outcomes = notice_queue.retry(ctx)
    assert [(o.id, o.status) for o in outcomes] == [(notification_id, "written")]
    assert len(_outbox()) == 1
    assert notice_queue.count_queued(ctx) == 0
