"""Build the bundle from packaging/hierdesk.spec and smoke-run both executables.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--no-build]

What CI runs on Linux (the same spec builds the Windows bundle on Windows, see
packaging/README.md). It checks, on the built folder:

- both executables answer ``--version`` with the package's version;
- the command-line tool creates a database (the migrations are in the bundle), loads the
  demo dataset and lists its hierarchies;
- the desktop application opens the demo database offscreen, paints its main window in
  Japanese and closes cleanly, with nothing on its error output;
- the Japanese catalogs (hierdesk's and Qt's ``qtbase_ja.qm``) and the icon are there.

It prints the build time and the bundle's size; any failed check ends it with exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if sys.platform == "win32" else ""


def _size_mb(folder: Path) -> float:
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return sum(f.stat().st_size for f in files) / 2**20


def _run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=300
    )
    if result.returncode != 0:
        raise SystemExit(
            f"FAILED ({result.returncode}): {' '.join(command)}\n{result.stdout}\n{result.stderr}"
        )
    return result


def build(dist: Path, work: Path) -> float:
    start = time.perf_counter()
    _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "packaging" / "hierdesk.spec"),
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ]
    )
    return time.perf_counter() - start


def smoke(bundle: Path) -> list[str]:
    from hierdesk import __version__

    gui, cli = bundle / f"hierdesk{EXE}", bundle / f"hierdesk-cli{EXE}"
    done = []
    for exe in (cli, gui):
        out = _run([str(exe), "--version"]).stdout.strip()
        if out != f"hierdesk {__version__}":
            raise SystemExit(f"FAILED: {exe.name} --version says {out!r}, not {__version__}")
        done.append(f"{exe.name} --version: {out}")

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = str(home / name.lower())
        for name in ("LOCALAPPDATA", "APPDATA"):
            env[name] = str(home / name.lower())
        env["QT_QPA_PLATFORM"] = "offscreen"
        db = str(home / "smoke.sqlite3")
        _run([str(cli), "--db", db, "init"], env)
        _run([str(cli), "--db", db, "demo", "--scale", "2"], env)
        listed = json.loads(_run([str(cli), "--json", "--db", db, "hierarchy", "list"], env).stdout)
        if len(listed) != 2:
            raise SystemExit(f"FAILED: the demo database lists {len(listed)} hierarchies, not 2")
        done.append("hierdesk-cli init, demo --scale 2, hierarchy list: 2 hierarchies")

        env["HIERDESK_EXIT_AFTER_PAINT"] = "1"  # paint the main window once, then quit
        shown = _run([str(gui), "--demo", "--locale", "ja"], env)
        errors = [
            line
            for line in shown.stderr.splitlines()
            if line.strip() and "propagateSizeHints" not in line  # offscreen's own notice
        ]
        if shown.stdout.strip() != "painted" or errors:
            raise SystemExit(f"FAILED: the desktop application\n{shown.stdout}\n{shown.stderr}")
        done.append("hierdesk --demo --locale ja: main window painted, closed cleanly")

    for pattern in (
        "**/qtbase_ja.qm",
        "**/hierdesk/locale/ja/LC_MESSAGES/hierdesk.mo",
        "**/hierdesk.ico",
    ):
        if not any(bundle.glob(pattern)):
            raise SystemExit(f"FAILED: nothing matches {pattern} in the bundle")
    done.append("qtbase_ja.qm, hierdesk.mo and hierdesk.ico are in the bundle")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_bundle")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-build", action="store_true", help="smoke-run the existing bundle")
    args = parser.parse_args(argv)
    bundle = args.dist / "hierdesk"
    if not args.no_build:
        shutil.rmtree(bundle, ignore_errors=True)
        seconds = build(args.dist, args.work)
        print(f"built {bundle} in {seconds:.0f} s")
    print(f"bundle size: {_size_mb(bundle):.0f} MB ({sum(1 for _ in bundle.rglob('*'))} files)")
    for line in smoke(bundle):
        print(f"ok  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
