"""Edits from two desks through the GUI (DOMAIN.md rule 13), screen by screen.

Each test opens a screen as this desk's administrator (the test's own operator), lets another
desk — the demo's ``admin``, on the same database — change the record the screen shows, and
then makes this desk's change on the screen as a user would. Required: a warning names the
other desk's operator and the time of its change (as the audit log has it), nothing of this
desk's change is written (the record is as the other desk left it, and this desk has no new
audit entry), and the screen then shows the other desk's value.

The services' side of the rule is tested in tests/data/test_two_desks.py; the conflict of a
number sequence's own edit in tests/gui/test_settings_sequences.py."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from guihelp import open_hierarchy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QListWidgetItem, QPushButton, QWidget
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry
from hierdesk.i18n.formatting import format_datetime, format_yen
from hierdesk.services import (
    access,
    approval,
    catalogs,
    distribution,
    features,
    hierarchies,
    lookups,
    members,
    notifications,
    operators,
    requests,
    sequences,
)
from hierdesk.services.context import Context
from hierdesk.ui.hierarchy.workspace import HierarchyWorkspace
from hierdesk.ui.jobs.pane import JobsPane
from hierdesk.ui.main_window import MainWindow
from hierdesk.ui.settings.features import FeaturesSection
from hierdesk.ui.settings.lookups import LookupsSection
from hierdesk.ui.settings.notifications import NotificationsSection
from hierdesk.ui.settings.operators import OperatorsSection
from hierdesk.ui.settings.section import Section
from hierdesk.ui.settings.sequences import SequencesSection

OTHER = "admin"  # the other desk: the demo's administrator
LOAD_TIMEOUT = 10000  # ms for a background load of the hierarchy workspace


# --- the two desks -----------------------------------------------------------------------


@dataclass
class Desks:
    """This desk (the main window's operator) and the other desk on the same database."""

    mine: Context
    other: Context
    warnings: list[str]
    changed_at: datetime | None = None

    def elsewhere(self, change: Callable[[Context], object]) -> None:
        """The other desk's change, and when the audit log says it was made."""
        change(self.other)
        with self.mine.db.read() as session:
            self.changed_at = session.execute(
                select(AuditEntry.at)
                .where(AuditEntry.operator == OTHER)
                .order_by(AuditEntry.id.desc())
                .limit(1)
            ).scalar_one()

    def my_entries(self) -> int:
        with self.mine.db.read() as session:
            return session.execute(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.operator == self.mine.login)
            ).scalar_one()

    @contextmanager
    def refused(self) -> Iterator[None]:
        """What happens inside is one change of this desk, made on a stale screen: it must
        be refused with one warning naming the other desk and when, and write nothing."""
        assert self.changed_at is not None, "no change of the other desk to be refused by"
        shown, mine = len(self.warnings), self.my_entries()
        yield
        assert len(self.warnings) == shown + 1, f"expected one warning, got {self.warnings}"
        text = self.warnings[-1]
        assert f"was changed by {OTHER} at {format_datetime(self.changed_at)}" in text, text
        assert "Nothing was saved" in text
        assert self.my_entries() == mine, "the refused change left an audit entry"


