"""The database's own guarantees (DOMAIN.md rule 12, README "Several desks on one PostgreSQL
database"). On PostgreSQL: the roles of ``packaging/postgres/roles.sql`` — the desks work
but do not own the tables, cannot change the schema and cannot change or delete audit
entries; ``init`` runs as the owner. On SQLite (one desk, no logins): the audit triggers
refuse to change or delete audit entries."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from hierdesk.data.pg_rights import restrict_working_rights
from hierdesk.data.schema import AuditEntry
from hierdesk.services import approval, channels, features, hierarchies, operators
from hierdesk.services.context import Context
from hierdesk.services.setup import initialize, open_workspace

ROLES_SQL = Path(__file__).resolve().parents[2] / "packaging" / "postgres" / "roles.sql"
Submit = Callable[..., int]


def _audit_count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(AuditEntry.id))).scalar_one())


def _statements(sql: str) -> list[str]:
    """The SQL statements of a psql script: comments dropped, split at ``;``, psql
    meta-commands (``\\connect``) kept as statements of their own."""
    lines = []
    for line in sql.splitlines():
        line = re.sub(r"--.*$", "", line).rstrip()
        if line.startswith("\\"):
            lines.append(line + ";")
        elif line:
            lines.append(line)
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def test_roles_sql_is_a_complete_script() -> None:
    """Every statement the README relies on is in the administrator's script."""
    statements = _statements(ROLES_SQL.read_text(encoding="utf-8"))
    joined = "\n".join(statements)
    for needed in (
        "CREATE ROLE hierdesk_owner LOGIN",
        "CREATE ROLE hierdesk_desk NOLOGIN",
        "IN ROLE hierdesk_desk",
        "CREATE DATABASE hierdesk OWNER hierdesk_owner",
        "\\connect hierdesk",
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hierdesk_desk",
        "GRANT USAGE, SELECT ON SEQUENCES TO hierdesk_desk",
    ):
        assert needed in joined, needed
    assert "GRANT ALL" not in joined
    assert "SUPERUSER" not in joined.upper()


def test_the_database_keeps_the_audit_trail_and_the_schema(
    db_url: str, submit_request: Submit
) -> None:
    if db_url.startswith("postgresql"):
        _postgresql_roles(db_url, submit_request)
    else:
        _sqlite_triggers(db_url, submit_request)


# --- SQLite --------------------------------------------------------------------------------


