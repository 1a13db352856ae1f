"""The hierarchy workspace as a manager uses it: find, members, compare and override with
undo, channels, history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guihelp import open_hierarchy
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from hierdesk.services import access, hierarchies, members, properties
from hierdesk.services.context import Context, connect
from hierdesk.ui.main_window import AREAS, MainWindow


def _show(qtbot, window: MainWindow, code: str, tab: int = 0) -> None:  # type: ignore[no-untyped-def]
    workspace = open_hierarchy(window, code)
    workspace.ui.tabs.setCurrentIndex(tab)
    if tab == 0:
        qtbot.waitUntil(lambda: workspace.member_model.rowCount() > 0, timeout=10000)
    if tab == 1:
        qtbot.waitUntil(lambda: workspace.compare_model.rowCount() > 0, timeout=10000)
    if tab == 3:
        qtbot.waitUntil(lambda: workspace.history_model.rowCount() > 0, timeout=10000)


def _drifting(ctx: Context) -> tuple[str, str, str]:
    """A hierarchy with a member whose property differs from the organization's."""
    for summary in hierarchies.list_hierarchies(ctx):
        for row in properties.compare(ctx, summary.code).rows:
            if row.differs:
                return summary.code, row.account, row.differs[0]
    raise AssertionError("the demo has no drifting member")


def _stored(ctx: Context, code: str) -> dict[str, dict[str, Any]]:
    return {
        r.account: dict(properties.customer_detail(ctx, r.account)["properties"])
        for r in properties.compare(ctx, code).rows
    }


