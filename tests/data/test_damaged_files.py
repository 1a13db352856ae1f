"""Damaged, foreign, read-only files and a full disk (issue 8): a clear, localised refusal
(exit status 4, no traceback), the file's bytes unchanged — and the backup taken before every
schema migration, restoring a backup.

The suite runs as root in CI, where ``chmod 0444`` does not stop a write: a read-only file is
simulated by making SQLite open it read-only (``mode=ro``), which is what a file without write
permission gives an ordinary user. A full disk is simulated by a write that fails with ENOSPC
(SQLite's own "database or disk is full" for the database, ``OSError(ENOSPC)`` for copies).
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from hierdesk.data import copies
from hierdesk.data.database import Database, SchemaState
from hierdesk.data.migrate import alembic_config, head_revision
from hierdesk.domain.errors import DatabaseError, HierdeskError, PermissionDeniedError
from hierdesk.i18n.core import set_language
from hierdesk.services import backup, features
from hierdesk.services.context import Context, default_login
from hierdesk.services.setup import initialize, open_workspace

BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _at_revision(url: str, revision: str) -> None:
    """A database as an older hierdesk left it: the schema at ``revision`` and one row."""
    db = Database(url, create=True)
    try:
        with db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
            conn.execute(
                text(
                    "INSERT INTO channel (code, name, active, version) "
                    "VALUES ('OLD-1', '旧サイト', true, 1)"
                )
            )
    finally:
        db.dispose()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    (tmp_path / "old").mkdir()
    path = tmp_path / "old" / "hierdesk.sqlite3"
    _at_revision(str(path), "0001")
    return path


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bak"))


# --- the backup before a schema migration -----------------------------------------------------


def test_upgrading_an_older_database_backs_it_up_first(old_db: Path) -> None:
    before = digest(old_db)
    ctx, result = initialize(str(old_db))
    ctx.db.dispose()
    assert result.upgraded
    (copy,) = _backups(old_db.parent)
    assert copy.name.startswith(f"hierdesk.sqlite3.before-{head_revision()}-")
    assert result.backup == str(copy)
    # the copy is the database as it was: a valid SQLite file at 0001 with the same rows
    conn = sqlite3.connect(copy.as_uri() + "?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert conn.execute("SELECT code, name FROM channel").fetchall() == [("OLD-1", "旧サイト")]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(distribution_run)")}
        assert "withdrawn" not in columns  # 0002's column is not in the copy
    finally:
        conn.close()
    assert digest(old_db) != before  # the database itself was upgraded
    with _Opened(old_db) as db:
        assert db.schema_state() is SchemaState.CURRENT


class _Opened:
    def __init__(self, path: Path) -> None:
        self.db = Database(str(path))

    def __enter__(self) -> Database:
        return self.db

    def __exit__(self, *_exc: object) -> None:
        self.db.dispose()


def test_a_new_or_current_database_takes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    ctx, result = initialize(str(path))
    ctx.db.dispose()
    assert (result.created, result.backup) == (True, None)
    ctx, result = initialize(str(path))  # current: nothing to migrate
    ctx.db.dispose()
    assert result.backup is None
    assert _backups(tmp_path) == []


def test_upgrade_is_recorded_with_its_backup_in_the_audit_log(old_db: Path) -> None:
    from hierdesk.services import audit

    ctx, result = initialize(str(old_db))
    try:
        entries = [e for e in audit.list_entries(ctx, limit=10) if e.action == "database.init"]
        assert entries
        after = entries[0].after
        assert isinstance(after, dict)
        assert after.get("backup") == result.backup
    finally:
        ctx.db.dispose()


def test_no_room_for_the_backup_stops_the_upgrade_and_changes_nothing(
    old_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(old_db)

    def full(_source: Path, _target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(copies, "copy_sqlite", full)
    with pytest.raises(DatabaseError) as info:
        initialize(str(old_db))
    assert info.value.code == "disk_full"
    assert info.value.exit_status == 4
    assert "not upgraded" in info.value.localized()
    assert digest(old_db) == before
    assert _backups(old_db.parent) == []


def test_cli_init_names_the_backup(old_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from hierdesk.cli import main

    assert main(["--json", "--db", str(old_db), "init"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["upgraded"] is True
    assert data["backup"]
    assert Path(data["backup"]).exists()


# --- damaged and foreign files ------------------------------------------------------------------


def _truncated(tmp_path: Path) -> Path:
    path = tmp_path / "hierdesk.sqlite3"
    ctx, _ = initialize(str(path))
    features.set_enabled(ctx, "b2b", True)
    ctx.db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # everything in the main file
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _garbage(tmp_path: Path) -> Path:
    path = tmp_path / "hierdesk.sqlite3"
    path.write_bytes(random.Random(8).randbytes(40_000))
    return path


def _sqlite_header_then_garbage(tmp_path: Path) -> Path:
    path = tmp_path / "hierdesk.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + random.Random(9).randbytes(8_000))
    return path


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "hierdesk.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE address_book (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO address_book VALUES ('山田', '03-0000-0000')")
    conn.commit()
    conn.close()
    return path


DAMAGED = {
    "truncated": (_truncated, {"db_damaged"}),
    "garbage": (_garbage, {"db_damaged"}),
    "sqlite header, garbage after": (_sqlite_header_then_garbage, {"db_damaged"}),
    "another program's database": (_foreign, {"db_foreign"}),
}


@pytest.fixture(params=list(DAMAGED))
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, set[str]]:
    make, codes = DAMAGED[request.param]
    return make(tmp_path), codes


@pytest.mark.parametrize("language", ["en", "ja"])
def test_damaged_or_foreign_file_is_refused_clearly_and_left_unchanged(
    damaged: tuple[Path, set[str]], language: str
) -> None:
    path, codes = damaged
    before = digest(path)
    set_language(language)
    for attempt in (open_workspace, initialize):
        with pytest.raises(DatabaseError) as info:
            attempt(str(path))
        error = info.value
        assert error.code in codes
        assert error.exit_status == 4
        message = error.localized()
        assert str(path) in message
        assert "Traceback" not in message
        assert "sqlite3." not in message
        if language == "ja":
            assert message != error.english()  # translated
    assert digest(path) == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no -wal, no copies


def test_cli_refuses_a_damaged_file_without_a_traceback(
    damaged: tuple[Path, set[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    from hierdesk.cli import main

    path, _codes = damaged
    before = digest(path)
    assert main(["--db", str(path), "hierarchy", "list"]) == 4
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert str(path) in err
    assert digest(path) == before


# --- a read-only file -----------------------------------------------------------------------------


def test_read_only_database_refuses_writes_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, chmod 0444 does not stop writes: open it read-only the way SQLite opens a
    file its user may not write (``mode=ro``)."""
    path = tmp_path / "hierdesk.sqlite3"
    ctx, _ = initialize(str(path))
    ctx.db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # a read-only WAL database needs its -shm
    conn.close()
    path.chmod(0o444)
    before = digest(path)
    real_connect = sqlite3.connect

    def read_only(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        return real_connect(database.replace("?mode=rw", "?mode=ro"), *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", read_only)
    ctx = open_workspace(str(path))
    try:
        with pytest.raises(DatabaseError) as info:
            features.set_enabled(ctx, "b2b", True)
    finally:
        ctx.db.dispose()
    assert info.value.code == "db_cannot_open"
    assert info.value.exit_status == 4
    assert "writable" in info.value.localized()
    assert digest(path) == before


# --- a full disk ----------------------------------------------------------------------------------


def test_full_disk_during_a_write_is_reported_and_nothing_is_saved(tmp_path: Path) -> None:
    """SQLite reports a full disk as "database or disk is full"; ``max_page_count`` makes
    the database full at once without filling a real disk."""
    path = tmp_path / "hierdesk.sqlite3"
    ctx, _ = initialize(str(path))
    try:

        @__import__("sqlalchemy").event.listens_for(ctx.db.engine, "connect")
        def _tiny(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

        ctx.db.engine.dispose()
        from hierdesk.services import channels

        def fill() -> int:
            for n in range(2000):  # until the pages that are left run out
                channels.create_channel(ctx, f"C{n}", "容量テスト" * 19)
                last[0] = n + 1
            return -1

        last = [0]
        with pytest.raises(DatabaseError) as info:
            fill()
        n = last[0]
        assert info.value.code == "disk_full"
        assert info.value.exit_status == 4
        assert "full" in info.value.localized()
        assert f"C{n}" not in _channels(ctx)  # the refused write saved nothing
        assert f"C{n - 1}" in _channels(ctx)
    finally:
        ctx.db.dispose()


def test_full_disk_during_a_backup_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hierdesk.sqlite3"
    ctx, _ = initialize(str(path))
    ctx.db.dispose()
    before = digest(path)
    ctx = open_workspace(str(path))
    real_fsync = os.fsync

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    try:
        with pytest.raises(HierdeskError) as info:
            backup.backup(ctx, tmp_path / "copy.sqlite3")
    finally:
        monkeypatch.setattr(os, "fsync", real_fsync)
        ctx.db.dispose()
    assert info.value.code == "disk_full"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "hierdesk.sqlite3"
    ]
    assert digest(path) == before


# --- restoring a backup ---------------------------------------------------------------------------


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Context]:
    ctx, _ = initialize(str(tmp_path / "hierdesk.sqlite3"))
    try:
        yield ctx
    finally:
        ctx.db.dispose()


def _channels(ctx: Context) -> list[str]:
    from hierdesk.services import channels

    return [c.code for c in channels.list_channels(ctx)]


def test_restore_puts_the_backup_back_and_keeps_the_current_database(
    live: Context, tmp_path: Path
) -> None:
    from hierdesk.services import channels

    channels.create_channel(live, "KEEP", "残すサイト")
    copy = backup.backup(live, tmp_path / "monday.sqlite3")
    channels.create_channel(live, "LATER", "後のサイト")
    other = open_workspace(live.db.location.url)  # another desk keeps it open
    try:
        saved = backup.restore(live, copy)
        assert _channels(live) == ["KEEP"]
        assert _channels(other) == ["KEEP"]
    finally:
        other.db.dispose()
    # the database as it was before the restore is kept beside it
    assert saved.name.startswith("hierdesk.sqlite3.before-restore-")
    conn = sqlite3.connect(saved)
    try:
        assert {r[0] for r in conn.execute("SELECT code FROM channel")} == {"KEEP", "LATER"}
    finally:
        conn.close()
    from hierdesk.services import audit

    assert audit.list_entries(live, limit=1)[0].action == "database.restore"


@pytest.mark.parametrize("make", [_garbage, _foreign, _truncated])
def test_restore_refuses_a_file_that_is_no_hierdesk_backup_and_changes_nothing(
    live: Context, tmp_path: Path, make: object
) -> None:
    bad_folder = tmp_path / "bad"
    bad_folder.mkdir()
    bad = make(bad_folder)  # type: ignore[operator]
    path = live.db.location.path
    assert path is not None
    bad_before, live_before = digest(bad), _channels(live)
    files_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseError) as info:
        backup.restore(live, bad)
    assert info.value.code == "restore_not_hierdesk"
    assert digest(bad) == bad_before
    assert _channels(live) == live_before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_restore_refuses_a_backup_from_a_newer_hierdesk(live: Context, tmp_path: Path) -> None:
    copy = backup.backup(live, tmp_path / "copy.sqlite3")
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError) as info:
        backup.restore(live, copy)
    assert info.value.code == "restore_schema_newer"


