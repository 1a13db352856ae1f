"""What hierdesk does with databases it must not touch: newer, foreign, damaged, missing,
locked — refused with a clear code (exit 4) and left exactly as they were."""

from __future__ import annotations

import os
import random
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, select, text

from hierdesk.data.database import resolve_url
from hierdesk.data.schema import Feature
from hierdesk.domain.errors import DatabaseError, HierdeskError
from hierdesk.services import features
from hierdesk.services.context import Context
from hierdesk.services.setup import initialize, open_workspace

# as tests/conftest.py decides it
BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(resolve_url(url).url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def snapshot(url: str) -> Any:
    """Everything a user could lose: the SQLite file's bytes and mtime, or every row of
    every table of a PostgreSQL database."""
    location = resolve_url(url)
    if location.backend == "sqlite":
        assert location.path is not None
        return location.path.read_bytes(), location.path.stat().st_mtime_ns
    engine = create_engine(location.url)
    try:
        with engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            return {
                table: sorted(
                    (tuple(row) for row in conn.execute(text(f'SELECT * FROM "{table}"'))),
                    key=repr,
                )
                for table in tables
            }
    finally:
        engine.dispose()


def _refused(call: Callable[[], object]) -> DatabaseError:
    with pytest.raises(DatabaseError) as info:
        call()
    assert info.value.exit_status == 4
    return info.value


def _init_and_close(url: str) -> None:
    ctx, _result = initialize(url)
    ctx.db.dispose()


# --- a schema from a newer hierdesk ---------------------------------------------------------


def test_newer_schema_is_refused_and_left_unchanged(db_url: str) -> None:
    _init_and_close(db_url)
    _execute(db_url, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = snapshot(db_url)

    error = _refused(lambda: open_workspace(db_url))
    assert error.code == "db_schema_newer"
    error = _refused(lambda: initialize(db_url))
    assert error.code == "db_schema_newer"
    assert "newer" in error.localized()

    assert snapshot(db_url) == before


# --- tables that are not hierdesk's -------------------------------------------------------------


def test_foreign_database_is_refused_and_left_unchanged(db_url: str) -> None:
    if BACKEND == "sqlite":
        Path(db_url).touch()
    _execute(
        db_url,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100))",
        "INSERT INTO notes (id, body) VALUES (1, '大事なメモ')",
    )
    before = snapshot(db_url)

    assert _refused(lambda: open_workspace(db_url)).code == "db_foreign"
    assert _refused(lambda: initialize(db_url)).code == "db_foreign"

    after = snapshot(db_url)
    assert after == before
    if BACKEND == "postgresql":
        assert set(after) == {"notes"}  # no alembic_version or hierdesk table appeared


# --- damaged and missing SQLite files -------------------------------------------------------------


def test_garbage_file_is_reported_damaged_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "hierdesk.sqlite3"
    path.write_bytes(random.Random(20261126).randbytes(16_384))
    before = snapshot(str(path))

    assert _refused(lambda: open_workspace(str(path))).code == "db_damaged"
    assert _refused(lambda: initialize(str(path))).code == "db_damaged"

    assert snapshot(str(path)) == before


