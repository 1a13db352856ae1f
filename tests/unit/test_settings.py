"""The desk's settings file (INTERFACES.md §2): JSON, written atomically, robust to damage."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hierdesk import paths
from hierdesk.settings import Settings, resolve_db


def test_missing_file_gives_defaults_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert Settings.load(path) == Settings()
    assert not path.exists()


def test_round_trip_keeps_every_value_including_japanese(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.json"  # the folder is created on save
    saved = Settings(
        language="ja",
        era_dates=True,
        db_url="/データ/顧客階層.sqlite3",
        window_geometry="AdnQywADAAA=",
        window_state="AAAA/wAAAAD9",
        last_area="hierarchies",
    )
    saved.save(path)
    assert Settings.load(path) == saved
    # the file is readable UTF-8 with the Japanese text itself, not \\u escapes
    raw = path.read_bytes().decode("utf-8")
    assert "顧客階層" in raw
    assert json.loads(raw)["language"] == "ja"


def test_default_location_is_the_user_config_dir() -> None:
    Settings(language="en").save()
    assert paths.settings_path().is_file()
    assert Settings.load().language == "en"


def test_saving_again_replaces_the_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(language="ja").save(path)
    Settings(language="en", last_area="requests").save(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
    assert Settings.load(path).language == "en"
    assert Settings.load(path).last_area == "requests"


def test_failed_save_keeps_the_old_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(language="ja").save(path)
    before = path.read_bytes()
    broken = Settings(language="en")
    broken.extra["unserialisable"] = object()
    with pytest.raises(TypeError):
        broken.save(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [
        b"{ this is not json",
        b"\xff\xfe\x00garbage\x80\x81",  # not UTF-8
        b"[1, 2, 3]",  # JSON, but not an object
        b"",
    ],
)
def test_unreadable_file_gives_defaults_and_is_left_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    mtime = path.stat().st_mtime_ns
    assert Settings.load(path) == Settings()
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == mtime


def test_settings_path_that_is_a_folder_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    assert Settings.load(path) == Settings()
    assert path.is_dir()


def test_unknown_keys_written_by_a_newer_version_are_preserved(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"language": "ja", "future_option": {"深さ": 3}, "theme": "dark"}),
        encoding="utf-8",
    )
    settings = Settings.load(path)
    assert settings.language == "ja"
    settings.language = "en"
    settings.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["language"] == "en"
    assert data["future_option"] == {"深さ": 3}
    assert data["theme"] == "dark"


def test_password_never_in_a_default_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(db_url="postgresql+psycopg://clerk@dbhost/hierdesk").save(path)
    assert "password" not in path.read_text(encoding="utf-8").lower()


def test_resolve_db_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(db_url=str(tmp_path / "from-settings.sqlite3"))
    assert resolve_db(None, Settings()) == str(paths.default_db_path())
    assert resolve_db(None, settings) == str(tmp_path / "from-settings.sqlite3")
    monkeypatch.setenv("HIERDESK_DB", str(tmp_path / "from-env.sqlite3"))
    assert resolve_db(None, settings) == str(tmp_path / "from-env.sqlite3")
    assert resolve_db("/x/option.sqlite3", settings) == "/x/option.sqlite3"
    monkeypatch.setenv("HIERDESK_DB", "   ")
    assert resolve_db(None, settings) == str(tmp_path / "from-settings.sqlite3")


def test_demo_database_sits_beside_the_default_one() -> None:
    assert resolve_db(None, Settings(db_url="/elsewhere.sqlite3"), demo=True) == str(
        paths.demo_db_path()
    )
    assert paths.demo_db_path().parent == paths.default_db_path().parent
    assert paths.default_db_path().name == "hierdesk.sqlite3"
    assert paths.demo_db_path().name == "demo.sqlite3"
    assert str(paths.default_db_path()).startswith(os.environ["XDG_DATA_HOME"])
