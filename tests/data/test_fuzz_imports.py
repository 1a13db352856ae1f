"""Bad input through the import services on a real database (issue 8): random files of
requests, sign-ins and orders — random bytes, random Unicode, very long fields,
formula-like text, control characters, in CSV (UTF-8, UTF-8 with BOM, CP932), JSON and JSON
Lines. Nothing but a ``HierdeskError`` comes out, and either the whole file is refused with
nothing written, or exactly the valid rows are imported: the rows of the tables and the
audit entries are counted before and after every file.

The number of files tried per service is printed when the module ends, so CI shows it."""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry, IdentityRecord, Request, SalesOrder
from hierdesk.domain.distribution import validate_signin
from hierdesk.domain.errors import HierdeskError, ValidationError
from hierdesk.domain.intake import FIELDS as REQUEST_FIELDS
from hierdesk.domain.intake import validate_request
from hierdesk.domain.orders import validate_order
from hierdesk.domain.rows import read_rows
from hierdesk.i18n.core import set_language
from hierdesk.services import approval, intake, orders, signins
from hierdesk.services.context import Context

CASES: Counter[str] = Counter()
SIGNIN_FIELDS = ("identity_id", "email", "channel", "signed_in_at")
ORDER_FIELDS = ("order_id", "channel", "customer", "email", "ordered_at", "status", "total")
#: HIERDESK_FUZZ_EXAMPLES=500 for a deeper run than CI's
FUZZ = settings(
    max_examples=int(os.environ.get("HIERDESK_FUZZ_EXAMPLES", "40")),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module", autouse=True)
def _print_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    capture = request.config.pluginmanager.getplugin("capturemanager")
    lines = [f"  {target:<32} {count:>6} files" for target, count in sorted(CASES.items())]
    text = "\nfuzz (imports on the database):\n" + "\n".join(lines)
    total = sum(n for target, n in CASES.items() if "," not in target)
    text += f"\n  {'total':<32} {total:>6} files\n"
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print(text, flush=True)
    else:  # pragma: no cover
        print(text, flush=True)


# --- what bad input looks like -----------------------------------------------------------

EXPANDING = "㍿㌀㌔ﷺßİ①㈱"
CONTROL = "".join(chr(c) for c in [*range(32), 127, 0x85, 0x2028, 0x200B, 0xFEFF])
FORMULAS = ("=", "+", "-", "@", "\t", "\r", "=cmd|' /C calc'!A0", "=HYPERLINK(", "＝")

small_text = st.text(max_size=10)
nasty_text = st.one_of(
    small_text,
    st.text(alphabet=CONTROL, min_size=1, max_size=5),
    st.builds(lambda a, b: a + b, st.sampled_from(FORMULAS), small_text),
    st.builds(
        lambda a, n: a * n, st.sampled_from(["9", "ア", "ﷺ", "x", "#"]), st.integers(60, 5000)
    ),
    st.text(alphabet=EXPANDING, min_size=1, max_size=250),
    st.sampled_from(["\ud800", "a\x00b", "0001-01-01T00:00:00+09:00", "1" * 5000, "B2B-EN"]),
)
nasty_value = st.one_of(
    nasty_text,
    nasty_text,
    st.none(),
    st.integers(),
    st.floats(),
    st.lists(st.integers(), max_size=2),
)


def mutated(
    good: st.SearchStrategy[dict[str, object]], fields: tuple[str, ...]
) -> st.SearchStrategy:
    @st.composite
    def one(draw: st.DrawFn) -> dict[str, object]:
        row = draw(good)
        for name in draw(st.lists(st.sampled_from(fields), max_size=3, unique=True)):
            if draw(st.booleans()):
                row[name] = draw(nasty_value)
            else:
                row.pop(name, None)
        return row

    return st.one_of(
        good, one(), one(), st.dictionaries(st.sampled_from(fields), nasty_value, max_size=5)
    )


def encode(rows: list[dict[str, object]], kind: str) -> tuple[bytes, str, str]:
    if kind == "json":
        return (
            json.dumps(rows, ensure_ascii=False).encode("utf-8", "surrogatepass"),
            "f.json",
            "utf-8",
        )
    if kind == "jsonl":
        text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
        return text.encode("utf-8", "surrogatepass"), "f.jsonl", "utf-8"
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row if k not in names)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names or ["empty"])
    for row in rows:
        writer.writerow(["" if row.get(k) is None else str(row.get(k)) for k in names] or [""])
    text = buffer.getvalue()
    if kind == "csv-cp932":
        return text.encode("cp932", "replace"), "f.csv", "cp932"
    data = text.encode("utf-8", "surrogatepass")
    return (b"\xef\xbb\xbf" + data if kind == "csv-bom" else data), "f.csv", "utf-8"


