"""Which database ``hierdesk-cli`` works on (INTERFACES.md §2):
``--db`` > ``HIERDESK_DB`` > the settings file > the default file in the user data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hierdesk import paths
from hierdesk.cli import main
from hierdesk.settings import Settings


def _init(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    status = main(["--json", *args, "init"])
    out, err = capsys.readouterr()
    assert status == 0, (out, err)
    return str(json.loads(out)["database"])


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    return {name: tmp_path / f"{name}.sqlite3" for name in ("option", "env", "settings")}


def _created(places: dict[str, Path]) -> set[str]:
    found = {name for name, path in places.items() if path.exists()}
    if paths.default_db_path().exists():
        found.add("default")
    return found


def test_db_option_wins_over_everything(
    capsys: pytest.CaptureFixture[str], places: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIERDESK_DB", str(places["env"]))
    Settings(db_url=str(places["settings"])).save()
    assert _init(capsys, "--db", str(places["option"])) == str(places["option"])
    assert _created(places) == {"option"}


def test_environment_wins_over_settings_and_default(
    capsys: pytest.CaptureFixture[str], places: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIERDESK_DB", str(places["env"]))
    Settings(db_url=str(places["settings"])).save()
    assert _init(capsys) == str(places["env"])
    assert _created(places) == {"env"}


def test_settings_file_wins_over_the_default(
    capsys: pytest.CaptureFixture[str], places: dict[str, Path]
) -> None:
    Settings(db_url=str(places["settings"])).save()
    assert _init(capsys) == str(places["settings"])
    assert _created(places) == {"settings"}


def test_default_database_in_the_user_data_folder(
    capsys: pytest.CaptureFixture[str], places: dict[str, Path]
) -> None:
    """On a fresh account the data folder does not exist yet: ``init`` must still work."""
    assert not paths.default_db_path().parent.exists()
    assert _init(capsys) == str(paths.default_db_path())
    assert _created(places) == {"default"}
    # and later commands find it without any option
    status = main(["--json", "hierarchy", "list"])
    out, _err = capsys.readouterr()
    assert (status, json.loads(out)) == (0, [])


def test_the_chosen_database_is_used_by_later_commands(
    capsys: pytest.CaptureFixture[str], places: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIERDESK_DB", str(places["env"]))
    _init(capsys)
    status = main(["--json", "demo", "--scale", "1"])
    capsys.readouterr()
    assert status == 0
    monkeypatch.delenv("HIERDESK_DB")
    status = main(["--json", "--db", str(places["env"]), "hierarchy", "list"])
    out, _err = capsys.readouterr()
    assert status == 0
    assert len(json.loads(out)) == 1
