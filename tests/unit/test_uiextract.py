"""The Babel extractor for Qt Designer .ui files (no Qt)."""

from __future__ import annotations

import io
from xml.sax.saxutils import unescape

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract

from hierdesk.i18n.uiextract import ExtractionResult, extract_ui

UI = """\
<?xml version="1.0" encoding="UTF-8"?>
<ui version="4.0">
 <class>MainWindow</class>
 <widget class="QMainWindow" name="MainWindow">
  <property name="windowTitle">
   <string>hierdesk</string>
  </property>
  <property name="styleSheet">
   <string notr="true">QLabel { color: red; }</string>
  </property>
  <widget class="QLabel" name="orderLabel">
   <property name="text">
    <string comment="noun">Order</string>
   </property>
   <property name="toolTip">
    <string extracomment="Order column">Orders from the sites &amp; imported</string>
   </property>
   <property name="whatsThis">
    <string comment="verb" extracomment="A button">Order</string>
   </property>
   <property name="statusTip">
    <string/>
   </property>
   <property name="accessibleName">
    <string>   </string>
   </property>
  </widget>
  <widget class="QComboBox" name="roles">
   <property name="items">
    <stringlist>
     <string>Admin</string>
     <string>User</string>
    </stringlist>
   </property>
  </widget>
  <widget class="QComboBox" name="codes">
   <property name="items">
    <stringlist notr="true">
     <string>JPY</string>
    </stringlist>
   </property>
  </widget>
  <action name="actionQuit">
   <property name="text">
    <string>&amp;Quit
hierdesk</string>
   </property>
   <property name="shortcut">
    <string notr="true">Ctrl+Q</string>
   </property>
  </action>
 </widget>
 <resources/>
 <connections/>
</ui>
"""


def _run(source: str, keywords: tuple[str, ...] = ("_", "pgettext")) -> list[ExtractionResult]:
    return list(extract_ui(io.BytesIO(source.encode("utf-8")), keywords, (), {}))


def test_raw_results() -> None:
    assert _run(UI) == [
        (6, None, "hierdesk", []),
        (13, "pgettext", ("noun", "Order"), []),
        (16, None, "Orders from the sites & imported", ["Order column"]),
        (19, "pgettext", ("verb", "Order"), ["A button"]),
        (31, None, "Admin", []),
        (32, None, "User", []),
        (45, None, "&Quit\nhierdesk", []),
    ]


def test_line_numbers_are_those_of_the_elements() -> None:
    lines = [unescape(line) for line in UI.splitlines()]
    for lineno, _funcname, message, _comments in _run(UI):
        text = message[1] if isinstance(message, tuple) else message
        assert isinstance(text, str)
        assert text.splitlines()[0] in lines[lineno - 1]


def test_notr_and_empty_strings_are_skipped() -> None:
    messages = [m for _l, _f, m, _c in _run(UI)]
    for skipped in ("QLabel { color: red; }", "Ctrl+Q", "JPY", "", "   "):
        assert skipped not in messages


def test_through_babel_gives_context_and_comments() -> None:
    """What pybabel sees: ``(lineno, message, comments, context)``."""
    results = list(extract(extract_ui, io.BytesIO(UI.encode("utf-8")), DEFAULT_KEYWORDS))
    assert results == [
        (6, "hierdesk", [], None),
        (13, "Order", [], "noun"),
        (16, "Orders from the sites & imported", ["Order column"], None),
        (19, "Order", ["A button"], "verb"),
        (31, "Admin", [], None),
        (32, "User", [], None),
        (45, "&Quit\nhierdesk", [], None),
    ]


def test_by_dotted_name_as_in_babel_cfg() -> None:
    results = list(
        extract(
            "hierdesk.i18n.uiextract:extract_ui",
            io.BytesIO(UI.encode("utf-8")),
            {"pgettext": ((1, "c"), 2)},
        )
    )
    assert (13, "Order", [], "noun") in results


def test_context_needs_the_pgettext_keyword() -> None:
    with pytest.raises(ValueError, match="pgettext"):
        _run(UI, keywords=("_",))


def test_utf8_text() -> None:
    source = '<?xml version="1.0" encoding="UTF-8"?>\n<ui><string>顧客階層</string></ui>\n'
    assert _run(source) == [(2, None, "顧客階層", [])]


def test_stringlist_attributes_apply_to_its_items() -> None:
    source = """<ui>
<stringlist comment="role" extracomment="Member role">
 <string>Admin</string>
 <string notr="true">x</string>
</stringlist>
<string>After</string>
</ui>"""
    assert _run(source) == [
        (3, "pgettext", ("role", "Admin"), ["Member role"]),
        (6, None, "After", []),
    ]
