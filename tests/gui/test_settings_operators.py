"""Settings ▸ Operators: logins and roles, adding, role changes, the last administrator."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hierdesk.domain.dto import AuditFilter, OperatorRow
from hierdesk.services import audit, operators
from hierdesk.services.context import Context
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.admin_models import OperatorTableModel
from hierdesk.ui.settings.operators import OperatorsSection


def _section(window: MainWindow) -> OperatorsSection:
    section = window.settings_pane.show_section("operators")
    assert isinstance(section, OperatorsSection)
    return section


def _stored(ctx: Context) -> dict[str, OperatorRow]:
    return {o.login: o for o in operators.list_operators(ctx)}


def _cell(section: OperatorsSection, login: str, column: int) -> str:
    return str(section.model.index(section.model.row_of(login), column).data())


def test_operator_model_passes_the_model_tester_and_marks_you(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = OperatorTableModel(lambda: "tanaka", lambda: False)
    qtmodeltester.check(model)
    at = datetime(2026, 11, 26, 0, 5, tzinfo=UTC)
    model.set_rows(
        [
            OperatorRow("admin", "administrator", True, at, "setup"),
            OperatorRow("tanaka", "clerk", True, at, "admin"),
            OperatorRow("old", "manager", False, None, None),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "tanaka (you)"
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data() == "admin"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(0, 1).data() == "Administrator"
    assert model.index(2, 2).data() == "Disabled"
    assert model.index(2, 4).data() == ""
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Role"


def test_operators_are_listed_with_roles_and_you_marked(
    main_window: MainWindow, demo_workspace: Context
) -> None:
    section = _section(main_window)
    me = demo_workspace.login
    assert {"tanaka", "suzuki", "admin", me} <= {o.login for o in section.model.rows()}
    assert _cell(section, "tanaka", 1) == "Clerk"
    assert _cell(section, "suzuki", 1) == "Manager"
    assert _cell(section, me, 0) == f"{me} (you)"
    assert section.current_operator() is not None
    assert section.current_operator().login == me  # type: ignore[union-attr]
    assert section.ui.permissionBanner.isHidden()


def test_changing_a_role(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select("tanaka")
    assert "tanaka: Clerk, Active" in ui.selectedValue.text()
    assert ui.roleCombo.currentData() == "clerk"
    assert not ui.changeRoleButton.isEnabled()  # nothing to change yet
    ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("manager"))
    assert ui.changeRoleButton.isEnabled()
    qtbot.mouseClick(ui.changeRoleButton, Qt.MouseButton.LeftButton)

    assert (dialogs["warning"], dialogs["question"]) == ([], [])  # someone else's role: no question
    assert _stored(demo_workspace)["tanaka"].role == "manager"
    assert _cell(section, "tanaka", 1) == "Manager"
    assert section.current_operator().login == "tanaka"  # type: ignore[union-attr]
    assert "Role of tanaka changed to Manager." in ui.resultLabel.text()
    entries = audit.list_entries(demo_workspace, filter=AuditFilter(action="operator.role"))
    assert [(e.entity_id, e.before, e.after) for e in entries] == [
        ("tanaka", {"role": "clerk"}, {"role": "manager"})
    ]


def test_adding_an_operator_with_the_login_checked_as_you_type(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    assert not ui.addButton.isEnabled()
    qtbot.keyClicks(ui.loginEdit, "tanaka")
    assert "tanaka is an operator already." in ui.loginProblem.text()
    assert not ui.addButton.isEnabled()
    ui.loginEdit.clear()
    qtbot.keyClicks(ui.loginEdit, "sato taro")
    assert "not “ ”" in ui.loginProblem.text()
    assert not ui.addButton.isEnabled()
    ui.loginEdit.clear()
    qtbot.keyClicks(ui.loginEdit, "sato")
    assert ui.loginProblem.text() == ""
    assert ui.loginProblem.isHidden()
    assert ui.addButton.isEnabled()
    ui.newRoleCombo.setCurrentIndex(ui.newRoleCombo.findData("manager"))
    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)

    assert dialogs["warning"] == []
    stored = _stored(demo_workspace)["sato"]
    assert (stored.role, stored.active, stored.created_by) == (
        "manager",
        True,
        demo_workspace.login,
    )
    assert _cell(section, "sato", 1) == "Manager"
    assert _cell(section, "sato", 3) == demo_workspace.login
    assert section.current_operator().login == "sato"  # type: ignore[union-attr]
    assert "sato added as Manager." in ui.resultLabel.text()
    assert ui.loginEdit.text() == ""
    assert not ui.addButton.isEnabled()


def test_disabling_and_enabling_an_operator(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select("yamamoto")
    assert ui.activeButton.text() == "&Disable"
    qtbot.mouseClick(ui.activeButton, Qt.MouseButton.LeftButton)
    assert not _stored(demo_workspace)["yamamoto"].active
    assert _cell(section, "yamamoto", 2) == "Disabled"
    assert ui.activeButton.text() == "&Enable"
    qtbot.mouseClick(ui.activeButton, Qt.MouseButton.LeftButton)
    assert _stored(demo_workspace)["yamamoto"].active
    assert _cell(section, "yamamoto", 2) == "Active"
    assert (dialogs["warning"], dialogs["question"]) == ([], [])


def test_the_last_administrator_cannot_be_disabled_or_demoted(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    me = demo_workspace.login
    # the demo has a second administrator: disable the others through the GUI first
    for login, row in _stored(demo_workspace).items():
        if login != me and row.role == "administrator":
            section.select(login)
            qtbot.mouseClick(ui.activeButton, Qt.MouseButton.LeftButton)
    assert [
        o.login for o in _stored(demo_workspace).values() if o.role == "administrator" and o.active
    ] == [me]
    assert dialogs["warning"] == []

    section.select(me)
    qtbot.mouseClick(ui.activeButton, Qt.MouseButton.LeftButton)
    assert len(dialogs["question"]) == 1  # asked first: it is your own login
    assert len(dialogs["warning"]) == 1
    assert "last active administrator" in dialogs["warning"][0]
    assert me in dialogs["warning"][0]
    assert _stored(demo_workspace)[me].active
    assert _cell(section, me, 2) == "Active"

    ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("clerk"))
    qtbot.mouseClick(ui.changeRoleButton, Qt.MouseButton.LeftButton)
    assert len(dialogs["warning"]) == 2
    assert "last active administrator" in dialogs["warning"][1]
    assert _stored(demo_workspace)[me].role == "administrator"
    assert _cell(section, me, 1) == "Administrator"
    assert ui.roleCombo.currentData() == "administrator"  # back to the real role


def test_saying_no_to_disabling_yourself_changes_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    section = _section(main_window)
    me = demo_workspace.login
    section.select(me)
    qtbot.mouseClick(section.ui.activeButton, Qt.MouseButton.LeftButton)
    assert _stored(demo_workspace)[me].active


def test_a_clerk_sees_operators_read_only_with_the_reason(
    qtbot,  # type: ignore[no-untyped-def]
    clerk_window: MainWindow,
    demo_workspace: Context,
) -> None:
    section = _section(clerk_window)
    ui = section.ui
    assert not ui.permissionBanner.isHidden()
    assert "Only an operator with the role Administrator" in ui.permissionBanner.text()
    assert "tanaka (Clerk)" in ui.permissionBanner.text()
    assert _cell(section, "tanaka", 0) == "tanaka (you)"
    for widget in (ui.roleCombo, ui.changeRoleButton, ui.activeButton, ui.loginEdit, ui.addButton):
        assert not widget.isEnabled(), widget.objectName()
    assert ui.operatorTable.isEnabled()
    section.select("yamamoto")
    section.toggle_active()  # asked directly: nothing happens
    assert _stored(demo_workspace)["yamamoto"].active


def test_a_language_switch_reformats_the_operator_table(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    assert "/" not in _cell(section, "tanaka", 4)
    with qtbot.waitSignal(section.model.headerDataChanged):
        main_window.ui.actionJapanese.trigger()
    assert "/" in _cell(section, "tanaka", 4)
