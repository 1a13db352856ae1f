"""The database the benchmark runs on (``hierdesk-cli bench``): a large Japanese distributor.

At scale N: N customer hierarchies, each with its organization (a Japanese or English-named
company with a valid corporate number, kana reading, address and properties from the seeded
lookups) and its persons as members (about 20 × N persons in all, most hierarchies with 1–40,
at least one active admin each, a few disabled); one partner with 5,000 members; 5 × N pending
partner requests that are valid and approvable (no e-mail, corporate number, name or reading
of theirs belongs to a customer); the demo channels, catalogs and operators, features ``b2b``
and ``channel_restriction`` on, and channel grants for about half of the hierarchies.

The file is set up by :func:`hierdesk.services.setup.initialize` (the real schema, migrations
and seeds) and filled with SQLAlchemy Core bulk inserts, a few thousand rows a statement and a
few large transactions. Customer accounts and hierarchy IDs come from the number sequences
(:func:`~hierdesk.services.numbering.allocate_many`), which are left after the IDs issued; every
search and sort key is computed by the same functions as approval and intake, so the app finds
and sorts these rows exactly as it would real ones. The content is deterministic: a seeded
``random.Random`` per scale.

The build writes to a temporary name and renames the file when everything, ``ANALYZE``
included, is done, so an interrupted build is never reused; the figures are kept in the
``AppSetting`` row ``bench`` and read back when the file is reused.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any, Final, NamedTuple

from sqlalchemy import Table, event, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from hierdesk.data.database import Database
from hierdesk.data.schema import (
    AppSetting,
    Base,
    Channel,
    Customer,
    Hierarchy,
    NumberSequence,
    SequenceReference,
    rule6_keys,
    utcnow,
)
from hierdesk.domain import demo_content as content
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.jp import (
    corporate_number_from_base,
    kana_sort_key,
    normalize_email,
    search_key,
    to_katakana,
)
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.domain.numbering import parse_format
from hierdesk.services import audit
from hierdesk.services.context import Context
from hierdesk.services.demo import _ensure_reference_data, check_scale
from hierdesk.services.numbering import allocate_many
from hierdesk.services.sequences import _values as _sequence_values
from hierdesk.services.setup import initialize, open_workspace

__all__ = ["GENERATOR_VERSION", "BenchData", "bench_file", "ensure"]

#: Part of the file name: a change of what is generated must change it, so that an old
#: file is not reused for new figures.
GENERATOR_VERSION: Final = 4
#: The AppSetting row that holds the figures of the build.
SETTING_KEY: Final = "bench"
#: The operator who builds the file (the administrator ``initialize`` creates).
LOGIN: Final = "admin"
#: Members of the big partner (when the scale allows; see :func:`_big_members`).
BIG_MEMBERS: Final = 5_000
PERSONS_PER_HIERARCHY: Final = 20
REQUESTS_PER_HIERARCHY: Final = 5
#: Rows per INSERT statement (executemany).
BATCH: Final = 5_000
#: Hierarchies per transaction.
CHUNK: Final = 2_500
#: Requests per transaction.
REQUEST_CHUNK: Final = 50_000
#: The largest member count of an ordinary hierarchy.
MAX_SIZE: Final = 1_000

Progress = Callable[[str, int, int], None]

_PROPS: Final = tuple(p for p in PROPERTIES if p != "invoice_account")
_SUBMITTED_START: Final = datetime(2026, 10, 1, tzinfo=UTC)
_SUBMITTED_SPAN_S: Final = 56 * 24 * 3600
_EMPLOYEES: Final = (5, 8, 12, 20, 30, 45, 60, 85, 120, 180, 250, 400, 650, 1200, 3000)
_REQUEST_PREFIX: Final = {"B2B-JP": "JP", "B2B-PRO": "PRO", "B2B-EN": "EN"}


@dataclass(frozen=True, slots=True)
class BenchData:
    path: Path  # the SQLite file
    scale: int  # N hierarchies
    hierarchies: int
    persons: int  # person customers in all
    requests: int  # pending requests
    big_hierarchy: str  # code of the partner with 5,000 members
    big_members: int  # its member count (5,000 when scale allows)
    build_s: float  # seconds spent building now (0.0 when reused)
    reused: bool


def bench_file(folder: Path, scale: int) -> Path:
    """Where :func:`ensure` keeps the database of ``scale``."""
    return folder / f"bench-{scale}-g{GENERATOR_VERSION}.sqlite3"


def _partial_file(final: Path) -> Path:
    return final.with_name(final.name + ".partial")


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def ensure(folder: Path, scale: int = 10_000, progress: Progress | None = None) -> BenchData:
    """The benchmark database of ``scale`` in ``folder``: reused when a complete one is
    there, otherwise built (at the default scale about 15 s on two cores).

    ``progress(step, done, total)`` is called as the build goes on; nothing is printed."""
    check_scale(scale)
    folder.mkdir(parents=True, exist_ok=True)
    final = bench_file(folder, scale)
    if final.exists():
        found = _read_back(final, scale)
        if found is not None:
            return found
        _remove(final)
    partial = _partial_file(final)
    _remove(partial)  # what an interrupted build left behind
    started = time.perf_counter()
    try:
        figures = _build(partial, scale, progress or (lambda _step, _done, _total: None))
    except BaseException:
        _remove(partial)
        raise
    for suffix in ("-wal", "-shm"):
        leftover = Path(f"{partial}{suffix}")
        if leftover.exists() and leftover.stat().st_size:
            raise RuntimeError(f"{leftover} was left behind; the build is not complete")
        leftover.unlink(missing_ok=True)
    os.replace(partial, final)
    return BenchData(
        path=final,
        scale=scale,
        hierarchies=int(figures["hierarchies"]),
        persons=int(figures["persons"]),
        requests=int(figures["requests"]),
        big_hierarchy=str(figures["big_hierarchy"]),
        big_members=int(figures["big_members"]),
        build_s=time.perf_counter() - started,
        reused=False,
    )


def _read_back(path: Path, scale: int) -> BenchData | None:
    """The figures of a complete file, or None when it cannot be reused (another schema,
    a damaged file, figures of another scale or generator)."""
    try:
        ctx = open_workspace(str(path), LOGIN)
    except (HierdeskError, SQLAlchemyError, OSError):
        return None
    try:
        with ctx.db.read() as session:
            row = session.get(AppSetting, SETTING_KEY)
            value = row.value if row is not None else None
    except (HierdeskError, SQLAlchemyError, OSError):
        value = None
    finally:
        ctx.db.dispose()
    if not isinstance(value, dict):
        return None
    if value.get("scale") != scale or value.get("generator") != GENERATOR_VERSION:
        return None
    try:
        return BenchData(
            path=path,
            scale=scale,
            hierarchies=int(value["hierarchies"]),
            persons=int(value["persons"]),
            requests=int(value["requests"]),
            big_hierarchy=str(value["big_hierarchy"]),
            big_members=int(value["big_members"]),
            build_s=0.0,
            reused=True,
        )
    except (KeyError, TypeError, ValueError):
        return None


# --- content -------------------------------------------------------------------------------


class _Company(NamedTuple):
    name: str
    kana: str
    domain: str
    language: str
    corporate_number: str
    invoice_number: str | None
    postal_code: str
    prefecture: str
    city: str
    line1: str
    line2: str | None
    phone: str
    area: str
    properties: dict[str, Any]


class _Person(NamedTuple):
    last: str
    first: str
    last_kana: str
    first_kana: str
    name: str
    name_kana: str
    language: str
    email: str
    phone: str
    department: str
    job_title: str
    name_key: str
    kana_key: str


def _big_members(scale: int) -> int:
    return BIG_MEMBERS if scale >= 10 else 50 * scale


def _big_position(scale: int) -> int:
    """0-based position of the big partner among the hierarchies (in the middle)."""
    return scale // 2


def _sizes(rng: Random, scale: int) -> list[int]:
    """Member counts: the big partner, and the others spread (most 1–40, a tail to a few
    hundred) so that all persons come to about 20 × N."""
    big = _big_members(scale)
    others = scale - 1
    mean = max(2.0, (PERSONS_PER_HIERARCHY * scale - big) / others) if others else 0.0
    sizes = [min(MAX_SIZE, 1 + int(rng.expovariate(1.0 / (mean - 0.5)))) for _ in range(others)]
    sizes.insert(_big_position(scale), big)
    return sizes


def _company(rng: Random, index: int) -> _Company:
    naming = content.demo_company_name(index)
    r = rng.random
    prefecture = content._PREFECTURE_CODES[content._by_rng(rng, content._PREFECTURE_CUM)]
    cities = content._CITIES[prefecture]
    city, area, towns = cities[int(r() * len(cities))]
    town, postal, chome = towns[int(r() * len(towns))]
    if chome:
        line1 = f"{town}{1 + int(r() * chome)}-{1 + int(r() * 25)}-{1 + int(r() * 20)}"
    else:
        line1 = f"{town}{1 + int(r() * 60)}-{1 + int(r() * 12)}"
    suffixes = content._BUILDING_SUFFIXES
    line2 = (
        f"{town}{suffixes[int(r() * len(suffixes))]}{2 + int(r() * 24)}F" if r() < 0.55 else None
    )
    corporate = corporate_number_from_base(
        content._corporate_base(index, prefecture, content._TYPE_CODES[naming.legal_form])
    )
    return _Company(
        name=naming.name,
        kana=naming.name_kana,
        domain=f"{naming.slug}.example.jp",
        language=naming.language,
        corporate_number=corporate,
        invoice_number=f"T{corporate}" if r() < 0.88 else None,
        postal_code=postal,
        prefecture=prefecture,
        city=city,
        line1=line1,
        line2=line2,
        phone=content._phone(rng, area),
        area=area,
        properties=dict(content._properties(rng, naming.language)),
    )


class _People:
    """Persons of one company: varied names, e-mails unique within the company's domain
    (and so everywhere: the domains are unique). Keys are computed once per name."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str, str, str], tuple[str, str]] = {}

    def keys(self, last: str, first: str, last_kana: str, first_kana: str) -> tuple[str, str]:
        key = (last, first, last_kana, first_kana)
        found = self._keys.get(key)
        if found is None:
            # as approval and members compute them
            found = (
                search_key(f"{last}{first}"),
                search_key(to_katakana(last_kana + first_kana)),
            )
            self._keys[key] = found
        return found

    def person(
        self, rng: Random, company: _Company, used: dict[str, int], *, admin: bool
    ) -> _Person:
        r = rng.random
        if company.language == "en" and r() < 0.5:
            last = content._EN_SURNAMES[int(r() * len(content._EN_SURNAMES))]
            given = content._EN_GIVEN_NAMES[int(r() * len(content._EN_GIVEN_NAMES))]
            language = "en"
            departments: tuple[str, ...] = content._EN_DEPARTMENTS
            titles: tuple[str, ...] = content._EN_ADMIN_TITLES if admin else content._EN_TITLES
        else:
            last = content._JA_SURNAMES[int(r() * len(content._JA_SURNAMES))]
            given = content._JA_GIVEN_NAMES[int(r() * len(content._JA_GIVEN_NAMES))]
            language = "en" if company.language == "en" and r() < 0.3 else "ja"
            departments = content._JA_ADMIN_DEPARTMENTS if admin else content._JA_DEPARTMENTS
            titles = content._JA_ADMIN_TITLES if admin else content._JA_TITLES
        base = f"{given[2]}.{last[2]}"
        count = used.get(base, 0) + 1
        used[base] = count
        # a base never ends in a digit, so base + number never meets another base
        local = base if count == 1 else f"{base}{count}"
        name = (
            f"{given[0]} {last[0]}"
            if language == "en" and given[0].isascii()
            else f"{last[0]} {given[0]}"
        )
        name_key, kana_key = self.keys(last[0], given[0], last[1], given[1])
        return _Person(
            last=last[0],
            first=given[0],
            last_kana=last[1],
            first_kana=given[1],
            name=name,
            name_kana=f"{last[1]} {given[1]}",
            language=language,
            email=f"{local}@{company.domain}",
            phone=content._phone(rng, company.area) if r() < 0.65 else content._mobile(rng),
            department=departments[int(r() * len(departments))],
            job_title=titles[int(r() * len(titles))],
            name_key=name_key,
            kana_key=kana_key,
        )


