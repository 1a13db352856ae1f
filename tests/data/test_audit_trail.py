"""The audit trail is append-only (DOMAIN.md rule 12)."""

from __future__ import annotations

import inspect as pyinspect
import os
import re

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from hierdesk.services import audit, features
from hierdesk.services.context import Context

# as tests/conftest.py decides it
BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"


def test_no_service_edits_or_deletes_audit_entries() -> None:
    public = [
        name
        for name, value in vars(audit).items()
        if not name.startswith("_")
        and pyinspect.isfunction(value)
        and value.__module__ == audit.__name__
    ]
    assert "record" in public
    assert "list_entries" in public
    assert not [
        name
        for name in public
        if re.match(r"(update|edit|change|delete|remove|purge|clear|truncate|prune)", name)
    ]


def test_entries_are_listed_newest_first(workspace: Context) -> None:
    features.set_enabled(workspace, "b2b", True)
    features.set_enabled(workspace, "catalogs", True)
    entries = audit.list_entries(workspace)
    assert [e.action for e in entries] == ["feature.enable", "feature.enable", "database.init"]
    assert [e.entity_id for e in entries[:2]] == ["catalogs", "b2b"]
    assert [e.entity_id for e in audit.list_entries(workspace, entity="b2b")] == ["b2b"]
    assert len(audit.list_entries(workspace, limit=1)) == 1


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET operator = 'someone-else'",
        "DELETE FROM audit_entry",
        # SQLite has no TRUNCATE; its DELETE without WHERE is covered above
        *(["TRUNCATE audit_entry"] if BACKEND == "postgresql" else []),
    ],
)
def test_the_database_refuses_to_change_or_delete_audit_entries(
    workspace: Context, statement: str
) -> None:
    features.set_enabled(workspace, "b2b", True)
    before = audit.list_entries(workspace)
    with (
        pytest.raises(DBAPIError, match="audit entries cannot be changed or deleted"),
        workspace.db.engine.begin() as conn,
    ):
        conn.execute(text(statement))
    assert audit.list_entries(workspace) == before