def test_restore_of_an_older_backup_upgrades_it(live: Context, old_db: Path) -> None:
    conn = sqlite3.connect(old_db)
    conn.execute(
        "INSERT INTO operator (login, role, active, created_at, created_by, version) "
        "VALUES (?, 'administrator', 1, CURRENT_TIMESTAMP, 'x', 1)",
        (default_login(),),
    )
    conn.commit()
    conn.close()
    backup.restore(live, old_db)
    assert live.db.schema_state() is SchemaState.CURRENT
    assert "OLD-1" in _channels(live)


def test_restoring_is_for_administrators(live: Context, tmp_path: Path) -> None:
    from hierdesk.services import operators
    from hierdesk.services.context import connect

    copy = backup.backup(live, tmp_path / "copy.sqlite3")
    operators.add_operator(live, "suzuki", "manager")
    manager = connect(live.db.location.url, "suzuki")
    try:
        with pytest.raises(PermissionDeniedError):
            backup.restore(manager, copy)
    finally:
        manager.db.dispose()


def test_a_damaged_database_is_set_aside_and_replaced_by_a_backup(
    live: Context, tmp_path: Path
) -> None:
    from hierdesk.services import channels

    channels.create_channel(live, "KEEP", "残すサイト")
    copy = backup.backup(live, tmp_path / "copy.sqlite3")
    path = live.db.location.path
    assert path is not None
    live.db.dispose()
    path.write_bytes(b"\x00garbage" * 1000)
    damaged_bytes = digest(path)
    aside = backup.restore_unreadable(path, copy, default_login())
    assert aside is not None
    assert digest(aside) == damaged_bytes
    ctx = open_workspace(str(path))
    try:
        assert _channels(ctx) == ["KEEP"]
    finally:
        ctx.db.dispose()


def test_a_damaged_database_is_not_touched_when_the_backup_is_bad(tmp_path: Path) -> None:
    path = _garbage(tmp_path)
    before = digest(path)
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(DatabaseError):
        backup.restore_unreadable(path, _foreign(other), default_login())
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [path.name]


def test_postgresql_is_backed_up_by_its_dba(workspace: Context, tmp_path: Path) -> None:
    if BACKEND != "postgresql":  # a SQLite file is backed up by hierdesk itself
        assert backup.backup(workspace, tmp_path / "x.sqlite3").exists()
        return
    with pytest.raises(HierdeskError) as info:
        backup.backup(workspace, tmp_path / "x.sqlite3")
    assert info.value.code == "backup_not_sqlite"
    with pytest.raises(HierdeskError) as info:
        backup.restore(workspace, tmp_path / "x.sqlite3")
    assert info.value.code == "backup_not_sqlite"
    assert "pg_dump" in info.value.localized()
