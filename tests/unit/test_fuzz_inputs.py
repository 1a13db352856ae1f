"""Bad input (issue 8): every parser and validator fed random bytes, random Unicode, very
long fields, formula-like text and control characters — in CSV (UTF-8, UTF-8 with BOM,
CP932), JSON and JSON Lines. Only clear errors come out: ``ValidationError`` (a
``HierdeskError``) whose message is shown in English and Japanese, and row-level errors
name their row and field. What passes keeps its invariants.

The number of cases tried per target is printed when the module ends, so CI shows it."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hierdesk.domain import jp
from hierdesk.domain.distribution import validate_signin
from hierdesk.domain.errors import HierdeskError, ValidationError
from hierdesk.domain.intake import FIELDS as REQUEST_FIELDS
from hierdesk.domain.intake import LIMITS, validate_request
from hierdesk.domain.numbering import SequenceFormat, parse_format
from hierdesk.domain.orders import ORDER_ID_MAX, STATUSES, TOTAL_MAX, validate_order
from hierdesk.domain.rows import file_label, read_rows
from hierdesk.i18n.core import set_language

CASES: Counter[str] = Counter()

SIGNIN_FIELDS = ("identity_id", "email", "channel", "signed_in_at")
ORDER_FIELDS = ("order_id", "channel", "customer", "email", "ordered_at", "status", "total")


@pytest.fixture(scope="module", autouse=True)
def _print_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    capture = request.config.pluginmanager.getplugin("capturemanager")
    lines = [f"  {target:<32} {count:>6} cases" for target, count in sorted(CASES.items())]
    text = "\nfuzz (pure parsers and validators):\n" + "\n".join(lines)
    text += f"\n  {'total':<32} {sum(CASES.values()):>6} cases\n"
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print(text, flush=True)
    else:  # pragma: no cover - run without capture plugin
        print(text, flush=True)


# --- what bad input looks like -----------------------------------------------------------

#: Characters that NFKC or case folding turn into several (㍿ → 株式会社, ﷺ → 18 letters).
EXPANDING = "㍿㌀㌔ﷺﷻ㏿ßİﬃ①㈱"
CONTROL = "".join(chr(c) for c in [*range(32), 127, 0x85, 0x2028, 0x2029, 0x200B, 0xFEFF])
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "=cmd|' /C calc'!A0", "=HYPERLINK(", "＝")
SURROGATES = ("\ud800", "\udfff", "\udbff\udc00x")

small_text = st.text(max_size=12)
control_text = st.text(alphabet=CONTROL, min_size=1, max_size=6)
formula_text = st.builds(
    lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), small_text
)
long_text = st.builds(
    lambda piece, times: piece * times,
    st.text(min_size=1, max_size=4) | st.sampled_from(["9", "ア", "ﷺ", "㍿", "a@b.jp", "#"]),
    st.integers(60, 6000),
)
digits_text = st.builds(lambda n: "1" * n, st.integers(1, 6000))
expanding_text = st.text(alphabet=EXPANDING, min_size=1, max_size=300)
mixed_text = st.lists(
    st.one_of(small_text, control_text, formula_text, expanding_text, st.sampled_from(SURROGATES)),
    min_size=1,
    max_size=4,
).map("".join)
nasty_text = st.one_of(
    small_text, control_text, formula_text, long_text, digits_text, expanding_text, mixed_text
)
nasty_value = st.one_of(
    nasty_text,
    nasty_text,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(small_text, small_text, max_size=2),
)


def good_request(n: int) -> dict[str, object]:
    return {
        "external_id": f"R-{n}",
        "channel": "B2B-JP",
        "company_name": "株式会社テスト商事",
        "company_name_kana": "てすとしょうじ",
        "corporate_number": "8700110005901",
        "invoice_registration_number": "T8700110005901",
        "email": f"taro{n}@example.co.jp",
        "last_name": "山田",
        "first_name": "太郎",
        "last_name_kana": "ﾔﾏﾀﾞ",
        "postal_code": "〒１０５－００１１",
        "prefecture": "東京都",
        "employee_count": "1,200",
        "submitted_at": "2026-11-26T09:30:00+09:00",
        "language": "ja",
    }


def good_signin(n: int) -> dict[str, object]:
    return {
        "identity_id": f"id-{n}",
        "email": f"taro{n}@example.co.jp",
        "channel": "B2B-JP",
        "signed_in_at": "2026-11-26T09:30:00Z",
    }


def good_order(n: int) -> dict[str, object]:
    return {
        "order_id": f"SO-{n}",
        "channel": "B2B-JP",
        "customer": "C-000001",
        "ordered_at": "2026-11-26T09:30:00+09:00",
        "status": "open",
        "total": "¥128,000",
        "currency": "JPY",
    }


def rows_of(good: Callable[[int], dict[str, object]], fields: tuple[str, ...]) -> st.SearchStrategy:
    """Good rows with some fields replaced by bad values, some dropped, some added."""

    @st.composite
    def one(draw: st.DrawFn) -> dict[str, object]:
        row = good(draw(st.integers(0, 10**6)))
        for name in draw(st.lists(st.sampled_from(fields), max_size=4, unique=True)):
            if draw(st.booleans()):
                row[name] = draw(nasty_value)
            else:
                row.pop(name, None)
        if draw(st.integers(0, 9)) == 0:
            row[draw(nasty_text)] = draw(nasty_value)
        return row

    return st.one_of(one(), st.dictionaries(st.sampled_from(fields), nasty_value, max_size=6))


# --- checks every error must pass --------------------------------------------------------


def check_error(
    err: BaseException, *, row: int | None = None, fields: tuple[str, ...] = ()
) -> None:
    """A clear error: a HierdeskError whose message renders in both languages; a row-level
    error names its row and one of the row's fields."""
    assert isinstance(err, HierdeskError), repr(err)
    assert err.code
    assert isinstance(err.code, str)
    for language in ("en", "ja"):
        set_language(language)
        try:
            text = err.localized()
        finally:
            set_language("en")
        assert isinstance(text, str)
        assert text.strip()
    if row is not None:
        assert isinstance(err, ValidationError)
        assert err.row == row, (err.code, err.row, row)
        assert err.field in fields, (err.code, err.field)


