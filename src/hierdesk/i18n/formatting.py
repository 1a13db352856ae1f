"""Locale formatting of dates, numbers and yen through Babel, in the current language.

Everything here reads :func:`hierdesk.i18n.core.current_language` on each call (nothing is
cached), so text re-rendered after a language switch comes out in the new language.  No Qt.

Japanese era dates (和暦) are computed here: neither Babel nor Qt provides them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from typing import Final, NamedTuple

from babel.dates import format_date as _babel_format_date
from babel.dates import format_skeleton as _babel_format_skeleton
from babel.dates import format_time as _babel_format_time
from babel.dates import get_datetime_format as _babel_get_datetime_format
from babel.numbers import format_currency as _babel_format_currency
from babel.numbers import format_decimal as _babel_format_decimal

from hierdesk.i18n.core import current_language

__all__ = [
    "ERAS",
    "Era",
    "csv_safe",
    "format_date",
    "format_datetime",
    "format_number",
    "format_yen",
    "japanese_era",
    "parse_yen",
]

#: Length used for dates and times: ja ``2026/11/26`` ``9:05``, en ``Nov 26, 2026`` ``9:05 AM``.
_DATE_FORMAT: Final = "medium"
_TIME_FORMAT: Final = "short"


class Era(NamedTuple):
    """A Japanese era (元号): its first day (the day of the change belongs to the new era)."""

    start: date
    kanji: str
    romaji: str


#: Modern eras, oldest first.  Meiji is counted from its proclamation (1868-10-23); Japan used
#: the lunisolar calendar until 1872, so Gregorian dates of early Meiji are only nominal.
ERAS: Final[tuple[Era, ...]] = (
    Era(date(1868, 10, 23), "明治", "Meiji"),
    Era(date(1912, 7, 30), "大正", "Taisho"),
    Era(date(1926, 12, 25), "昭和", "Showa"),
    Era(date(1989, 1, 8), "平成", "Heisei"),
    Era(date(2019, 5, 1), "令和", "Reiwa"),
)


def _locale() -> str:
    return current_language()


def _as_date(d: date | datetime) -> date:
    return d.date() if isinstance(d, datetime) else d


def japanese_era(d: date | datetime) -> tuple[str, str, int]:
    """``(kanji name, romaji name, year of the era)`` of ``d``, e.g. ``("令和", "Reiwa", 8)``.

    A datetime is taken as it is (convert it to local time first).  Raises ValueError for
    dates before Meiji.
    """
    day = _as_date(d)
    for era in reversed(ERAS):
        if day >= era.start:
            return era.kanji, era.romaji, day.year - era.start.year + 1
    raise ValueError(f"{day.isoformat()} is before the Meiji era")


def _era_date(day: date, language: str) -> str:
    kanji, romaji, year = japanese_era(day)
    if language == "ja":
        year_text = "元" if year == 1 else str(year)
        return f"{kanji}{year_text}年{day.month}月{day.day}日"
    month_day = _babel_format_skeleton("MMMd", day, locale=language)
    return f"{month_day}, {romaji} {year}"


def _format_day(day: date, era: bool, language: str) -> str:
    if era:
        try:
            return _era_date(day, language)
        except ValueError:
            pass  # before Meiji: no era, fall back to the Gregorian date
    return str(_babel_format_date(day, _DATE_FORMAT, locale=language))


def format_date(d: date | datetime | None, *, era: bool = False) -> str:
    """A date in the current language: ja ``2026/11/26``, en ``Nov 26, 2026``.

    With ``era``: ja ``令和8年11月26日`` (``令和元年5月1日`` for year one), en ``Nov 26, Reiwa 8``.
    A datetime is shown by its own date, without time-zone conversion (use
    :func:`format_datetime` for stored timestamps).  None gives "".
    """
    if d is None:
        return ""
    return _format_day(_as_date(d), era, _locale())


def _to_local(dt: datetime, tz: tzinfo | None) -> datetime:
    aware = dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt
    return aware.astimezone(tz) if tz is not None else aware.astimezone()


def format_datetime(dt: datetime | None, *, era: bool = False, tz: tzinfo | None = None) -> str:
    """A stored timestamp in local time: ja ``2026/11/26 9:05``, en ``Nov 26, 2026, 9:05 AM``.

    ``dt`` is UTC: naive datetimes are taken as UTC, aware ones are converted.  ``tz`` is the
    zone to show (default: the machine's local zone).  With ``era`` the date part is an era
    date as in :func:`format_date`.  None gives "".
    """
    if dt is None:
        return ""
    language = _locale()
    local = _to_local(dt, tz)
    date_text = _format_day(local.date(), era, language)
    # Format the wall-clock time of the already converted value (no second conversion).
    time_text = _babel_format_time(local.replace(tzinfo=None).time(), _TIME_FORMAT, locale=language)
    pattern = str(_babel_get_datetime_format(_DATE_FORMAT, locale=language))
    return pattern.replace("{1}", date_text).replace("{0}", str(time_text))


def format_number(n: int | Decimal | float) -> str:
    """A number with the current language's grouping, e.g. ``1,234,567``."""
    return str(_babel_format_decimal(n, locale=_locale()))


def _whole_yen(amount: int | Decimal) -> int:
    if isinstance(amount, Decimal):
        if not amount.is_finite() or amount != amount.to_integral_value():
            raise ValueError(f"not a whole yen amount: {amount}")
        return int(amount)
    return int(amount)


def format_yen(amount: int | Decimal | None) -> str:
    """Yen without decimals, the same in both languages: ``¥1,234,567``, ``-¥1,234``.

    Babel's Japanese symbol is the full-width ``￥``; it is normalised to ``¥``.  A Decimal
    with a fraction raises ValueError (JPY amounts are whole yen).  None gives "".
    """
    if amount is None:
        return ""
    text = str(_babel_format_currency(_whole_yen(amount), "JPY", locale=_locale()))
    return text.replace("\uffe5", "¥")


_YEN_RE: Final = re.compile(
    r"""
    (?P<sign>[-\u2212])?\s*         # minus (ASCII or U+2212)
    (?P<yen>[¥\\])?\s*             # yen sign (a backslash is a yen sign on Japanese Windows)
    (?P<digits>\d{1,3}(?:,\d{3})+|\d+)
    \s*(?P<en>円)?
    """,
    re.VERBOSE | re.ASCII,
)


def parse_yen(text: str) -> int:
    """Parse a whole-yen amount typed by a user: ``¥1,234,567``, ``１，２３４円``, ``1234567``,
    ``-¥1,234``.  Full-width characters are accepted; decimals are not.  Raises ValueError."""
    normalised = unicodedata.normalize("NFKC", text)
    match = _YEN_RE.fullmatch(normalised.strip())
    if match is None or (match["yen"] and match["en"]):
        raise ValueError(f"not a yen amount: {text!r}")
    value = int(match["digits"].replace(",", ""))
    return -value if match["sign"] else value


_CSV_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: str) -> str:
    """Neutralise Excel formula injection: prefix ``'`` to a cell starting with
    ``= + - @``, a tab or a carriage return."""
    return "'" + cell if cell.startswith(_CSV_TRIGGERS) else cell
