"""Crash reporting: an unexpected exception is written to a rotating log and shown in a
dialog that says what to do; the window keeps working.

Installed by the composition root (``app.main``) as ``sys.excepthook`` and
``threading.excepthook``. PySide6 hands exceptions raised in slots to ``sys.excepthook``, so
this also catches them. An exception raised on another thread is logged there and shown on
the GUI thread. While the dialog is open, further exceptions are only logged (no stack of
dialogs).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Final

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hierdesk import __version__
from hierdesk.i18n.core import _

LOG_NAME: Final = "hierdesk.log"
LOG_MAX_BYTES: Final = 1_000_000
LOG_BACKUPS: Final = 5

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashReporter(QObject):
    """Logs unexpected exceptions and tells the user; one per application."""

    _report = Signal(str)  # the one-line summary, shown on the GUI thread

    def __init__(self, log_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_dir / LOG_NAME
        self.logger = logging.getLogger(f"hierdesk.crash.{id(self)}")
        self.logger.propagate = False
        self.logger.setLevel(logging.INFO)
        self._handler: logging.Handler | None = None
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                self.log_path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            self.logger.addHandler(handler)
            self._handler = handler
        except OSError:
            pass  # no log then; the dialog still appears
        self._showing = False
        self.reported = 0  # exceptions seen (for tests and the log)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._report.connect(self._show)

    # --- installation ----------------------------------------------------------------------

    def install(self) -> CrashReporter:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook
        if self._handler is not None:
            self.logger.removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    # --- the hooks ---------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, value, tb)
            return
        self.handle((kind, value, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread is not None else "?"
        self.handle((args.exc_type, args.exc_value, args.exc_traceback), thread)

    def handle(self, info: ExcInfo, thread: str | None = None) -> None:
        """Log the traceback, then show the dialog (on the GUI thread)."""
        self.reported += 1
        text = "".join(traceback.format_exception(*info))
        where = f" in thread {thread}" if thread else ""
        # a log that cannot be written is reported by logging itself, never raised
        self.logger.error("unexpected error%s (hierdesk %s)\n%s", where, __version__, text)
        summary = "".join(traceback.format_exception_only(info[0], info[1])).strip()
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self._show(summary)
        else:
            self._report.emit(summary)  # queued to the GUI thread

    @Slot(str)
    def _show(self, summary: str) -> None:
        if self._showing:
            return  # logged; one dialog at a time
        self._showing = True
        try:
            parent: QWidget | None = QApplication.activeWindow()
            QMessageBox.critical(parent, _("hierdesk: unexpected error"), self.message(summary))
        finally:
            self._showing = False

    def message(self, summary: str) -> str:
        return _(
            "Something went wrong in hierdesk: {error}\n\n"
            "The work saved so far is safe; the last action may not have been completed, "
            "so check it. You can keep working.\n\n"
            "The details are written to {log}. Please send this file to your support "
            "contact with a few words about what you were doing."
        ).format(error=summary[:300], log=str(self.log_path))


def install_crash_reporter(log_dir: Path) -> CrashReporter:
    """Install the reporter as the application's exception hooks, kept as its child."""
    app = QApplication.instance()
    existing = app.findChild(CrashReporter) if app is not None else None
    if isinstance(existing, CrashReporter):
        return existing.install()
    return CrashReporter(log_dir, app).install()