def check_errors(errors: list[ValidationError], row: int, fields: tuple[str, ...]) -> None:
    for err in errors:
        check_error(err, row=row, fields=fields)


# --- the validators of one row -----------------------------------------------------------

_KANA = re.compile(r"[\u30a1-\u30fa\u30fb\u30fc\u30fd\u30fe\u31f0-\u31ff ]*")


def storable(text: str) -> bool:
    """No NUL (PostgreSQL refuses it) and no lone surrogate (no driver encodes it)."""
    return not any(ch == "\0" or 0xD800 <= ord(ch) < 0xE000 for ch in text)


def check_request(raw: Mapping[str, object], row: int) -> None:
    request, errors = validate_request(raw, row=row)
    check_errors(errors, row, (*REQUEST_FIELDS,))
    assert (request is None) == bool(errors)
    if request is None:
        return
    values = request.values
    for name, limit in LIMITS.items():
        value = values.get(name)
        assert value is None or (isinstance(value, str) and 0 < len(value) <= limit), name
    for name in ("external_id", "channel", "email", "last_name", "first_name"):
        assert isinstance(values.get(name), str)
        assert values[name]
    assert jp.validate_email(str(values["email"])) == values["email"]
    assert len(jp.normalize_email(str(values["email"]))) <= 254
    for name in ("company_name_kana", "last_name_kana", "first_name_kana"):
        if values.get(name) is not None:
            assert _KANA.fullmatch(str(values[name])), name
    if values.get("corporate_number") is not None:
        number = str(values["corporate_number"])
        assert re.fullmatch(r"[0-9]{13}", number)
        assert jp.corporate_check_digit(number[1:]) == int(number[0])
    if values.get("invoice_registration_number") is not None:
        assert re.fullmatch(r"T[0-9]{13}", str(values["invoice_registration_number"]))
    if values.get("postal_code") is not None:
        assert re.fullmatch(r"[0-9]{3}-[0-9]{4}", str(values["postal_code"]))
    if values.get("prefecture") is not None:
        assert 1 <= int(str(values["prefecture"])) <= 47
    if values.get("employee_count") is not None:
        assert 0 <= int(str(values["employee_count"])) <= 10_000_000
    if values.get("submitted_at") is not None:
        moment = values["submitted_at"]
        assert isinstance(moment, datetime)
        assert moment.astimezone(UTC).tzinfo is UTC
    for value in values.values():
        assert not isinstance(value, str) or storable(value)
    assert values["language"] in ("ja", "en")
    assert values["kind"] in ("partner", "add_user")
    # what the service stores beside the row must fit its columns too
    assert len(jp.search_key(str(values.get("company_name") or ""))) <= 200
    kana = jp.to_katakana(str(values.get("company_name_kana") or ""))
    assert len(jp.search_key(kana)) <= 200


