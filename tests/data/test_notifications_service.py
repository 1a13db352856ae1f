"""Notification transport: SMTP or an outbox folder, a test message, and a password that
lives in the system keyring or nowhere — never in the database or the settings file."""

from __future__ import annotations

import base64
import contextlib
import socket
import socketserver
import sys
import threading
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from sqlalchemy import select

from hierdesk.data.schema import AppSetting, Base, Operator, utcnow
from hierdesk.domain.errors import PermissionDeniedError, RuleError, ValidationError
from hierdesk.i18n.core import set_language
from hierdesk.services import audit, notifications
from hierdesk.services.context import Context

PASSWORD = "s3cret-パスワード-7781"


# --- a tiny SMTP server ----------------------------------------------------------------------


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    def message(self) -> EmailMessage:
        parsed = BytesParser(policy=policy.default).parsebytes(self.data)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class SmtpState:
    messages: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    credentials: tuple[str, str] | None = None  # require AUTH PLAIN with these


class _Handler(socketserver.StreamRequestHandler):
    """Speaks just enough SMTP for smtplib: EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET,
    NOOP, QUIT (no STARTTLS)."""

    server: _Server

    def _reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self) -> None:
        state = self.server.state
        self._reply("220 test.local ESMTP ready")
        sender: str | None = None
        recipients: list[str] = []
        authenticated = state.credentials is None
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line.split(" ", 1)[0].upper()
            arg = line[len(verb) :].strip()
            if verb == "EHLO":
                self._reply("250-test.local")
                if state.credentials is not None:
                    self._reply("250-AUTH PLAIN")
                self._reply("250 8BITMIME")
            elif verb == "HELO":
                self._reply("250 test.local")
            elif verb == "AUTH":
                mechanism, _, initial = arg.partition(" ")
                if mechanism.upper() != "PLAIN":
                    self._reply("504 unsupported")
                    continue
                parts = base64.b64decode(initial).split(b"\0")
                user, password = parts[1].decode(), parts[2].decode()
                state.logins.append((user, password))
                if (user, password) == state.credentials:
                    authenticated = True
                    self._reply("235 2.7.0 Authentication successful")
                else:
                    self._reply("535 5.7.8 Authentication credentials invalid")
            elif verb == "MAIL":
                if not authenticated:
                    self._reply("530 5.7.0 Authentication required")
                    continue
                sender = arg.split(":", 1)[1].strip().split(" ")[0].strip("<>")
                recipients = []
                self._reply("250 OK")
            elif verb == "RCPT":
                recipients.append(arg.split(":", 1)[1].strip().strip("<>"))
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                lines: list[bytes] = []
                while True:
                    chunk = self.rfile.readline()
                    if chunk in (b".\r\n", b".\n", b""):
                        break
                    lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                state.messages.append(Received(sender or "", recipients, b"".join(lines)))
                self._reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self._reply("250 OK")
            elif verb == "QUIT":
                self._reply("221 Bye")
                return
            else:
                self._reply("502 Command not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, state: SmtpState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, SmtpState]]:
    state = SmtpState()
    server = _Server(state)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1], state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- keyrings ----------------------------------------------------------------------------------


class _MemoryBackend:
    pass


def _memory_keyring() -> types.ModuleType:
    module = types.ModuleType("keyring")
    store: dict[tuple[str, str], str] = {}

    def set_password(service: str, user: str, password: str) -> None:
        store[(service, user)] = password

    def get_password(service: str, user: str) -> str | None:
        return store.get((service, user))

    def delete_password(service: str, user: str) -> None:
        del store[(service, user)]

    module.set_password = set_password  # type: ignore[attr-defined]
    module.get_password = get_password  # type: ignore[attr-defined]
    module.delete_password = delete_password  # type: ignore[attr-defined]
    module.get_keyring = _MemoryBackend  # type: ignore[attr-defined]
    module.store = store  # type: ignore[attr-defined]
    return module


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = _memory_keyring()
    monkeypatch.setitem(sys.modules, "keyring", module)
    return module


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring → ImportError


def _add_operator(ctx: Context, login: str, role: str) -> Context:
    with ctx.db.write() as session:
        session.add(
            Operator(login=login, role=role, active=True, created_at=utcnow(), created_by=ctx.login)
        )
    return Context(ctx.db, login)


def _smtp(ctx: Context, port: int, **extra: object) -> notifications.Transport:
    values: dict[str, object] = {
        "mode": "smtp",
        "host": "127.0.0.1",
        "port": port,
        "starttls": False,
        "sender": "b2b@example.jp",
    }
    values.update(extra)
    return notifications.set_transport(ctx, **values)  # type: ignore[arg-type]


