"""Every item model passes Qt's QAbstractItemModelTester, and loads lazily."""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex, Qt

from hierdesk.domain.dto import HierarchySummary, MemberNode
from hierdesk.ui.common.models import Column, PagedTableModel
from hierdesk.ui.hierarchy.tree_model import HierarchyTreeModel
from hierdesk.ui.main_window import MainWindow


def _summaries(n: int) -> list[HierarchySummary]:
    return [
        HierarchySummary(
            code=f"CH-{i:06d}",
            name=f"会社{i}",
            sort_key=f"カイシャ{i:05d}",
            organization_account=f"C{i:06d}",
            organization_name=f"会社{i}",
            organization_kana=f"カイシャ{i}",
            members=2,
        )
        for i in range(n)
    ]


def _members(code: str) -> list[MemberNode]:
    return [
        MemberNode(f"{code}-O", "organization", "会社", "カイシャ", None, None, None),
        MemberNode(
            f"{code}-A",
            "person",
            "佐藤 花子",
            "サトウ ハナコ",
            "hanako@example.jp",
            "admin",
            "active",
        ),
        MemberNode(
            f"{code}-U",
            "person",
            "鈴木 一郎",
            "スズキ イチロウ",
            "ichiro@example.jp",
            "user",
            "disabled",
        ),
    ]


def test_tree_model_loads_pages_and_children_lazily(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    data = _summaries(23)
    page_calls: list[tuple[int, int]] = []
    member_calls: list[str] = []

    def fetch(offset: int, limit: int) -> list[HierarchySummary]:
        page_calls.append((offset, limit))
        return data[offset : offset + limit]

    def members(code: str) -> list[MemberNode]:
        member_calls.append(code)
        return _members(code)

    model = HierarchyTreeModel(fetch, members, page_size=10)
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 23
    assert page_calls == [(0, 10), (10, 10), (20, 10)]
    assert member_calls == []  # nothing expanded yet

    first = model.index(0, 0)
    assert model.hasChildren(first)
    assert model.rowCount(first) == 0
    model.fetchMore(first)
    assert model.rowCount(first) == 3
    assert member_calls == ["CH-000000"]
    assert not model.canFetchMore(first)
    admin = model.index(1, 2, first)
    assert admin.data() == "Admin"
    assert model.index(2, 3, first).data() == "Disabled"
    assert model.index(0, 2, first).data() == "Organization"
    assert model.parent(admin) == first.siblingAtColumn(0)
    qtmodeltester.check(model, force_py=True)


def test_paged_table_model_passes_modeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    rows = [(i, f"名前{i}") for i in range(450)]
    model: PagedTableModel[tuple[int, str]] = PagedTableModel(
        [Column("Number", lambda r: str(r[0]), True), Column("Name", lambda r: r[1])],
        lambda offset, limit: rows[offset : offset + limit],
        page_size=200,
    )
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert model.index(449, 1).data() == "名前449"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"


def test_main_window_models_pass_modeltester(qtmodeltester, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tree = main_window.tree_model
    assert tree.rowCount() == 6
    for row in range(tree.rowCount()):
        tree.fetchMore(tree.index(row, 0))
    qtmodeltester.check(tree, force_py=True)
    for model in (main_window.request_model, main_window.audit_model, main_window.jobs_model):
        model.fetchMore(QModelIndex())
        qtmodeltester.check(model, force_py=True)
    assert main_window.request_model.rowCount() > 0
    assert main_window.audit_model.rowCount() > 0


def test_data_returning_none_does_not_leak_references_to_none(main_window: MainWindow) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None each time a Python model's
    data() returns None through Qt, and the interpreter aborts once the count runs out
    (ARCHITECTURE.md, "Known traps"). The dependency pin keeps that release out; this test
    notices if it ever comes back."""
    tree = main_window.tree_model
    index = tree.index(0, 2)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    before = sys.getrefcount(None)
    for _ in range(20_000):
        index.data(Qt.ItemDataRole.DecorationRole)
        index.data(Qt.ItemDataRole.ToolTipRole)
    after = sys.getrefcount(None)
    assert abs(after - before) < 1_000
