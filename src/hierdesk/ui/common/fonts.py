"""The application font: the platform's UI font for Latin text, then a Japanese UI font.

Without a Japanese font named after the UI font, Qt falls back to whatever font has the
glyph, which on a Windows desktop is often Microsoft YaHei (Chinese): 直, 骨 or 角 then take
their Chinese shapes. Naming Yu Gothic UI and Meiryo UI (Windows), Hiragino (macOS) or a
Noto/IPA Japanese font (Linux) right after the UI font makes kanji Japanese everywhere."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

#: Japanese UI fonts, the preferred first (the first of them that is installed is used).
JAPANESE_FONTS: Final = (
    "Yu Gothic UI",
    "Meiryo UI",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "IPAPGothic",
)


def with_japanese_fallback(font: QFont, installed: Iterable[str]) -> QFont:
    """``font`` with the first installed Japanese UI font after its own families."""
    available = set(installed)
    japanese = next((name for name in JAPANESE_FONTS if name in available), None)
    result = QFont(font)
    if japanese is not None:
        families = [f for f in font.families() or [font.family()] if f != japanese]
        result.setFamilies([*families, japanese])
    return result


def apply_japanese_fallback(app: QApplication) -> QFont:
    """Give the whole application the Japanese fallback (called once at start)."""
    font = with_japanese_fallback(app.font(), QFontDatabase.families())
    app.setFont(font)
    return font
