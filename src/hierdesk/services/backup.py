"""Backups of a SQLite database while it is in use (``hierdesk-cli backup``, File ▸ Back up
database…) and restoring one (File ▸ Restore from backup…).

PostgreSQL databases are backed up by their DBA with ``pg_dump``."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from hierdesk.data.copies import (
    copy_sqlite,
    inspect_backup,
    restore_into,
    set_aside,
    sibling_name,
)
from hierdesk.data.database import Database, SchemaState
from hierdesk.data.migrate import upgrade
from hierdesk.domain.errors import DatabaseError, PermissionDeniedError, RuleError
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.context import Context


def _sqlite_path(db: Database) -> Path:
    source = db.location.path
    if db.backend != "sqlite" or source is None:
        raise RuleError(
            "backup_not_sqlite",
            N_("hierdesk backs up SQLite databases only. Back up PostgreSQL with pg_dump."),
        )
    return source


def _failed(target: Path, exc: BaseException) -> RuleError:
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "full" in str(exc).lower():
        return RuleError(
            "disk_full",
            N_("The disk holding {path} is full. No backup was written; free some space."),
            path=str(target),
        )
    return RuleError(
        "backup_failed",
        N_("The backup to {path} failed: {detail}"),
        path=str(target),
        detail=str(exc),
    )


def backup_sqlite(db: Database, target: Path) -> None:
    """Copy with SQLite's online backup API (other desks may keep writing meanwhile);
    the target appears only when complete."""
    source = _sqlite_path(db)
    target = target.expanduser().resolve()
    if target == source:
        raise RuleError("backup_same_file", N_("The backup cannot overwrite the database itself."))
    try:
        copy_sqlite(source, target)
    except (OSError, sqlite3.Error) as exc:
        raise _failed(target, exc) from exc


def backup(ctx: Context, target: Path) -> Path:
    with ctx.db.read() as session:
        ctx.require(session, "administrator", N_("back up the database"))
    backup_sqlite(ctx.db, target)
    with ctx.db.write() as session:
        audit.record(
            session,
            ctx.login,
            "database.backup",
            "database",
            ctx.db.location.display,
            after={"file": str(target)},
        )
    return target


def _check_backup(source: Path, login: str) -> None:
    """The file must be a hierdesk database at a known revision in which ``login`` is an
    administrator (or the restored database would lock its restorer out)."""
    found = inspect_backup(source.expanduser(), login)
    if found.role != "administrator":
        raise PermissionDeniedError(
            "restore_not_administrator",
            N_(
                "{login} is not an administrator in the backup {file}, so it cannot be "
                "restored by {login}. Nothing was changed."
            ),
            login=login,
            file=str(source),
        )


def restore(ctx: Context, source: Path) -> Path:
    """Replace the open SQLite database by the backup ``source``.

    Checks the backup first (read-only) and changes nothing when it is not a hierdesk
    database at a known revision; then copies the current database beside it
    (``….before-restore-<time>.bak``, returned) and writes the backup into it in one
    transaction. An older backup is upgraded (with its own copy taken first)."""
    with ctx.db.read() as session:
        ctx.require(session, "administrator", N_("restore the database from a backup"))
    live = _sqlite_path(ctx.db)
    source = source.expanduser().resolve()
    if source == live:
        raise RuleError("restore_same_file", N_("The backup to restore is the database itself."))
    _check_backup(source, ctx.login)
    saved = sibling_name(live, "before-restore")
    try:
        copy_sqlite(live, saved)
    except (OSError, sqlite3.Error) as exc:
        raise _failed(saved, exc) from exc
    ctx.db.dispose()  # no pooled connection keeps a page cache of the old content
    with ctx.db._translate_errors():
        try:
            restore_into(live, source)
        except sqlite3.Error as exc:
            raise DatabaseError(
                "restore_failed",
                N_(
                    "Restoring {file} failed: {detail}. The database is as it was; a copy "
                    "is also saved as {saved}."
                ),
                file=str(source),
                detail=str(exc),
                saved=str(saved),
            ) from exc
    if ctx.db.schema_state() is SchemaState.OLDER:
        upgrade(ctx.db)
    with ctx.db.write() as session:
        audit.record(
            session,
            ctx.login,
            "database.restore",
            "database",
            ctx.db.location.display,
            after={"file": str(source), "saved": str(saved)},
        )
    return saved


def restore_unreadable(database: Path, source: Path, login: str) -> Path | None:
    """Put the backup ``source`` in place of a database that cannot be opened (damaged,
    of another kind, from a newer hierdesk) or is missing.

    The administrator is judged by the backup, the only readable record of who may do
    this. The file that was there is renamed, never deleted
    (``….damaged-<time>.bak``, returned; None when there was none)."""
    database = database.expanduser().resolve()
    source = source.expanduser().resolve()
    if source == database:
        raise RuleError("restore_same_file", N_("The backup to restore is the database itself."))
    _check_backup(source, login)
    try:
        aside = set_aside(database) if database.exists() else None
        copy_sqlite(source, database)
    except (OSError, sqlite3.Error) as exc:
        raise _failed(database, exc) from exc
    return aside
