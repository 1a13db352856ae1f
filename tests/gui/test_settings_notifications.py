"""Settings ▸ Notifications: SMTP or outbox, a password kept in the system keyring only, and
a test message sent off the GUI thread."""

from __future__ import annotations

import contextlib
import socket
import sys
import types
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy import select

from hierdesk.data.schema import Base
from hierdesk.services import audit, notifications, operators
from hierdesk.services.context import Context
from hierdesk.settings import Settings
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.notifications import NotificationsSection
from hierdesk.ui.settings.section import SectionEnv, SettingsEvents

PASSWORD = "gui-s3cret-4471"


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    """An in-memory stand-in for the optional ``keyring`` package."""
    store: dict[tuple[str, str], str] = {}
    module = types.ModuleType("keyring")
    module.set_password = lambda s, u, p: store.__setitem__((s, u), p)  # type: ignore[attr-defined]
    module.get_password = lambda s, u: store.get((s, u))  # type: ignore[attr-defined]
    module.delete_password = lambda s, u: store.pop((s, u))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", module)
    return store


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)


def _section(window: MainWindow) -> NotificationsSection:
    window.ui.actionShowSettings.trigger()
    section = window.settings_pane.show_section("notifications")
    assert isinstance(section, NotificationsSection)
    return section


def _wait_sent(qtbot, section: NotificationsSection) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not section.sending, timeout=15000)


def test_defaults_to_the_outbox_folder(main_window: MainWindow, no_keyring: None) -> None:
    section = _section(main_window)
    ui = section.ui
    assert ui.outboxRadio.isChecked()
    assert ui.outboxGroup.isEnabled()
    assert not ui.smtpGroup.isEnabled()
    assert str(notifications.default_outbox()) in ui.folderHint.text()
    ui.smtpRadio.setChecked(True)
    assert ui.smtpGroup.isEnabled()
    assert not ui.outboxGroup.isEnabled()


