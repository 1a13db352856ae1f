"""Render every area of the main window in both languages to PNG files.

Usage: ``python packaging/screenshots.py [OUT_DIR]`` (default ``docs/screenshots``). Builds
a demo database in a temporary folder; runs offscreen unless a display is set. A CJK font
must be installed for the Japanese screens (Debian: fonts-ipafont-gothic).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hierdesk.app import create_main_window
from hierdesk.services.demo import load_demo
from hierdesk.services.setup import initialize
from hierdesk.settings import Settings
from hierdesk.ui.main_window import AREAS
from hierdesk.ui.settings.pane import SECTIONS


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        # the outbox, settings and keyring lookups stay in the temporary folder
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        db = str(Path(tmp) / "demo.sqlite3")
        ctx, _ = initialize(db, "admin")
        load_demo(ctx)
        ctx.db.dispose()
        os.environ["HIERDESK_OPERATOR"] = "admin"
        window = create_main_window(
            db, "en", settings=Settings(), settings_path=Path(tmp) / "settings.json"
        )
        window.resize(1280, 760)
        window.show()
        tree = window.ui.hierarchyTree
        for row in (0, 2):
            tree.expand(window.tree_model.index(row, 0))
        for language in ("en", "ja"):
            window.set_language(language)
            for area in AREAS:
                if area == "settings":
                    continue  # one picture per settings section below
                window.ui.navigation.setCurrentRow(AREAS.index(area))
                if area == "audit":
                    window.audit_pane.ui.auditTable.selectRow(0)
                if area == "requests":
                    _select_request(window, strong=True)
                if area == "hierarchies":
                    _workspace_pictures(app, window, out, language)
                if area == "jobs":
                    _jobs_pictures(app, window, out, language, Path(tmp))
                    continue
                app.processEvents()
                path = out / f"{area}-{language}.png"
                window.grab().save(str(path))
                print(path)
            window.ui.navigation.setCurrentRow(AREAS.index("settings"))
            for key, _cls in SECTIONS:
                window.settings_pane.show_section(key)
                app.processEvents()
                path = out / f"settings-{key}-{language}.png"
                window.grab().save(str(path))
                print(path)
        for language in ("en", "ja"):
            window.set_language(language)
            _wizard_pictures(app, window, out, language)
        window.close()
        window.ctx.db.dispose()
    return 0


def _workspace_pictures(app: QApplication, window, out: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The hierarchy workspace with each of its tabs, on a hierarchy whose members drift."""
    from hierdesk.services import properties

    tree = window.ui.hierarchyTree
    model = window.tree_model
    row = 0
    for candidate in range(model.rowCount()):
        code = model.index(candidate, 1).data()
        if any(r.differs for r in properties.compare(window.ctx, code).rows):
            row = candidate
            break
    code = model.index(row, 1).data()
    if language == "en":  # a little history to show: a grant taken back, a changed term
        from hierdesk.services import access, features

        access.grant(window.ctx, code, "B2B-PRO")
        access.revoke(window.ctx, code, "B2B-PRO")
        person = next(r for r in properties.compare(window.ctx, code).rows if r.type == "person")
        properties.set_property(window.ctx, person.account, "delivery_mode", "EXPRESS")
        features.set_enabled(window.ctx, "catalogs", True)  # the Catalogs tab in use
    tree.setCurrentIndex(model.index(row, 0))
    tree.expand(model.index(row, 0))
    workspace = window.workspace
    workspace.reload()
    ui = workspace.ui
    for name, tab, filled in (
        ("members", ui.membersTab, workspace.member_model.rowCount),
        ("properties", ui.propertiesTab, workspace.compare_model.rowCount),
        ("channels", ui.channelsTab, ui.channelList.count),
        ("catalogs", ui.catalogsTab, workspace.catalog_model.rowCount),
        ("orders", ui.ordersTab, workspace.member_totals_model.rowCount),
        ("history", ui.historyTab, workspace.history_model.rowCount),
    ):
        ui.tabs.setCurrentWidget(tab)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not filled():
            app.processEvents()
            time.sleep(0.02)
        time.sleep(0.2)
        app.processEvents()
        _save(app, window, out / f"hierarchy-{name}-{language}.png")
    ui.tabs.setCurrentWidget(ui.membersTab)


