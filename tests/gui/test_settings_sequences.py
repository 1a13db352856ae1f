"""Settings ▸ Number sequences: editing with validation as you type, the preview of the next
IDs, creating a sequence and assigning it to a reference, and who may do it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from hierdesk.domain.dto import AuditFilter, SequenceInfo
from hierdesk.domain.errors import HierdeskError, ValidationError
from hierdesk.domain.numbering import parse_format
from hierdesk.i18n.core import _, set_language
from hierdesk.services import audit, sequences
from hierdesk.services.context import Context
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.sequence_model import (
    COL_CODE,
    COL_CONTINUOUS,
    COL_LARGEST,
    COL_NEXT,
    COL_REFERENCES,
    HEADERS,
    SequenceTableModel,
)
from hierdesk.ui.settings.sequences import (
    NUMBER_MAX,
    SequencesSection,
    code_problem,
    field_message,
    parse_number,
)

HIER = SequenceInfo(
    "HIER", "Customer hierarchy ID", "CH-######", 1, 999999, 7, False, False, ("hierarchy_id",), 2
)
CUST = SequenceInfo(
    "CUST", "Customer account", "C######", 1, 999999, 28, True, False, ("customer_account",), 2
)
OLD = SequenceInfo("OLD", "Old accounts", "K####", 1, 9999, 10000, False, True, (), 5)


def _section(window: MainWindow) -> SequencesSection:
    window.ui.actionShowSettings.trigger()
    section = window.settings_pane.show_section("sequences")
    assert isinstance(section, SequencesSection)
    return section


def _codes(section: SequencesSection) -> list[str]:
    model = section.model
    return [model.index(r, COL_CODE).data() for r in range(model.rowCount())]


def _retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select everything in ``edit`` and type ``text`` over it, as a user would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _type_with_ime(widget: QWidget, text: str) -> None:
    """Full-width characters typed through an input method arrive as one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# --- the model ---------------------------------------------------------------------------


def test_sequence_model_passes_the_model_tester(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = SequenceTableModel()
    model.set_rows([CUST, HIER, OLD])
    qtmodeltester.check(model, force_py=True)  # keeps watching the changes below
    assert model.columnCount() == len(HEADERS) == 9
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)] == [
        "Code",
        "Name",
        "Format",
        "Smallest",
        "Largest",
        "Next",
        "Continuous",
        "Stopped",
        "Used for",
    ]
    assert model.index(1, COL_LARGEST).data() == "999,999"
    assert model.index(1, COL_NEXT).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    assert model.index(0, COL_CONTINUOUS).data() == "Yes"
    assert model.index(1, COL_REFERENCES).data() == "Customer hierarchy ID"
    assert model.index(2, COL_REFERENCES).data() == ""
    assert model.index(2, COL_REFERENCES).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Not assigned"
    )
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "HIER issues CH-000007 next."
    assert "stopped" in model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.assigned("customer_account") == CUST
    assert model.row_of("OLD") == 2
    assert model.row_of("NONE") == -1

    with (
        qtbot.waitSignal(model.headerDataChanged),
        qtbot.waitSignal(model.dataChanged),
    ):
        set_language("ja")
        model.retranslate()
    assert model.headerData(0, Qt.Orientation.Horizontal) == _("Code") == "コード"
    assert model.index(0, COL_CONTINUOUS).data() == "はい"
    model.set_rows([])
    assert model.rowCount() == 0


# --- pure helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "problem"),
    [
        ("26", 26, False),
        ("1,000,000", 1_000_000, False),
        ("１２３", 123, False),  # full-width digits from an input method
        (" 7 ", 7, False),
        ("", None, False),
        ("-1", None, True),
        ("1e5", None, True),
        ("七", None, True),
        (str(NUMBER_MAX), NUMBER_MAX, False),
        (str(NUMBER_MAX + 1), None, True),
    ],
)
def test_numbers_are_read_as_typed(text: str, value: int | None, problem: bool) -> None:
    got, message = parse_number(text)
    assert got == value
    assert (message is not None) == problem


def test_field_messages_do_not_repeat_the_field_name() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_format("CH-##-##")
    assert caught.value.localized().startswith("format: ")
    assert field_message(caught.value) == (
        "The format may contain only one run of #; “CH-##-##” has 2."
    )


@pytest.mark.parametrize(
    "code", ["HIER2", "cust_2-b", "A" * 20, "A" * 21, "HI ER", "ＨＩＥＲ", "番号", "", "HIER"]
)
def test_the_code_check_agrees_with_the_service(demo_workspace: Context, code: str) -> None:
    existing = {s.code for s in sequences.list_sequences(demo_workspace)}
    try:
        sequences.create_sequence(demo_workspace, code, "T-####")
    except HierdeskError:
        accepted = False
    else:
        accepted = True
    assert (code_problem(code, existing) is None) == accepted


