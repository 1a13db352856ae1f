"""Settings ▸ Operators: back-office logins and their roles (administrators change them)."""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QWidget

from hierdesk.domain.dto import OperatorRow
from hierdesk.domain.model import LABELS, LOGIN_CHARACTER, OPERATOR_ROLES
from hierdesk.i18n.core import N_, _
from hierdesk.services import operators
from hierdesk.ui.common.feedback import attempt
from hierdesk.ui.common.permissions import restrict
from hierdesk.ui.forms.ui_settings_operators import Ui_OperatorsSection
from hierdesk.ui.settings.admin_models import OperatorTableModel
from hierdesk.ui.settings.section import Section, SectionEnv

#: What services.operators.add_operator accepts (checked as the user types; the service
#: checks again and has the last word).
LOGIN_MAX: Final = 80
_LOGIN_CHAR: Final = re.compile(LOGIN_CHARACTER)


def login_problem(login: str, existing: set[str]) -> str | None:
    """What is wrong with a new login, in the current language, or None."""
    login = login.strip()
    if not login:
        return _("Enter a login.")
    wrong = "".join(dict.fromkeys(c for c in login if not _LOGIN_CHAR.fullmatch(c)))
    if wrong:
        return _("A login has letters, digits and . _ @ \\ - only (not “{chars}”).").format(
            chars=wrong
        )
    if len(login) > LOGIN_MAX:
        return _("At most {limit} characters ({count} typed).").format(
            limit=LOGIN_MAX, count=len(login)
        )
    if login in existing:
        return _("{login} is an operator already.").format(login=login)
    return None


def role_label(role: str) -> str:
    return _(LABELS[role]) if role in LABELS else role


class OperatorsSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_OperatorsSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        for combo in (ui.roleCombo, ui.newRoleCombo):
            for i, role in enumerate(OPERATOR_ROLES):
                combo.setItemData(i, role)
        self.model = OperatorTableModel(
            lambda: env.operator().login, lambda: env.settings.era_dates, self
        )
        table = ui.operatorTable
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((180, 130, 90, 130)):
            header.resizeSection(column, width)
        table.selectionModel().currentRowChanged.connect(self._on_current)
        ui.roleCombo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        ui.changeRoleButton.clicked.connect(self.change_role)
        ui.activeButton.clicked.connect(self.toggle_active)
        ui.loginEdit.textEdited.connect(self._on_login_edited)
        ui.loginEdit.returnPressed.connect(self.add_operator)
        ui.addButton.clicked.connect(self.add_operator)
        env.events.era_changed.connect(lambda _on: self.model.retranslate())
        ui.permissionBanner.hide()
        self._may_change = False
        self._loaded = False
        self._login_touched = False
        self._result = ""  # msgid of the last result line, with its values
        self._result_values: dict[str, str] = {}

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.current_operator()
        self.model.set_rows(operators.list_operators(self.env.ctx))
        self._loaded = True
        self.select(current.login if current else self.env.operator().login)
        self._apply_permissions()
        self._show_current()
        self._validate_login()

    def _apply_permissions(self) -> None:
        ui = self.ui
        self._may_change = restrict(
            self.env.operator(),
            "administrator",
            [ui.selectedGroup, ui.addGroup],
            ui.permissionBanner,
        )

    # --- the selected operator -----------------------------------------------------------------

    def current_operator(self) -> OperatorRow | None:
        index = self.ui.operatorTable.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def select(self, login: str) -> None:
        """Make ``login`` the selected operator (keyboard users and tests)."""
        row = self.model.row_of(login)
        if row >= 0:
            self.ui.operatorTable.setCurrentIndex(self.model.index(row, 0))

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _show_current(self) -> None:
        ui = self.ui
        op = self.current_operator()
        if op is None:
            ui.selectedValue.setText(_("No operator selected."))
        else:
            ui.selectedValue.setText(
                _("{login}: {role}, {status}").format(
                    login=op.login,
                    role=role_label(op.role),
                    status=role_label("active" if op.active else "disabled"),
                )
            )
            ui.roleCombo.blockSignals(True)
            ui.roleCombo.setCurrentIndex(max(ui.roleCombo.findData(op.role), 0))
            ui.roleCombo.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui = self.ui
        op = self.current_operator()
        ui.activeButton.setText(_("&Enable") if op is not None and not op.active else _("&Disable"))
        may = self._may_change and op is not None
        ui.roleCombo.setEnabled(may)
        ui.changeRoleButton.setEnabled(
            may and op is not None and ui.roleCombo.currentData() != op.role
        )
        ui.activeButton.setEnabled(may)

    def _confirm_own(self, question: str) -> bool:
        """Ask before an administrator takes rights away from themselves."""
        answer = QMessageBox.question(
            self,
            _("Your own login"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def change_role(self) -> None:
        op = self.current_operator()
        role = self.ui.roleCombo.currentData()
        if op is None or not isinstance(role, str) or role == op.role or not self._may_change:
            return
        if (
            op.login == self.env.operator().login
            and role != "administrator"
            and not self._confirm_own(
                _(
                    "You are about to make yourself {role}. You will no longer be able to "
                    "change features, channels or operators. Continue?"
                ).format(role=role_label(role))
            )
        ):
            self._show_current()
            return
        result = attempt(
            self, lambda: operators.set_role(self.env.ctx, op.login, role, version=op.version)
        )
        if result is not None:
            self._set_result(N_("Role of {login} changed to {role}."), login=op.login, role=role)
        self.refresh()

    def toggle_active(self) -> None:
        op = self.current_operator()
        if op is None or not self._may_change:
            return
        active = not op.active
        if (
            op.login == self.env.operator().login
            and not active
            and not self._confirm_own(
                _("You are about to disable your own login, {login}. Continue?").format(
                    login=op.login
                )
            )
        ):
            return
        result = attempt(
            self, lambda: operators.set_active(self.env.ctx, op.login, active, version=op.version)
        )
        if result is not None:
            self._set_result(
                N_("{login} can work on this database again.")
                if active
                else N_("{login} is disabled and can no longer work on this database."),
                login=op.login,
            )
        self.refresh()

    # --- adding -----------------------------------------------------------------------------------

    def _on_login_edited(self, _text: str) -> None:
        self._login_touched = True
        self._validate_login()

    def _validate_login(self) -> bool:
        ui = self.ui
        existing = {o.login for o in self.model.rows()}
        problem = login_problem(ui.loginEdit.text(), existing)
        shown = problem if problem and self._login_touched else ""
        ui.loginProblem.setText(shown)
        ui.loginProblem.setVisible(bool(shown))
        ui.addButton.setEnabled(problem is None and self._may_change)
        return problem is None

    def add_operator(self) -> None:
        if not self._validate_login() or not self._may_change:
            return
        ui = self.ui
        login = ui.loginEdit.text().strip()
        role = str(ui.newRoleCombo.currentData())
        result = attempt(self, lambda: operators.add_operator(self.env.ctx, login, role))
        if result is not None:
            ui.loginEdit.clear()
            self._login_touched = False
            self._set_result(N_("{login} added as {role}."), login=result.login, role=result.role)
            self.refresh()
            self.select(result.login)
        else:
            self.refresh()

    # --- texts ------------------------------------------------------------------------------------

    def _set_result(self, message: str, **values: str) -> None:
        self._result = message
        self._result_values = values
        self._show_result()

    def _show_result(self) -> None:
        self.ui.resultLabel.setVisible(bool(self._result))
        if not self._result:
            self.ui.resultLabel.setText("")
            return
        values = {k: role_label(v) if k == "role" else v for k, v in self._result_values.items()}
        self.ui.resultLabel.setText(_(self._result).format(**values))

    def retranslate(self) -> None:
        self.model.retranslate()
        if self._loaded:
            self._apply_permissions()
            self._show_current()
            self._validate_login()
        self._show_result()
