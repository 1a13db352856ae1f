"""Composition root of the desktop application.

Builds settings, the database context, the language switcher and the main window. Only this
module (and ``cli.py`` for the batch tool) opens databases and wires services together.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from hierdesk import __version__, paths
from hierdesk.domain.errors import HierdeskError
from hierdesk.i18n.core import LANGUAGES, _, normalize_language
from hierdesk.i18n.qt import LanguageSwitcher
from hierdesk.services import backup, demo
from hierdesk.services.context import Context, default_login, open_location
from hierdesk.services.setup import initialize, open_workspace
from hierdesk.settings import Settings, resolve_db, system_language
from hierdesk.ui import startup
from hierdesk.ui.common.crash import install_crash_reporter
from hierdesk.ui.common.fonts import apply_japanese_fallback
from hierdesk.ui.main_window import MainWindow

RESOURCES = Path(__file__).resolve().parent / "resources"

#: Set by the benchmark (``hierdesk-cli bench``): print "painted" once the main window has
#: painted for the first time, then quit. The parent process times the whole start.
EXIT_AFTER_PAINT = "HIERDESK_EXIT_AFTER_PAINT"


class _FirstPaint(QObject):
    """Reports the main window's first paint on stdout and ends the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            sys.stdout.write("painted\n")
            sys.stdout.flush()
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def _switcher(app: QCoreApplication) -> LanguageSwitcher:
    """One language switcher per application, kept as the application's child."""
    existing = app.findChild(LanguageSwitcher, "hierdesk-language")
    if isinstance(existing, LanguageSwitcher):
        return existing
    switcher = LanguageSwitcher(app)
    switcher.setObjectName("hierdesk-language")
    return switcher


def create_main_window(
    db_url: str,
    locale: str = "en",
    *,
    settings: Settings | None = None,
    settings_path: Path | None = None,
) -> MainWindow:
    """The fully wired main window on ``db_url``, not yet shown (INTERFACES.md §1).

    A ``QApplication`` must already exist. The database must be a current hierdesk database.
    """
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create a QApplication before create_main_window()")
    switcher = _switcher(app)
    switcher.set_language(normalize_language(locale) or "en")
    ctx = open_workspace(db_url)
    try:
        ctx.require_operator()
    except HierdeskError:
        ctx.db.dispose()
        raise
    window = MainWindow(ctx, switcher, settings or Settings(), settings_path)
    window.destroyed.connect(lambda *_: ctx.db.dispose())
    return window


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hierdesk", description=_("hierdesk desktop"))
    parser.add_argument("--version", action="version", version=f"hierdesk {__version__}")
    parser.add_argument("--db", metavar="URL", help=_("database file or URL"))
    parser.add_argument("--locale", choices=LANGUAGES, help=_("language"))
    parser.add_argument(
        "--demo", action="store_true", help=_("open the demo database (created on first use)")
    )
    args, _unknown = parser.parse_known_args(argv)  # Qt's own options pass through
    return args


def _open(url: str, *, demo_db: bool, default_db: bool) -> Context:
    """Open the database; create the demo or the default database on first use."""
    if demo_db or default_db:
        path = Path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        if demo_db and path.exists():
            ready = _open_demo(url)  # the usual start: no schema work, no demo loading
            if ready is not None:
                return ready
        if demo_db:
            ctx, _result = initialize(url)
            demo.load_demo(ctx)
            ctx.db.dispose()
        elif not path.exists():
            ctx, _result = initialize(url)
            ctx.db.dispose()
    return open_workspace(url)


def _open_demo(url: str) -> Context | None:
    """The demo database as it is, when it is current and loaded; None when it needs
    setting up (an older schema, or a load that never finished)."""
    try:
        ctx = open_workspace(url)
    except HierdeskError:
        return None
    if demo.is_loaded(ctx):
        return ctx
    ctx.db.dispose()
    return None


