"""``hierdesk-cli distribute`` and ``signin import|link|list`` (INTERFACES.md §3, §5, §6):
the documented JSON, the table people read in either language, and the exit statuses a
scheduled task acts on (0 done, 1 refused, 2 usage, 3 permission)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from clihelp import as_operator, ok, refused, text
from sqlalchemy import func, select, update

from hierdesk.cli import main
from hierdesk.data.schema import Channel, DistributionRun, IdentityRecord
from hierdesk.domain.distribution import OUTCOMES
from hierdesk.services import approval, distribution, features, members
from hierdesk.services.context import Context

Submit = Callable[..., int]
LoginUrl = Callable[[Context, str], str]
RUN_KEYS = {
    "channel",
    "customers",
    "hierarchies",
    "changed",
    "added",
    "updated",
    "withdrawn",
    "held_back",
    "file",
    "written",
}
ROW_KEYS = {"row", "identity_id", "channel", "email", "outcome", "customer", "next_step"}
LIST_KEYS = {"identity_id", "channel", "email", "signed_in_at", "outcome", "customer", "next_step"}


@dataclass(frozen=True)
class Partners:
    """B2B and channel restriction on, the sites B2B-EN and B2B-JP; ``minato`` (admin taro@,
    user hanako@) may use B2B-JP only, ``kita`` (admin jiro@) every site."""

    ctx: Context
    db: str
    minato: str
    taro: str
    hanako: str
    kita: str
    jiro: str


@pytest.fixture
def partners(b2b_workspace: Context, submit_request: Submit) -> Partners:
    ctx = b2b_workspace
    features.set_enabled(ctx, "channel_restriction", True)
    minato = approval.approve(
        ctx, submit_request(ctx, email="taro@minato.example.jp"), grants=("B2B-JP",)
    )
    hanako = members.add_member(
        ctx,
        str(minato.hierarchy),
        email="hanako@minato.example.jp",
        last_name="佐藤",
        first_name="花子",
    )
    kita = approval.approve(ctx, submit_request(ctx, email="jiro@kita.example.jp"))
    return Partners(
        ctx,
        ctx.db.location.url,
        str(minato.hierarchy),
        str(minato.person),
        hanako.account,
        str(kita.hierarchy),
        str(kita.person),
    )


def _runs(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(DistributionRun.id))).scalar_one())


def _identities(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(IdentityRecord.id))).scalar_one())


def _write(path: Path, rows: Sequence[dict[str, str]]) -> str:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return shlex.quote(str(path))


# --- distribute ---------------------------------------------------------------------------------


def test_distribute_prints_each_site_and_a_second_run_changes_nothing(
    capsys: pytest.CaptureFixture[str], partners: Partners, tmp_path: Path
) -> None:
    p = partners
    out = tmp_path / "sites"
    data = ok(capsys, p.db, f"distribute --out {out}")
    assert [r["channel"] for r in data] == ["B2B-EN", "B2B-JP"]
    assert all(set(r) == RUN_KEYS for r in data)
    for r in data:
        published = json.loads(Path(r["file"]).read_text(encoding="utf-8"))
        assert Path(r["file"]) == out / f"{r['channel']}.json"
        assert published["channel"] == r["channel"]
        assert r["customers"] == len(published["customers"])
        assert r["hierarchies"] == len(published["hierarchies"])
        assert (r["added"], r["updated"], r["withdrawn"]) == (r["customers"], 0, 0)
        assert (r["changed"], r["written"], r["held_back"]) == (r["customers"], True, [])
    assert {r["channel"]: r["customers"] for r in data} == {"B2B-EN": 2, "B2B-JP": 5}
    before = {f.name: (f.read_bytes(), f.stat().st_mtime_ns) for f in out.iterdir()}

    again = ok(capsys, p.db, f"distribute --out {out}")
    assert [(r["changed"], r["written"]) for r in again] == [(0, False), (0, False)]
    assert {f.name: (f.read_bytes(), f.stat().st_mtime_ns) for f in out.iterdir()} == before

    # a new member of minato: added on B2B-JP only
    ok(
        capsys,
        p.db,
        f"member add {p.minato} --email saburo@minato.example.jp --last-name 鈴木 "
        "--first-name 三郎",
    )
    third = {r["channel"]: r for r in ok(capsys, p.db, f"distribute --out {out}")}
    assert (third["B2B-JP"]["added"], third["B2B-JP"]["changed"]) == (1, 1)
    assert third["B2B-JP"]["written"] is True
    assert (third["B2B-EN"]["changed"], third["B2B-EN"]["written"]) == (0, False)
    # the member disabled: withdrawn
    saburo = next(c for c in members.list_members(p.ctx, p.minato) if c.name == "鈴木 三郎")
    ok(capsys, p.db, f"member disable {p.minato} {saburo.account} --reason 退職")
    fourth = {r["channel"]: r for r in ok(capsys, p.db, f"distribute --out {out}")}
    assert (fourth["B2B-JP"]["withdrawn"], fourth["B2B-JP"]["customers"]) == (1, 5)


def test_distribute_one_site_into_the_folder_of_the_settings(
    capsys: pytest.CaptureFixture[str], partners: Partners, tmp_path: Path
) -> None:
    p = partners
    data = ok(capsys, p.db, "distribute --channel B2B-EN")
    assert [r["channel"] for r in data] == ["B2B-EN"]
    assert Path(data[0]["file"]) == distribution.default_folder() / "B2B-EN.json"
    assert Path(data[0]["file"]).is_file()
    shared = tmp_path / "share"
    distribution.set_folder(p.ctx, shared)
    data = ok(capsys, p.db, "distribute --channel B2B-JP")
    assert Path(data[0]["file"]) == shared / "B2B-JP.json"
    assert sorted(f.name for f in shared.iterdir()) == ["B2B-JP.json"]


def test_distribute_refusals_and_exit_statuses(
    capsys: pytest.CaptureFixture[str],
    partners: Partners,
    tmp_path: Path,
    login_url: LoginUrl,
) -> None:
    p, ctx = partners, partners.ctx
    out = tmp_path / "sites"
    message = refused(
        capsys, 1, "channel_not_found", p.db, f"distribute --channel B2B-XX --out {out}"
    )
    assert "B2B-XX" in message
    with ctx.db.write() as session:
        session.execute(update(Channel).where(Channel.code == "B2B-EN").values(active=False))
    refused(capsys, 1, "channel_inactive", p.db, f"distribute --channel B2B-EN --out {out}")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    message = refused(capsys, 1, "export_failed", p.db, f"distribute --out {blocker}")
    assert str(blocker) in message
    stranger = as_operator(ctx, login_url, "stranger", None)
    refused(capsys, 3, "operator_unknown", stranger, f"distribute --out {out}")
    assert _runs(ctx) == 0
    assert not out.exists()
    # a clerk may run it (as a scheduled task would)
    clerk = as_operator(ctx, login_url, "tanaka", "clerk")
    assert [r["channel"] for r in ok(capsys, clerk, f"distribute --out {out}")] == ["B2B-JP"]
    assert _runs(ctx) == 1
    # B2B off
    features.set_enabled(ctx, "channel_restriction", False)
    features.set_enabled(ctx, "b2b", False)
    refused(capsys, 1, "feature_off", p.db, f"distribute --out {out}")
    assert _runs(ctx) == 1
    # usage
    status = main(["--db", p.db, "distribute", "--channel"])
    assert status == 2
    capsys.readouterr()


def test_distribute_in_japanese_shows_the_numbers_of_each_site(
    capsys: pytest.CaptureFixture[str], partners: Partners, tmp_path: Path
) -> None:
    p = partners
    out = tmp_path / "sites"
    shown = text(capsys, p.db, f"--locale ja distribute --out {out}")
    lines = shown.splitlines()
    assert len(lines) == 4  # header, rule, one line per site
    assert set(lines[1].replace(" ", "")) == {"-"}
    rows = {line.split()[0]: line.split() for line in lines[2:]}
    assert rows["B2B-JP"][1:6] == ["5", "2", "5", "0", "0"]
    assert rows["B2B-EN"][1:6] == ["2", "1", "2", "0", "0"]
    assert rows["B2B-JP"][6] == str(out / "B2B-JP.json")
    # an error in Japanese: one line on stderr, exit 1
    status = main(["--db", p.db, "--locale", "ja", "distribute", "--channel", "B2B-XX"])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "B2B-XX" in captured.err


# --- signin import, link, list --------------------------------------------------------------------


def test_signin_import_prints_counts_rows_and_errors(
    capsys: pytest.CaptureFixture[str], partners: Partners, tmp_path: Path
) -> None:
    p = partners
    ok(capsys, p.db, f"distribute --out {tmp_path / 'sites'}")
    features.set_enabled(p.ctx, "auto_link", True)
    path = _write(
        tmp_path / "signins.jsonl",
        [
            {"identity_id": "t", "email": "TARO@minato.example.jp", "channel": "B2B-JP"},
            {"identity_id": "t-en", "email": "taro@minato.example.jp", "channel": "B2B-EN"},
            {"identity_id": "x", "email": "nobody@example.jp", "channel": "B2B-JP"},
            {"identity_id": "bad", "email": "taro@minato.example.jp", "channel": "B2B-XX"},
            {"identity_id": "j", "email": "jiro@kita.example.jp", "channel": "B2B-EN"},
        ],
    )
    data = ok(capsys, p.db, f"signin import {path}")
    assert set(data) == {*OUTCOMES, "errors", "rows"}
    assert {o: data[o] for o in OUTCOMES} == {
        "linked": 2,
        "already_linked": 0,
        "auto_link_disabled": 0,
        "identity_not_found": 1,
        "multiple_accounts": 0,
        "channel_denied": 1,
        "not_distributed": 0,
    }
    assert [(e["row"], e["field"], e["code"]) for e in data["errors"]] == [
        (4, "channel", "channel_unknown")
    ]
    assert "B2B-XX" in data["errors"][0]["message"]
    assert all(set(r) == ROW_KEYS for r in data["rows"])
    rows = {r["identity_id"]: r for r in data["rows"]}
    assert (rows["t"]["row"], rows["t"]["outcome"], rows["t"]["customer"]) == (1, "linked", p.taro)
    assert rows["t"]["email"] == "TARO@minato.example.jp"
    assert (rows["t-en"]["outcome"], rows["t-en"]["customer"]) == ("channel_denied", p.taro)
    assert p.minato in rows["t-en"]["next_step"]
    assert (rows["x"]["outcome"], rows["x"]["customer"]) == ("identity_not_found", None)
    assert rows["j"]["outcome"] == "linked"
    assert all(r["next_step"] for r in data["rows"])

    again = ok(capsys, p.db, f"signin import {path}")
    assert (again["linked"], again["already_linked"]) == (0, 2)


def test_signin_import_of_a_cp932_csv_and_what_people_read(
    capsys: pytest.CaptureFixture[str], partners: Partners, tmp_path: Path
) -> None:
    p = partners
    path = tmp_path / "signins.csv"
    path.write_bytes(
        "identity_id,email,channel,signed_in_at\r\n"
        "山田-1,taro@minato.example.jp,B2B-JP,2026-11-26T09:30:00+09:00\r\n"
        "山田-2,bad,B2B-JP,\r\n".encode("cp932")
    )
    # the wrong encoding: refused with the line, nothing kept
    message = refused(capsys, 1, "file_not_decodable", p.db, f"signin import {path}")
    assert "Line 2," in message
    assert _identities(p.ctx) == 0
    shown = text(capsys, p.db, f"--locale ja signin import {path} --encoding cp932")
    lines = shown.splitlines()
    # the table of outcomes (one outcome: automatic linking is off), then the row's next
    # step, then the refused row
    assert lines[2].split()[-1] == "1"
    assert len([line for line in lines if "山田" in line or "taro@" in line]) == 1
    assert any("bad" in line for line in lines[3:])
    assert _identities(p.ctx) == 1
    data = ok(capsys, p.db, "signin list")
    assert [(r["identity_id"], r["outcome"]) for r in data] == [("山田-1", "auto_link_disabled")]
    assert data[0]["signed_in_at"] == "2026-11-26T00:30:00+00:00"


def test_signin_link_and_list(
    capsys: pytest.CaptureFixture[str], partners: Partners, tmp_path: Path
) -> None:
    p = partners
    path = _write(
        tmp_path / "signins.jsonl",
        [
            {"identity_id": "t", "email": "taro@minato.example.jp", "channel": "B2B-JP"},
            {"identity_id": "h", "email": "hanako@minato.example.jp", "channel": "B2B-JP"},
            {"identity_id": "x", "email": "nobody@example.jp", "channel": "B2B-JP"},
        ],
    )
    assert ok(capsys, p.db, f"signin import {path}")["auto_link_disabled"] == 3
    waiting = ok(capsys, p.db, "signin link")
    assert waiting["auto_link_disabled"] == 3
    assert (waiting["errors"], len(waiting["rows"])) == ([], 3)

    ok(capsys, p.db, "feature enable auto_link")
    not_yet = ok(capsys, p.db, "signin link")
    assert (not_yet["not_distributed"], not_yet["identity_not_found"]) == (2, 1)
    ok(capsys, p.db, f"distribute --out {tmp_path / 'sites'}")
    linked = ok(capsys, p.db, "signin link")
    assert (linked["linked"], linked["identity_not_found"]) == (2, 1)
    assert {
        r["identity_id"]: r["customer"] for r in linked["rows"] if r["outcome"] == "linked"
    } == {
        "t": p.taro,
        "h": p.hanako,
    }
    assert all(r["row"] is None for r in linked["rows"])  # not rows of a file

    everything = ok(capsys, p.db, "signin list")
    assert all(set(r) == LIST_KEYS for r in everything)
    assert sorted(r["identity_id"] for r in everything) == ["h", "t", "x"]
    problems = ok(capsys, p.db, "signin list --outcome problems")
    assert [(r["identity_id"], r["outcome"]) for r in problems] == [("x", "identity_not_found")]
    assert "Link pending" in problems[0]["next_step"]
    assert sorted(
        r["customer"] for r in ok(capsys, p.db, "signin list --outcome linked")
    ) == sorted([p.taro, p.hanako])
    assert len(ok(capsys, p.db, "signin list --limit 2")) == 2
    shown = text(capsys, p.db, "--locale ja signin list --outcome linked").splitlines()
    assert len(shown) == 4
    assert {line.split()[-1] for line in shown[2:]} == {p.taro, p.hanako}
    status = main(["--db", p.db, "signin", "list", "--outcome", "bogus"])
    assert status == 2
    capsys.readouterr()


def test_signin_exit_statuses(
    capsys: pytest.CaptureFixture[str], partners: Partners, tmp_path: Path, login_url: LoginUrl
) -> None:
    p, ctx = partners, partners.ctx
    path = _write(
        tmp_path / "signins.jsonl",
        [{"identity_id": "t", "email": "taro@minato.example.jp", "channel": "B2B-JP"}],
    )
    stranger = as_operator(ctx, login_url, "stranger", None)
    for command in (f"signin import {path}", "signin link", "signin list"):
        refused(capsys, 3, "operator_unknown", stranger, command)
    assert _identities(ctx) == 0
    refused(capsys, 1, "file_unreadable", p.db, f"signin import {tmp_path / 'missing.csv'}")
    clerk = as_operator(ctx, login_url, "tanaka", "clerk")
    assert ok(capsys, clerk, f"signin import {path}")["auto_link_disabled"] == 1
    assert ok(capsys, clerk, "signin link")["auto_link_disabled"] == 1
    assert len(ok(capsys, clerk, "signin list")) == 1
    features.set_enabled(ctx, "channel_restriction", False)
    features.set_enabled(ctx, "b2b", False)
    refused(capsys, 1, "feature_off", p.db, f"signin import {path}")
    refused(capsys, 1, "feature_off", p.db, "signin link")
