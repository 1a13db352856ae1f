"""Settings ▸ Lookups: coded values with Japanese and English names, defaults for new partners."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from hierdesk.domain.dto import LookupInfo
from hierdesk.domain.lookups import PROPERTY_LABELS
from hierdesk.i18n.core import _
from hierdesk.services import audit, lookups, operators
from hierdesk.services.context import Context
from hierdesk.settings import Settings
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.lookup_model import (
    COL_ACTIVE,
    COL_CODE,
    COL_DEFAULT,
    COL_NAME_EN,
    COL_NAME_JA,
    LookupTableModel,
)
from hierdesk.ui.settings.lookups import LookupsSection
from hierdesk.ui.settings.section import SectionEnv, SettingsEvents


def _section(window: MainWindow, kind: str = "price_group") -> LookupsSection:
    window.ui.actionShowSettings.trigger()
    section = window.settings_pane.show_section("lookups")
    assert isinstance(section, LookupsSection)
    section.show_kind(kind)
    return section


def _codes(section: LookupsSection) -> list[str]:
    return [section.model.row_at(r).code for r in range(section.model.rowCount())]


def _cell(section: LookupsSection, code: str, column: int) -> str:
    return str(section.model.index(section.model.row_of(code), column).data())


def test_lookup_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = LookupTableModel()
    model.set_rows(
        [
            LookupInfo("price_group", "STD", "標準価格", "Standard price", True, True),
            LookupInfo("price_group", "OLD", "旧価格", "Old price", False, False),
            LookupInfo("price_group", "VIP", "特約価格", "Preferred-partner price", False, True),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    assert model.columnCount() == 5
    assert [model.index(0, c).data() for c in range(5)] == [
        "STD",
        "標準価格",
        "Standard price",
        "Default",
        "Active",
    ]
    assert model.index(1, COL_ACTIVE).data() == "Inactive"
    assert model.index(1, COL_DEFAULT).data() == ""
    assert model.index(1, COL_CODE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, COL_CODE).data(Qt.ItemDataRole.FontRole).bold()
    assert model.headerData(COL_NAME_JA, Qt.Orientation.Horizontal) == "Japanese name"
    assert model.row_of("VIP") == 2
    assert model.row_of("NOPE") == -1
    model.retranslate()  # watched by the tester from here on
    model.set_rows([])
    assert model.rowCount() == 0
    model.retranslate()


def test_values_of_the_chosen_property_are_listed(
    main_window: MainWindow, demo_workspace: Context
) -> None:
    section = _section(main_window, "price_group")
    combo = section.ui.kindCombo
    assert combo.currentText() == "Price group"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        PROPERTY_LABELS[k] for k in lookups.KINDS
    ]
    assert _codes(section) == ["STD", "VIP", "WHS-A", "WHS-B"]
    assert _cell(section, "STD", COL_NAME_JA) == "標準価格"
    assert _cell(section, "STD", COL_NAME_EN) == "Standard price"
    assert _cell(section, "STD", COL_DEFAULT) == "Default"
    assert section.ui.defaultSummary.text() == "New partners get Standard price (STD)."
    section.show_kind("currency")
    assert _codes(section) == ["JPY", "USD"]
    assert section.ui.creditEdit.text() == "¥1,000,000"
    assert section.ui.permissionBanner.isHidden()


def test_adding_a_price_group_shows_it(
    main_window: MainWindow, demo_workspace: Context, warnings: list[str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "price_group")
    ui = section.ui
    assert ui.editGroup.title() == "New value"
    assert ui.saveButton.text() == "&Add value"
    qtbot.keyClicks(ui.codeEdit, "OUTLET")
    ui.nameJaEdit.setText("アウトレット価格")  # QTest types ASCII only
    qtbot.keyClicks(ui.nameEnEdit, "Outlet price")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert warnings == []
    assert "OUTLET" in _codes(section)
    assert _cell(section, "OUTLET", COL_NAME_JA) == "アウトレット価格"
    assert _cell(section, "OUTLET", COL_ACTIVE) == "Active"
    assert ui.resultLabel.text() == "Outlet price (OUTLET) added."
    # the new value is selected for editing
    assert ui.editGroup.title() == "Value OUTLET"
    assert ui.codeEdit.isReadOnly()
    assert ui.defaultButton.isEnabled()
    stored = {v.code for v in lookups.list_lookups(demo_workspace, "price_group")}
    assert "OUTLET" in stored
    entry = audit.list_entries(demo_workspace, limit=1)[0]
    assert (entry.action, entry.entity_id) == ("lookup.create", "price_group/OUTLET")


def test_a_refused_field_is_named_next_to_it(
    main_window: MainWindow, demo_workspace: Context, warnings: list[str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "price_group")
    ui = section.ui
    qtbot.keyClicks(ui.codeEdit, "bad code")
    ui.nameJaEdit.setText("名前")
    ui.saveButton.click()
    assert ui.codeProblem.isVisible()
    assert ui.codeProblem.text().startswith("A code has 1 to 20 letters")
    assert "“bad code”" in ui.codeProblem.text()
    assert warnings == []
    ui.codeEdit.setText("GOOD")
    ui.saveButton.click()
    assert ui.nameEnProblem.isVisible()
    assert ui.nameEnProblem.text() == "A name of 1 to 100 characters is needed."
    assert not ui.codeProblem.isVisible()
    assert "GOOD" not in _codes(section)
    # a rule (not a field) is refused in a message box
    ui.codeEdit.setText("vip")
    ui.nameEnEdit.setText("Duplicate")
    ui.saveButton.click()
    assert warnings == ["The lookup “Price group” has the value VIP already."]


def test_editing_a_value_and_making_it_the_default(
    main_window: MainWindow, demo_workspace: Context, warnings: list[str]
) -> None:
    section = _section(main_window, "delivery_mode")
    ui = section.ui
    section.select_code("EXPRESS")
    assert ui.editGroup.title() == "Value EXPRESS"
    assert ui.nameJaEdit.text() == "お急ぎ便"
    assert ui.saveButton.text() == "&Save changes"
    ui.nameEnEdit.setText("Express (next day)")
    ui.saveButton.click()
    assert _cell(section, "EXPRESS", COL_NAME_EN) == "Express (next day)"
    assert ui.resultLabel.text() == "Express (next day) (EXPRESS) saved."

    ui.defaultButton.click()
    assert warnings == []
    assert lookups.partner_defaults(demo_workspace)["delivery_mode"] == "EXPRESS"
    assert _cell(section, "EXPRESS", COL_DEFAULT) == "Default"
    assert _cell(section, "STD", COL_DEFAULT) == ""
    assert ui.defaultSummary.text() == "New partners get Express (next day) (EXPRESS)."
    assert ui.resultLabel.text() == "New partners will now get Express (next day) (EXPRESS)."
    assert not ui.defaultButton.isEnabled()  # it is the default already

    # the old default can now be made inactive; the default cannot
    section.select_code("STD")
    ui.activeCheck.setChecked(False)
    ui.saveButton.click()
    assert _cell(section, "STD", COL_ACTIVE) == "Inactive"
    assert not ui.defaultButton.isEnabled()
    section.select_code("EXPRESS")
    ui.activeCheck.setChecked(False)
    ui.saveButton.click()
    assert len(warnings) == 1
    assert "cannot be made inactive" in warnings[0]
    assert _cell(section, "EXPRESS", COL_ACTIVE) == "Active"


def test_new_clears_the_form(main_window: MainWindow, demo_workspace: Context) -> None:
    section = _section(main_window, "payment_terms")
    section.select_code("NET30")
    section.ui.newButton.click()
    ui = section.ui
    assert ui.editGroup.title() == "New value"
    assert (ui.codeEdit.text(), ui.nameJaEdit.text(), ui.nameEnEdit.text()) == ("", "", "")
    assert not ui.codeEdit.isReadOnly()
    assert ui.activeCheck.isChecked()
    assert not ui.lookupTable.selectionModel().hasSelection()


def test_the_credit_limit_default_is_typed_in_yen(
    main_window: MainWindow, demo_workspace: Context, warnings: list[str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window)
    ui = section.ui
    ui.creditEdit.setText("２，５００，０００円")  # full width, as typed with the IME
    ui.creditSaveButton.click()
    assert lookups.partner_defaults(demo_workspace)["credit_limit"] == 2_500_000
    assert ui.creditEdit.text() == "¥2,500,000"
    assert ui.creditResult.text() == "Saved: new partners get a credit limit of ¥2,500,000."

    ui.creditEdit.clear()
    qtbot.keyClicks(ui.creditEdit, "lots")
    ui.creditSaveButton.click()
    assert ui.creditResult.text() == "Enter a whole yen amount of 0 or more, e.g. ¥1,000,000."
    ui.creditEdit.setText("-¥5")
    ui.creditEdit.setModified(True)
    ui.creditSaveButton.click()
    assert "0 or more" in ui.creditResult.text()
    assert lookups.partner_defaults(demo_workspace)["credit_limit"] == 2_500_000
    assert warnings == []


def test_a_clerk_sees_the_lookups_read_only(
    main_window: MainWindow, demo_workspace: Context, tmp_path: Path
) -> None:
    operators.add_operator(demo_workspace, "desk-clerk", "clerk")
    clerk = Context(demo_workspace.db, "desk-clerk")
    clerk_info = clerk.operator()  # as the main window keeps it: no query per repaint
    env = SectionEnv(
        clerk,
        main_window.switcher,
        Settings(),
        lambda: None,
        lambda: clerk_info,
        SettingsEvents(),
    )
    section = LookupsSection(env)
    main_window.settings_pane.ui.sectionStack.addWidget(section)
    main_window.settings_pane.ui.sectionStack.setCurrentWidget(section)
    section.show_kind("price_group")
    ui = section.ui
    assert _codes(section) == ["STD", "VIP", "WHS-A", "WHS-B"]  # reading is allowed
    assert ui.lookupTable.isEnabled()
    assert ui.kindCombo.isEnabled()
    assert not ui.editGroup.isEnabled()
    assert not ui.creditEdit.isEnabled()
    assert not ui.creditSaveButton.isEnabled()
    assert not ui.permissionBanner.isHidden()
    assert "Administrator" in ui.permissionBanner.text()
    assert "desk-clerk" in ui.permissionBanner.text()
    count = audit.count_entries(demo_workspace)
    ui.codeEdit.setText("X")
    section.save_value()  # nothing happens, even if called
    section.save_credit_limit()
    assert audit.count_entries(demo_workspace) == count


def test_names_follow_the_language(main_window: MainWindow, demo_workspace: Context, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "price_group")
    ui = section.ui
    with qtbot.waitSignal(section.model.headerDataChanged):
        main_window.ui.actionJapanese.trigger()
    qtbot.waitUntil(lambda: "標準価格" in ui.defaultSummary.text())
    assert ui.defaultSummary.text() == _("New partners get {name} ({code}).").format(
        name="標準価格", code="STD"
    )
    assert ui.kindCombo.currentText() == _(PROPERTY_LABELS["price_group"])
    model = section.model
    assert model.headerData(COL_NAME_JA, Qt.Orientation.Horizontal) == _("Japanese name")
    assert model.index(0, COL_DEFAULT).data() == _("Default")
    main_window.ui.actionEnglish.trigger()
    qtbot.waitUntil(lambda: ui.defaultSummary.text() == "New partners get Standard price (STD).")
    assert model.headerData(COL_NAME_EN, Qt.Orientation.Horizontal) == "English name"


def test_every_focusable_widget_has_an_accessible_name(main_window: MainWindow) -> None:
    section = _section(main_window)
    widgets = [w for w in vars(section.ui).values() if isinstance(w, QWidget)]
    focusable = [w for w in widgets if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert len(focusable) >= 10
    for widget in focusable:
        assert widget.accessibleName(), f"{widget.objectName()} has no accessible name"