# --- the section -------------------------------------------------------------------------


def test_selecting_a_row_loads_it_with_its_next_ids(main_window: MainWindow) -> None:
    section = _section(main_window)
    ui = section.ui
    assert _codes(section) == ["CUST", "HIER"]
    assert ui.permissionBanner.isHidden()
    assert ui.editGroup.title() == "New number sequence"
    assert not ui.saveButton.isEnabled()
    assert ui.codeProblem.text() == ""  # an empty new form is not scolded

    section.select_code("HIER")
    assert ui.editGroup.title() == "Number sequence HIER"
    assert ui.codeEdit.text() == "HIER"
    assert ui.codeEdit.isReadOnly()
    assert ui.formatEdit.text() == "CH-######"
    assert (ui.smallestEdit.text(), ui.largestEdit.text(), ui.nextEdit.text()) == (
        "1",
        "999999",
        "7",
    )
    assert not ui.continuousCheck.isChecked()
    assert ui.previewValue.text() == "CH-000007, CH-000008, CH-000009"
    assert not ui.saveButton.isEnabled()  # nothing changed yet
    assert not ui.revertButton.isEnabled()
    assert ui.hierarchyCombo.currentData() == "HIER"
    assert ui.accountCombo.currentData() == "CUST"
    assert ui.hierarchyNext.text() == "HIER issues CH-000007 next."
    assert not ui.hierarchyAssignButton.isEnabled()  # HIER is assigned already


