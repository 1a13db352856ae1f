"""A lazy, read-only table model over pages of DTOs.

Rows come from a ``fetch(offset, limit)`` callable (a service call); ``data()`` is served
from memory only. Headers and cell texts are computed when asked, in the current language,
so a language switch only needs ``headerDataChanged``/``dataChanged``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from hierdesk.i18n.core import _

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200

#: The DTO of a row, for sections and tests (``index.data(DtoRole)``).
DtoRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # msgid, translated when shown
    text: Callable[[T], str]
    align_right: bool = False
    tooltip: Callable[[T], str | None] | None = None
    #: what a screen reader says, where the shown text alone would be empty or unclear
    spoken: Callable[[T], str] | None = None
    #: an icon before the text (warnings …)
    decoration: Callable[[T], QIcon | None] | None = None


class PagedTableModel(QAbstractTableModel, Generic[T]):
    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch: Callable[[int, int], Sequence[T]],
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._page_size = page_size
        self._rows: list[T] = []
        self._exhausted = False
        self._fetching = False

    # --- loading -------------------------------------------------------------------------

    def set_fetch(self, fetch: Callable[[int, int], Sequence[T]]) -> None:
        """Start over with another query (a filter changed)."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._exhausted = False
        self.endResetModel()

    def reload(self) -> None:
        self.set_fetch(self._fetch)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True  # views may call back into fetchMore while rows are inserted
        try:
            page = list(self._fetch(len(self._rows), self._page_size))
            if len(page) < self._page_size:
                self._exhausted = True
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._fetching = False

    def row_at(self, row: int) -> T:
        return self._rows[row]

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return column.spoken(row) if column.spoken is not None else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(row)
        if role == DtoRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return _(self._columns[section].header)
        return None

    def retranslate(self) -> None:
        """Texts depend on the language: tell the views to ask again."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )


class ListTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of DTOs, with columns described by :class:`Column`."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    # --- rows ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``.  The same number of rows only changes the cells (views keep their
        current index and selection); otherwise the model is reset."""
        rows = list(rows)
        if self._rows and len(rows) == len(self._rows):
            self._rows = rows
            self._all_changed()
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def _all_changed(self) -> None:
        if self._rows and self._columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    def retranslate(self) -> None:
        """Texts depend on the language (and the era setting): tell the views to ask again."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        self._all_changed()

    # --- hooks for subclasses ------------------------------------------------------------

    def is_bold(self, row: T) -> bool:
        return False

    def is_dimmed(self, row: T) -> bool:
        """Rows shown greyed (inactive, used up …)."""
        return False

    def row_tooltip(self, row: T) -> str | None:
        """A tool tip for every cell of the row (None: the column's own)."""
        return None

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return column.spoken(row) if column.spoken is not None else column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.row_tooltip(row)
            if tip is not None:
                return tip
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_dimmed(row):
            palette = QApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == DtoRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return _(self._columns[section].header)
        return None
