"""Babel extraction method for Qt Designer ``.ui`` files.

Every ``<string>`` element is a message unless it (or its enclosing ``<stringlist>``) says
``notr="true"``.  Its ``comment`` attribute is Qt's *disambiguation*, which the Qt bridge
looks up with ``pgettext(comment, text)``, so it becomes the message context (msgctxt);
``extracomment`` becomes a comment for translators.  Qt's own translation context (the form's
class name) is not used: one msgid means one translation across forms, as in Python code.

Referenced from ``translations/babel.cfg`` through its ``[extractors]`` section, and
registered as the ``qtdesigner`` entry point in the ``babel.extractors`` group.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, Final
from xml.parsers import expat

__all__ = ["extract_ui"]

#: The keyword under which messages with a context are reported; Babel reads the tuple
#: ``(context, text)`` with this keyword's spec (``pgettext:1c,2``).
CONTEXT_KEYWORD: Final = "pgettext"

#: ``(lineno, funcname, message, comments)`` as Babel expects from an extraction method.
ExtractionResult = tuple[int, str | None, str | tuple[str, str], list[str]]


class _Pending:
    """A ``<string>`` being read."""

    __slots__ = ("comment", "extracomment", "lineno", "notr", "parts")

    def __init__(self, lineno: int, attrs: Mapping[str, str], inherited: Mapping[str, str]):
        def get(name: str) -> str:
            return attrs.get(name, inherited.get(name, ""))

        self.lineno = lineno
        self.notr = get("notr").strip().lower() == "true"
        self.comment = get("comment")
        self.extracomment = get("extracomment")
        self.parts: list[str] = []


def _parse(fileobj: IO[bytes]) -> list[_Pending]:
    found: list[_Pending] = []
    parser = expat.ParserCreate()
    parser.buffer_text = True
    current: _Pending | None = None
    depth = 0  # element depth inside the current <string>
    stringlist: list[dict[str, str]] = []  # attributes of enclosing <stringlist>s

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal current, depth
        if current is not None:
            depth += 1
            return
        if name == "stringlist":
            stringlist.append(attrs)
        elif name == "string":
            inherited = stringlist[-1] if stringlist else {}
            current = _Pending(parser.CurrentLineNumber, attrs, inherited)
            depth = 0

    def end(name: str) -> None:
        nonlocal current, depth
        if current is not None:
            if depth:
                depth -= 1
                return
            found.append(current)
            current = None
        elif name == "stringlist" and stringlist:
            stringlist.pop()

    def text(data: str) -> None:
        if current is not None and not depth:
            current.parts.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.ParseFile(fileobj)
    return found


def extract_ui(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[ExtractionResult]:
    """Yield ``(lineno, funcname, message, comments)`` for each translatable ``<string>``.

    ``lineno`` is the line of the element's start tag.  Messages with a Qt disambiguation
    are yielded as ``("pgettext", (context, text))``; that keyword must be among
    ``keywords`` (it is by default, and ``build_catalogs.py`` passes ``pgettext:1c,2``).
    """
    del comment_tags, options  # no comment tags in XML; no options
    for item in _parse(fileobj):
        message = "".join(item.parts)
        if item.notr or not message.strip():
            continue
        comments = [item.extracomment] if item.extracomment else []
        if item.comment:
            if CONTEXT_KEYWORD not in keywords:
                raise ValueError(
                    f"line {item.lineno}: {message!r} has a disambiguation; extract with the"
                    f" keyword {CONTEXT_KEYWORD}:1c,2 so that it becomes the message context"
                )
            yield item.lineno, CONTEXT_KEYWORD, (item.comment, message), comments
        else:
            yield item.lineno, None, message, comments
