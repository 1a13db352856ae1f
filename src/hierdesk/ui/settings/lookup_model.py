"""The values of one lookup as a table: code, Japanese name, English name, default, active.

Rows are LookupInfo DTOs kept in memory (``set_rows``); ``data()`` never calls a service.
Headers and texts are translated each time they are asked for, so after a language switch
``retranslate()`` only has to tell the views.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from hierdesk.domain.dto import LookupInfo
from hierdesk.i18n.core import N_, _, current_language

Index = QModelIndex | QPersistentModelIndex

HEADERS: Final = (
    N_("Code"),
    N_("Japanese name"),
    N_("English name"),
    N_("Default"),
    N_("Status"),
)
COL_CODE, COL_NAME_JA, COL_NAME_EN, COL_DEFAULT, COL_ACTIVE = range(len(HEADERS))


def local_name(value: LookupInfo) -> str:
    """The value's name in the current language (the other one if that is empty)."""
    if current_language() == "ja":
        return value.name_ja or value.name_en
    return value.name_en or value.name_ja


class LookupTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LookupInfo] = []

    # --- content -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[LookupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> LookupInfo:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        """The row of ``code``, or -1."""
        return next((i for i, v in enumerate(self._rows) if v.code == code), -1)

    def rows(self) -> list[LookupInfo]:
        return list(self._rows)

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def _text(self, value: LookupInfo, column: int) -> str:
        if column == COL_CODE:
            return value.code
        if column == COL_NAME_JA:
            return value.name_ja
        if column == COL_NAME_EN:
            return value.name_en
        if column == COL_DEFAULT:
            return _("Default") if value.is_default else ""
        return _("Active") if value.active else _("Inactive")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        value = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(value, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(value, column) or _("Not default")
        if role == Qt.ItemDataRole.ToolTipRole:
            if value.is_default:
                return _("{name} ({code}) is given to new partners.").format(
                    name=local_name(value), code=value.code
                )
            if not value.active:
                return _("{name} ({code}) is inactive: it is no longer offered.").format(
                    name=local_name(value), code=value.code
                )
            return f"{local_name(value)} ({value.code})"
        if role == Qt.ItemDataRole.ForegroundRole and not value.active:
            palette = QApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.FontRole and value.is_default:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return _(HEADERS[section])
        return None

    def retranslate(self) -> None:
        """Texts depend on the language: tell the views to ask again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1)
            )
