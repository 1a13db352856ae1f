"""Settings ▸ Feature management: switching features from the GUI, refusals, read-only clerks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from hierdesk.domain.dto import FeatureState
from hierdesk.services import features
from hierdesk.services.context import Context
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.admin_models import FeatureTableModel
from hierdesk.ui.settings.features import FeaturesSection


def _section(window: MainWindow) -> FeaturesSection:
    section = window.settings_pane.show_section("features")
    assert isinstance(section, FeaturesSection)
    return section


def _enabled(ctx: Context) -> dict[str, bool]:
    return {f.key: f.enabled for f in features.list_features(ctx)}


def _press_space_on_state(qtbot, section: FeaturesSection, key: str) -> None:  # type: ignore[no-untyped-def]
    """What a keyboard user does: put the cursor on the feature's State cell, press Space."""
    table = section.ui.featureTable
    row = section.model.row_of(key)
    table.setCurrentIndex(section.model.index(row, FeatureTableModel.COL_STATE))
    qtbot.keyClick(table, Qt.Key.Key_Space)


def test_feature_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = FeatureTableModel(lambda: False)
    now = datetime(2026, 11, 26, 0, 5, tzinfo=UTC)
    model.set_rows(
        [
            FeatureState("b2b", True, (), "admin", now),
            FeatureState("auto_link", False, ("b2b",), None, None),
            FeatureState("channel_restriction", True, ("b2b",), "admin", now),
            FeatureState("catalogs", False, ("b2b",), None, None),
        ]
    )
    model.set_editable(True)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    name = model.index(1, FeatureTableModel.COL_NAME)
    assert name.data() == "Local identity record and Commerce customer automatic linking"
    assert "e-mail" in name.data(Qt.ItemDataRole.ToolTipRole)  # the description
    state = model.index(1, FeatureTableModel.COL_STATE)
    assert state.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "Requires “Use of B2B eCommerce capabilities”" in state.data(Qt.ItemDataRole.ToolTipRole)
    assert model.flags(state) & Qt.ItemFlag.ItemIsUserCheckable
    model.set_editable(False)
    assert not model.flags(state) & Qt.ItemFlag.ItemIsUserCheckable
    # the same number of rows again keeps the rows (views keep their selection)
    model.set_rows([*model.rows()])
    qtmodeltester.check(model)


