"""Copies of SQLite database files: backups, the copy taken before a schema migration, and
checking and restoring a backup.

Every copy goes through SQLite's online backup API, so it is consistent even while other
desks keep writing, and appears under its final name only when complete. A file that is to
be restored is only ever opened read-only until it has been checked.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hierdesk.domain.errors import DatabaseError
from hierdesk.i18n.core import N_


def stamp(now: datetime | None = None) -> str:
    """A UTC time for file names: ``20261127T051203``."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")


def sibling_name(path: Path, label: str) -> Path:
    """``hierdesk.sqlite3.<label>-<time>.bak`` beside ``path``, never an existing file."""
    base = f"{path.name}.{label}-{stamp()}"
    candidate = path.with_name(base + ".bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{base}-{n}.bak")
    return candidate


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` at ``target`` (replaced only when the copy is whole).

    Raises ``OSError`` or ``sqlite3.Error``; a failed copy leaves no file behind."""
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
        with open(tmp, "rb+") as handle:  # the copy is on the disk before it takes the name
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class BackupFile:
    """What a file offered for restoring holds."""

    path: Path
    revision: str
    role: str | None  # the role of the checked login in it (None: not an active operator)


def inspect_backup(path: Path, login: str) -> BackupFile:
    """Check, read-only, that ``path`` is a readable hierdesk database at a known revision.

    Refuses with ``restore_not_hierdesk`` (damaged, foreign or not a database) or
    ``restore_schema_newer``; the file is never changed."""
    from hierdesk.data.migrate import known_revisions

    refused = DatabaseError(
        "restore_not_hierdesk",
        N_(
            "{file} is not a readable hierdesk backup (the file is damaged or of another "
            "kind). Nothing was changed; choose another file."
        ),
        file=str(path),
    )
    if not path.is_file():
        raise refused
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        raise refused from None
    try:
        if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise refused
        revisions = {r for (r,) in conn.execute("SELECT version_num FROM alembic_version")}
        if len(revisions) != 1:
            raise refused
        (revision,) = revisions
        if revision not in known_revisions():
            raise DatabaseError(
                "restore_schema_newer",
                N_(
                    "{file} was made by a newer version of hierdesk and cannot be restored "
                    "here. Nothing was changed."
                ),
                file=str(path),
            )
        row = conn.execute("SELECT role, active FROM operator WHERE login = ?", (login,)).fetchone()
    except sqlite3.Error:
        raise refused from None
    finally:
        conn.close()
    role = str(row[0]) if row is not None and row[1] else None
    return BackupFile(path, revision, role)


def restore_into(live: Path, backup: Path) -> None:
    """Write the backup's pages into the live database in one SQLite transaction: desks
    that have it open see either the old or the restored content, never a mixture (the
    database's own write lock and journal make the swap atomic)."""
    src = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(live.as_uri() + "?mode=rw", uri=True, timeout=15)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def set_aside(path: Path) -> Path:
    """Rename an unreadable database (and its -wal and -shm files, which belong to it and
    would damage any other file under its name) to ``<name>.damaged-<time>.bak``."""
    aside = sibling_name(path, "damaged")
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    os.replace(path, aside)
    return aside