def check_signin(raw: Mapping[str, object], row: int) -> None:
    signin, errors = validate_signin(raw, row=row)
    check_errors(errors, row, SIGNIN_FIELDS)
    assert (signin is None) == bool(errors)
    if signin is not None:
        assert 0 < len(signin.identity_id) <= 100
        assert jp.validate_email(signin.email) == signin.email
        assert len(jp.normalize_email(signin.email)) <= 254
        assert storable(signin.identity_id)
        if signin.signed_in_at is not None:
            assert signin.signed_in_at.astimezone(UTC).tzinfo is UTC


def check_order(raw: Mapping[str, object], row: int) -> None:
    order, errors = validate_order(raw, row=row)
    check_errors(errors, row, (*ORDER_FIELDS, "currency"))
    assert (order is None) == bool(errors)
    if order is not None:
        assert 0 < len(order.order_id) <= ORDER_ID_MAX
        assert storable(order.order_id)
        assert order.customer is not None or order.email is not None
        assert order.status in STATUSES
        assert 0 <= order.total < TOTAL_MAX
        assert order.currency == "JPY"
        assert order.ordered_at.astimezone(UTC).tzinfo is UTC


@given(rows_of(good_request, REQUEST_FIELDS), st.integers(1, 10**6))
@example({**good_request(1), "employee_count": "1" * 5000}, 1)  # int() refuses 4300+ digits
@example({**good_request(1), "employee_count": "\U00010a40"}, 2)  # isdigit(), but not for int()
@example({**good_request(1), "company_name_kana": "㌀" * 150}, 3)  # アパート × 150
@example({**good_request(1), "company_name": "ﷺ" * 20}, 4)  # its search key: 360 letters
@example({**good_request(1), "comments": "a\x00b"}, 5)
@example({**good_request(1), "city": "\ud800"}, 6)
@example({**good_request(1), "submitted_at": "0001-01-01T00:00:00+09:00"}, 7)
@example({**good_request(1), "email": "ß" * 60 + "@" + "ß" * 60 + ".jp"}, 8)
def test_request_rows(raw: dict[str, object], row: int) -> None:
    CASES["validate_request"] += 1
    check_request(raw, row)


@given(rows_of(good_signin, SIGNIN_FIELDS), st.integers(1, 10**6))
@example({**good_signin(1), "identity_id": "\ud800"}, 1)
@example({**good_signin(1), "identity_id": "a\x00"}, 2)
@example({**good_signin(1), "signed_in_at": "9999-12-31T23:59:59-05:00"}, 3)
def test_signin_rows(raw: dict[str, object], row: int) -> None:
    CASES["validate_signin"] += 1
    check_signin(raw, row)


@given(rows_of(good_order, ORDER_FIELDS), st.integers(1, 10**6))
@example({**good_order(1), "total": "1" * 5000}, 1)
@example({**good_order(1), "order_id": "SO\x00"}, 2)
@example({**good_order(1), "ordered_at": "0001-01-01T00:00:00+09:00"}, 3)
def test_order_rows(raw: dict[str, object], row: int) -> None:
    CASES["validate_order"] += 1
    check_order(raw, row)


# --- the Japan validators and number-sequence formats ------------------------------------


def outcome(call: Callable[[], object]) -> tuple[object, BaseException | None]:
    """What a call returns, or the exception it raises (whatever its type)."""
    try:
        return call(), None
    except Exception as err:  # anything but a ValidationError is the bug looked for
        return None, err


def checked(validate: Callable[[str], str], text: str, field: str) -> str | None:
    value, err = outcome(lambda: validate(text))
    if err is not None:
        check_error(err)
        assert isinstance(err, ValidationError)
        assert err.field == field
        return None
    assert isinstance(value, str)
    return value


@given(nasty_text)
def test_corporate_number(text: str) -> None:
    CASES["jp.validate_corporate_number"] += 1
    number = checked(jp.validate_corporate_number, text, "corporate_number")
    if number is not None:
        assert re.fullmatch(r"[0-9]{13}", number)
        assert jp.corporate_check_digit(number[1:]) == int(number[0])
        assert jp.validate_corporate_number(number) == number


