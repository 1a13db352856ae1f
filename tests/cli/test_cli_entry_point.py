"""The installed ``hierdesk-cli`` console script, run as a separate process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hierdesk.services.demo import load_demo
from hierdesk.services.setup import open_workspace


def test_console_script_prints_utf8_json_with_japanese_unescaped(tmp_path: Path) -> None:
    script = shutil.which("hierdesk-cli", path=str(Path(sys.executable).parent))
    assert script is not None, "hierdesk-cli is not installed next to the interpreter"
    folder = tmp_path / "顧客データ"
    folder.mkdir()
    db = folder / "hierdesk.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env["LC_ALL"] = "C"  # no UTF-8 from the locale: the tool must choose UTF-8 itself

    def cli(*args: str) -> bytes:
        done = subprocess.run(
            [script, "--db", str(db), "--json", *args],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        return done.stdout

    raw = cli("init")
    data = json.loads(raw.decode("utf-8"))
    assert data["created"] is True
    assert "顧客データ".encode() in raw  # the path, not \\u escapes
    assert b"\\u" not in raw

    ctx = open_workspace(str(db), data["administrator"])
    try:
        load_demo(ctx, 2)
    finally:
        ctx.db.dispose()

    raw = cli("hierarchy", "list")
    rows = json.loads(raw.decode("utf-8"))
    assert [r["name"] for r in rows] == ["株式会社東洋機械", "東洋商事株式会社"]
    assert "東洋商事株式会社".encode() in raw
    assert b"\\u" not in raw