def test_switching_to_the_outbox_and_sending_a_test_writes_a_file(
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
    warnings: list[str],
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    notifications.set_transport(
        demo_workspace, mode="smtp", host="smtp.example.jp", sender="b2b@example.jp"
    )
    section = _section(main_window)
    ui = section.ui
    assert ui.smtpRadio.isChecked()
    assert ui.hostEdit.text() == "smtp.example.jp"
    folder = tmp_path / "outbox"
    qtbot.mouseClick(ui.outboxRadio, Qt.MouseButton.LeftButton)
    assert ui.outboxRadio.isChecked()
    ui.folderEdit.setText(str(folder))
    qtbot.keyClicks(ui.recipientEdit, "taro@example.jp")
    qtbot.mouseClick(ui.testButton, Qt.MouseButton.LeftButton)  # saves the form first
    _wait_sent(qtbot, section)
    assert warnings == []
    saved = notifications.get_transport(demo_workspace)
    assert (saved.mode, saved.outbox) == ("outbox", str(folder))
    files = list(folder.glob("*.eml"))
    assert len(files) == 1
    assert ui.testResult.text() == f"The test message was written to {files[0]}."
    message = BytesParser(policy=policy.default).parsebytes(files[0].read_bytes())
    assert message["To"] == "taro@example.jp"
    assert message["From"] == "b2b@example.jp"
    assert message["Subject"] == "hierdesk test message"
    assert ui.testButton.isEnabled()


def test_browse_fills_in_the_chosen_folder(
    main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def choose(_parent, _caption, start, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(tmp_path / "chosen")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    section = _section(main_window)
    section.ui.browseButton.click()
    assert asked == [str(notifications.default_outbox())]
    assert section.ui.folderEdit.text() == str(tmp_path / "chosen")
    assert "skip names starting with" in section.ui.folderHint.text()


def test_smtp_settings_are_saved_and_the_password_goes_to_the_keyring_only(
    main_window: MainWindow,
    demo_workspace: Context,
    settings_file: Path,
    keyring: dict[tuple[str, str], str],
    warnings: list[str],
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    section = _section(main_window)
    ui = section.ui
    ui.smtpRadio.setChecked(True)
    qtbot.keyClicks(ui.hostEdit, "smtp.example.jp")
    ui.portSpin.setValue(587)
    qtbot.keyClicks(ui.senderEdit, "b2b@example.jp")
    qtbot.keyClicks(ui.usernameEdit, "b2b")
    ui.usernameEdit.editingFinished.emit()
    assert ui.passwordState.text().startswith("No password is stored.")
    assert ui.passwordEdit.isEnabled()
    qtbot.keyClicks(ui.passwordEdit, PASSWORD)
    ui.saveButton.click()
    assert warnings == []
    assert ui.saveResult.text() == "Saved. The password is in the system keyring."
    assert list(keyring.values()) == [PASSWORD]
    assert ui.passwordEdit.text() == ""  # never shown back
    assert ui.passwordEdit.placeholderText() == "Stored in the system keyring"
    assert ui.passwordState.text().startswith("A password is stored in the system keyring.")
    assert ui.forgetButton.isEnabled()
    saved = notifications.get_transport(demo_workspace)
    assert (saved.mode, saved.host, saved.username) == ("smtp", "smtp.example.jp", "b2b")
    entry = audit.list_entries(demo_workspace, limit=1)[0]
    assert (entry.action, entry.entity_id) == ("setting.change", "notifications")

    main_window.close()  # writes the settings file
    assert settings_file.exists()
    assert PASSWORD not in settings_file.read_text(encoding="utf-8")
    with demo_workspace.db.read() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                assert PASSWORD not in repr(tuple(row)), table.name
    location = demo_workspace.db.location
    if location.path is not None:
        for suffix in ("", "-wal"):
            path = Path(str(location.path) + suffix)
            if path.exists():
                assert PASSWORD.encode() not in path.read_bytes()


def test_forget_removes_the_stored_password(
    main_window: MainWindow,
    demo_workspace: Context,
    keyring: dict[tuple[str, str], str],
) -> None:
    notifications.set_transport(
        demo_workspace,
        mode="smtp",
        host="smtp.example.jp",
        sender="b2b@example.jp",
        username="b2b",
    )
    notifications.store_password("smtp.example.jp", "b2b", PASSWORD)
    section = _section(main_window)
    assert section.ui.forgetButton.isEnabled()
    section.ui.forgetButton.click()
    assert keyring == {}
    assert section.ui.passwordState.text().startswith("No password is stored.")
    assert section.ui.saveResult.text() == "The password was removed from the system keyring."


def test_without_a_keyring_the_password_cannot_be_typed(
    main_window: MainWindow, no_keyring: None
) -> None:
    section = _section(main_window)
    ui = section.ui
    ui.smtpRadio.setChecked(True)
    ui.usernameEdit.setText("b2b")
    ui.usernameEdit.editingFinished.emit()
    assert not ui.passwordEdit.isEnabled()
    assert ui.passwordEdit.placeholderText() == "Cannot be stored"
    assert "sent without signing in" in ui.passwordState.text()


def test_a_refused_field_is_named_and_nothing_is_saved(
    main_window: MainWindow, demo_workspace: Context, warnings: list[str], no_keyring: None
) -> None:
    section = _section(main_window)
    ui = section.ui
    count = audit.count_entries(demo_workspace)
    ui.smtpRadio.setChecked(True)
    ui.senderEdit.setText("b2b@example.jp")
    ui.saveButton.click()
    assert ui.saveResult.text() == ("Sending by SMTP needs the name or address of the mail server.")
    assert ui.hostEdit.hasFocus() or not main_window.isActiveWindow()
    assert audit.count_entries(demo_workspace) == count
    assert warnings == []
    assert notifications.get_transport(demo_workspace).mode == "outbox"


def test_an_unreachable_server_is_reported(
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
    no_keyring: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    notifications.set_transport(
        demo_workspace,
        mode="smtp",
        host="127.0.0.1",
        port=port,
        starttls=False,
        sender="b2b@example.jp",
    )
    section = _section(main_window)
    section.ui.recipientEdit.setText("taro@example.jp")
    section.send_test()
    assert section.ui.testResult.text() == "Sending…"
    _wait_sent(qtbot, section)
    assert section.ui.testResult.text().startswith(
        f"The mail server 127.0.0.1:{port} cannot be reached"
    )
    assert warnings == []


def test_a_clerk_sees_the_settings_read_only(
    main_window: MainWindow, demo_workspace: Context, no_keyring: None
) -> None:
    operators.add_operator(demo_workspace, "desk-clerk", "clerk")
    clerk = Context(demo_workspace.db, "desk-clerk")
    clerk_info = clerk.operator()  # as the main window keeps it: no query per repaint
    env = SectionEnv(
        clerk,
        main_window.switcher,
        Settings(),
        lambda: None,
        lambda: clerk_info,
        SettingsEvents(),
    )
    section = NotificationsSection(env)
    main_window.settings_pane.ui.sectionStack.addWidget(section)
    section.refresh()
    ui = section.ui
    for widget in (ui.modeGroup, ui.smtpGroup, ui.outboxGroup, ui.saveButton, ui.testGroup):
        assert not widget.isEnabled(), widget.objectName()
    assert not ui.permissionBanner.isHidden()
    assert "desk-clerk" in ui.permissionBanner.text()
    count = audit.count_entries(demo_workspace)
    assert section.save() is False
    section.send_test()
    assert not section.sending
    assert audit.count_entries(demo_workspace) == count


def test_every_focusable_widget_has_an_accessible_name(main_window: MainWindow) -> None:
    section = _section(main_window)
    widgets = [w for w in vars(section.ui).values() if isinstance(w, QWidget)]
    focusable = [w for w in widgets if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert len(focusable) >= 12
    for widget in focusable:
        assert widget.accessibleName(), f"{widget.objectName()} has no accessible name"
