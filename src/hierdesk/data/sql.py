"""SQL constructs the services share, compiled for each database.

``starts_with(column, prefix)`` is a prefix match that an index answers: on SQLite a range
(``column >= prefix AND column < prefix || U+10FFFF``), which the planner turns into an
index search where ``LIKE 'prefix%'`` would read the whole table (SQLite uses an index for
LIKE only on case-insensitive columns); on PostgreSQL ``LIKE 'prefix%'``, answered by the
``text_pattern_ops`` indexes of the searched columns."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import NullType

#: above every character: the end of the range of strings that start with a prefix
_LAST = "\U0010ffff"


def like_escape(text: str) -> str:
    """``text`` for LIKE with ``escape="\\\\"``: ``%`` and ``_`` taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class StartsWith(ColumnElement[Any]):
    """``column`` starts with ``prefix`` (case as stored: compare normalised keys).

    The prefix goes in as bound parameters, so the statement around it is compiled once
    and served from SQLAlchemy's cache for every later search."""

    # not Boolean: SQLite would read it as a value and compare it with 1 ("… = 1"), which
    # hides the range from the planner
    type = NullType()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 - SQLAlchemy's declaration
        ("column", InternalTraversal.dp_clauseelement),
        ("low", InternalTraversal.dp_clauseelement),
        ("high", InternalTraversal.dp_clauseelement),
        ("pattern", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: ColumnElement[Any], prefix: str) -> None:
        self.column = column
        self.low = literal(prefix)
        self.high = literal(prefix + _LAST)
        self.pattern = literal(f"{like_escape(prefix)}%")


def starts_with(column: Any, prefix: str) -> ColumnElement[Any]:
    return StartsWith(column, prefix)


@compiles(StartsWith)
def _like(element: StartsWith, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column.like(element.pattern, escape="\\"), **kw)


@compiles(StartsWith, "sqlite")
def _range(element: StartsWith, compiler: SQLCompiler, **kw: Any) -> str:
    column = element.column
    return compiler.process(and_(column >= element.low, column < element.high), **kw)
