"""``hierdesk-cli`` commands run in-process (INTERFACES.md §3): output for people and
exactly one JSON document with the documented keys for programs."""

from __future__ import annotations

import json
import os
import re
from typing import Any

import pytest

from hierdesk import __version__
from hierdesk.cli import main
from hierdesk.services.context import Context

# as tests/conftest.py decides it
BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    status, out, err = run(capsys, "--json", *args)
    assert status == 0, (out, err)
    return json.loads(out)  # exactly one document: anything else fails to parse


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_creates_the_database_and_says_so(
    capsys: pytest.CaptureFixture[str], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIERDESK_OPERATOR", "desk-admin")
    status, out, err = run(capsys, "--db", db_url, "init")
    assert status == 0, err
    assert "Created" in out
    if BACKEND == "sqlite":
        assert db_url in out
        assert "desk-admin" in out  # the first operator is the administrator
    assert err == ""
    # a second run reports the database as it is
    status, out, _err = run(capsys, "--db", db_url, "init")
    assert status == 0
    assert "up to date" in out
    assert "Created" not in out


def test_init_json(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    data = run_json(capsys, "--db", db_url, "init")
    assert set(data) >= {"database", "created", "upgraded", "administrator"}
    assert data["created"] is True
    assert data["upgraded"] is False
    assert data["administrator"]
    again = run_json(capsys, "--db", db_url, "init")
    assert (again["created"], again["upgraded"], again["administrator"]) == (False, False, None)
    assert again["database"] == data["database"]


def test_demo_twice_changes_nothing_the_second_time(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    status, out, err = run(capsys, "--db", db_url, "demo", "--scale", "3")
    assert status == 0, err
    first = run_json(capsys, "--db", db_url, "hierarchy", "list")
    assert len(first) == 3

    status, out, err = run(capsys, "--db", db_url, "demo", "--scale", "3")
    assert status == 0, err
    assert "nothing changed" in out
    assert run_json(capsys, "--db", db_url, "hierarchy", "list") == first

    data = run_json(capsys, "--db", db_url, "demo", "--scale", "3")
    assert data["scale"] == 3
    assert data["hierarchies_added"] == data["customers_added"] == 0
    assert data["requests_added"] == data["orders_added"] == 0


def test_demo_json_reports_what_was_added(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    data = run_json(capsys, "--db", db_url, "demo", "--scale", "2")
    assert data["hierarchies_added"] == 2
    assert data["customers_added"] > 2
    more = run_json(capsys, "--db", db_url, "demo", "--scale", "3")
    assert more["hierarchies_added"] == 1


def test_hierarchy_list_json_keys(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, db_url: str
) -> None:
    rows = run_json(capsys, "--db", db_url, "hierarchy", "list")
    assert len(rows) == 6
    for row in rows:
        assert set(row) == {"id", "name", "organization", "members", "channels"}
        assert isinstance(row["members"], int)
        assert isinstance(row["channels"], list)
    assert rows[0]["name"] == "株式会社白鳥包装"  # あいうえお順 (シラトリ first)
    toyo = next(r for r in rows if r["name"] == "東洋商事株式会社")
    assert toyo["channels"] == ["B2B-JP", "B2B-PRO"]
    assert toyo["members"] == 5


def test_hierarchy_list_limit_and_search(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, db_url: str
) -> None:
    everything = run_json(capsys, "--db", db_url, "hierarchy", "list")
    assert run_json(capsys, "--db", db_url, "hierarchy", "list", "--limit", "2") == everything[:2]
    found = run_json(capsys, "--db", db_url, "hierarchy", "list", "--search", "とうよう")
    assert [r["name"] for r in found] == ["株式会社東洋機械", "東洋商事株式会社"]
    found = run_json(
        capsys, "--db", db_url, "hierarchy", "list", "--search", "とうよう", "--limit", "1"
    )
    assert [r["name"] for r in found] == ["株式会社東洋機械"]
    assert run_json(capsys, "--db", db_url, "hierarchy", "list", "--search", "nothing-like") == []


def test_hierarchy_list_human_output(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, db_url: str
) -> None:
    status, out, _err = run(capsys, "--db", db_url, "hierarchy", "list")
    assert status == 0
    lines = out.splitlines()
    assert "Customer hierarchy ID" in lines[0]
    names = ["株式会社白鳥包装", "株式会社東洋機械", "東洋商事株式会社"]
    rows = [next(i for i, line in enumerate(lines) if name in line) for name in names]
    assert rows == sorted(rows)  # あいうえお順, one line each
    assert len(set(rows)) == 3
    status, out, _err = run(capsys, "--db", db_url, "hierarchy", "list", "--search", "zzz")
    assert status == 0
    assert "No customer hierarchies" in out


def test_hierarchy_list_limit_must_be_positive(
    capsys: pytest.CaptureFixture[str], workspace: Context, db_url: str
) -> None:
    status, out, _err = run(capsys, "--json", "--db", db_url, "hierarchy", "list", "--limit", "0")
    assert status == 2
    assert json.loads(out)["error"]["code"] == "usage"


def test_hierarchy_show_json_keys(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, db_url: str
) -> None:
    listed = run_json(capsys, "--db", db_url, "hierarchy", "list", "--search", "東洋商事")
    assert len(listed) == 1
    data = run_json(capsys, "--db", db_url, "hierarchy", "show", listed[0]["id"])
    assert set(data) == {"id", "name", "purpose", "organization", "members", "channels"}
    assert data["id"] == listed[0]["id"]
    assert data["name"] == "東洋商事株式会社"
    assert data["purpose"] == "b2b_organization"  # data, not translated text
    assert data["organization"]["account"] == listed[0]["organization"]
    assert data["channels"] == ["B2B-JP", "B2B-PRO"]
    assert len(data["members"]) == 5
    for member in data["members"]:
        assert set(member) == {"customer", "name", "email", "role", "status"}
        assert member["role"] in ("admin", "user")
        assert member["status"] in ("active", "disabled")
    assert data["members"][0]["role"] == "admin"
    assert data["members"][0]["email"] == "yuko.inoue@toyo-shoji.example.jp"


def test_hierarchy_show_human_output(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, db_url: str
) -> None:
    code = run_json(capsys, "--db", db_url, "hierarchy", "list", "--search", "東洋商事")[0]["id"]
    status, out, _err = run(capsys, "--db", db_url, "hierarchy", "show", code)
    assert status == 0
    assert code in out
    assert "東洋商事株式会社" in out
    assert "B2B organization" in out
    assert "yuko.inoue@toyo-shoji.example.jp" in out


def test_feature_list_json(
    capsys: pytest.CaptureFixture[str], workspace: Context, db_url: str
) -> None:
    rows = run_json(capsys, "--db", db_url, "feature", "list")
    assert [r["key"] for r in rows] == ["b2b", "auto_link", "channel_restriction", "catalogs"]
    for row in rows:
        assert set(row) == {"key", "enabled", "requires", "changed_by", "changed_at"}
        assert row["enabled"] is False
    assert rows[1]["requires"] == ["b2b"]


def test_feature_enable_and_dependencies(
    capsys: pytest.CaptureFixture[str], workspace: Context, db_url: str
) -> None:
    status, out, err = run(capsys, "--json", "--db", db_url, "feature", "enable", "auto_link")
    assert status == 1
    assert json.loads(out)["error"]["code"] == "feature_requires"
    assert "b2b" in err

    data = run_json(capsys, "--db", db_url, "feature", "enable", "b2b")
    assert (data["key"], data["enabled"], data["changed_by"]) == ("b2b", True, workspace.login)
    run_json(capsys, "--db", db_url, "feature", "enable", "auto_link")

    status, out, err = run(capsys, "--json", "--db", db_url, "feature", "disable", "b2b")
    assert status == 1
    assert json.loads(out)["error"]["code"] == "feature_needed_by"
    assert "auto_link" in err
    rows = run_json(capsys, "--db", db_url, "feature", "list")
    assert {r["key"]: r["enabled"] for r in rows}["b2b"] is True


def test_locale_ja_gives_japanese_output(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    status, out, _err = run(capsys, "--locale", "ja", "--db", db_url, "init")
    assert status == 0
    text = out.replace(db_url, "")  # the path itself is ASCII; the sentence must not be
    assert JAPANESE.search(text), out
    assert "Created the hierdesk database" not in out


def test_locale_ja_json_keeps_codes_and_keys(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, db_url: str
) -> None:
    english = run_json(capsys, "--locale", "en", "--db", db_url, "hierarchy", "list")
    japanese = run_json(capsys, "--locale", "ja", "--db", db_url, "hierarchy", "list")
    assert japanese == english  # data, not translated text
