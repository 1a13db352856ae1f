"""The Japanese catalog is complete, not fuzzy, consistent with the code and compiled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from hierdesk.i18n import core

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "translations" / "ja" / "LC_MESSAGES" / "hierdesk.po"
PLACEHOLDER = re.compile(r"\{(\w*)(?:[:!][^}]*)?\}")


def _messages() -> list[tuple[str, str, bool]]:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    result = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, str) else message.string[0]
        result.append((ids, strings or "", message.fuzzy))
    return result


def test_japanese_catalog_is_complete_and_not_fuzzy() -> None:
    messages = _messages()
    assert len(messages) > 100
    untranslated = [m for m, s, _ in messages if not s.strip()]
    fuzzy = [m for m, _, f in messages if f]
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_match_between_english_and_japanese() -> None:
    mismatched = [
        (m, s)
        for m, s, _ in messages_with_text()
        if sorted(PLACEHOLDER.findall(m)) != sorted(PLACEHOLDER.findall(s))
    ]
    assert mismatched == []


def messages_with_text() -> list[tuple[str, str, bool]]:
    return [m for m in _messages() if m[1]]


def test_accelerators_survive_translation() -> None:
    missing = [
        (m, s) for m, s, _ in messages_with_text() if "&" in m.replace("&&", "") and "&" not in s
    ]
    assert missing == []


@pytest.mark.parametrize("script", ["build_catalogs.py", "build_ui.py"])
def test_generated_files_are_up_to_date(script: str) -> None:
    """The .pot matches the sources, the .po has every message, the .mo and the compiled
    forms match their sources (run ``python packaging/<script>`` to refresh them)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / script), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_runtime_translation_uses_the_compiled_catalog() -> None:
    core.set_language("ja")
    assert core._("Customer hierarchies") != "Customer hierarchies"
    assert core._("Customer hierarchies").startswith("顧客階層")
    core.set_language("en")
    assert core._("Customer hierarchies") == "Customer hierarchies"
