"""The audit log area: filters, before/after detail, export for Excel in the background."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QModelIndex

from hierdesk.services import audit, channels, features
from hierdesk.services.context import Context
from hierdesk.ui.main_window import MainWindow


def _rows(window: MainWindow) -> list[str]:
    model = window.audit_pane.model
    model.fetchMore(QModelIndex())
    return [model.row_at(r).action for r in range(model.rowCount())]


def test_filters_narrow_the_table(main_window: MainWindow, demo_workspace: Context) -> None:
    features.set_enabled(demo_workspace, "auto_link", True)
    pane = main_window.audit_pane
    main_window.ui.actionShowAudit.trigger()
    pane.refresh()
    everything = _rows(main_window)
    assert "feature.enable" in everything
    assert "demo.load" in everything

    pane.ui.actionFilter.setCurrentIndex(pane.ui.actionFilter.findData("feature.enable"))
    only = _rows(main_window)
    assert only
    assert set(only) == {"feature.enable"}
    assert pane.ui.countLabel.text().startswith(str(len(only)))

    pane.ui.actionFilter.setCurrentIndex(0)
    pane.ui.entityFilter.setText("auto_link")
    pane.apply_filter()
    assert _rows(main_window) == ["feature.enable"]

    pane.ui.entityFilter.clear()
    pane.ui.operatorFilter.setCurrentIndex(pane.ui.operatorFilter.findData("tanaka"))
    assert _rows(main_window) == []


def test_selecting_an_entry_shows_before_and_after(
    qtmodeltester,
    main_window: MainWindow,
    demo_workspace: Context,  # type: ignore[no-untyped-def]
) -> None:
    features.set_enabled(demo_workspace, "auto_link", True)
    pane = main_window.audit_pane
    pane.refresh()
    pane.ui.auditTable.selectRow(0)  # newest first: the feature switch
    detail = pane.detail_model
    assert detail.rowCount() == 1
    assert [detail.index(0, c).data() for c in range(3)] == ["enabled", "false", "true"]
    qtmodeltester.check(detail, force_py=True)


def test_export_writes_excel_csv_in_the_background(
    qtbot,
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    channels.create_channel(demo_workspace, "B2B-X", '=HYPERLINK("http://x")')
    pane = main_window.audit_pane
    pane.refresh()
    target = tmp_path / "audit.csv"
    handle = pane.export(target)
    assert handle is not None
    qtbot.waitUntil(lambda: pane.last_export is not None, timeout=5000)
    assert pane.last_export == (target, audit.count_entries(demo_workspace))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel in Japan opens it right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["id", "at", "operator", "action"]
    channel_row = next(r for r in rows if r[3] == "channel.create" and r[5] == "B2B-X")
    assert channel_row[8].startswith("{")  # JSON of the values after the change
    assert "'=HYPERLINK" not in channel_row[8]  # inside JSON, the cell starts with {
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_cancelled_export_leaves_no_file(
    qtbot,
    main_window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    pane = main_window.audit_pane
    target = tmp_path / "cancelled.csv"
    pane._cancel_export()  # nothing running: harmless
    handle = pane.export(target)
    assert handle is not None
    pane._cancel_export()
    qtbot.waitUntil(lambda: handle.done.is_set(), timeout=5000)
    qtbot.waitUntil(lambda: pane._export is None, timeout=5000)
    assert not target.exists()
    assert not list(tmp_path.glob("*.part"))


def test_a_date_range_includes_its_last_day_and_nothing_outside(
    main_window: MainWindow,
) -> None:
    from PySide6.QtCore import QDate

    pane = main_window.audit_pane
    assert not pane.ui.sinceEdit.isVisibleTo(pane)
    pane.ui.periodFilter.setCurrentIndex(5)  # From … to …
    assert pane.ui.sinceEdit.isVisibleTo(pane)
    today = QDate.currentDate()
    pane.ui.sinceEdit.setDate(today)
    pane.ui.untilEdit.setDate(today)
    assert len(_rows(main_window)) == audit.count_entries(main_window.ctx)  # all made today
    pane.ui.sinceEdit.setDate(today.addDays(-10))
    pane.ui.untilEdit.setDate(today.addDays(-1))
    assert _rows(main_window) == []
    assert pane.ui.countLabel.text().startswith("0")
