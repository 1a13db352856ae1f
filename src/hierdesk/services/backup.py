"""A consistent copy of a SQLite database while it is in use (``hierdesk-cli backup``)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from hierdesk.data.database import Database
from hierdesk.domain.errors import RuleError
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.context import Context


def backup_sqlite(db: Database, target: Path) -> None:
    """Copy with SQLite's online backup API (other desks may keep writing meanwhile);
    the target appears only when complete."""
    source = db.location.path
    if db.backend != "sqlite" or source is None:
        raise RuleError(
            "backup_not_sqlite",
            N_("hierdesk backs up SQLite databases only. Back up PostgreSQL with pg_dump."),
        )
    target = target.expanduser().resolve()
    if target == source:
        raise RuleError("backup_same_file", N_("The backup cannot overwrite the database itself."))
    tmp = target.with_name(f".{target.name}.part")
    try:
        src = sqlite3.connect(source.as_uri() + "?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=1024)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise RuleError(
            "backup_failed",
            N_("The backup to {path} failed: {detail}"),
            path=str(target),
            detail=str(exc),
        ) from exc


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
