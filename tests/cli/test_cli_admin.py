"""Administration from the command line (issue: settings and administration): number
sequences, channels, operators, the audit log, backup — and what each role may not do."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from hierdesk.cli import main
from hierdesk.services import audit
from hierdesk.services.context import Context

BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    status = main(["--json", *args])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def ok(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    status, data, err = run(capsys, *args)
    assert status == 0, (data, err)
    return data


def test_sequence_commands_follow_the_contract(
    capsys: pytest.CaptureFixture[str], workspace: Context
) -> None:
    db = workspace.db.location.url
    listed = ok(capsys, "--db", db, "sequence", "list")
    assert {s["code"] for s in listed} == {"CUST", "HIER"}
    hier = ok(capsys, "--db", db, "sequence", "show", "HIER")
    assert set(hier) == {
        "code",
        "name",
        "format",
        "smallest",
        "largest",
        "next",
        "continuous",
        "stopped",
        "references",
    }
    assert hier["references"] == ["hierarchy_id"]

    # peek allocates nothing
    first = ok(capsys, "--db", db, "sequence", "peek", "hierarchy_id")
    again = ok(capsys, "--db", db, "sequence", "peek", "hierarchy_id")
    assert first == again == {"reference": "hierarchy_id", "next": "CH-000001"}
    assert ok(capsys, "--db", db, "sequence", "show", "HIER")["next"] == 1

    created = ok(
        capsys,
        "--db",
        db,
        "sequence",
        "create",
        "H2",
        "--format",
        "HX-####",
        "--next",
        "42",
        "--continuous",
    )
    assert created["largest"] == 9999
    ok(capsys, "--db", db, "sequence", "assign", "hierarchy_id", "H2")
    assert ok(capsys, "--db", db, "sequence", "peek", "hierarchy_id")["next"] == "HX-0042"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("--format", "NOHASH"), "sequence_format_no_run"),
        (("--format", "A-##-##"), "sequence_format_two_runs"),
        (("--format", "A-###", "--largest", "5000"), "sequence_largest_does_not_fit"),
        (("--format", "A-####", "--smallest", "10", "--next", "3"), "sequence_next_out_of_range"),
    ],
)
def test_invalid_sequences_are_refused_and_nothing_is_created(
    capsys: pytest.CaptureFixture[str], workspace: Context, args: tuple[str, ...], code: str
) -> None:
    db = workspace.db.location.url
    status, data, err = run(capsys, "--db", db, "sequence", "create", "BAD", *args)
    assert status == 1
    assert data["error"]["code"] == code
    assert err.strip()
    assert "BAD" not in {s["code"] for s in ok(capsys, "--db", db, "sequence", "list")}


def test_each_role_is_refused_what_it_may_not_do(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context
) -> None:
    db = demo_workspace.db.location.url

    def as_operator(login: str) -> list[str]:
        if BACKEND == "sqlite":
            return ["--db", db, "--operator", login]
        # on PostgreSQL the operator is the database login: connect as that role
        _login_role(db, login)
        as_login = make_url(db).set(username=login).render_as_string(hide_password=False)
        return ["--db", as_login]

    admin_only = [
        ("feature", "enable", "auto_link"),
        ("channel", "create", "B2B-NEW", "--name", "New site"),
        ("operator", "add", "sato", "--role", "clerk"),
        ("sequence", "create", "Z9", "--format", "Z-####"),
        ("backup", str(Path(demo_workspace.db.location.display).with_suffix(".bak"))),
    ]
    for login in ("tanaka", "suzuki"):  # a clerk and a manager in the demo dataset
        for command in admin_only:
            status, data, _err = run(capsys, *as_operator(login), *command)
            assert status == 3, (login, command, data)
            assert data["error"]["code"] == "permission_denied"
        # reading is allowed
        assert ok(capsys, *as_operator(login), "sequence", "list")
        assert ok(capsys, *as_operator(login), "audit", "list", "--limit", "3")
    status, data, _err = run(capsys, *as_operator("nobody"), "channel", "list")
    assert status == 3
    assert data["error"]["code"] == "operator_unknown"


def _login_role(url: str, login: str) -> None:
    """A PostgreSQL login role for a desk operator, with rights on hierdesk's tables."""
    import psycopg

    with psycopg.connect(
        url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        if not exists:
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
        conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"')
        conn.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"')


def test_operators_and_the_last_administrator(
    capsys: pytest.CaptureFixture[str], workspace: Context
) -> None:
    db = workspace.db.location.url
    me = workspace.login
    added = ok(capsys, "--db", db, "operator", "add", "kobayashi", "--role", "clerk")
    assert added["role"] == "clerk"
    assert ok(capsys, "--db", db, "operator", "role", "kobayashi", "manager")["role"] == "manager"
    status, data, _ = run(capsys, "--db", db, "operator", "disable", me)
    assert status == 1
    assert data["error"]["code"] == "last_administrator"
    status, data, _ = run(capsys, "--db", db, "operator", "role", me, "clerk")
    assert data["error"]["code"] == "last_administrator"
    logins = {o["login"]: o for o in ok(capsys, "--db", db, "operator", "list")}
    assert logins[me]["role"] == "administrator"
    assert logins[me]["active"] is True


def test_every_change_leaves_an_audit_entry_with_before_and_after(
    capsys: pytest.CaptureFixture[str], workspace: Context
) -> None:
    db = workspace.db.location.url
    ok(capsys, "--db", db, "feature", "enable", "b2b")
    ok(capsys, "--db", db, "channel", "create", "B2B-A", "--name", "法人サイト")
    ok(capsys, "--db", db, "operator", "add", "ito", "--role", "clerk")
    ok(capsys, "--db", db, "sequence", "create", "S1", "--format", "S###")
    entries = ok(capsys, "--db", db, "audit", "list", "--limit", "10")
    by_action = {e["action"]: e for e in entries}
    assert by_action["feature.enable"]["before"] == {"enabled": False}
    assert by_action["feature.enable"]["after"] == {"enabled": True}
    assert by_action["channel.create"]["after"] == {"name": "法人サイト"}
    assert by_action["operator.add"]["entity_id"] == "ito"
    assert by_action["sequence.create"]["after"]["format"] == "S###"
    assert all(e["operator"] == workspace.login for e in entries)
    only = ok(capsys, "--db", db, "audit", "list", "--entity", "B2B-A")
    assert [e["action"] for e in only] == ["channel.create"]


def test_audit_export_opens_in_excel_and_escapes_formulas(
    capsys: pytest.CaptureFixture[str], workspace: Context, tmp_path: Path
) -> None:
    db = workspace.db.location.url
    ok(capsys, "--db", db, "channel", "create", "B2B-F", "--name", "=1+2")
    ok(capsys, "--db", db, "operator", "add", "@sneaky", "--role", "clerk")
    target = tmp_path / "監査ログ.csv"
    data = ok(capsys, "--db", db, "audit", "export", str(target))
    assert data["entries"] == audit.count_entries(workspace)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    operator_row = next(r for r in rows if r[3] == "operator.add")
    assert operator_row[5] == "'@sneaky"  # Excel shows it as text, never runs it
    assert rows[1][3] == "database.init"  # oldest first


def test_backup_while_another_desk_has_the_database_open(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, tmp_path: Path
) -> None:
    db = demo_workspace.db.location.url
    target = tmp_path / "copy.sqlite3"
    if BACKEND == "postgresql":
        status, data, _ = run(capsys, "--db", db, "backup", str(target))
        assert status == 1
        assert data["error"]["code"] == "backup_not_sqlite"
        return
    path = demo_workspace.db.location.path
    assert path is not None
    other = sqlite3.connect(path)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM customer").fetchone()  # a reader mid-transaction
    try:
        data = ok(capsys, "--db", db, "backup", str(target))
    finally:
        other.rollback()
        other.close()
    assert data["file"] == str(target)
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        original = sqlite3.connect(path)
        assert (
            copy.execute("SELECT count(*) FROM customer").fetchone()
            == original.execute("SELECT count(*) FROM customer").fetchone()
        )
        original.close()
    finally:
        copy.close()
    hierarchies = ok(capsys, "--db", str(target), "hierarchy", "list")
    assert len(hierarchies) == 6


def test_a_sequence_that_would_issue_an_existing_id_again_is_not_assigned(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context
) -> None:
    db = demo_workspace.db.location.url
    # the demo has issued CH-000001 … CH-000006: a new sequence of the same format from 1
    ok(capsys, "--db", db, "sequence", "create", "HIER2", "--format", "CH-######")
    status, data, _ = run(capsys, "--db", db, "sequence", "assign", "hierarchy_id", "HIER2")
    assert status == 1
    assert data["error"]["code"] == "sequence_would_reissue"
    assert "CH-000001" in data["error"]["message"]
    assert ok(capsys, "--db", db, "sequence", "peek", "hierarchy_id")["next"] == "CH-000007"
    # a different format cannot collide
    ok(capsys, "--db", db, "sequence", "create", "HIER3", "--format", "HX-#####")
    ok(capsys, "--db", db, "sequence", "assign", "hierarchy_id", "HIER3")
    assert ok(capsys, "--db", db, "sequence", "peek", "hierarchy_id")["next"] == "HX-00001"


def test_a_run_of_more_than_18_digits_is_refused(
    capsys: pytest.CaptureFixture[str], workspace: Context
) -> None:
    status, data, _ = run(
        capsys, "--db", workspace.db.location.url, "sequence", "create", "W", "--format", "#" * 19
    )
    assert status == 1
    assert data["error"]["code"] == "sequence_format_too_wide"