def _everything_in_the_database(ctx: Context) -> str:
    """Every row of every table, as text."""
    parts: list[str] = []
    with ctx.db.read() as session:
        for table in Base.metadata.sorted_tables:
            parts.extend(repr(tuple(row)) for row in session.execute(select(table)))
    return "\n".join(parts)


def _assert_password_nowhere(ctx: Context, *files: Path) -> None:
    assert PASSWORD not in _everything_in_the_database(ctx)
    encoded = PASSWORD.encode()
    location = ctx.db.location
    if location.path is not None:  # SQLite: the file and its write-ahead log, byte for byte
        for suffix in ("", "-wal", "-journal"):
            path = Path(str(location.path) + suffix)
            if path.exists():
                assert encoded not in path.read_bytes(), path
    for path in files:
        assert encoded not in path.read_bytes(), path


# --- the setting ------------------------------------------------------------------------------


def test_without_a_setting_notifications_go_to_the_default_outbox(workspace: Context) -> None:
    transport = notifications.get_transport(workspace)
    assert transport.mode == "outbox"
    assert notifications.outbox_folder(transport) == notifications.default_outbox()
    assert notifications.default_outbox().name == "outbox"


def test_saving_smtp_settings_stores_them_and_audits(workspace: Context) -> None:
    saved = notifications.set_transport(
        workspace,
        mode="smtp",
        host=" smtp.example.jp ",
        port=587,
        starttls=True,
        sender="hierdesk <b2b@example.jp>",
        username="b2b@example.jp",
    )
    assert (saved.mode, saved.host, saved.sender) == (
        "smtp",
        "smtp.example.jp",
        "hierdesk <b2b@example.jp>",
    )
    assert saved.changed_by == workspace.login
    again = notifications.get_transport(workspace)
    assert again == saved or again.stored() == saved.stored()
    with workspace.db.read() as session:
        row = session.get(AppSetting, "notifications")
        assert row is not None
        assert set(row.value) == {
            "mode",
            "host",
            "port",
            "starttls",
            "sender",
            "outbox",
            "username",
        }
    entry = audit.list_entries(workspace, limit=1)[0]
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "setting.change",
        "setting",
        "notifications",
    )
    assert entry.before == {
        "mode": "outbox",
        "host": "",
        "sender": "",
        "username": "",
    }
    assert entry.after["host"] == "smtp.example.jp"


def test_saving_the_same_settings_again_writes_no_audit_entry(workspace: Context) -> None:
    notifications.set_transport(workspace, mode="outbox", outbox="/srv/outbox")
    count = audit.count_entries(workspace)
    notifications.set_transport(workspace, mode="outbox", outbox="/srv/outbox")
    assert audit.count_entries(workspace) == count


@pytest.mark.parametrize(
    ("values", "field_name"),
    [
        ({"mode": "pigeon"}, "mode"),
        ({"mode": "smtp", "sender": "a@example.jp"}, "host"),
        ({"mode": "smtp", "host": "smtp://mail.example.jp", "sender": "a@example.jp"}, "host"),
        ({"mode": "smtp", "host": "mail example", "sender": "a@example.jp"}, "host"),
        ({"mode": "smtp", "host": "mail.example.jp"}, "sender"),
        ({"mode": "smtp", "host": "mail.example.jp", "sender": "nobody"}, "sender"),
        ({"mode": "smtp", "host": "h", "sender": "a@example.jp", "port": 0}, "port"),
        ({"mode": "smtp", "host": "h", "sender": "a@example.jp", "port": 70000}, "port"),
        ({"mode": "outbox", "outbox": "relative/folder"}, "outbox"),
    ],
)
def test_invalid_settings_are_refused_naming_the_field(
    workspace: Context, values: dict[str, object], field_name: str
) -> None:
    count = audit.count_entries(workspace)
    with pytest.raises(ValidationError) as info:
        notifications.set_transport(workspace, **values)  # type: ignore[arg-type]
    assert info.value.field == field_name
    assert "{" not in info.value.localized()
    assert audit.count_entries(workspace) == count
    assert notifications.get_transport(workspace).mode == "outbox"


def test_only_an_administrator_changes_the_transport_or_sends_a_test(
    workspace: Context, tmp_path: Path
) -> None:
    notifications.set_transport(workspace, mode="outbox", outbox=str(tmp_path / "out"))
    manager = _add_operator(workspace, "desk-manager", "manager")
    assert notifications.get_transport(manager).mode == "outbox"  # reading is fine
    with pytest.raises(PermissionDeniedError):
        notifications.set_transport(manager, mode="outbox")
    with pytest.raises(PermissionDeniedError):
        notifications.send_test_message(manager, "taro@example.jp", "en")
    assert not (tmp_path / "out").exists()


def test_set_transport_has_no_way_to_take_a_password(workspace: Context) -> None:
    with pytest.raises(TypeError):
        notifications.set_transport(  # type: ignore[call-arg]
            workspace, mode="smtp", host="h", sender="a@example.jp", password=PASSWORD
        )