@given(nasty_text, st.one_of(st.none(), nasty_text, st.just("8700110005901")))
def test_invoice_number(text: str, corporate: str | None) -> None:
    CASES["jp.validate_invoice_number"] += 1

    def validate(value: str) -> str:
        return jp.validate_invoice_number(value, corporate)

    number = checked(validate, text, "invoice_registration_number")
    if number is not None:
        assert re.fullmatch(r"T[0-9]{13}", number)
        assert jp.validate_invoice_number(number) == number


@given(
    nasty_text
    | st.builds(
        lambda d: f"〒{d[:3]}ー{d[3:]}", st.text("0123456789０１２", min_size=7, max_size=7)
    )
)
def test_postal_code(text: str) -> None:
    CASES["jp.validate_postal_code"] += 1
    code = checked(jp.validate_postal_code, text, "postal_code")
    if code is not None:
        assert re.fullmatch(r"[0-9]{3}-[0-9]{4}", code)
        assert jp.validate_postal_code(code) == code


@given(nasty_text | st.sampled_from(["13", "１３", "東京", "とうきょう", "Tōkyō", "99", "0"]))
def test_prefecture(text: str) -> None:
    CASES["jp.validate_prefecture"] += 1
    code = checked(jp.validate_prefecture, text, "prefecture")
    if code is not None:
        assert re.fullmatch(r"[0-9]{2}", code)
        assert 1 <= int(code) <= 47
        assert jp.prefecture_name(code, "ja")
        assert jp.prefecture_name(code, "en")


@given(nasty_text | st.text(alphabet="あいうｱｲｳアイウー・ 　", max_size=20))
def test_kana(text: str) -> None:
    CASES["jp.validate_kana"] += 1
    kana = checked(lambda v: jp.validate_kana(v, "last_name_kana"), text, "last_name_kana")
    if kana is not None:
        assert _KANA.fullmatch(kana)
        assert jp.validate_kana(kana, "last_name_kana") == kana
        assert isinstance(jp.kana_sort_key(kana), str)


@given(nasty_text | st.emails().map(str))
def test_email(text: str) -> None:
    CASES["jp.validate_email"] += 1
    address = checked(jp.validate_email, text, "email")
    if address is not None:
        assert address.count("@") == 1
        assert len(address) <= 254
        assert jp.validate_email(address) == address
        assert len(jp.normalize_email(address)) <= 254
        assert jp.email_domain(address)


@given(nasty_text)
def test_matching_keys_never_fail(text: str) -> None:
    CASES["jp keys (match, sort, search)"] += 1
    for key in (jp.company_match_key, jp.kana_sort_key, jp.search_key, jp.normalize_digits):
        assert isinstance(key(text), str)
    assert jp.search_key(jp.search_key(text)) == jp.search_key(text)


@given(
    nasty_text
    | st.builds(lambda p, n, s: p + "#" * n + s, small_text, st.integers(0, 25), small_text)
)
def test_sequence_format(text: str) -> None:
    CASES["numbering.parse_format"] += 1
    fmt, err = outcome(lambda: parse_format(text))
    if err is not None:
        check_error(err)
        assert isinstance(err, ValidationError)
        assert err.field == "format"
        return
    assert isinstance(fmt, SequenceFormat)
    assert 1 <= fmt.width <= 18
    assert len(text) <= 20
    assert fmt.render(0) == text.replace("#" * fmt.width, "0" * fmt.width)
    assert len(fmt.render(fmt.capacity)) == len(text)


@given(
    nasty_text
    | st.binary(max_size=40).map(os.fsdecode)
    | st.sampled_from([os.fsdecode("注文.csv".encode("cp932")), "\udcff.csv", "\ud800.csv"])
)
def test_file_label(name: str) -> None:
    """Audit entries and messages show a file's name: storable and printable whatever the
    name's bytes were (a Shift_JIS name from a ZIP made on Windows reads as CP932)."""
    CASES["rows.file_label"] += 1
    label = file_label(name)
    assert storable(label)
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in label)
    label.encode("utf-8")
    if name == os.fsdecode("注文.csv".encode("cp932")):
        assert label == "注文.csv"
    if name.isprintable() and storable(name):
        assert label == name


# --- whole files: random bytes and rows written in every format and encoding -------------

NAMES = ("rows.csv", "rows.json", "rows.jsonl", "rows", "ROWS.CSV", "rows.txt")


