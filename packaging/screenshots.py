"""Render every area of the main window in both languages to PNG files.

Usage: ``python packaging/screenshots.py [OUT_DIR]`` (default ``docs/screenshots``). Builds
a demo database in a temporary folder; runs offscreen unless a display is set. A CJK font
must be installed for the Japanese screens (Debian: fonts-ipafont-gothic).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from hierdesk.app import create_main_window
from hierdesk.services.demo import load_demo
from hierdesk.services.setup import initialize
from hierdesk.settings import Settings
from hierdesk.ui.main_window import AREAS
from hierdesk.ui.settings.pane import SECTIONS


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite3")
        ctx, _ = initialize(db, "admin")
        load_demo(ctx)
        ctx.db.dispose()
        os.environ["HIERDESK_OPERATOR"] = "admin"
        window = create_main_window(
            db, "en", settings=Settings(), settings_path=Path(tmp) / "settings.json"
        )
        window.resize(1280, 760)
        window.show()
        tree = window.ui.hierarchyTree
        for row in (0, 2):
            tree.expand(window.tree_model.index(row, 0))
        for language in ("en", "ja"):
            window.set_language(language)
            for area in AREAS:
                if area == "settings":
                    continue  # one picture per settings section below
                window.ui.navigation.setCurrentRow(AREAS.index(area))
                if area == "audit":
                    window.audit_pane.ui.auditTable.selectRow(0)
                app.processEvents()
                path = out / f"{area}-{language}.png"
                window.grab().save(str(path))
                print(path)
            window.ui.navigation.setCurrentRow(AREAS.index("settings"))
            for key, _cls in SECTIONS:
                window.settings_pane.show_section(key)
                app.processEvents()
                path = out / f"settings-{key}-{language}.png"
                window.grab().save(str(path))
                print(path)
        window.close()
        window.ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
