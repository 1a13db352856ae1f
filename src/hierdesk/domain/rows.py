"""Rows from the files the sites send: CSV (UTF-8 with or without BOM, or CP932 as Excel
saves it in Japan), a JSON array, or JSON Lines (INTERFACES.md §4, §6, §7).

Pure functions over bytes. ``row`` is the 1-based number of the data row: the CSV header
is not counted; in JSON Lines it is the line number. A file that cannot be read as a whole
(it does not decode, or is not JSON) is refused with the row and byte position.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Final

from hierdesk.domain.errors import ValidationError
from hierdesk.i18n.core import N_

ENCODINGS: Final = ("utf-8", "cp932")


def _decode(data: bytes, encoding: str) -> str:
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        start = 3 if codec == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf") else 0
        line = data[start : exc.start].count(b"\n") + 1
        raise ValidationError(
            "file_not_decodable",
            N_(
                "Line {line}, byte {position}: the file is not valid {encoding}. Save it as "
                "UTF-8, or import it with --encoding cp932 if Excel saved it in Japan."
            ),
            line=line,
            position=exc.start,
            encoding=encoding.upper(),
        ) from None


def detect_encoding(name: str, data: bytes) -> str:
    """The encoding to read a file with when nobody said: a CSV file that is not valid
    UTF-8 is CP932 (Shift_JIS as Excel saves it in Japan); JSON is always UTF-8."""
    if name.lower().endswith((".json", ".jsonl")):
        return "utf-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp932"
    return "utf-8"


def detect_format(name: str, text: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".jsonl"):
        return "jsonl"
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith(".csv"):
        return "csv"
    stripped = text.lstrip()
    return "json" if stripped.startswith("[") else "jsonl" if stripped.startswith("{") else "csv"


def read_rows(
    data: bytes, name: str = "", encoding: str = "utf-8"
) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield ``(row, fields)`` for every record; a record that is not an object yields
    ``(row, {})`` so that the caller reports it against its row."""
    return open_rows(data, name, encoding)[1]


def open_rows(
    data: bytes, name: str = "", encoding: str = "utf-8"
) -> tuple[int, Iterator[tuple[int, dict[str, object]]]]:
    """:func:`read_rows`, with at least as many as the records there are (for a progress
    bar), so that a caller can check one record at a time instead of holding them all.

    Refuses an encoding it does not know and text that does not decode at once; a record
    that is not valid JSON or CSV is refused when it is reached."""
    if encoding not in ENCODINGS:
        raise ValidationError(
            "encoding_unknown",
            N_("{field}: “{value}” is not supported; use utf-8 or cp932."),
            field="encoding",
            value=encoding,
        )
    text = _decode(data, encoding)
    kind = detect_format(name, text)
    if kind == "json":
        records = _json(text, None)
        if not isinstance(records, list):
            raise ValidationError(
                "file_not_json_array",
                N_("A JSON file must hold an array of requests: [ … ]."),
            )
        return len(records), _json_records(records)
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if kind == "csv":  # a line each, after the header (a quoted field may span lines)
        return max(0, lines - 1), _csv_records(text)
    return lines, _json_lines(text)


def _json_records(records: list[object]) -> Iterator[tuple[int, dict[str, object]]]:
    for number, record in enumerate(records, 1):
        yield number, record if isinstance(record, dict) else {}


def _csv_records(text: str) -> Iterator[tuple[int, dict[str, object]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    number = 0
    try:
        for number, record in enumerate(reader, 1):
            yield number, {str(k).strip(): v for k, v in record.items() if k is not None}
    except csv.Error as exc:  # a field longer than the csv module takes (128 KiB)
        raise ValidationError(
            "file_not_csv",
            N_("Line {line}: the file is not valid CSV ({detail})."),
            line=reader.line_num,
            detail=str(exc),
        ) from None


def _json_lines(text: str) -> Iterator[tuple[int, dict[str, object]]]:
    # Lines end at \n only (\r\n too): str.splitlines() would also split at U+2028,
    # U+0085, … which JSON allows unescaped inside strings. One line at a time.
    start, number = 0, 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        number += 1
        line = text[start:end]
        start = end + 1
        if not line.strip():
            continue
        item = _json(line, number)
        yield number, item if isinstance(item, dict) else {}


def _json(text: str, line: int | None) -> object:
    """``json.loads``, with every way it can fail turned into ``file_not_json``: bad syntax,
    nesting deeper than Python's recursion limit, an integer of thousands of digits."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "file_not_json",
            N_("Line {line}, column {column}: the file is not valid JSON ({detail})."),
            line=exc.lineno if line is None else line,
            column=exc.colno,
            detail=exc.msg,
        ) from None
    except (RecursionError, ValueError) as exc:
        raise ValidationError(
            "file_not_json_readable",
            N_(
                "Line {line}: the file cannot be read as JSON: it nests too deeply or holds "
                "a number too long to be one ({detail})."
            ),
            line=1 if line is None else line,
            detail=str(exc),
        ) from None


def iso_moment(text: str) -> datetime:
    """An ISO 8601 date and time from a file (``Z`` allowed); without an offset it is UTC.
    Raises ValueError also for moments that exist only in their own time zone (year 1 at
    +09:00, year 9999 at −05:00): they cannot be stored, which keeps times in UTC."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(text) from None
    return moment


def file_label(name: str) -> str:
    """A file's name as audit entries and messages show it. On Linux a name that is not
    UTF-8 (a Shift_JIS name from a ZIP made on Windows) reaches Python as surrogate escapes,
    which no database stores and no terminal prints: such a name is read as CP932 if it can
    be, else with U+FFFD for what cannot; control characters are shown as U+FFFD too."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        raw = name.encode("utf-8", "replace")
    for codec in ("utf-8", "cp932"):
        try:
            text = raw.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = raw.decode("utf-8", "replace")
    return "".join("\ufffd" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
