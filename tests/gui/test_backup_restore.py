"""File ▸ Back up database… and File ▸ Restore from backup… (SQLite, administrators only), and
the ways out the application offers when it cannot open its database at start."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from hierdesk import app as app_module
from hierdesk.app import open_window
from hierdesk.domain.errors import DatabaseError
from hierdesk.services import backup, channels
from hierdesk.services.context import Context
from hierdesk.services.setup import initialize
from hierdesk.settings import Settings
from hierdesk.ui import startup
from hierdesk.ui.main_window import MainWindow

BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"
PG_DUMP = (
    "A PostgreSQL database is backed up by its database administrator with "
    "pg_dump (and restored with pg_restore)."
)


def _postgresql(window: MainWindow) -> bool:
    """On PostgreSQL the File menu's backup and restore are off and point to pg_dump (the
    database administrator's tools): checked here, and the SQLite steps are not taken."""
    if BACKEND != "postgresql":
        return False
    for action in (window.ui.actionBackupDatabase, window.ui.actionRestoreDatabase):
        assert not action.isEnabled()
        assert action.toolTip() == PG_DUMP
    return True


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _codes(ctx: Context) -> set[str]:
    return {c.code for c in channels.list_channels(ctx)}


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_backup_and_restore_are_offered_to_administrators_on_sqlite(
    main_window: MainWindow,
) -> None:
    ui = main_window.ui
    file_menu = [a.objectName() for a in ui.menuFile.actions()]
    assert {"actionBackupDatabase", "actionRestoreDatabase"} <= set(file_menu)
    for action in (ui.actionBackupDatabase, ui.actionRestoreDatabase):
        if BACKEND == "sqlite":
            assert action.isEnabled()
        else:
            assert not action.isEnabled()
            assert "pg_dump" in action.toolTip()


def test_backup_and_restore_are_disabled_for_a_clerk(clerk_window: MainWindow) -> None:
    for action in (clerk_window.ui.actionBackupDatabase, clerk_window.ui.actionRestoreDatabase):
        assert not action.isEnabled()
        assert action.toolTip()


def test_the_actions_keep_their_state_across_a_language_switch(
    clerk_window: MainWindow,
) -> None:
    """(The tool tips are set in code from the catalog, so they follow the language once
    the new messages are translated.)"""
    clerk_window.set_language("ja")
    clerk_window.set_language("en")
    action = clerk_window.ui.actionRestoreDatabase
    assert not action.isEnabled()
    assert action.toolTip() == (
        "Only an administrator can back up or restore the database."
        if BACKEND == "sqlite"
        else "A PostgreSQL database is backed up by its database administrator with "
        "pg_dump (and restored with pg_restore)."
    )