def _sqlite_triggers(db_url: str, submit_request: Submit) -> None:
    ctx, _result = initialize(db_url, "owner")
    try:
        features.set_enabled(ctx, "b2b", True)
        channels.create_channel(ctx, "B2B-JP", "みなと B2B ストア")
        approval.approve(ctx, submit_request(ctx))
        assert restrict_working_rights(ctx.db) == []  # nothing to grant or revoke
        before = _audit_count(ctx)
        assert before > 3
    finally:
        ctx.db.dispose()
    conn = sqlite3.connect(db_url)
    try:
        for statement in (
            "UPDATE audit_entry SET action = 'forged'",
            "DELETE FROM audit_entry",
            "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="cannot be changed or deleted"):
                conn.execute(statement)
            conn.rollback()
        assert conn.execute("SELECT count(*) FROM audit_entry").fetchone() == (before,)
    finally:
        conn.close()


# --- PostgreSQL ----------------------------------------------------------------------------


class _Cluster:
    """The roles of roles.sql under names unique to this test run (roles are cluster-wide),
    dropped again at the end."""

    def __init__(self, db_url: str) -> None:
        import psycopg

        self.url = make_url(db_url)
        self.database = str(self.url.database)
        tag = uuid.uuid4().hex[:8]
        self.owner, self.desk, self.login = (f"hd_{r}_{tag}" for r in ("owner", "desk", "tanaka"))
        self._psycopg = psycopg

    def connect(self, database: str | None = None, user: str | None = None):  # type: ignore[no-untyped-def]
        url = self.url.set(database=database or self.database)
        if user:
            url = url.set(username=user)
        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        return self._psycopg.connect(plain, autocommit=True)

    def url_as(self, login: str) -> str:
        return self.url.set(username=login).render_as_string(hide_password=False)

    def names(self, statement: str) -> str:
        statement = re.sub(r"\bhierdesk_owner\b", self.owner, statement)
        statement = re.sub(r"\bhierdesk_desk\b", self.desk, statement)
        statement = re.sub(r"\btanaka\b", self.login, statement)
        return re.sub(r"\bDATABASE hierdesk\b", f'DATABASE "{self.database}"', statement)

    def run_roles_sql(self) -> None:
        """roles.sql as psql would run it, on the test's (already created) database."""
        statements = _statements(ROLES_SQL.read_text(encoding="utf-8"))
        split = statements.index("\\connect hierdesk")
        with self.connect("postgres") as conn:
            for statement in statements[:split]:
                statement = self.names(statement)
                if statement.startswith("CREATE DATABASE"):  # the fixture created it
                    statement = f'ALTER DATABASE "{self.database}" OWNER TO {self.owner}'
                conn.execute(statement)
        with self.connect() as conn:
            for statement in statements[split + 1 :]:
                conn.execute(self.names(statement))

    def drop(self) -> None:
        with self.connect("postgres") as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            for role in (self.login, self.desk, self.owner):
                conn.execute(f"DROP ROLE IF EXISTS {role}")


def _postgresql_roles(db_url: str, submit_request: Submit) -> None:
    cluster = _Cluster(db_url)
    opened: list[Context] = []
    try:
        cluster.run_roles_sql()
        owner, result = initialize(cluster.url_as(cluster.owner))
        opened.append(owner)
        assert result.administrator == cluster.owner  # the owner is the first administrator
        operators.add_operator(owner, cluster.login, "clerk")
        features.set_enabled(owner, "b2b", True)
        channels.create_channel(owner, "B2B-JP", "みなと B2B ストア")

        # the desk works through the services …
        desk = open_workspace(cluster.url_as(cluster.login))  # as the GUI opens it
        opened.append(desk)
        assert desk.login == cluster.login
        before = _audit_count(desk)
        decided = approval.approve(desk, submit_request(desk))
        assert decided.hierarchy is not None
        assert hierarchies.get_hierarchy(desk, decided.hierarchy).name
        assert _audit_count(desk) > before

        # … but owns nothing and cannot change the schema or the audit trail
        import psycopg

        with cluster.connect(user=cluster.login) as conn:
            assert conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                "AND tableowner = current_user"
            ).fetchone() == (0,)
            owners = conn.execute(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
            assert owners == [(cluster.owner,)]
            assert conn.execute(
                "SELECT pg_has_role(current_user, %s, 'MEMBER'), "
                "has_table_privilege('audit_entry', 'INSERT'), "
                "has_table_privilege('audit_entry', 'UPDATE'), "
                "has_table_privilege('audit_entry', 'DELETE'), "
                "has_table_privilege('audit_entry', 'TRUNCATE'), "
                "has_table_privilege('alembic_version', 'UPDATE'), "
                "has_table_privilege('member', 'UPDATE'), "
                "has_schema_privilege('public', 'CREATE')",
                (cluster.owner,),
            ).fetchone() == (False, True, False, False, False, False, True, False)
            count = _audit_count(desk)
            for statement in (
                "UPDATE audit_entry SET action = 'forged'",
                "DELETE FROM audit_entry",
                "TRUNCATE audit_entry",
                "UPDATE alembic_version SET version_num = 'forged'",
                "ALTER TABLE audit_entry ADD COLUMN forged integer",
                "ALTER TABLE member DROP COLUMN role",
                "DROP TABLE audit_entry",
                "DROP TRIGGER audit_entry_append_only ON audit_entry",
                "CREATE TABLE forged (id integer)",
                "CREATE INDEX forged ON member (role)",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            assert _audit_count(desk) == count
            conn.execute(f"GRANT UPDATE ON audit_entry TO {cluster.login}")  # only a warning
            assert conn.execute(
                "SELECT has_table_privilege('audit_entry', 'UPDATE')"
            ).fetchone() == (False,)

        # a right granted by hand later is taken back by the owner's next init
        with cluster.connect() as conn:
            conn.execute(f"GRANT UPDATE, DELETE ON audit_entry TO {cluster.desk}")
        again, result = initialize(cluster.url_as(cluster.owner))
        opened.append(again)
        assert not result.created
        with cluster.connect(user=cluster.login) as conn:
            assert conn.execute(
                "SELECT has_table_privilege('audit_entry', 'UPDATE'), "
                "has_table_privilege('audit_entry', 'DELETE')"
            ).fetchone() == (False, False)
    finally:
        for ctx in opened:
            ctx.db.dispose()
        cluster.drop()


def test_a_long_entity_id_is_shortened_and_kept_whole(workspace: Context) -> None:
    """A database's display name (with a long login and host) names the entity of init,
    backup and demo entries: PostgreSQL refuses a value longer than the column, so it is
    shortened there and kept whole in ``after``."""
    from hierdesk.services import audit

    long_name = "PostgreSQL hierdesk_owner@db01.tokyo.corp.minato-shoji.example.co.jp:5432/hierdesk"
    with workspace.db.write() as session:
        audit.record(session, workspace.login, "database.init", "database", long_name, after={})
    entry = audit.list_entries(workspace, limit=1)[0]
    assert len(entry.entity_id) == audit.ENTITY_ID_MAX
    assert entry.entity_id.endswith("…")
    assert long_name.startswith(entry.entity_id[:-1])
    assert entry.after == {"entity_id": long_name}
