"""The Requests area and the approval wizard, driven as a clerk would drive them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWizard

from hierdesk.domain.approval import Page
from hierdesk.domain.dto import RequestRow
from hierdesk.services import approval, hierarchies, requests
from hierdesk.services.context import Context
from hierdesk.ui.main_window import AREAS, MainWindow
from hierdesk.ui.requests.pane import RequestsPane
from hierdesk.ui.requests.wizard import ApprovalWizard


def _pane(window: MainWindow) -> RequestsPane:
    window.ui.navigation.setCurrentRow(AREAS.index("requests"))
    pane = window.requests_pane
    pane.load_first_page()
    return pane


def _rows(pane: RequestsPane) -> list[RequestRow]:
    return [pane.model.row_at(r) for r in range(pane.model.rowCount())]


def _pending(ctx: Context) -> list[RequestRow]:
    return requests.list_requests(ctx, status="pending", with_warnings=True)


def _clean_partner(ctx: Context) -> int:
    """A pending partner request that validates and matches nobody."""
    for row in _pending(ctx):
        if row.kind == "partner" and not row.warnings and not approval.review(ctx, row.id).errors:
            return row.id
    raise AssertionError("the demo has no clean partner request")


def _with_reason(ctx: Context, reason: str) -> RequestRow:
    for row in _pending(ctx):
        if row.kind == "partner" and reason in row.warnings:
            return row
    raise AssertionError(f"the demo has no request matching by {reason}")


def _select(pane: RequestsPane, request_id: int) -> None:
    for r, row in enumerate(_rows(pane)):
        if row.id == request_id:
            pane.ui.requestTable.selectRow(r)
            return
    raise AssertionError(f"request {request_id} is not listed")


def _open(qtbot, pane: RequestsPane, request_id: int) -> ApprovalWizard:  # type: ignore[no-untyped-def]
    _select(pane, request_id)
    wizard = pane.open_wizard(request_id)
    assert wizard is not None
    qtbot.waitExposed(wizard)
    assert wizard.currentId() == Page.REVIEW
    return wizard


def _commit(qtbot, wizard: ApprovalWizard) -> None:  # type: ignore[no-untyped-def]
    assert wizard.currentId() == Page.SUMMARY
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == Page.RESULT, timeout=15000)


def test_inbox_model_passes_modeltester_and_shows_warnings(
    qtmodeltester,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    qtmodeltester.check(pane.model, force_py=True)
    strong = _with_reason(demo_workspace, "email")
    row = next(r for r, dto in enumerate(_rows(pane)) if dto.id == strong.id)
    company = pane.model.index(row, 3)
    assert company.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "same e-mail address as an active user" in company.data(Qt.ItemDataRole.ToolTipRole)
    clean = _clean_partner(demo_workspace)
    row = next(r for r, dto in enumerate(_rows(pane)) if dto.id == clean)
    assert pane.model.index(row, 3).data(Qt.ItemDataRole.DecorationRole) is None

    _select(pane, strong.id)
    detail = pane.ui.requestDetail.toPlainText()
    assert "Possible duplicates" in detail
    assert strong.email in detail


def test_search_normalises_and_sort_by_reading(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    target = next(r for r in _pending(demo_workspace) if r.corporate_number)
    digits = str(target.corporate_number)
    full_width = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    pane.ui.searchEdit.setText(full_width[:9])

    def found_only_matches() -> bool:
        rows = _rows(pane)
        return target.id in [r.id for r in rows] and all(
            digits[:9] in str(r.corporate_number) for r in rows
        )

    qtbot.waitUntil(found_only_matches, timeout=3000)
    assert pane.ui.countLabel.text() == f"{pane.model.rowCount()} request" + (
        "s" if pane.model.rowCount() != 1 else ""
    )

    pane.ui.searchEdit.clear()
    pane.ui.sortCombo.setCurrentIndex(2)  # by reading
    qtbot.waitUntil(lambda: pane.model.rowCount() > 5, timeout=3000)
    readings = [r.company_name_kana for r in _rows(pane) if r.company_name_kana]
    from hierdesk.domain.jp import search_key, to_katakana

    keys = [search_key(to_katakana(k)) for k in readings]
    assert keys == sorted(keys)


def test_wizard_new_hierarchy_with_terms_and_grant(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    request_id = _clean_partner(demo_workspace)
    wizard = _open(qtbot, pane, request_id)
    wizard.next()
    assert wizard.currentId() == Page.DUPLICATES
    assert wizard.ui.decisionNew.isChecked()
    wizard.next()
    assert wizard.currentId() == Page.TERMS
    combo = wizard.ui.priceGroupCombo
    other = next(
        i for i in range(combo.count()) if combo.itemData(i) not in (None, combo.currentData())
    )
    combo.setCurrentIndex(other)
    price_group = combo.itemData(other)
    wizard.ui.creditLimitEdit.setText("2,500,000")
    item = wizard.ui.channelList.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    channel = item.data(Qt.ItemDataRole.UserRole)
    wizard.next()
    assert wizard.currentId() == Page.SUMMARY
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Approve"
    summary = wizard.ui.summaryText.toPlainText()
    assert f"Channel grants: {channel}" in summary
    assert "¥2,500,000" in summary
    _commit(qtbot, wizard)

    result = wizard.decision
    assert result is not None
    assert result.created_hierarchy
    assert result.hierarchy in wizard.ui.resultText.toPlainText()
    assert "notification" in wizard.ui.resultText.toPlainText()
    detail = hierarchies.get_hierarchy(demo_workspace, str(result.hierarchy))
    assert detail.channels == (channel,)
    assert detail.organization.properties["price_group"] == price_group
    assert detail.organization.properties["credit_limit"] == 2_500_000
    assert [(m.account, m.role) for m in detail.members if m.type == "person"] == [
        (result.person, "admin")
    ]
    wizard.accept()
    # the inbox no longer lists it as pending
    assert request_id not in [r.id for r in _rows(pane)]


def test_wizard_adds_a_duplicate_company_into_its_hierarchy(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    request = _with_reason(demo_workspace, "corporate_number")
    wizard = _open(qtbot, pane, request.id)
    wizard.next()
    assert wizard.currentId() == Page.DUPLICATES
    # the company exists: the wizard proposes adding into its hierarchy …
    assert wizard.ui.decisionInto.isChecked()
    into = wizard.flow.into
    assert into
    # … and refuses a new hierarchy, saying why
    wizard.ui.decisionNew.setChecked(True)
    wizard.next()
    assert wizard.currentId() == Page.DUPLICATES
    assert "already the customer" in wizard.ui.decisionProblem.text()
    wizard.ui.decisionInto.setChecked(True)
    assert wizard.ui.decisionProblem.text() == ""
    wizard.next()
    assert wizard.currentId() == Page.SUMMARY  # no terms page: the organization's terms apply
    _commit(qtbot, wizard)
    result = wizard.decision
    assert result is not None
    assert not result.created_hierarchy
    assert result.hierarchy == into
    assert result.role == "user"
    members = hierarchies.get_hierarchy(demo_workspace, into).members
    assert (str(result.person), "user") in [(m.account, m.role) for m in members]


def test_wizard_rejects_as_duplicate_with_a_required_reason(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    request = _with_reason(demo_workspace, "email")
    wizard = _open(qtbot, pane, request.id)
    wizard.next()
    # the e-mail belongs to an active user: neither new nor into is allowed
    assert wizard.ui.decisionReject.isChecked()
    wizard.ui.decisionInto.setChecked(True)
    assert "already belongs to the active user" in wizard.ui.decisionProblem.text()
    wizard.ui.decisionReject.setChecked(True)
    wizard.next()
    assert wizard.currentId() == Page.SUMMARY
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Reject"
    assert wizard.ui.reasonEdit.isVisible()
    assert wizard.ui.reasonEdit.toPlainText()  # prefilled in the requester's language
    wizard.ui.reasonEdit.setPlainText("   ")
    wizard.next()
    assert wizard.currentId() == Page.SUMMARY
    assert "Enter the reason" in wizard.ui.summaryProblem.text()
    wizard.ui.reasonEdit.setPlainText("既にご登録済みのため")
    _commit(qtbot, wizard)
    values, _candidates = requests.request_detail(demo_workspace, request.id)
    assert values["status"] == "rejected"
    assert values["reject_reason"] == "既にご登録済みのため"


def test_review_page_marks_a_bad_corporate_number_until_corrected(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    bad = next(
        r.id
        for r in _pending(demo_workspace)
        if r.kind == "partner"
        and [e.field for e in approval.review(demo_workspace, r.id).errors] == ["corporate_number"]
    )
    wizard = _open(qtbot, pane, bad)
    edit = wizard.ui.corporateNumberEdit
    assert edit.styleSheet()  # marked
    assert "check digit" in edit.toolTip()
    wizard.next()
    assert wizard.currentId() == Page.REVIEW
    assert "corporate_number" in wizard.ui.reviewProblems.text()

    from hierdesk.domain.jp import corporate_number_from_base

    fixed = corporate_number_from_base(edit.text()[1:])
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, fixed)
    assert edit.styleSheet() == ""
    assert wizard.ui.reviewProblems.text() == ""
    wizard.next()
    assert wizard.currentId() == Page.DUPLICATES


def test_bulk_approve_reports_what_was_refused(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    refused = _with_reason(demo_workspace, "email").id
    clean = _clean_partner(demo_workspace)
    before = hierarchies.count_hierarchies(demo_workspace)
    handle = pane.run_bulk("approve", [clean, refused])
    qtbot.waitUntil(lambda: handle.done.is_set() and pane.last_summary != "", timeout=15000)
    assert "1 request approved." in pane.last_summary
    assert "1 request refused:" in pane.last_summary
    assert f"Request {refused}:" in pane.last_summary
    assert "already belongs to the active user" in pane.last_summary
    assert hierarchies.count_hierarchies(demo_workspace) == before + 1
    assert refused in [r.id for r in _rows(pane)]
    assert clean not in [r.id for r in _rows(pane)]


def test_reject_dialog_needs_a_reason_and_rejects_every_selected_request(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    table = pane.ui.requestTable
    table.selectRow(0)
    table.selectionModel().select(
        pane.model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    ids = [r.id for r in pane.selected_rows()]
    assert len(ids) == 2
    pane.reject_selected()
    dialog = pane.reject_dialog
    ok = dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "2 requests" in dialog.ui.whatLabel.text()
    dialog.ui.presetCombo.activated.emit(4)  # "The request was sent twice."
    assert ok.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: "2 requests rejected." in pane.last_summary, timeout=15000)
    for request_id in ids:
        values, _candidates = requests.request_detail(demo_workspace, request_id)
        assert values["status"] == "rejected"
        assert values["reject_reason"] == "The request was sent twice."


def test_import_detects_shift_jis_and_sums_up(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    tmp_path: Path,
) -> None:
    pane = _pane(main_window)
    before = requests.count_requests(demo_workspace, status="pending")
    path = tmp_path / "requests.csv"
    path.write_bytes(
        (
            "external_id,channel,company_name,company_name_kana,email,last_name,first_name,"
            "postal_code\r\n"
            "GUI-1,B2B-JP,株式会社テスト商会,ﾃｽﾄｼｮｳｶｲ,gui1@test-shokai.example.jp,山田,花子,"
            "〒１００－０００１\r\n"
            "GUI-2,B2B-JP,,,not-an-address,山田,太郎,\r\n"
        ).encode("cp932")
    )
    handle = pane.import_file(path)
    assert handle is not None
    qtbot.waitUntil(lambda: "Imported" in pane.last_summary, timeout=15000)
    assert "Imported 1 requests; 0 were imported before." in pane.last_summary
    assert "Row 2:" in pane.last_summary
    assert requests.count_requests(demo_workspace, status="pending") == before + 1
    imported = requests.list_requests(demo_workspace, search="テストショウカイ")
    assert [r.company_name_kana for r in imported] == ["テストショウカイ"]


@pytest.mark.parametrize("language", ["ja"])
def test_wizard_follows_a_language_switch(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
    language: str,
) -> None:
    pane = _pane(main_window)
    wizard = _open(qtbot, pane, _clean_partner(demo_workspace))
    main_window.set_language(language)
    assert wizard.windowTitle().startswith("申請")
    assert wizard.ui.reviewPage.title() == "申請内容の確認"
    assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "受信日時"
    wizard.reject()
    assert not pane.model.canFetchMore(QModelIndex()) or pane.model.rowCount() > 0


def _add_user_request(ctx: Context, *, allowed: bool) -> int:
    for row in _pending(ctx):
        if row.kind == "add_user" and not approval.review(ctx, row.id).errors:
            problem = approval.review(ctx, row.id).requester_problem
            if (problem is None) == allowed:
                return row.id
    raise AssertionError("the demo has no such add_user request")


def test_wizard_adds_a_colleague_into_the_hierarchy_the_admin_named(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    request_id = _add_user_request(demo_workspace, allowed=True)
    target = approval.review(demo_workspace, request_id).target
    wizard = _open(qtbot, pane, request_id)
    assert wizard.ui.companyNameEdit.isReadOnly()
    wizard.next()
    assert wizard.ui.decisionInto.isChecked()
    assert not wizard.ui.decisionNew.isEnabled()
    assert "is an active admin of" in wizard.ui.requesterLabel.text()
    wizard.next()
    _commit(qtbot, wizard)
    result = wizard.decision
    assert result is not None
    assert (result.hierarchy, result.role) == (target, "user")


def test_wizard_refuses_a_colleague_asked_for_by_someone_who_is_not_an_admin(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    pane = _pane(main_window)
    request_id = _add_user_request(demo_workspace, allowed=False)
    wizard = _open(qtbot, pane, request_id)
    wizard.next()
    assert wizard.ui.decisionReject.isChecked()  # proposed: reject
    assert "is not an active admin" in wizard.ui.requesterLabel.text()
    wizard.ui.decisionInto.setChecked(True)
    assert "is not an active admin" in wizard.ui.decisionProblem.text()
    wizard.next()
    assert wizard.currentId() == Page.DUPLICATES


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_notification_that_cannot_be_sent_waits_and_goes_out_later(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
    demo_workspace: Context,
) -> None:
    from hierdesk.services import notices, notifications

    notifications.set_transport(
        demo_workspace,
        mode="smtp",
        host="127.0.0.1",
        port=_closed_port(),
        starttls=False,
        sender="b2b@example.jp",
    )
    pane = _pane(main_window)
    assert pane.ui.queueLabel.isHidden()
    clean = _clean_partner(demo_workspace)
    handle = pane.run_bulk("approve", [clean])
    qtbot.waitUntil(lambda: handle.done.is_set() and pane.last_summary != "", timeout=15000)
    # the decision stands; the notification waits, and the area says so
    assert "1 request approved." in pane.last_summary
    assert "could not be sent yet" in pane.last_summary
    values, _candidates = requests.request_detail(demo_workspace, clean)
    assert values["status"] == "approved"
    assert pane.ui.queueLabel.text() == "1 notification waits to be sent"
    assert not pane.ui.retryButton.isHidden()

    # the background retry tries again, and still cannot send
    handle = pane._retry_quietly()
    assert handle is not None
    qtbot.waitUntil(handle.done.is_set, timeout=15000)
    assert notices.count_queued(demo_workspace) == 1
    waiting = notices.list_notifications(demo_workspace, status="queued")
    assert waiting[0].error is not None
    assert "cannot be reached" in waiting[0].error

    # the mail goes to the outbox instead now: Send now delivers it
    notifications.set_transport(demo_workspace, mode="outbox")
    pane.last_summary = ""
    qtbot.mouseClick(pane.ui.retryButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.last_summary != "", timeout=15000)
    assert "Delivered 1 of 1 waiting notifications." in pane.last_summary
    assert notices.count_queued(demo_workspace) == 0
    assert pane.ui.queueLabel.isHidden()
