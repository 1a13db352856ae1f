"""The Requests area: the inbox of sign-up requests from the sites.

A lazy table (status filter, search, sort by received date or by reading), duplicate
warnings as icons with tool tips, a detail panel, import of request files, the approval
wizard for one request, and bulk approval or rejection of several — each with progress,
cancel and a summary of what was done and what was refused and why.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QStyle,
    QWidget,
)

from hierdesk.domain.dto import DecisionResult, ImportResult, RequestRow
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.model import DUPLICATE_REASONS, FEATURES_BY_KEY, LABELS
from hierdesk.domain.rows import detect_encoding
from hierdesk.i18n.core import N_, _, ngettext
from hierdesk.i18n.formatting import format_datetime, format_number
from hierdesk.services import approval, intake, notices, requests
from hierdesk.services.context import Context
from hierdesk.services.duplicates import STRONG
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.models import Column, PagedTableModel
from hierdesk.ui.forms.ui_requests_pane import Ui_RequestsPane
from hierdesk.ui.requests.reject import RejectDialog
from hierdesk.ui.requests.wizard import ApprovalWizard
from hierdesk.ui.tasks import Progress, TaskHandle, TaskRunner

STATUS_FILTERS: tuple[str | None, ...] = ("pending", "approved", "rejected", None)
SORTS = ("received", "received_desc", "kana")
SEARCH_DELAY_MS = 250
#: Queued notifications are tried again in the background this often (and by "Send now").
RETRY_INTERVAL_MS = 5 * 60 * 1000

#: Labels of the stored request fields in the detail panel (translated when shown).
FIELD_LABELS = {
    "external_id": N_("Request number"),
    "channel_code": N_("Site"),
    "kind": N_("Kind"),
    "status": N_("Status"),
    "submitted_at": N_("Submitted"),
    "received_at": N_("Received"),
    "company_name": N_("Company name"),
    "company_name_kana": N_("Company reading (kana)"),
    "corporate_number": N_("Corporate number"),
    "invoice_registration_number": N_("Invoice registration number"),
    "last_name": N_("Last name"),
    "first_name": N_("First name"),
    "last_name_kana": N_("Last name (kana)"),
    "first_name_kana": N_("First name (kana)"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "department": N_("Department"),
    "job_title": N_("Job title"),
    "postal_code": N_("Postal code"),
    "prefecture": N_("Prefecture"),
    "city": N_("City"),
    "address_line1": N_("Address line 1"),
    "address_line2": N_("Address line 2"),
    "employee_count": N_("Employees"),
    "language": N_("Language of the notification"),
    "comments": N_("Comments"),
    "target_hierarchy": N_("Hierarchy"),
    "requested_by": N_("Requested by"),
}


def _label(code: str | None) -> str:
    return _(LABELS[code]) if code in LABELS else (code or "")


def warnings_text(row: RequestRow) -> str:
    return "\n".join(_(DUPLICATE_REASONS.get(w, w)) for w in row.warnings)


class RequestsPane(QWidget):
    #: requests were imported or decided (hierarchies, counts and the audit log changed)
    changed = Signal()

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
        self.era = era
        self.ui = Ui_RequestsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.b2b_on = True
        self.wizard: ApprovalWizard | None = None
        self.last_summary = ""
        self._summary_box: QMessageBox | None = None
        self._task: TaskHandle | None = None
        self._count: int | None = None
        self._queued = 0
        style = self.style()
        self._strong_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._weak_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.model: PagedTableModel[RequestRow] = PagedTableModel(
            [
                Column(N_("Received"), lambda r: format_datetime(r.received_at, era=era())),
                Column(N_("Site"), lambda r: r.channel),
                Column(N_("Kind"), lambda r: _label(r.kind)),
                Column(
                    N_("Company"),
                    lambda r: r.company_name or "",
                    tooltip=lambda r: warnings_text(r) or None,
                    spoken=lambda r: "; ".join(
                        p for p in (r.company_name or "", warnings_text(r)) if p
                    ),
                    decoration=self._icon,
                ),
                Column(N_("Kana"), lambda r: r.company_name_kana or ""),
                Column(N_("Contact"), lambda r: r.contact),
                Column(N_("E-mail"), lambda r: r.email),
                Column(N_("Status"), lambda r: _label(r.status)),
            ],
            self._fetch,
            self,
        )
        view = self.ui.requestTable
        view.setModel(self.model)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(150)
        header.resizeSection(0, 170)
        header.resizeSection(1, 80)
        header.resizeSection(2, 110)
        header.resizeSection(3, 220)
        self.ui.requestsSplitter.setStretchFactor(0, 3)
        self.ui.requestsSplitter.setStretchFactor(1, 1)
        self.ui.requestsSplitter.setSizes([900, 340])
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self._retry_quietly)
        self._retry_timer.start()
        self._connect()
        self._retranslate()

    # --- wiring --------------------------------------------------------------------------

    def _connect(self) -> None:
        ui = self.ui
        ui.statusFilter.currentIndexChanged.connect(lambda _i: self.reload())
        ui.sortCombo.currentIndexChanged.connect(lambda _i: self.reload())
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        ui.searchEdit.returnPressed.connect(self.reload)
        ui.requestTable.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.requestTable.doubleClicked.connect(lambda _index: self.approve_selected())
        ui.importButton.clicked.connect(self.choose_import_file)
        ui.approveButton.clicked.connect(self.approve_selected)
        ui.rejectButton.clicked.connect(self.reject_selected)
        ui.retryButton.clicked.connect(self.retry_notifications)

    def _fetch(self, offset: int, limit: int) -> Sequence[RequestRow]:
        return requests.list_requests(
            self.ctx,
            status=self.status(),
            search=self.ui.searchEdit.text().strip() or None,
            sort=SORTS[max(0, self.ui.sortCombo.currentIndex())],
            offset=offset,
            limit=limit,
            with_warnings=True,
        )

    def status(self) -> str | None:
        index = self.ui.statusFilter.currentIndex()
        return STATUS_FILTERS[index] if 0 <= index < len(STATUS_FILTERS) else None

    def _icon(self, row: RequestRow) -> QIcon | None:
        if not row.warnings:
            return None
        return self._strong_icon if any(w in STRONG for w in row.warnings) else self._weak_icon

    # --- loading -------------------------------------------------------------------------

    def load_first_page(self) -> None:
        if self.model.rowCount() == 0 and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())

    def reload(self) -> None:
        self._search_timer.stop()
        self.model.set_fetch(self._fetch)
        self.model.fetchMore(QModelIndex())
        self._count = None
        self._update_counts()
        self._selection_changed()

    def set_b2b(self, on: bool) -> None:
        """Rule 1: without the b2b feature the inbox is shown disabled, with the reason."""
        self.b2b_on = on
        ui = self.ui
        for widget in (
            ui.requestTable,
            ui.statusFilter,
            ui.searchEdit,
            ui.sortCombo,
            ui.importButton,
            ui.retryButton,
        ):
            widget.setEnabled(on)
        ui.requestsBanner.setVisible(not on)
        self._retranslate_banner()
        self._selection_changed()

    def _update_counts(self) -> None:
        if self._count is None:
            try:
                self._count = requests.count_requests(
                    self.ctx,
                    status=self.status(),
                    search=self.ui.searchEdit.text().strip() or None,
                )
                self._queued = notices.count_queued(self.ctx)
            except HierdeskError:
                self._count, self._queued = 0, 0
        self.ui.countLabel.setText(
            ngettext("{count} request", "{count} requests", self._count).format(
                count=format_number(self._count)
            )
        )
        self.ui.queueLabel.setText(
            ngettext(
                "{count} notification waits to be sent",
                "{count} notifications wait to be sent",
                self._queued,
            ).format(count=format_number(self._queued))
            if self._queued
            else ""
        )
        self.ui.queueLabel.setVisible(bool(self._queued))
        self.ui.retryButton.setVisible(bool(self._queued))

    # --- selection and detail ------------------------------------------------------------

    def selected_rows(self) -> list[RequestRow]:
        rows = sorted({i.row() for i in self.ui.requestTable.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _selection_changed(self, *_args: QItemSelection) -> None:
        selected = self.selected_rows()
        pending = [r for r in selected if r.status == "pending"]
        self.ui.approveButton.setEnabled(self.b2b_on and bool(pending))
        self.ui.rejectButton.setEnabled(self.b2b_on and bool(pending))
        self._show_detail(selected[0] if len(selected) == 1 else None, len(selected))

    def _show_detail(self, row: RequestRow | None, count: int) -> None:
        browser = self.ui.requestDetail
        if row is None:
            browser.setHtml(
                "<p>"
                + html.escape(
                    ngettext(
                        "{count} request selected.", "{count} requests selected.", count
                    ).format(count=count)
                    if count
                    else _("Select a request to see everything the site sent.")
                )
                + "</p>"
            )
            return
        try:
            values, candidates = requests.request_detail(self.ctx, row.id)
        except HierdeskError as err:
            browser.setHtml(f"<p>{html.escape(err.localized())}</p>")
            return
        e = html.escape
        parts = [f"<h3>{e(str(values.get('company_name') or row.contact))}</h3>"]
        status = str(values.get("status"))
        if status != "pending":
            when = format_datetime(values.get("decided_at"), era=self.era())  # type: ignore[arg-type]
            parts.append(
                "<p><b>"
                + e(
                    _("{status} by {who} at {when}").format(
                        status=_label(status), who=values.get("decided_by") or "?", when=when
                    )
                )
                + "</b></p>"
            )
            if status == "approved":
                parts.append(
                    "<p>"
                    + e(
                        _("Hierarchy {hierarchy}, person {person}").format(
                            hierarchy=values.get("created_hierarchy") or "-",
                            person=values.get("created_person") or "-",
                        )
                    )
                    + "</p>"
                )
            elif values.get("reject_reason"):
                parts.append(
                    "<p>"
                    + e(_("Reason: {reason}").format(reason=values.get("reject_reason")))
                    + "</p>"
                )
        if candidates:
            parts.append(f"<p><b>{e(_('Possible duplicates'))}</b></p><ul>")
            for c in candidates:
                mark = "⚠ " if c.strong else ""
                parts.append(
                    "<li>"
                    + e(
                        mark
                        + _("{customer} ({hierarchy}): {reason}").format(
                            customer=c.customer,
                            hierarchy=c.hierarchy or "-",
                            reason=_(DUPLICATE_REASONS.get(c.reason, c.reason)),
                        )
                    )
                    + "</li>"
                )
            parts.append("</ul>")
        parts.append("<table cellspacing='0' cellpadding='2'>")
        for key, label in FIELD_LABELS.items():
            value = values.get(key)
            if value in (None, ""):
                continue
            if key in ("submitted_at", "received_at"):
                text = format_datetime(value, era=self.era())  # type: ignore[arg-type]
            elif key in ("kind", "status"):
                text = _label(str(value))
            elif key == "language":
                text = "日本語" if value == "ja" else "English"
            else:
                text = str(value)
            parts.append(
                f"<tr><td style='color:#555; padding-right:8px'>{e(_(label))}</td>"
                f"<td>{e(text)}</td></tr>"
            )
        parts.append("</table>")
        browser.setHtml("".join(parts))

    # --- approval ------------------------------------------------------------------------

    def approve_selected(self) -> None:
        pending = [r for r in self.selected_rows() if r.status == "pending"]
        if not self.b2b_on or not pending:
            return
        if len(pending) == 1:
            self.open_wizard(pending[0].id)
            return
        answer = QMessageBox.question(
            self,
            _("Approve requests"),
            ngettext(
                "Approve {count} request with the defaults for new partners? A partner "
                "sign-up gets a new customer hierarchy; a request to add a user joins the "
                "hierarchy it names. Requests that a rule refuses are listed afterwards.",
                "Approve {count} requests with the defaults for new partners? A partner "
                "sign-up gets a new customer hierarchy; a request to add a user joins the "
                "hierarchy it names. Requests that a rule refuses are listed afterwards.",
                len(pending),
            ).format(count=len(pending)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run_bulk("approve", [r.id for r in pending])

    def open_wizard(self, request_id: int) -> ApprovalWizard | None:
        try:
            review = approval.review(self.ctx, request_id)
        except HierdeskError as err:
            show_error(self, err)
            return None
        if review.status != "pending":
            QMessageBox.warning(
                self,
                _("Not done"),
                _("Request {id} was already decided by {who}.").format(
                    id=request_id, who=review.decided_by or "?"
                ),
            )
            self.reload()
            return None
        wizard = ApprovalWizard(self.ctx, self.runner, review, self)
        wizard.decided.connect(self._decided)
        wizard.finished.connect(lambda _code: self._wizard_closed(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: ApprovalWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None
        wizard.deleteLater()

    def _decided(self, _result: DecisionResult) -> None:
        self.reload()
        self.changed.emit()

    # --- rejection -----------------------------------------------------------------------

    def reject_selected(self) -> None:
        pending = [r for r in self.selected_rows() if r.status == "pending"]
        if not self.b2b_on or not pending:
            return
        dialog = RejectDialog(len(pending), self)
        self.reject_dialog = dialog
        ids = [r.id for r in pending]

        def accepted() -> None:
            self.run_bulk("reject", ids, dialog.reason())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    # --- bulk work -----------------------------------------------------------------------

    def run_bulk(self, action: str, ids: list[int], reason: str = "") -> TaskHandle:
        """Approve (with the defaults) or reject ``ids`` one by one, each in its own
        transaction; refusals are collected, not fatal. Cancel stops after the current one."""
        ctx = self.ctx
        title = _("Approving requests…") if action == "approve" else _("Rejecting requests…")
        dialog = QProgressDialog(title, _("Cancel"), 0, len(ids), self)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setValue(0)

        def work(progress: Progress) -> tuple[list[DecisionResult], list[tuple[int, str]], int]:
            done: list[DecisionResult] = []
            refused: list[tuple[int, str]] = []
            for n, request_id in enumerate(ids):
                if not progress(n, len(ids)):
                    return done, refused, len(ids) - n
                try:
                    if action == "approve":
                        done.append(approval.approve(ctx, request_id))
                    else:
                        done.append(approval.reject(ctx, request_id, reason))
                except HierdeskError as err:
                    refused.append((request_id, err.localized()))
            progress(len(ids), len(ids))
            return done, refused, 0

        def finished(result: tuple[list[DecisionResult], list[tuple[int, str]], int]) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._task = None
            done, refused, skipped = result
            self._bulk_summary(action, done, refused, skipped)
            self.reload()
            if done:
                self.changed.emit()

        def failed(error: BaseException) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._task = None
            if isinstance(error, HierdeskError):
                show_error(self, error)
            self.reload()

        handle = self.runner.submit(work, finished, failed, lambda d, _t: dialog.setValue(d))
        dialog.canceled.connect(handle.cancel)
        self._task = handle
        return handle

    def _bulk_summary(
        self,
        action: str,
        done: list[DecisionResult],
        refused: list[tuple[int, str]],
        skipped: int,
    ) -> None:
        lines = [
            (
                ngettext("{count} request approved.", "{count} requests approved.", len(done))
                if action == "approve"
                else ngettext("{count} request rejected.", "{count} requests rejected.", len(done))
            ).format(count=len(done))
        ]
        if refused:
            lines.append(
                ngettext(
                    "{count} request refused:", "{count} requests refused:", len(refused)
                ).format(count=len(refused))
            )
            lines += [
                _("Request {id}: {reason}").format(id=request_id, reason=reason)
                for request_id, reason in refused
            ]
        if skipped:
            lines.append(
                ngettext(
                    "Cancelled: {count} request was not processed.",
                    "Cancelled: {count} requests were not processed.",
                    skipped,
                ).format(count=skipped)
            )
        waiting = [r for r in done if r.notification and r.notification.status == "queued"]
        if waiting:
            lines.append(
                ngettext(
                    "{count} notification could not be sent yet and waits in the queue.",
                    "{count} notifications could not be sent yet and wait in the queue.",
                    len(waiting),
                ).format(count=len(waiting))
            )
        title = _("Approved") if action == "approve" else _("Rejected")
        self._show_summary(title, "\n".join(lines), warning=bool(refused))

    def _show_summary(self, title: str, text: str, *, warning: bool = False) -> None:
        """A non-blocking summary box (kept in ``last_summary`` for tests and screenshots)."""
        self.last_summary = text
        if self._summary_box is not None:
            self._summary_box.close()
        box = QMessageBox(
            QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: setattr(self, "_summary_box", None))
        self._summary_box = box
        box.open()

    # --- import --------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        if not self.b2b_on:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import requests"),
            "",
            _("Request files (*.csv *.json *.jsonl);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> TaskHandle | None:
        """Import a request file off the GUI thread with progress and cancel. A CSV file
        that is not valid UTF-8 is read as CP932 (Shift_JIS as Excel saves it)."""
        try:
            data = intake.read_file(path)
        except HierdeskError as err:
            show_error(self, err)
            return None
        encoding = detect_encoding(path.name, data)
        ctx = self.ctx
        dialog = QProgressDialog(
            _("Importing {name}…").format(name=path.name), _("Cancel"), 0, 0, self
        )
        dialog.setWindowTitle(_("Import requests"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def work(progress: Progress) -> ImportResult:
            return intake.import_requests(
                ctx, data, path.name, encoding=encoding, progress=progress
            )

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def finished(result: ImportResult) -> None:
            dialog.reset()
            dialog.deleteLater()
            lines = [
                _("Imported {imported} requests; {duplicates} were imported before.").format(
                    imported=result.imported, duplicates=result.duplicates
                )
            ]
            if result.errors:
                lines.append(
                    ngettext(
                        "{count} problem; those rows were not imported:",
                        "{count} problems; those rows were not imported:",
                        len(result.errors),
                    ).format(count=len(result.errors))
                )
                lines += [
                    _("Row {row}: {message}").format(row=e.row, message=e.localized())
                    for e in result.errors
                ]
            self._show_summary(_("Import requests"), "\n".join(lines), warning=bool(result.errors))
            self.reload()
            if result.imported:
                self.changed.emit()

        def failed(error: BaseException) -> None:
            dialog.reset()
            dialog.deleteLater()
            if isinstance(error, HierdeskError):
                if error.code == "import_cancelled":
                    self._show_summary(_("Import requests"), error.localized())
                else:
                    show_error(self, error)

        handle = self.runner.submit(work, finished, failed, progressed)
        dialog.canceled.connect(handle.cancel)
        return handle

    # --- notifications -------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop background retries (the window is closing)."""
        self._retry_timer.stop()
        self._search_timer.stop()

    def _retry_quietly(self) -> TaskHandle | None:
        """Try the queued notifications again without asking; the count shows the outcome."""
        if not self.b2b_on or not self._queued:
            return None
        ctx = self.ctx

        def finished(_outcomes: Any) -> None:
            self._count = None
            self._update_counts()

        return self.runner.submit(lambda _p: notices.retry(ctx), finished, lambda _e: None)

    def retry_notifications(self) -> None:
        ctx = self.ctx

        def finished(outcomes: Any) -> None:
            waiting = [o for o in outcomes if o.status == "queued"]
            sent = len(outcomes) - len(waiting)
            lines = [
                _("Delivered {delivered} of {total} waiting notifications.").format(
                    delivered=sent, total=len(outcomes)
                )
            ]
            lines += [o.error or "" for o in waiting[:1]]
            self._show_summary(_("Notifications"), "\n".join(lines), warning=bool(waiting))
            self._count = None
            self._update_counts()

        def failed(error: BaseException) -> None:
            if isinstance(error, HierdeskError):
                show_error(self, error)

        self.runner.submit(lambda _p: notices.retry(ctx), finished, failed)

    # --- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Cell texts depend on the language and the era setting."""
        self.model.retranslate()
        self._retranslate()

    def _retranslate(self) -> None:
        self._retranslate_banner()
        self._update_counts()
        self._selection_changed()

    def _retranslate_banner(self) -> None:
        self.ui.requestsBanner.setText(
            _(
                "B2B is switched off. Turn on “{feature}” under Settings ▸ Feature management "
                "to work with requests from the B2B sites and the distribution job."
            ).format(feature=_(FEATURES_BY_KEY["b2b"].name))
        )


__all__ = ["RequestsPane"]