# --- the password --------------------------------------------------------------------------------


def test_the_password_goes_to_the_keyring_only(
    workspace: Context, keyring: types.ModuleType, tmp_path: Path
) -> None:
    _smtp(workspace, 2525, username="b2b")
    assert notifications.keyring_available()
    assert notifications.password_state("127.0.0.1", "b2b") == "not_stored"
    notifications.store_password("127.0.0.1", "b2b", PASSWORD)
    assert notifications.password_state("127.0.0.1", "b2b") == "stored"
    assert notifications.load_password("127.0.0.1", "b2b") == PASSWORD
    assert list(keyring.store.values()) == [PASSWORD]  # type: ignore[attr-defined]
    _assert_password_nowhere(workspace)
    notifications.store_password("127.0.0.1", "b2b", "")  # an empty password forgets it
    assert notifications.password_state("127.0.0.1", "b2b") == "not_stored"


def test_without_a_keyring_the_password_is_stored_nowhere(
    workspace: Context, no_keyring: None
) -> None:
    assert not notifications.keyring_available()
    assert notifications.password_state("smtp.example.jp", "b2b") == "unavailable"
    with pytest.raises(RuleError) as info:
        notifications.store_password("smtp.example.jp", "b2b", PASSWORD)
    assert info.value.code == "keyring_unavailable"
    assert "without signing in" in info.value.localized()
    assert notifications.load_password("smtp.example.jp", "b2b") is None
    _assert_password_nowhere(workspace)


def test_a_keyring_that_fails_is_reported_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    module = _memory_keyring()

    def broken(*_args: object) -> None:
        raise RuntimeError("locked collection")

    module.set_password = broken  # type: ignore[attr-defined]
    module.get_password = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", module)
    with pytest.raises(RuleError) as info:
        notifications.store_password("smtp.example.jp", "b2b", PASSWORD)
    assert info.value.code == "password_not_stored"
    assert PASSWORD not in info.value.localized()
    assert notifications.load_password("smtp.example.jp", "b2b") is None


# --- sending by SMTP ----------------------------------------------------------------------------


def test_a_test_message_arrives_in_japanese(
    workspace: Context, smtp_server: tuple[int, SmtpState], no_keyring: None
) -> None:
    port, state = smtp_server
    _smtp(workspace, port)
    set_language("ja")
    result = notifications.send_test_message(workspace, "taro@example.jp", "ja")
    assert "taro@example.jp" in result
    assert f"127.0.0.1:{port}" in result
    assert len(state.messages) == 1
    received = state.messages[0]
    assert received.sender == "b2b@example.jp"
    assert received.recipients == ["taro@example.jp"]
    message = received.message()
    assert message["Subject"] == _japanese("hierdesk test message")
    assert message["Subject"].startswith("hierdesk テスト")
    assert message["From"] == "b2b@example.jp"
    assert message["To"] == "taro@example.jp"
    assert message["Date"] is not None
    assert message["Message-ID"] is not None
    body = message.get_content()
    assert "hierdesk" in body
    assert "テスト" in body
    assert workspace.login in body
    assert state.logins == []  # no user name: no sign-in


def test_a_test_message_in_english(
    workspace: Context, smtp_server: tuple[int, SmtpState], no_keyring: None
) -> None:
    port, state = smtp_server
    _smtp(workspace, port)
    notifications.send_test_message(workspace, "john@example.com", "en")
    message = state.messages[0].message()
    assert message["Subject"] == "hierdesk test message"
    assert "This is a test message from hierdesk." in message.get_content()


def test_smtp_signs_in_with_the_password_from_the_keyring(
    workspace: Context, smtp_server: tuple[int, SmtpState], keyring: types.ModuleType
) -> None:
    port, state = smtp_server
    state.credentials = ("b2b", PASSWORD)
    _smtp(workspace, port, username="b2b")
    notifications.store_password("127.0.0.1", "b2b", PASSWORD)
    notifications.send_test_message(workspace, "taro@example.jp", "en")
    assert state.logins == [("b2b", PASSWORD)]
    assert len(state.messages) == 1
    _assert_password_nowhere(workspace)


def test_a_wrong_password_is_an_auth_failure(
    workspace: Context, smtp_server: tuple[int, SmtpState], keyring: types.ModuleType
) -> None:
    port, state = smtp_server
    state.credentials = ("b2b", PASSWORD)
    _smtp(workspace, port, username="b2b")
    notifications.store_password("127.0.0.1", "b2b", "wrong")
    with pytest.raises(RuleError) as info:
        notifications.send_test_message(workspace, "taro@example.jp", "en")
    assert info.value.code == "smtp_auth_failed"
    assert "b2b" in info.value.localized()
    assert state.messages == []