@pytest.fixture
def desks(
    main_window: MainWindow,
    demo_workspace: Context,
    dialogs: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> Desks:
    monkeypatch.setitem(sys.modules, "keyring", None)  # never the machine's keyring
    mine = main_window.ctx
    assert mine.login != OTHER
    return Desks(mine, Context(demo_workspace.db, OTHER), dialogs["warning"])


def _click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _retype(qtbot, edit: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _settings(window: MainWindow, key: str) -> Section:
    window.ui.actionShowSettings.trigger()
    return window.settings_pane.show_section(key)


# --- Settings ▸ Feature management ---------------------------------------------------------


def test_features_a_toggle_of_a_feature_switched_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    section = _settings(main_window, "features")
    assert isinstance(section, FeaturesSection)
    section.select("catalogs")
    assert section.ui.toggleButton.text() == "Switch on"  # catalogs are off in the demo

    desks.elsewhere(lambda other: features.set_enabled(other, "catalogs", True))
    with desks.refused():
        _click(qtbot, section.ui.toggleButton)

    stored = next(f for f in features.list_features(desks.mine) if f.key == "catalogs")
    assert (stored.enabled, stored.changed_by) == (True, OTHER)
    assert section.current_state() == stored  # the table shows the other desk's switch
    assert section.ui.toggleButton.text() == "Switch off"
    assert section.ui.stateValue.text().startswith(f"On — changed by {OTHER}")


# --- Settings ▸ Operators -------------------------------------------------------------------


def _operators(window: MainWindow, login: str) -> OperatorsSection:
    section = _settings(window, "operators")
    assert isinstance(section, OperatorsSection)
    section.select(login)
    current = section.current_operator()
    assert current is not None
    assert current.login == login
    return section


def _operator(ctx: Context, login: str) -> Any:
    return next(o for o in operators.list_operators(ctx) if o.login == login)


def test_operators_a_role_change_of_an_operator_disabled_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    section = _operators(main_window, "yamamoto")
    ui = section.ui
    assert section.current_operator().role == "clerk"  # type: ignore[union-attr]
    ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("manager"))

    desks.elsewhere(lambda other: operators.set_active(other, "yamamoto", False))
    with desks.refused():
        _click(qtbot, ui.changeRoleButton)

    stored = _operator(desks.mine, "yamamoto")
    assert (stored.role, stored.active) == ("clerk", False)
    assert section.current_operator() == stored
    assert ui.selectedValue.text() == "yamamoto: Clerk, Disabled"
    assert ui.roleCombo.currentData() == "clerk"
    assert ui.activeButton.text().replace("&", "") == "Enable"


def test_operators_disabling_an_operator_whose_role_changed_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    section = _operators(main_window, "yamamoto")
    ui = section.ui
    assert ui.activeButton.text().replace("&", "") == "Disable"

    desks.elsewhere(lambda other: operators.set_role(other, "yamamoto", "manager"))
    with desks.refused():
        _click(qtbot, ui.activeButton)

    stored = _operator(desks.mine, "yamamoto")
    assert (stored.role, stored.active) == ("manager", True)
    assert section.current_operator() == stored
    assert ui.selectedValue.text() == "yamamoto: Manager, Active"
    assert ui.roleCombo.currentData() == "manager"


# --- Settings ▸ Lookups ---------------------------------------------------------------------


def _lookups(window: MainWindow) -> LookupsSection:
    section = _settings(window, "lookups")
    assert isinstance(section, LookupsSection)
    section.show_kind("price_group")
    return section


def _price_groups(ctx: Context) -> list[Any]:
    return lookups.list_lookups(ctx, "price_group")


def test_lookups_saving_a_value_renamed_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    section = _lookups(main_window)
    ui = section.ui
    value = _price_groups(desks.mine)[0]
    section.select_code(value.code)
    _retype(qtbot, ui.nameEnEdit, "This desk's name")

    desks.elsewhere(
        lambda other: lookups.update_lookup(
            other, "price_group", value.code, name_en="Other desk's name"
        )
    )
    with desks.refused():
        _click(qtbot, ui.saveButton)

    stored = _price_groups(desks.mine)[0]
    assert (stored.code, stored.name_en, stored.name_ja) == (
        value.code,
        "Other desk's name",
        value.name_ja,
    )
    # the table and the form show the other desk's name
    row = section.model.row_of(value.code)
    assert section.model.row_at(row).name_en == "Other desk's name"
    assert ui.codeEdit.text() == value.code
    assert ui.nameEnEdit.text() == "Other desk's name"


def test_lookups_make_default_after_the_default_changed_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    section = _lookups(main_window)
    ui = section.ui
    values = [v for v in _price_groups(desks.mine) if v.active and not v.is_default]
    mine, theirs = values[0], values[1]
    section.select_code(mine.code)

    desks.elsewhere(lambda other: lookups.set_partner_default(other, "price_group", theirs.code))
    with desks.refused():
        _click(qtbot, ui.defaultButton)

    assert lookups.partner_defaults(desks.mine)["price_group"] == theirs.code
    assert ui.defaultSummary.text() == f"New partners get {theirs.name_en} ({theirs.code})."
    assert section.model.row_at(section.model.row_of(theirs.code)).is_default
    assert not section.model.row_at(section.model.row_of(mine.code)).is_default


def test_lookups_saving_the_credit_limit_changed_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    section = _lookups(main_window)
    ui = section.ui
    _retype(qtbot, ui.creditEdit, "5678000")

    desks.elsewhere(lambda other: lookups.set_partner_default(other, "credit_limit", 7_000_000))
    with desks.refused():
        _click(qtbot, ui.creditSaveButton)

    assert lookups.partner_defaults(desks.mine)["credit_limit"] == 7_000_000
    assert ui.creditEdit.text() == format_yen(7_000_000)
    assert not ui.creditResult.text().startswith("Saved")


# --- Settings ▸ Notifications -----------------------------------------------------------------


def test_notifications_saving_settings_changed_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
    tmp_path: Path,
) -> None:
    section = _settings(main_window, "notifications")
    assert isinstance(section, NotificationsSection)
    ui = section.ui
    assert ui.outboxRadio.isChecked()  # the demo sends into the outbox folder
    _retype(qtbot, ui.folderEdit, str(tmp_path / "my-outbox"))

    theirs = str(tmp_path / "other-outbox")
    desks.elsewhere(lambda other: notifications.set_transport(other, mode="outbox", outbox=theirs))
    with desks.refused():
        _click(qtbot, ui.saveButton)

    stored = notifications.get_transport(desks.mine)
    assert (stored.outbox, stored.changed_by) == (theirs, OTHER)
    assert ui.folderEdit.text() == theirs
    assert not section.is_dirty()
    assert not ui.saveResult.text().startswith("Saved")


