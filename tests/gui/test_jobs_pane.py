"""The Jobs area: the customers distribution job and the sign-ins from the sites, driven
as a clerk or an administrator would drive them."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QPushButton

from hierdesk.domain.distribution import PROBLEMS
from hierdesk.i18n.core import _
from hierdesk.services import distribution, features, hierarchies
from hierdesk.services.context import Context
from hierdesk.services.signins import SigninRow
from hierdesk.ui.jobs.models import (
    SIGNIN_COL_NEXT_STEP,
    SIGNIN_COL_OUTCOME,
    SITE_COL_CODE,
    SITE_COL_HELD_BACK,
    SITE_COL_LAST_RUN,
    SITE_COL_TO_PUBLISH,
    SITE_COL_TO_WITHDRAW,
)
from hierdesk.ui.jobs.pane import JobsPane
from hierdesk.ui.main_window import MainWindow


def _pane(window: MainWindow) -> JobsPane:
    window.ui.actionShowJobs.trigger()
    assert window.current_area() == "jobs"
    return window.jobs_pane


def _wait(qtbot, pane: JobsPane) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not pane.busy, timeout=20000)


def _site_row(pane: JobsPane, code: str) -> int:
    model = pane.sites_model
    for row in range(model.rowCount()):
        if model.index(row, SITE_COL_CODE).data() == code:
            return row
    raise AssertionError(f"{code} is not listed")


def _site(pane: JobsPane, code: str, column: int) -> str:
    return str(pane.sites_model.index(_site_row(pane, code), column).data())


def _signins(pane: JobsPane) -> list[SigninRow]:
    model = pane.signins_model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.row_at(r) for r in range(model.rowCount())]


def _choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent, caption, _start="", *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    return asked


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *_args, **_kwargs: (str(path), "Sign-in files (*.csv *.json *.jsonl)"),
    )


def _person(ctx: Context, *, may_use: str | None = None, not_granted: str | None = None) -> str:
    """The e-mail of an active person of a hierarchy that may use ``may_use`` (restriction is
    on in the demo), or whose grants leave out ``not_granted``."""
    for summary in hierarchies.list_hierarchies(ctx):
        granted = summary.channels
        if may_use is not None and granted and may_use not in granted:
            continue
        if not_granted is not None and (not granted or not_granted in granted):
            continue
        for member in hierarchies.list_members(ctx, summary.code):
            if member.type == "person" and member.status == "active" and member.email:
                return member.email
    raise AssertionError("the demo has no such person")


# --- the customers distribution --------------------------------------------------------------


def test_running_the_distribution_publishes_the_sites_and_shows_the_run(
    qtbot,  # type: ignore[no-untyped-def]
    qtmodeltester,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = _pane(main_window)
    folder = tmp_path / "sites"
    # an administrator chooses the folder the sites read
    asked = _choose_folder(monkeypatch, folder)
    assert pane.ui.changeFolderButton.isEnabled()
    assert pane.ui.folderNote.isHidden()
    qtbot.mouseClick(pane.ui.changeFolderButton, Qt.MouseButton.LeftButton)
    assert asked == ["Folder the sites read"]
    assert pane.ui.folderEdit.text() == str(folder)
    assert distribution.folder(demo_workspace) == folder

    # every active site, never run, with everything still to publish (in bold)
    codes = [pane.sites_model.index(r, SITE_COL_CODE).data() for r in range(3)]
    assert codes == ["B2B-EN", "B2B-JP", "B2B-PRO"]
    assert _site(pane, "B2B-JP", SITE_COL_LAST_RUN) == "Never"
    assert int(_site(pane, "B2B-JP", SITE_COL_TO_PUBLISH)) > 0
    bold = pane.sites_model.index(_site_row(pane, "B2B-JP"), 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont)
    assert bold.bold()
    assert pane.runs_model.rowCount() == 0
    qtmodeltester.check(pane.sites_model, force_py=True)

    # one site
    pane.ui.sitesTable.selectRow(_site_row(pane, "B2B-JP"))
    assert pane.ui.runSelectedButton.isEnabled()
    qtbot.mouseClick(pane.ui.runSelectedButton, Qt.MouseButton.LeftButton)
    assert pane.busy
    assert not pane.ui.runAllButton.isEnabled()  # no second run while one is going
    _wait(qtbot, pane)
    assert sorted(p.name for p in folder.iterdir()) == ["B2B-JP.json"]
    published = json.loads((folder / "B2B-JP.json").read_text(encoding="utf-8"))
    assert published["channel"] == "B2B-JP"
    assert "B2B-JP: " in pane.last_summary
    assert f"{len(published['customers'])} customers" in pane.last_summary
    assert "withdrawn 0" in pane.last_summary
    assert _site(pane, "B2B-JP", SITE_COL_LAST_RUN) != "Never"
    assert _site(pane, "B2B-JP", 3) == demo_workspace.login  # run by
    assert _site(pane, "B2B-JP", SITE_COL_TO_PUBLISH) == "0"
    assert _site(pane, "B2B-EN", SITE_COL_LAST_RUN) == "Never"
    assert pane.runs_model.rowCount() == 1
    assert pane.runs_model.index(0, 1).data() == "B2B-JP"
    # the run is in the audit log at once
    assert main_window.audit_model.index(0, 2).data() != ""

    # then every site: B2B-JP's file already says exactly this and stays as it was
    before = (folder / "B2B-JP.json").read_bytes()
    qtbot.mouseClick(pane.ui.runAllButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)
    assert sorted(p.name for p in folder.iterdir()) == [
        "B2B-EN.json",
        "B2B-JP.json",
        "B2B-PRO.json",
    ]
    assert (folder / "B2B-JP.json").read_bytes() == before
    assert "left as it was" in pane.last_summary
    for code in ("B2B-EN", "B2B-JP", "B2B-PRO"):
        assert _site(pane, code, SITE_COL_TO_PUBLISH) == "0"
        assert _site(pane, code, SITE_COL_TO_WITHDRAW) == "0"
        font = pane.sites_model.index(_site_row(pane, code), 0).data(Qt.ItemDataRole.FontRole)
        assert font is None or not font.bold()
    assert pane.runs_model.rowCount() == 4
    assert {pane.runs_model.index(r, 1).data() for r in range(3)} == {
        "B2B-EN",
        "B2B-JP",
        "B2B-PRO",
    }
    qtmodeltester.check(pane.runs_model, force_py=True)
    qtmodeltester.check(pane.sites_model, force_py=True)


def test_what_changed_since_the_run_and_held_back_hierarchies(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
) -> None:
    from hierdesk.services import catalogs, members

    ctx = demo_workspace
    distribution.set_folder(ctx, tmp_path / "sites")
    pane = _pane(main_window)
    qtbot.mouseClick(pane.ui.runAllButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)
    assert all(_site(pane, s.channel, SITE_COL_TO_WITHDRAW) == "0" for s in pane.sites())
    everywhere = [h.code for h in hierarchies.list_hierarchies(ctx) if not h.channels]
    # since the run: a member of a hierarchy that may use every site is disabled …
    disabled = next(
        (h, m.account)
        for h in everywhere
        for m in hierarchies.list_members(ctx, h)
        if m.type == "person" and m.status == "active" and m.role == "user"
    )
    members.disable_member(ctx, *disabled, "退職のため")
    # … and, with multiple catalogs on, another one loses its catalogs: it is held back
    features.set_enabled(ctx, "catalogs", True)
    held = next(h for h in everywhere if h != disabled[0])
    for catalog in catalogs.view(ctx, held).assigned:
        catalogs.unassign(ctx, held, catalog.code)
    main_window.apply_features()
    main_window.ui.actionShowHierarchies.trigger()
    pane = _pane(main_window)  # shown again: what changed is read again
    for state in pane.sites():
        code = state.channel
        assert int(_site(pane, code, SITE_COL_TO_WITHDRAW)) >= 2  # the member, the held back
        assert _site(pane, code, SITE_COL_HELD_BACK) == "1"
        cell = pane.sites_model.index(_site_row(pane, code), SITE_COL_HELD_BACK)
        assert held in cell.data(Qt.ItemDataRole.ToolTipRole)
        font = pane.sites_model.index(_site_row(pane, code), 0).data(Qt.ItemDataRole.FontRole)
        assert font.bold()
    tip = pane.sites_model.headerData(
        SITE_COL_HELD_BACK, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "none of their catalogs is offered" in tip

    qtbot.mouseClick(pane.ui.runAllButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)
    assert f"1 hierarchy held back (no catalog on this site): {held}" in pane.last_summary
    for state in pane.sites():
        assert _site(pane, state.channel, SITE_COL_TO_WITHDRAW) == "0"
        assert _site(pane, state.channel, SITE_COL_HELD_BACK) == "1"  # still without catalog


def test_cancel_leaves_no_file_and_records_no_run(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "sites"
    distribution.set_folder(demo_workspace, folder)
    # the job waits at its first step until the user has pressed Cancel
    gate = threading.Event()
    real = distribution.distribute

    def gated(ctx, out, *, channel=None, progress=None):  # type: ignore[no-untyped-def]
        def step(done: int, total: int) -> bool:
            gate.wait(10)
            return progress(done, total)

        return real(ctx, out, channel=channel, progress=step)

    monkeypatch.setattr(distribution, "distribute", gated)
    pane = _pane(main_window)
    qtbot.mouseClick(pane.ui.runAllButton, Qt.MouseButton.LeftButton)
    dialog = pane.progress
    assert dialog is not None
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    assert cancel.text() == "Cancel"
    cancel.click()
    gate.set()
    _wait(qtbot, pane)
    assert "cancelled" in pane.last_summary
    assert not folder.exists() or list(folder.iterdir()) == []
    assert all(s.last_run_at is None for s in distribution.overview(demo_workspace))
    assert _site(pane, "B2B-JP", SITE_COL_LAST_RUN) == "Never"
    assert pane.runs_model.rowCount() == 0
    assert pane.ui.runAllButton.isEnabled()


# --- sign-ins ------------------------------------------------------------------------------


def test_import_shows_every_outcome_and_the_filter_narrows_the_rows(
    qtbot,  # type: ignore[no-untyped-def]
    qtmodeltester,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = demo_workspace
    features.set_enabled(ctx, "auto_link", True)
    distribution.distribute(ctx, tmp_path / "sites", channel="B2B-JP")
    main_window.apply_features()
    linked = _person(ctx, may_use="B2B-JP")
    waiting = _person(ctx, may_use="B2B-PRO")
    denied = _person(ctx, not_granted="B2B-EN")
    # a CSV as Excel saves it in Japan (Shift_JIS); the last row is refused
    path = tmp_path / "signins.csv"
    path.write_bytes(
        (
            "identity_id,email,channel,signed_in_at\r\n"
            f"営業部-0001,{linked},B2B-JP,2026-11-26T09:30:00+09:00\r\n"
            f"id-0002,{waiting},B2B-PRO,2026-11-26T09:31:00+09:00\r\n"
            f"id-0003,{denied},B2B-EN,2026-11-26T09:32:00+09:00\r\n"
            "id-0004,nobody@unknown.example.com,B2B-JP,\r\n"
            "id-0005,not-an-address,B2B-JP,\r\n"
        ).encode("cp932")
    )
    pane = _pane(main_window)
    pane.ui.jobTabs.setCurrentIndex(1)
    assert pane.ui.autoLinkNote.isHidden()
    _choose_file(monkeypatch, path)
    qtbot.mouseClick(pane.ui.importSigninsButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)

    summary = pane.last_summary
    assert "4 sign-ins from signins.csv were read:" in summary
    for line in (
        "Linked: 1",
        "Not yet distributed: 1",
        "Site not allowed: 1",
        "No customer with this e-mail: 1",
        "1 row was refused and not imported:",
        "Row 5: email:",
    ):
        assert line in summary, f"{line!r} not in {summary!r}"

    rows = _signins(pane)
    assert len(rows) == 4
    by_identity = {r.identity_id: r for r in rows}
    assert set(by_identity) == {"営業部-0001", "id-0002", "id-0003", "id-0004"}
    assert pane.ui.signinCount.text() == "4 sign-ins"
    model = pane.signins_model
    for row, dto in enumerate(rows):
        outcome = model.index(row, SIGNIN_COL_OUTCOME)
        icon = outcome.data(Qt.ItemDataRole.DecorationRole)
        assert (icon is not None) == (dto.outcome in PROBLEMS)
        assert model.index(row, SIGNIN_COL_NEXT_STEP).data()
    linked_row = next(r for r, dto in enumerate(rows) if dto.identity_id == "営業部-0001")
    assert model.index(linked_row, SIGNIN_COL_OUTCOME).data() == "Linked"

    # the filter says how many of each, and narrows the rows
    combo = pane.ui.outcomeFilter
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[:3] == ["All (4)", "Problems (3)", "Linked (1)"]
    assert "Site not allowed (1)" in items
    pane.set_outcome_filter("problems")
    assert {r.identity_id for r in _signins(pane)} == {"id-0002", "id-0003", "id-0004"}
    assert pane.ui.signinCount.text() == "3 sign-ins"
    combo.setCurrentIndex(combo.findData("channel_denied"))
    assert [r.identity_id for r in _signins(pane)] == ["id-0003"]

    # the details of the selected sign-in say what to do next, in full
    pane.ui.signinTable.selectRow(0)
    detail = pane.ui.signinDetail.toPlainText()
    assert "Site not allowed" in detail
    assert "may not use B2B-EN: grant the site to the hierarchy" in detail

    # search as you type (within the chosen outcome, then all of them)
    pane.set_outcome_filter(None)
    pane.ui.signinSearch.setText("nobody@")
    qtbot.waitUntil(lambda: [r.identity_id for r in _signins(pane)] == ["id-0004"], timeout=3000)
    pane.ui.signinTable.selectRow(0)
    assert "No active B2B person has this e-mail" in pane.ui.signinDetail.toPlainText()
    # (last: pytest-qt's tester fetches more inside a reset of a lazy model and complains)
    pane.ui.signinSearch.clear()
    pane.reload_signins()
    assert pane.signins_model.rowCount() == 4
    qtmodeltester.check(pane.signins_model, force_py=True)


def test_link_pending_links_the_waiting_sign_ins_once_auto_link_is_on(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = demo_workspace
    distribution.distribute(ctx, tmp_path / "sites", channel="B2B-JP")
    first = _person(ctx, may_use="B2B-JP")
    others = [
        m.email
        for h in hierarchies.list_hierarchies(ctx)
        if not h.channels or "B2B-JP" in h.channels
        for m in hierarchies.list_members(ctx, h.code)
        if m.type == "person" and m.status == "active" and m.email and m.email != first
    ]
    path = tmp_path / "signins.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"identity_id": f"id-{n}", "email": email, "channel": "B2B-JP"})
            for n, email in enumerate((first, others[0]))
        )
        + "\n",
        encoding="utf-8",
    )
    pane = _pane(main_window)
    pane.ui.jobTabs.setCurrentIndex(1)
    # automatic linking is off in the demo: the tab says so, and the sign-ins wait
    assert not pane.ui.autoLinkNote.isHidden()
    assert "Local identity record and Commerce customer automatic linking" in (
        pane.ui.autoLinkNote.text()
    )
    _choose_file(monkeypatch, path)
    qtbot.mouseClick(pane.ui.importSigninsButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)
    assert "Automatic linking off: 2" in pane.last_summary
    assert [r.outcome for r in _signins(pane)] == ["auto_link_disabled"] * 2
    pane.ui.signinTable.selectRow(0)
    assert "Automatic linking is off" in pane.ui.signinDetail.toPlainText()

    # an administrator switches it on; Link pending links them
    features.set_enabled(ctx, "auto_link", True)
    main_window.apply_features()
    assert pane.ui.autoLinkNote.isHidden()
    qtbot.mouseClick(pane.ui.linkPendingButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)
    assert "2 waiting sign-ins were decided again:" in pane.last_summary
    assert "Linked: 2" in pane.last_summary
    rows = _signins(pane)
    assert [r.outcome for r in rows] == ["linked", "linked"]
    assert all(r.customer for r in rows)
    assert pane.ui.outcomeFilter.itemText(1) == "Problems (0)"
    assert pane.signins_model.index(0, SIGNIN_COL_OUTCOME).data() == "Linked"

    # nothing waits any more
    qtbot.mouseClick(pane.ui.linkPendingButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)
    assert pane.last_summary == "No sign-in was waiting to be linked."


# --- roles, features, keyboard and language --------------------------------------------------


def test_a_clerk_runs_jobs_but_cannot_change_the_folder(
    qtbot,  # type: ignore[no-untyped-def]
    clerk_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = _pane(clerk_window)
    before = distribution.folder(demo_workspace)
    assert not pane.ui.changeFolderButton.isEnabled()
    assert not pane.ui.folderNote.isHidden()
    assert "Administrator" in pane.ui.folderNote.text()
    assert "tanaka (Clerk)" in pane.ui.folderNote.text()
    asked = _choose_folder(monkeypatch, tmp_path / "elsewhere")
    qtbot.mouseClick(pane.ui.changeFolderButton, Qt.MouseButton.LeftButton)
    pane.change_folder()
    assert asked == []
    assert distribution.folder(demo_workspace) == before
    assert pane.ui.folderEdit.text() == str(before)

    # the clerk may run the job (into the folder an administrator chose)
    assert pane.ui.runAllButton.isEnabled()
    assert pane.ui.importSigninsButton.isEnabled()
    qtbot.mouseClick(pane.ui.runAllButton, Qt.MouseButton.LeftButton)
    _wait(qtbot, pane)
    assert (before / "B2B-JP.json").is_file()
    assert pane.runs_model.index(0, 2).data() == "tanaka"


def test_with_b2b_off_the_pane_says_why_and_its_actions_are_disabled(
    main_window: MainWindow, demo_workspace: Context
) -> None:
    pane = _pane(main_window)
    buttons = (
        pane.ui.runSelectedButton,
        pane.ui.runAllButton,
        pane.ui.importSigninsButton,
        pane.ui.linkPendingButton,
    )
    assert pane.ui.jobsBanner.isHidden()
    assert all(b.isEnabled() for b in buttons)
    features.set_enabled(demo_workspace, "channel_restriction", False)
    features.set_enabled(demo_workspace, "b2b", False)
    main_window.apply_features()
    assert not pane.ui.jobsBanner.isHidden()
    assert "Use of B2B eCommerce capabilities" in pane.ui.jobsBanner.text()
    assert not any(b.isEnabled() for b in buttons)
    assert not pane.ui.sitesTable.isEnabled()
    assert pane.run_distribution(None) is None
    assert pane.link_pending() is None

    features.set_enabled(demo_workspace, "b2b", True)
    main_window.apply_features()
    assert pane.ui.jobsBanner.isHidden()
    assert all(b.isEnabled() for b in buttons)


def test_every_button_has_its_own_mnemonic(main_window: MainWindow) -> None:
    pane = _pane(main_window)
    ui = pane.ui
    menus = {
        a.text().split("&")[1][0].lower()
        for a in main_window.menuBar().actions()
        if "&" in a.text()
    }
    assert menus >= {"f", "e", "v", "h"}
    tabs = {ui.jobTabs.tabText(i).split("&")[1][0].lower() for i in range(ui.jobTabs.count())}
    for tab in (ui.distributionTab, ui.signinsTab):
        letters = [b.text().split("&")[1][0].lower() for b in tab.findChildren(QPushButton)]
        assert len(letters) == len(set(letters)), letters
        assert not set(letters) & (menus | tabs)
    assert len(tabs) == 2


def test_a_language_switch_relabels_the_pane(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
) -> None:
    distribution.distribute(demo_workspace, tmp_path / "sites", channel="B2B-JP")
    pane = _pane(main_window)
    pane.refresh()
    ui = pane.ui
    english = {
        "title": ui.jobsTitle.text(),
        "site header": pane.sites_model.headerData(0, Qt.Orientation.Horizontal),
        "runs header": pane.runs_model.headerData(0, Qt.Orientation.Horizontal),
        "run at": pane.runs_model.index(0, 0).data(),
        "filter": ui.outcomeFilter.itemText(0),
    }
    assert english["filter"] == "All (0)"
    main_window.set_language("ja")
    assert ui.jobsTitle.text() == "ジョブ"
    assert pane.sites_model.headerData(0, Qt.Orientation.Horizontal) == "サイト"
    assert pane.runs_model.headerData(0, Qt.Orientation.Horizontal) == "実行日時"
    assert ui.outcomeFilter.itemText(0).startswith("すべて")
    assert "/" in pane.runs_model.index(0, 0).data()  # 2026/11/26 9:05
    assert pane.runs_model.index(0, 0).data() != english["run at"]
    # the texts of the form follow the catalog, whatever it has translated yet
    assert ui.runAllButton.text() == _("Run for &all sites")
    assert ui.jobTabs.tabText(1) == _("Si&gn-ins")
    assert ui.signinSearch.placeholderText() == _("E-mail, identity or customer account")

    main_window.set_language("en")
    assert {
        "title": ui.jobsTitle.text(),
        "site header": pane.sites_model.headerData(0, Qt.Orientation.Horizontal),
        "runs header": pane.runs_model.headerData(0, Qt.Orientation.Horizontal),
        "run at": pane.runs_model.index(0, 0).data(),
        "filter": ui.outcomeFilter.itemText(0),
    } == english
    assert ui.runAllButton.text() == "Run for &all sites"
