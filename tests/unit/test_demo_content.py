"""The demo dataset (hierdesk.domain.demo_content): deterministic, realistic and consistent."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from hierdesk.domain import demo_content as dc
from hierdesk.domain.demo_content import (
    DEMO_CATALOGS,
    DEMO_CHANNELS,
    DEMO_OPERATORS,
    DemoCompany,
    DemoRequest,
    demo_companies,
    demo_company_name,
    demo_orders,
    demo_requests,
)
from hierdesk.domain.intake import FIELDS
from hierdesk.domain.jp import company_match_key
from hierdesk.domain.lookups import CODED_PROPERTIES, LOOKUP_SEEDS, PROPERTIES

SRC = Path(__file__).resolve().parents[2] / "src"

KATAKANA_RE = re.compile(r"[\u30a1-\u30f6\u30fc]+")  # ァ..ヶ and ー
EMAIL_RE = re.compile(r"[a-z]+\.[a-z]+[0-9]*@[a-z0-9]+(?:-[a-z0-9]+)*\.example\.jp")
POSTAL_RE = re.compile(r"[0-9]{3}-[0-9]{4}")
CHANNEL_CODES = {c.code for c in DEMO_CHANNELS}
#: Leading three digits of postal codes per prefecture (JIS code), as ranges.
POSTAL_RANGES = {
    "13": (100, 209),
    "27": (530, 599),
    "23": (440, 499),
    "14": (210, 259),
    "40": (800, 839),
    "01": (40, 99),
    "04": (980, 989),
    "34": (720, 739),
    "26": (600, 629),
    "28": (650, 679),
}
AREA_CODES = {
    "13": {"03", "042"},
    "27": {"06", "072"},
    "23": {"052", "0565"},
    "14": {"045", "044"},
    "40": {"092", "093"},
    "01": {"011"},
    "04": {"022"},
    "34": {"082"},
    "26": {"075"},
    "28": {"078", "079", "06"},
}
# the fields of INTERFACES.md §4; the demo names the target hierarchy by its key instead
SECTION_4_FIELDS = set(FIELDS) - {"hierarchy_id"}


def check_digit(base12: str) -> int:
    """The NTA formula, written independently of hierdesk.domain.jp."""
    total = 0
    for n in range(1, 13):
        p = int(base12[12 - n])  # n-th digit counted from the right
        q = 1 if n % 2 == 1 else 2
        total += p * q
    return 9 - total % 9


def corporate_number_ok(number: str) -> bool:
    return (
        len(number) == 13
        and number.isascii()
        and number.isdigit()
        and int(number[0]) == check_digit(number[1:])
    )


def domain(email: str) -> str:
    return email.casefold().rpartition("@")[2]


@pytest.fixture(scope="module")
def companies() -> tuple[DemoCompany, ...]:
    return demo_companies(2000)


@pytest.fixture(scope="module")
def small() -> tuple[DemoCompany, ...]:
    return demo_companies(25)


@pytest.fixture(scope="module")
def requests(small: tuple[DemoCompany, ...]) -> tuple[DemoRequest, ...]:
    return demo_requests(small)


# ---------------------------------------------------------------------------------------------
# Shape, determinism, stability
# ---------------------------------------------------------------------------------------------


def test_value_objects_are_frozen_slotted_dataclasses(small: tuple[DemoCompany, ...]) -> None:
    company = small[0]
    for obj in (
        company,
        company.persons[0],
        DEMO_CHANNELS[0],
        DEMO_CATALOGS[0],
        DEMO_OPERATORS[0],
        demo_orders(small)[0],
        demo_requests(small)[0],
    ):
        assert dataclasses.is_dataclass(obj)
        assert hasattr(type(obj), "__slots__")
        first_field = dataclasses.fields(obj)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, first_field, "x")
    assert isinstance(company.properties, tuple)
    assert isinstance(company.persons, tuple)
    assert isinstance(company.channels, tuple)
    assert isinstance(company.catalogs, tuple)


def test_calls_are_deterministic() -> None:
    first = demo_companies(300)
    assert first == demo_companies(300)
    assert demo_requests(first) == demo_requests(first)
    assert demo_orders(first) == demo_orders(first)


def test_independent_of_hash_seed() -> None:
    code = (
        "import hashlib\n"
        "from hierdesk.domain.demo_content import *\n"
        "c = demo_companies(40)\n"
        "print(hashlib.sha256(repr((c, demo_requests(c), demo_orders(c))).encode()).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(SRC))
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_prefix_stable() -> None:
    assert demo_companies(400)[:137] == demo_companies(137)
    assert demo_companies(0) == ()
    assert [c.key for c in demo_companies(3)] == ["c0001", "c0002", "c0003"]
    assert [c.index for c in demo_companies(3)] == [1, 2, 3]


def test_scale_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="scale"):
        demo_companies(-1)


# ---------------------------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------------------------


def test_unique_at_2000(companies: tuple[DemoCompany, ...]) -> None:
    persons = [p for c in companies for p in c.persons]
    for values in (
        [c.key for c in companies],
        [c.name for c in companies],
        [company_match_key(c.name) for c in companies],
        [c.name_kana for c in companies],
        [c.corporate_number for c in companies],
        [domain(c.persons[0].email) for c in companies],
        [p.key for p in persons],
        [unicodedata.normalize("NFKC", p.email).casefold() for p in persons],
    ):
        assert len(values) == len(set(values))


def test_names_unique_at_60000_and_fast() -> None:
    names = [demo_company_name(i) for i in range(1, 60_001)]
    assert len({n.name for n in names}) == 60_000
    assert len({n.name_kana for n in names}) == 60_000
    assert len({n.slug for n in names}) == 60_000
    # Rule 6's normalised key (legal forms removed, NFKC, case folded) is unique too.
    assert len({company_match_key(n.name) for n in names}) == 60_000


def test_company_name_matches_companies(companies: tuple[DemoCompany, ...]) -> None:
    for company in companies[:500]:
        naming = demo_company_name(company.index)
        assert (naming.name, naming.name_kana, naming.language) == (
            company.name,
            company.name_kana,
            company.language,
        )
        assert company.persons[0].email.endswith(f"@{naming.slug}.example.jp")


def test_realistic_names(companies: tuple[DemoCompany, ...]) -> None:
    ja = [c for c in companies if c.language == "ja"]
    en = [c for c in companies if c.language == "en"]
    assert 0.09 < len(en) / len(companies) < 0.16
    forms = Counter(
        "front"
        if c.name.startswith("株式会社")
        else "back"
        if c.name.endswith("株式会社")
        else c.name[:4]
        for c in ja
    )
    assert set(forms) == {"front", "back", "有限会社", "合同会社"}
    for c in ja:
        assert not c.name.isascii()
        assert "会社" not in c.name_kana
        assert "カイシャ" not in c.name_kana
    for c in en:
        assert c.name.isascii()
        assert c.name.endswith((" K.K.", " G.K.", " Co., Ltd."))
    assert companies[0].name == "東洋商事株式会社"
    assert companies[0].name_kana == "トウヨウショウジ"
    assert any(c.name == "Pacific Trade Japan K.K." for c in en)


def test_corporate_and_invoice_numbers(companies: tuple[DemoCompany, ...]) -> None:
    assert check_digit("700110005901") == 8  # the NTA example
    without = 0
    for c in companies:
        assert corporate_number_ok(c.corporate_number), c.corporate_number
        if c.invoice_registration_number is None:
            without += 1
        else:
            assert c.invoice_registration_number == "T" + c.corporate_number
    assert 0.03 < without / len(companies) < 0.25


def test_kana_is_katakana(companies: tuple[DemoCompany, ...]) -> None:
    for c in companies:
        assert KATAKANA_RE.fullmatch(c.name_kana), c.name_kana
        for p in c.persons:
            assert KATAKANA_RE.fullmatch(p.last_name_kana), p
            assert KATAKANA_RE.fullmatch(p.first_name_kana), p


def test_addresses_and_phones(companies: tuple[DemoCompany, ...]) -> None:
    prefectures = Counter(c.prefecture_code for c in companies)
    assert set(prefectures) == set(POSTAL_RANGES)
    assert prefectures.most_common(1)[0][0] == "13"
    for c in companies:
        assert POSTAL_RE.fullmatch(c.postal_code)
        low, high = POSTAL_RANGES[c.prefecture_code]
        assert low <= int(c.postal_code[:3]) <= high, (c.prefecture_code, c.postal_code)
        area, *rest = c.phone.split("-")
        assert area in AREA_CODES[c.prefecture_code], (c.city, c.phone)
        assert len(rest) == 2
        assert len(c.phone.replace("-", "")) == 10
        assert c.city
        assert re.search(r"[0-9]+-[0-9]+", c.address_line1)
        assert c.address_line2 is None or c.address_line2.endswith("F")
        for p in c.persons:
            assert re.fullmatch(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}", p.phone)
            assert len(p.phone.replace("-", "")) in (10, 11)
    assert any(c.address_line2 is None for c in companies)
    assert any(c.address_line2 is not None for c in companies)


def test_properties_use_seeded_lookups(companies: tuple[DemoCompany, ...]) -> None:
    seeded = {(s.kind, s.code) for s in LOOKUP_SEEDS}
    for c in companies:
        props = dict(c.properties)
        assert len(props) == len(c.properties)
        assert [k for k, _ in c.properties] == [p for p in PROPERTIES if p in props]
        assert "invoice_account" not in props  # the loader sets it (centralised invoicing)
        for kind in CODED_PROPERTIES:
            assert (kind, props[kind]) in seeded, (kind, props[kind])
        credit = props["credit_limit"]
        assert isinstance(credit, int)
        assert 500_000 <= credit <= 50_000_000
        assert credit % 100_000 == 0
        assert props["sales_tax_group"] == "TAX10"
        if c.language == "ja":
            assert props["currency"] == "JPY"
    en_currencies = {dict(c.properties)["currency"] for c in companies if c.language == "en"}
    assert en_currencies == {"JPY", "USD"}
    groups = Counter(dict(c.properties)["customer_group"] for c in companies)
    assert set(groups) == {"CORP", "WHOLESALE", "RESELLER"}


def test_channels_and_catalogs(companies: tuple[DemoCompany, ...]) -> None:
    catalogs = {cat.code: set(cat.channels) for cat in DEMO_CATALOGS}
    for cat in DEMO_CATALOGS:
        assert set(cat.channels) <= CHANNEL_CODES
    open_to_all = 0
    for c in companies:
        assert set(c.channels) <= CHANNEL_CODES
        assert len(set(c.channels)) == len(c.channels)
        usable = set(c.channels) or CHANNEL_CODES
        open_to_all += not c.channels
        assert c.catalogs, c.key  # rule 15: every hierarchy needs a catalog
        for code in c.catalogs:
            assert catalogs[code] & usable, (c.key, code, c.channels)
    assert 0.4 < open_to_all / len(companies) < 0.6
    assert {code for c in companies for code in c.catalogs} == set(catalogs)


def test_persons(companies: tuple[DemoCompany, ...]) -> None:
    persons = [p for c in companies for p in c.persons]
    for c in companies:
        assert 2 <= len(c.persons) <= 8
        first = c.persons[0]
        assert (first.role, first.status) == ("admin", "active")
        assert any(p.role == "admin" and p.status == "active" for p in c.persons)
        slug = domain(first.email)
        for p in c.persons:
            assert p.key.startswith(f"{c.key}-p")
            assert EMAIL_RE.fullmatch(p.email), p.email
            assert domain(p.email) == slug
            assert p.role in ("admin", "user")
            assert p.status in ("active", "disabled")
            assert (p.status == "disabled") == (p.disabled_reason is not None)
            assert p.language in ("ja", "en")
            assert p.department
            assert p.job_title
            if c.language == "ja":
                assert p.language == "ja"
                assert not p.last_name.isascii()
    assert len({len(c.persons) for c in companies}) == 7
    assert any(sum(p.role == "admin" for p in c.persons) >= 2 for c in companies)
    disabled = sum(p.status == "disabled" for p in persons) / len(persons)
    assert 0.03 < disabled < 0.12
    reasons = {p.disabled_reason for p in persons if p.disabled_reason}
    assert {"退職", "異動"} <= reasons
    english_named = [p for p in persons if p.last_name.isascii()]
    assert english_named
    assert all(p.language == "en" for p in english_named)
    assert {p.last_name_kana for p in english_named} >= {"スミス"}


def test_person_email_is_given_dot_surname(small: tuple[DemoCompany, ...]) -> None:
    romaji = {kana: latin for _, kana, latin in dc._JA_SURNAMES + dc._EN_SURNAMES}
    given = {kana: latin for _, kana, latin in dc._JA_GIVEN_NAMES + dc._EN_GIVEN_NAMES}
    for c in small:
        for p in c.persons:
            local = p.email.partition("@")[0].rstrip("0123456789")
            assert local == f"{given[p.first_name_kana]}.{romaji[p.last_name_kana]}"


def test_readings_are_consistent() -> None:
    for table in (
        dc._JA_SURNAMES,
        dc._JA_GIVEN_NAMES,
        dc._JA_PREFIXES,
        dc._JA_BUSINESS,
        dc._JA_REGIONS,
        dc._EN_PREFIXES,
        dc._EN_BUSINESS,
        dc._EN_PLACES,
        dc._EN_MODIFIERS,
        dc._EN_SURNAMES,
        dc._EN_GIVEN_NAMES,
    ):
        for written, kana, latin in table:
            assert written
            assert KATAKANA_RE.fullmatch(kana)
            assert re.fullmatch(r"[a-z]+", latin)
    assert dc._JA_SURNAMES[0] == ("佐藤", "サトウ", "sato")
    assert ("翔太", "ショウタ", "shota") in dc._JA_GIVEN_NAMES


def test_static_tables() -> None:
    assert [c.code for c in DEMO_CHANNELS] == ["B2B-JP", "B2B-PRO", "B2B-EN"]
    assert 3 <= len(DEMO_CATALOGS) <= 4
    assert any(set(cat.channels) == CHANNEL_CODES for cat in DEMO_CATALOGS)
    roles = {o.role for o in DEMO_OPERATORS}
    assert roles == {"clerk", "manager", "administrator"}
    assert len({o.login for o in DEMO_OPERATORS}) == len(DEMO_OPERATORS)


# ---------------------------------------------------------------------------------------------
# Orders
# ---------------------------------------------------------------------------------------------


def test_orders(companies: tuple[DemoCompany, ...]) -> None:
    orders = demo_orders(companies[:500])
    by_key = {c.key: c for c in companies}
    per_company = Counter(o.company_key for o in orders)
    assert max(per_company.values()) <= 6
    assert len(per_company) < 500  # some companies have not ordered yet
    assert len({(o.channel, o.order_id) for o in orders}) == len(orders)
    assert {o.status for o in orders} == {"open", "shipped", "invoiced", "cancelled"}
    for o in orders:
        company = by_key[o.company_key]
        person = next(p for p in company.persons if p.key == o.person_key)
        assert person.status == "active"
        assert o.channel in (company.channels or CHANNEL_CODES)
        moment = datetime.fromisoformat(o.ordered_at)
        assert o.ordered_at.endswith("+09:00")
        assert (2026, 6) <= (moment.year, moment.month) <= (2026, 11)
        assert isinstance(o.total, int)
        assert o.total > 0
        assert o.currency == "JPY"
    assert demo_orders(companies[:50]) == tuple(
        o for o in orders if by_key[o.company_key].index <= 50
    )


# ---------------------------------------------------------------------------------------------
# Requests
# ---------------------------------------------------------------------------------------------


def _persons_by_email(companies: tuple[DemoCompany, ...]) -> dict[str, tuple[DemoCompany, str]]:
    return {p.email.casefold(): (c, p.status) for c in companies for p in c.persons}


def test_request_fields_follow_interfaces() -> None:
    names = {f.name for f in dataclasses.fields(DemoRequest)}
    assert names == SECTION_4_FIELDS | {"hierarchy_key", "problem"}


def test_request_queue_shape(requests: tuple[DemoRequest, ...]) -> None:
    assert len(requests) == 20  # max(20, 25 // 2)
    assert len(demo_requests(demo_companies(25), n_pending=9)) == 9
    assert len({(r.channel, r.external_id) for r in requests}) == len(requests)
    stamps = [r.submitted_at for r in requests]
    assert stamps == sorted(stamps)
    for r in requests:
        assert r.kind in ("partner", "add_user")
        assert r.channel in CHANNEL_CODES
        assert re.fullmatch(r"(JP|PRO|EN)-2026-[0-9]{6}", r.external_id)
        moment = datetime.fromisoformat(r.submitted_at)
        assert r.submitted_at.endswith("+09:00")
        assert (moment.year, moment.month) == (2026, 11)
        assert r.language in ("ja", "en")
        for field in dataclasses.fields(r):
            value = getattr(r, field.name)
            assert value is None or isinstance(value, str), field.name
        if r.kind == "partner":
            assert r.company_name
            assert r.hierarchy_key is None
            assert r.requested_by is None


def test_requests_include_every_problem(
    small: tuple[DemoCompany, ...], requests: tuple[DemoRequest, ...]
) -> None:
    corporate = {c.corporate_number: c for c in small}
    match_keys = {company_match_key(c.name): c for c in small}
    domains = {domain(c.persons[0].email) for c in small}
    emails = _persons_by_email(small)
    partners = [r for r in requests if r.kind == "partner"]

    bad_check = [
        r for r in partners if r.corporate_number and not corporate_number_ok(r.corporate_number)
    ]
    assert len(bad_check) == 1

    mismatch = [
        r
        for r in partners
        if r.corporate_number
        and r.invoice_registration_number
        and r.invoice_registration_number != "T" + r.corporate_number
    ]
    assert len(mismatch) == 1
    assert corporate_number_ok(mismatch[0].corporate_number or "")
    assert corporate_number_ok((mismatch[0].invoice_registration_number or "")[1:])

    same_number = [r for r in partners if r.corporate_number in corporate]
    assert len(same_number) == 1

    same_email = [r for r in partners if r.email.casefold() in emails]
    assert len(same_email) == 1
    assert emails[same_email[0].email.casefold()][1] == "active"

    same_domain = [
        r for r in partners if domain(r.email) in domains and r.email.casefold() not in emails
    ]
    assert same_domain

    variant = [
        r
        for r in partners
        if r.company_name
        and company_match_key(r.company_name) in match_keys
        and r.company_name != match_keys[company_match_key(r.company_name)].name
    ]
    assert len(variant) == 1
    assert "㈱" in (variant[0].company_name or "")

    def kana_fields(r: DemoRequest) -> list[str]:
        return [k for k in (r.company_name_kana, r.last_name_kana, r.first_name_kana) if k]

    hiragana = [
        r for r in partners if any(re.search(r"[\u3041-\u3096]", k) for k in kana_fields(r))
    ]
    half_width = [
        r for r in partners if any(re.search(r"[\uff66-\uff9f]", k) for k in kana_fields(r))
    ]
    assert len(hiragana) == 1
    assert len(half_width) == 1
    for r in hiragana + half_width:
        for k in kana_fields(r):
            normalised = unicodedata.normalize("NFKC", k)
            normalised = "".join(
                chr(ord(ch) + 0x60) if "\u3041" <= ch <= "\u3096" else ch for ch in normalised
            )
            assert KATAKANA_RE.fullmatch(normalised), k

    postal = [r for r in partners if r.postal_code and r.postal_code.startswith("〒")]
    assert len(postal) == 1
    assert re.search(r"[０-９]", postal[0].postal_code or "")
    assert POSTAL_RE.fullmatch(unicodedata.normalize("NFKC", (postal[0].postal_code or "")[1:]))

    english = [r for r in requests if r.language == "en" and r.kind == "partner"]
    assert english
    assert any((r.company_name or "").isascii() and r.last_name.isascii() for r in english)

    # Every problem is described for developers; clean requests have none.
    flagged = {
        id(r)
        for group in (
            bad_check,
            mismatch,
            same_number,
            same_email,
            variant,
            hiragana,
            half_width,
            postal,
        )
        for r in group
    }
    for r in partners:
        if id(r) in flagged:
            assert r.problem
    assert sum(r.problem is None for r in partners) >= 5


def test_add_user_requests(
    small: tuple[DemoCompany, ...], requests: tuple[DemoRequest, ...]
) -> None:
    by_key = {c.key: c for c in small}
    emails = _persons_by_email(small)
    add_user = [r for r in requests if r.kind == "add_user"]
    assert 2 <= len(add_user) <= 3
    kinds = []
    for r in add_user:
        assert r.hierarchy_key in by_key
        target = by_key[r.hierarchy_key]
        assert r.requested_by
        assert r.email.casefold() not in emails  # a new colleague
        assert domain(r.email) == domain(target.persons[0].email)
        assert r.channel in (target.channels or CHANNEL_CODES)
        requester = next((p for p in target.persons if p.email == r.requested_by), None)
        if requester is None:
            assert r.requested_by.casefold() in emails  # someone of another hierarchy
            kinds.append("other")
        elif requester.role == "admin" and requester.status == "active":
            assert r.problem is None
            kinds.append("admin")
        else:
            assert r.problem
            kinds.append("not_admin")
    assert {"admin", "not_admin"} <= set(kinds)
    assert len({r.email for r in requests}) == len(requests)


def test_clean_requests_are_new_partners(companies: tuple[DemoCompany, ...]) -> None:
    queue = demo_requests(companies)
    assert len(queue) == 1000
    corporate = {c.corporate_number for c in companies}
    match_keys = {company_match_key(c.name) for c in companies}
    kana = {c.name_kana for c in companies}
    domains = {domain(c.persons[0].email) for c in companies}
    clean = [r for r in queue if r.problem is None and r.kind == "partner"]
    assert len(clean) > 980
    for r in clean:
        assert r.company_name
        assert company_match_key(r.company_name) not in match_keys
        assert r.company_name_kana not in kana
        assert domain(r.email) not in domains
        assert EMAIL_RE.fullmatch(r.email)
        if r.corporate_number is not None:
            assert corporate_number_ok(r.corporate_number)
            assert r.corporate_number not in corporate
        if r.invoice_registration_number is not None:
            assert r.invoice_registration_number == f"T{r.corporate_number}"
    assert len({company_match_key(r.company_name or "") for r in clean}) == len(clean)
    assert {r.channel for r in clean} == CHANNEL_CODES


def test_larger_scale_keeps_earlier_requests(small: tuple[DemoCompany, ...]) -> None:
    bigger = demo_requests(demo_companies(60))
    assert len(bigger) == 30
    assert set(demo_requests(small)) <= set(bigger)


def test_requests_without_companies() -> None:
    queue = demo_requests(())
    assert len(queue) == 20
    assert all(r.kind == "partner" and r.hierarchy_key is None for r in queue)
    assert any(r.corporate_number and not corporate_number_ok(r.corporate_number) for r in queue)


def test_requests_are_json_serialisable(requests: tuple[DemoRequest, ...]) -> None:
    rows = [
        {k: v for k, v in dataclasses.asdict(r).items() if k in SECTION_4_FIELDS} for r in requests
    ]
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows
