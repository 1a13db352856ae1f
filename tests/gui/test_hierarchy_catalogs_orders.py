"""The Catalogs and Orders tabs of the hierarchy workspace (DOMAIN.md rules 15 and 16): what
members see on which site, assigning and unassigning catalogs, and a partner's orders with
filters, totals per member and per invoice account, and the export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from guihelp import open_hierarchy
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from hierdesk.services import audit, catalogs, features, orders
from hierdesk.services.context import Context
from hierdesk.ui.hierarchy.workspace import period_start
from hierdesk.ui.main_window import AREAS, MainWindow


def _busiest(ctx: Context) -> str:
    """The demo hierarchy with the most order volume (several members order)."""
    volume = orders.volume(ctx)
    return max(volume, key=lambda code: volume[code])


def test_catalogs_tab_says_what_members_see_and_assigns(
    qtbot,  # type: ignore[no-untyped-def]
    qtmodeltester,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = demo_workspace
    code = _busiest(ctx)
    workspace = main_window.workspace
    open_hierarchy(main_window, code, workspace.ui.catalogsTab)
    qtbot.waitUntil(lambda: workspace.catalog_view is not None, timeout=10000)
    # with the feature off the tab says so, and nothing can be assigned
    assert "Catalogs are off" in workspace.ui.catalogStateLabel.text()
    assert not workspace.ui.assignCatalogButton.isEnabled()

    features.set_enabled(ctx, "catalogs", True)
    workspace.catalog_view = None
    workspace.load_catalogs()
    qtbot.waitUntil(lambda: workspace.catalog_view is not None, timeout=10000)
    view = catalogs.view(ctx, code)
    assert workspace.catalog_model.rowCount() == len(view.assigned) > 0
    qtmodeltester.check(workspace.catalog_model, force_py=True)
    first = view.assigned[0]
    for site in first.visible_on:
        assert f"On {site} members see: " in workspace.ui.catalogSitesLabel.text()
    assert f"{first.name} ({first.code})" in workspace.ui.catalogSitesLabel.text()

    # unassign every catalog: the last one asks first, then the tab says it is held back
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    while workspace.catalog_model.rowCount():
        workspace.ui.catalogTable.setCurrentIndex(workspace.catalog_model.index(0, 0))
        assert workspace.ui.unassignCatalogButton.isEnabled()
        workspace.ui.unassignCatalogButton.click()
    assert code in catalogs.without_catalog(ctx)
    assert "held back from the customers distribution" in workspace.ui.catalogStateLabel.text()
    assert "No catalogs found" in workspace.ui.catalogSitesLabel.text()

    # assign one again through the picker of the catalogs its sites offer
    chosen: dict[str, Any] = {}

    def pick(_parent, _title, _label, items, *_a):  # type: ignore[no-untyped-def]
        chosen["items"] = list(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    assert workspace.ui.assignCatalogButton.isEnabled()
    workspace.ui.assignCatalogButton.click()
    assert workspace.catalog_model.rowCount() == 1
    assigned = workspace.catalog_model.row_at(0).code
    assert chosen["items"][0].startswith(assigned)
    assert code not in catalogs.without_catalog(ctx)
    actions = [e.action for e in audit.list_entries(ctx, entity=code, limit=20)]
    assert actions[0] == "catalog.assign"
    assert "catalog.unassign" in actions


def test_orders_tab_lists_filters_and_totals_a_partners_orders(
    qtbot,  # type: ignore[no-untyped-def]
    qtmodeltester,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    ctx = demo_workspace
    code = _busiest(ctx)
    workspace = main_window.workspace
    with qtbot.waitSignal(workspace.orders_loaded, timeout=10000):
        open_hierarchy(main_window, code, workspace.ui.ordersTab)
    everything = orders.OrderFilter(hierarchy=code)
    assert workspace.order_model.rowCount() == orders.count_orders(ctx, everything) > 0
    sums = orders.totals(ctx, everything)
    shown = {
        workspace.member_totals_model.row_at(r).key: workspace.member_totals_model.row_at(r).total
        for r in range(workspace.member_totals_model.rowCount())
    }
    assert shown == {t.key: t.total for t in sums.members}
    invoiced = workspace.invoice_totals_model.row_at(0)
    assert (invoiced.key, invoiced.total) == (sums.invoice_accounts[0].key, sums.total)
    yen = f"¥{sums.total:,}"
    assert yen in workspace.ui.orderSummaryLabel.text()
    # one member's orders only: the list and the totals follow the filter
    member = sums.members[-1].key
    combo = workspace.ui.orderMemberFilter
    combo.setCurrentIndex(combo.findData(member))
    with qtbot.waitSignal(workspace.orders_loaded, timeout=10000):
        combo.activated.emit(combo.currentIndex())
    rows = [workspace.order_model.row_at(r) for r in range(workspace.order_model.rowCount())]
    assert rows
    assert {r.customer for r in rows} == {member}
    assert [t.key for t in workspace.member_totals_model.rows()] == [member]
    # (one tester follows one model: the checks come after the last change)
    for model in (
        workspace.order_model,
        workspace.member_totals_model,
        workspace.invoice_totals_model,
    ):
        qtmodeltester.check(model, force_py=True)


def test_orders_export_writes_the_filtered_orders(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    ctx = demo_workspace
    code = _busiest(ctx)
    workspace = main_window.workspace
    with qtbot.waitSignal(workspace.orders_loaded, timeout=10000):
        open_hierarchy(main_window, code, workspace.ui.ordersTab)
    target = tmp_path / "orders.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "Excel workbook")
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    workspace.ui.exportOrdersButton.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    expected = orders.list_orders(ctx, orders.OrderFilter(hierarchy=code), limit=None)
    assert rows[0][0] == "order"
    assert [r[0] for r in rows[1:]] == [o.order for o in expected]
    assert [r[7] for r in rows[1:]] == [o.total for o in expected]
    assert str(target) in told[0]


def test_order_periods_start_on_the_first_of_a_month() -> None:
    from datetime import date

    today = date(2026, 2, 14)
    assert period_start("all", today) is None
    month = period_start("month", today)
    quarter = period_start("quarter", today)
    year = period_start("year", today)
    assert month is not None
    assert quarter is not None
    assert year is not None
    assert (month.year, month.month, month.day) == (2026, 2, 1)
    assert (quarter.year, quarter.month, quarter.day) == (2025, 12, 1)
    assert (year.year, year.month, year.day) == (2025, 3, 1)


def test_the_hierarchy_list_sorts_by_order_volume_and_shows_the_held_back(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    from hierdesk.ui.hierarchy.tree_model import COL_VOLUME

    ctx = demo_workspace
    ui = main_window.ui
    ui.navigation.setCurrentRow(AREAS.index("hierarchies"))
    assert ui.hierarchyTree.isColumnHidden(COL_VOLUME)
    ui.hierarchySort.setCurrentIndex(ui.hierarchySort.findData("volume:all"))
    ui.hierarchySort.activated.emit(ui.hierarchySort.currentIndex())
    model = main_window.tree_model
    volumes = orders.volume(ctx)
    top = max(volumes, key=lambda code: volumes[code])
    assert model.index(0, 1).data() == top
    assert model.index(0, COL_VOLUME).data() == f"¥{volumes[top]:,}"
    assert not ui.hierarchyTree.isColumnHidden(COL_VOLUME)

    # the problem list: hierarchies without a catalog, with the feature on
    features.set_enabled(ctx, "catalogs", True)
    for assigned in catalogs.view(ctx, top).assigned:
        catalogs.unassign(ctx, top, assigned.code)
    ui.hierarchyShow.setCurrentIndex(ui.hierarchyShow.findData("no_catalog"))
    ui.hierarchyShow.activated.emit(ui.hierarchyShow.currentIndex())
    listed = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert listed == catalogs.without_catalog(ctx)
    assert top in listed
    assert ui.hierarchyCount.text() == (
        "1 hierarchy" if len(listed) == 1 else f"{len(listed)} hierarchies"
    )
    ui.hierarchyShow.setCurrentIndex(ui.hierarchyShow.findData("all"))
    ui.hierarchyShow.activated.emit(ui.hierarchyShow.currentIndex())
    assert model.rowCount() > len(listed)