def test_table_shows_the_four_features_with_names_keys_and_who_changed_them(
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    model = section.model
    keys = [model.row_at(r).key for r in range(model.rowCount())]
    assert keys == ["b2b", "auto_link", "channel_restriction", "catalogs"]
    b2b = model.row_of("b2b")
    assert model.index(b2b, FeatureTableModel.COL_NAME).data() == (
        "Use of B2B eCommerce capabilities"
    )
    assert model.index(b2b, FeatureTableModel.COL_STATE).data() == "On"
    assert model.index(b2b, FeatureTableModel.COL_BY).data()  # the demo loader switched it on
    assert model.index(b2b, FeatureTableModel.COL_AT).data()
    assert model.index(model.row_of("catalogs"), FeatureTableModel.COL_STATE).data() == "Off"
    # the details say what the feature is and how it depends on the others, in words
    section.select("b2b")
    ui = section.ui
    assert ui.nameValue.text() == "Use of B2B eCommerce capabilities"
    assert ui.keyValue.text() == "b2b"
    assert "Partner sign-up requests" in ui.descriptionValue.text()
    deps = ui.dependencyValue.text()
    assert "Needed by" in deps
    assert "“Restrict B2B sites per customer hierarchy” is on: switch it off" in deps
    assert ui.toggleButton.text() == "Switch off"
    assert ui.toggleButton.isEnabled()
    assert ui.permissionBanner.isHidden()


def test_switching_b2b_brings_the_requests_area_to_life_and_back(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    section = _section(main_window)
    assert main_window.requests_pane.ui.requestTable.isEnabled()
    assert main_window.requests_pane.ui.requestsBanner.isHidden()

    # channel_restriction needs b2b: switch it off first (Space on its check box) …
    with qtbot.waitSignal(section.env.events.features_changed):
        _press_space_on_state(qtbot, section, "channel_restriction")
    assert not _enabled(demo_workspace)["channel_restriction"]
    row = section.model.row_of("channel_restriction")
    state = section.model.index(row, FeatureTableModel.COL_STATE)
    assert state.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    # … then b2b, with the button of the details
    section.select("b2b")
    with qtbot.waitSignal(section.env.events.features_changed):
        qtbot.mouseClick(section.ui.toggleButton, Qt.MouseButton.LeftButton)
    assert not _enabled(demo_workspace)["b2b"]
    assert not main_window.requests_pane.ui.requestTable.isEnabled()
    assert not main_window.requests_pane.ui.requestsBanner.isHidden()
    assert "Use of B2B eCommerce capabilities" in main_window.requests_pane.ui.requestsBanner.text()
    assert section.ui.toggleButton.text() == "Switch on"
    b2b_state = section.model.index(section.model.row_of("b2b"), FeatureTableModel.COL_STATE)
    assert b2b_state.data() == "Off"
    login = demo_workspace.login
    assert section.model.index(b2b_state.row(), FeatureTableModel.COL_BY).data() == login

    # and on again: the requests come alive the moment it is switched on
    with qtbot.waitSignal(section.env.events.features_changed):
        qtbot.mouseClick(section.ui.toggleButton, Qt.MouseButton.LeftButton)
    assert _enabled(demo_workspace)["b2b"]
    assert main_window.requests_pane.ui.requestTable.isEnabled()
    assert main_window.requests_pane.ui.requestsBanner.isHidden()
    assert warnings == []


def test_auto_link_while_b2b_is_off_is_refused_and_stays_off(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    section = _section(main_window)
    assert section.set_enabled("channel_restriction", False)
    assert section.set_enabled("b2b", False)
    assert warnings == []

    section.select("auto_link")
    assert "switch it on first" in section.ui.dependencyValue.text()  # said before trying
    _press_space_on_state(qtbot, section, "auto_link")

    assert len(warnings) == 1
    assert "requires" in warnings[0]
    assert "b2b" in warnings[0]
    assert not _enabled(demo_workspace)["auto_link"]
    row = section.model.row_of("auto_link")
    state = section.model.index(row, FeatureTableModel.COL_STATE)
    assert state.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert state.data() == "Off"


def test_switching_off_what_others_need_is_refused_and_the_box_stays_checked(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    section = _section(main_window)
    _press_space_on_state(qtbot, section, "b2b")  # channel_restriction is on and needs it
    assert len(warnings) == 1
    assert "needed by" in warnings[0]
    assert "channel_restriction" in warnings[0]
    assert _enabled(demo_workspace)["b2b"]
    state = section.model.index(section.model.row_of("b2b"), FeatureTableModel.COL_STATE)
    assert state.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert main_window.requests_pane.ui.requestTable.isEnabled()


def test_era_dates_change_the_changed_column(main_window: MainWindow) -> None:
    section = _section(main_window)
    cell = section.model.index(section.model.row_of("b2b"), FeatureTableModel.COL_AT)
    assert "Reiwa" not in cell.data()
    language = main_window.settings_pane.sections["language"]
    language.ui.eraCheck.setChecked(True)  # type: ignore[attr-defined]
    assert "Reiwa" in cell.data()
    section.select("b2b")
    section.retranslate()
    assert "Reiwa" in section.ui.stateValue.text()


def test_a_clerk_sees_features_read_only_and_is_told_why(
    qtbot,  # type: ignore[no-untyped-def]
    clerk_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    assert clerk_window.operator.role == "clerk"
    section = _section(clerk_window)
    ui = section.ui
    assert not ui.permissionBanner.isHidden()
    assert "Administrator" in ui.permissionBanner.text()
    assert "tanaka (Clerk)" in ui.permissionBanner.text()
    assert not ui.toggleButton.isEnabled()
    state = section.model.index(section.model.row_of("catalogs"), FeatureTableModel.COL_STATE)
    assert not section.model.flags(state) & Qt.ItemFlag.ItemIsUserCheckable
    assert ui.featureTable.isEnabled()  # still readable and navigable

    before = _enabled(demo_workspace)
    _press_space_on_state(qtbot, section, "catalogs")
    assert _enabled(demo_workspace) == before
    assert state.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert warnings == []


def test_a_language_switch_reformats_the_table_and_the_details(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    section = _section(main_window)
    section.select("b2b")
    cell = section.model.index(section.model.row_of("b2b"), FeatureTableModel.COL_AT)
    assert "/" not in cell.data()  # en: "Nov 26, 2026, 9:05 PM"
    with qtbot.waitSignal(section.model.headerDataChanged):
        main_window.ui.actionJapanese.trigger()
    qtbot.waitUntil(lambda: "/" in section.ui.stateValue.text())
    assert "/" in cell.data()  # ja: "2026/11/26 21:05"
    main_window.ui.actionEnglish.trigger()
    qtbot.waitUntil(lambda: "/" not in section.ui.stateValue.text())


@pytest.mark.parametrize("key", ["features", "channels", "operators"])
def test_every_focusable_widget_has_an_accessible_name(main_window: MainWindow, key: str) -> None:
    section = main_window.settings_pane.show_section(key)
    form = section.ui  # type: ignore[attr-defined]
    widgets = [w for w in vars(form).values() if isinstance(w, QWidget)]
    focusable = [w for w in widgets if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert focusable
    for widget in focusable:
        assert widget.accessibleName(), f"{key}: {widget.objectName()} has no accessible name"