# --- Settings ▸ Number sequences ------------------------------------------------------------


def _sequences(window: MainWindow) -> SequencesSection:
    section = _settings(window, "sequences")
    assert isinstance(section, SequencesSection)
    return section


def _references(ctx: Context) -> dict[str, tuple[str, ...]]:
    return {s.code: tuple(s.references) for s in sequences.list_sequences(ctx)}


def test_sequences_assigning_a_reference_reassigned_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    for code in ("HX", "HY"):
        sequences.create_sequence(desks.mine, code, f"{code}-####")
    section = _sequences(main_window)
    section.refresh()
    ui = section.ui
    assert ui.hierarchyCombo.currentData() == "HIER"
    section.select_for_reference("hierarchy_id", "HY")

    desks.elsewhere(lambda other: sequences.assign(other, "hierarchy_id", "HX"))
    stored = _references(desks.mine)
    with desks.refused():
        _click(qtbot, ui.hierarchyAssignButton)

    assert _references(desks.mine) == stored
    assert "hierarchy_id" in stored["HX"]
    assert ui.hierarchyCombo.currentData() == "HX"  # the other desk's choice is shown
    assert "HX-" in ui.hierarchyNext.text()
    assert not ui.hierarchyAssignButton.isEnabled()
    assert ui.referenceResult.text() == ""


