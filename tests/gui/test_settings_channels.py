"""Settings ▸ Channels: the B2B sites, adding one with validation as you type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from hierdesk.domain.dto import AuditFilter, ChannelInfo
from hierdesk.domain.errors import HierdeskError
from hierdesk.services import audit, channels
from hierdesk.services.context import Context
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.admin_models import ChannelTableModel
from hierdesk.ui.settings.channels import ChannelsSection, code_problem


def _section(window: MainWindow) -> ChannelsSection:
    section = window.settings_pane.show_section("channels")
    assert isinstance(section, ChannelsSection)
    return section


def _type_with_ime(widget: QWidget, text: str) -> None:
    """Japanese typed through an input method arrives as one committed string (QTest's
    key clicks cannot type characters outside Latin-1)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _codes(section: ChannelsSection) -> list[str]:
    model = section.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_channel_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChannelTableModel()
    qtmodeltester.check(model)
    model.set_rows(
        [
            ChannelInfo("B2B-JP", "法人向けオンラインストア", True, 3),
            ChannelInfo("B2B-OLD", "Old store", False, 1234),
        ]
    )
    qtmodeltester.check(model)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Hierarchies with a grant"
    assert model.index(1, 2).data() == "Disabled"
    assert model.index(1, 3).data() == "1,234"
    assert model.index(1, 3).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    model.set_rows([])
    qtmodeltester.check(model)


def test_demo_channels_are_listed_with_their_grants(main_window: MainWindow) -> None:
    section = _section(main_window)
    assert _codes(section) == ["B2B-EN", "B2B-JP", "B2B-PRO"]
    grants = [int(section.model.index(r, 3).data()) for r in range(3)]
    assert sum(grants) > 0
    assert section.ui.permissionBanner.isHidden()
    assert not section.ui.addButton.isEnabled()  # nothing typed yet


def test_adding_a_channel_shows_it_and_writes_an_audit_entry(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    section = _section(main_window)
    ui = section.ui
    qtbot.keyClicks(ui.codeEdit, "B2B-WEST")
    assert not ui.addButton.isEnabled()  # the name is still missing
    assert ui.codeProblem.text() == ""
    _type_with_ime(ui.nameEdit, "西日本パートナーストア")
    assert ui.addButton.isEnabled()
    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)

    assert warnings == []
    assert "B2B-WEST" in _codes(section)
    row = section.model.row_of("B2B-WEST")
    assert section.model.index(row, 1).data() == "西日本パートナーストア"
    assert ui.channelTable.currentIndex().row() == row
    assert "Channel B2B-WEST added." in ui.resultLabel.text()
    assert ui.codeEdit.text() == ""
    assert not ui.addButton.isEnabled()
    assert ui.codeProblem.text() == ""  # a cleared form is not scolded

    entries = audit.list_entries(demo_workspace, filter=AuditFilter(action="channel.create"))
    created = [e for e in entries if e.entity_id == "B2B-WEST"]
    assert len(created) == 1
    assert created[0].operator == demo_workspace.login
    assert created[0].after == {"name": "西日本パートナーストア"}


def test_the_code_is_checked_as_you_type(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    ui = section.ui
    qtbot.keyClicks(ui.nameEdit, "West")

    def type_code(text: str) -> str:
        ui.codeEdit.clear()
        qtbot.keyClicks(ui.codeEdit, text)
        return ui.codeProblem.text()

    assert "not “ ”" in type_code("B2B WEST")
    assert not ui.addButton.isEnabled()
    ui.codeEdit.clear()
    _type_with_ime(ui.codeEdit, "B2BＷ")
    assert "“Ｗ”" in ui.codeProblem.text()  # full-width letters are not codes
    assert "At most 20 characters (21 typed)" in type_code("A" * 21)
    assert "exists already" in type_code("B2B-JP")
    assert not ui.addButton.isEnabled()
    assert type_code("B2B-JP2") == ""
    assert ui.addButton.isEnabled()
    ui.codeEdit.selectAll()
    qtbot.keyClick(ui.codeEdit, Qt.Key.Key_Backspace)
    assert ui.codeProblem.text() == "Enter a code."
    assert not ui.addButton.isEnabled()

    qtbot.keyClicks(ui.codeEdit, "B2B-X")
    ui.nameEdit.selectAll()
    qtbot.keyClick(ui.nameEdit, Qt.Key.Key_Backspace)
    assert ui.nameProblem.text() == "Enter a name."
    assert not ui.addButton.isEnabled()


@pytest.mark.parametrize(
    "code",
    [
        "B2B",
        "b2b_jp-2",
        "A" * 20,
        "A" * 21,
        "B2B JP",
        "B2B.JP",
        "ＡＢＣ",
        "ｂ２ｂ",
        "日本",
        "",
        "  X  ",
    ],
)
def test_the_gui_check_agrees_with_the_service(workspace: Context, code: str) -> None:
    try:
        channels.create_channel(workspace, code, "A site")
    except HierdeskError:
        accepted = False
    else:
        accepted = True
    assert (code_problem(code, set()) is None) == accepted


def test_a_clerk_sees_channels_but_cannot_add_one(
    qtbot,  # type: ignore[no-untyped-def]
    clerk_window: MainWindow,
) -> None:
    section = _section(clerk_window)
    ui = section.ui
    assert _codes(section) == ["B2B-EN", "B2B-JP", "B2B-PRO"]
    assert not ui.permissionBanner.isHidden()
    assert "Administrator" in ui.permissionBanner.text()
    assert not ui.codeEdit.isEnabled()
    assert not ui.nameEdit.isEnabled()
    assert not ui.addButton.isEnabled()
    section.add_channel()  # even if asked directly, nothing happens
    assert _codes(section) == ["B2B-EN", "B2B-JP", "B2B-PRO"]
