"""The main window: navigation between the areas, status bar, live language switching."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QWidget,
)

from hierdesk import __version__
from hierdesk.domain.dto import (
    HierarchySummary,
    MemberNode,
)
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.model import LABELS
from hierdesk.i18n.core import LANGUAGE_NAMES, N_, _, ngettext
from hierdesk.i18n.formatting import format_number
from hierdesk.i18n.qt import LanguageSwitcher
from hierdesk.services import backup, catalogs, export, features, hierarchies
from hierdesk.services.context import Context
from hierdesk.settings import Settings
from hierdesk.ui.audit.pane import AuditPane
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.models import DtoRole
from hierdesk.ui.common.permissions import allowed
from hierdesk.ui.forms.ui_main_window import Ui_MainWindow
from hierdesk.ui.hierarchy.tree_model import (
    COL_EMAIL,
    COL_ID,
    COL_NAME,
    COL_VOLUME,
    HierarchyTreeModel,
)
from hierdesk.ui.hierarchy.workspace import (
    HierarchyWorkspace,
    access_in_words,
    period_start,
)
from hierdesk.ui.jobs.pane import JobsPane
from hierdesk.ui.requests.pane import RequestsPane
from hierdesk.ui.settings.pane import SettingsPane
from hierdesk.ui.settings.section import SectionEnv, SettingsEvents
from hierdesk.ui.tasks import TaskHandle, TaskRunner

AREAS = ("requests", "hierarchies", "jobs", "audit", "settings")
#: The choices of sorting the hierarchies by order volume: the period, its label.
HIERARCHY_VOLUME_PERIODS = (
    ("month", N_("Order volume, this month")),
    ("quarter", N_("Order volume, last 3 months")),
    ("year", N_("Order volume, last 12 months")),
    ("all", N_("Order volume, all time")),
)


def _label(code: str | None) -> str:
    return _(LABELS[code]) if code in LABELS else (code or "")


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: Context,
        switcher: LanguageSwitcher,
        settings: Settings,
        settings_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.switcher = switcher
        self.settings = settings
        self.settings_path = settings_path
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.operator = ctx.operator()
        self._b2b_on = False
        self._detail: HierarchySummary | MemberNode | None = None
        self._restriction_on = False

        self._build_models()
        self._build_status_bar()
        self.settings_events = SettingsEvents(self)
        self.settings_pane = SettingsPane(
            SectionEnv(
                ctx,
                switcher,
                settings,
                self._save_settings,
                lambda: self.operator,
                self.settings_events,
            ),
            self.ui.settingsHost,
        )
        self.ui.settingsHostLayout.addWidget(self.settings_pane)
        self._connect()
        self._restore()
        self.apply_features()
        self._retranslate()
        self._show_detail()

    # --- construction --------------------------------------------------------------------

    def _build_models(self) -> None:
        ctx = self.ctx
        self._fill_hierarchy_choices()
        era = self._era
        self.tree_model = HierarchyTreeModel(
            self._hierarchy_fetch(""),
            lambda code: hierarchies.list_members(ctx, code),
            self,
        )
        tree = self.ui.hierarchyTree
        tree.setModel(self.tree_model)
        tree.setUniformRowHeights(True)
        header = tree.header()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        # Name and ID fit the pane as it opens; role, status and e-mail are a scroll away.
        metrics = tree.fontMetrics()
        header.resizeSection(COL_NAME, metrics.height() * 14)  # about 13 kanji and the indent
        header.resizeSection(COL_ID, metrics.horizontalAdvance("CH-0000000") + 12)
        header.resizeSection(COL_EMAIL, 240)
        tree.setColumnHidden(COL_VOLUME, True)  # shown while sorted by order volume
        splitter = self.ui.hierarchySplitter
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 790])
        self.ui.detailGroup.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.runner = TaskRunner(self)
        self.jobs_pane = JobsPane(ctx, self.runner, era, lambda: self.operator, self.ui.jobsPage)
        self.ui.jobsHostLayout.addWidget(self.jobs_pane)
        self.jobs_model = self.jobs_pane.runs_model
        self.requests_pane = RequestsPane(ctx, self.runner, era, self.ui.requestsPage)
        self.ui.requestsHostLayout.addWidget(self.requests_pane)
        self.request_model = self.requests_pane.model
        self.undo_stack = QUndoStack(self)
        self.workspace = HierarchyWorkspace(
            ctx, self.runner, self.undo_stack, lambda: self.operator, era, self.ui.workspaceHost
        )
        self.ui.workspaceHostLayout.addWidget(self.workspace)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.ui.menuEdit.addAction(self.undo_action)
        self.ui.menuEdit.addAction(self.redo_action)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search_hierarchies)
        self.audit_pane = AuditPane(ctx, self.runner, era, self.ui.auditHost)
        self.ui.auditHostLayout.addWidget(self.audit_pane)
        self.audit_model = self.audit_pane.model

    def _hierarchy_fetch(self, search: str, codes: list[str] | None = None):  # type: ignore[no-untyped-def]
        ctx = self.ctx
        text = search.strip() or None
        sort, since = self._hierarchy_order()

        def fetch(offset: int, limit: int) -> Sequence[HierarchySummary]:
            return hierarchies.list_hierarchies(
                ctx, search=text, offset=offset, limit=limit, codes=codes, sort=sort, since=since
            )

        return fetch

    def _problem_codes(self) -> list[str] | None:
        """The hierarchies the Show filter keeps (None: all)."""
        if self.ui.hierarchyShow.currentData() != "no_catalog":
            return None
        try:
            return catalogs.without_catalog(self.ctx)
        except HierdeskError:
            return []

    def _hierarchy_order(self) -> tuple[str, datetime | None]:
        key = str(self.ui.hierarchySort.currentData() or "kana")
        if not key.startswith("volume:"):
            return "kana", None
        return "volume", period_start(key.split(":", 1)[1])

    def _fill_hierarchy_choices(self) -> None:
        ui = self.ui
        show, sort = ui.hierarchyShow.currentData(), ui.hierarchySort.currentData()
        ui.hierarchyShow.clear()
        ui.hierarchyShow.addItem(_("All hierarchies"), "all")
        ui.hierarchyShow.addItem(_("Without a catalog (held back)"), "no_catalog")
        ui.hierarchyShow.setItemData(
            1,
            _(
                "With the catalogs feature on: the hierarchies whose members see no catalog, "
                "held back from the customers distribution."
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        ui.hierarchySort.clear()
        ui.hierarchySort.addItem(_("Reading (あいうえお)"), "kana")
        for key, label in HIERARCHY_VOLUME_PERIODS:
            ui.hierarchySort.addItem(_(label), f"volume:{key}")
        ui.hierarchyShow.setCurrentIndex(max(0, ui.hierarchyShow.findData(show)))
        ui.hierarchySort.setCurrentIndex(max(0, ui.hierarchySort.findData(sort)))

    def _search_hierarchies(self) -> None:
        """Results as you type: the tree shows the hierarchies that match (a hierarchy
        matches by its own name or ID, or by its organization or any member)."""
        self._search_timer.stop()
        text = self.ui.hierarchySearch.text()
        codes = self._problem_codes()  # the problem list is worked out once per search
        self.tree_model.set_fetch(self._hierarchy_fetch(text, codes))
        self.tree_model.fetchMore(QModelIndex())
        self._hierarchy_total = hierarchies.count_hierarchies(
            self.ctx, search=text.strip() or None, codes=codes
        )
        self.ui.hierarchyTree.setColumnHidden(COL_VOLUME, self._hierarchy_order()[0] != "volume")
        self._show_hierarchy_count()
        if self.tree_model.rowCount():
            self.ui.hierarchyTree.setCurrentIndex(self.tree_model.index(0, 0))

    def _show_hierarchy_count(self) -> None:
        total = getattr(self, "_hierarchy_total", None)
        self.ui.hierarchyCount.setText(
            ""
            if total is None
            else ngettext("{count} hierarchy", "{count} hierarchies", total).format(
                count=format_number(total)
            )
        )

    def _focus_find(self) -> None:
        """Ctrl+F: to the search box of the hierarchies (Down then moves into the tree)."""
        self.ui.navigation.setCurrentRow(AREAS.index("hierarchies"))
        self.ui.hierarchySearch.setFocus()
        self.ui.hierarchySearch.selectAll()

    def tree_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a tree row: what the workspace can do with it."""
        if not index.isValid():
            return None
        workspace = self.workspace
        menu = QMenu(self)
        dto = index.data(DtoRole)
        if isinstance(dto, MemberNode) and dto.type == "person":
            workspace.ui.tabs.setCurrentIndex(0)
            workspace.select_member_later(dto.account)
            role = menu.addAction(_("Make &user") if dto.role == "admin" else _("Make a&dmin"))
            role.triggered.connect(workspace.toggle_role)
            state = menu.addAction(_("&Enable") if dto.status == "disabled" else _("&Disable…"))
            state.triggered.connect(workspace.toggle_disabled)
            menu.addSeparator()
        add = menu.addAction(_("&Add person…"))
        add.triggered.connect(workspace.add_member)
        rename = menu.addAction(_("Re&name…"))
        rename.triggered.connect(workspace.rename)
        compare = menu.addAction(_("&Compare properties"))
        compare.triggered.connect(lambda: workspace.ui.tabs.setCurrentIndex(1))
        menu.addSeparator()
        menu.addAction(self.ui.actionExportHierarchies)
        may = allowed(self.operator, "manager")
        for action in menu.actions():
            if (
                action not in (compare, self.ui.actionExportHierarchies)
                and not action.isSeparator()
            ):
                action.setEnabled(may)
        return menu

    def _tree_menu(self, position: QPoint) -> None:
        tree = self.ui.hierarchyTree
        index = tree.indexAt(position)
        if index.isValid():
            tree.setCurrentIndex(index)
        menu = self.tree_menu(index)
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(tree.viewport().mapToGlobal(position))

    def _workspace_changed(self, code: str) -> None:
        """A hierarchy changed in the workspace: its tree rows and the audit log follow."""
        summaries = [
            h for h in hierarchies.list_hierarchies(self.ctx, search=code) if h.code == code
        ]
        index = self.tree_model.refresh_hierarchy(code, summaries[0] if summaries else None)
        if index.isValid():
            self.ui.hierarchyTree.expand(index)
        self.audit_pane.refresh()

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(self)
        self.operator_label = QLabel(self)
        self.ui.statusbar.addPermanentWidget(self.db_label, 1)
        self.ui.statusbar.addPermanentWidget(self.operator_label)

    def _connect(self) -> None:
        ui = self.ui
        ui.navigation.currentRowChanged.connect(ui.areas.setCurrentIndex)
        ui.areas.currentChanged.connect(self._first_page)
        for row, action in enumerate(
            (
                ui.actionShowRequests,
                ui.actionShowHierarchies,
                ui.actionShowJobs,
                ui.actionShowAudit,
                ui.actionShowSettings,
            )
        ):
            action.triggered.connect(lambda _checked=False, r=row: ui.navigation.setCurrentRow(r))
        ui.actionQuit.setShortcut(QKeySequence.StandardKey.Quit)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionImportRequests.triggered.connect(self._import_requests)
        ui.actionExportHierarchies.triggered.connect(self._choose_export)
        ui.actionBackupDatabase.triggered.connect(self._choose_backup)
        ui.actionRestoreDatabase.triggered.connect(self._choose_restore)
        self.requests_pane.changed.connect(self._data_changed)
        self.jobs_pane.changed.connect(self.audit_pane.refresh)
        ui.actionRefresh.triggered.connect(self.refresh)
        ui.actionAbout.triggered.connect(self._about)

        group = QActionGroup(self)
        group.setExclusive(True)
        for action, code in ((ui.actionJapanese, "ja"), (ui.actionEnglish, "en")):
            group.addAction(action)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        events = self.settings_events
        events.language_requested.connect(self.set_language)
        events.era_changed.connect(lambda _on: self._on_locale_changed(self.switcher.language))
        events.features_changed.connect(self.apply_features)
        ui.hierarchyTree.selectionModel().currentChanged.connect(self._on_tree_current)
        ui.hierarchyTree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        ui.hierarchyTree.customContextMenuRequested.connect(self._tree_menu)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._focus_find)
        ui.hierarchySearch.textChanged.connect(lambda _t: self._search_timer.start())
        ui.hierarchySearch.returnPressed.connect(self._search_hierarchies)
        ui.hierarchyShow.activated.connect(lambda _i: self._search_hierarchies())
        ui.hierarchySort.activated.connect(lambda _i: self._search_hierarchies())
        self.workspace.changed.connect(self._workspace_changed)
        self.switcher.locale_changed.connect(self._on_locale_changed)
        self._following_language = True

    def _restore(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(self.settings.window_geometry)))
        if self.settings.window_state:
            self.restoreState(QByteArray(base64.b64decode(self.settings.window_state)))
        area = self.settings.last_area if self.settings.last_area in AREAS else "hierarchies"
        self.ui.navigation.setCurrentRow(AREAS.index(area))
        self._first_page(self.ui.areas.currentIndex())

    # --- behaviour -----------------------------------------------------------------------

    def _era(self) -> bool:
        return self.settings.era_dates

    def set_language(self, language: str) -> None:
        """Switch the whole application's language now and remember the choice."""
        before = self.switcher.language
        self.switcher.set_language(language)
        if self.switcher.language != before:
            # Qt posts LanguageChange to every window; this one (and all its children)
            # reads in the new language as soon as this call returns.
            QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LanguageChange))
        self.settings.language = self.switcher.language
        self._save_settings()

    def _first_page(self, index: int) -> None:
        """An area shown for the first time loads its first page at once (the views would
        ask on their next layout pass; this makes the first paint complete)."""
        if 0 <= index < len(AREAS) and AREAS[index] == "requests":
            self.requests_pane.load_first_page()
            return
        if 0 <= index < len(AREAS) and AREAS[index] == "jobs":
            self.jobs_pane.shown()
            return
        models = {"hierarchies": self.tree_model}
        model = models.get(AREAS[index]) if 0 <= index < len(AREAS) else None
        if model is not None and model.rowCount() == 0 and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())

    def apply_features(self) -> None:
        """Areas that need the b2b feature are usable only while it is on (DOMAIN.md rule 1);
        called at start and whenever feature management changes something."""
        states = {f.key: f.enabled for f in features.list_features(self.ctx)}
        self._b2b_on = states.get("b2b", False)
        self._restriction_on = states.get("channel_restriction", False)
        self.ui.actionImportRequests.setEnabled(self._b2b_on)
        self.requests_pane.set_b2b(self._b2b_on)
        self.jobs_pane.set_features(states)
        self._show_detail()

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        dto = current.data(DtoRole) if current.isValid() else None
        self._detail = dto if isinstance(dto, HierarchySummary | MemberNode) else None
        self._show_detail()
        code = self.tree_model.hierarchy_of(current) if current.isValid() else None
        if code != self.workspace.code:
            self.workspace.show_hierarchy(code)

    def _access_in_words(self, channels: tuple[str, ...]) -> str:
        """The effective B2B site access of a hierarchy (DOMAIN.md rule 9)."""
        return access_in_words(self._restriction_on, channels)

    def _show_detail(self) -> None:
        ui = self.ui
        dto = self._detail
        form = ui.detailForm
        ui.detailHint.setVisible(dto is None)
        values: dict[QLabel, str | None] = {}
        if isinstance(dto, HierarchySummary):
            values = {
                ui.detailName: dto.name,
                ui.detailId: f"{dto.code} / {dto.organization_account}",
                ui.detailKana: dto.organization_kana or "",
                ui.detailEmail: None,
                ui.detailRole: None,
                ui.detailStatus: None,
                ui.detailMembers: format_number(dto.members),
                ui.detailChannels: self._access_in_words(dto.channels),
            }
        elif isinstance(dto, MemberNode):
            values = {
                ui.detailName: dto.name,
                ui.detailId: dto.account,
                ui.detailKana: dto.name_kana or "",
                ui.detailEmail: dto.email if dto.type == "person" else None,
                ui.detailRole: _label(dto.role) if dto.role else _label("organization"),
                ui.detailStatus: _label(dto.status) if dto.status else None,
                ui.detailMembers: None,
                ui.detailChannels: None,
            }
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            assert isinstance(field, QLabel)
            value = values.get(field)
            form.setRowVisible(row, value is not None)
            field.setText(value or "")

    def _import_requests(self) -> None:
        self.ui.navigation.setCurrentRow(AREAS.index("requests"))
        self.requests_pane.choose_import_file()

    def _choose_export(self) -> None:
        code = self.workspace.code
        scope: str | None = None
        if code is not None:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                _("Export hierarchies"),
                _("Export only {code} “{name}”, or every customer hierarchy?").format(
                    code=code, name=self.workspace.name
                ),
                QMessageBox.StandardButton.Cancel,
                self,
            )
            one = box.addButton(
                _("Only {code}").format(code=code), QMessageBox.ButtonRole.AcceptRole
            )
            every = box.addButton(_("All hierarchies"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            if box.clickedButton() not in (one, every):
                return
            scope = code if box.clickedButton() is one else None
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export hierarchies"),
            "hierarchies.xlsx",
            _("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".xlsx"
            self.export_hierarchies(Path(path), scope)

    def export_hierarchies(self, path: Path, code: str | None) -> TaskHandle:
        """Write the export off the GUI thread, with progress and Cancel."""
        ctx = self.ctx
        dialog = QProgressDialog(_("Exporting…"), _("Cancel"), 0, 0, self)
        dialog.setWindowTitle(_("Export hierarchies"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def finished(written: int) -> None:
            dialog.reset()
            dialog.deleteLater()
            self.last_export_message = (
                _("Export cancelled; no file was written.")
                if written == 0
                else ngettext(
                    "Wrote {count} customer to {path}.",
                    "Wrote {count} customers to {path}.",
                    written,
                ).format(count=written, path=str(path))
            )
            self.ui.statusbar.showMessage(self.last_export_message, 10000)

        def failed(error: BaseException) -> None:
            dialog.reset()
            dialog.deleteLater()
            if isinstance(error, HierdeskError):
                show_error(self, error)

        handle = self.runner.submit(
            lambda progress: export.export_hierarchies(ctx, path, code=code, progress=progress),
            finished,
            failed,
            progressed,
        )
        dialog.canceled.connect(handle.cancel)
        return handle

    # --- backup and restore --------------------------------------------------------------

    def _choose_backup(self) -> None:
        current = Path(self.ctx.database.display)
        suggested = current.with_name(
            f"{current.stem}-{datetime.now().strftime('%Y%m%d-%H%M')}{current.suffix or '.sqlite3'}"
        )
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Back up database"),
            str(suggested),
            _("hierdesk databases (*.sqlite3 *.bak);;All files (*)"),
        )
        if path:
            self.backup_database(Path(path))

    def backup_database(self, path: Path) -> TaskHandle:
        """Write the backup off the GUI thread (other desks keep working meanwhile)."""
        ctx = self.ctx
        self.ui.statusbar.showMessage(_("Backing up the database…"))

        def finished(target: Path) -> None:
            self.last_backup_message = _("Backed up the database to {file}.").format(
                file=str(target)
            )
            self.ui.statusbar.showMessage(self.last_backup_message, 10000)
            self.audit_pane.refresh()

        def failed(error: BaseException) -> None:
            self.ui.statusbar.clearMessage()
            if isinstance(error, HierdeskError):
                show_error(self, error)
            else:
                raise error

        return self.runner.submit(lambda _progress: backup.backup(ctx, path), finished, failed)

    def _choose_restore(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Restore from backup"),
            str(Path(self.ctx.database.display).parent),
            _("hierdesk databases (*.sqlite3 *.bak);;All files (*)"),
        )
        if path:
            self.restore_database(Path(path))

    def restore_database(self, path: Path) -> TaskHandle | None:
        """Ask, then replace the database by the backup off the GUI thread and show the
        restored content. The backup is checked first; a refused one changes nothing."""
        answer = QMessageBox.question(
            self,
            _("Restore from backup"),
            _(
                "Replace the database {db} by the backup {file}?\n\nEverything saved since "
                "that backup is replaced, also for the other desks working on this database. "
                "The current database is copied beside it first."
            ).format(db=self.ctx.database.display, file=str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        ctx = self.ctx
        self.ui.statusbar.showMessage(_("Restoring the database…"))

        def finished(saved: Path) -> None:
            self.refresh()
            self.last_backup_message = _(
                "Restored the database from {file}. It was saved as {saved} before."
            ).format(file=str(path), saved=str(saved))
            self.ui.statusbar.showMessage(self.last_backup_message, 15000)

        def failed(error: BaseException) -> None:
            self.ui.statusbar.clearMessage()
            if isinstance(error, HierdeskError):
                show_error(self, error)
            else:
                raise error

        return self.runner.submit(lambda _progress: backup.restore(ctx, path), finished, failed)

    def _data_changed(self) -> None:
        """Requests were imported or decided: hierarchies and the audit log changed too."""
        self.tree_model.reload()
        self.audit_pane.refresh()

    def refresh(self) -> None:
        self.operator = self.ctx.operator()
        self.apply_features()
        self.settings_pane.refresh()
        self.requests_pane.reload()
        self.tree_model.reload()
        self.jobs_pane.refresh()
        self.workspace.show_hierarchy(None)
        self.audit_pane.refresh()
        self._retranslate()

    def current_area(self) -> str:
        return AREAS[self.ui.areas.currentIndex()]

    def _on_locale_changed(self, _language: str) -> None:
        self.requests_pane.retranslate()
        self.workspace.retranslate()
        self._show_hierarchy_count()
        self.tree_model.retranslate()
        self.jobs_pane.retranslate()
        self.audit_pane.retranslate()
        self._retranslate()
        self._show_detail()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Texts set in code (the .ui texts are re-set by retranslateUi)."""
        self._fill_hierarchy_choices()
        ui = self.ui
        language = self.switcher.language
        self.setWindowTitle(
            _("hierdesk — {db}").format(db=Path(self.ctx.database.display).name or "hierdesk")
        )
        ui.actionJapanese.setChecked(language == "ja")
        ui.actionEnglish.setChecked(language == "en")
        ui.actionJapanese.setText(LANGUAGE_NAMES["ja"])
        ui.actionEnglish.setText(LANGUAGE_NAMES["en"])
        role = _label(self.operator.role) if self.operator.role else _("not registered")
        self.db_label.setText(_("Database: {db}").format(db=self.ctx.database.display))
        self.operator_label.setText(
            _("Operator: {login} ({role})").format(login=self.operator.login, role=role)
        )
        self._backup_actions()

    def _backup_actions(self) -> None:
        """Back up and restore: SQLite only, administrators only; the tool tip says why not."""
        why = None
        if self.ctx.database.backend != "sqlite":
            why = _(
                "A PostgreSQL database is backed up by its database administrator with "
                "pg_dump (and restored with pg_restore)."
            )
        elif not allowed(self.operator, "administrator"):
            why = _("Only an administrator can back up or restore the database.")
        for action, tip in (
            (
                self.ui.actionBackupDatabase,
                _("Save a consistent copy of the database while it is in use"),
            ),
            (
                self.ui.actionRestoreDatabase,
                _("Replace the database by a backup; the current database is copied first"),
            ),
        ):
            action.setEnabled(why is None)
            action.setToolTip(why or tip)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("About hierdesk"),
            _(
                "hierdesk {version}\n\nBack office for B2B customer hierarchies: partner "
                "onboarding, members and roles, terms and channel access."
            ).format(version=__version__),
        )

    # --- persistence ---------------------------------------------------------------------

    def _save_settings(self) -> None:
        self.settings.save(self.settings_path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.requests_pane.shutdown()
        self.jobs_pane.shutdown()
        self.runner.shutdown()
        self.audit_pane.shutdown()
        # a closed window no longer follows language switches (its database may be gone)
        if self._following_language:
            self.switcher.locale_changed.disconnect(self._on_locale_changed)
            self._following_language = False
        self.settings.window_geometry = base64.b64encode(self.saveGeometry().data()).decode()
        self.settings.window_state = base64.b64encode(self.saveState().data()).decode()
        self.settings.last_area = self.current_area()
        self._save_settings()
        super().closeEvent(event)

    def select_hierarchy_row(self, row: int) -> QModelIndex:
        """Select a top-level row of the tree (keyboard users and tests)."""
        index = self.tree_model.index(row, 0)
        self.ui.hierarchyTree.setCurrentIndex(index)
        return index


__all__ = ["AREAS", "HierarchySummary", "MainWindow"]
