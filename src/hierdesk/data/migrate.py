"""Alembic migrations, run programmatically (no alembic.ini needed at run time)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from hierdesk.data.database import Database

MIGRATIONS_DIR: Final = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def upgrade(db: Database) -> None:
    """Create or upgrade the schema to the head revision, in one transaction."""
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
