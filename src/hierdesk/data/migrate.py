"""Alembic migrations, run programmatically (no alembic.ini needed at run time)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import Connection

    from hierdesk.data.database import Database

MIGRATIONS_DIR: Final = Path(__file__).resolve().parent / "migrations"

#: The newest revision in ``migrations/versions`` (a test checks it against Alembic's
#: head): opening a current database needs no Alembic, which takes a fifth of a second to
#: load, at every start of the application.
SCHEMA_HEAD: Final = "0003"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def current_revision(db: Database) -> str | None:
    """The schema revision the database is at (None: no hierdesk schema yet)."""
    from alembic.migration import MigrationContext

    with db._translate_errors(), db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_before_upgrade(db: Database) -> Path | None:
    """Before an existing SQLite database is migrated, a consistent copy of it beside it:
    ``hierdesk.sqlite3.before-0002-20261127T051203.bak``. None when there is nothing to
    migrate or to copy (a new database, PostgreSQL: the DBA runs pg_dump first).

    A copy that cannot be written stops the upgrade with a DatabaseError; nothing changed."""
    import errno
    import logging
    import sqlite3

    from hierdesk.data.copies import copy_sqlite, sibling_name
    from hierdesk.domain.errors import DatabaseError
    from hierdesk.i18n.core import N_

    path = db.location.path
    if db.backend != "sqlite" or path is None:
        return None
    revision = current_revision(db)
    head = head_revision()
    if revision is None or revision == head:
        return None
    target = sibling_name(path, f"before-{head}")
    try:
        copy_sqlite(path, target)
    except (OSError, sqlite3.Error) as exc:
        full = isinstance(exc, OSError) and exc.errno == errno.ENOSPC
        full = full or "full" in str(exc).lower()
        raise DatabaseError(
            "disk_full" if full else "backup_before_upgrade_failed",
            N_(
                "The database {db} was not upgraded: the backup taken first could not be "
                "written to {file} ({detail}). Nothing was changed; free some space or make "
                "the folder writable and try again."
            ),
            db=db.location.display,
            file=str(target),
            detail=str(exc),
        ) from exc
    logging.getLogger(__name__).info("backed up %s to %s before upgrading", path, target)
    return target


def upgrade(db: Database) -> Path | None:
    """Create or upgrade the schema to the head revision, in one transaction.

    An existing SQLite database is copied first (:func:`backup_before_upgrade`); the
    copy's path is returned (None when none was needed)."""
    from alembic import command

    backup = backup_before_upgrade(db)
    engine = db.engine.execution_options(hierdesk_write=True)
    with db._translate_errors(), engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    if db.backend == "sqlite" and db.location.path is not None:
        # Persistent: readers keep reading while one desk writes. Outside any transaction.
        raw = db.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[union-attr]
        finally:
            raw.close()
    return backup
