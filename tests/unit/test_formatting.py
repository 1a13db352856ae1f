"""Babel formatting in the current language, Japanese eras, yen and CSV cells (no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from hierdesk.i18n.core import set_language
from hierdesk.i18n.formatting import (
    csv_safe,
    format_date,
    format_datetime,
    format_number,
    format_yen,
    japanese_era,
    parse_yen,
)

TOKYO = ZoneInfo("Asia/Tokyo")
NNBSP = "\u202f"  # CLDR puts a narrow no-break space before AM/PM in English


@pytest.fixture
def ja() -> Iterator[None]:
    set_language("ja")
    yield
    set_language("en")


@pytest.fixture
def en() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def use_language() -> Iterator[Callable[[str], None]]:
    """``set_language``, with "en" restored afterwards even when the test fails."""
    yield set_language
    set_language("en")


# --------------------------------------------------------------------------- dates


@pytest.mark.usefixtures("ja")
def test_date_ja() -> None:
    assert format_date(date(2026, 11, 26)) == "2026/11/26"
    assert format_date(date(2026, 1, 5)) == "2026/01/05"
    assert format_date(datetime(2026, 11, 26, 23, 59)) == "2026/11/26"


@pytest.mark.usefixtures("en")
def test_date_en() -> None:
    assert format_date(date(2026, 11, 26)) == "Nov 26, 2026"
    assert format_date(date(2026, 1, 5)) == "Jan 5, 2026"


def test_none_is_empty(use_language: Callable[[str], None]) -> None:
    for language in ("ja", "en"):
        use_language(language)
        assert format_date(None) == ""
        assert format_date(None, era=True) == ""
        assert format_datetime(None) == ""
        assert format_yen(None) == ""


def test_language_is_read_on_each_call(use_language: Callable[[str], None]) -> None:
    d = date(2026, 11, 26)
    use_language("ja")
    assert format_date(d) == "2026/11/26"
    use_language("en")
    assert format_date(d) == "Nov 26, 2026"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 26), "令和8年11月26日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1868, 10, 23), "明治元年10月23日"),
    ],
)
@pytest.mark.usefixtures("ja")
def test_era_date_ja(day: date, expected: str) -> None:
    assert format_date(day, era=True) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 26), "Nov 26, Reiwa 8"),
        (date(2019, 5, 1), "May 1, Reiwa 1"),
        (date(2019, 4, 30), "Apr 30, Heisei 31"),
        (date(1989, 1, 7), "Jan 7, Showa 64"),
        (date(1989, 1, 8), "Jan 8, Heisei 1"),
    ],
)
@pytest.mark.usefixtures("en")
def test_era_date_en(day: date, expected: str) -> None:
    assert format_date(day, era=True) == expected


def test_japanese_era() -> None:
    assert japanese_era(date(2026, 11, 26)) == ("令和", "Reiwa", 8)
    assert japanese_era(date(2019, 5, 1)) == ("令和", "Reiwa", 1)
    assert japanese_era(date(2019, 4, 30)) == ("平成", "Heisei", 31)
    assert japanese_era(datetime(1989, 1, 8, 0, 0)) == ("平成", "Heisei", 1)
    assert japanese_era(date(1989, 1, 7)) == ("昭和", "Showa", 64)
    assert japanese_era(date(1926, 12, 25)) == ("昭和", "Showa", 1)
    assert japanese_era(date(1912, 7, 30)) == ("大正", "Taisho", 1)
    assert japanese_era(date(1868, 10, 23)) == ("明治", "Meiji", 1)
    with pytest.raises(ValueError, match="before the Meiji era"):
        japanese_era(date(1868, 10, 22))


def test_era_before_meiji_falls_back_to_gregorian(use_language: Callable[[str], None]) -> None:
    use_language("ja")
    assert format_date(date(1800, 1, 2), era=True) == "1800/01/02"
    use_language("en")
    assert format_date(date(1800, 1, 2), era=True) == "Jan 2, 1800"


# --------------------------------------------------------------------------- date-times


@pytest.mark.usefixtures("ja")
def test_datetime_ja_naive_utc_shown_in_tokyo() -> None:
    assert format_datetime(datetime(2026, 11, 26, 0, 5), tz=TOKYO) == "2026/11/26 9:05"
    assert format_datetime(datetime(2026, 11, 26, 6, 30), tz=TOKYO) == "2026/11/26 15:30"


@pytest.mark.usefixtures("en")
def test_datetime_en() -> None:
    dt = datetime(2026, 11, 26, 0, 5)
    assert format_datetime(dt, tz=TOKYO) == f"Nov 26, 2026, 9:05{NNBSP}AM"
    assert format_datetime(datetime(2026, 11, 26, 6, 30), tz=TOKYO) == (
        f"Nov 26, 2026, 3:30{NNBSP}PM"
    )


@pytest.mark.usefixtures("ja")
def test_datetime_aware_is_converted() -> None:
    aware_utc = datetime(2026, 11, 26, 0, 5, tzinfo=UTC)
    assert format_datetime(aware_utc, tz=TOKYO) == "2026/11/26 9:05"
    new_york = datetime(2026, 11, 25, 19, 5, tzinfo=ZoneInfo("America/New_York"))
    assert format_datetime(new_york, tz=TOKYO) == "2026/11/26 9:05"


@pytest.mark.usefixtures("ja")
def test_datetime_local_date_decides_the_day_and_era() -> None:
    # 2019-04-30 15:00 UTC is already 2019-05-01 00:00 in Tokyo: the first day of Reiwa.
    dt = datetime(2019, 4, 30, 15, 0)
    assert format_datetime(dt, tz=TOKYO) == "2019/05/01 0:00"
    assert format_datetime(dt, tz=TOKYO, era=True) == "令和元年5月1日 0:00"
    assert format_datetime(dt, tz=UTC, era=True) == "平成31年4月30日 15:00"


@pytest.mark.usefixtures("en")
def test_datetime_era_en() -> None:
    dt = datetime(2026, 11, 26, 0, 5)
    assert format_datetime(dt, tz=TOKYO, era=True) == f"Nov 26, Reiwa 8, 9:05{NNBSP}AM"


@pytest.mark.usefixtures("ja")
def test_datetime_default_zone_is_the_machines() -> None:
    dt = datetime(2026, 11, 26, 0, 5)
    local = dt.replace(tzinfo=UTC).astimezone()
    fixed = timezone(local.utcoffset() or timedelta(0))
    assert format_datetime(dt) == format_datetime(dt, tz=fixed)


# --------------------------------------------------------------------------- numbers and yen


@pytest.mark.parametrize("language", ["ja", "en"])
def test_number(language: str, use_language: Callable[[str], None]) -> None:
    use_language(language)
    assert format_number(1234567) == "1,234,567"
    assert format_number(Decimal("1234567.25")) == "1,234,567.25"
    assert format_number(-1234) == "-1,234"
    assert format_number(0) == "0"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_yen_same_in_both_languages(language: str, use_language: Callable[[str], None]) -> None:
    use_language(language)
    assert format_yen(1234567) == "¥1,234,567"
    assert format_yen(Decimal(1234567)) == "¥1,234,567"
    assert format_yen(Decimal("1234.00")) == "¥1,234"
    assert format_yen(-1234) == "-¥1,234"
    assert format_yen(0) == "¥0"
    assert "\uffe5" not in format_yen(1)  # no full-width yen sign


def test_yen_rejects_fractions() -> None:
    with pytest.raises(ValueError, match="whole yen"):
        format_yen(Decimal("1234.5"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¥1,234,567", 1234567),
        ("１，２３４円", 1234),
        ("1234567", 1234567),
        ("￥１２３", 123),
        ("1,234 円", 1234),
        ("  ¥ 1,000  ", 1000),
        ("-¥1,234", -1234),
        ("\\500", 500),  # a yen sign typed on a Japanese keyboard, shown as a backslash
        ("0", 0),
    ],
)
def test_parse_yen(text: str, expected: int) -> None:
    assert parse_yen(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "  ", "abc", "¥", "円", "1.5", "1,234.00", "12,34", "1,2345", "12 34", "¥1,234円", "$100"],
)
def test_parse_yen_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a yen amount"):
        parse_yen(text)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_parse_yen_round_trips_format_yen(
    language: str, use_language: Callable[[str], None]
) -> None:
    use_language(language)
    for amount in (0, 7, 1234, -1234, 1234567, 10**12):
        assert parse_yen(format_yen(amount)) == amount


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize("cell", ["=1+2", "+81 3 1234 5678", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_csv_safe_prefixes_formula_triggers(cell: str) -> None:
    assert csv_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "株式会社サンプル", "100", "a=b", " =1", "'quoted"])
def test_csv_safe_leaves_harmless_cells(cell: str) -> None:
    assert csv_safe(cell) == cell
