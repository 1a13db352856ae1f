"""Settings ▸ Catalogs: the B2B catalogs, adding one with validation as you type, changing
the selected one on the version it was read at, read-only for clerks, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QListWidget, QWidget

from hierdesk.domain.dto import AuditFilter
from hierdesk.domain.errors import HierdeskError
from hierdesk.services import audit, catalogs
from hierdesk.services.catalogs import CatalogInfo
from hierdesk.services.context import Context
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.admin_models import CatalogTableModel
from hierdesk.ui.settings.catalogs import (
    CatalogsSection,
    checked_sites,
    code_problem,
    set_site_checked,
)
from hierdesk.ui.settings.pane import SECTIONS

DEMO_CODES = ["CAT-EXPORT", "CAT-OUTLET", "CAT-PRO", "CAT-STD"]
COL = CatalogTableModel


def _section(window: MainWindow) -> CatalogsSection:
    section = window.settings_pane.show_section("catalogs")
    assert isinstance(section, CatalogsSection)
    return section


def _type_with_ime(widget: QWidget, text: str) -> None:
    """Japanese typed through an input method arrives as one committed string (QTest's
    key clicks cannot type characters outside Latin-1)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _retype(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    _type_with_ime(widget, text)


def _codes(section: CatalogsSection) -> list[str]:
    model = section.model
    return [model.index(r, COL.COL_CODE).data() for r in range(model.rowCount())]


def _cell(section: CatalogsSection, code: str, column: int) -> str:
    return str(section.model.index(section.model.row_of(code), column).data())


def _stored(ctx: Context, code: str) -> CatalogInfo:
    return next(c for c in catalogs.list_catalogs(ctx) if c.code == code)


def _list_texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


# --- the table model ---------------------------------------------------------------------


def test_catalog_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    names = {"B2B-JP": "法人向けオンラインストア", "B2B-EN": "Global Partner Store"}
    model = CatalogTableModel(lambda code: names.get(code, code))
    model.set_rows(
        [
            CatalogInfo("CAT-STD", "標準カタログ", True, ("B2B-EN", "B2B-JP"), 1234, 1),
            CatalogInfo("CAT-OLD", "Old catalog", False, (), 0, 3),
        ]
    )
    qtmodeltester.check(model)

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Code", "Name", "Sites", "Hierarchies", "Status"]
    assert model.index(0, COL.COL_SITES).data() == "B2B-EN, B2B-JP"
    assert "B2B-JP — 法人向けオンラインストア" in model.index(0, COL.COL_SITES).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(0, COL.COL_HIERARCHIES).data() == "1,234"
    assert model.index(0, COL.COL_HIERARCHIES).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    assert model.index(0, COL.COL_STATUS).data() == "Active"
    assert model.index(1, COL.COL_STATUS).data() == "Inactive"
    assert model.index(1, COL.COL_SITES).data() == "—"
    assert model.index(1, COL.COL_SITES).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Offered on no site"
    )
    # inactive rows are dimmed, active ones are not
    assert model.index(0, COL.COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is None
    dimmed = model.index(1, COL.COL_NAME).data(Qt.ItemDataRole.ForegroundRole)
    disabled = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert dimmed.color() == disabled
    assert model.row_of("CAT-OLD") == 1
    assert model.row_of("CAT-NONE") == -1


# --- the section -------------------------------------------------------------------------


def test_the_section_follows_channels_in_the_list(main_window: MainWindow) -> None:
    keys = [key for key, _cls in SECTIONS]
    assert keys.index("catalogs") == keys.index("channels") + 1
    section_list = main_window.settings_pane.ui.sectionList
    assert section_list.count() == len(SECTIONS)
    assert section_list.item(keys.index("catalogs")).text() == "Catalogs"
    _section(main_window)
    assert section_list.currentItem().text() == "Catalogs"


def test_demo_catalogs_are_listed_with_sites_and_hierarchies(
    main_window: MainWindow, demo_workspace: Context
) -> None:
    section = _section(main_window)
    ui = section.ui
    assert _codes(section) == DEMO_CODES
    stored = {c.code: c for c in catalogs.list_catalogs(demo_workspace)}
    for code, catalog in stored.items():
        assert _cell(section, code, COL.COL_NAME) == catalog.name
        assert _cell(section, code, COL.COL_SITES) == ", ".join(catalog.channels)
        assert int(_cell(section, code, COL.COL_HIERARCHIES).replace(",", "")) == (
            catalog.hierarchies
        )
    assert _cell(section, "CAT-STD", COL.COL_SITES) == "B2B-EN, B2B-JP, B2B-PRO"
    assert ui.permissionBanner.isHidden()
    assert not ui.addButton.isEnabled()  # nothing typed yet
    assert ui.codeProblem.text() == ""  # and nothing scolded
    # the first catalog is in the edit form, nothing to save yet
    assert ui.catalogTable.currentIndex().row() == 0
    assert ui.editGroup.title() == "Catalog CAT-EXPORT"
    assert ui.editNameEdit.text() == stored["CAT-EXPORT"].name
    assert checked_sites(ui.editSitesList) == stored["CAT-EXPORT"].channels
    assert ui.activeCheck.isChecked()
    assert not ui.saveButton.isEnabled()
    assert not ui.revertButton.isEnabled()
    # every site can be chosen, by code and name
    assert [t.split(" — ")[0] for t in _list_texts(ui.sitesList)] == [
        "B2B-EN",
        "B2B-JP",
        "B2B-PRO",
    ]


def test_adding_a_catalog_with_two_sites(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    qtbot.keyClicks(ui.codeEdit, "CAT-SPRING")
    assert not ui.addButton.isEnabled()  # the name is still missing
    assert ui.codeProblem.text() == ""
    _type_with_ime(ui.nameEdit, "春の新商品カタログ")
    assert ui.addButton.isEnabled()
    assert ui.sitesNote.text() == "Offered on no site: no hierarchy can be given it."
    set_site_checked(ui.sitesList, "B2B-JP")
    # and one more by keyboard: Space checks the current site
    ui.sitesList.setFocus()
    ui.sitesList.setCurrentRow(0)
    qtbot.keyClick(ui.sitesList, Qt.Key.Key_Space)
    assert checked_sites(ui.sitesList) == ("B2B-EN", "B2B-JP")
    assert ui.sitesNote.text() == ""
    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)

    assert dialogs["warning"] == []
    assert "CAT-SPRING" in _codes(section)
    assert _cell(section, "CAT-SPRING", COL.COL_NAME) == "春の新商品カタログ"
    assert _cell(section, "CAT-SPRING", COL.COL_SITES) == "B2B-EN, B2B-JP"
    assert _cell(section, "CAT-SPRING", COL.COL_HIERARCHIES) == "0"
    assert _cell(section, "CAT-SPRING", COL.COL_STATUS) == "Active"
    stored = _stored(demo_workspace, "CAT-SPRING")
    assert (stored.name, stored.channels, stored.active, stored.hierarchies) == (
        "春の新商品カタログ",
        ("B2B-EN", "B2B-JP"),
        True,
        0,
    )
    # the form is empty again and not scolded; the new catalog is selected for changes
    assert ui.resultLabel.text() == "Catalog CAT-SPRING added."
    assert ui.codeEdit.text() == ui.nameEdit.text() == ""
    assert checked_sites(ui.sitesList) == ()
    assert not ui.addButton.isEnabled()
    assert ui.codeProblem.text() == ui.nameProblem.text() == ""
    assert ui.catalogTable.currentIndex().row() == section.model.row_of("CAT-SPRING")
    assert ui.editGroup.title() == "Catalog CAT-SPRING"
    assert checked_sites(ui.editSitesList) == ("B2B-EN", "B2B-JP")

    entries = audit.list_entries(demo_workspace, filter=AuditFilter(action="catalog.create"))
    created = [e for e in entries if e.entity_id == "CAT-SPRING"]
    assert len(created) == 1
    assert created[0].operator == demo_workspace.login
    assert created[0].after == {"name": "春の新商品カタログ", "channels": ["B2B-EN", "B2B-JP"]}


def test_the_code_is_checked_as_you_type(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    section = _section(main_window)
    ui = section.ui
    qtbot.keyClicks(ui.nameEdit, "Spring")

    def type_code(text: str) -> str:
        ui.codeEdit.clear()
        qtbot.keyClicks(ui.codeEdit, text)
        return ui.codeProblem.text()

    assert type_code("CAT SPRING") == "Use only half-width letters, digits, - and _ (not “ ”)."
    assert not ui.addButton.isEnabled()
    assert not ui.codeProblem.isHidden()
    ui.codeEdit.clear()
    _type_with_ime(ui.codeEdit, "CATＳ")
    assert "“Ｓ”" in ui.codeProblem.text()  # full-width letters are not codes
    assert not ui.addButton.isEnabled()
    assert type_code("A" * 21) == "At most 20 characters (21 typed)."
    assert type_code("CAT-STD") == "The catalog CAT-STD exists already."
    assert not ui.addButton.isEnabled()
    section.add_catalog()  # even if asked directly, nothing is added
    assert _codes(section) == DEMO_CODES
    assert len(catalogs.list_catalogs(demo_workspace)) == len(DEMO_CODES)
    assert type_code("CAT-STD2") == ""
    assert ui.codeProblem.isHidden()
    assert ui.addButton.isEnabled()
    ui.codeEdit.selectAll()
    qtbot.keyClick(ui.codeEdit, Qt.Key.Key_Backspace)
    assert ui.codeProblem.text() == "Enter a code."
    assert not ui.addButton.isEnabled()

    qtbot.keyClicks(ui.codeEdit, "CAT-X")
    ui.nameEdit.selectAll()
    qtbot.keyClick(ui.nameEdit, Qt.Key.Key_Backspace)
    assert ui.nameProblem.text() == "Enter a name."
    assert not ui.addButton.isEnabled()
    _type_with_ime(ui.nameEdit, "あ" * 201)
    assert ui.nameProblem.text() == "At most 200 characters (201 typed)."
    assert not ui.addButton.isEnabled()


@pytest.mark.parametrize(
    "code",
    ["CAT", "cat_std-2", "A" * 20, "A" * 21, "CAT STD", "CAT.STD", "ＣＡＴ", "日本", "", "  X  "],
)
def test_the_gui_check_agrees_with_the_service(workspace: Context, code: str) -> None:
    try:
        catalogs.create_catalog(workspace, code, "A catalog")
    except HierdeskError:
        accepted = False
    else:
        accepted = True
    assert (code_problem(code, set()) is None) == accepted


def test_changing_name_sites_and_active(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    before = _stored(demo_workspace, "CAT-STD")
    assert before.channels == ("B2B-EN", "B2B-JP", "B2B-PRO")
    assert before.hierarchies > 0
    section.select_code("CAT-STD")
    assert ui.editGroup.title() == "Catalog CAT-STD"
    assert ui.editNameEdit.text() == before.name

    _retype(qtbot, ui.editNameEdit, "標準カタログ（国内）")
    assert ui.saveButton.isEnabled()
    assert ui.revertButton.isEnabled()
    set_site_checked(ui.editSitesList, "B2B-EN", False)
    set_site_checked(ui.editSitesList, "B2B-PRO", False)
    assert "will no longer see it on B2B-EN, B2B-PRO." in ui.editNote.text()
    qtbot.mouseClick(ui.activeCheck, Qt.MouseButton.LeftButton)
    assert not ui.activeCheck.isChecked()
    assert "their members will no longer see it." in ui.editNote.text()

    dialogs["answers"].append("no")  # asked before members lose it: not now
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert len(dialogs["question"]) == 1
    assert "held back from distribution" in dialogs["question"][0]
    assert _stored(demo_workspace, "CAT-STD") == before  # nothing saved
    assert ui.editNameEdit.text() == "標準カタログ（国内）"  # nor anything lost

    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)  # yes
    assert dialogs["warning"] == []
    after = _stored(demo_workspace, "CAT-STD")
    assert (after.name, after.channels, after.active) == (
        "標準カタログ（国内）",
        ("B2B-JP",),
        False,
    )
    assert after.version != before.version
    assert ui.editResult.text() == "Catalog CAT-STD saved."
    assert not ui.saveButton.isEnabled()
    assert not ui.revertButton.isEnabled()
    assert ui.editNameEdit.text() == "標準カタログ（国内）"
    assert checked_sites(ui.editSitesList) == ("B2B-JP",)
    row = section.model.row_of("CAT-STD")
    assert ui.catalogTable.currentIndex().row() == row
    assert _cell(section, "CAT-STD", COL.COL_NAME) == "標準カタログ（国内）"
    assert _cell(section, "CAT-STD", COL.COL_SITES) == "B2B-JP"
    assert _cell(section, "CAT-STD", COL.COL_STATUS) == "Inactive"
    assert section.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None

    entries = audit.list_entries(demo_workspace, filter=AuditFilter(action="catalog.change"))
    changed = [e for e in entries if e.entity_id == "CAT-STD"]
    assert len(changed) == 1
    assert changed[0].operator == demo_workspace.login
    assert changed[0].before == {
        "name": before.name,
        "channels": ["B2B-EN", "B2B-JP", "B2B-PRO"],
        "active": True,
    }
    assert changed[0].after == {
        "name": "標準カタログ（国内）",
        "channels": ["B2B-JP"],
        "active": False,
    }

    # and back: adding sites and activating take nothing from anyone, so no question
    qtbot.mouseClick(ui.activeCheck, Qt.MouseButton.LeftButton)
    set_site_checked(ui.editSitesList, "B2B-EN")
    assert ui.editNote.text() == ""
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert len(dialogs["question"]) == 2  # the two answers above
    again = _stored(demo_workspace, "CAT-STD")
    assert (again.active, again.channels) == (True, ("B2B-EN", "B2B-JP"))
    assert dialogs["warning"] == []


def test_revert_and_an_empty_name(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("CAT-PRO")
    stored = _stored(demo_workspace, "CAT-PRO")
    ui.editNameEdit.selectAll()
    qtbot.keyClick(ui.editNameEdit, Qt.Key.Key_Backspace)
    assert ui.editNameProblem.text() == "Enter a name."
    assert not ui.saveButton.isEnabled()
    assert ui.revertButton.isEnabled()
    set_site_checked(ui.editSitesList, "B2B-PRO", False)
    assert ui.editNote.text().startswith("Offered on no site")
    qtbot.mouseClick(ui.revertButton, Qt.MouseButton.LeftButton)
    assert ui.editNameEdit.text() == stored.name
    assert checked_sites(ui.editSitesList) == stored.channels
    assert ui.editNameProblem.text() == ""
    assert ui.editNote.text() == ""
    assert not ui.revertButton.isEnabled()
    assert _stored(demo_workspace, "CAT-PRO") == stored


def test_a_stale_edit_is_refused_and_the_table_reloads(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("CAT-PRO")
    read = _stored(demo_workspace, "CAT-PRO")
    _retype(qtbot, ui.editNameEdit, "Pro catalog (this desk)")

    # meanwhile, on another desk
    catalogs.update_catalog(
        demo_workspace, "CAT-PRO", name="Pro catalog (other desk)", version=read.version
    )
    section.refresh()  # the table shows the other desk's change; what is typed stays
    assert _cell(section, "CAT-PRO", COL.COL_NAME) == "Pro catalog (other desk)"
    assert ui.editNameEdit.text() == "Pro catalog (this desk)"

    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert len(dialogs["warning"]) == 1
    assert "CAT-PRO" in dialogs["warning"][0]
    assert "on another desk" in dialogs["warning"][0]
    assert _stored(demo_workspace, "CAT-PRO").name == "Pro catalog (other desk)"
    # the section reloaded: table and form show what is saved, and say why
    assert _cell(section, "CAT-PRO", COL.COL_NAME) == "Pro catalog (other desk)"
    assert ui.editNameEdit.text() == "Pro catalog (other desk)"
    assert ui.editResult.text() == (
        "Not saved: CAT-PRO was changed on another desk. The form now shows its saved values."
    )
    assert not ui.saveButton.isEnabled()

    # saving again, now on the fresh version, works
    _retype(qtbot, ui.editNameEdit, "Pro catalog (this desk)")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert len(dialogs["warning"]) == 1
    assert _stored(demo_workspace, "CAT-PRO").name == "Pro catalog (this desk)"


def test_a_clerk_sees_catalogs_read_only(
    qtbot,  # type: ignore[no-untyped-def]
    clerk_window: MainWindow,
    demo_workspace: Context,
) -> None:
    section = _section(clerk_window)
    ui = section.ui
    assert _codes(section) == DEMO_CODES
    assert not ui.permissionBanner.isHidden()
    assert "Administrator" in ui.permissionBanner.text()
    assert "tanaka" in ui.permissionBanner.text()
    for widget in (
        ui.codeEdit,
        ui.nameEdit,
        ui.sitesList,
        ui.addButton,
        ui.editNameEdit,
        ui.editSitesList,
        ui.activeCheck,
        ui.saveButton,
        ui.revertButton,
    ):
        assert not widget.isEnabled(), widget.objectName()
    # everything is shown: the selected catalog with its sites
    section.select_code("CAT-STD")
    assert ui.editGroup.title() == "Catalog CAT-STD"
    assert checked_sites(ui.editSitesList) == ("B2B-EN", "B2B-JP", "B2B-PRO")
    # even if asked directly, nothing happens
    ui.codeEdit.setText("CAT-CLERK")
    ui.nameEdit.setText("Clerk's catalog")
    section.add_catalog()
    ui.editNameEdit.setText("Renamed by a clerk")
    section.save()
    stored = {c.code: c for c in catalogs.list_catalogs(demo_workspace)}
    assert sorted(stored) == DEMO_CODES
    assert stored["CAT-STD"].name == "標準カタログ"


def test_a_language_switch_relabels_the_section(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    ui = section.ui
    section.select_code("CAT-STD")
    qtbot.keyClicks(ui.codeEdit, "X")
    qtbot.keyClick(ui.codeEdit, Qt.Key.Key_Backspace)  # an empty code, scolded
    assert ui.codeProblem.text() == "Enter a code."
    catalogs_row = [k for k, _cls in SECTIONS].index("catalogs")

    with qtbot.waitSignal(section.model.headerDataChanged):
        main_window.set_language("ja")
    # known Japanese texts …
    assert section.model.headerData(COL.COL_CODE, Qt.Orientation.Horizontal) == "コード"
    assert ui.codeLabel.text() == "コード(&C):"
    assert ui.codeProblem.text() == "コードを入力してください。"
    assert section.model.index(0, COL.COL_STATUS).data() == "有効"
    assert ui.addGroup.title() == "カタログの追加"
    assert ui.editGroup.title() == "カタログ CAT-STD"
    assert ui.addButton.text() == "カタログを追加(&A)"
    assert ui.saveButton.text() == "変更を保存(&G)"
    assert ui.activeCheck.text() == "有効（顧客階層に割り当て可能）(&T)"
    assert ui.catalogsHint.text().startswith("B2B カタログと、それを提供するサイトです。")
    headers = [section.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["コード", "名前", "サイト", "顧客階層数", "状態"]
    section_list = main_window.settings_pane.ui.sectionList
    assert section_list.item(catalogs_row).text() == "カタログ"

    main_window.set_language("en")
    assert ui.codeLabel.text() == "&Code:"
    assert ui.codeProblem.text() == "Enter a code."
    assert ui.addGroup.title() == "Add a catalog"
    assert ui.editGroup.title() == "Catalog CAT-STD"
    assert section.model.headerData(COL.COL_SITES, Qt.Orientation.Horizontal) == "Sites"
    assert section_list.item(catalogs_row).text() == "Catalogs"


def test_every_label_and_button_has_its_own_mnemonic(main_window: MainWindow) -> None:
    section = _section(main_window)
    menus = {
        a.text().split("&")[1][0].lower()
        for a in main_window.menuBar().actions()
        if "&" in a.text()
    }
    letters: list[str] = []
    for widget in section.findChildren(QLabel) + section.findChildren(QAbstractButton):
        text = widget.text()
        if "&" not in text:
            continue
        letters.append(text.split("&")[1][0].lower())
        if isinstance(widget, QLabel):
            assert widget.buddy() is not None, widget.objectName()
    assert len(letters) == 9
    assert len(letters) == len(set(letters)), letters
    assert not set(letters) & menus
