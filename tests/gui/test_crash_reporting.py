"""Crash reporting: an unexpected exception in a slot (or another thread) is logged with its
traceback in the rotating log and shown in one dialog; the window keeps working.

pytest-qt captures exceptions raised in the Qt event loop (and fails the test); these tests
switch that off (``qt_no_exception_capture``) so that the application's own hook sees them."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from hierdesk.ui.common.crash import LOG_BACKUPS, LOG_MAX_BYTES, CrashReporter
from hierdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def critical(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


@pytest.fixture
def reporter(tmp_path: Path) -> Iterator[CrashReporter]:
    hooks = sys.excepthook, threading.excepthook
    reporter = CrashReporter(tmp_path / "logs").install()
    yield reporter
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == hooks
    reporter.deleteLater()


def _broken_button(window: MainWindow) -> QPushButton:
    button = QPushButton("broken", window)

    def slot() -> None:
        raise ZeroDivisionError("division by zero in a slot")

    button.clicked.connect(slot)
    button.show()
    return button


def test_an_exception_in_a_slot_is_logged_and_shown_and_the_window_keeps_working(
    qtbot, main_window: MainWindow, reporter: CrashReporter, dialogs: list[str]
) -> None:  # type: ignore[no-untyped-def]
    button = _broken_button(main_window)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1
    assert "ZeroDivisionError" in dialogs[0]
    assert str(reporter.log_path) in dialogs[0]
    assert "safe" in dialogs[0]
    log = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "division by zero in a slot" in log
    # the window is still there and works
    assert main_window.isVisible()
    main_window.ui.actionRefresh.trigger()
    main_window.ui.navigation.setCurrentRow(0)
    assert main_window.current_area() == "requests"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and reports again
    assert len(dialogs) == 2


def test_an_exception_while_the_dialog_is_open_does_not_stack_dialogs(
    qtbot, main_window: MainWindow, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []

    def critical(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        try:  # something fails while the dialog is up
            raise RuntimeError("second failure")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    qtbot.mouseClick(_broken_button(main_window), Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    assert reporter.reported == 2
    assert "second failure" in reporter.log_path.read_text(encoding="utf-8")


def test_an_exception_on_another_thread_is_shown_on_the_gui_thread(
    qtbot, reporter: CrashReporter, dialogs: list[str]
) -> None:  # type: ignore[no-untyped-def]
    def work() -> None:
        raise ValueError("failed in a worker")

    thread = threading.Thread(target=work, name="worker-1")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert "ValueError" in dialogs[0]
    log = reporter.log_path.read_text(encoding="utf-8")
    assert "worker-1" in log
    assert "failed in a worker" in log


def test_the_log_is_rotated(reporter: CrashReporter) -> None:
    assert (LOG_MAX_BYTES, LOG_BACKUPS) == (1_000_000, 5)
    handler = reporter.logger.handlers[0]
    assert handler.maxBytes == LOG_MAX_BYTES  # type: ignore[attr-defined]
    assert handler.backupCount == LOG_BACKUPS  # type: ignore[attr-defined]


def test_the_log_lives_in_the_user_log_folder(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import platformdirs

    from hierdesk import paths
    from hierdesk.ui.common.crash import install_crash_reporter

    assert paths.log_dir() == Path(platformdirs.user_log_dir("hierdesk", "hierdesk"))
    hooks = sys.excepthook, threading.excepthook
    reporter = install_crash_reporter(paths.log_dir())
    try:
        assert sys.excepthook == reporter.excepthook
        assert install_crash_reporter(paths.log_dir()) is reporter  # one per application
        assert reporter.log_path.parent == paths.log_dir()
    finally:
        reporter.uninstall()
        reporter.setParent(None)
        reporter.deleteLater()
    assert (sys.excepthook, threading.excepthook) == hooks
