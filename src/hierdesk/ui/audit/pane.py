"""The audit log area: a filterable table, the before/after values of the selected entry,
and export to CSV for Excel with progress and cancel."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QHeaderView, QLineEdit, QProgressDialog, QWidget

from hierdesk.domain.dto import AuditFilter, AuditRow
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.lookups import PROPERTY_LABELS
from hierdesk.domain.model import AUDIT_ACTIONS, ENTITY_TYPES
from hierdesk.i18n.core import N_, _
from hierdesk.i18n.formatting import format_datetime, format_number
from hierdesk.services import audit, operators
from hierdesk.services.context import Context
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.models import Column, PagedTableModel
from hierdesk.ui.forms.ui_audit_pane import Ui_AuditPane
from hierdesk.ui.tasks import Progress, TaskHandle, TaskRunner

Index = QModelIndex | QPersistentModelIndex
PERIOD_DAYS: tuple[int | None, ...] = (None, 0, 7, 30, -1, -2)  # -1: this year, -2: from … to


def action_label(code: str) -> str:
    return _(AUDIT_ACTIONS[code]) if code in AUDIT_ACTIONS else code


def entity_label(code: str) -> str:
    return _(ENTITY_TYPES[code]) if code in ENTITY_TYPES else code


def _value_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class AuditDetailModel(QAbstractTableModel):
    """The values an entry recorded: one row per field, before and after side by side."""

    HEADERS = (N_("Field"), N_("Before"), N_("After"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []

    def set_entry(self, entry: AuditRow | None) -> None:
        self.beginResetModel()
        self._rows = []
        if entry is not None:
            before = entry.before if isinstance(entry.before, dict) else {}
            after = entry.after if isinstance(entry.after, dict) else {}
            keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
            self._rows = [
                (str(k), _value_text(before.get(k)), _value_text(after.get(k))) for k in keys
            ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0 and row[0] in PROPERTY_LABELS:
                return _(PROPERTY_LABELS[row[0]])  # a customer property: its usual name
            return row[index.column()]
        if role == Qt.ItemDataRole.FontRole and row[1] != row[2]:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section]) if 0 <= section < 3 else None
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)


class AuditPane(QWidget):
    def __init__(
        self,
        ctx: Context,
        runner: TaskRunner,
        era: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.ui = Ui_AuditPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.filter = AuditFilter()
        self.model: PagedTableModel[AuditRow] = PagedTableModel(
            [
                Column(N_("When"), lambda r: format_datetime(r.at, era=era())),
                Column(N_("Operator"), lambda r: r.operator),
                Column(N_("Action"), lambda r: action_label(r.action)),
                Column(N_("Record"), lambda r: entity_label(r.entity_type)),
                Column(N_("ID"), lambda r: r.entity_id),
                Column(N_("Customer hierarchy"), lambda r: r.hierarchy or ""),
            ],
            self._fetch,
            self,
        )
        self.detail_model = AuditDetailModel(self)
        ui = self.ui
        ui.auditTable.setModel(self.model)
        ui.detailTable.setModel(self.detail_model)
        header = ui.auditTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(160)
        ui.detailTable.horizontalHeader().setDefaultSectionSize(220)
        for view in (ui.auditTable, ui.detailTable):
            view.setWordWrap(False)
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        ui.auditSplitter.setSizes([420, 180])
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        ui.periodFilter.currentIndexChanged.connect(self._period_changed)
        today = QDate.currentDate()
        ui.sinceEdit.setDate(today.addDays(-30))
        ui.untilEdit.setDate(today)
        ui.sinceEdit.dateChanged.connect(self.apply_filter)
        ui.untilEdit.dateChanged.connect(self.apply_filter)
        self._show_range(False)
        self._name_date_fields()
        ui.operatorFilter.currentIndexChanged.connect(self.apply_filter)
        ui.actionFilter.currentIndexChanged.connect(self.apply_filter)
        ui.entityFilter.textChanged.connect(self._debounce.start)
        ui.textFilter.textChanged.connect(self._debounce.start)
        ui.exportButton.clicked.connect(self.export)
        ui.auditTable.selectionModel().currentRowChanged.connect(self._on_current)
        self._export: TaskHandle | None = None
        self._progress: QProgressDialog | None = None
        self.last_export: tuple[Path, int] | None = None
        self._logins: list[str] = []
        self._count = 0
        self._load_logins()
        self._fill_combos()
        self._update_count()

    # --- filters -----------------------------------------------------------------------------

    def _fill_combos(self) -> None:
        ui = self.ui
        for combo in (ui.operatorFilter, ui.actionFilter):
            combo.blockSignals(True)
        current_op = ui.operatorFilter.currentData()
        current_action = ui.actionFilter.currentData()
        ui.operatorFilter.clear()
        ui.operatorFilter.addItem(_("All operators"), None)
        for login in self._logins:
            ui.operatorFilter.addItem(login, login)
        ui.actionFilter.clear()
        ui.actionFilter.addItem(_("All actions"), None)
        for code in sorted(AUDIT_ACTIONS, key=action_label):
            ui.actionFilter.addItem(action_label(code), code)
        for combo, value in ((ui.operatorFilter, current_op), (ui.actionFilter, current_action)):
            found = combo.findData(value)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def _name_date_fields(self) -> None:
        """A date edit's inner text field is what screen readers focus: give it the name."""
        for edit in (self.ui.sinceEdit, self.ui.untilEdit):
            inner = edit.findChild(QLineEdit)
            if inner is not None:
                inner.setAccessibleName(edit.accessibleName())

    def _show_range(self, shown: bool) -> None:
        for widget in (self.ui.sinceEdit, self.ui.rangeDash, self.ui.untilEdit):
            widget.setVisible(shown)

    def _period_changed(self, index: int) -> None:
        self._show_range(PERIOD_DAYS[max(index, 0)] == -2)
        self.apply_filter()

    def current_filter(self) -> AuditFilter:
        ui = self.ui
        days = PERIOD_DAYS[max(ui.periodFilter.currentIndex(), 0)]
        since = until = None
        now = datetime.now().astimezone()
        if days == -2:
            first_q, last_q = ui.sinceEdit.date(), ui.untilEdit.date()
            first = date(first_q.year(), first_q.month(), first_q.day())
            last = date(last_q.year(), last_q.month(), last_q.day())
            since = datetime.combine(first, datetime.min.time()).astimezone()
            until = datetime.combine(last, datetime.min.time()).astimezone() + timedelta(days=1)
        elif days == -1:
            since = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        elif days is not None:
            midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
            since = midnight - timedelta(days=days)
        return AuditFilter(
            operator=ui.operatorFilter.currentData(),
            action=ui.actionFilter.currentData(),
            entity=ui.entityFilter.text().strip() or None,
            since=since.astimezone(UTC) if since else None,
            until=until.astimezone(UTC) if until else None,
            text=ui.textFilter.text().strip() or None,
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.filter = self.current_filter()
        self.model.reload()
        self.model.fetchMore(QModelIndex())  # the first page at once, like the view would
        self.detail_model.set_entry(None)
        self._update_count()

    def _fetch(self, offset: int, limit: int) -> Sequence[AuditRow]:
        return audit.list_entries(self.ctx, offset=offset, limit=limit, filter=self.filter)

    def _load_logins(self) -> None:
        try:
            self._logins = [o.login for o in operators.list_operators(self.ctx)]
        except HierdeskError:
            self._logins = []

    def _update_count(self) -> None:
        self._count = audit.count_entries(self.ctx, self.filter)
        self._show_count()

    def _show_count(self) -> None:
        self.ui.countLabel.setText(_("{count} entries").format(count=format_number(self._count)))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.row_at(current.row()) if current.isValid() else None
        self.detail_model.set_entry(entry)

    def shutdown(self) -> None:
        """The window closes: no more queries from pending timers."""
        self._debounce.stop()

    def refresh(self) -> None:
        self._load_logins()
        self._fill_combos()
        self.apply_filter()

    # --- export -------------------------------------------------------------------------------

    def export(self, path: Path | None = None) -> TaskHandle | None:
        """Export what the filters show, oldest first, in the background."""
        if self._export is not None:
            return None
        if path is None:
            name, _selected = QFileDialog.getSaveFileName(
                self, _("Export the audit log"), "audit-log.csv", _("CSV for Excel (*.csv)")
            )
            if not name:
                return None
            path = Path(name)
        flt = self.filter
        ctx = self.ctx
        progress = QProgressDialog(_("Exporting the audit log…"), _("Cancel"), 0, 0, self)
        progress.setWindowTitle(_("Export the audit log"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self._progress = progress

        def work(report: Progress) -> int:
            return audit.export_csv(ctx, path, flt, progress=report)

        def done(count: object) -> None:
            self._finish()
            if self._export_cancelled:
                self.last_export = None
            else:
                self.last_export = (path, int(count))  # type: ignore[call-overload]

        def failed(error: BaseException) -> None:
            self._finish()
            if isinstance(error, HierdeskError):
                show_error(self, error)
            else:
                raise error

        def step(done_: int, total: int) -> None:
            if self._progress is not None:
                self._progress.setMaximum(max(total, 1))
                self._progress.setValue(done_)

        self._export_cancelled = False
        handle = self.runner.submit(work, done, failed, step)
        progress.canceled.connect(self._cancel_export)
        self._export = handle
        return handle

    def _cancel_export(self) -> None:
        self._export_cancelled = True
        if self._export is not None:
            self._export.cancel()

    def _finish(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._cancel_export)
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self._export = None

    # --- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # texts only: a language switch never goes to the database
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._name_date_fields()
            self._fill_combos()
            self._show_count()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.model.retranslate()
        self.detail_model.retranslate()
