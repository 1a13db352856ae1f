from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hierdesk.app import create_main_window
from hierdesk.services.context import Context
from hierdesk.settings import Settings
from hierdesk.ui.main_window import MainWindow


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.json"


@pytest.fixture
def main_window(
    qtbot,
    demo_workspace: Context,
    settings_file: Path,  # type: ignore[no-untyped-def]
) -> Iterator[MainWindow]:
    url = demo_workspace.db.location.url
    window = create_main_window(url, "en", settings=Settings(), settings_path=settings_file)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.fixture
def clerk_url(
    demo_workspace: Context,
    monkeypatch: pytest.MonkeyPatch,
    login_url: Callable[[Context, str], str],
) -> str:
    """The demo database opened as tanaka, a clerk: on SQLite by naming the operator, on
    PostgreSQL (where the operator is the database login) by connecting as that role."""
    url = demo_workspace.db.location.url
    if demo_workspace.db.backend != "postgresql":
        monkeypatch.setenv("HIERDESK_OPERATOR", "tanaka")
        return url
    return login_url(demo_workspace, "tanaka")


@pytest.fixture
def clerk_window(qtbot, clerk_url: str, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window of tanaka, a clerk of the demo dataset."""
    window = create_main_window(
        clerk_url, "en", settings=Settings(), settings_path=tmp_path / "clerk-settings.json"
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refusals shown to the user, captured instead of blocking in a modal box."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def warning(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Message boxes are recorded instead of shown; questions are answered from
    ``dialogs["answers"]`` (Yes when it is empty)."""
    from PySide6.QtWidgets import QMessageBox

    shown: dict[str, list[str]] = {"warning": [], "question": [], "answers": []}

    def warning(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown["warning"].append(text)
        return QMessageBox.StandardButton.Ok

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown["question"].append(text)
        answer = shown["answers"].pop(0) if shown["answers"] else "yes"
        return QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "question", question)
    return shown
