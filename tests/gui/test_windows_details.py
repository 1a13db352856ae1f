"""Windows details that can be checked on any machine: the Japanese font fallback, the
taskbar identity shared with the installer, where data lives, and the installer's promises
(it cannot be compiled here; packaging/README.md builds it on Windows)."""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hierdesk import app, paths
from hierdesk.ui.common.fonts import JAPANESE_FONTS, apply_japanese_fallback, with_japanese_fallback

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "packaging" / "windows" / "hierdesk.iss").read_text(encoding="utf-8-sig")


def test_kanji_fall_back_to_a_japanese_ui_font_after_the_ui_font() -> None:
    base = QFont("Segoe UI", 9)
    font = with_japanese_fallback(
        base, ["Segoe UI", "Microsoft YaHei", "Meiryo UI", "Yu Gothic UI"]
    )
    assert font.families() == ["Segoe UI", "Yu Gothic UI"]  # Yu Gothic UI first, never YaHei
    assert font.pointSize() == 9
    older = with_japanese_fallback(base, ["Segoe UI", "Meiryo UI", "Microsoft YaHei"])
    assert older.families() == ["Segoe UI", "Meiryo UI"]  # Windows without Yu Gothic
    none = with_japanese_fallback(base, ["Segoe UI", "Microsoft YaHei"])
    assert none.families() == base.families()


def test_the_application_font_names_the_japanese_font_installed_here(qapp: QApplication) -> None:
    before = qapp.font()
    try:
        font = apply_japanese_fallback(qapp)
        installed = [name for name in JAPANESE_FONTS if name in QFontDatabase.families()]
        if installed:  # CI installs fonts-ipafont-gothic: IPAGothic
            assert font.families()[-1] == installed[0]
        else:
            assert font.families() == before.families()
        assert qapp.font().families() == font.families()
    finally:
        qapp.setFont(before)


def test_the_taskbar_identity_is_the_installer_s() -> None:
    defined = re.search(r'#define AppUserModelID "([^"]+)"', ISS)
    assert defined is not None
    assert defined.group(1) == app.APP_USER_MODEL_ID
    # every shortcut that starts the application (but the demo's) carries it
    icons = ISS.split("[Icons]", 1)[1].split("\n[", 1)[0]
    starting = [line for line in icons.splitlines() if line.startswith("Name:")]
    assert starting
    assert all("AppUserModelID" in line or "--demo" in line for line in starting)


def test_data_settings_and_logs_live_under_localappdata_on_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = r"C:\Users\taro\AppData\Local"
    monkeypatch.setenv("LOCALAPPDATA", local)
    monkeypatch.setenv("APPDATA", r"C:\Users\taro\AppData\Roaming")
    monkeypatch.setattr(
        platformdirs.windows, "get_win_folder", platformdirs.windows.get_win_folder_from_env_vars
    )
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    expected = rf"{local}\hierdesk\hierdesk"
    assert str(paths.data_dir()).replace("/", "\\") == expected
    assert str(paths.config_dir()).replace("/", "\\") == expected
    assert str(paths.log_dir()).replace("/", "\\") == rf"{expected}\Logs"


def test_the_installer_installs_per_user_and_keeps_the_data() -> None:
    setup = ISS.split("[Setup]", 1)[1].split("\n[", 1)[0]
    assert re.search(r"^PrivilegesRequired=lowest$", setup, re.M)
    assert re.search(r"^PrivilegesRequiredOverridesAllowed=.*dialog", setup, re.M)
    languages = ISS.split("[Languages]", 1)[1].split("\n[", 1)[0]
    assert "Japanese.isl" in languages
    assert "Default.isl" in languages
    # nothing of the user's folder is deleted on uninstall, and the uninstaller says so
    sections = re.findall(r"^\[(\w+)\]", ISS, re.M)
    assert "UninstallDelete" not in sections
    assert "usPostUninstall" in ISS
    assert "DataDir := '%LOCALAPPDATA%\\hierdesk';" in ISS  # the folder the message names
    said = dict(
        line.split("=", 1) for line in ISS.splitlines() if line.startswith(("ja.Data", "en.Data"))
    )
    assert "削除されず" in said["ja.DataKept1"]
    assert "have not been deleted" in said["en.DataKept1"]
