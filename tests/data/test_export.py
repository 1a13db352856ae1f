"""Export of hierarchies for managers: CSV and Excel, safe against formula injection."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from hierdesk.domain.errors import ValidationError
from hierdesk.services import export, hierarchies, members
from hierdesk.services.context import Context

EVIL = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture
def with_evil_member(demo_workspace: Context) -> str:
    code = hierarchies.list_hierarchies(demo_workspace)[0].code
    members.add_member(
        demo_workspace,
        code,
        email="evil@export.example.jp",
        last_name=EVIL,
        first_name="+1",
    )
    return code


def test_csv_of_one_hierarchy_defuses_formulas(
    demo_workspace: Context, with_evil_member: str, tmp_path: Path
) -> None:
    path = tmp_path / "one.csv"
    written = export.export_hierarchies(demo_workspace, path, code=with_evil_member)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == written
    assert {r["hierarchy"] for r in rows} == {with_evil_member}
    assert rows[0]["type"] == "organization"
    members_in_file = {r["account"] for r in rows[1:]}
    assert members_in_file == {
        m.account for m in members.list_members(demo_workspace, with_evil_member)
    }
    evil = next(r for r in rows if r["email"] == "evil@export.example.jp")
    assert evil["name"].startswith("'=")
    assert evil["role"] == "user"


def test_workbook_of_all_hierarchies_keeps_text_as_text(
    demo_workspace: Context, with_evil_member: str, tmp_path: Path
) -> None:
    path = tmp_path / "all.xlsx"
    written = export.export_hierarchies(demo_workspace, path)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header == list(export.COLUMNS)
    assert sheet.max_row == written + 1
    codes = {sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)}
    assert codes == {h.code for h in hierarchies.list_hierarchies(demo_workspace)}
    name_column = header.index("name") + 1
    email_column = header.index("email") + 1
    evil_row = next(
        r
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(row=r, column=email_column).value == "evil@export.example.jp"
    )
    cell = sheet.cell(row=evil_row, column=name_column)
    assert cell.data_type == "s"  # a string, not a formula
    assert str(cell.value).startswith(EVIL)
    credit = sheet.cell(row=2, column=header.index("credit_limit") + 1)
    assert isinstance(credit.value, int)  # amounts stay numbers


def test_a_cancelled_export_leaves_no_file_and_other_formats_are_refused(
    demo_workspace: Context, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "all.csv"
    seen: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    assert export.export_hierarchies(demo_workspace, path, progress=cancel) == 0
    assert seen[0][0] == 1
    assert list(folder.iterdir()) == []  # no file, no half-written part
    calls: list[tuple[int, int]] = []
    written = export.export_hierarchies(
        demo_workspace, path, progress=lambda d, t: calls.append((d, t)) is None
    )
    assert written > 0
    assert calls[-1] == (written, written)
    assert path.exists()
    with pytest.raises(ValidationError) as info:
        export.export_hierarchies(demo_workspace, tmp_path / "all.pdf")
    assert info.value.code == "export_format_unknown"
    assert not (tmp_path / "all.pdf").exists()