# --- building ------------------------------------------------------------------------------


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


class _Writer:
    """Rows buffered per kind and inserted a batch at a time, parents first.

    Organizations and persons fill different columns of ``customer``: one statement each
    (every row of an executemany must name the same columns)."""

    KINDS: Final = (
        ("organization", "customer"),
        ("person", "customer"),
        ("hierarchy", "hierarchy"),
        ("member", "member"),
        ("channel_grant", "channel_grant"),
        ("request", "request"),
    )

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind, _table in self.KINDS}
        self.pending = 0

    def add(self, kind: str, row: dict[str, Any]) -> None:
        self.rows[kind].append(row)
        self.pending += 1
        if self.pending >= BATCH:
            self.flush()

    def flush(self) -> None:
        for kind, table in self.KINDS:
            rows = self.rows[kind]
            if rows:
                self.session.execute(insert(_table(table)), rows)
                rows.clear()
        self.pending = 0


def _speed_up(db: Database) -> None:
    """Bulk-load settings on every connection from now on: the file is a temporary one
    until it is complete (an interrupted build is thrown away), so it needs no fsync."""

    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-262144")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    db.engine.dispose()  # connections made from here on get the settings
    event.listen(db.engine, "connect", pragmas)


def _widen(session: Session, reference: str, needed: int) -> None:
    """Give the sequence of ``reference`` more digits when ``needed`` more IDs would not
    fit (an administrator of a distributor this large would have done so): audited like an
    administrator's change."""
    seq = session.execute(
        select(NumberSequence)
        .join(SequenceReference, SequenceReference.sequence_id == NumberSequence.id)
        .where(SequenceReference.reference == reference)
    ).scalar_one()
    fmt = parse_format(seq.format)
    width = fmt.width
    while seq.next + needed - 1 > 10**width - 1:
        width += 1
    if width == fmt.width:
        return
    before = _sequence_values(seq)
    seq.format = f"{fmt.prefix}{'#' * width}{fmt.suffix}"
    parse_format(seq.format)  # still a valid format
    seq.largest = 10**width - 1
    session.flush()
    audit.record(
        session,
        LOGIN,
        "sequence.change",
        "sequence",
        seq.code,
        before=before,
        after=_sequence_values(seq),
    )


