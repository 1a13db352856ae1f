"""Render the application icon (src/hierdesk/resources/hierdesk.svg) to the files Windows
wants: ``hierdesk.ico`` (256 px, scaled down by Windows for the taskbar and Start menu) and
``hierdesk.png``. Run after changing the SVG; ``--check`` fails when they are out of date.

    python packaging/build_icon.py [--check]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "hierdesk" / "resources"
SIZE = 256


def render(fmt: str) -> bytes:
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(RESOURCES / "hierdesk.svg")).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt):
        raise SystemExit(f"Qt cannot write {fmt} here (image format plugin missing)")
    return bytes(data.data())


def main(argv: list[str]) -> int:
    _app = QGuiApplication.instance() or QGuiApplication(["build_icon"])
    stale = []
    for name, fmt in (("hierdesk.ico", "ICO"), ("hierdesk.png", "PNG")):
        path = RESOURCES / name
        content = render(fmt)
        if "--check" in argv:
            if not path.exists() or path.read_bytes() != content:
                stale.append(name)
        else:
            path.write_bytes(content)
            print(f"wrote {path.relative_to(RESOURCES.parents[2])}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python packaging/build_icon.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
