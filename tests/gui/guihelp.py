"""Helpers the GUI tests share (imported as ``from guihelp import …``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from hierdesk.ui.hierarchy.workspace import HierarchyWorkspace
from hierdesk.ui.main_window import AREAS, MainWindow


def open_hierarchy(window: MainWindow, code: str, tab: QWidget | None = None) -> HierarchyWorkspace:
    """Select the hierarchy ``code`` in the tree (loading every page) and show ``tab`` of
    the workspace beside it; the workspace is returned."""
    window.ui.navigation.setCurrentRow(AREAS.index("hierarchies"))
    model = window.tree_model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == code)
    window.ui.hierarchyTree.setCurrentIndex(model.index(row, 0))
    workspace = window.workspace
    assert workspace.code == code
    if tab is not None:
        workspace.ui.tabs.setCurrentWidget(tab)
    return workspace