def launch(argv: Sequence[str], settings: Settings) -> MainWindow:
    """Open the database the arguments and settings name and build the main window.

    Creates the demo database, or the default database, on first use — and nothing else:
    a missing ``--db`` file, a foreign, damaged or newer database raises HierdeskError."""
    args = _parse(argv)
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create a QApplication before launch()")
    switcher = _switcher(app)
    switcher.set_language(args.locale or settings.language or system_language())
    if args.locale:
        settings.language = args.locale
    url = resolve_db(args.db, settings, demo=args.demo)
    default_db = args.db is None and not args.demo and url == str(paths.default_db_path())
    ctx = _open(url, demo_db=args.demo, default_db=default_db)
    try:
        ctx.require_operator()
    except HierdeskError:
        ctx.db.dispose()
        raise
    window = MainWindow(ctx, switcher, settings)
    window.destroyed.connect(lambda *_: ctx.db.dispose())
    return window


def _with_db(argv: Sequence[str], path: Path) -> list[str]:
    """The arguments with ``--db`` set to ``path`` (and no ``--demo``)."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--db":
            skip = True
            continue
        if arg.startswith("--db=") or arg == "--demo":
            continue
        out.append(arg)
    return [*out, "--db", str(path)]


def open_window(argv: Sequence[str], settings: Settings) -> MainWindow | HierdeskError:
    """:func:`launch`, and when the database is refused the ways out: restore the file
    from a backup, open another database, or quit. Nothing is changed unless the
    user chooses and confirms a backup that checks out. Quitting gives the refusal."""
    argv = list(argv)
    while True:
        try:
            return launch(argv, settings)
        except HierdeskError as exc:
            error = exc
        args = _parse(argv)
        try:
            location = open_location(resolve_db(args.db, settings, demo=args.demo))
        except HierdeskError:
            location = None
        path = location.path if location is not None else None
        can_restore = path is not None and error.code in startup.RESTORABLE
        choice = startup.ask_way_out(error, can_restore)
        if choice == "quit":
            return error
        folder = path.parent if path is not None else paths.data_dir()
        if choice == "other":
            chosen = startup.choose_database(folder)
            if chosen is not None:
                argv = _with_db(argv, chosen)
            continue
        assert path is not None
        source = startup.choose_backup(folder)
        if source is None or not startup.confirm_restore(path, source):
            continue
        try:
            backup.restore_unreadable(path, source, default_login())
        except HierdeskError as refused:
            startup.show_refusal(refused)
        argv = _with_db(argv, path)


#: What Windows groups the running window under on the taskbar: the same ID as the
#: installer's Start-menu shortcut (packaging/windows/hierdesk.iss), so a pinned hierdesk
#: and its window are one taskbar button with hierdesk's icon, not python's.
APP_USER_MODEL_ID = "hierdesk.hierdesk"


def _windows_identity() -> None:
    if sys.platform != "win32":
        return
    import ctypes

    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    shell32.SetCurrentProcessExplicitAppUserModelID(ctypes.c_wchar_p(APP_USER_MODEL_ID))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _parse(argv)  # --version and --help answer before any window appears
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setApplicationName("hierdesk")
    QCoreApplication.setOrganizationName("hierdesk")
    QCoreApplication.setApplicationVersion(__version__)
    _windows_identity()
    app = QApplication([sys.argv[0], *argv])
    # the .ico where Windows shows it (taskbar, Alt+Tab), the SVG elsewhere
    icon = RESOURCES / ("hierdesk.ico" if sys.platform == "win32" else "hierdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_japanese_fallback(app)
    install_crash_reporter(paths.log_dir())
    settings = Settings.load()
    window = open_window(argv, settings)
    if isinstance(window, HierdeskError):
        return window.exit_status
    if os.environ.get(EXIT_AFTER_PAINT):
        probe = _FirstPaint(window)
        window.installEventFilter(probe)
    window.show()
    return app.exec()