#: Tables whose secondary indexes are built after the load (random keys: a B-tree built
#: once from all rows is much faster than one kept up row by row beyond the page cache).
_DEFERRED_INDEXES: Final = ("customer", "member", "request")


def _drop_indexes(session: Session) -> list[str]:
    """Drop the secondary indexes of the big tables; return the statements that create
    them again exactly as the migrations made them. Unique constraints (SQLite's automatic
    indexes) stay and are checked as the rows go in; an interrupted build, which may lack
    the indexes, is thrown away."""
    tables = ", ".join(f"'{t}'" for t in _DEFERRED_INDEXES)
    rows = session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({tables}) ORDER BY name"
        )
    ).all()
    for name, _sql in rows:
        session.execute(text(f'DROP INDEX "{name}"'))
    return [str(sql) for _name, sql in rows]


def _record(ctx: Context, session: Session, step: str, **counts: Any) -> None:
    audit.record(
        session,
        LOGIN,
        "demo.load",
        "database",
        ctx.db.location.display,
        after={"bench": step, "generator": GENERATOR_VERSION, **counts},
    )


def _build(path: Path, scale: int, progress: Progress) -> dict[str, Any]:
    ctx, _result = initialize(str(path), LOGIN)
    try:
        _speed_up(ctx.db)
        return _fill(ctx, scale, progress)
    finally:
        ctx.db.dispose()