def test_missing_sqlite_file_is_not_created_when_opening(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.sqlite3"
    error = _refused(lambda: open_workspace(str(path)))
    assert error.code == "db_not_found"
    assert str(path) in error.localized()
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_sqlite_file_in_a_missing_folder_is_refused_by_initialize(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "hierdesk.sqlite3"
    assert _refused(lambda: initialize(str(path))).code == "db_folder_missing"
    assert not path.parent.exists()


def test_empty_database_must_be_initialised_before_work(db_url: str) -> None:
    if BACKEND == "sqlite":
        Path(db_url).touch()  # an empty SQLite file
    before = snapshot(db_url)
    assert _refused(lambda: open_workspace(db_url)).code == "db_not_initialized"
    assert snapshot(db_url) == before


# --- locked past the busy timeout -----------------------------------------------------------------


def test_sqlite_write_gives_up_with_db_locked_while_another_program_holds_the_lock(
    tmp_path: Path,
) -> None:
    path = tmp_path / "locked.sqlite3"
    ctx, _result = initialize(str(path))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        error = _refused(lambda: features.set_enabled(ctx, "b2b", True))
        assert error.code == "db_locked"
        assert str(path) in error.localized()
        other.execute("ROLLBACK")
        # nothing was changed by the refused write; the next try works
        assert dict(features_enabled(ctx))["b2b"] is False
        assert features.set_enabled(ctx, "b2b", True).enabled is True
    finally:
        other.close()
        ctx.db.dispose()


def features_enabled(ctx: Context) -> list[tuple[str, bool]]:
    with ctx.db.read() as session:
        return [(k, bool(e)) for k, e in session.execute(select(Feature.key, Feature.enabled))]


def test_write_gives_up_with_db_locked_while_another_desk_holds_the_row(
    workspace: Context,
) -> None:
    """Another desk keeps the b2b feature row locked in an open transaction: the write must
    give up with db_locked (exit 4) after the busy timeout instead of waiting forever."""
    outcome: dict[str, object] = {}

    def save() -> None:
        try:
            features.set_enabled(workspace, "b2b", True)
            outcome["result"] = "saved"
        except HierdeskError as exc:
            outcome["error"] = exc

    holder = create_engine(workspace.db.location.url)
    worker = threading.Thread(target=save, daemon=True)
    lock = (
        "SELECT key FROM feature WHERE key = 'b2b' FOR UPDATE"  # a row lock
        if BACKEND == "postgresql"
        else "UPDATE feature SET changed_by = 'other desk' WHERE key = 'b2b'"  # the write lock
    )
    try:
        with holder.connect() as conn:
            conn.execute(text(lock))
            worker.start()
            # a generous safety net so that a missing timeout fails the test, not hangs it
            worker.join(timeout=2 + 4 * workspace.db.busy_timeout_ms / 1000)
            conn.rollback()
        worker.join()
    finally:
        holder.dispose()
    error = outcome.get("error")
    assert isinstance(error, DatabaseError), outcome
    assert error.code == "db_locked"
    assert error.exit_status == 4


# --- URL rules ------------------------------------------------------------------------------------


def test_plain_path_means_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    location = resolve_url("desk.sqlite3")
    assert location.backend == "sqlite"
    assert location.path == tmp_path / "desk.sqlite3"
    assert location.url == f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert location.display == str(tmp_path / "desk.sqlite3")


def test_home_folder_is_expanded_in_paths() -> None:
    location = resolve_url("~/hierdesk.sqlite3")
    assert location.path == Path(os.environ["HOME"]).resolve() / "hierdesk.sqlite3"


def test_sqlite_urls_are_accepted(tmp_path: Path) -> None:
    location = resolve_url(f"sqlite:///{tmp_path}/a.sqlite3")
    assert (location.backend, location.path) == ("sqlite", tmp_path / "a.sqlite3")
    assert resolve_url("sqlite://").display == ":memory:"


@pytest.mark.parametrize(
    "value",
    [
        "postgresql://clerk@dbhost/hierdesk",
        "postgresql+psycopg://clerk@dbhost/hierdesk",
        "postgresql+psycopg2://clerk@dbhost/hierdesk",
        "postgres://clerk@dbhost/hierdesk",
    ],
)
def test_postgresql_urls_use_psycopg_3(value: str) -> None:
    location = resolve_url(value)
    assert location.backend == "postgresql"
    assert location.path is None
    assert location.url == "postgresql+psycopg://clerk@dbhost/hierdesk"
    assert "clerk@dbhost" in location.display
    assert "hierdesk" in location.display


def test_postgresql_display_names_the_port() -> None:
    assert resolve_url("postgresql://clerk@dbhost:5433/hd").display.endswith("dbhost:5433/hd")


@pytest.mark.parametrize(
    "value",
    [
        "postgresql://clerk:s3cret@dbhost/hierdesk",
        "postgresql+psycopg://clerk:s3cret@dbhost:5432/hierdesk",
        "postgresql://clerk@dbhost/hierdesk?password=s3cret",
    ],
)
def test_password_in_the_url_is_refused(value: str) -> None:
    with pytest.raises(HierdeskError) as info:
        resolve_url(value)
    assert info.value.code == "db_password_in_url"
    assert info.value.exit_status == 2
    assert "s3cret" not in info.value.localized()


@pytest.mark.parametrize(
    "value",
    ["mysql://root@localhost/shop", "mysql+pymysql://a@b/c", "oracle://a@b/c", "nosuchdb://x/y"],
)
def test_other_database_types_are_refused_as_usage_errors(value: str) -> None:
    with pytest.raises(HierdeskError) as info:
        resolve_url(value)
    assert info.value.code == "db_url_unsupported"
    assert info.value.exit_status == 2
    assert value.split("://")[0] in info.value.localized()


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_url_is_refused(value: str) -> None:
    with pytest.raises(HierdeskError) as info:
        resolve_url(value)
    assert info.value.code == "db_url_empty"
    assert info.value.exit_status == 2
