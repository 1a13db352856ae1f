"""The Jobs area: the customers distribution job (1010) and the sign-ins from the sites.

**Customers distribution** lists every active B2B site with its last run and what the next
run would change (customers to publish or withdraw, hierarchies held back), the folder the
sites read, and runs the job for one site or all of them off the GUI thread with progress
and Cancel, followed by a summary; the run history is below.

**Sign-ins** lists what the sites reported, filtered by outcome and searched as you type,
with a warning on each sign-in that needs a clerk and the next step in words; sign-in files
are imported and waiting sign-ins linked again off the GUI thread, with a summary.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QStyle,
    QWidget,
)

from hierdesk.domain.distribution import OUTCOMES, PROBLEMS
from hierdesk.domain.dto import DistributionRunRow, OperatorInfo
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.model import FEATURES_BY_KEY
from hierdesk.domain.rows import detect_encoding
from hierdesk.i18n.core import N_, _, ngettext
from hierdesk.i18n.formatting import format_datetime, format_number
from hierdesk.services import distribution, intake, jobs, signins
from hierdesk.services.context import Context
from hierdesk.services.distribution import ChannelRun, ChannelState
from hierdesk.services.signins import SigninResult, SigninRow
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.permissions import allowed, restrict
from hierdesk.ui.forms.ui_jobs_pane import Ui_JobsPane
from hierdesk.ui.jobs.models import (
    SitesModel,
    customer_text,
    outcome_label,
    runs_model,
    signin_next_step,
    signins_model,
)
from hierdesk.ui.tasks import Progress, TaskHandle, TaskRunner

SEARCH_DELAY_MS = 250
#: The outcome filter: everything, the problems, then each outcome (INTERFACES.md §6).
OUTCOME_FILTERS: tuple[str | None, ...] = (None, "problems", *OUTCOMES)
TAB_DISTRIBUTION, TAB_SIGNINS = 0, 1


class JobsPane(QWidget):
    #: a job ran (distribution, import, linking): the audit log has new entries
    changed = Signal()

    def __init__(
        self,
        ctx: Context,
        runner: TaskRunner,
        era: Callable[[], bool],
        operator: Callable[[], OperatorInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.era = era
        self.operator = operator
        self.ui = Ui_JobsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.b2b_on = True
        self.auto_link_on = False
        #: what the last summary said (tests and screenshots read it)
        self.last_summary = ""
        self._summary_box: QMessageBox | None = None
        #: the progress dialog of the running job, if any
        self.progress: QProgressDialog | None = None
        self._task: TaskHandle | None = None
        self._loaded = False
        self._outcome_counts: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
        self._signin_total: int | None = None

        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.sites_model = SitesModel(era, self)
        self.runs_model = runs_model(era, self._fetch_runs, self)
        self.signins_model = signins_model(era, warning, self._fetch_signins, self)
        ui = self.ui
        ui.sitesTable.setModel(self.sites_model)
        ui.runsTable.setModel(self.runs_model)
        ui.signinTable.setModel(self.signins_model)
        self._size_columns()
        ui.distributionSplitter.setStretchFactor(0, 1)
        ui.distributionSplitter.setStretchFactor(1, 1)
        ui.distributionSplitter.setSizes([170, 350])
        ui.signinsSplitter.setStretchFactor(0, 3)
        ui.signinsSplitter.setStretchFactor(1, 1)
        ui.signinsSplitter.setSizes([330, 200])
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload_signins)
        self._connect()
        self._fill_outcome_filter()
        self._retranslate()

    def _size_columns(self) -> None:
        ui = self.ui
        for view in (ui.sitesTable, ui.runsTable, ui.signinTable):
            view.setWordWrap(False)
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        when = self.fontMetrics().horizontalAdvance("Nov 26, 2026, 10:05 PM") + 24
        ui.sitesTable.horizontalHeader().setDefaultSectionSize(110)
        runs = ui.runsTable.horizontalHeader()
        runs.setDefaultSectionSize(130)
        runs.resizeSection(0, when)
        signin = ui.signinTable.horizontalHeader()
        signin.setDefaultSectionSize(140)
        for column, width in enumerate((when, 70, 90, 180, 160, 80)):
            signin.resizeSection(column, width)

    def _fit_site_columns(self) -> None:
        """A handful of rows: every column as wide as its header and texts (the last one
        takes the rest of the width)."""
        view = self.ui.sitesTable
        header = view.horizontalHeader()
        for column in range(self.sites_model.columnCount() - 1):
            view.resizeColumnToContents(column)
            header.resizeSection(column, header.sectionSize(column) + 12)
        header.resizeSection(1, min(header.sectionSize(1), 240))  # the site's name

    def _fit_signin_columns(self, *, shrink: bool = False) -> None:
        """The columns before the next step grow to what the loaded sign-ins need, within
        limits, so that the next step stays in sight; ``shrink`` also narrows them (after
        a language switch)."""
        if self.signins_model.rowCount() == 0 and not shrink:
            return
        view = self.ui.signinTable
        header = view.horizontalHeader()
        limits = (200, 100, 140, 230, 240, 110)
        for column, limit in enumerate(limits):
            before = header.sectionSize(column)
            wanted = min(max(view.sizeHintForColumn(column), header.sectionSizeHint(column)), limit)
            header.resizeSection(column, wanted if shrink else max(before, wanted))

    def _connect(self) -> None:
        ui = self.ui
        ui.changeFolderButton.clicked.connect(self.change_folder)
        ui.runSelectedButton.clicked.connect(self.run_selected)
        ui.runAllButton.clicked.connect(lambda: self.run_distribution(None))
        ui.sitesTable.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.sitesTable.doubleClicked.connect(lambda _index: self.run_selected())
        ui.outcomeFilter.currentIndexChanged.connect(lambda _i: self.reload_signins())
        ui.signinSearch.textChanged.connect(lambda _t: self._search_timer.start())
        ui.signinSearch.returnPressed.connect(self.reload_signins)
        ui.signinTable.selectionModel().selectionChanged.connect(self._signin_selected)
        self.signins_model.modelReset.connect(self._signin_selected)
        ui.importSigninsButton.clicked.connect(self.choose_signin_file)
        ui.linkPendingButton.clicked.connect(self.link_pending)

    # --- loading -------------------------------------------------------------------------

    def _fetch_runs(self, offset: int, limit: int) -> Sequence[DistributionRunRow]:
        try:
            return jobs.list_runs(self.ctx, offset=offset, limit=limit)
        except HierdeskError:
            return []  # not registered: nothing to show (the status bar says who you are)

    def _fetch_signins(self, offset: int, limit: int) -> Sequence[SigninRow]:
        try:
            return signins.list_signins(
                self.ctx,
                outcome=self.outcome_filter(),
                search=self.ui.signinSearch.text().strip(),
                offset=offset,
                limit=limit,
            )
        except HierdeskError:
            return []

    def shown(self) -> None:
        """The area is shown: what the next run would change is read again (members and
        grants may have changed meanwhile); the first pages load at once."""
        self.refresh_sites()
        if not self._loaded:
            self._loaded = True
            self.reload_signins()
        for model in (self.runs_model, self.signins_model):
            if model.rowCount() == 0 and model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())

    def refresh(self) -> None:
        """Everything again (View ▸ Refresh, after a job)."""
        self.refresh_sites()
        self.runs_model.reload()
        self.runs_model.fetchMore(QModelIndex())
        self.reload_signins()

    def refresh_sites(self) -> None:
        selected = self.selected_site()
        try:
            states = distribution.overview(self.ctx)
        except HierdeskError:
            states = []
        self.sites_model.set_rows(states)
        self._fit_site_columns()
        codes = [s.channel for s in states]
        if codes:
            row = codes.index(selected) if selected in codes else 0
            self.ui.sitesTable.selectRow(row)
        self._show_folder()
        self._update_buttons()

    def _show_folder(self) -> None:
        path = str(distribution.folder(self.ctx))
        self.ui.folderEdit.setText(path)
        self.ui.folderEdit.setToolTip(path)
        self.ui.folderEdit.setCursorPosition(0)

    def sites(self) -> list[ChannelState]:
        return self.sites_model.rows()

    def selected_site(self) -> str | None:
        rows = self.ui.sitesTable.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.sites_model.rowCount():
            return None
        return self.sites_model.row_at(rows[0].row()).channel

    def reload_signins(self) -> None:
        self._search_timer.stop()
        self.signins_model.set_fetch(self._fetch_signins)
        self.signins_model.fetchMore(QModelIndex())
        self._fit_signin_columns()
        self._signin_total = None
        self._update_signin_counts()

    def outcome_filter(self) -> str | None:
        data = self.ui.outcomeFilter.currentData()
        return str(data) if data else None

    def _update_signin_counts(self) -> None:
        try:
            self._outcome_counts = signins.outcome_counts(self.ctx)
            if self._signin_total is None:
                self._signin_total = signins.count_signins(
                    self.ctx,
                    outcome=self.outcome_filter(),
                    search=self.ui.signinSearch.text().strip(),
                )
        except HierdeskError:
            self._signin_total = 0
        self._fill_outcome_filter()
        self._show_signin_count()

    def _show_signin_count(self) -> None:
        total = self._signin_total or 0
        self.ui.signinCount.setText(
            ngettext("{count} sign-in", "{count} sign-ins", total).format(
                count=format_number(total)
            )
        )

    def _fill_outcome_filter(self) -> None:
        """All, Problems and each outcome, each with its count; the choice is kept."""
        combo = self.ui.outcomeFilter
        current = combo.currentData() if combo.count() else None
        counts = self._outcome_counts
        combo.blockSignals(True)
        combo.clear()
        for key in OUTCOME_FILTERS:
            if key is None:
                label, count = _("All"), sum(counts.values())
            elif key == "problems":
                label, count = _("Problems"), sum(counts.get(o, 0) for o in PROBLEMS)
            else:
                label, count = outcome_label(key), counts.get(key, 0)
            combo.addItem(
                _("{label} ({count})").format(label=label, count=format_number(count)), key
            )
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def set_outcome_filter(self, key: str | None) -> None:
        """Show only the sign-ins with this outcome (``"problems"``, or None: all)."""
        index = self.ui.outcomeFilter.findData(key) if key is not None else 0
        self.ui.outcomeFilter.setCurrentIndex(max(index, 0))

    # --- features and permissions --------------------------------------------------------

    def set_features(self, states: Mapping[str, bool]) -> None:
        """Rule 1: without the b2b feature the jobs are shown disabled, with the reason;
        while automatic linking is off, the sign-ins tab says what that means."""
        self.b2b_on = bool(states.get("b2b", False))
        self.auto_link_on = bool(states.get("auto_link", False))
        ui = self.ui
        for widget in (
            ui.sitesTable,
            ui.runsTable,
            ui.signinTable,
            ui.outcomeFilter,
            ui.signinSearch,
        ):
            widget.setEnabled(self.b2b_on)
        ui.jobsBanner.setVisible(not self.b2b_on)
        ui.autoLinkNote.setVisible(self.b2b_on and not self.auto_link_on)
        self._retranslate_notes()
        if self._loaded:
            self.refresh_sites()  # held back and pending depend on the features
        self._update_buttons()

    def _update_buttons(self, *_args: QItemSelection) -> None:
        ui = self.ui
        idle = self._task is None
        on = self.b2b_on and idle
        ui.runSelectedButton.setEnabled(on and self.selected_site() is not None)
        ui.runAllButton.setEnabled(on and self.sites_model.rowCount() > 0)
        ui.importSigninsButton.setEnabled(on)
        ui.linkPendingButton.setEnabled(on)
        restrict(self.operator(), "administrator", [ui.changeFolderButton], ui.folderNote)
        if not idle:
            ui.changeFolderButton.setEnabled(False)

    # --- the folder ----------------------------------------------------------------------

    def change_folder(self) -> None:
        """Administrators choose the folder the sites read (remembered for every desk)."""
        if not allowed(self.operator(), "administrator"):
            return
        chosen = QFileDialog.getExistingDirectory(
            self, _("Folder the sites read"), self.ui.folderEdit.text()
        )
        if not chosen:
            return
        try:
            distribution.set_folder(self.ctx, Path(chosen), seen=Path(self.ui.folderEdit.text()))
        except HierdeskError as error:
            show_error(self, error)
            self._show_folder()  # another desk's choice, if that was the refusal
            return
        self._show_folder()
        self.changed.emit()

    # --- the distribution ----------------------------------------------------------------

    def run_selected(self) -> TaskHandle | None:
        site = self.selected_site()
        if site is None:
            return None
        return self.run_distribution(site)

    def run_distribution(self, channel: str | None) -> TaskHandle | None:
        """Publish one site (or every active site) to the folder off the GUI thread, with
        progress and Cancel; a summary and the refreshed table follow."""
        if not self.b2b_on or self._task is not None:
            return None
        ctx = self.ctx
        out = distribution.folder(ctx)
        label = (
            _("Publishing the customers of {channel}…").format(channel=channel)
            if channel
            else _("Publishing the customers of every B2B site…")
        )
        dialog = self._progress_dialog(_("Customers distribution"), label)

        def work(progress: Progress) -> list[ChannelRun]:
            return distribution.distribute(ctx, out, channel=channel, progress=progress)

        def finished(runs: list[ChannelRun]) -> None:
            self._done()
            self._show_summary(
                _("Customers distribution"),
                self._distribution_summary(runs, out),
                warning=any(r.held_back for r in runs),
            )
            self.refresh_sites()
            self.runs_model.reload()
            self.runs_model.fetchMore(QModelIndex())
            self.changed.emit()

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)

        return self._submit(work, finished, progressed, _("Customers distribution"))

    def _distribution_summary(self, runs: Sequence[ChannelRun], out: Path) -> str:
        if not runs:
            return _("There is no active B2B site; nothing was published.")
        lines = [_("Files in {folder}:").format(folder=str(out))]
        for r in runs:
            lines.append(
                _(
                    "{channel}: {customers} customers and {hierarchies} hierarchies published; "
                    "added {added}, changed {updated}, withdrawn {withdrawn}."
                ).format(
                    channel=r.channel,
                    customers=format_number(r.customers),
                    hierarchies=format_number(r.hierarchies),
                    added=format_number(r.added),
                    updated=format_number(r.updated),
                    withdrawn=format_number(r.withdrawn),
                )
            )
            if not r.written:
                lines.append(
                    "    " + _("The file already said exactly this and was left as it was.")
                )
            if r.held_back:
                lines.append(
                    "    "
                    + ngettext(
                        "{count} hierarchy held back (no catalog on this site): {hierarchies}",
                        "{count} hierarchies held back (no catalog on this site): {hierarchies}",
                        len(r.held_back),
                    ).format(count=len(r.held_back), hierarchies=", ".join(r.held_back))
                )
        return "\n".join(lines)

    # --- sign-ins ------------------------------------------------------------------------

    def choose_signin_file(self) -> None:
        if not self.b2b_on or self._task is not None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import sign-ins"),
            "",
            _("Sign-in files (*.csv *.json *.jsonl);;All files (*)"),
        )
        if path:
            self.import_signin_file(Path(path))

    def import_signin_file(self, path: Path) -> TaskHandle | None:
        """Import a sign-in file off the GUI thread with progress and Cancel (nothing is
        kept when cancelled); a summary of the outcomes follows."""
        if not self.b2b_on or self._task is not None:
            return None
        try:
            data = intake.read_file(path)
        except HierdeskError as error:
            show_error(self, error)
            return None
        encoding = detect_encoding(path.name, data)
        ctx = self.ctx
        name = path.name
        self._progress_dialog(_("Import sign-ins"), _("Importing {name}…").format(name=name))

        def work(progress: Progress) -> SigninResult:
            return signins.import_signins(ctx, data, name, encoding=encoding, progress=progress)

        def finished(result: SigninResult) -> None:
            self._done()
            decided = sum(result.counts.values())
            lines = [
                ngettext(
                    "{count} sign-in from {name} was read:",
                    "{count} sign-ins from {name} were read:",
                    decided,
                ).format(count=format_number(decided), name=name)
            ]
            lines += self._outcome_lines(result)
            refused = sorted({e.row for e in result.errors}, key=lambda r: r or 0)
            if refused:
                lines.append(
                    ngettext(
                        "{count} row was refused and not imported:",
                        "{count} rows were refused and not imported:",
                        len(refused),
                    ).format(count=len(refused))
                )
                lines += [
                    _("Row {row}: {message}").format(row=e.row, message=e.localized())
                    for e in result.errors
                ]
            self._signins_changed(result, _("Import sign-ins"), lines)

        return self._submit(work, finished, self._step, _("Import sign-ins"))

    def link_pending(self) -> TaskHandle | None:
        """Decide again every sign-in that is not linked (after automatic linking was
        switched on, a distribution ran, a grant was added …)."""
        if not self.b2b_on or self._task is not None:
            return None
        ctx = self.ctx
        self._progress_dialog(_("Link pending"), _("Linking the waiting sign-ins…"))

        def work(progress: Progress) -> SigninResult:
            return signins.link_pending(ctx, progress=progress)

        def finished(result: SigninResult) -> None:
            self._done()
            decided = sum(result.counts.values())
            if not decided:
                lines = [_("No sign-in was waiting to be linked.")]
            else:
                lines = [
                    ngettext(
                        "{count} waiting sign-in was decided again:",
                        "{count} waiting sign-ins were decided again:",
                        decided,
                    ).format(count=format_number(decided))
                ]
                lines += self._outcome_lines(result)
            self._signins_changed(result, _("Link pending"), lines)

        return self._submit(work, finished, self._step, _("Link pending"))

    def _outcome_lines(self, result: SigninResult) -> list[str]:
        lines = [
            "    "
            + _("{label}: {count}").format(
                label=outcome_label(o), count=format_number(result.count(o))
            )
            for o in OUTCOMES
            if result.count(o)
        ]
        if any(result.count(o) for o in PROBLEMS):
            lines.append(_("Select a sign-in with a warning to see what to do next."))
        return lines

    def _signins_changed(self, result: SigninResult, title: str, lines: list[str]) -> None:
        problems = bool(result.errors) or any(result.count(o) for o in PROBLEMS)
        self._show_summary(title, "\n".join(lines), warning=problems)
        self.reload_signins()
        self.changed.emit()

    def _signin_selected(self, *_args: Any) -> None:
        rows = self.ui.signinTable.selectionModel().selectedRows()
        row = (
            self.signins_model.row_at(rows[0].row())
            if rows and rows[0].row() < self.signins_model.rowCount()
            else None
        )
        self._show_signin_detail(row)

    def selected_signin(self) -> SigninRow | None:
        rows = self.ui.signinTable.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.signins_model.rowCount():
            return None
        return self.signins_model.row_at(rows[0].row())

    def _show_signin_detail(self, row: SigninRow | None) -> None:
        browser = self.ui.signinDetail
        e = html.escape
        if row is None:
            browser.setHtml(
                "<p>" + e(_("Select a sign-in to see its outcome and what to do next.")) + "</p>"
            )
            return
        mark = "⚠ " if row.outcome in PROBLEMS else ""
        parts = [
            f"<p><b>{e(mark + outcome_label(row.outcome))}</b> — {e(row.email)}</p>",
            f"<p>{e(signin_next_step(row))}</p>",
            "<table cellspacing='0' cellpadding='2'>",
        ]
        fields = (
            (N_("Site"), row.channel),
            (N_("Identity"), row.identity_id),
            (N_("Signed in"), format_datetime(row.signed_in_at, era=self.era())),
            (N_("Customer"), customer_text(row)),
            (N_("Customer hierarchy"), row.hierarchy or ""),
            (N_("Linked at"), format_datetime(row.linked_at, era=self.era())),
            (N_("Imported"), format_datetime(row.imported_at, era=self.era())),
        )
        for label, value in fields:
            if value:
                parts.append(
                    f"<tr><td style='color:#555; padding-right:8px'>{e(_(label))}</td>"
                    f"<td>{e(value)}</td></tr>"
                )
        parts.append("</table>")
        browser.setHtml("".join(parts))

    # --- background work -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A job of this pane is running (its summary has not been shown yet)."""
        return self._task is not None

    def _progress_dialog(self, title: str, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, _("Cancel"), 0, 0, self)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self.progress = dialog
        return dialog

    def _step(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _submit(
        self,
        work: Callable[[Progress], Any],
        finished: Callable[[Any], None],
        progressed: Callable[[int, int], None],
        title: str,
    ) -> TaskHandle:
        def failed(error: BaseException) -> None:
            self._done()
            if isinstance(error, HierdeskError):
                if error.code in ("job_cancelled", "import_cancelled"):
                    self._show_summary(title, error.localized())
                else:
                    show_error(self, error)
            else:  # a fault, not a refusal: say so rather than close the dialog silently
                QMessageBox.warning(
                    self,
                    _("Not done"),
                    _("The job stopped because of an unexpected error: {error}").format(
                        error=str(error) or type(error).__name__
                    ),
                )
            self.refresh()

        handle = self.runner.submit(work, finished, failed, progressed)
        assert self.progress is not None
        self.progress.canceled.connect(handle.cancel)
        self._task = handle
        self._update_buttons()
        return handle

    def _done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self._task = None
        self._update_buttons()

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

    def close_summary(self) -> None:
        if self._summary_box is not None:
            self._summary_box.close()

    def shutdown(self) -> None:
        """The window closes: no more queries from a pending search."""
        self._search_timer.stop()

    # --- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Cell texts depend on the language and the era setting."""
        for model in (self.sites_model, self.runs_model, self.signins_model):
            model.retranslate()
        self._fit_site_columns()
        self._fit_signin_columns(shrink=True)
        self._retranslate()

    def _retranslate(self) -> None:
        self._retranslate_notes()
        self._fill_outcome_filter()
        self._show_signin_count()
        self._update_buttons()
        self._signin_selected()

    def _retranslate_notes(self) -> None:
        self.ui.jobsBanner.setText(
            _(
                "B2B is switched off. Turn on “{feature}” under Settings ▸ Feature management "
                "to work with requests from the B2B sites and the distribution job."
            ).format(feature=_(FEATURES_BY_KEY["b2b"].name))
        )
        self.ui.autoLinkNote.setText(
            _(
                "Automatic linking is off: sign-ins are kept but not linked. An administrator "
                "switches on “{feature}” under Settings ▸ Feature management; then choose "
                "Link pending."
            ).format(feature=_(FEATURES_BY_KEY["auto_link"].name))
        )


__all__ = ["OUTCOME_FILTERS", "JobsPane"]