def _fill(ctx: Context, scale: int, progress: Progress) -> dict[str, Any]:
    rng = Random(f"hierdesk-bench-{scale}")
    now = utcnow()
    sizes = _sizes(rng, scale)
    persons_total = sum(sizes)
    requests_total = REQUESTS_PER_HIERARCHY * scale
    with ctx.db.write() as session:
        _ensure_reference_data(session, LOGIN, now)
        # room for every ID generated here and for approving every request
        _widen(session, "customer_account", scale + persons_total + 2 * requests_total)
        _widen(session, "hierarchy_id", scale + requests_total)
        channels = dict(session.execute(select(Channel.code, Channel.id)).all())
        next_customer = int(session.execute(select(func.max(Customer.id))).scalar() or 0) + 1
        next_hierarchy = int(session.execute(select(func.max(Hierarchy.id))).scalar() or 0) + 1
        indexes = _drop_indexes(session)
        _record(ctx, session, "reference data")
    people = _People()
    big_code = ""
    done = 0
    progress("hierarchies", 0, scale)
    for start in range(0, scale, CHUNK):
        chunk = sizes[start : start + CHUNK]
        with ctx.db.write() as session:
            accounts = iter(allocate_many(session, "customer_account", len(chunk) + sum(chunk)))
            codes = allocate_many(session, "hierarchy_id", len(chunk))
            writer = _Writer(session)
            for offset, size in enumerate(chunk):
                position = start + offset
                code = codes[offset]
                _hierarchy(
                    writer,
                    rng,
                    people,
                    position + 1,
                    size,
                    next_customer,
                    next_hierarchy,
                    accounts,
                    code,
                    channels,
                    now,
                    big=position == _big_position(scale),
                )
                if position == _big_position(scale):
                    big_code = code
                next_customer += 1 + size
                next_hierarchy += 1
            writer.flush()
            _record(
                ctx,
                session,
                "hierarchies",
                hierarchies=len(chunk),
                customers=len(chunk) + sum(chunk),
                first=codes[0],
                last=codes[-1],
            )
        done += len(chunk)
        progress("hierarchies", done, scale)
    progress("requests", 0, requests_total)
    for start in range(0, requests_total, REQUEST_CHUNK):
        count = min(REQUEST_CHUNK, requests_total - start)
        with ctx.db.write() as session:
            writer = _Writer(session)
            for slot in range(start, start + count):
                writer.add("request", _request(rng, people, scale, slot))
            writer.flush()
            _record(ctx, session, "requests", requests=count)
        progress("requests", start + count, requests_total)
    figures = {
        "scale": scale,
        "generator": GENERATOR_VERSION,
        "hierarchies": scale,
        "persons": persons_total,
        "requests": requests_total,
        "big_hierarchy": big_code,
        "big_members": sizes[_big_position(scale)],
    }
    progress("indexes", 0, len(indexes))
    for done_indexes, sql in enumerate(indexes, 1):
        with ctx.db.write() as session:
            session.execute(text(sql))
        progress("indexes", done_indexes, len(indexes))
    progress("analyze", 0, 1)
    with ctx.db.write() as session:
        session.add(
            AppSetting(key=SETTING_KEY, value=figures, changed_by=LOGIN, changed_at=utcnow())
        )
        _record(ctx, session, "done", **{k: v for k, v in figures.items() if k != "generator"})
        session.flush()
        session.execute(text("ANALYZE"))
    progress("analyze", 1, 1)
    return figures


