"""The number sequences as a table: code, name, format, smallest, largest, next, continuous,
stopped and the references each one issues the IDs of.

Rows are SequenceInfo DTOs kept in memory (``set_rows``); ``data()`` never calls a service.
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
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from hierdesk.domain.dto import SequenceInfo
from hierdesk.domain.errors import ValidationError
from hierdesk.domain.numbering import parse_format
from hierdesk.i18n.core import N_, _
from hierdesk.i18n.formatting import format_number

Index = QModelIndex | QPersistentModelIndex

#: The DTO of a row, for sections and tests (``index.data(DtoRole)``).
DtoRole: Final = Qt.ItemDataRole.UserRole + 1

#: The references a sequence can be assigned to, as shown (translated when shown).
REFERENCE_LABELS: Final = {
    "hierarchy_id": N_("Customer hierarchy ID"),
    "customer_account": N_("Customer account"),
}

HEADERS: Final = (
    N_("Code"),
    N_("Name"),
    N_("Format"),
    N_("Smallest"),
    N_("Largest"),
    N_("Next"),
    N_("Continuous"),
    N_("Stopped"),
    N_("Used for"),
)
(
    COL_CODE,
    COL_NAME,
    COL_FORMAT,
    COL_SMALLEST,
    COL_LARGEST,
    COL_NEXT,
    COL_CONTINUOUS,
    COL_STOPPED,
    COL_REFERENCES,
) = range(len(HEADERS))
_NUMBERS: Final = (COL_SMALLEST, COL_LARGEST, COL_NEXT)


def reference_label(reference: str) -> str:
    label = REFERENCE_LABELS.get(reference)
    return _(label) if label is not None else reference


def next_id(seq: SequenceInfo) -> str | None:
    """The ID the sequence issues next, or None when it would refuse (stopped, used up)."""
    if seq.stopped or seq.next > seq.largest:
        return None
    try:
        return parse_format(seq.format).render(seq.next)
    except ValidationError:
        return None


def state_in_words(seq: SequenceInfo) -> str:
    """What the sequence will do next, in the current language."""
    if seq.stopped:
        return _("{code} is stopped: it issues no IDs.").format(code=seq.code)
    if seq.next > seq.largest:
        return _("{code} is used up: it ends at {largest}.").format(
            code=seq.code, largest=format_number(seq.largest)
        )
    following = next_id(seq)
    if following is None:
        return _("{code} has a format that cannot be used.").format(code=seq.code)
    return _("{code} issues {id} next.").format(code=seq.code, id=following)


class SequenceTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SequenceInfo] = []

    # --- content -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[SequenceInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[SequenceInfo]:
        return list(self._rows)

    def row_at(self, row: int) -> SequenceInfo:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        """The row of ``code``, or -1."""
        return next((i for i, s in enumerate(self._rows) if s.code == code), -1)

    def assigned(self, reference: str) -> SequenceInfo | None:
        """The sequence that issues the IDs of ``reference``, if any."""
        return next((s for s in self._rows if reference in s.references), None)

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    @staticmethod
    def _text(seq: SequenceInfo, column: int) -> str:
        if column == COL_CODE:
            return seq.code
        if column == COL_NAME:
            return seq.name
        if column == COL_FORMAT:
            return seq.format
        if column == COL_SMALLEST:
            return format_number(seq.smallest)
        if column == COL_LARGEST:
            return format_number(seq.largest)
        if column == COL_NEXT:
            return format_number(seq.next)
        if column == COL_CONTINUOUS:
            return _("Yes") if seq.continuous else _("No")
        if column == COL_STOPPED:
            return _("Yes") if seq.stopped else _("No")
        return ", ".join(reference_label(r) for r in seq.references)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        if not 0 <= column < len(HEADERS):
            return None
        seq = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(seq, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COL_REFERENCES and not seq.references:
                return _("Not assigned")
            return self._text(seq, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return state_in_words(seq)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and next_id(seq) is None:
            palette = QApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == DtoRole:
            return seq
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
