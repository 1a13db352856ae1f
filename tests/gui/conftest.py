from __future__ import annotations

import os
from collections.abc import Iterator
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
