"""Starting the application: the demo database on first use, and refusals that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from hierdesk import paths
from hierdesk.app import launch
from hierdesk.domain.errors import DatabaseError, UsageError
from hierdesk.settings import Settings


def test_demo_flag_creates_and_opens_a_populated_demo_database(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not paths.demo_db_path().exists()
    window = launch(["--demo", "--locale", "ja"], Settings())
    qtbot.addWidget(window)
    assert paths.demo_db_path().exists()
    assert window.tree_model.rowCount() >= 25 or window.tree_model.canFetchMore()
    assert window.switcher.language == "ja"
    assert window.ui.navigation.item(1).text().startswith("顧客階層")
    window.close()
    # a second start reuses it and adds nothing
    size = paths.demo_db_path().stat().st_size
    again = launch(["--demo"], Settings())
    qtbot.addWidget(again)
    assert again.tree_model.rowCount() == window.tree_model.rowCount()
    again.close()
    assert paths.demo_db_path().stat().st_size == size


def test_a_demo_database_whose_load_never_finished_is_completed(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A later start opens a loaded demo database as it is; one set up but never loaded (the
    first start was stopped half-way) is loaded on the next start."""
    from hierdesk.services.setup import initialize

    paths.demo_db_path().parent.mkdir(parents=True, exist_ok=True)
    ctx, _result = initialize(str(paths.demo_db_path()))
    ctx.db.dispose()
    window = launch(["--demo"], Settings())
    qtbot.addWidget(window)
    assert window.tree_model.rowCount() >= 25 or window.tree_model.canFetchMore()
    window.close()


def test_default_database_is_created_on_first_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = launch([], Settings())
    qtbot.addWidget(window)
    assert paths.default_db_path().exists()
    assert window.tree_model.rowCount() == 0
    assert "Administrator" in window.operator_label.text()
    window.close()


def test_missing_database_file_is_refused_and_not_created(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nothere.sqlite3"
    with pytest.raises(DatabaseError) as refused:
        launch(["--db", str(missing)], Settings())
    assert refused.value.code == "db_not_found"
    assert not missing.exists()


def test_garbage_file_is_refused_and_left_unchanged(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_bytes(b"this is not a database\x00" * 100)
    before = garbage.read_bytes()
    with pytest.raises(DatabaseError) as refused:
        launch(["--db", str(garbage)], Settings())
    assert refused.value.code == "db_damaged"
    assert garbage.read_bytes() == before


def test_unknown_scheme_is_a_usage_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError) as refused:
        launch(["--db", "oracle://scott@db/orcl"], Settings())
    assert refused.value.code == "db_url_unsupported"
    assert refused.value.exit_status == 2


def test_a_login_that_is_not_an_operator_is_refused(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from hierdesk.domain.errors import PermissionDeniedError
    from hierdesk.services.setup import initialize

    db = tmp_path / "desk.sqlite3"
    ctx, _ = initialize(str(db), "admin")
    ctx.db.dispose()
    monkeypatch.setenv("HIERDESK_OPERATOR", "stranger")
    with pytest.raises(PermissionDeniedError) as refused:
        launch(["--db", str(db)], Settings())
    assert refused.value.code == "operator_unknown"
    assert refused.value.exit_status == 3
    assert "stranger" in refused.value.localized()