def read_all(data: bytes, name: str, encoding: str) -> list[tuple[int, dict[str, object]]] | None:
    rows, err = outcome(lambda: list(read_rows(data, name, encoding)))
    if err is not None:
        check_error(err)
        assert isinstance(err, ValidationError)
        return None
    assert isinstance(rows, list)
    numbers = [row for row, _fields in rows]
    assert numbers == sorted(set(numbers))
    assert all(n >= 1 for n in numbers)
    assert all(isinstance(fields, dict) for _row, fields in rows)
    return rows


@given(
    st.one_of(
        st.binary(max_size=2000),
        st.builds(
            lambda head, body: head + body,
            st.sampled_from([b"[", b"{", b"\xef\xbb\xbf", b""]),
            st.binary(max_size=500),
        ),
        st.builds(lambda n: b"[" * n + b"]" * n, st.integers(1, 5000)),
        st.builds(lambda n: b'[{"total": ' + b"1" * n + b"}]", st.integers(1, 6000)),
        st.builds(lambda n: b"a,b\n" + b"x" * n + b",1\n", st.integers(1, 300_000)),
    ),
    st.sampled_from(NAMES),
    st.sampled_from(["utf-8", "cp932", "latin-1", ""]),
)
@example(b"[" * 3000 + b"]" * 3000, "rows.json", "utf-8")  # deeper than the recursion limit
@example(b'{"total": ' + b"1" * 5000 + b"}", "rows.jsonl", "utf-8")
@example(b"a,b\n" + b"x" * 200_000 + b",1\n", "rows.csv", "utf-8")  # csv's field limit
@example('{"email": "a\u2028b"}\n{"email": "\x85"}'.encode(), "rows.jsonl", "utf-8")
def test_random_bytes(data: bytes, name: str, encoding: str) -> None:
    CASES["read_rows (random bytes)"] += 1
    rows = read_all(data, name, encoding)
    if rows is not None:
        for row, fields in rows:
            check_request(fields, row)
            check_signin(fields, row)
            check_order(fields, row)


def encode(rows: list[dict[str, object]], kind: str) -> tuple[bytes, str, str]:
    """The rows as a site would send them: (data, file name, --encoding)."""
    if kind in ("json", "jsonl"):
        if kind == "json":
            text = json.dumps(rows, ensure_ascii=False)
        else:
            text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
        return text.encode("utf-8", "surrogatepass"), f"rows.{kind}", "utf-8"
    names: list[str] = []
    for row in rows:
        names.extend(str(k) for k in row if str(k) not in names)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else str(row.get(k)) for k in names])
    text = buffer.getvalue()
    if kind == "csv-cp932":
        return text.encode("cp932", "replace"), "rows.csv", "cp932"
    data = text.encode("utf-8", "surrogatepass")
    return (b"\xef\xbb\xbf" + data if kind == "csv-bom" else data), "rows.csv", "utf-8"


KINDS = ("csv", "csv-bom", "csv-cp932", "json", "jsonl")


@pytest.mark.parametrize(
    ("target", "good", "fields", "check"),
    [
        ("request", good_request, REQUEST_FIELDS, check_request),
        ("signin", good_signin, SIGNIN_FIELDS, check_signin),
        ("order", good_order, ORDER_FIELDS, check_order),
    ],
)
@given(data=st.data())
def test_files_in_every_format(
    target: str,
    good: Callable[[int], dict[str, object]],
    fields: tuple[str, ...],
    check: Callable[[Mapping[str, object], int], None],
    data: st.DataObject,
) -> None:
    rows = data.draw(st.lists(rows_of(good, fields), min_size=1, max_size=6))
    kind = data.draw(st.sampled_from(KINDS))
    CASES[f"{target} file ({kind})"] += 1
    payload, name, encoding = encode(rows, kind)
    read = read_all(payload, name, encoding)
    if read is None:
        return
    if kind != "jsonl":
        assert [row for row, _fields in read] == list(range(1, len(read) + 1))
    for row, raw in read:
        check(raw, row)


@given(mixed_text)
def test_cli_prints_any_message(text: str) -> None:
    """hierdesk-cli prints messages quoting values from a file, lone surrogates and all
    (shown as \\ud800), on a strict UTF-8 stream."""
    from hierdesk.cli import _emit

    CASES["cli message output"] += 1
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    _emit(stream, text)
    printed = stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert printed.endswith("\n")
    if not any(0xD800 <= ord(ch) < 0xE000 for ch in text):
        assert printed == (text if text.endswith("\n") else text + "\n")
