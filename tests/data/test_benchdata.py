"""The benchmark's database (``services/benchdata.py``): counts as reported, consistent
hierarchies, IDs from the number sequences, keys as the services compute them, requests that
approve, search that finds the generated rows, reuse of a complete file only.

The benchmark runs on SQLite by definition: these tests build their own SQLite files under
``tmp_path`` whatever ``HIERDESK_TEST_PG_URL`` says, so they run in both passes of CI."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import (
    AppSetting,
    AuditEntry,
    Base,
    Channel,
    ChannelGrant,
    Customer,
    Feature,
    Hierarchy,
    Member,
    NumberSequence,
    Operator,
    Request,
    SequenceReference,
)
from hierdesk.domain.intake import validate_request
from hierdesk.domain.jp import (
    kana_sort_key,
    normalize_email,
    search_key,
    to_katakana,
    validate_corporate_number,
    validate_invoice_number,
)
from hierdesk.domain.lookups import LOOKUP_SEEDS
from hierdesk.domain.numbering import parse_format
from hierdesk.services import approval, benchdata, hierarchies
from hierdesk.services.context import Context
from hierdesk.services.setup import initialize, open_workspace

SCALE = 20


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> benchdata.BenchData:
    folder = tmp_path_factory.mktemp("bench")
    steps: list[tuple[str, int, int]] = []
    data = benchdata.ensure(folder, SCALE, lambda *step: steps.append(step))
    assert {s for s, _done, _total in steps} >= {"hierarchies", "requests", "analyze"}
    assert all(done <= total for _s, done, total in steps)
    return data


@pytest.fixture
def ctx(built: benchdata.BenchData, tmp_path: Path) -> Iterator[Context]:
    """A copy of the built file, opened as its administrator (tests may change it)."""
    copy = tmp_path / "work.sqlite3"
    shutil.copyfile(built.path, copy)
    context = open_workspace(str(copy), "admin")
    yield context
    context.db.dispose()


def _count(session, stmt) -> int:  # type: ignore[no-untyped-def]
    return int(session.execute(stmt).scalar_one())


def test_the_counts_are_as_reported(built: benchdata.BenchData, ctx: Context) -> None:
    assert built.path.name == f"bench-{SCALE}-g{benchdata.GENERATOR_VERSION}.sqlite3"
    assert not built.reused
    assert (built.scale, built.hierarchies, built.requests) == (SCALE, SCALE, 5 * SCALE)
    assert built.big_members == 5_000
    with ctx.db.read() as s:
        assert _count(s, select(func.count()).select_from(Hierarchy)) == SCALE
        assert _count(s, select(func.count()).where(Customer.type == "organization")) == SCALE
        persons = _count(s, select(func.count()).where(Customer.type == "person"))
        assert persons == built.persons > built.big_members
        assert _count(s, select(func.count()).select_from(Member)) == persons
        assert (
            _count(s, select(func.count()).where(Request.status == "pending"))
            == _count(s, select(func.count()).select_from(Request))
            == built.requests
        )
        assert (
            _count(
                s,
                select(func.count()).where(
                    Member.hierarchy_id
                    == select(Hierarchy.id)
                    .where(Hierarchy.code == built.big_hierarchy)
                    .scalar_subquery()
                ),
            )
            == built.big_members
        )
        assert s.get(AppSetting, "bench") is not None


def test_every_hierarchy_has_its_organization_and_an_active_admin(ctx: Context) -> None:
    with ctx.db.read() as s:
        rows = s.execute(
            select(Hierarchy.code, Hierarchy.name, Customer.type, Customer.name).join(
                Customer, Customer.id == Hierarchy.organization_id
            )
        ).all()
        admins = dict(
            s.execute(
                select(Member.hierarchy_id, func.count())
                .where(Member.role == "admin", Member.status == "active")
                .group_by(Member.hierarchy_id)
            ).all()
        )
        ids = dict(s.execute(select(Hierarchy.code, Hierarchy.id)).all())
        roles = set(s.execute(select(Member.role, Member.status)).all())
        disabled_without_reason = _count(
            s,
            select(func.count()).where(
                Member.status == "disabled", Member.disabled_reason.is_(None)
            ),
        )
        # centralised invoicing: every person is billed to its organization
        org = Customer.__table__.alias("org")
        wrong_invoice = _count(
            s,
            select(func.count())
            .select_from(Member)
            .join(Customer, Customer.id == Member.customer_id)
            .join(Hierarchy, Hierarchy.id == Member.hierarchy_id)
            .join(org, org.c.id == Hierarchy.organization_id)
            .where(Customer.invoice_account != org.c.account),
        )
    assert len(rows) == SCALE
    for code, name, kind, org_name in rows:
        assert kind == "organization"
        assert name == org_name
        assert admins.get(ids[code], 0) >= 1, code
    assert roles >= {("admin", "active"), ("user", "active"), ("user", "disabled")}
    assert disabled_without_reason == 0
    assert wrong_invoice == 0


def test_organizations_are_valid_japanese_companies_with_lookup_properties(ctx: Context) -> None:
    codes: dict[str, set[str]] = {}
    for seed in LOOKUP_SEEDS:
        codes.setdefault(seed.kind, set()).add(seed.code)
    with ctx.db.read() as s:
        orgs = s.execute(select(Customer).where(Customer.type == "organization")).scalars().all()
        persons = s.execute(select(Customer).where(Customer.type == "person")).scalars().all()
        assert {o.language for o in orgs} == {"ja", "en"}  # some English-language partners
        for org in orgs:
            assert validate_corporate_number(org.corporate_number or "") == org.corporate_number
            if org.invoice_registration_number:
                assert validate_invoice_number(
                    org.invoice_registration_number, org.corporate_number
                )
            assert org.name_kana
            assert to_katakana(org.name_kana) == org.name_kana
            assert re.fullmatch(r"\d{3}-\d{4}", org.postal_code or "")
            assert re.fullmatch(r"\d{2}", org.prefecture or "")
        for customer in [*orgs, *persons]:
            for kind, allowed in codes.items():
                assert getattr(customer, kind) in allowed, (customer.account, kind)
            assert (customer.credit_limit or 0) > 0
        assert len({p.email_key for p in persons}) == len(persons)  # rule 5
        assert len({(p.last_name, p.first_name) for p in persons}) > 100  # varied names


def test_ids_follow_the_sequences_which_are_left_after_them(ctx: Context) -> None:
    with ctx.db.read() as s:
        sequences = {
            ref: (fmt, nxt)
            for ref, fmt, nxt in s.execute(
                select(
                    SequenceReference.reference, NumberSequence.format, NumberSequence.next
                ).join(NumberSequence, NumberSequence.id == SequenceReference.sequence_id)
            )
        }
        accounts = list(s.execute(select(Customer.account)).scalars())
        codes = list(s.execute(select(Hierarchy.code)).scalars())
    for reference, ids in (("customer_account", accounts), ("hierarchy_id", codes)):
        fmt, next_ = sequences[reference]
        parsed = parse_format(fmt)
        pattern = re.compile(
            re.escape(parsed.prefix) + rf"(\d{{{parsed.width}}})" + re.escape(parsed.suffix)
        )
        numbers = []
        for value in ids:
            match = pattern.fullmatch(value)
            assert match, (reference, value)
            numbers.append(int(match.group(1)))
        assert len(set(numbers)) == len(numbers)
        assert next_ == max(numbers) + 1
        assert sorted(numbers) == list(range(1, len(numbers) + 1))  # nothing skipped


def test_search_and_sort_keys_are_as_the_services_compute_them(ctx: Context) -> None:
    with ctx.db.read() as s:
        customers = s.execute(select(Customer)).scalars().all()
        rows = s.execute(
            select(Hierarchy.sort_key, Customer.name, Customer.name_kana).join(
                Customer, Customer.id == Hierarchy.organization_id
            )
        ).all()
        requests = s.execute(select(Request)).scalars().all()
        for c in customers:
            if c.type == "organization":
                assert (c.name_key, c.kana_key, c.email_key) == (
                    search_key(c.name),
                    search_key(c.name_kana or ""),
                    None,
                )
            else:
                assert (c.name_key, c.kana_key, c.email_key) == (
                    search_key(f"{c.last_name}{c.first_name}"),
                    search_key(to_katakana((c.last_name_kana or "") + (c.first_name_kana or ""))),
                    normalize_email(c.email or ""),
                )
                assert c.name_kana == f"{c.last_name_kana} {c.first_name_kana}"
        for sort_key, name, kana in rows:
            assert sort_key == (kana_sort_key(kana or "") or search_key(name))
        for r in requests:
            assert (r.name_key, r.kana_key, r.email_key) == (
                search_key(r.company_name or ""),
                search_key(to_katakana(r.company_name_kana or "")),
                normalize_email(r.email),
            )


def test_reference_data_features_operators_channels_and_grants(ctx: Context) -> None:
    with ctx.db.read() as s:
        features = dict(s.execute(select(Feature.key, Feature.enabled)).all())
        operators = dict(s.execute(select(Operator.login, Operator.role)).all())
        channels = set(s.execute(select(Channel.code)).scalars())
        grants = _count(s, select(func.count()).select_from(ChannelGrant))
        audit = s.execute(select(AuditEntry.action, AuditEntry.after)).all()
    assert features["b2b"]
    assert features["channel_restriction"]
    assert {"tanaka": "clerk", "suzuki": "manager", "admin": "administrator"}.items() <= (
        operators.items()
    )
    assert channels == {"B2B-JP", "B2B-PRO", "B2B-EN"}
    assert grants > 0
    loads = [after for action, after in audit if action == "demo.load"]
    assert {after["bench"] for after in loads} >= {"hierarchies", "requests", "done"}
    assert len(audit) < 50  # one entry per bulk step, not one per row


def test_the_requests_are_valid_and_have_no_duplicate_candidates(ctx: Context) -> None:
    with ctx.db.read() as s:
        ids = list(s.execute(select(Request.id).order_by(Request.id)).scalars())
        channels = set(s.execute(select(Request.channel_code)).scalars())
    assert len(ids) == 5 * SCALE
    assert channels <= {"B2B-JP", "B2B-PRO", "B2B-EN"}
    for request_id in ids:
        review = approval.review(ctx, request_id)
        assert review.kind == "partner"
        assert review.errors == (), request_id
        assert review.candidates == (), request_id
        for name in ("company_name_kana", "last_name_kana", "corporate_number", "prefecture"):
            assert review.values.get(name), (request_id, name)
        raw = {k: v for k, v in review.values.items() if v is not None}
        checked, problems = validate_request({k: str(v) for k, v in raw.items()})
        assert not problems
        assert checked is not None


def test_a_generated_request_approves_and_takes_the_next_ids(
    built: benchdata.BenchData, ctx: Context
) -> None:
    with ctx.db.read() as s:
        request_id = s.execute(select(func.min(Request.id))).scalar_one()
    result = approval.approve(ctx, request_id, deliver=False)
    assert result.status == "approved"
    assert result.created_hierarchy
    assert result.hierarchy == f"CH-{SCALE + 1:06d}"
    first = built.hierarchies + built.persons + 1
    assert (result.organization, result.person) == (f"C{first:06d}", f"C{first + 1:06d}")
    found = hierarchies.list_hierarchies(ctx, search=result.hierarchy)
    assert [h.code for h in found] == [result.hierarchy]


def test_search_finds_a_company_by_its_reading_and_a_person_by_e_mail(
    built: benchdata.BenchData, ctx: Context
) -> None:
    with ctx.db.read() as s:
        code, kana = s.execute(
            select(Hierarchy.code, Customer.name_kana)
            .join(Customer, Customer.id == Hierarchy.organization_id)
            .where(Hierarchy.code != built.big_hierarchy)
            .order_by(Hierarchy.code.desc())
        ).first()  # type: ignore[misc]
        person_code, email = s.execute(
            select(Hierarchy.code, Customer.email)
            .join(Member, Member.hierarchy_id == Hierarchy.id)
            .join(Customer, Customer.id == Member.customer_id)
            .where(Hierarchy.code != built.big_hierarchy)
            .order_by(Customer.id)
        ).first()  # type: ignore[misc]
    by_kana = hierarchies.list_hierarchies(ctx, search=kana[:4])
    assert code in {h.code for h in by_kana}
    # typed in hiragana, as a clerk may
    hiragana = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in kana[:4])
    assert code in {h.code for h in hierarchies.list_hierarchies(ctx, search=hiragana)}
    local, _at, domain = email.partition("@")
    by_email = hierarchies.list_hierarchies(ctx, search=f"{local}@{domain[:3]}".upper())
    assert person_code in {h.code for h in by_email}
    big = hierarchies.list_hierarchies(ctx, search=built.big_hierarchy)
    assert [(h.code, h.members) for h in big] == [(built.big_hierarchy, built.big_members)]


def test_a_complete_file_is_reused(built: benchdata.BenchData) -> None:
    stamp = built.path.stat().st_mtime_ns
    again = benchdata.ensure(built.path.parent, SCALE)
    assert again.reused
    assert again.build_s == 0.0
    assert again.path == built.path
    assert (again.hierarchies, again.persons, again.requests) == (
        built.hierarchies,
        built.persons,
        built.requests,
    )
    assert (again.big_hierarchy, again.big_members) == (built.big_hierarchy, built.big_members)
    assert built.path.stat().st_mtime_ns == stamp


def test_an_interrupted_build_is_not_reused(built: benchdata.BenchData, tmp_path: Path) -> None:
    final = benchdata.bench_file(tmp_path, SCALE)
    partial = final.with_name(final.name + ".partial")
    shutil.copyfile(built.path, partial)  # complete, but never renamed: interrupted
    Path(f"{partial}-wal").write_bytes(b"")
    steps: list[str] = []
    data = benchdata.ensure(tmp_path, SCALE, lambda step, _d, _t: steps.append(step))
    assert not data.reused
    assert steps
    assert data.path == final
    assert final.exists()
    assert not partial.exists()
    assert not Path(f"{partial}-wal").exists()
    assert (data.persons, data.big_hierarchy) == (built.persons, built.big_hierarchy)  # same


def test_a_file_without_the_figures_is_rebuilt(tmp_path: Path) -> None:
    final = benchdata.bench_file(tmp_path, 2)
    ctx, _result = initialize(str(final), "admin")  # the real schema, but no bench data
    ctx.db.dispose()
    data = benchdata.ensure(tmp_path, 2)
    assert not data.reused
    assert (data.hierarchies, data.requests) == (2, 10)
    assert data.big_members == 100  # 50 × N below a scale of 10
    check = open_workspace(str(final), "admin")
    try:
        with check.db.read() as s:
            assert _count(s, select(func.count()).where(Customer.type == "person")) == data.persons
    finally:
        check.db.dispose()


#: Columns no generated row fills: nothing has been changed or decided yet.
_LEFT_EMPTY = {
    "customer": {"changed_at", "changed_by"},
    "hierarchy": {"changed_at", "changed_by"},
    "member": {"changed_at", "changed_by"},
    "request": {
        "comments",
        "target_hierarchy",
        "requested_by",
        "decided_by",
        "decided_at",
        "reject_reason",
        "created_hierarchy",
        "created_organization",
        "created_person",
    },
}


@pytest.mark.parametrize("table", sorted(_LEFT_EMPTY))
def test_every_column_is_filled_somewhere(built: benchdata.BenchData, table: str) -> None:
    """A column added to the schema must be filled by the generator too (the bulk inserts
    bypass the ORM and its defaults and events), or be listed here as left empty."""
    columns = [c.name for c in Base.metadata.tables[table].columns]
    filled = ", ".join(f'COUNT("{c}")' for c in columns)
    with closing(sqlite3.connect(built.path)) as raw:
        row = raw.execute(f"SELECT {filled} FROM {table}").fetchone()
    counts = dict(zip(columns, row, strict=True))
    assert [c for c in columns if not counts[c] and c not in _LEFT_EMPTY[table]] == []


def test_the_indexes_are_those_of_a_new_database(
    built: benchdata.BenchData, tmp_path: Path
) -> None:
    """The secondary indexes are built after the load: the same as the migrations make."""
    ctx, _result = initialize(str(tmp_path / "new.sqlite3"), "admin")
    ctx.db.dispose()
    query = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    with (
        closing(sqlite3.connect(tmp_path / "new.sqlite3")) as new,
        closing(sqlite3.connect(built.path)) as bench,
    ):
        assert bench.execute(query).fetchall() == new.execute(query).fetchall()
        assert bench.execute("SELECT COUNT(*) FROM sqlite_stat1").fetchone()[0] > 0  # ANALYZE