def test_workspace_models_pass_modeltester(
    qtbot,  # type: ignore[no-untyped-def]
    qtmodeltester,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    code, account, _prop = _drifting(demo_workspace)
    properties.set_property(demo_workspace, account, "delivery_mode", "PICKUP")  # some history
    _show(qtbot, main_window, code, tab=1)
    workspace = main_window.workspace
    qtmodeltester.check(workspace.compare_model, force_py=True)
    workspace.ui.tabs.setCurrentIndex(0)
    assert workspace.member_model.rowCount() > 0
    qtmodeltester.check(workspace.member_model, force_py=True)
    workspace.ui.tabs.setCurrentWidget(workspace.ui.historyTab)
    qtbot.waitUntil(lambda: workspace.history_model.rowCount() > 0, timeout=10000)
    qtmodeltester.check(workspace.history_model, force_py=True)


def test_compare_marks_exactly_the_differing_cells(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    code, account, prop = _drifting(demo_workspace)
    _show(qtbot, main_window, code, tab=1)
    model = main_window.workspace.compare_model
    comparison = properties.compare(demo_workspace, code)
    marked = {
        (model.row_at(r).account, model.property_at(c))
        for r in range(model.rowCount())
        for c in range(2, model.columnCount())
        if model.index(r, c).data(Qt.ItemDataRole.BackgroundRole) is not None
    }
    expected = {(row.account, p) for row in comparison.rows for p in row.differs}
    assert (account, prop) in marked
    assert marked == expected
    # the organization's value is shown with its lookup name, not its code
    org_row = model.row_of(comparison.reference)
    price = model.index(org_row, model.column_of("price_group")).data()
    assert price in (
        "Standard price",
        "Wholesale price A",
        "Wholesale price B",
        "Preferred-partner price",
    )
    # scrolled sideways to the difference, each row still names its customer and role
    table = main_window.workspace.ui.compareTable
    assert table.isColumnHidden(0)
    assert table.isColumnHidden(1)
    header = model.headerData(model.row_of(account), Qt.Orientation.Vertical)
    assert account in header
    assert header.endswith(("Admin", "User", "User / Disabled", "Admin / Disabled"))
    assert model.headerData(org_row, Qt.Orientation.Vertical).endswith("Organization")


def test_override_through_the_gui_and_undo_and_redo(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    code, account, prop = _drifting(demo_workspace)
    _show(qtbot, main_window, code, tab=1)
    workspace = main_window.workspace
    model = workspace.compare_model
    before = _stored(demo_workspace, code)
    reference = model.comparison.reference if model.comparison else ""

    # select the differing cell and override it, after the preview
    cell = model.index(model.row_of(account), model.column_of(prop))
    workspace.ui.compareTable.selectionModel().select(
        cell, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    workspace.override_selected()
    qtbot.waitUntil(lambda: workspace.preview_box is not None, timeout=10000)
    assert [(c.account, c.property) for c in workspace.last_preview] == [(account, prop)]
    box = workspace.preview_box
    assert box is not None
    assert account in box.detailedText()
    box.done(QMessageBox.StandardButton.Ok)
    after = _stored(demo_workspace, code)
    assert after[account][prop] == before[reference][prop] or prop == "invoice_account"
    changed = {(a, p) for a in before for p in before[a] if before[a][p] != after[a][p]}
    assert changed == {(account, prop)}  # only the chosen cell of the chosen member
    qtbot.waitUntil(
        lambda: model.rowCount() > 0 and not model.row_at(model.row_of(account)).differs
    )

    # Edit ▸ Undo puts the previous value back exactly; Redo applies it again
    assert main_window.undo_action.isEnabled()
    main_window.undo_action.trigger()
    assert _stored(demo_workspace, code) == before
    main_window.redo_action.trigger()
    assert _stored(demo_workspace, code) == after
    assert main_window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Y" in [s.toString() for s in main_window.redo_action.shortcuts()]


def test_undo_is_refused_when_another_desk_changed_the_customer(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    code, account, prop = _drifting(demo_workspace)
    _show(qtbot, main_window, code, tab=1)
    workspace = main_window.workspace
    comparison = workspace.compare_model.comparison
    assert comparison is not None
    versions = {r.account: r.version for r in comparison.rows}
    result = workspace.do_override(code, comparison.reference, [prop], [account], versions)
    assert result is not None
    assert result.changes

    # another desk changes the same customer
    other = connect(demo_workspace.db.location.url, demo_workspace.login)
    try:
        properties.set_property(other, account, "delivery_mode", "PICKUP")
    finally:
        other.db.dispose()
    stored = _stored(demo_workspace, code)
    main_window.undo_action.trigger()
    assert warnings
    assert "another desk" in warnings[-1]
    assert _stored(demo_workspace, code) == stored  # nothing silently overwritten
    assert not main_window.undo_action.isEnabled()  # the refused step left the stack


def test_a_stale_cell_edit_is_refused_and_the_grid_reloads(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    code, account, _prop = _drifting(demo_workspace)
    _show(qtbot, main_window, code, tab=1)
    model = main_window.workspace.compare_model
    shown = model.row_at(model.row_of(account)).values["payment_terms"]
    mine = "NET30" if shown != "NET30" else "EOM30"
    other = connect(demo_workspace.db.location.url, demo_workspace.login)
    try:
        properties.set_property(other, account, "payment_terms", "PREPAY")
    finally:
        other.db.dispose()
    index = model.index(model.row_of(account), model.column_of("payment_terms"))
    assert not model.setData(index, mine, Qt.ItemDataRole.EditRole)
    assert "another desk" in warnings[-1]
    assert properties.customer_detail(demo_workspace, account)["properties"]["payment_terms"] == (
        "PREPAY"
    )
    qtbot.waitUntil(
        lambda: (
            model.rowCount() > 0
            and model.row_at(model.row_of(account)).values["payment_terms"] == "PREPAY"
        ),
        timeout=10000,
    )
    # a fresh edit goes through
    index = model.index(model.row_of(account), model.column_of("payment_terms"))
    assert model.setData(index, mine, Qt.ItemDataRole.EditRole)
    assert properties.customer_detail(demo_workspace, account)["properties"]["payment_terms"] == (
        mine
    )


def test_members_tab_keeps_one_admin_and_adds_people(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    warnings: list[str],
) -> None:
    code = next(
        h.code
        for h in hierarchies.list_hierarchies(demo_workspace)
        if sum(
            m.role == "admin" and m.status == "active"
            for m in members.list_members(demo_workspace, h.code)
        )
        == 1
    )
    _show(qtbot, main_window, code)
    workspace = main_window.workspace
    model = workspace.member_model
    admin_row = next(r for r in range(model.rowCount()) if model.row_at(r).role == "admin")
    workspace.ui.memberTable.selectRow(admin_row)
    assert workspace.ui.roleButton.text().replace("&", "") == "Make user"
    admin = model.row_at(admin_row).account
    workspace.toggle_role()
    assert "last active admin" in warnings[-1]
    assert {m.account: m.role for m in members.list_members(demo_workspace, code)}[admin] == "admin"

    workspace.add_member()
    dialog = workspace.add_dialog
    dialog.ui.lastNameEdit.setText("新井")
    dialog.ui.firstNameEdit.setText("一郎")
    dialog.ui.lastNameKanaEdit.setText("あらい")
    dialog.ui.emailEdit.setText("ichiro.arai@workspace.example.jp")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("admin"))
    dialog.accept()
    added = next(m for m in members.list_members(demo_workspace, code) if m.name == "新井 一郎")
    assert (added.role, added.name_kana) == ("admin", "アライ")

    def selected(account: str) -> bool:
        current = workspace.current_member()
        return current is not None and current.account == account

    qtbot.waitUntil(lambda: selected(added.account), timeout=10000)  # the new row is selected
    # with two admins, the first may now become a user
    workspace.ui.memberTable.selectRow(
        next(r for r in range(model.rowCount()) if model.row_at(r).account == admin)
    )
    workspace.toggle_role()
    assert {m.account: m.role for m in members.list_members(demo_workspace, code)}[admin] == "user"
    qtbot.waitUntil(lambda: selected(admin) and workspace.current_member().role == "user")  # type: ignore[union-attr]


def test_channels_tab_grants_and_says_what_it_means(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    code = next(h.code for h in hierarchies.list_hierarchies(demo_workspace) if not h.channels)
    _show(qtbot, main_window, code, tab=2)
    workspace = main_window.workspace
    assert workspace.ui.accessLabel.text() == "No channels granted — all B2B sites"
    item = workspace.ui.channelList.item(0)
    site = item.data(Qt.ItemDataRole.UserRole)
    item.setCheckState(Qt.CheckState.Checked)
    assert access.list_grants(demo_workspace, code) == (site,)
    assert workspace.ui.accessLabel.text() == f"Only: {site}"
    item.setCheckState(Qt.CheckState.Unchecked)
    assert access.list_grants(demo_workspace, code) == ()
    workspace.ui.tabs.setCurrentWidget(workspace.ui.historyTab)
    qtbot.waitUntil(lambda: workspace.history_model.rowCount() >= 2, timeout=10000)
    actions = [workspace.history_model.row_at(r).action for r in range(2)]
    assert actions == ["channel.revoke", "channel.grant"]


def test_find_as_you_type_narrows_the_tree(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    main_window.ui.navigation.setCurrentRow(AREAS.index("hierarchies"))
    target = hierarchies.list_hierarchies(demo_workspace)[2]
    kana = str(target.organization_kana)
    hiragana = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in kana)
    main_window.ui.hierarchySearch.setText(hiragana[:3])
    tree = main_window.tree_model

    def narrowed() -> bool:
        codes = [tree.index(r, 1).data() for r in range(tree.rowCount())]
        return target.code in codes and len(codes) < 6

    qtbot.waitUntil(narrowed, timeout=5000)
    # the first match is selected and open in the workspace
    assert main_window.workspace.code == tree.index(0, 1).data()
    count = hierarchies.count_hierarchies(demo_workspace, search=hiragana[:3])
    assert main_window.ui.hierarchyCount.text() == (
        f"{count} hierarchy" if count == 1 else f"{count} hierarchies"
    )


def test_a_clerk_reads_but_does_not_change(
    clerk_window: MainWindow, demo_workspace: Context
) -> None:
    code = hierarchies.list_hierarchies(demo_workspace)[0].code
    clerk_window.ui.navigation.setCurrentRow(AREAS.index("hierarchies"))
    model = clerk_window.tree_model
    clerk_window.ui.hierarchyTree.setCurrentIndex(model.index(0, 0))
    workspace = clerk_window.workspace
    assert workspace.code == code
    assert not workspace.ui.addMemberButton.isEnabled()
    assert not workspace.ui.overrideButton.isEnabled()
    assert not workspace.ui.channelList.isEnabled()
    assert "manager" in workspace.ui.membersHint.text()


def test_export_from_the_file_menu_writes_a_workbook_off_the_gui_thread(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    code = hierarchies.list_hierarchies(demo_workspace)[1].code
    path = tmp_path / "one.xlsx"
    handle = main_window.export_hierarchies(path, code)
    qtbot.waitUntil(lambda: handle.done.is_set() and path.exists(), timeout=10000)
    qtbot.waitUntil(lambda: "Wrote" in getattr(main_window, "last_export_message", ""))
    sheet = load_workbook(path).active
    rows = sheet.max_row - 1
    assert {sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)} == {code}
    assert rows == 1 + len(members.list_members(demo_workspace, code))
    assert main_window.last_export_message == f"Wrote {rows} customers to {path}."
    assert main_window.ui.actionExportHierarchies.text() == "&Export hierarchies…"


def _add_many_members(ctx: Context, code: str, count: int) -> None:
    """A big partner, written straight into the database (the services add one at a time)."""
    from sqlalchemy import select

    from hierdesk.data.schema import Customer, Hierarchy, Member
    from hierdesk.services.numbering import allocate_many

    with ctx.db.write() as session:
        hierarchy = session.execute(select(Hierarchy).where(Hierarchy.code == code)).scalar_one()
        org = session.get_one(Customer, hierarchy.organization_id)
        accounts = allocate_many(session, "customer_account", count)
        people = [
            Customer(
                account=account,
                type="person",
                is_b2b=True,
                name=f"社員 {n:05d}",
                name_kana=f"シャイン {n:05d}",
                email=f"p{n}@big.example.jp",
                email_key=f"p{n}@big.example.jp",
                name_key=f"社員{n:05d}",
                kana_key=f"シャイン{n:05d}",
                price_group=org.price_group if n % 50 else "VIP",
                payment_terms=org.payment_terms,
                invoice_account=org.account,
            )
            for n, account in enumerate(accounts)
        ]
        session.add_all(people)
        session.flush()
        session.add_all(
            Member(hierarchy_id=hierarchy.id, customer_id=p.id, role="user", status="active")
            for p in people
        )


def test_a_partner_with_5000_members_loads_in_the_background(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    code = hierarchies.list_hierarchies(demo_workspace)[0].code
    before = len(members.list_members(demo_workspace, code))
    _add_many_members(demo_workspace, code, 5000)
    main_window.ui.navigation.setCurrentRow(AREAS.index("hierarchies"))
    main_window.ui.hierarchyTree.setCurrentIndex(main_window.tree_model.index(0, 0))
    workspace = main_window.workspace
    # the window returns to its event loop before the members are read
    assert workspace.member_model.rowCount() == 0
    qtbot.waitUntil(lambda: workspace.member_model.rowCount() == before + 5000, timeout=30000)
    workspace.ui.tabs.setCurrentIndex(1)
    assert workspace.compare_model.rowCount() == 0
    qtbot.waitUntil(lambda: workspace.compare_model.rowCount() == before + 5001, timeout=30000)
    model = workspace.compare_model
    marked = [
        model.row_at(r).account
        for r in range(model.rowCount())
        if model.index(r, model.column_of("price_group")).data(Qt.ItemDataRole.BackgroundRole)
    ]
    assert len(marked) >= 100  # every 50th of the 5,000 has a price group of its own


def test_the_tree_context_menu_acts_on_the_member_and_search_results_pass_modeltester(
    qtbot,  # type: ignore[no-untyped-def]
    qtmodeltester,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    main_window.ui.navigation.setCurrentRow(AREAS.index("hierarchies"))
    tree = main_window.tree_model
    code = tree.index(0, 1).data()
    tree.fetchMore(tree.index(0, 0))
    people = [
        tree.index(r, 0, tree.index(0, 0))
        for r in range(tree.rowCount(tree.index(0, 0)))
        if tree.index(r, 2, tree.index(0, 0)).data() == "User"
    ]
    assert people
    user = people[0]
    account = tree.index(user.row(), 1, tree.index(0, 0)).data()
    main_window.ui.hierarchyTree.setCurrentIndex(user)
    menu = main_window.tree_menu(user)
    assert menu is not None
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Make admin", "Disable…"]
    workspace = main_window.workspace
    qtbot.waitUntil(
        lambda: (
            workspace.current_member() is not None and workspace.current_member().account == account
        ),  # type: ignore[union-attr]
        timeout=10000,
    )
    menu.actions()[0].trigger()
    roles = {m.account: m.role for m in members.list_members(demo_workspace, code)}
    assert roles[account] == "admin"

    # Ctrl+F goes to the search box; the narrowed tree is still a well-behaved model
    main_window.ui.areas.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.ui.hierarchySearch.hasFocus()
    main_window.ui.hierarchySearch.insert("株式会社")  # typed through an input method
    qtbot.waitUntil(lambda: 0 < tree.rowCount() < 6, timeout=5000)
    for row in range(tree.rowCount()):
        tree.fetchMore(tree.index(row, 0))
    qtmodeltester.check(tree, force_py=True)
