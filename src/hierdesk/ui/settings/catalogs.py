"""Settings ▸ Catalogs: the B2B catalogs (code, name, the sites that offer them, active or
not, how many hierarchies have them), adding one and changing the selected one
(administrators; DOMAIN.md rule 15).

Changes are saved with the version they were read at, so a change made on another desk
meanwhile is refused with its message and the section reloads (rule 13).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from hierdesk.domain.dto import ChannelInfo
from hierdesk.domain.errors import ConflictError, HierdeskError, ValidationError
from hierdesk.domain.model import CODE_CHARACTER
from hierdesk.i18n.core import N_, _, ngettext
from hierdesk.services import catalogs, channels
from hierdesk.services.catalogs import CatalogInfo
from hierdesk.ui.common.feedback import attempt, show_error
from hierdesk.ui.common.permissions import restrict
from hierdesk.ui.forms.ui_settings_catalogs import Ui_CatalogsSection
from hierdesk.ui.settings import fields
from hierdesk.ui.settings.admin_models import CatalogTableModel, site_list
from hierdesk.ui.settings.section import Section, SectionEnv

#: What services.catalogs accepts (checked as the user types; the service checks again and
#: has the last word).
NAME_MAX: Final = catalogs.NAME_MAX
_CODE_CHAR: Final = re.compile(CODE_CHARACTER)

# Results shown under the forms; kept as msgids so a language switch changes them too.
ADDED: Final = N_("Catalog {code} added.")
SAVED: Final = N_("Catalog {code} saved.")
RELOADED: Final = N_(
    "Not saved: {code} was changed on another desk. The form now shows its saved values."
)


def code_problem(code: str, existing: set[str]) -> str | None:
    """What is wrong with the code of a new catalog, in the current language, or None."""
    return fields.code_problem(code, existing, N_("The catalog {code} exists already."))


def name_problem(name: str) -> str | None:
    return fields.name_problem(name, NAME_MAX)


def _say(label: QLabel, text: str) -> None:
    """Show a message under a field; an empty one takes no room."""
    label.setText(text)
    label.setVisible(bool(text))


def checked_sites(widget: QListWidget) -> tuple[str, ...]:
    """The codes of the sites checked in a list, sorted."""
    codes = []
    for i in range(widget.count()):
        item = widget.item(i)
        if item.checkState() == Qt.CheckState.Checked:
            codes.append(str(item.data(Qt.ItemDataRole.UserRole)))
    return tuple(sorted(codes))


def set_site_checked(widget: QListWidget, code: str, checked: bool = True) -> None:
    """Check or uncheck a site in a list (keyboard users and tests)."""
    for i in range(widget.count()):
        item = widget.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class CatalogsSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_CatalogsSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        self._sites: list[ChannelInfo] = []
        self.model = CatalogTableModel(self._site_name, self)
        table = ui.catalogTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CatalogTableModel.COL_CODE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CatalogTableModel.COL_CODE, 130)
        header.setSectionResizeMode(CatalogTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        table.selectionModel().currentRowChanged.connect(self._on_current_row)

        ui.codeEdit.textEdited.connect(self._on_code_edited)
        ui.nameEdit.textEdited.connect(self._on_name_edited)
        ui.codeEdit.returnPressed.connect(self.add_catalog)
        ui.nameEdit.returnPressed.connect(self.add_catalog)
        ui.sitesList.itemChanged.connect(self._on_add_sites_changed)
        ui.addButton.clicked.connect(self.add_catalog)

        ui.editNameEdit.textEdited.connect(self._on_edited)
        ui.editNameEdit.returnPressed.connect(self.save)
        ui.editSitesList.itemChanged.connect(self._on_edited)
        ui.activeCheck.toggled.connect(self._on_edited)
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.revert)

        ui.permissionBanner.hide()
        self._may_change = False
        self._loaded = False
        self._syncing = False  # the form or the selection is being set from code
        self._code_touched = False
        self._name_touched = False
        self._added: str | None = None  # code of the catalog added last, for the result line
        self._editing: CatalogInfo | None = None  # the catalog in the edit form
        self._edit_result: tuple[str, str] | None = None  # msgid, code
        self.validate()
        self.validate_edit()

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        self._reload()

    def _reload(self, *, reload_form: bool = False, select: str | None = None) -> bool:
        """Load the sites and the catalogs. The edit form keeps what the user is typing
        (on the version it was read at, so saving it is refused if it was changed meanwhile)
        unless ``reload_form``; ``select`` shows another catalog in it."""
        ctx = self.env.ctx
        try:
            sites = channels.list_channels(ctx)
            rows = catalogs.list_catalogs(ctx)
        except HierdeskError as error:
            show_error(self, error)
            return False
        editing = self._editing
        dirty = self._is_dirty()
        self._sites = sites
        self._syncing = True
        try:
            self.model.set_rows(rows)
        finally:
            self._syncing = False
        self._loaded = True
        self._apply_permissions()
        self._fill_sites(self.ui.sitesList, checked_sites(self.ui.sitesList))

        wanted = select or (editing.code if editing is not None else None)
        row = self.model.row_of(wanted) if wanted else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row < 0:
            self._load(None)
        else:
            fresh = self.model.row_at(row)
            if reload_form or not dirty or editing is None or fresh.code != editing.code:
                self._load(fresh)
            else:
                if fresh.version == editing.version:
                    self._editing = fresh  # the same catalog; counts may have changed
                self._fill_sites(self.ui.editSitesList, checked_sites(self.ui.editSitesList))
            self._select_row(row)
        self.validate()
        self.validate_edit()
        return True

    def _apply_permissions(self) -> None:
        ui = self.ui
        self._may_change = restrict(
            self.env.operator(),
            "administrator",
            [ui.addGroup, ui.editGroup],
            ui.permissionBanner,
        )

    def _site_name(self, code: str) -> str:
        return next((s.name for s in self._sites if s.code == code), code)

    def _site_text(self, site: ChannelInfo) -> str:
        text = f"{site.code} — {site.name}"
        return text if site.active else _("{site} (disabled)").format(site=text)

    def _fill_sites(self, widget: QListWidget, checked: Iterable[str]) -> None:
        """Every site, checkable; disabled sites are greyed but can still be checked."""
        checked = set(checked)
        disabled = QBrush(
            widget.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        )
        syncing, self._syncing = self._syncing, True
        widget.blockSignals(True)
        try:
            widget.clear()
            for site in self._sites:
                item = QListWidgetItem(self._site_text(site), widget)
                item.setData(Qt.ItemDataRole.UserRole, site.code)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                on = site.code in checked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                if not site.active:
                    item.setForeground(disabled)
                    item.setToolTip(
                        _("This site is disabled: its members see no catalog until it is enabled.")
                    )
        finally:
            widget.blockSignals(False)
            self._syncing = syncing

    def _retext_sites(self, widget: QListWidget) -> None:
        by_code = {s.code: s for s in self._sites}
        for i in range(widget.count()):
            item = widget.item(i)
            site = by_code.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if site is not None:
                item.setText(self._site_text(site))
                if not site.active:
                    item.setToolTip(
                        _("This site is disabled: its members see no catalog until it is enabled.")
                    )

    def _sites_note(self, codes: Sequence[str]) -> str:
        """Why a catalog offered on ``codes`` cannot be given to any hierarchy, or ""."""
        if not codes:
            return _("Offered on no site: no hierarchy can be given it.")
        active = {s.code for s in self._sites if s.active}
        if not active & set(codes):
            return _("Offered only on disabled sites: no hierarchy can be given it.")
        return ""

    # --- adding --------------------------------------------------------------------------

    def _on_code_edited(self, _text: str) -> None:
        self._code_touched = True
        self._added = None
        self.validate()

    def _on_name_edited(self, _text: str) -> None:
        self._name_touched = True
        self._added = None
        self.validate()

    def _on_add_sites_changed(self, _item: QListWidgetItem) -> None:
        if self._syncing:
            return
        self._added = None
        self.validate()

    def validate(self) -> bool:
        """Show what is wrong with the new catalog next to each field; Add is enabled only
        when all is well. A field the user has not typed in yet is not reported as missing."""
        ui = self.ui
        existing = {c.code for c in self.model.rows()}
        code = code_problem(ui.codeEdit.text(), existing)
        name = name_problem(ui.nameEdit.text())
        for label, problem, touched in (
            (ui.codeProblem, code, self._code_touched),
            (ui.nameProblem, name, self._name_touched),
        ):
            _say(label, problem if problem and touched else "")
        ok = code is None and name is None
        ui.addButton.setEnabled(ok and self._may_change)
        typed = bool(ui.codeEdit.text().strip() or ui.nameEdit.text().strip())
        _say(ui.sitesNote, self._sites_note(checked_sites(ui.sitesList)) if typed else "")
        _say(ui.resultLabel, _(ADDED).format(code=self._added) if self._added else "")
        return ok

    def add_catalog(self) -> None:
        if not self.validate() or not self._may_change:
            return
        ui = self.ui
        code, name = ui.codeEdit.text().strip(), ui.nameEdit.text().strip()
        sites = checked_sites(ui.sitesList)
        result = attempt(self, lambda: catalogs.create_catalog(self.env.ctx, code, name, sites))
        if result is None:
            self.refresh()
            return
        ui.codeEdit.clear()
        ui.nameEdit.clear()
        self._fill_sites(ui.sitesList, ())
        self._code_touched = self._name_touched = False
        self._added = result.code
        if self._is_dirty():  # keep the changes being made to another catalog
            self._reload()
        else:
            self._edit_result = None
            self._reload(reload_form=True, select=result.code)
        ui.codeEdit.setFocus()

    # --- changing the selected catalog ---------------------------------------------------

    def select_code(self, code: str) -> None:
        """Show the catalog ``code`` in the edit form (keyboard users and tests)."""
        row = self.model.row_of(code)
        if row >= 0:
            self.ui.catalogTable.setCurrentIndex(self.model.index(row, 0))
            self.ui.catalogTable.scrollTo(self.model.index(row, 0))

    def _select_row(self, row: int) -> None:
        self._syncing = True
        try:
            self.ui.catalogTable.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._syncing = False

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self._edit_result = None
        self._load(self.model.row_at(current.row()))

    def _load(self, catalog: CatalogInfo | None) -> None:
        ui = self.ui
        self._editing = catalog
        self._syncing = True
        try:
            ui.editNameEdit.setText(catalog.name if catalog is not None else "")
            ui.activeCheck.setChecked(catalog.active if catalog is not None else False)
        finally:
            self._syncing = False
        self._fill_sites(ui.editSitesList, catalog.channels if catalog is not None else ())
        self.validate_edit()

    def revert(self) -> None:
        """Show the saved values of the selected catalog again."""
        self._edit_result = None
        self._load(self._editing)

    def _on_edited(self, *_args: object) -> None:
        if self._syncing:
            return
        self._edit_result = None
        self.validate_edit()

    def _is_dirty(self) -> bool:
        """Whether the edit form differs from the catalog it shows."""
        editing = self._editing
        if editing is None:
            return False
        ui = self.ui
        return (
            ui.editNameEdit.text().strip() != editing.name
            or checked_sites(ui.editSitesList) != tuple(sorted(editing.channels))
            or ui.activeCheck.isChecked() != editing.active
        )

    def _consequences(self) -> str:
        """What saving the form does to the hierarchies that have the catalog, or ""."""
        editing = self._editing
        if editing is None or not editing.hierarchies:
            return ""
        ui = self.ui
        count = editing.hierarchies
        if editing.active and not ui.activeCheck.isChecked():
            return ngettext(
                "{count} hierarchy has this catalog: its members will no longer see it.",
                "{count} hierarchies have this catalog: their members will no longer see it.",
                count,
            ).format(count=count)
        removed = sorted(set(editing.channels) - set(checked_sites(ui.editSitesList)))
        if removed:
            return ngettext(
                "{count} hierarchy has this catalog: its members will no longer see it on {sites}.",
                "{count} hierarchies have this catalog: their members will no longer see it "
                "on {sites}.",
                count,
            ).format(count=count, sites=site_list(removed))
        return ""

    def validate_edit(self) -> bool:
        """Show what is wrong with the edit form, and which buttons work."""
        ui = self.ui
        editing = self._editing
        for widget in (ui.editNameEdit, ui.editSitesList, ui.activeCheck):
            widget.setEnabled(editing is not None)
        problem = name_problem(ui.editNameEdit.text()) if editing is not None else None
        _say(ui.editNameProblem, problem or "")
        dirty = self._is_dirty()
        ui.saveButton.setEnabled(self._may_change and dirty and problem is None)
        ui.revertButton.setEnabled(self._may_change and dirty)
        notes = []
        if editing is not None:
            notes = [
                n
                for n in (self._sites_note(checked_sites(ui.editSitesList)), self._consequences())
                if n
            ]
        _say(ui.editNote, " ".join(notes))
        self._show_edit_texts()
        return problem is None

    def _show_edit_texts(self) -> None:
        ui = self.ui
        editing = self._editing
        if editing is None:
            ui.editGroup.setTitle(_("Change a catalog"))
        else:
            ui.editGroup.setTitle(_("Catalog {code}").format(code=editing.code))
        if self._edit_result is not None:
            msgid, code = self._edit_result
            _say(ui.editResult, _(msgid).format(code=code))
        elif editing is None:
            _say(ui.editResult, _("Select a catalog in the table to change it."))
        else:
            _say(ui.editResult, "")

    def _confirm(self) -> bool:
        """Ask before members lose a catalog (deactivated, or taken off a site)."""
        consequences = self._consequences()
        editing = self._editing
        if not consequences or editing is None:
            return True
        question = (
            consequences
            + " "
            + _("A hierarchy left without a catalog is held back from distribution.")
            + "\n\n"
            + _("Save the changes to {code}?").format(code=editing.code)
        )
        answer = QMessageBox.question(
            self,
            _("Change catalog"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        """Save the edit form, based on the version the catalog was read at."""
        editing = self._editing
        if not self._may_change or editing is None:
            return
        if not self.validate_edit() or not self._is_dirty():
            return
        if not self._confirm():
            return
        ui = self.ui
        try:
            saved = catalogs.update_catalog(
                self.env.ctx,
                editing.code,
                name=ui.editNameEdit.text().strip(),
                channels=checked_sites(ui.editSitesList),
                active=ui.activeCheck.isChecked(),
                version=editing.version,
            )
        except ValidationError as error:
            show_error(self, error)  # the form keeps what was typed
            return
        except ConflictError as error:
            show_error(self, error)
            if self._reload(reload_form=True):
                self._edit_result = (RELOADED, editing.code)
                self._show_edit_texts()
            return
        except HierdeskError as error:
            show_error(self, error)
            self._reload(reload_form=True)
            return
        self._editing = saved
        self._reload(reload_form=True)
        self._edit_result = (SAVED, saved.code)
        self._show_edit_texts()

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.model.retranslate()
        if self._loaded:
            self._apply_permissions()
        self._retext_sites(self.ui.sitesList)
        self._retext_sites(self.ui.editSitesList)
        self.validate()
        self.validate_edit()