def test_a_format_with_two_runs_is_refused_as_you_type(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("HIER")
    _retype(qtbot, ui.formatEdit, "CH-##-##")
    assert ui.formatProblem.text() == "The format may contain only one run of #; “CH-##-##” has 2."
    assert ui.formatEdit.property("invalid") is True
    assert ui.formatEdit.palette().color(QPalette.ColorRole.Base) != (
        ui.nameEdit.palette().color(QPalette.ColorRole.Base)
    )
    assert ui.formatEdit.accessibleDescription() == ui.formatProblem.text()
    assert not ui.saveButton.isEnabled()
    assert ui.revertButton.isEnabled()
    assert ui.previewValue.text() == "—"

    _retype(qtbot, ui.formatEdit, "CH-")
    assert "needs one run of #" in ui.formatProblem.text()
    assert not ui.saveButton.isEnabled()

    _retype(qtbot, ui.formatEdit, "CH-#######")  # one more digit: fine, and a change
    assert ui.formatProblem.text() == ""
    assert ui.formatEdit.property("invalid") is False
    assert ui.previewValue.text() == "CH-0000007, CH-0000008, CH-0000009"
    assert ui.saveButton.isEnabled()

    qtbot.mouseClick(ui.revertButton, Qt.MouseButton.LeftButton)
    assert ui.formatEdit.text() == "CH-######"
    assert not ui.saveButton.isEnabled()


def test_a_largest_that_does_not_fit_the_format_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("HIER")
    _retype(qtbot, ui.largestEdit, "9999999")
    assert ui.largestProblem.text() == (
        "9999999 does not fit the format CH-######, which holds at most 999999."
    )
    assert ui.largestEdit.property("invalid") is True
    assert not ui.saveButton.isEnabled()
    _retype(qtbot, ui.formatEdit, "CH-#######")  # a longer run holds it
    assert ui.largestProblem.text() == ""
    assert ui.saveButton.isEnabled()

    _retype(qtbot, ui.largestEdit, "5")
    assert "below the smallest" not in ui.largestProblem.text()
    assert "between 1 and 5" in ui.nextProblem.text()  # next 7 no longer fits
    assert not ui.saveButton.isEnabled()
    _retype(qtbot, ui.largestEdit, "")  # empty: as far as the format goes
    assert ui.largestEdit.placeholderText() == "9999999"
    assert ui.nextProblem.text() == ""
    assert ui.saveButton.isEnabled()


def test_the_next_number_cannot_go_back(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("HIER")
    _retype(qtbot, ui.nextEdit, "5")
    assert ui.nextProblem.text() == (
        "The next number of HIER cannot go back from 7 to 5: IDs already issued would be "
        "issued again."
    )
    assert not ui.saveButton.isEnabled()
    _retype(qtbot, ui.formatEdit, "CH-##-##")  # said also while the format is wrong
    assert "cannot go back from 7 to 5" in ui.nextProblem.text()
    _retype(qtbot, ui.formatEdit, "CH-######")
    _retype(qtbot, ui.nextEdit, "abc")
    assert ui.nextProblem.text() == "Enter a whole number of 0 or more, in digits."
    _retype(qtbot, ui.nextEdit, "1000001")
    assert "between 1 and 999999" in ui.nextProblem.text()
    assert not ui.saveButton.isEnabled()


def test_the_preview_follows_the_typing_and_saving_moves_the_next_id(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("HIER")
    _retype(qtbot, ui.nextEdit, "26")
    assert ui.previewValue.text() == "CH-000026, CH-000027, CH-000028"
    ui.nextEdit.selectAll()
    _type_with_ime(ui.nextEdit, "２７")  # full-width digits are numbers too
    assert ui.previewValue.text() == "CH-000027, CH-000028, CH-000029"
    _retype(qtbot, ui.nextEdit, "999998")
    assert ui.previewValue.text() == "CH-999998, CH-999999, then the sequence is used up"
    _retype(qtbot, ui.nextEdit, "26")
    ui.stoppedCheck.click()
    assert (
        ui.previewValue.text() == "None while stopped; afterwards CH-000026, CH-000027, CH-000028"
    )
    ui.stoppedCheck.click()
    assert ui.saveButton.isEnabled()

    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialogs["warning"] == []
    assert ui.resultLabel.text() == "Number sequence HIER saved."
    assert sequences.peek(demo_workspace, "hierarchy_id") == "CH-000026"
    row = section.model.row_of("HIER")
    assert section.model.index(row, COL_NEXT).data() == "26"
    assert ui.nextEdit.text() == "26"
    assert not ui.saveButton.isEnabled()  # saved: nothing to save any more
    assert ui.hierarchyNext.text() == "HIER issues CH-000026 next."
    changes = audit.list_entries(demo_workspace, filter=AuditFilter(action="sequence.change"))
    assert changes[0].entity_id == "HIER"
    assert changes[0].before is not None
    assert changes[0].before["next"] == 7
    assert changes[0].after is not None
    assert changes[0].after["next"] == 26


def test_a_new_sequence_is_created_and_assigned(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("CUST")
    qtbot.mouseClick(ui.newButton, Qt.MouseButton.LeftButton)
    assert ui.codeEdit.text() == ""
    assert not ui.codeEdit.isReadOnly()
    assert not ui.stoppedCheck.isEnabled()

    qtbot.keyClicks(ui.codeEdit, "HIER")
    assert ui.codeProblem.text() == "The number sequence HIER exists already."
    qtbot.keyClicks(ui.codeEdit, "2")
    assert ui.codeProblem.text() == ""
    assert not ui.saveButton.isEnabled()  # no format yet
    _type_with_ime(ui.nameEdit, "顧客階層 ID (第二)")
    qtbot.keyClicks(ui.formatEdit, "H2-#####")
    assert ui.largestEdit.placeholderText() == "99999"
    assert ui.previewValue.text() == "H2-00001, H2-00002, H2-00003"
    qtbot.keyClicks(ui.nextEdit, "100")
    assert ui.previewValue.text() == "H2-00100, H2-00101, H2-00102"
    assert ui.saveButton.text() == "&Create sequence"
    assert ui.saveButton.isEnabled()

    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialogs["warning"] == []
    assert _codes(section) == ["CUST", "HIER", "HIER2"]
    assert ui.resultLabel.text() == "Number sequence HIER2 created."
    assert ui.editGroup.title() == "Number sequence HIER2"
    assert ui.sequenceTable.currentIndex().row() == section.model.row_of("HIER2")
    stored = sequences.get_sequence(demo_workspace, "HIER2")
    assert (stored.name, stored.format, stored.smallest, stored.largest, stored.next) == (
        "顧客階層 ID (第二)",
        "H2-#####",
        1,
        99999,
        100,
    )
    assert "HIER2" in [s.code for s in sequences.list_sequences(demo_workspace)]
    created = audit.list_entries(demo_workspace, filter=AuditFilter(action="sequence.create"))
    assert [e.entity_id for e in created] == ["HIER2"]
    assert created[0].operator == demo_workspace.login

    # Assigning asks first; "No" changes nothing.
    section.select_for_reference("hierarchy_id", "HIER2")
    assert ui.hierarchyAssignButton.isEnabled()
    dialogs["answers"].append("no")
    qtbot.mouseClick(ui.hierarchyAssignButton, Qt.MouseButton.LeftButton)
    assert sequences.peek(demo_workspace, "hierarchy_id") == "CH-000007"
    assert ui.hierarchyCombo.currentData() == "HIER"
    question = dialogs["question"][-1]
    assert "Customer hierarchy ID will take its IDs from HIER2" in question
    assert "HIER2 issues H2-00100 next." in question
    assert "IDs already issued by HIER stay as they are" in question

    section.select_for_reference("hierarchy_id", "HIER2")
    qtbot.mouseClick(ui.hierarchyAssignButton, Qt.MouseButton.LeftButton)
    assert dialogs["warning"] == []
    assert sequences.peek(demo_workspace, "hierarchy_id") == "H2-00100"
    assert ui.referenceResult.text() == "Customer hierarchy ID now takes its IDs from HIER2."
    assert ui.hierarchyNext.text() == "HIER2 issues H2-00100 next."
    assert not ui.hierarchyAssignButton.isEnabled()
    row = section.model.row_of("HIER2")
    assert section.model.index(row, COL_REFERENCES).data() == "Customer hierarchy ID"
    assert section.model.index(section.model.row_of("HIER"), COL_REFERENCES).data() == ""
    assigned = audit.list_entries(demo_workspace, filter=AuditFilter(action="sequence.assign"))
    assert assigned[0].entity_id == "hierarchy_id"
    assert assigned[0].after == {"sequence": "HIER2"}


def test_a_change_by_another_desk_is_not_overwritten(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("HIER")
    _retype(qtbot, ui.nextEdit, "30")
    # Meanwhile another desk renames it.
    sequences.update_sequence(demo_workspace, "HIER", name="Renamed elsewhere")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)

    assert len(dialogs["warning"]) == 1
    assert "was changed by" in dialogs["warning"][0]
    assert demo_workspace.login in dialogs["warning"][0]  # who changed it
    assert sequences.get_sequence(demo_workspace, "HIER").next == 7  # not overwritten
    row = section.model.row_of("HIER")
    assert section.model.row_at(row).name == "Renamed elsewhere"  # the table was reloaded
    assert ui.nameEdit.text() == "Renamed elsewhere"
    assert ui.nextEdit.text() == "7"
    assert "Not saved: HIER was changed by another desk" in ui.resultLabel.text()

    _retype(qtbot, ui.nextEdit, "30")  # again, now on the fresh values
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert len(dialogs["warning"]) == 1
    stored = sequences.get_sequence(demo_workspace, "HIER")
    assert (stored.name, stored.next) == ("Renamed elsewhere", 30)


def test_messages_follow_a_language_switch(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("HIER")
    _retype(qtbot, ui.formatEdit, "CH-##-##")
    with qtbot.waitSignal(section.model.headerDataChanged):
        main_window.set_language("ja")
    assert section.model.headerData(0, Qt.Orientation.Horizontal) == "コード"
    with pytest.raises(ValidationError) as caught:
        parse_format("CH-##-##")
    assert ui.formatProblem.text() == field_message(caught.value)  # now in Japanese
    assert ui.formatEdit.text() == "CH-##-##"  # what was typed stays
    main_window.set_language("en")
    assert ui.formatProblem.text().startswith("The format may contain only one run of #")


def test_a_clerk_sees_the_sequences_but_cannot_change_them(
    qtbot,  # type: ignore[no-untyped-def]
    clerk_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(clerk_window)
    ui = section.ui
    assert _codes(section) == ["CUST", "HIER"]
    assert not ui.permissionBanner.isHidden()
    assert "Administrator" in ui.permissionBanner.text()
    assert "tanaka" in ui.permissionBanner.text()
    assert ui.codeEdit.text() == "CUST"  # shows the first sequence rather than an empty form
    section.select_code("HIER")
    assert ui.formatEdit.text() == "CH-######"  # shown, read-only
    assert ui.previewValue.text() == "CH-000007, CH-000008, CH-000009"
    for widget in (
        ui.formatEdit,
        ui.nextEdit,
        ui.saveButton,
        ui.newButton,
        ui.hierarchyCombo,
        ui.hierarchyAssignButton,
    ):
        assert not widget.isEnabled()
    ui.nextEdit.setText("26")  # even if the form is filled in and saved directly …
    section.validate()
    assert not ui.saveButton.isEnabled()
    section.save()
    section.select_for_reference("hierarchy_id", "CUST")
    section.assign("hierarchy_id")
    # … nothing is written
    assert sequences.get_sequence(demo_workspace, "HIER").next == 7
    assert sequences.peek(demo_workspace, "hierarchy_id") == "CH-000007"
    assert dialogs["question"] == []
    assert dialogs["warning"] == []
