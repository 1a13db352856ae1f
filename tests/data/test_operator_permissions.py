"""Who may do what: unknown operators are refused reads (exit 3); on PostgreSQL the operator
is the database login."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from sqlalchemy import update

from hierdesk.data.schema import Operator
from hierdesk.domain.errors import PermissionDeniedError
from hierdesk.services import audit, features, hierarchies
from hierdesk.services.context import Context, connect
from hierdesk.services.setup import initialize, open_workspace

# as tests/conftest.py decides it
BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"

READS: dict[str, Callable[[Context], object]] = {
    "list_hierarchies": lambda ctx: hierarchies.list_hierarchies(ctx),
    "count_hierarchies": lambda ctx: hierarchies.count_hierarchies(ctx),
    "get_hierarchy": lambda ctx: hierarchies.get_hierarchy(ctx, "CH-000001"),
    "list_members": lambda ctx: hierarchies.list_members(ctx, "CH-000001"),
    "list_features": lambda ctx: features.list_features(ctx),
    "audit_entries": lambda ctx: audit.list_entries(ctx),
    "count_audit_entries": lambda ctx: audit.count_entries(ctx),
}


@pytest.mark.parametrize("read", list(READS), ids=list(READS))
def test_unknown_operator_is_refused_reads(demo_workspace: Context, read: str) -> None:
    stranger = Context(demo_workspace.db, "stranger")
    assert stranger.operator().role is None
    with pytest.raises(PermissionDeniedError) as info:
        READS[read](stranger)
    assert info.value.exit_status == 3
    assert info.value.code == "operator_unknown"
    assert "stranger" in info.value.localized()


def test_a_clerk_may_read_until_disabled(demo_workspace: Context) -> None:
    clerk = Context(demo_workspace.db, "tanaka")  # a demo clerk
    assert clerk.operator().role == "clerk"
    for read in READS.values():
        read(clerk)  # no refusal
    with demo_workspace.db.write() as session:
        session.execute(update(Operator).where(Operator.login == "tanaka").values(active=False))
    with pytest.raises(PermissionDeniedError) as info:
        hierarchies.list_hierarchies(clerk)
    assert info.value.exit_status == 3
    assert "tanaka" in info.value.localized()


def test_naming_another_login(
    workspace: Context, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL the operator is the database login: naming another is refused. On
    SQLite the named login is taken and checked against the operators."""
    if BACKEND == "postgresql":
        _postgresql_refuses_acting_as_another_login(workspace, db_url)
    else:
        _sqlite_takes_the_named_login(workspace, db_url, monkeypatch)


def _postgresql_refuses_acting_as_another_login(workspace: Context, db_url: str) -> None:
    for call in (
        lambda: connect(db_url, "someone-else"),
        lambda: open_workspace(db_url, "someone-else"),
        lambda: initialize(db_url, "someone-else"),
    ):
        with pytest.raises(PermissionDeniedError) as info:
            call()
        assert info.value.code == "operator_mismatch"
        assert info.value.exit_status == 3
        assert "someone-else" in info.value.localized()
        assert workspace.login in info.value.localized()
    # naming the login itself is fine, and so is naming nobody
    for login in (workspace.login, None):
        ctx = open_workspace(db_url, login)
        try:
            assert ctx.login == workspace.login
        finally:
            ctx.db.dispose()


def _sqlite_takes_the_named_login(
    workspace: Context, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = open_workspace(db_url, "someone-else")
    try:
        assert ctx.login == "someone-else"
        with pytest.raises(PermissionDeniedError) as info:
            hierarchies.list_hierarchies(ctx)
        assert info.value.code == "operator_unknown"
    finally:
        ctx.db.dispose()
    monkeypatch.setenv("HIERDESK_OPERATOR", workspace.login)
    ctx = open_workspace(db_url)
    try:
        assert ctx.login == workspace.login
        assert hierarchies.list_hierarchies(ctx) == []
    finally:
        ctx.db.dispose()


def test_first_administrator_is_the_operator_env_on_sqlite_or_the_login_on_postgresql(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIERDESK_OPERATOR", "desk-admin")
    ctx, result = initialize(db_url)
    try:
        if BACKEND == "sqlite":
            assert result.administrator == "desk-admin"
        else:
            assert result.administrator == ctx.db.current_user()
        assert ctx.operator().role == "administrator"
    finally:
        ctx.db.dispose()
