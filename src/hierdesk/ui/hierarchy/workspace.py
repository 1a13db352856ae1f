"""The workspace of one customer hierarchy: members, properties, channels, history.

Changes go through the services (one transaction each, audited, refused with who and when
when another desk changed the record first). Overrides are previewed, done, and kept on the
window's undo stack (Edit ▸ Undo / Redo, Ctrl+Z / Ctrl+Y).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QInputDialog,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from hierdesk.domain.dto import (
    AuditRow,
    CompareRow,
    MemberInfo,
    OperatorInfo,
    OverrideResult,
    PropertyChange,
    PropertyComparison,
)
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.lookups import PROPERTY_LABELS
from hierdesk.domain.model import LABELS
from hierdesk.i18n.core import N_, _, ngettext
from hierdesk.i18n.formatting import format_datetime
from hierdesk.services import access, audit, channels, lookups, members, properties
from hierdesk.services.context import Context
from hierdesk.ui.audit.pane import action_label, entity_label
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.models import Column, ListTableModel
from hierdesk.ui.common.permissions import allowed
from hierdesk.ui.forms.ui_add_member_dialog import Ui_AddMemberDialog
from hierdesk.ui.forms.ui_hierarchy_workspace import Ui_HierarchyWorkspace
from hierdesk.ui.hierarchy.compare_model import FIXED, CompareModel, PropertyDelegate
from hierdesk.ui.tasks import TaskRunner

HISTORY_LIMIT = 500
#: Changes listed in the override preview (the rest are counted).
PREVIEW_LINES = 200
#: Columns are fitted to their contents only for tables up to this many rows.
FIT_ROWS = 300


def _label(code: str | None) -> str:
    return _(LABELS[code]) if code in LABELS else (code or "")


class OverrideCommand(QUndoCommand):
    """An override already done; undo puts the previous values back, redo again the new.
    When another desk changed one of the customers meanwhile, undo (or redo) is refused,
    nothing is written, and the command leaves the stack."""

    def __init__(self, workspace: HierarchyWorkspace, code: str, result: OverrideResult) -> None:
        super().__init__()
        self.workspace = workspace
        self.code = code
        self.changes = result.changes
        self.versions = dict(result.versions)
        self._done = True  # the first redo (QUndoStack.push) has nothing left to do
        count = result.changed
        self.setText(
            ngettext(
                "override of {count} customer in {code}",
                "override of {count} customers in {code}",
                count,
            ).format(count=count, code=code)
        )

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.changes, "property.redo")

    def undo(self) -> None:
        reverse = tuple(
            PropertyChange(c.account, c.property, c.after, c.before) for c in self.changes
        )
        self._apply(reverse, "property.undo")

    def _apply(self, changes: tuple[PropertyChange, ...], action: str) -> None:
        try:
            result = properties.apply_changes(
                self.workspace.ctx, self.code, changes, self.versions, action=action
            )
        except HierdeskError as error:
            self.setObsolete(True)
            self.workspace.refused(error)
            return
        self.versions.update(result.versions)
        self.workspace.changed_elsewhere(self.code)


class AddMemberDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AddMemberDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        for role in ("user", "admin"):
            self.ui.roleCombo.addItem(_label(role), role)

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "last_name": ui.lastNameEdit.text(),
            "first_name": ui.firstNameEdit.text(),
            "last_name_kana": ui.lastNameKanaEdit.text() or None,
            "first_name_kana": ui.firstNameKanaEdit.text() or None,
            "email": ui.emailEdit.text(),
            "role": ui.roleCombo.currentData(),
            "language": ("ja", "en")[ui.languageCombo.currentIndex()],
        }


class HierarchyWorkspace(QWidget):
    #: something in a hierarchy changed (the tree and the audit log reload)
    changed = Signal(str)

    def __init__(
        self,
        ctx: Context,
        runner: TaskRunner,
        undo_stack: QUndoStack,
        operator: Callable[[], OperatorInfo],
        era: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.undo_stack = undo_stack
        self.operator = operator
        self.era = era
        self.code: str | None = None
        self.name = ""
        self.version: int | None = None
        self.restriction = False
        self.grants: tuple[str, ...] = ()
        self.last_preview: tuple[PropertyChange, ...] = ()
        self.preview_box: QMessageBox | None = None
        self._select_after_load: str | None = None
        self._loading = False
        self.ui = Ui_HierarchyWorkspace()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.member_model: ListTableModel[MemberInfo] = ListTableModel(
            [
                Column(N_("Name"), lambda m: m.name),
                Column(N_("Account"), lambda m: m.account),
                Column(N_("Role"), lambda m: _label(m.role)),
                Column(N_("Status"), lambda m: _label(m.status)),
                Column(N_("E-mail"), lambda m: m.email or ""),
                Column(N_("Reason"), lambda m: m.disabled_reason or ""),
            ],
            self,
        )
        self.ui.memberTable.setModel(self.member_model)
        self.compare_model = CompareModel(self._edit_cell, self)
        self.ui.compareTable.setModel(self.compare_model)
        self.ui.compareTable.setItemDelegate(PropertyDelegate(self.compare_model, self))
        self.ui.compareTable.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.ui.compareTable.setWordWrap(False)
        # The customer and role stay in sight in the row header while the properties
        # scroll sideways, so their own columns are hidden in this view.
        self.ui.compareTable.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.compare_model.modelReset.connect(self._hide_fixed_columns)
        self._hide_fixed_columns()
        self.ui.compareTable.verticalHeader().setDefaultSectionSize(
            self.ui.compareTable.fontMetrics().height() + 8
        )
        self.history_model: ListTableModel[AuditRow] = ListTableModel(
            [
                Column(N_("When"), lambda r: format_datetime(r.at, era=self.era())),
                Column(N_("Operator"), lambda r: r.operator),
                Column(N_("Action"), lambda r: action_label(r.action)),
                Column(N_("Record"), lambda r: f"{entity_label(r.entity_type)} {r.entity_id}"),
            ],
            self,
        )
        self.ui.historyTable.setModel(self.history_model)
        for view in (self.ui.memberTable, self.ui.historyTable):
            view.setWordWrap(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setDefaultSectionSize(140)
        self._connect()
        self.show_hierarchy(None)

    def _connect(self) -> None:
        ui = self.ui
        ui.renameButton.clicked.connect(self.rename)
        ui.addMemberButton.clicked.connect(self.add_member)
        ui.roleButton.clicked.connect(self.toggle_role)
        ui.disableButton.clicked.connect(self.toggle_disabled)
        ui.memberTable.selectionModel().currentChanged.connect(lambda *_a: self._member_buttons())
        ui.referenceCombo.activated.connect(lambda _i: self.load_compare())
        ui.differencesOnly.toggled.connect(self.compare_model.set_differences_only)
        ui.overrideButton.clicked.connect(self.override_selected)
        ui.channelList.itemChanged.connect(self._channel_toggled)
        ui.tabs.currentChanged.connect(lambda _i: self._load_current_tab())

    # --- which hierarchy -----------------------------------------------------------------

    def show_hierarchy(self, code: str | None) -> None:
        """Show ``code`` (None: nothing selected)."""
        if code != self.code:  # nothing of the previous hierarchy stays on screen
            self.member_model.set_rows([])
            self.compare_model.set_comparison(None)
            self.history_model.set_rows([])
        self.code = code
        self.setEnabled(code is not None)
        self._loaded: set[int] = set()
        if code is None:
            self.ui.headerLabel.setText(_("Select a customer hierarchy in the tree."))
            self.member_model.set_rows([])
            self.compare_model.set_comparison(None)
            self.history_model.set_rows([])
            self.ui.channelList.clear()
            self.ui.accessLabel.setText("")
            return
        try:
            self.name, self.version, _at, _by = members.hierarchy_version(self.ctx, code)
        except HierdeskError as error:
            show_error(self, error)
            return
        self._header()
        self._permissions()
        self._load_current_tab()

    def _header(self) -> None:
        self.ui.headerLabel.setText(f"{self.name} ({self.code})")

    def _permissions(self) -> None:
        may = allowed(self.operator(), "manager")
        for widget in (
            self.ui.renameButton,
            self.ui.addMemberButton,
            self.ui.roleButton,
            self.ui.disableButton,
            self.ui.overrideButton,
        ):
            widget.setEnabled(may)
        self.compare_model.editable = may
        self.ui.channelList.setEnabled(may)
        self.ui.membersHint.setText(
            ""
            if may
            else _("Only a manager or an administrator changes members, properties and channels.")
        )
        self._member_buttons()

    def _load_current_tab(self) -> None:
        if self.code is None:
            return
        index = self.ui.tabs.currentIndex()
        if index in self._loaded:
            return
        self._loaded.add(index)
        {0: self.load_members, 1: self.load_compare, 2: self.load_channels, 3: self.load_history}[
            index
        ]()

    def reload(self) -> None:
        code = self.code
        self.show_hierarchy(code)

    def changed_elsewhere(self, code: str) -> None:
        """After an undo/redo or a change: reload what shows ``code`` and tell the window."""
        if code == self.code:
            self._loaded = set()
            self._load_current_tab()
        self.changed.emit(code)

    def refused(self, error: HierdeskError) -> None:
        show_error(self, error)
        if self.code is not None:
            self.changed_elsewhere(self.code)

    # --- members -------------------------------------------------------------------------

    members_loaded = Signal()

    def load_members(self) -> None:
        """Off the GUI thread: a partner with thousands of members opens at once."""
        assert self.code is not None
        code, ctx = self.code, self.ctx
        selected = self.current_member()
        kept = selected.account if selected else None

        def done(rows: list[MemberInfo]) -> None:
            if code != self.code:
                return
            wanted = kept
            pending = self._select_after_load
            if pending is not None and any(r.account == pending for r in rows):
                wanted, self._select_after_load = pending, None  # else a later load has it
            self.member_model.set_rows(rows)
            if len(rows) <= FIT_ROWS:
                self.ui.memberTable.resizeColumnsToContents()
            if wanted is not None:
                self._select_member(wanted)
            self._member_buttons()
            self.members_loaded.emit()

        self.runner.submit(lambda _p: members.list_members(ctx, code), done, self._load_failed)

    def current_member(self) -> MemberInfo | None:
        index = self.ui.memberTable.currentIndex()
        if not index.isValid() or index.row() >= self.member_model.rowCount():
            return None
        return self.member_model.row_at(index.row())

    def _member_buttons(self) -> None:
        member = self.current_member()
        may = allowed(self.operator(), "manager") and self.code is not None
        self.ui.roleButton.setEnabled(may and member is not None)
        self.ui.disableButton.setEnabled(may and member is not None)
        self.ui.roleButton.setText(
            _("Make &user") if member is not None and member.role == "admin" else _("Make a&dmin")
        )
        self.ui.disableButton.setText(
            _("&Enable") if member is not None and member.status == "disabled" else _("&Disable…")
        )

    def add_member(self) -> None:
        if self.code is None:
            return
        dialog = AddMemberDialog(self)
        self.add_dialog = dialog
        code = self.code

        def accepted() -> None:
            try:
                added = members.add_member(self.ctx, code, **dialog.values())
            except HierdeskError as error:
                show_error(self, error)
                return
            self._select_after_load = added.account
            self.changed_elsewhere(code)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def select_member_later(self, account: str) -> None:
        """Select ``account`` in the Members tab now, or as soon as the members are read."""
        if self.member_model.rowCount():
            self._select_member(account)
        else:
            self._select_after_load = account

    def _select_member(self, account: str) -> None:
        for row in range(self.member_model.rowCount()):
            if self.member_model.row_at(row).account == account:
                self.ui.memberTable.selectRow(row)
                return

    def toggle_role(self) -> None:
        member = self.current_member()
        if member is None or self.code is None:
            return
        role = "user" if member.role == "admin" else "admin"
        self._member_change(
            lambda: members.set_role(
                self.ctx, self.code or "", member.account, role, version=member.version
            ),
            member.account,
        )

    def toggle_disabled(self) -> None:
        member = self.current_member()
        if member is None or self.code is None:
            return
        code = self.code
        if member.status == "disabled":
            self._member_change(
                lambda: members.enable_member(
                    self.ctx, code, member.account, version=member.version
                ),
                member.account,
            )
            return
        reason, ok = QInputDialog.getText(
            self,
            _("Disable a member"),
            _("Why is {name} disabled? (required)").format(name=member.name),
        )
        if ok:
            self._member_change(
                lambda: members.disable_member(
                    self.ctx, code, member.account, reason, version=member.version
                ),
                member.account,
            )

    def _member_change(self, call: Callable[[], MemberInfo], account: str) -> None:
        assert self.code is not None
        try:
            call()
        except HierdeskError as error:
            self.refused(error)
            return
        self._select_after_load = account
        self.changed_elsewhere(self.code)

    def rename(self) -> None:
        if self.code is None:
            return
        name, ok = QInputDialog.getText(
            self, _("Rename the customer hierarchy"), _("Name:"), text=self.name
        )
        if not ok:
            return
        try:
            result = members.rename_hierarchy(self.ctx, self.code, name, version=self.version)
        except HierdeskError as error:
            self.refused(error)
            return
        self.name, self.version = str(result["name"]), int(result["version"])
        self._header()
        self.changed.emit(self.code)

    # --- properties ----------------------------------------------------------------------

    def load_compare(self) -> None:
        """Compare off the GUI thread: a partner with thousands of members stays fast."""
        if self.code is None:
            return
        code = self.code
        reference = self.ui.referenceCombo.currentData() if self.ui.referenceCombo.count() else None
        ctx = self.ctx

        def work(_progress: Any) -> tuple[PropertyComparison, list[Any]]:
            return properties.compare(ctx, code, reference), lookups.list_lookups(ctx)

        def done(result: tuple[PropertyComparison, list[Any]]) -> None:
            if code != self.code:
                return
            comparison, values = result
            self.compare_model.set_lookups(values)
            self.compare_model.set_comparison(comparison)
            if len(comparison.rows) <= FIT_ROWS:  # Qt measures every row to fit columns
                self.ui.compareTable.resizeColumnsToContents()
            self._fill_reference(comparison)
            self._compare_hint()
            self._show_first_difference()
            self.compare_loaded.emit()

        self.ui.compareHint.setText(_("Loading…"))
        self.runner.submit(work, done, self._load_failed)

    compare_loaded = Signal()

    def _preview_failed(self, error: BaseException) -> None:
        if isinstance(error, HierdeskError):
            self.refused(error)

    def _load_failed(self, error: BaseException) -> None:
        if isinstance(error, HierdeskError):
            show_error(self, error)

    def _hide_fixed_columns(self) -> None:
        for column in range(len(FIXED)):
            self.ui.compareTable.setColumnHidden(column, True)

    def _show_first_difference(self) -> None:
        """Scroll the first differing cell into view (the grid is wider than the pane)."""
        model = self.compare_model
        for row in range(model.rowCount()):
            differs = model.row_at(row).differs
            if differs:
                self.ui.compareTable.scrollTo(model.index(row, model.column_of(differs[0])))
                return

    def _fill_reference(self, comparison: PropertyComparison) -> None:
        combo = self.ui.referenceCombo
        combo.blockSignals(True)
        combo.clear()
        for row in comparison.rows:
            label = (
                _("{name} (organization)").format(name=row.name)
                if row.type == "organization"
                else f"{row.name} ({row.account})"
            )
            combo.addItem(label, row.account)
        combo.setCurrentIndex(max(combo.findData(comparison.reference), 0))
        combo.blockSignals(False)

    def _compare_hint(self) -> None:
        comparison = self.compare_model.comparison
        if comparison is None:
            self.ui.compareHint.setText("")
            return
        cells = sum(len(r.differs) for r in comparison.rows)
        self.ui.compareHint.setText(
            ngettext(
                "{count} value differs from the reference (highlighted). Select cells and "
                "press Override to copy the reference's values to them.",
                "{count} values differ from the reference (highlighted). Select cells and "
                "press Override to copy the reference's values to them.",
                cells,
            ).format(count=cells)
        )

    def selection_plan(self) -> tuple[list[str] | None, list[str] | None]:
        """The properties and members chosen by the selected cells (None: all)."""
        indexes = self.ui.compareTable.selectionModel().selectedIndexes()
        props = {self.compare_model.property_at(i.column()) for i in indexes}
        accounts = {self.compare_model.row_at(i.row()).account for i in indexes}
        chosen_props = [p for p in props if p]
        if not indexes:
            return None, None
        return (chosen_props or None), sorted(accounts)

    def override_selected(self) -> None:
        """Preview (off the GUI thread), then ask, then override."""
        if self.code is None or self.compare_model.comparison is None:
            return
        comparison = self.compare_model.comparison
        chosen, accounts = self.selection_plan()
        code, ctx = self.code, self.ctx
        self.preview_box = None

        def work(_progress: Any) -> tuple[PropertyChange, ...]:
            return properties.preview_override(
                ctx, code, reference=comparison.reference, properties=chosen, members=accounts
            )

        def done(preview: tuple[PropertyChange, ...]) -> None:
            if code == self.code:
                self._confirm_override(code, comparison, chosen, accounts, preview)

        self.runner.submit(
            work,
            done,
            self._preview_failed,
        )

    def _confirm_override(
        self,
        code: str,
        comparison: PropertyComparison,
        chosen: list[str] | None,
        accounts: list[str] | None,
        preview: tuple[PropertyChange, ...],
    ) -> None:
        self.last_preview = preview
        if not preview:
            QMessageBox.information(
                self, _("Override"), _("Nothing to change: the chosen values are the reference's.")
            )
            return
        shown = preview[:PREVIEW_LINES]
        lines = [
            _("{account}: {property} {before} → {after}").format(
                account=c.account,
                property=_(PROPERTY_LABELS[c.property]),
                before=self.compare_model.value_text(c.property, c.before) or _("(none)"),
                after=self.compare_model.value_text(c.property, c.after) or _("(none)"),
            )
            for c in shown
        ]
        if len(preview) > len(shown):
            lines.append(_("… and {count} more").format(count=len(preview) - len(shown)))
        customers = len({c.account for c in preview})
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Override"),
            ngettext(
                "Copy the reference's values to {count} customer ({changes} values)? "
                "Edit ▸ Undo puts the previous values back.",
                "Copy the reference's values to {count} customers ({changes} values)? "
                "Edit ▸ Undo puts the previous values back.",
                customers,
            ).format(count=customers, changes=len(preview)),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDetailedText("\n".join(lines))
        self.preview_box = box
        versions = {r.account: r.version for r in comparison.rows}

        def answered(button: int) -> None:
            if button != QMessageBox.StandardButton.Ok:
                return
            self.do_override(code, comparison.reference, chosen, accounts, versions)

        box.finished.connect(answered)
        box.open()

    def do_override(
        self,
        code: str,
        reference: str,
        chosen: list[str] | None,
        accounts: list[str] | None,
        versions: dict[str, int],
    ) -> OverrideResult | None:
        try:
            result = properties.override(
                self.ctx,
                code,
                reference=reference,
                properties=chosen,
                members=accounts,
                versions=versions,
            )
        except HierdeskError as error:
            self.refused(error)
            return None
        if result.changes:
            self.undo_stack.push(OverrideCommand(self, code, result))
        self.changed_elsewhere(code)
        return result

    def _edit_cell(self, row: CompareRow, prop: str, value: object) -> bool:
        """In-place edit of one cell, refused (and the grid reloaded) when another desk
        changed the customer since the grid was loaded."""
        try:
            properties.set_property(self.ctx, row.account, prop, value, version=row.version)
        except HierdeskError as error:
            self.refused(error)
            return False
        if self.code is not None:
            self.changed_elsewhere(self.code)
        return True

    # --- channels ------------------------------------------------------------------------

    def load_channels(self) -> None:
        assert self.code is not None
        try:
            sites = [c for c in channels.list_channels(self.ctx) if c.active]
            self.grants = access.list_grants(self.ctx, self.code)
            self.restriction = access.restriction_on(self.ctx)
        except HierdeskError as error:
            show_error(self, error)
            return
        self._loading = True
        self.ui.channelList.clear()
        for site in sites:
            item = QListWidgetItem(f"{site.code} — {site.name}")
            item.setData(Qt.ItemDataRole.UserRole, site.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            granted = site.code in self.grants
            item.setCheckState(Qt.CheckState.Checked if granted else Qt.CheckState.Unchecked)
            self.ui.channelList.addItem(item)
        self._loading = False
        self._access_words()

    def _access_words(self) -> None:
        self.ui.accessLabel.setText(access_in_words(self.restriction, self.grants))

    def _channel_toggled(self, item: QListWidgetItem) -> None:
        if self._loading or self.code is None:
            return
        site = str(item.data(Qt.ItemDataRole.UserRole))
        on = item.checkState() == Qt.CheckState.Checked
        try:
            self.grants = (access.grant if on else access.revoke)(self.ctx, self.code, site)
        except HierdeskError as error:
            self.refused(error)
            return
        self._access_words()
        self._loaded.discard(3)
        self.changed.emit(self.code)

    # --- history -------------------------------------------------------------------------

    def load_history(self) -> None:
        assert self.code is not None
        code = self.code
        ctx = self.ctx

        def done(rows: list[AuditRow]) -> None:
            if code == self.code:
                self.history_model.set_rows(rows)

        self.runner.submit(
            lambda _p: audit.list_entries(ctx, entity=code, limit=HISTORY_LIMIT),
            done,
            self._load_failed,
        )

    # --- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for model in (self.member_model, self.history_model, self.compare_model):
            model.retranslate()
        self._member_buttons()
        self._permissions()
        if self.code is None:
            self.ui.headerLabel.setText(_("Select a customer hierarchy in the tree."))
        else:
            self._compare_hint()
            self._access_words()
            if self.compare_model.comparison is not None:
                self._fill_reference(self.compare_model.comparison)


def access_in_words(restriction: bool, grants: tuple[str, ...]) -> str:
    """The effective B2B site access of a hierarchy (DOMAIN.md rule 9)."""
    if not restriction:
        return _("Restriction is off — all B2B sites")
    if not grants:
        return _("No channels granted — all B2B sites")
    return _("Only: {sites}").format(sites=", ".join(grants))


__all__ = ["HierarchyWorkspace", "OverrideCommand", "QModelIndex", "access_in_words"]