def _hierarchy(
    writer: _Writer,
    rng: Random,
    people: _People,
    index: int,
    size: int,
    org_id: int,
    hierarchy_id: int,
    accounts: Iterator[str],
    code: str,
    channels: Mapping[str, int],
    now: datetime,
    *,
    big: bool,
) -> None:
    company = _company(rng, index)
    props = company.properties
    org_account = next(accounts)
    writer.add(
        "organization",
        {
            "id": org_id,
            "version": 1,
            "account": org_account,
            "type": "organization",
            "is_b2b": True,
            "language": company.language,
            "name": company.name,
            "name_kana": company.kana,
            "corporate_number": company.corporate_number,
            "invoice_registration_number": company.invoice_number,
            "phone": company.phone,
            "postal_code": company.postal_code,
            "prefecture": company.prefecture,
            "city": company.city,
            "address_line1": company.line1,
            "address_line2": company.line2,
            **{p: props.get(p) for p in _PROPS},
            # as approval computes them
            "name_key": search_key(company.name),
            "kana_key": search_key(company.kana),
            "email_key": None,
            **rule6_keys("organization", company.name, company.kana, None),
            "created_at": now,
            "created_by": LOGIN,
        },
    )
    writer.add(
        "hierarchy",
        {
            "id": hierarchy_id,
            "version": 1,
            "code": code,
            "name": company.name,
            "purpose": "b2b_organization",
            "organization_id": org_id,
            "sort_key": kana_sort_key(company.kana) or search_key(company.name),
            "created_at": now,
            "created_by": LOGIN,
        },
    )
    second_admin = rng.random() < 0.25
    used: dict[str, int] = {}
    r = rng.random
    for j in range(size):
        admin = j == 0 or (j == 1 and second_admin) or (big and j % 250 == 0)
        person = people.person(rng, company, used, admin=admin)
        disabled = j > 0 and r() < 0.04
        values = {p: props.get(p) for p in _PROPS}
        if r() < 0.2:  # what drifts in real partners' data over the years
            values.update(content.DEVIATIONS[int(r() * len(content.DEVIATIONS))])
        customer_id = org_id + 1 + j
        email_key = normalize_email(person.email)
        writer.add(
            "person",
            {
                "id": customer_id,
                "version": 1,
                "account": next(accounts),
                "type": "person",
                "is_b2b": True,
                "language": person.language,
                "name": person.name,
                "name_kana": person.name_kana,
                "last_name": person.last,
                "first_name": person.first,
                "last_name_kana": person.last_kana,
                "first_name_kana": person.first_kana,
                "email": person.email,
                "phone": person.phone,
                "department": person.department,
                "job_title": person.job_title,
                **values,
                "invoice_account": org_account,
                "name_key": person.name_key,
                "kana_key": person.kana_key,
                "email_key": email_key,
                **rule6_keys("person", person.name, person.name_kana, email_key),
                "created_at": now,
                "created_by": LOGIN,
            },
        )
        reasons = (
            content._EN_DISABLED_REASONS
            if person.language == "en"
            else content._JA_DISABLED_REASONS
        )
        writer.add(
            "member",
            {
                "version": 1,
                "hierarchy_id": hierarchy_id,
                "customer_id": customer_id,
                "role": "admin" if admin else "user",
                "status": "disabled" if disabled else "active",
                "disabled_reason": reasons[int(r() * len(reasons))] if disabled else None,
                "added_at": now,
                "added_by": LOGIN,
            },
        )
    for channel in content._grants(rng, company.language):
        writer.add(
            "channel_grant",
            {
                "version": 1,
                "hierarchy_id": hierarchy_id,
                "channel_id": channels[channel],
                "granted_at": now,
                "granted_by": LOGIN,
            },
        )