def test_without_a_password_the_message_goes_without_sign_in(
    workspace: Context, smtp_server: tuple[int, SmtpState], no_keyring: None
) -> None:
    port, state = smtp_server
    state.credentials = ("b2b", PASSWORD)
    _smtp(workspace, port, username="b2b")
    with pytest.raises(RuleError) as info:
        notifications.send_test_message(workspace, "taro@example.jp", "en")
    assert info.value.code == "smtp_sender_refused"
    assert "530" in info.value.localized()
    assert state.logins == []


def test_an_unreachable_server_is_named(workspace: Context, no_keyring: None) -> None:
    port = _free_port()
    _smtp(workspace, port)
    with pytest.raises(RuleError) as info:
        notifications.send_test_message(workspace, "taro@example.jp", "en")
    assert info.value.code == "smtp_unreachable"
    assert f"127.0.0.1:{port}" in info.value.localized()


def test_starttls_that_the_server_does_not_offer_is_refused(
    workspace: Context, smtp_server: tuple[int, SmtpState], no_keyring: None
) -> None:
    port, state = smtp_server
    _smtp(workspace, port, starttls=True)
    with pytest.raises(RuleError) as info:
        notifications.send_test_message(workspace, "taro@example.jp", "en")
    assert info.value.code == "smtp_starttls_unsupported"
    assert state.messages == []


@pytest.mark.parametrize(
    "recipient", ["not an address", "", "a@b.jp\r\nBcc: victim@example.com", "x\n <a@b.jp>"]
)
def test_an_invalid_recipient_is_refused_before_anything_is_sent(
    workspace: Context, smtp_server: tuple[int, SmtpState], recipient: str
) -> None:
    port, state = smtp_server
    _smtp(workspace, port)
    with pytest.raises(ValidationError) as info:
        notifications.send_test_message(workspace, recipient, "en")
    assert info.value.field == "recipient"
    assert state.messages == []


# --- the outbox folder ---------------------------------------------------------------------------


def test_the_outbox_gets_a_parseable_eml_file(workspace: Context, tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "outbox"  # created when missing
    notifications.set_transport(
        workspace, mode="outbox", outbox=str(folder), sender="b2b@example.jp"
    )
    set_language("ja")
    result = notifications.send_test_message(workspace, "花子 <hanako@example.jp>", "ja")
    files = list(folder.iterdir())
    assert len(files) == 1
    path = files[0]
    assert path.suffix == ".eml"
    assert str(path) in result
    raw = path.read_bytes()
    assert b"\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF line ends only (RFC 5322)
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message["Subject"] == _japanese("hierdesk test message")
    assert message["Subject"].startswith("hierdesk テスト")
    assert message["From"] == "b2b@example.jp"
    assert message["To"].addresses[0].addr_spec == "hanako@example.jp"
    assert message["Date"].datetime is not None
    assert message["Message-ID"].endswith("@example.jp>")
    assert message.get_content_charset() == "utf-8"
    assert "テスト" in message.get_content()


def test_deliver_adds_missing_headers_and_returns_the_file(
    workspace: Context, tmp_path: Path
) -> None:
    notifications.set_transport(workspace, mode="outbox", outbox=str(tmp_path / "out"))
    message = EmailMessage()
    message["To"] = "taro@example.jp"
    message["Subject"] = "ご登録ありがとうございます"
    message.set_content("山田様\n\n本文です。")
    where = notifications.deliver(workspace, message)
    path = Path(where)
    assert path.parent == tmp_path / "out"
    parsed = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert parsed["Subject"] == "ご登録ありがとうございます"
    assert parsed["From"] == notifications.FALLBACK_SENDER
    assert parsed["Message-ID"]
    assert parsed["Date"]
    assert "山田様" in parsed.get_content()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no partial file left


def test_a_message_without_recipient_is_refused(workspace: Context, tmp_path: Path) -> None:
    notifications.set_transport(workspace, mode="outbox", outbox=str(tmp_path / "out"))
    message = EmailMessage()
    message.set_content("x")
    with pytest.raises(RuleError) as info:
        notifications.deliver(workspace, message)
    assert info.value.code == "message_without_recipient"
    assert not (tmp_path / "out").exists()


def test_an_outbox_that_cannot_be_written_is_named(workspace: Context, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    folder = blocker / "outbox"
    notifications.set_transport(workspace, mode="outbox", outbox=str(folder))
    with pytest.raises(RuleError) as info:
        notifications.send_test_message(workspace, "taro@example.jp", "en")
    assert info.value.code == "outbox_not_writable"
    assert str(folder) in info.value.localized()


def _japanese(msgid: str) -> str:
    """The catalog's Japanese for ``msgid`` (the wording belongs to the translators)."""
    from hierdesk.i18n import core

    previous = core.current_language()
    core.set_language("ja")
    try:
        return core._(msgid)
    finally:
        core.set_language(previous)
