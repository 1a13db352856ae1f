"""The compare grid (DOMAIN.md rule 8): customers × properties, differing cells marked.

Rows are the organization and the members of one hierarchy as the service compared them;
values are shown with their lookup names in the current language and yen formatted. A
property cell can be edited in place with a picker of the lookup's values; the edit goes
through a callback (the service call, with the row's version) and the grid is reloaded by
its owner afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from hierdesk.domain.dto import CompareRow, LookupInfo, PropertyComparison
from hierdesk.domain.lookups import CODED_PROPERTIES, PROPERTY_LABELS
from hierdesk.domain.model import LABELS
from hierdesk.i18n.core import N_, _, current_language
from hierdesk.i18n.formatting import format_yen, parse_yen
from hierdesk.ui.common.models import DtoRole

Index = QModelIndex | QPersistentModelIndex
FIXED = (N_("Customer"), N_("Role"))
DIFFERS = QColor("#ffd8a8")
#: The raw value of a property cell (a code, an amount or an account).
ValueRole = Qt.ItemDataRole.UserRole + 2

Edit = Callable[[CompareRow, str, object], bool]


class CompareModel(QAbstractTableModel):
    def __init__(self, edit: Edit | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edit = edit
        self._comparison: PropertyComparison | None = None
        self._rows: list[CompareRow] = []
        self._properties: tuple[str, ...] = ()
        self._names: dict[tuple[str, str], LookupInfo] = {}
        self.differences_only = False
        self.editable = True

    # --- content -------------------------------------------------------------------------

    def set_lookups(self, values: list[LookupInfo]) -> None:
        self._names = {(v.kind, v.code): v for v in values}

    def lookup_values(self, prop: str) -> list[LookupInfo]:
        return [v for (kind, _code), v in self._names.items() if kind == prop and v.active]

    def set_comparison(self, comparison: PropertyComparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._properties = comparison.properties if comparison else ()
        self._apply_filter()
        self.endResetModel()

    def set_differences_only(self, on: bool) -> None:
        self.beginResetModel()
        self.differences_only = on
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        comparison = self._comparison
        if comparison is None:
            self._rows = []
            return
        self._rows = [
            r
            for r in comparison.rows
            if not self.differences_only or r.differs or r.account == comparison.reference
        ]

    @property
    def comparison(self) -> PropertyComparison | None:
        return self._comparison

    def row_at(self, row: int) -> CompareRow:
        return self._rows[row]

    def property_at(self, column: int) -> str | None:
        i = column - len(FIXED)
        return self._properties[i] if 0 <= i < len(self._properties) else None

    def column_of(self, prop: str) -> int:
        return len(FIXED) + self._properties.index(prop)

    def row_of(self, account: str) -> int:
        for i, row in enumerate(self._rows):
            if row.account == account:
                return i
        return -1

    def value_text(self, prop: str, value: object) -> str:
        if value is None:
            return ""
        if prop == "credit_limit" and isinstance(value, int):
            return format_yen(value)
        if prop in CODED_PROPERTIES:
            info = self._names.get((prop, str(value)))
            if info is not None:
                return info.name_ja if current_language() == "ja" else info.name_en
        return str(value)

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED) + len(self._properties)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        if not 0 <= column < self.columnCount():
            return None
        row = self._rows[index.row()]
        prop = self.property_at(column)
        is_reference = self._comparison is not None and row.account == self._comparison.reference
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return f"{row.name} ({row.account})"
            if column == 1:
                if row.type == "organization":
                    return _(LABELS["organization"])
                text = _(LABELS.get(row.role or "", row.role or ""))
                if row.status == "disabled":
                    text += " / " + _(LABELS["disabled"])
                return text
            assert prop is not None
            text = self.value_text(prop, row.values.get(prop))
            if role == Qt.ItemDataRole.AccessibleTextRole and prop in row.differs:
                return _("{value} (differs from the reference)").format(value=text)
            return text
        if role == Qt.ItemDataRole.EditRole and prop is not None:
            value = row.values.get(prop)
            return format_yen(value) if prop == "credit_limit" and isinstance(value, int) else value
        if role == ValueRole and prop is not None:
            return row.values.get(prop)
        if role == Qt.ItemDataRole.BackgroundRole and prop is not None and prop in row.differs:
            return QBrush(DIFFERS)
        if role == Qt.ItemDataRole.FontRole and is_reference:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if is_reference:
                return _("The reference: the other rows are compared with it.")
            if prop is not None and prop in row.differs:
                assert self._comparison is not None
                ref = next(
                    r for r in self._comparison.rows if r.account == self._comparison.reference
                )
                return _("Differs from the reference: {value}").format(
                    value=self.value_text(prop, ref.values.get(prop)) or _("(none)")
                )
            if prop in CODED_PROPERTIES and row.values.get(prop) is not None:
                return _("Code: {code}").format(code=row.values.get(prop))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and prop == "credit_limit":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DtoRole:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and self._edit is not None and self.property_at(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        prop = self.property_at(index.column()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or prop is None or self._edit is None:
            return False
        row = self._rows[index.row()]
        if value == row.values.get(prop):
            return False
        return self._edit(row, prop, value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self._row_header(section, role)
        if not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < len(FIXED):
                return _(FIXED[section])
            prop = self.property_at(section)
            assert prop is not None
            return _(PROPERTY_LABELS[prop])
        return None

    def _row_header(self, section: int, role: int) -> Any:
        """The row's customer and role, for a view that keeps them in sight while the
        properties scroll sideways (the view hides the first two columns then)."""
        if not 0 <= section < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            customer = self.data(self.index(section, 0))
            member_role = self.data(self.index(section, 1))
            return f"{customer}  ·  {member_role}"
        if role == Qt.ItemDataRole.FontRole:
            return self.data(self.index(section, 0), role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.data(self.index(section, 0), role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )


class PropertyDelegate(QStyledItemDelegate):
    """Edits a property cell: a picker of the lookup's values, or a yen amount."""

    def __init__(self, model: CompareModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        prop = self.model.property_at(index.column())
        if prop in CODED_PROPERTIES:
            combo = QComboBox(parent)
            combo.addItem(_("(none)"), None)
            for value in sorted(self.model.lookup_values(prop), key=lambda v: v.code):
                combo.addItem(
                    f"{self.model.value_text(prop, value.code)} ({value.code})", value.code
                )
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(ValueRole))
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QLineEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        prop = self.model.property_at(index.column())
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            text = editor.text().strip()
            value: object = text or None
            if prop == "credit_limit" and text:
                try:
                    value = parse_yen(text)
                except ValueError:
                    value = text  # the service names the field and what is expected
            model.setData(index, value, Qt.ItemDataRole.EditRole)


def changes_text(model: CompareModel, changes: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={model.value_text(k, v)}" for k, v in changes.items())
