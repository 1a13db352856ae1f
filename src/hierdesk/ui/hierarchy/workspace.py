"""The workspace of one customer hierarchy: members, properties, channels, history.

Changes go through the services (one transaction each, audited, refused with who and when
when another desk changed the record first). Overrides are previewed, done, and kept on the
window's undo stack (Edit ▸ Undo / Redo, Ctrl+Z / Ctrl+Y).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
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
from hierdesk.domain.model import FEATURES_BY_KEY, LABELS
from hierdesk.domain.orders import STATUS_LABELS as ORDER_STATUS_LABELS
from hierdesk.domain.orders import STATUSES as ORDER_STATUSES
from hierdesk.domain.orders import Total as OrderTotal
from hierdesk.i18n.core import N_, _, ngettext
from hierdesk.i18n.formatting import format_datetime, format_number, format_yen
from hierdesk.services import (
    access,
    audit,
    catalogs,
    channels,
    export,
    hierarchies,
    lookups,
    members,
    orders,
    properties,
)
from hierdesk.services.catalogs import AssignedCatalog
from hierdesk.services.context import Context
from hierdesk.ui.audit.pane import action_label, entity_label
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.models import Column, ListTableModel, PagedTableModel
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
        self.catalog_model: ListTableModel[AssignedCatalog] = ListTableModel(
            [
                Column(N_("Catalog"), lambda c: c.code),
                Column(N_("Name"), lambda c: c.name),
                Column(N_("Offered on"), lambda c: ", ".join(c.channels)),
                Column(
                    N_("Members see it on"),
                    lambda c: ", ".join(c.visible_on) or _("no site they may use"),
                ),
            ],
            self,
        )
        self.ui.catalogTable.setModel(self.catalog_model)
        self.catalog_view: catalogs.CatalogView | None = None
        self.order_model: PagedTableModel[orders.OrderRow] = PagedTableModel(
            [
                Column(N_("Ordered"), lambda o: format_datetime(o.ordered_at, era=self.era())),
                Column(N_("Order"), lambda o: o.order),
                Column(N_("Site"), lambda o: o.channel),
                Column(N_("Customer"), lambda o: f"{o.customer_name} ({o.customer})"),
                Column(N_("Invoice account"), lambda o: o.invoice_account or ""),
                Column(N_("Status"), lambda o: _(ORDER_STATUS_LABELS[o.status])),
                Column(N_("Total"), lambda o: format_yen(o.total), True),
            ],
            lambda _offset, _limit: [],
            self,
        )
        self.ui.orderTable.setModel(self.order_model)
        self.member_totals_model: ListTableModel[OrderTotal] = ListTableModel(
            [
                Column(N_("Member"), lambda t: self._customer_label(t.key)),
                Column(N_("Orders"), lambda t: format_number(t.orders), True),
                Column(N_("Total"), lambda t: format_yen(t.total), True),
            ],
            self,
        )
        self.invoice_totals_model: ListTableModel[OrderTotal] = ListTableModel(
            [
                Column(N_("Invoice account"), lambda t: self._customer_label(t.key)),
                Column(N_("Orders"), lambda t: format_number(t.orders), True),
                Column(N_("Total"), lambda t: format_yen(t.total), True),
            ],
            self,
        )
        self.ui.memberTotalsTable.setModel(self.member_totals_model)
        self.ui.invoiceTotalsTable.setModel(self.invoice_totals_model)
        self._names: dict[str, str] = {}
        self.order_totals: orders.OrderTotals | None = None
        self._fill_order_filters()
        for view in (
            self.ui.memberTable,
            self.ui.historyTable,
            self.ui.catalogTable,
            self.ui.orderTable,
            self.ui.memberTotalsTable,
            self.ui.invoiceTotalsTable,
        ):
            view.setWordWrap(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setDefaultSectionSize(140)
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
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
        ui.assignCatalogButton.clicked.connect(self.assign_catalog)
        ui.unassignCatalogButton.clicked.connect(self.unassign_catalog)
        ui.catalogTable.selectionModel().currentChanged.connect(lambda *_a: self._catalog_buttons())
        for combo in (
            ui.orderMemberFilter,
            ui.orderStatusFilter,
            ui.orderSiteFilter,
            ui.orderPeriodFilter,
        ):
            combo.activated.connect(lambda _i: self.load_orders())
        ui.exportOrdersButton.clicked.connect(self.export_orders)

    # --- which hierarchy -----------------------------------------------------------------

    def show_hierarchy(self, code: str | None) -> None:
        """Show ``code`` (None: nothing selected)."""
        if code != self.code:  # nothing of the previous hierarchy stays on screen
            self.member_model.set_rows([])
            self.compare_model.set_comparison(None)
            self.history_model.set_rows([])
            self.catalog_model.set_rows([])
            self.catalog_view = None
            self.order_model.set_fetch(lambda _offset, _limit: [])
            self.ui.orderMemberFilter.clear()
            self.order_totals = None
            self.member_totals_model.set_rows([])
            self.invoice_totals_model.set_rows([])
        self.code = code
        self.setEnabled(code is not None)
        self._loaded: set[str] = set()
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
        self._catalog_buttons()
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
        tab = self.ui.tabs.currentWidget().objectName()
        if tab in self._loaded:
            return
        self._loaded.add(tab)
        {
            "membersTab": self.load_members,
            "propertiesTab": self.load_compare,
            "channelsTab": self.load_channels,
            "catalogsTab": self.load_catalogs,
            "ordersTab": self.load_orders,
            "historyTab": self.load_history,
        }[tab]()

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
            self.reload()  # the header and version too: another desk may have renamed it
            self.changed.emit(self.code)

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
        if self.catalog_view is not None:  # the catalogs belong to the renamed hierarchy
            self.catalog_view = replace(self.catalog_view, version=self.version)
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
            change = access.grant if on else access.revoke
            self.grants = change(self.ctx, self.code, site, seen=self.grants)
        except HierdeskError as error:
            self.refused(error)
            return
        self._access_words()
        self._loaded -= {"historyTab", "catalogsTab"}
        self.changed.emit(self.code)

    # --- catalogs ------------------------------------------------------------------------

    def load_catalogs(self) -> None:
        assert self.code is not None
        code, ctx = self.code, self.ctx

        def done(view: catalogs.CatalogView) -> None:
            if code == self.code:
                self._show_catalogs(view)

        self.runner.submit(lambda _p: catalogs.view(ctx, code), done, self._load_failed)

    def _show_catalogs(self, view: catalogs.CatalogView) -> None:
        self.catalog_view = view
        self.catalog_model.set_rows(list(view.assigned))
        self.ui.catalogTable.resizeColumnsToContents()
        self._catalog_words()
        self._catalog_buttons()

    def _catalog_words(self) -> None:
        view = self.catalog_view
        if view is None:
            self.ui.catalogStateLabel.setText("")
            self.ui.catalogSitesLabel.setText("")
            return
        self.ui.catalogStateLabel.setText(catalog_state_in_words(view))
        self.ui.catalogSitesLabel.setText(catalog_sites_in_words(view))

    def _catalog_buttons(self) -> None:
        may = allowed(self.operator(), "manager")
        view = self.catalog_view
        on = view is not None and view.feature_on
        self.ui.assignCatalogButton.setEnabled(may and on and bool(view and view.assignable))
        self.ui.unassignCatalogButton.setEnabled(
            may and view is not None and self.ui.catalogTable.currentIndex().isValid()
        )

    def assign_catalog(self) -> None:
        view = self.catalog_view
        if view is None or self.code is None or not view.assignable:
            return
        choices = [f"{c.code} — {c.name} ({', '.join(c.channels)})" for c in view.assignable]
        text, ok = QInputDialog.getItem(
            self,
            _("Assign catalog"),
            _("Catalogs offered on a site that {code} may use:").format(code=self.code),
            choices,
            0,
            False,
        )
        if not ok:
            return
        chosen = view.assignable[choices.index(text)]
        self._catalog_change(
            lambda: catalogs.assign(self.ctx, view.hierarchy, chosen.code, version=view.version)
        )

    def unassign_catalog(self) -> None:
        view = self.catalog_view
        index = self.ui.catalogTable.currentIndex()
        if view is None or not index.isValid():
            return
        chosen = self.catalog_model.row_at(index.row())
        if view.feature_on and len(view.assigned) == 1:
            answer = QMessageBox.question(
                self,
                _("Unassign the last catalog"),
                _(
                    "{code} will have no catalog: its members see “No catalogs found” and it "
                    "is held back from the customers distribution. Unassign {catalog}?"
                ).format(code=view.hierarchy, catalog=chosen.code),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._catalog_change(
            lambda: catalogs.unassign(self.ctx, view.hierarchy, chosen.code, version=view.version)
        )

    def _catalog_change(self, call: Callable[[], catalogs.CatalogView]) -> None:
        try:
            view = call()
        except HierdeskError as error:
            self.refused(error)  # shown, and the hierarchy read again
            return
        self.version = view.version  # an assignment is a change of the hierarchy
        self._show_catalogs(view)
        self._loaded.discard("historyTab")
        self.changed.emit(view.hierarchy)

    # --- orders --------------------------------------------------------------------------

    def _fill_order_filters(self) -> None:
        ui = self.ui
        status, site, period = (
            ui.orderStatusFilter.currentData(),
            ui.orderSiteFilter.currentData(),
            ui.orderPeriodFilter.currentData(),
        )
        ui.orderStatusFilter.clear()
        ui.orderStatusFilter.addItem(_("All"), None)
        for code in ORDER_STATUSES:
            ui.orderStatusFilter.addItem(_(ORDER_STATUS_LABELS[code]), code)
        ui.orderPeriodFilter.clear()
        for key, label in ORDER_PERIODS:
            ui.orderPeriodFilter.addItem(_(label), key)
        ui.orderStatusFilter.setCurrentIndex(max(0, ui.orderStatusFilter.findData(status)))
        ui.orderPeriodFilter.setCurrentIndex(max(0, ui.orderPeriodFilter.findData(period)))
        if ui.orderSiteFilter.count() == 0:
            ui.orderSiteFilter.addItem(_("All"), None)
        else:
            ui.orderSiteFilter.setItemText(0, _("All"))
            ui.orderSiteFilter.setCurrentIndex(max(0, ui.orderSiteFilter.findData(site)))
        if ui.orderMemberFilter.count():
            ui.orderMemberFilter.setItemText(0, _("All"))

    def _fill_order_choices(self, people: list[tuple[str, str]], sites: list[str]) -> None:
        ui = self.ui
        member, site = ui.orderMemberFilter.currentData(), ui.orderSiteFilter.currentData()
        ui.orderMemberFilter.clear()
        ui.orderMemberFilter.addItem(_("All"), None)
        for account, name in people:
            ui.orderMemberFilter.addItem(f"{name} ({account})", account)
        ui.orderSiteFilter.clear()
        ui.orderSiteFilter.addItem(_("All"), None)
        for code in sites:
            ui.orderSiteFilter.addItem(code, code)
        ui.orderMemberFilter.setCurrentIndex(max(0, ui.orderMemberFilter.findData(member)))
        ui.orderSiteFilter.setCurrentIndex(max(0, ui.orderSiteFilter.findData(site)))

    def order_filter(self) -> orders.OrderFilter:
        ui = self.ui
        since = period_start(str(ui.orderPeriodFilter.currentData() or "all"))
        return orders.OrderFilter(
            hierarchy=self.code,
            member=ui.orderMemberFilter.currentData(),
            status=ui.orderStatusFilter.currentData(),
            channel=ui.orderSiteFilter.currentData(),
            since=since,
        )

    orders_loaded = Signal()

    def load_orders(self) -> None:
        """The first page of the orders at once, the rest as the table scrolls; the totals
        and the filters' choices are computed off the GUI thread."""
        if self.code is None:
            return
        code, ctx = self.code, self.ctx
        if "ordersTab" not in self._loaded:
            return
        flt = self.order_filter()
        self.order_model.set_fetch(
            lambda offset, limit: orders.list_orders(ctx, flt, offset=offset, limit=limit)
        )
        self.order_model.fetchMore(QModelIndex())

        def work(_progress: Any) -> _OrderChoices:
            sums = orders.totals(ctx, flt)
            nodes = hierarchies.list_members(ctx, code)  # the organization, then the members
            names = {n.account: n.name for n in nodes}
            people = [(n.account, n.name) for n in nodes if n.type == "person"]
            sites = [c.code for c in channels.list_channels(ctx) if c.active]
            return sums, names, people, sites

        def done(result: _OrderChoices) -> None:
            if code != self.code:
                return
            sums, names, people, sites = result
            self._names = names
            self._fill_order_choices(people, sites)
            self.order_totals = sums
            self.member_totals_model.set_rows(list(sums.members))
            self.invoice_totals_model.set_rows(list(sums.invoice_accounts))
            for view in (
                self.ui.orderTable,
                self.ui.memberTotalsTable,
                self.ui.invoiceTotalsTable,
            ):
                view.resizeColumnsToContents()
            self._order_words()
            self.orders_loaded.emit()

        self.runner.submit(work, done, self._load_failed)

    def _customer_label(self, account: str) -> str:
        name = self._names.get(account)
        return f"{name} ({account})" if name else account

    def _order_words(self) -> None:
        sums = self.order_totals
        if sums is None:
            self.ui.orderSummaryLabel.setText("")
            return
        self.ui.orderSummaryLabel.setText(
            ngettext(
                "{count} order; {total} in total (cancelled orders not counted).",
                "{count} orders; {total} in total (cancelled orders not counted).",
                sums.orders,
            ).format(count=format_number(sums.orders), total=format_yen(sums.total))
        )

    def export_orders(self) -> None:
        if self.code is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export orders"),
            f"{self.code}-orders.xlsx",
            _("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if not path:
            return
        flt, ctx = self.order_filter(), self.ctx
        target = Path(path)
        if target.suffix.lower() not in export.FORMATS:
            target = target.with_suffix(".xlsx")

        def done(count: int) -> None:
            QMessageBox.information(
                self,
                _("Export orders"),
                ngettext(
                    "Saved {count} order to {file}.", "Saved {count} orders to {file}.", count
                ).format(count=format_number(count), file=str(target)),
            )

        self.runner.submit(
            lambda progress: export.export_orders(ctx, target, flt, progress=progress),
            done,
            self._load_failed,
        )

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
        for model in (
            self.member_model,
            self.history_model,
            self.compare_model,
            self.catalog_model,
            self.order_model,
            self.member_totals_model,
            self.invoice_totals_model,
        ):
            model.retranslate()
        self._fill_order_filters()
        self._catalog_words()
        self._order_words()
        self._member_buttons()
        self._permissions()
        if self.code is None:
            self.ui.headerLabel.setText(_("Select a customer hierarchy in the tree."))
        else:
            self._compare_hint()
            self._access_words()
            if self.compare_model.comparison is not None:
                self._fill_reference(self.compare_model.comparison)


#: What the Orders tab reads in the background: the totals, names by account, the members
#: (account, name) and the active sites.
_OrderChoices = tuple[orders.OrderTotals, dict[str, str], list[tuple[str, str]], list[str]]

#: The period choices of the Orders tab: key, label.
ORDER_PERIODS = (
    ("all", N_("All time")),
    ("month", N_("This month")),
    ("quarter", N_("Last 3 months")),
    ("year", N_("Last 12 months")),
)


def period_start(key: str, today: date | None = None) -> datetime | None:
    """The first moment of a period of the Orders tab, in this desk's time zone: this
    month, or the last 3 or 12 calendar months including this one; None for all time."""
    months = {"month": 0, "quarter": 2, "year": 11}.get(key)
    if months is None:
        return None
    day = today or date.today()
    index = day.year * 12 + day.month - 1 - months
    start = date(index // 12, index % 12 + 1, 1)
    return datetime.combine(start, datetime.min.time()).astimezone()


def catalog_state_in_words(view: catalogs.CatalogView) -> str:
    """What the Catalogs tab says first (DOMAIN.md rule 15)."""
    if not view.feature_on:
        return _(
            "Catalogs are off: every member sees the sites' standard assortment. An "
            "administrator switches on “{feature}” under Settings ▸ Feature management."
        ).format(feature=_(FEATURES_BY_KEY["catalogs"].name))
    if view.problem:
        return _(
            "No catalog its members can see: {code} is held back from the customers "
            "distribution until a catalog is assigned."
        ).format(code=view.hierarchy)
    return ngettext(
        "{count} catalog assigned.", "{count} catalogs assigned.", len(view.assigned)
    ).format(count=len(view.assigned))


def catalog_sites_in_words(view: catalogs.CatalogView) -> str:
    """Per site the hierarchy may use, what its members see there."""
    names = {a.code: a.name for a in view.assigned}
    lines = []
    for site, codes in view.by_site:
        if codes:
            seen = ", ".join(f"{names[c]} ({c})" for c in codes)
            lines.append(_("On {site} members see: {catalogs}").format(site=site, catalogs=seen))
        elif view.feature_on:
            lines.append(
                _("On {site} members see no catalog (“No catalogs found”).").format(site=site)
            )
    return "\n".join(lines)


def access_in_words(restriction: bool, grants: tuple[str, ...]) -> str:
    """The effective B2B site access of a hierarchy (DOMAIN.md rule 9)."""
    if not restriction:
        return _("Restriction is off — all B2B sites")
    if not grants:
        return _("No channels granted — all B2B sites")
    return _("Only: {sites}").format(sites=", ".join(grants))


__all__ = ["HierarchyWorkspace", "OverrideCommand", "QModelIndex", "access_in_words"]
