"""The migrations build exactly the schema the code maps: a database created or upgraded
by ``init`` has every table, column and index of ``hierdesk.data.schema``."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from hierdesk.data.migrate import head_revision
from hierdesk.data.schema import Base
from hierdesk.services.context import Context


def test_migrated_database_matches_the_mapped_schema(workspace: Context) -> None:
    with workspace.db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"compare_type": False, "compare_server_default": False},
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_newest_columns_are_there_after_init(workspace: Context) -> None:
    inspector = inspect(workspace.db.engine)
    runs = {c["name"] for c in inspector.get_columns("distribution_run")}
    signins = {c["name"] for c in inspector.get_columns("identity_record")}
    assert {"withdrawn", "held_back"} <= runs
    assert "detail" in signins
    with workspace.db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()


def test_the_head_revision_the_code_knows_is_alembic_s() -> None:
    """Opening a database compares its revision with SCHEMA_HEAD, without loading Alembic:
    a new migration must move it."""
    from hierdesk.data.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD
