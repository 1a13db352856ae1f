"""``hierdesk-cli bench`` at a small scale: it must complete and report every figure.

The times themselves are not asserted (timing targets belong to the benchmark, not to the
suite); this run guards that the benchmark keeps working, so its figures can be produced on
any machine with the README's command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hierdesk.cli import BENCH_LABELS, main

FIGURES = (
    "startup_ms",
    "tree_first_page_ms",
    "search_ms",
    "expand_5000_ms",
    "compare_5000_ms",
    "override_5000_ms",
    "approve_ms",
    "import_rows_per_s",
    "locale_switch_ms",
    "rss_mb",
)


def test_the_benchmark_runs_and_reports_every_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bench"
    args = ["--json", "bench", "--scale", "20", "--runs", "1", "--folder", str(folder)]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)

    assert report["scale"] == 20
    data = report["data"]
    assert data["hierarchies"] == 20
    assert data["big_members"] == 5000
    assert data["pending_requests"] == 100
    assert data["persons"] >= 5000
    assert tuple(report["figures"]) == FIGURES
    for name, figure in report["figures"].items():
        assert figure["value"] > 0, name
        assert figure["runs"] >= 1, name
        assert isinstance(figure["met"], bool), name
        assert figure["target"].startswith(("<=", ">=")), name
    search = report["figures"]["search_ms"]
    assert search["floor"] > 0  # the same query through sqlite3
    assert search["times_floor"] == pytest.approx(search["value"] / search["floor"], rel=0.1)
    assert {"python", "qt", "sqlite", "pyside6"} <= set(report["versions"])
    assert report["calibration_ms"]["before"] > 0
    assert report["calibration_ms"]["after"] > 0

    # a second run reuses the generated data and can measure only some figures
    assert main([*args, "--figures", "search_ms,tree_first_page_ms"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["data"]["reused"] is True
    assert tuple(again["figures"]) == ("tree_first_page_ms", "search_ms")


def test_the_table_names_each_figure_in_the_reader_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--locale", "ja", "bench", "--scale", "20", "--runs", "1", "--folder", str(tmp_path)]
    assert main([*args, "--figures", "approve_ms"]) == 0
    table = capsys.readouterr().out
    assert "approve_ms" in table
    assert "1 件の申請を承認" in table  # BENCH_LABELS["approve_ms"] in Japanese
    assert set(BENCH_LABELS) == set(FIGURES)


def test_an_unknown_figure_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["bench", "--scale", "20", "--folder", str(tmp_path), "--figures", "speed_of_light"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "speed_of_light" in err
    assert "search_ms" in err  # the figures there are
    assert not tmp_path.exists() or not any(tmp_path.iterdir())  # nothing was generated