def test_sequences_a_name_edit_saves_after_ids_were_issued_elsewhere(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    section = _sequences(main_window)
    ui = section.ui
    section.select_code("HIER")
    shown = sequences.get_sequence(desks.mine, "HIER").next
    assert ui.nextEdit.text() == str(shown)
    _retype(qtbot, ui.nameEdit, "Hierarchies of this desk")

    # meanwhile an approval on the other desk issues a hierarchy ID
    pending = requests.list_requests(desks.mine, status="pending")[0].id
    desks.elsewhere(lambda other: approval.approve(other, pending, deliver=False))
    issued = sequences.get_sequence(desks.mine, "HIER").next
    assert issued == shown + 1

    _click(qtbot, ui.saveButton)
    assert desks.warnings == []
    stored = sequences.get_sequence(desks.mine, "HIER")
    assert (stored.name, stored.next) == ("Hierarchies of this desk", issued)  # next kept
    assert ui.resultLabel.text() == "Number sequence HIER saved."
    assert ui.nameEdit.text() == "Hierarchies of this desk"
    assert ui.nextEdit.text() == str(issued)


# --- Jobs ▸ Customers distribution ----------------------------------------------------------


def test_jobs_changing_the_folder_changed_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main_window.ui.actionShowJobs.trigger()
    pane = main_window.jobs_pane
    assert isinstance(pane, JobsPane)
    mine, theirs = tmp_path / "my-folder", tmp_path / "other-folder"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(mine))

    desks.elsewhere(lambda other: distribution.set_folder(other, theirs))
    with desks.refused():
        _click(qtbot, pane.ui.changeFolderButton)

    assert distribution.folder(desks.mine) == theirs
    assert pane.ui.folderEdit.text() == str(theirs)


# --- the hierarchy workspace ------------------------------------------------------------------


def _hierarchy(ctx: Context, wanted: Callable[[str], bool]) -> str:
    return next(h.code for h in hierarchies.list_hierarchies(ctx) if wanted(h.code))


def _site_items(workspace: HierarchyWorkspace) -> dict[str, QListWidgetItem]:
    listed = workspace.ui.channelList
    return {
        str(listed.item(i).data(Qt.ItemDataRole.UserRole)): listed.item(i)
        for i in range(listed.count())
    }


def _ticked(workspace: HierarchyWorkspace) -> set[str]:
    return {
        site
        for site, item in _site_items(workspace).items()
        if item.checkState() == Qt.CheckState.Checked
    }


def test_channels_unticking_a_site_after_another_was_revoked_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    code = _hierarchy(desks.mine, lambda c: len(access.list_grants(desks.mine, c)) >= 2)
    grants = access.list_grants(desks.mine, code)
    workspace = open_hierarchy(main_window, code, main_window.workspace.ui.channelsTab)
    assert _ticked(workspace) == set(grants)

    desks.elsewhere(lambda other: access.revoke(other, code, grants[0]))
    with desks.refused():
        _site_items(workspace)[grants[-1]].setCheckState(Qt.CheckState.Unchecked)

    assert access.list_grants(desks.mine, code) == grants[1:]
    assert _ticked(workspace) == set(grants[1:])  # the list shows the other desk's revoke
    assert grants[0] not in workspace.ui.accessLabel.text()


def test_channels_ticking_a_site_after_another_was_granted_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    code = _hierarchy(desks.mine, lambda c: len(access.list_grants(desks.mine, c)) <= 1)
    grants = access.list_grants(desks.mine, code)
    workspace = open_hierarchy(main_window, code, main_window.workspace.ui.channelsTab)
    assert _ticked(workspace) == set(grants)
    theirs, mine = [s for s in _site_items(workspace) if s not in grants][:2]

    desks.elsewhere(lambda other: access.grant(other, code, theirs))
    with desks.refused():
        _site_items(workspace)[mine].setCheckState(Qt.CheckState.Checked)

    assert set(access.list_grants(desks.mine, code)) == {*grants, theirs}
    assert _ticked(workspace) == {*grants, theirs}  # the list shows the other desk's grant
    assert theirs in workspace.ui.accessLabel.text()
    assert mine not in workspace.ui.accessLabel.text()