def _request(rng: Random, people: _People, scale: int, slot: int) -> dict[str, Any]:
    """A clean partner request: a company and a person that are no customer yet (company
    indices after the hierarchies': other corporate numbers, names, readings and domains)."""
    company = _company(rng, scale + 1 + slot)
    person = people.person(rng, company, {}, admin=True)
    r = rng.random
    english = company.language == "en"
    channel = "B2B-EN" if english else ("B2B-JP" if r() < 0.65 else "B2B-PRO")
    submitted = _SUBMITTED_START + timedelta(seconds=int(r() * _SUBMITTED_SPAN_S))
    return {
        "version": 1,
        "external_id": f"{_REQUEST_PREFIX[channel]}-BENCH-{slot + 1:07d}",
        "channel_code": channel,
        "kind": "partner",
        "status": "pending",
        "submitted_at": submitted,
        "received_at": submitted + timedelta(minutes=3 + int(r() * 7)),
        "company_name": company.name,
        "company_name_kana": company.kana,
        "corporate_number": company.corporate_number,
        "invoice_registration_number": company.invoice_number,
        "email": person.email,
        "last_name": person.last,
        "first_name": person.first,
        "last_name_kana": person.last_kana,
        "first_name_kana": person.first_kana,
        "phone": person.phone,
        "job_title": person.job_title,
        "department": person.department,
        "postal_code": company.postal_code,
        "prefecture": company.prefecture,
        "city": company.city,
        "address_line1": company.line1,
        "address_line2": company.line2,
        "employee_count": _EMPLOYEES[int(r() * len(_EMPLOYEES))],
        "language": person.language if english else "ja",
        "comments": None,
        "target_hierarchy": None,
        "requested_by": None,
        # as intake computes them
        "name_key": search_key(company.name),
        "kana_key": search_key(to_katakana(company.kana)),
        "email_key": normalize_email(person.email),
    }