def files(rows: st.SearchStrategy[dict[str, object]]) -> st.SearchStrategy[tuple[bytes, str, str]]:
    """A file of rows in a random format and encoding, or random bytes."""
    written = st.builds(
        encode,
        st.lists(rows, min_size=1, max_size=8),
        st.sampled_from(["csv", "csv-bom", "csv-cp932", "json", "jsonl"]),
    )
    noise = st.tuples(
        st.binary(max_size=300) | st.builds(lambda n: b"[" * n + b"]" * n, st.integers(1, 3000)),
        st.sampled_from(["f.csv", "f.json", "f.jsonl", "f"]),
        st.sampled_from(["utf-8", "cp932"]),
    )
    # file names as they reach the services: a Shift_JIS name from a ZIP made on Windows
    # arrives on Linux as surrogate escapes (os.fsdecode), and no database stores those
    prefixes = st.sampled_from(
        ["", "", "注文_", os.fsdecode("注文_".encode("cp932")), "\udcff", "=cmd|x", "x" * 300]
    )
    return st.builds(
        lambda file, prefix: (file[0], prefix + file[1], file[2]),
        st.one_of(written, written, written, noise),
        prefixes,
    )


# --- the database --------------------------------------------------------------------------


@dataclass(frozen=True)
class Partner:
    ctx: Context
    organization: str
    email: str


@pytest.fixture
def partner(b2b_workspace: Context, submit_request: Callable[..., int]) -> Partner:
    ctx = b2b_workspace
    result = approval.approve(ctx, submit_request(ctx, email="taro@minato.example.jp"))
    return Partner(ctx, str(result.organization), "taro@minato.example.jp")


def counts(ctx: Context) -> dict[str, int]:
    with ctx.db.read() as session:
        return {
            table.__name__: int(
                session.execute(select(func.count()).select_from(table)).scalar_one()
            )
            for table in (Request, IdentityRecord, SalesOrder, AuditEntry)
        }


def audit_actions(ctx: Context, after: int) -> list[str]:
    with ctx.db.read() as session:
        return list(
            session.execute(select(AuditEntry.action).where(AuditEntry.id > after)).scalars()
        )


def last_audit_id(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.coalesce(func.max(AuditEntry.id), 0))).scalar_one())


def check_error(err: HierdeskError, rows: set[int] | None = None) -> None:
    for language in ("en", "ja"):
        set_language(language)
        try:
            text = err.localized()
        finally:
            set_language("en")
        assert isinstance(text, str)
        assert text.strip()
    if rows is not None:
        assert isinstance(err, ValidationError)
        assert err.row in rows
        assert err.field


def run(
    ctx: Context,
    target: str,
    file: tuple[bytes, str, str],
    call: Callable[[bytes, str, str], object],
) -> tuple[list[tuple[int, dict[str, object]]] | None, object, dict[str, int], int]:
    """Read the file as the service will, then import it. Returns the rows read (None: the
    file is refused as a whole), the service's result, the tables' counts before and the
    last audit entry before."""
    data, name, encoding = file
    before, audit_before = counts(ctx), last_audit_id(ctx)
    try:
        rows: list[tuple[int, dict[str, object]]] | None = list(read_rows(data, name, encoding))
    except ValidationError as refused:
        rows = None
        expected_code = refused.code
    try:
        result: object = call(data, name, encoding)
        failure: HierdeskError | None = None
    except HierdeskError as err:  # anything else fails the test with its traceback
        result, failure = None, err
    if failure is not None:
        check_error(failure)
        assert rows is None, f"a readable file refused: {failure.code} {failure.english()}"
        assert failure.code == expected_code
        assert counts(ctx) == before  # nothing written, not even an audit entry
        CASES[f"{target}, refused whole"] += 1
        return None, None, before, audit_before
    assert rows is not None
    return rows, result, before, audit_before