@pytest.fixture
def catalogs_window(demo_workspace: Context, request: pytest.FixtureRequest) -> MainWindow:
    """The main window, opened with feature "catalogs" switched on."""
    features.set_enabled(demo_workspace, "catalogs", True)
    window = request.getfixturevalue("main_window")
    assert isinstance(window, MainWindow)
    return window


def _assigned(ctx: Context, code: str) -> list[str]:
    return [c.code for c in catalogs.view(ctx, code).assigned]


def test_catalogs_assigning_after_another_was_assigned_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    catalogs_window: MainWindow,
    desks: Desks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = desks.mine
    code = _hierarchy(ctx, lambda c: len(catalogs.view(ctx, c).assignable) >= 2)
    workspace = open_hierarchy(catalogs_window, code, catalogs_window.workspace.ui.catalogsTab)
    qtbot.waitUntil(lambda: workspace.catalog_view is not None, timeout=LOAD_TIMEOUT)
    shown = workspace.catalog_view
    assert shown is not None
    theirs, mine = shown.assignable[0].code, shown.assignable[-1].code

    def pick(_parent, _title, _label, items, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        return next(item for item in items if item.startswith(f"{mine} ")), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    desks.elsewhere(lambda other: catalogs.assign(other, code, theirs))
    stored = _assigned(ctx, code)
    with desks.refused():
        _click(qtbot, workspace.ui.assignCatalogButton)

    assert _assigned(ctx, code) == stored
    assert theirs in stored
    assert mine not in stored

    def listed() -> list[str]:
        model = workspace.catalog_model
        return [model.row_at(r).code for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: listed() == stored, timeout=LOAD_TIMEOUT)  # the tab reloaded


def test_renaming_a_hierarchy_renamed_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = hierarchies.list_hierarchies(desks.mine)[0].code
    workspace = open_hierarchy(main_window, code, main_window.workspace.ui.membersTab)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("This desk's name", True))

    desks.elsewhere(lambda other: members.rename_hierarchy(other, code, "Other desk's name"))
    with desks.refused():
        _click(qtbot, workspace.ui.renameButton)

    assert members.hierarchy_version(desks.mine, code)[0] == "Other desk's name"
    assert workspace.ui.headerLabel.text() == f"Other desk's name ({code})"
    # the screen is on the fresh copy now: the same rename goes through
    _click(qtbot, workspace.ui.renameButton)
    assert members.hierarchy_version(desks.mine, code)[0] == "This desk's name"
    assert workspace.ui.headerLabel.text() == f"This desk's name ({code})"


def test_members_a_role_change_of_a_member_disabled_elsewhere_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    desks: Desks,
) -> None:
    ctx = desks.mine

    def user(code: str) -> str | None:
        return next(
            (
                m.account
                for m in members.list_members(ctx, code)
                if m.role == "user" and m.status == "active"
            ),
            None,
        )

    code = _hierarchy(ctx, lambda c: user(c) is not None)
    account = user(code)
    workspace = open_hierarchy(main_window, code, main_window.workspace.ui.membersTab)
    qtbot.waitUntil(lambda: workspace.member_model.rowCount() > 0, timeout=LOAD_TIMEOUT)
    workspace.select_member_later(str(account))
    assert workspace.ui.roleButton.text().replace("&", "") == "Make admin"

    desks.elsewhere(lambda other: members.disable_member(other, code, str(account), "Left"))
    with qtbot.waitSignal(workspace.members_loaded, timeout=LOAD_TIMEOUT), desks.refused():
        _click(qtbot, workspace.ui.roleButton)

    stored = next(m for m in members.list_members(ctx, code) if m.account == account)
    assert (stored.role, stored.status, stored.disabled_reason) == ("user", "disabled", "Left")
    current = workspace.current_member()  # the tab reloaded and keeps the member selected
    assert current == stored
    assert workspace.ui.disableButton.text().replace("&", "") == "Enable"
