"""``hierdesk-cli`` errors (INTERFACES.md §3): one line on stderr, a JSON error document with a
stable code under ``--json``, and the documented exit status; nothing is changed."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from hierdesk.cli import main
from hierdesk.data.database import resolve_url
from hierdesk.services.context import Context
from hierdesk.services.setup import initialize
from hierdesk.settings import Settings

# as tests/conftest.py decides it
BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def run_error(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, str], str]:
    """Run with --json; return the exit status, the error object and stderr."""
    status = main(["--json", *args])
    out, err = capsys.readouterr()
    document = json.loads(out)  # exactly one JSON document
    assert isinstance(document, dict), f"no error reported: {out}"
    assert set(document) == {"error"}, document
    assert set(document["error"]) == {"code", "message"}
    assert err.strip(), "the message also goes to stderr"
    assert len(err.strip().splitlines()) == 1, err
    return status, document["error"], err


def snapshot(url: str) -> Any:
    location = resolve_url(url)
    if location.backend == "sqlite":
        assert location.path is not None
        return location.path.read_bytes(), location.path.stat().st_mtime_ns
    engine = create_engine(location.url)
    try:
        with engine.connect() as conn:
            return {
                table: sorted(
                    (tuple(r) for r in conn.execute(text(f'SELECT * FROM "{table}"'))), key=repr
                )
                for table in sorted(inspect(conn).get_table_names())
            }
    finally:
        engine.dispose()


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, error, _err = run_error(capsys, "frobnicate")
    assert status == 2
    assert error["code"] == "usage"
    assert "frobnicate" in error["message"]


def test_missing_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, error, _err = run_error(capsys, "hierarchy", "show")
    assert (status, error["code"]) == (2, "usage")


def test_usage_error_without_json_prints_only_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["frobnicate"])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert "frobnicate" in err


def test_unknown_hierarchy(
    capsys: pytest.CaptureFixture[str], workspace: Context, db_url: str
) -> None:
    status, error, err = run_error(capsys, "--db", db_url, "hierarchy", "show", "NOPE")
    assert status == 1
    assert error["code"] == "hierarchy_not_found"
    assert "NOPE" in error["message"]
    assert "NOPE" in err


@pytest.mark.parametrize("url", ["mysql://root@localhost/shop", "nosuchdb://host/x"])
def test_unsupported_database_url(capsys: pytest.CaptureFixture[str], url: str) -> None:
    status, error, _err = run_error(capsys, "--db", url, "hierarchy", "list")
    assert status == 2
    assert error["code"] == "db_url_unsupported"


def test_password_in_database_url(capsys: pytest.CaptureFixture[str]) -> None:
    status, error, err = run_error(
        capsys, "--db", "postgresql://clerk:s3cret@127.0.0.1:1/x", "hierarchy", "list"
    )
    assert (status, error["code"]) == (2, "db_password_in_url")
    assert "s3cret" not in error["message"] + err


def test_missing_sqlite_file_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "missing.sqlite3"
    status, error, _err = run_error(capsys, "--db", str(path), "hierarchy", "list")
    assert status == 4
    assert error["code"] == "db_not_found"
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_newer_schema_is_refused_and_unchanged(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    ctx, _result = initialize(db_url)
    ctx.db.dispose()
    engine = create_engine(resolve_url(db_url).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    before = snapshot(db_url)
    for command in (["hierarchy", "list"], ["init"], ["demo", "--scale", "1"]):
        status, error, _err = run_error(capsys, "--db", db_url, *command)
        assert (status, error["code"]) == (4, "db_schema_newer"), command
    assert snapshot(db_url) == before


def test_unreachable_postgresql_server(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["hierarchy", "list"], ["init"]):
        status, error, _err = run_error(
            capsys, "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x", *command
        )
        assert status == 4
        assert error["code"] == "db_unreachable"
        assert "127.0.0.1" in error["message"]


def test_operator_unknown_to_the_database(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, db_url: str
) -> None:
    # SQLite: not an operator of this database; PostgreSQL: not the database login
    expected = "operator_unknown" if BACKEND == "sqlite" else "operator_mismatch"
    for command in (
        ["hierarchy", "list"],
        ["hierarchy", "show", "CH-000001"],
        ["feature", "list"],
        ["feature", "enable", "catalogs"],
    ):
        status, error, err = run_error(capsys, "--db", db_url, "--operator", "stranger", *command)
        assert (status, error["code"]) == (3, expected), command
        assert "stranger" in err


def test_demo_scale_out_of_range_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "new.sqlite3"
    status, error, _err = run_error(capsys, "--db", str(path), "demo", "--scale", "0")
    assert status == 2
    assert error["code"] in ("demo_scale_invalid", "usage")
    assert not path.exists()  # a usage error must not leave a new database behind


def test_japanese_error_messages(
    capsys: pytest.CaptureFixture[str], workspace: Context, db_url: str
) -> None:
    status, error, err = run_error(
        capsys, "--locale", "ja", "--db", db_url, "hierarchy", "show", "NOPE"
    )
    assert status == 1
    assert error["code"] == "hierarchy_not_found"  # codes are never translated
    assert JAPANESE.search(error["message"]), error
    assert JAPANESE.search(err), err
    assert "There is no customer hierarchy" not in err


def test_language_from_settings_and_locale_option_overrides_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    Settings(language="ja").save()
    path = tmp_path / "missing.sqlite3"
    _status, error, _err = run_error(capsys, "--db", str(path), "hierarchy", "list")
    assert JAPANESE.search(error["message"].replace(str(path), "")), error
    _status, error, _err = run_error(
        capsys, "--locale", "en", "--db", str(path), "hierarchy", "list"
    )
    assert not JAPANESE.search(error["message"]), error
    assert error["code"] == "db_not_found"