# --- the services ---------------------------------------------------------------------------


@st.composite
def good_request(draw: st.DrawFn) -> dict[str, object]:
    n = draw(st.integers(0, 10**9))
    return {
        "external_id": f"R-{n}",
        "channel": draw(st.sampled_from(["B2B-JP", "B2B-EN", "B2B-XX"])),
        "company_name": "株式会社テスト商事",
        "company_name_kana": "てすとしょうじ",
        "email": f"taro{n}@example.co.jp",
        "last_name": "山田",
        "first_name": "太郎",
        "postal_code": "105-0011",
        "prefecture": "13",
        "comments": "=1+2",
    }


@FUZZ
@given(file=files(mutated(good_request(), REQUEST_FIELDS)))
@example(file=(b"[]", os.fsdecode("\u6ce8\u6587.json".encode("cp932")), "utf-8"))
@example(
    file=encode(
        [
            {
                "external_id": "R-x",
                "channel": "B2B-JP",
                "company_name": "A",
                "email": "a@b.jp",
                "last_name": "a",
                "first_name": "b",
                "comments": "a\x00b",
            }
        ],
        "json",
    )
)
@example(
    file=encode(
        [
            {
                "external_id": "R-y",
                "channel": "B2B-JP",
                "company_name": "ﷺ" * 20,
                "email": "a@b.jp",
                "last_name": "a",
                "first_name": "b",
                "company_name_kana": "㌀" * 150,
            }
        ],
        "csv",
    )
)
def test_import_requests(b2b_workspace: Context, file: tuple[bytes, str, str]) -> None:
    ctx = b2b_workspace
    CASES["import_requests"] += 1
    with ctx.db.read() as session:
        seen = {
            (c, i) for c, i in session.execute(select(Request.channel_code, Request.external_id))
        }
    rows, result, before, audit_before = run(
        ctx, "import_requests", file, lambda d, n, e: intake.import_requests(ctx, d, n, encoding=e)
    )
    if rows is None:
        return
    assert isinstance(result, intake.ImportResult)
    expected_new: set[tuple[str, str]] = set()
    valid = 0
    for row, raw in rows:
        request, _problems = validate_request(raw, row=row)
        if request is not None and request["channel"] in ("B2B-JP", "B2B-EN"):
            valid += 1
            key = (str(request["channel"]), str(request["external_id"]))
            if key not in seen:
                expected_new.add(key)
    refused = {e.row for e in result.errors}
    for err in result.errors:
        check_error(err, {row for row, _raw in rows})
        assert err.field in (*REQUEST_FIELDS, "channel")
    assert result.imported == len(expected_new)
    assert result.imported + result.duplicates == valid
    assert valid + len(refused) == len(rows)
    after = counts(ctx)
    assert after["Request"] - before["Request"] == result.imported
    assert audit_actions(ctx, audit_before) == ["request.import"]
    with ctx.db.read() as session:
        now = {
            (c, i) for c, i in session.execute(select(Request.channel_code, Request.external_id))
        }
    assert now - seen == expected_new


@st.composite
def good_signin(draw: st.DrawFn) -> dict[str, object]:
    return {
        "identity_id": f"id-{draw(st.integers(0, 50))}",
        "email": draw(st.sampled_from(["taro@minato.example.jp", "nobody@example.jp"])),
        "channel": draw(st.sampled_from(["B2B-JP", "B2B-EN", "B2B-XX"])),
        "signed_in_at": "2026-11-26T09:30:00+09:00",
    }


