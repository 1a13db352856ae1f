"""Compile the Qt Designer forms ``ui/*.ui`` into ``src/hierdesk/ui/forms/ui_<name>.py``.

    python packaging/build_ui.py           # (re)write the generated forms
    python packaging/build_ui.py --check   # write nothing; exit 1 naming stale or missing forms

The forms are committed, so running the application needs no build step.  ``pyside6-uic``
writes the Qt version into its header comment; that line is normalised, so the committed
forms (and ``--check``) do not change with a PySide6 patch release — only real differences
in the generated code count.  Forms whose ``.ui`` file is gone are deleted (reported by
``--check``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_UI_DIR = ROOT / "ui"
DEFAULT_OUT_DIR = ROOT / "src" / "hierdesk" / "ui" / "forms"

INIT_TEXT = '''"""Python forms GENERATED from ui/*.ui by packaging/build_ui.py — do not edit.

Edit the .ui file in Qt Designer and run ``python packaging/build_ui.py``.
"""
'''

_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.MULTILINE)
_VERSION_FREE = "## Created by: Qt User Interface Compiler"


def find_uic() -> list[str]:
    """The command that runs uic for Python output."""
    # 1. The uic binary shipped inside the PySide6 package this interpreter imports.
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        package = Path(next(iter(spec.submodule_search_locations)))
        for binary in (package / "Qt" / "libexec" / "uic", package / "uic.exe", package / "uic"):
            if binary.is_file() and os.access(binary, os.X_OK):
                return [str(binary), "-g", "python"]
    # 2. The pyside6-uic console script next to the interpreter (Scripts\ or bin/), or on PATH.
    scripts = Path(sys.executable).parent
    for candidate in (scripts / "pyside6-uic.exe", scripts / "pyside6-uic"):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("cannot find pyside6-uic: install PySide6 into this Python environment")


def normalise(text: str) -> str:
    """Generated text independent of the platform's newlines and of the uic version."""
    text = text.replace("\r\n", "\n")
    return _VERSION_LINE.sub(_VERSION_FREE, text)


def compile_ui(uic: list[str], ui_file: Path) -> str:
    # Run in the .ui's folder with a relative name: uic names the file in its header.
    result = subprocess.run(
        [*uic, ui_file.name],
        cwd=ui_file.parent,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise SystemExit(f"pyside6-uic failed on {ui_file}: {message}")
    return normalise(result.stdout.decode("utf-8"))


@dataclass
class Output:
    path: Path
    content: str | None  # None: delete (the .ui is gone)
    problem: str | None  # None when the file on disk is up to date


def _existing(path: Path) -> str | None:
    if not path.is_file():
        return None
    return normalise(path.read_bytes().decode("utf-8"))


def _output(path: Path, content: str) -> Output:
    old = _existing(path)
    if old is None:
        return Output(path, content, "missing")
    if old != content:
        return Output(path, content, "stale")
    return Output(path, content, None)


def generate(ui_dir: Path, out_dir: Path) -> list[Output]:
    ui_files = sorted(ui_dir.glob("*.ui"))
    outputs = [_output(out_dir / "__init__.py", INIT_TEXT)]
    if ui_files:
        uic = find_uic()
        outputs += [_output(out_dir / f"ui_{f.stem}.py", compile_ui(uic, f)) for f in ui_files]
    wanted = {o.path.name for o in outputs}
    outputs += [
        Output(orphan, None, "orphaned (its .ui file is gone)")
        for orphan in sorted(out_dir.glob("ui_*.py"))
        if orphan.name not in wanted
    ]
    return outputs


def _show(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a form is stale or missing"
    )
    parser.add_argument("--ui-dir", type=Path, default=DEFAULT_UI_DIR, help="%(default)s")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR, help="%(default)s")
    args = parser.parse_args(argv)
    ui_dir: Path = args.ui_dir.resolve()
    out_dir: Path = args.out_dir.resolve()
    if not ui_dir.is_dir():
        print(f"no such folder: {ui_dir}", file=sys.stderr)
        return 2

    outputs = generate(ui_dir, out_dir)
    if args.check:
        stale = [o for o in outputs if o.problem]
        for o in stale:
            print(f"{o.problem}: {_show(o.path)}", file=sys.stderr)
        if stale:
            print("run: python packaging/build_ui.py", file=sys.stderr)
            return 1
        print(f"{len(outputs) - 1} form(s) up to date")
        return 0

    out_dir.mkdir(parents=True, exist_ok=True)
    for o in outputs:
        if o.problem is None:
            continue
        if o.content is None:
            o.path.unlink()
            print(f"deleted {_show(o.path)}")
        else:
            o.path.write_bytes(o.content.encode("utf-8"))
            print(f"wrote   {_show(o.path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
