"""``hierdesk-cli request import`` (INTERFACES.md §4): valid rows in, bad rows named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hierdesk.cli import main
from hierdesk.services import audit, features, requests
from hierdesk.services.context import Context

HEADER = (
    "external_id,channel,company_name,company_name_kana,corporate_number,email,"
    "last_name,first_name,postal_code\n"
)
GOOD = (
    "X-1,B2B-JP,株式会社テスト商会,てすとしょうかい,8700110005901,taro@test.example.jp,"
    "山田,太郎,〒１００－０００１\n"
)
BAD = "X-2,B2B-JP,,ﾃｽﾄ,1700110005901,bad,山田,,12\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    status = main(["--json", *args])
    out, _err = capsys.readouterr()
    return status, json.loads(out)


def test_cp932_csv_imports_the_valid_rows_and_names_each_problem(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, tmp_path: Path
) -> None:
    db = demo_workspace.db.location.url
    path = tmp_path / "requests.csv"
    path.write_bytes((HEADER + GOOD + BAD).encode("cp932"))
    before = requests.count_requests(demo_workspace)
    status, data = run(capsys, "--db", db, "request", "import", str(path), "--encoding", "cp932")
    assert status == 0
    assert (data["imported"], data["duplicates"]) == (1, 0)
    problems = {(e["row"], e["field"]): e["code"] for e in data["errors"]}
    assert problems == {
        (2, "company_name"): "field_required",
        (2, "first_name"): "field_required",
        (2, "email"): "email_invalid",
        (2, "corporate_number"): "corporate_number_check_digit",
        (2, "postal_code"): "postal_code_format",
    }
    assert requests.count_requests(demo_workspace) == before + 1
    new = requests.list_requests(demo_workspace, search="テスト")
    assert [r.company_name_kana for r in new] == ["テストショウカイ"]  # hiragana normalised
    assert audit.list_entries(demo_workspace, limit=1)[0].action == "request.import"

    # the same file again: counted as duplicates, nothing changes
    status, data = run(capsys, "--db", db, "request", "import", str(path), "--encoding", "cp932")
    assert (data["imported"], data["duplicates"]) == (0, 1)
    assert requests.count_requests(demo_workspace) == before + 1


def test_json_lines_take_the_channel_option(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, tmp_path: Path
) -> None:
    path = tmp_path / "requests.jsonl"
    row = {
        "external_id": "L-1",
        "company_name": "Pacific Widgets K.K.",
        "email": "a@pw.example.jp",
        "last_name": "Smith",
        "first_name": "Ann",
        "language": "en",
    }
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    db = demo_workspace.db.location.url
    status, data = run(capsys, "--db", db, "request", "import", str(path))
    assert status == 0
    assert [e["code"] for e in data["errors"]] == ["field_required"]  # no channel
    status, data = run(capsys, "--db", db, "request", "import", str(path), "--channel", "NOPE")
    assert [e["code"] for e in data["errors"]] == ["channel_unknown"]
    status, data = run(capsys, "--db", db, "request", "import", str(path), "--channel", "B2B-EN")
    assert data == {"imported": 1, "duplicates": 0, "errors": []}


def test_a_file_that_does_not_decode_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context, tmp_path: Path
) -> None:
    path = tmp_path / "requests.csv"
    path.write_bytes((HEADER + GOOD).encode("cp932"))
    before = requests.count_requests(demo_workspace)
    status, data = run(
        capsys, "--db", demo_workspace.db.location.url, "request", "import", str(path)
    )
    assert status == 1
    assert data["error"]["code"] == "file_not_decodable"
    assert requests.count_requests(demo_workspace) == before


def test_requests_need_the_b2b_feature(
    capsys: pytest.CaptureFixture[str], workspace: Context, tmp_path: Path
) -> None:
    path = tmp_path / "requests.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    status, data = run(capsys, "--db", workspace.db.location.url, "request", "import", str(path))
    assert status == 1
    assert data["error"]["code"] == "feature_off"
    assert "b2b" in data["error"]["message"]
    features.set_enabled(workspace, "b2b", True)
    status, data = run(capsys, "--db", workspace.db.location.url, "request", "import", str(path))
    assert data["errors"][0]["code"] == "channel_unknown"  # this database has no sites yet


def test_list_and_show_name_the_duplicate_candidates(
    capsys: pytest.CaptureFixture[str], demo_workspace: Context
) -> None:
    db = demo_workspace.db.location.url
    status, listed = run(capsys, "--db", db, "request", "list", "--status", "pending")
    assert status == 0
    assert set(listed[0]) == {
        "id",
        "external_id",
        "kind",
        "channel",
        "company_name",
        "email",
        "status",
        "received_at",
        "warnings",
    }
    by_warning = {w: r for r in listed for w in r["warnings"]}
    # the demo queue holds a company that signed up before, and a known user's e-mail
    same_number = by_warning["corporate_number"]
    status, shown = run(capsys, "--db", db, "request", "show", str(same_number["id"]))
    assert status == 0
    strong = [d for d in shown["duplicates"] if d["reason"] == "corporate_number"]
    assert len(strong) == 1
    organization = strong[0]["customer"]
    status, customer_hierarchy = run(
        capsys, "--db", db, "hierarchy", "show", strong[0]["hierarchy"]
    )
    assert customer_hierarchy["organization"]["account"] == organization
    same_email = by_warning["email"]
    status, shown = run(capsys, "--db", db, "request", "show", str(same_email["id"]))
    assert any(d["reason"] == "email" for d in shown["duplicates"])
    status, missing = run(capsys, "--db", db, "request", "show", "999999")
    assert (status, missing["error"]["code"]) == (1, "request_not_found")