@FUZZ
@given(file=files(mutated(good_signin(), SIGNIN_FIELDS)))
@example(
    file=encode(
        [{"identity_id": "\ud800", "email": "taro@minato.example.jp", "channel": "B2B-JP"}], "json"
    )
)
@example(
    file=encode(
        [
            {
                "identity_id": "a",
                "email": "taro@minato.example.jp",
                "channel": "B2B-JP",
                "signed_in_at": "0001-01-01T00:00:00+09:00",
            }
        ],
        "jsonl",
    )
)
def test_import_signins(partner: Partner, file: tuple[bytes, str, str]) -> None:
    ctx = partner.ctx
    CASES["import_signins"] += 1
    with ctx.db.read() as session:
        seen = {
            (c, i)
            for c, i in session.execute(
                select(IdentityRecord.channel_code, IdentityRecord.identity_id)
            )
        }
    rows, result, before, audit_before = run(
        ctx, "import_signins", file, lambda d, n, e: signins.import_signins(ctx, d, n, encoding=e)
    )
    if rows is None:
        return
    assert isinstance(result, signins.SigninResult)
    valid = 0
    expected_new: set[tuple[str, str]] = set()
    for row, raw in rows:
        signin, _problems = validate_signin(raw, row=row)
        if signin is not None and signin.channel in ("B2B-JP", "B2B-EN"):
            valid += 1
            if (signin.channel, signin.identity_id) not in seen:
                expected_new.add((signin.channel, signin.identity_id))
    refused = {e.row for e in result.errors}
    for err in result.errors:
        check_error(err, {row for row, _raw in rows})
        assert err.field in SIGNIN_FIELDS
    assert sum(result.counts.values()) == len(result.rows) == valid
    assert valid + len(refused) == len(rows)
    assert counts(ctx)["IdentityRecord"] - before["IdentityRecord"] == len(expected_new)
    assert audit_actions(ctx, audit_before).count("signin.import") == 1


@st.composite
def good_order(draw: st.DrawFn) -> dict[str, object]:
    return {
        "order_id": f"SO-{draw(st.integers(0, 50))}",
        "channel": draw(st.sampled_from(["B2B-JP", "B2B-EN", "B2B-XX"])),
        "customer": draw(st.sampled_from(["ORG", "C-999999"])),
        "ordered_at": "2026-11-26T09:30:00+09:00",
        "status": draw(st.sampled_from(["open", "shipped", "invoiced", "cancelled"])),
        "total": draw(st.sampled_from(["¥128,000", "128000円", "0"])),
        "currency": "JPY",
    }


@FUZZ
@given(file=files(mutated(good_order(), ORDER_FIELDS)))
@example(
    file=encode(
        [
            {
                "order_id": "SO\x00",
                "channel": "B2B-JP",
                "customer": "ORG",
                "ordered_at": "2026-11-26",
                "status": "open",
                "total": "1",
            }
        ],
        "json",
    )
)
@example(
    file=encode(
        [
            {
                "order_id": "SO-z",
                "channel": "B2B-JP",
                "customer": "ORG",
                "ordered_at": "0001-01-01T00:00:00+09:00",
                "status": "open",
                "total": "1" * 5000,
            }
        ],
        "csv",
    )
)
def test_import_orders(partner: Partner, file: tuple[bytes, str, str]) -> None:
    ctx = partner.ctx
    data, name, encoding = file
    data = data.replace(b'"ORG"', json.dumps(partner.organization).encode()).replace(
        b"ORG", partner.organization.encode()
    )
    file = (data, name, encoding)
    CASES["import_orders"] += 1
    rows, outcome, before, audit_before = run(
        ctx, "import_orders", file, lambda d, n, e: orders.import_orders(ctx, d, n, encoding=e)
    )
    if rows is None:
        return
    assert isinstance(outcome, tuple)
    result, updated = outcome
    refused = {e.row for e in result.errors}
    for err in result.errors:
        check_error(err, {row for row, _raw in rows})
        assert err.field in (*ORDER_FIELDS, "currency")
    invalid = {row for row, raw in rows if validate_order(raw, row=row)[0] is None}
    assert invalid <= refused
    assert result.imported + updated + result.duplicates + len(refused) == len(rows)
    assert counts(ctx)["SalesOrder"] - before["SalesOrder"] == result.imported
    assert audit_actions(ctx, audit_before) == ["order.import"]