def test_backup_from_the_file_menu_writes_a_copy_off_the_gui_thread(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    if _postgresql(main_window):
        return
    target = tmp_path / "copy.sqlite3"
    main_window.backup_database(target)
    qtbot.waitUntil(lambda: hasattr(main_window, "last_backup_message"), timeout=10000)
    assert str(target) in main_window.last_backup_message
    ctx, _ = initialize(str(target))  # a whole, current hierdesk database
    try:
        assert len(_codes(ctx)) == len(_codes(main_window.ctx))
    finally:
        ctx.db.dispose()


def test_restore_from_the_file_menu_shows_the_restored_database(
    qtbot, main_window: MainWindow, tmp_path: Path, yes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    if _postgresql(main_window):
        return
    ctx = main_window.ctx
    copy = backup.backup(ctx, tmp_path / "monday.sqlite3")
    channels.create_channel(ctx, "LATER", "後のサイト")
    handle = main_window.restore_database(copy)
    assert handle is not None
    assert yes
    assert str(copy) in yes[0]
    qtbot.waitUntil(lambda: hasattr(main_window, "last_backup_message"), timeout=10000)
    assert "LATER" not in _codes(ctx)
    assert "Restored" in main_window.last_backup_message
    # the window works on the restored content
    assert main_window.tree_model.rowCount() > 0
    main_window.ui.actionRefresh.trigger()
    saved = sorted(tmp_path.rglob("*.before-restore-*.bak"))
    assert len(saved) == 1


def test_a_bad_backup_is_refused_and_the_database_is_untouched(
    qtbot, main_window: MainWindow, tmp_path: Path, yes: list[str], warnings: list[str]
) -> None:  # type: ignore[no-untyped-def]
    if _postgresql(main_window):
        return
    bad = tmp_path / "notes.bak"
    bad.write_bytes(b"not a database at all\n" * 200)
    before = digest(bad)
    codes = _codes(main_window.ctx)
    handle = main_window.restore_database(bad)
    assert handle is not None
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "not a readable hierdesk backup" in warnings[0]
    assert digest(bad) == before
    assert _codes(main_window.ctx) == codes
    assert not list(tmp_path.rglob("*.before-restore-*.bak"))


def test_cancelling_the_restore_changes_nothing(
    main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if _postgresql(main_window):
        return
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Cancel
    )
    assert main_window.restore_database(tmp_path / "whatever.bak") is None


# --- at start: the ways out of a refused database ------------------------------------------------


@pytest.fixture
def good_backup(tmp_path: Path) -> Path:
    folder = tmp_path / "backups"
    folder.mkdir()
    ctx, _ = initialize(str(folder / "live.sqlite3"))
    try:
        channels.create_channel(ctx, "SAVED", "保存済み")
        return backup.backup(ctx, folder / "friday.sqlite3")
    finally:
        ctx.db.dispose()


@pytest.fixture
def damaged_db(tmp_path: Path) -> Path:
    path = tmp_path / "hierdesk.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    return path


def _script(monkeypatch: pytest.MonkeyPatch, *choices: str) -> list[tuple[str, bool]]:
    """Answer the refusal dialog with ``choices`` in turn; record (code, can_restore)."""
    seen: list[tuple[str, bool]] = []
    answers = list(choices)

    def ask(error, can_restore, parent=None):  # type: ignore[no-untyped-def]
        seen.append((error.code, can_restore))
        return answers.pop(0)

    monkeypatch.setattr(startup, "ask_way_out", ask)
    return seen


def test_quitting_at_the_refusal_changes_nothing(
    qtbot, damaged_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged_db)
    seen = _script(monkeypatch, "quit")
    result = open_window(["--db", str(damaged_db)], Settings())
    assert isinstance(result, DatabaseError)
    assert result.exit_status == 4
    assert seen == [("db_damaged", True)]
    assert digest(damaged_db) == before
    assert [p.name for p in damaged_db.parent.iterdir() if p.is_file()] == [damaged_db.name]


def test_restore_from_a_backup_at_start_opens_the_restored_database(
    qtbot, damaged_db: Path, good_backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged_db)
    seen = _script(monkeypatch, "restore")
    monkeypatch.setattr(startup, "choose_backup", lambda *_a: good_backup)
    monkeypatch.setattr(startup, "confirm_restore", lambda *_a: True)
    window = open_window(["--db", str(damaged_db)], Settings())
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert seen == [("db_damaged", True)]
    assert "SAVED" in _codes(window.ctx)
    assert window.ctx.database.display == str(damaged_db)
    (aside,) = damaged_db.parent.glob("hierdesk.sqlite3.damaged-*.bak")
    assert digest(aside) == before  # the damaged file is kept, renamed
    window.close()


def test_a_bad_backup_at_start_is_refused_and_the_choice_offered_again(
    qtbot, damaged_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged_db)
    bad = tmp_path / "bad.bak"
    bad.write_bytes(b"junk" * 100)
    refusals: list[str] = []
    seen = _script(monkeypatch, "restore", "quit")
    monkeypatch.setattr(startup, "choose_backup", lambda *_a: bad)
    monkeypatch.setattr(startup, "confirm_restore", lambda *_a: True)
    monkeypatch.setattr(startup, "show_refusal", lambda error, *_a: refusals.append(error.code))
    assert isinstance(open_window(["--db", str(damaged_db)], Settings()), DatabaseError)
    assert refusals == ["restore_not_hierdesk"]
    assert len(seen) == 2
    assert digest(damaged_db) == before


def test_open_another_database_at_start(
    qtbot, damaged_db: Path, good_backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged_db)
    other = good_backup.with_name("live.sqlite3")
    _script(monkeypatch, "other")
    monkeypatch.setattr(startup, "choose_database", lambda *_a: other)
    window = open_window(["--db", str(damaged_db), "--locale", "en"], Settings())
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.ctx.database.display == str(other)
    assert digest(damaged_db) == before
    window.close()


def test_a_postgresql_refusal_offers_no_restore(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    seen = _script(monkeypatch, "quit")
    result = open_window(["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"], Settings())
    assert isinstance(result, DatabaseError)
    assert seen == [(result.code, False)]


def test_the_refusal_dialog_offers_the_ways_out(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox as Box

    offered: list[list[str]] = []

    def exec_(box: Box) -> int:
        offered.append([b.text() for b in box.buttons()])
        return 0

    monkeypatch.setattr(Box, "exec", exec_)
    error = DatabaseError("db_damaged", "{db} is damaged.", db="x")
    assert startup.ask_way_out(error, True) == "quit"
    assert startup.ask_way_out(error, False) == "quit"
    assert "Restore from a backup…" in offered[0]
    assert "Open another database…" in offered[0]
    assert "Restore from a backup…" not in offered[1]


def test_with_db_replaces_the_database_argument(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    assert app_module._with_db(["--db", "a", "--locale", "ja"], path) == [
        "--locale",
        "ja",
        "--db",
        str(path),
    ]
    assert app_module._with_db(["--demo", "--db=b"], path) == ["--db", str(path)]
