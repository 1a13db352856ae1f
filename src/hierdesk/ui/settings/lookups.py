"""Settings ▸ Lookups: the coded values of customer properties (price groups, discount
groups, terms of payment, modes of delivery, customer groups, sales tax groups, currencies)
with their Japanese and English names, and the defaults given to new partners."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QItemSelection, QModelIndex
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QWidget

from hierdesk.domain.dto import LookupInfo
from hierdesk.domain.errors import ConflictError, HierdeskError, ValidationError
from hierdesk.domain.lookups import PROPERTY_LABELS
from hierdesk.i18n.core import N_, _
from hierdesk.i18n.formatting import format_yen, parse_yen
from hierdesk.services import lookups
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.permissions import restrict
from hierdesk.ui.forms.ui_settings_lookups import Ui_LookupsSection
from hierdesk.ui.settings.lookup_model import (
    COL_ACTIVE,
    COL_CODE,
    COL_DEFAULT,
    COL_NAME_EN,
    COL_NAME_JA,
    LookupTableModel,
    local_name,
)
from hierdesk.ui.settings.section import Section, SectionEnv

#: The lookups in the order of the property selector.
KINDS: Final = lookups.KINDS

# Results shown under the form; translated when shown, so they follow a language switch.
ADDED: Final = N_("{name} ({code}) added.")
SAVED: Final = N_("{name} ({code}) saved.")
UNCHANGED: Final = N_("{name} ({code}): nothing to change.")
NOW_DEFAULT: Final = N_("New partners will now get {name} ({code}).")
CREDIT_SAVED: Final = N_("Saved: new partners get a credit limit of {amount}.")
CREDIT_INVALID: Final = N_("Enter a whole yen amount of 0 or more, e.g. ¥1,000,000.")


def field_problem(error: ValidationError) -> str:
    """The message of a refused field for showing next to it: without the leading
    ``field:`` that names it for the command line."""
    text = error.localized()
    prefix = f"{error.field}: "
    if error.field and text.startswith(prefix):
        text = text[len(prefix) :]
        text = text[:1].upper() + text[1:]
    return text


class LookupsSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_LookupsSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        self.model = LookupTableModel(self)
        table = ui.lookupTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_CODE, 110)
        for column in (COL_NAME_JA, COL_NAME_EN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (COL_DEFAULT, COL_ACTIVE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for kind in KINDS:
            ui.kindCombo.addItem(_(PROPERTY_LABELS[kind]), kind)
        ui.kindCombo.currentIndexChanged.connect(self._on_kind_changed)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        ui.newButton.clicked.connect(lambda: self.start_new())
        ui.saveButton.clicked.connect(self.save_value)
        ui.defaultButton.clicked.connect(self.make_default)
        ui.creditSaveButton.clicked.connect(self.save_credit_limit)
        ui.creditEdit.returnPressed.connect(self.save_credit_limit)
        for edit in (ui.codeEdit, ui.nameJaEdit, ui.nameEnEdit):
            edit.returnPressed.connect(self.save_value)
            edit.textEdited.connect(self._clear_messages)
        ui.creditEdit.textEdited.connect(self._on_credit_edited)
        ui.permissionBanner.hide()
        self._defaults: dict[str, str | int | None] = {}
        self._editing: LookupInfo | None = None  # the value in the form; None: a new one
        self._may_change = False
        self._loaded = False
        self._result: tuple[str, LookupInfo] | None = None  # msgid, the value it is about
        self._credit_message: tuple[str, bool] | None = None  # msgid, is it a problem
        self.start_new()

    # --- loading -------------------------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.ui.kindCombo.currentData() or KINDS[0])

    def show_kind(self, kind: str) -> None:
        """Select a lookup in the property selector (keyboard users and tests)."""
        self.ui.kindCombo.setCurrentIndex(max(0, self.ui.kindCombo.findData(kind)))

    def refresh(self) -> None:
        ctx = self.env.ctx
        try:
            rows = lookups.list_lookups(ctx, self.current_kind())
            self._defaults = lookups.partner_defaults(ctx)
        except HierdeskError as error:
            show_error(self, error)
            return
        keep = self._editing.code if self._editing else None
        self.model.set_rows(rows)
        self._loaded = True
        self._apply_permissions()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_code(keep)
        else:
            self.start_new(keep_messages=True)
        self._show_defaults()

    def _on_kind_changed(self, _index: int) -> None:
        self._editing = None
        self._result = None
        self.refresh()

    def _apply_permissions(self) -> None:
        ui = self.ui
        self._may_change = restrict(
            self.env.operator(),
            "administrator",
            [ui.editGroup, ui.creditEdit, ui.creditSaveButton],
            ui.permissionBanner,
        )

    # --- the form ------------------------------------------------------------------------

    def select_code(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.ui.lookupTable.selectRow(row)
            self.ui.lookupTable.scrollTo(self.model.index(row, 0))

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.ui.lookupTable.selectionModel().selectedRows()
        if rows:
            self._edit(self.model.row_at(rows[0].row()))

    def _edit(self, value: LookupInfo) -> None:
        ui = self.ui
        if self._editing != value:
            self._clear_messages()
        self._editing = value
        ui.codeEdit.setText(value.code)
        ui.codeEdit.setReadOnly(True)
        ui.nameJaEdit.setText(value.name_ja)
        ui.nameEnEdit.setText(value.name_en)
        ui.activeCheck.setChecked(value.active)
        ui.activeCheck.setEnabled(True)
        self._update_form()

    def start_new(self, *, keep_messages: bool = False) -> None:
        """Empty the form for a new value of the current lookup."""
        ui = self.ui
        self._editing = None
        ui.lookupTable.clearSelection()
        ui.lookupTable.setCurrentIndex(QModelIndex())
        for edit in (ui.codeEdit, ui.nameJaEdit, ui.nameEnEdit):
            edit.clear()
        ui.codeEdit.setReadOnly(False)
        ui.activeCheck.setChecked(True)
        ui.activeCheck.setEnabled(False)  # a new value is always active
        if not keep_messages:
            self._clear_messages()
        self._update_form()
        if self.isVisible() and self._may_change:
            ui.codeEdit.setFocus()

    def _update_form(self) -> None:
        ui = self.ui
        value = self._editing
        if value is None:
            ui.editGroup.setTitle(_("New value"))
            ui.saveButton.setText(_("&Add value"))
            ui.saveButton.setAccessibleName(_("Add value"))
            ui.defaultButton.setEnabled(False)
            ui.defaultButton.setToolTip("")
        else:
            ui.editGroup.setTitle(_("Value {code}").format(code=value.code))
            ui.saveButton.setText(_("&Save changes"))
            ui.saveButton.setAccessibleName(_("Save changes"))
            ui.defaultButton.setEnabled(value.active and not value.is_default)
            ui.defaultButton.setToolTip(
                _("{name} is the default already.").format(name=local_name(value))
                if value.is_default
                else _("Make it active first.")
                if not value.active
                else _("New partners will get {name} ({code}).").format(
                    name=local_name(value), code=value.code
                )
            )
        if self._result is None:
            ui.resultLabel.clear()
        else:
            msgid, about = self._result
            ui.resultLabel.setText(_(msgid).format(name=local_name(about), code=about.code))

    def _clear_messages(self, _text: str = "") -> None:
        for label in (self.ui.codeProblem, self.ui.nameJaProblem, self.ui.nameEnProblem):
            label.clear()
            label.hide()
        self._result = None
        self.ui.resultLabel.clear()

    def _show_problem(self, error: ValidationError) -> bool:
        """Show a refused field next to it; False when the error names no field of the form."""
        ui = self.ui
        places: dict[str, tuple[QLabel, QLineEdit]] = {
            "code": (ui.codeProblem, ui.codeEdit),
            "name_ja": (ui.nameJaProblem, ui.nameJaEdit),
            "name_en": (ui.nameEnProblem, ui.nameEnEdit),
        }
        place = places.get(error.field or "")
        if place is None:
            return False
        label, edit = place
        label.setText(field_problem(error))
        label.show()
        edit.setFocus()
        edit.selectAll()
        return True

    def _show_defaults(self) -> None:
        kind = self.current_kind()
        code = self._defaults.get(kind)
        row = self.model.row_of(str(code)) if code is not None else -1
        if row >= 0:
            value = self.model.row_at(row)
            self.ui.defaultSummary.setText(
                _("New partners get {name} ({code}).").format(
                    name=local_name(value), code=value.code
                )
            )
        else:
            self.ui.defaultSummary.setText(_("No default for new partners."))
        if not self.ui.creditEdit.isModified():  # keep what the user is typing
            credit = self._defaults.get("credit_limit")
            self.ui.creditEdit.setText(format_yen(credit if isinstance(credit, int) else None))
            self.ui.creditEdit.setModified(False)
        self._show_credit_message()

    # --- writing -------------------------------------------------------------------------

    def save_value(self) -> None:
        if not self._may_change:
            return
        ui = self.ui
        ctx, kind = self.env.ctx, self.current_kind()
        name_ja, name_en = ui.nameJaEdit.text(), ui.nameEnEdit.text()
        self._clear_messages()
        editing = self._editing
        try:
            if editing is None:
                saved = lookups.create_lookup(ctx, kind, ui.codeEdit.text(), name_ja, name_en)
                result = (ADDED, saved)
            else:
                saved = lookups.update_lookup(
                    ctx,
                    kind,
                    editing.code,
                    name_ja=name_ja,
                    name_en=name_en,
                    active=ui.activeCheck.isChecked(),
                    expected=editing,
                )
                result = (SAVED if saved != editing else UNCHANGED, saved)
        except ValidationError as error:
            if not self._show_problem(error):
                show_error(self, error)
            return
        except HierdeskError as error:
            show_error(self, error)
            self.refresh()
            return
        self._editing = saved
        self.refresh()
        self._result = result
        self._update_form()

    def make_default(self) -> None:
        value = self._editing
        if value is None or not self._may_change:
            return
        try:
            lookups.set_partner_default(self.env.ctx, value.kind, value.code, seen=self._defaults)
        except HierdeskError as error:
            show_error(self, error)
            self.refresh()
            return
        self.refresh()
        self._result = (NOW_DEFAULT, value)
        self._update_form()

    def save_credit_limit(self) -> None:
        if not self._may_change:
            return
        ui = self.ui
        try:
            amount: int | None = parse_yen(ui.creditEdit.text())
        except ValueError:
            amount = None
        if amount is None or amount < 0:
            self._credit_message = (CREDIT_INVALID, True)
            self._show_credit_message()
            ui.creditEdit.setFocus()
            return
        try:
            self._defaults = lookups.set_partner_default(
                self.env.ctx, "credit_limit", amount, seen=self._defaults
            )
        except ValidationError as error:
            self._credit_message = None
            ui.creditResult.setText(field_problem(error))
            ui.creditResult.setStyleSheet("color: #b00020;")
            return
        except ConflictError as error:  # changed on another desk: show the amount saved now
            show_error(self, error)
            ui.creditEdit.setModified(False)
            self.refresh()
            return
        except HierdeskError as error:
            show_error(self, error)
            return
        ui.creditEdit.setModified(False)
        self._credit_message = (CREDIT_SAVED, False)
        self._show_defaults()

    def _on_credit_edited(self, _text: str) -> None:
        self._credit_message = None
        self._show_credit_message()

    def _show_credit_message(self) -> None:
        label = self.ui.creditResult
        if self._credit_message is None:
            label.clear()
            return
        msgid, problem = self._credit_message
        credit = self._defaults.get("credit_limit")
        label.setText(_(msgid).format(amount=format_yen(credit if isinstance(credit, int) else 0)))
        label.setStyleSheet("color: #b00020;" if problem else "")

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        ui = self.ui
        for i in range(ui.kindCombo.count()):
            kind = str(ui.kindCombo.itemData(i))
            ui.kindCombo.setItemText(i, _(PROPERTY_LABELS[kind]))
        self.model.retranslate()
        if self._loaded:
            self._apply_permissions()
            self._show_defaults()
        self._update_form()
