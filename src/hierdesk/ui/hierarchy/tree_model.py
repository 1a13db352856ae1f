"""The lazy hierarchy tree: hierarchy → organization and members with their roles.

Top-level rows arrive a page at a time (``fetchMore`` on the root); a hierarchy's
organization and members are loaded when it is expanded (``fetchMore`` on its index).
``data()`` answers from memory only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from hierdesk.domain.dto import HierarchySummary, MemberNode
from hierdesk.domain.model import LABELS
from hierdesk.i18n.core import N_, _
from hierdesk.i18n.formatting import format_yen
from hierdesk.ui.common.models import DtoRole

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200

COLUMNS = (
    N_("Name"),
    N_("ID / account"),
    N_("Role"),
    N_("Status"),
    N_("E-mail"),
    N_("Members"),
    N_("Order volume"),
)
COL_NAME, COL_ID, COL_ROLE, COL_STATUS, COL_EMAIL, COL_MEMBERS, COL_VOLUME = range(len(COLUMNS))
_COLUMN_COUNT = len(COLUMNS)


class _Node:
    __slots__ = ("children", "dto", "is_hierarchy", "parent", "row")

    def __init__(self, dto: HierarchySummary | MemberNode, parent: _Node | None, row: int) -> None:
        self.dto = dto
        self.parent = parent
        self.row = row
        self.children: list[_Node] | None = None if parent is None else []
        # asked for every row a view lays out (twice per member when a partner with
        # thousands of members is expanded): answered without isinstance()
        self.is_hierarchy = parent is None


class HierarchyTreeModel(QAbstractItemModel):
    def __init__(
        self,
        fetch_hierarchies: Callable[[int, int], Sequence[HierarchySummary]],
        fetch_members: Callable[[str], Sequence[MemberNode]],
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._fetch_hierarchies = fetch_hierarchies
        self._fetch_members = fetch_members
        self._page_size = page_size
        self._top: list[_Node] = []
        self._exhausted = False
        self._fetching = False

    # --- loading -------------------------------------------------------------------------

    def set_fetch(
        self, fetch_hierarchies: Callable[[int, int], Sequence[HierarchySummary]]
    ) -> None:
        self.beginResetModel()
        self._fetch_hierarchies = fetch_hierarchies
        self._top = []
        self._exhausted = False
        self.endResetModel()

    def reload(self) -> None:
        self.set_fetch(self._fetch_hierarchies)

    def refresh_hierarchy(self, code: str, summary: HierarchySummary | None = None) -> QModelIndex:
        """Load one hierarchy's organization and members again (and its row, when
        ``summary`` is given) after a change; returns its index (invalid when not shown)."""
        for row, node in enumerate(self._top):
            if isinstance(node.dto, HierarchySummary) and node.dto.code == code:
                index = self.createIndex(row, 0, node)
                if summary is not None:
                    node.dto = summary
                    self.dataChanged.emit(index, self.createIndex(row, len(COLUMNS) - 1, node))
                if node.children:
                    self.beginRemoveRows(index, 0, len(node.children) - 1)
                    node.children = None
                    self.endRemoveRows()
                else:
                    node.children = None
                self.fetchMore(index)
                return index
        return QModelIndex()

    def hierarchy_of(self, index: Index) -> str | None:
        """The code of the hierarchy ``index`` belongs to (its row or a member's)."""
        node = self._node(index)
        while node is not None and not isinstance(node.dto, HierarchySummary):
            node = node.parent
        return (
            node.dto.code if node is not None and isinstance(node.dto, HierarchySummary) else None
        )

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            node: _Node = parent.internalPointer()
            return node.is_hierarchy
        return bool(self._top) or not self._exhausted

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        node = self._node(parent)
        if node is None:
            return not self._exhausted
        return isinstance(node.dto, HierarchySummary) and node.children is None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self._fetching:
            return
        self._fetching = True  # a view may ask again while rows are being inserted
        try:
            node = self._node(parent)
            if node is None:
                self._fetch_top()
            elif isinstance(node.dto, HierarchySummary) and node.children is None:
                self._fetch_children(parent, node, node.dto.code)
        finally:
            self._fetching = False

    def _fetch_top(self) -> None:
        if self._exhausted:
            return
        page = list(self._fetch_hierarchies(len(self._top), self._page_size))
        if len(page) < self._page_size:
            self._exhausted = True
        if page:
            first = len(self._top)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._top.extend(_Node(dto, None, first + i) for i, dto in enumerate(page))
            self.endInsertRows()

    def _fetch_children(self, parent: Index, node: _Node, code: str) -> None:
        members = list(self._fetch_members(code))
        if not members:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(members) - 1)
        node.children = [_Node(dto, node, i) for i, dto in enumerate(members)]
        self.endInsertRows()

    # --- structure -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= _COLUMN_COUNT or row < 0:
            return QModelIndex()
        siblings = parent.internalPointer().children if parent.isValid() else self._top
        if siblings is None or row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        if node is None:
            return len(self._top)
        return len(node.children or [])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    # --- data ----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if role == DtoRole:
            return node.dto
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(node.dto, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NAME:
            kana = (
                node.dto.organization_kana
                if isinstance(node.dto, HierarchySummary)
                else node.dto.name_kana
            )
            return kana or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            COL_MEMBERS,
            COL_VOLUME,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(dto: HierarchySummary | MemberNode, column: int) -> str:
        if isinstance(dto, HierarchySummary):
            match column:
                case 0:
                    return dto.name
                case 1:
                    return dto.code
                case 5:
                    return str(dto.members)
                case 6:
                    return format_yen(dto.volume) if dto.volume is not None else ""
            return ""
        match column:
            case 0:
                return dto.name
            case 1:
                return dto.account
            case 2:
                return _(LABELS["organization"]) if dto.role is None else _(LABELS[dto.role])
            case 3:
                return _(LABELS[dto.status]) if dto.status else ""
            case 4:
                return dto.email or ""
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _(COLUMNS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._top:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._top) - 1, len(COLUMNS) - 1)
            )
            for row, node in enumerate(self._top):
                if node.children:
                    parent = self.index(row, 0)
                    self.dataChanged.emit(
                        self.index(0, 0, parent),
                        self.index(len(node.children) - 1, len(COLUMNS) - 1, parent),
                    )