def _wait_for_job(app: QApplication, pane) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 30
    while pane.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
    pane.close_summary()
    app.processEvents()


def _jobs_data(app: QApplication, window, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """Every site published once, then a few changes the next run would publish; sign-ins
    with every kind of outcome, some from before automatic linking was switched on."""
    import json

    from hierdesk.services import catalogs, distribution, features, hierarchies, members

    ctx = window.ctx
    pane = window.jobs_pane
    features.set_enabled(ctx, "catalogs", True)  # a hierarchy without a catalog is held back
    distribution.set_folder(ctx, tmp / "sites")
    window.apply_features()
    pane.shown()
    pane.run_distribution(None)
    _wait_for_job(app, pane)

    summaries = {h.code: h for h in hierarchies.list_hierarchies(ctx)}
    held = set(catalogs.without_catalog(ctx))

    def persons(code: str) -> list:  # type: ignore[type-arg]
        return [m for m in hierarchies.list_members(ctx, code) if m.type == "person"]

    only_jp = next(c for c, h in summaries.items() if h.channels == ("B2B-JP",))
    only_pro = next(c for c, h in summaries.items() if h.channels == ("B2B-PRO",))
    all_sites = [c for c, h in summaries.items() if not h.channels and c not in held]
    everywhere, renamed = all_sites[0], all_sites[1]

    def colleague(email: str, last: str, first: str, last_kana: str, first_kana: str):  # type: ignore[no-untyped-def]
        return members.add_member(
            ctx,
            only_pro,
            email=email,
            last_name=last,
            first_name=first,
            last_name_kana=last_kana,
            first_name_kana=first_kana,
        )

    # a new colleague, published to the one site the partner may use …
    added = colleague("kenta.mori@example-pro.jp", "森", "健太", "モリ", "ケンタ")
    pane.run_distribution("B2B-PRO")
    _wait_for_job(app, pane)
    # … and since then: another colleague, a member who left, a hierarchy renamed
    newest = colleague("yui.ishikawa@example-pro.jp", "石川", "結衣", "イシカワ", "ユイ")
    leaving = persons(only_jp)[-1]
    members.disable_member(ctx, only_jp, leaving.account, "退職のため")
    members.rename_hierarchy(ctx, renamed, f"{summaries[renamed].name}（本社）")

    def signin(n: int, email: str | None, channel: str, minute: int) -> dict[str, str]:
        return {
            "identity_id": f"aad-{n:04d}-7f3c",
            "email": email or f"unknown{n}@example.com",
            "channel": channel,
            "signed_in_at": f"2026-11-26T09:{minute:02d}:00+09:00",
        }

    early = [signin(1, persons(everywhere)[0].email, "B2B-JP", 2)]
    late = [  # linked, site not allowed, nobody, a disabled member, not yet published
        signin(2, persons(only_jp)[0].email, "B2B-JP", 11),
        signin(3, persons(renamed)[0].email, "B2B-EN", 14),
        signin(4, persons(only_jp)[0].email, "B2B-EN", 20),
        signin(5, None, "B2B-JP", 26),
        signin(6, leaving.email, "B2B-JP", 29),
        signin(7, newest.email, "B2B-PRO", 31),
        signin(8, added.email, "B2B-PRO", 33),
        signin(9, persons(only_pro)[0].email, "B2B-PRO", 37),
    ]
    (tmp / "early.json").write_text(json.dumps(early), encoding="utf-8")
    (tmp / "signins.jsonl").write_text(
        "\n".join(json.dumps(row) for row in late) + "\n", encoding="utf-8"
    )
    pane.import_signin_file(tmp / "early.json")
    _wait_for_job(app, pane)
    features.set_enabled(ctx, "auto_link", True)
    pane.import_signin_file(tmp / "signins.jsonl")
    _wait_for_job(app, pane)
    features.set_enabled(ctx, "auto_link", False)  # the first one still waits: the note says why
    window.apply_features()


def _jobs_pictures(app: QApplication, window, out: Path, language: str, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """The Jobs area: the sites with their last run and what changed since, and the sign-ins
    with mixed outcomes and the next step of a problem."""
    pane = window.jobs_pane
    if language == "en":
        _jobs_data(app, window, tmp)
    pane.shown()
    pane.ui.jobTabs.setCurrentIndex(0)
    pane.ui.sitesTable.selectRow(0)
    _save(app, window, out / f"jobs-distribution-{language}.png")
    pane.ui.jobTabs.setCurrentIndex(1)
    pane.set_outcome_filter(None)
    model = pane.signins_model
    problem = next(
        (r for r in range(model.rowCount()) if model.row_at(r).outcome == "channel_denied"), 0
    )
    pane.ui.signinTable.selectRow(problem)
    _save(app, window, out / f"jobs-signins-{language}.png")
    pane.ui.jobTabs.setCurrentIndex(0)


def _select_request(window, *, strong: bool) -> int:  # type: ignore[no-untyped-def]
    """Select the first pending partner request with (or without) a strong duplicate."""
    from hierdesk.services.duplicates import STRONG

    pane = window.requests_pane
    pane.ui.statusFilter.setCurrentIndex(0)
    model = pane.model
    for row in range(model.rowCount()):
        dto = model.row_at(row)
        has_strong = any(w in STRONG for w in dto.warnings)
        if dto.kind == "partner" and has_strong == strong and (strong or not dto.warnings):
            pane.ui.requestTable.selectRow(row)
            return int(dto.id)
    raise SystemExit("the demo dataset has no suitable request")


def _save(app: QApplication, widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    app.processEvents()
    widget.grab().save(str(path))
    print(path)


def _wizard_pictures(app: QApplication, window, out: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """Every page of the approval wizard, the rejection dialog and a refused duplicate."""
    from hierdesk.domain.approval import Page

    pane = window.requests_pane
    window.ui.navigation.setCurrentRow(AREAS.index("requests"))
    request_id = _select_request(window, strong=True)
    wizard = pane.open_wizard(request_id)
    assert wizard is not None
    wizard.resize(900, 660)
    wizard.next()
    _save(app, wizard, out / f"wizard-duplicates-strong-{language}.png")
    wizard.reject()
    app.processEvents()

    request_id = _select_request(window, strong=False)
    wizard = pane.open_wizard(request_id)
    assert wizard is not None
    wizard.resize(900, 660)
    names = {
        Page.REVIEW: "review",
        Page.DUPLICATES: "duplicates",
        Page.TERMS: "terms",
        Page.SUMMARY: "summary",
    }
    for page, name in names.items():
        assert wizard.currentId() == page, (wizard.currentId(), page)
        if page == Page.TERMS:
            wizard.ui.channelList.item(0).setCheckState(Qt.CheckState.Checked)
        _save(app, wizard, out / f"wizard-{name}-{language}.png")
        wizard.next()
    deadline = time.monotonic() + 20
    while wizard.currentId() != Page.RESULT and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    _save(app, wizard, out / f"wizard-result-{language}.png")
    wizard.accept()
    app.processEvents()

    _select_request(window, strong=False)
    pane.reject_selected()
    dialog = pane.reject_dialog
    dialog.ui.presetCombo.setCurrentIndex(1)
    dialog.ui.presetCombo.activated.emit(1)
    _save(app, dialog, out / f"reject-{language}.png")
    dialog.reject()
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
