"""The bilingual demo dataset: partner companies, their people, orders and a request queue.

Pure Python and deterministic: everything about company ``index`` comes from
``random.Random(f"hierdesk-demo-{index}")`` (string seeds hash with SHA-512, so the result never
depends on ``PYTHONHASHSEED`` or on the order of calls).  ``demo_companies(n)[:k] ==
demo_companies(k)``: a larger scale only adds companies.  The loader (``hierdesk-cli demo``)
turns this into customers, hierarchies, grants, catalog assignments, orders and requests.

Names are built from 32 prefix words × 22 business words (with kana and romaji) and a legal form;
when those run out a region word (関西…) and then an ordinal (第二…) are put in front, and one
company in eight is a foreign-affiliated one with an English name.  Names, kana readings, e-mail
domains and the normalised match keys of rule 6 are unique across the whole index space.  The
companies behind the request queue use indices from 900,001 on (corporate numbers, addresses,
people) and every eighth name slot, so that clean requests never look like duplicates of demo
companies at any scale; the deliberate problems are built explicitly (``DemoRequest.problem``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from random import Random
from typing import Final, NamedTuple, TypeVar

from hierdesk.domain.jp import PREFECTURES, corporate_number_from_base

__all__ = [
    "DEMO_CATALOGS",
    "DEMO_CHANNELS",
    "DEMO_OPERATORS",
    "DemoCatalog",
    "DemoChannel",
    "DemoCompany",
    "DemoCompanyName",
    "DemoOperator",
    "DemoOrder",
    "DemoPerson",
    "DemoRequest",
    "demo_companies",
    "demo_company_name",
    "demo_orders",
    "demo_requests",
]

# ---------------------------------------------------------------------------------------------
# Value objects
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoChannel:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class DemoCatalog:
    code: str
    name: str
    channels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoOperator:
    login: str
    role: str  # clerk | manager | administrator


@dataclass(frozen=True, slots=True)
class DemoPerson:
    key: str
    last_name: str
    first_name: str
    last_name_kana: str
    first_name_kana: str
    email: str
    phone: str
    department: str
    job_title: str
    role: str  # admin | user
    status: str  # active | disabled
    disabled_reason: str | None
    language: str  # ja | en
    #: properties that differ from the organization's (for compare and override to show)
    deviations: tuple[tuple[str, str], ...] = ()


#: Deviations some persons carry: what drifts in real partners' data over the years.
DEVIATIONS: Final = (
    (("price_group", "WHS-B"),),
    (("payment_terms", "NET30"),),
    (("line_discount_group", "LD-5"), ("price_group", "VIP")),
    (("delivery_mode", "EXPRESS"),),
)


def _deviations(key: str) -> tuple[tuple[str, str], ...]:
    """About one person in five deviates, chosen from the key (the random stream that
    makes names and addresses is left as it was)."""
    digest = hashlib.sha256(key.encode()).digest()
    if digest[0] % 5:
        return ()
    return DEVIATIONS[digest[1] % len(DEVIATIONS)]


@dataclass(frozen=True, slots=True)
class DemoCompany:
    index: int
    key: str
    name: str
    name_kana: str
    corporate_number: str
    invoice_registration_number: str | None
    postal_code: str
    prefecture_code: str
    city: str
    address_line1: str
    address_line2: str | None
    phone: str
    language: str
    properties: tuple[tuple[str, str | int], ...]
    channels: tuple[str, ...]  # channel grants; () = every B2B site
    catalogs: tuple[str, ...]
    persons: tuple[DemoPerson, ...]


class DemoCompanyName(NamedTuple):
    """The naming part of a company (cheap to compute; see :func:`demo_company_name`)."""

    name: str
    name_kana: str  # without the legal form
    slug: str  # e-mail domain label: ``<slug>.example.jp``
    language: str
    legal_form: str


@dataclass(frozen=True, slots=True)
class DemoRequest:
    """A request as a site sends it (INTERFACES.md §4), plus developer notes.

    ``hierarchy_key`` is the ``key`` of the demo company an ``add_user`` request targets (the
    loader resolves it to the hierarchy ID); ``problem`` describes the deliberate problem in
    English for developers and is not imported.
    """

    external_id: str
    kind: str  # partner | add_user
    channel: str
    submitted_at: str
    company_name: str | None
    company_name_kana: str | None
    corporate_number: str | None
    invoice_registration_number: str | None
    email: str
    last_name: str
    first_name: str
    last_name_kana: str | None
    first_name_kana: str | None
    phone: str | None
    job_title: str | None
    department: str | None
    postal_code: str | None
    prefecture: str | None
    city: str | None
    address_line1: str | None
    address_line2: str | None
    employee_count: str | None
    language: str
    comments: str | None
    hierarchy_key: str | None
    requested_by: str | None
    problem: str | None


@dataclass(frozen=True, slots=True)
class DemoOrder:
    order_id: str
    channel: str
    company_key: str
    person_key: str
    ordered_at: str
    status: str  # open | shipped | invoiced | cancelled
    total: int  # whole yen, tax included
    currency: str


# ---------------------------------------------------------------------------------------------
# Channels, catalogs, operators
# ---------------------------------------------------------------------------------------------

DEMO_CHANNELS: Final[tuple[DemoChannel, ...]] = (
    DemoChannel("B2B-JP", "法人向けオンラインストア"),
    DemoChannel("B2B-PRO", "プロ向け資材ストア"),
    DemoChannel("B2B-EN", "Global Partner Store"),
)
_CHANNEL_CODES: Final = tuple(c.code for c in DEMO_CHANNELS)
#: Prefix of the sites' request numbers.
_REQUEST_PREFIX: Final = {"B2B-JP": "JP", "B2B-PRO": "PRO", "B2B-EN": "EN"}

DEMO_CATALOGS: Final[tuple[DemoCatalog, ...]] = (
    DemoCatalog("CAT-STD", "標準カタログ", _CHANNEL_CODES),
    DemoCatalog("CAT-PRO", "プロ向け資材カタログ", ("B2B-PRO",)),
    DemoCatalog("CAT-EXPORT", "Export Catalog", ("B2B-EN",)),
    DemoCatalog("CAT-OUTLET", "アウトレット・在庫処分品カタログ", ("B2B-JP", "B2B-PRO")),
)

DEMO_OPERATORS: Final[tuple[DemoOperator, ...]] = (
    DemoOperator("tanaka", "clerk"),
    DemoOperator("yamamoto", "clerk"),
    DemoOperator("suzuki", "manager"),
    DemoOperator("admin", "administrator"),
)

# ---------------------------------------------------------------------------------------------
# Word lists: (written form, katakana reading, romaji)
# ---------------------------------------------------------------------------------------------

_Word = tuple[str, str, str]
_T = TypeVar("_T")

_JA_PREFIXES: Final[tuple[_Word, ...]] = (
    ("東洋", "トウヨウ", "toyo"),
    ("大和", "ヤマト", "yamato"),
    ("北斗", "ホクト", "hokuto"),
    ("みなと", "ミナト", "minato"),
    ("日本", "ニホン", "nihon"),
    ("三光", "サンコウ", "sanko"),
    ("富士", "フジ", "fuji"),
    ("昭和", "ショウワ", "showa"),
    ("平和", "ヘイワ", "heiwa"),
    ("中央", "チュウオウ", "chuo"),
    ("太陽", "タイヨウ", "taiyo"),
    ("旭", "アサヒ", "asahi"),
    ("ひかり", "ヒカリ", "hikari"),
    ("丸栄", "マルエイ", "maruei"),
    ("山陽", "サンヨウ", "sanyo"),
    ("新栄", "シンエイ", "shinei"),
    ("協和", "キョウワ", "kyowa"),
    ("共栄", "キョウエイ", "kyoei"),
    ("明治", "メイジ", "meiji"),
    ("大成", "タイセイ", "taisei"),
    ("東邦", "トウホウ", "toho"),
    ("千代田", "チヨダ", "chiyoda"),
    ("白鳥", "シラトリ", "shiratori"),
    ("青葉", "アオバ", "aoba"),
    ("若葉", "ワカバ", "wakaba"),
    ("日進", "ニッシン", "nisshin"),
    ("三和", "サンワ", "sanwa"),
    ("明和", "メイワ", "meiwa"),
    ("丸三", "マルサン", "marusan"),
    ("大東", "ダイトウ", "daito"),
    ("栄光", "エイコウ", "eiko"),
    ("東和", "トウワ", "towa"),
)

_JA_BUSINESS: Final[tuple[_Word, ...]] = (
    ("商事", "ショウジ", "shoji"),
    ("産業", "サンギョウ", "sangyo"),
    ("精機", "セイキ", "seiki"),
    ("物産", "ブッサン", "bussan"),
    ("電機", "デンキ", "denki"),
    ("化成", "カセイ", "kasei"),
    ("工業", "コウギョウ", "kogyo"),
    ("食品", "ショクヒン", "shokuhin"),
    ("通商", "ツウショウ", "tsusho"),
    ("資材", "シザイ", "shizai"),
    ("建材", "ケンザイ", "kenzai"),
    ("機工", "キコウ", "kiko"),
    ("紙業", "シギョウ", "shigyo"),
    ("薬品", "ヤクヒン", "yakuhin"),
    ("興産", "コウサン", "kosan"),
    ("製作所", "セイサクショ", "seisakusho"),
    ("化学", "カガク", "kagaku"),
    ("電子", "デンシ", "denshi"),
    ("運輸", "ウンユ", "unyu"),
    ("商会", "ショウカイ", "shokai"),
    ("包装", "ホウソウ", "hoso"),
    ("機械", "キカイ", "kikai"),
)

#: Added in front of the name when prefix × business words run out.
_JA_REGIONS: Final[tuple[_Word, ...]] = (
    ("関東", "カントウ", "kanto"),
    ("関西", "カンサイ", "kansai"),
    ("中部", "チュウブ", "chubu"),
    ("九州", "キュウシュウ", "kyushu"),
    ("東北", "トウホク", "tohoku"),
    ("北陸", "ホクリク", "hokuriku"),
    ("四国", "シコク", "shikoku"),
    ("山陰", "サンイン", "sanin"),
    ("東海", "トウカイ", "tokai"),
    ("北海道", "ホッカイドウ", "hokkaido"),
    ("湘南", "ショウナン", "shonan"),
    ("阪神", "ハンシン", "hanshin"),
    ("京阪", "ケイハン", "keihan"),
    ("南海", "ナンカイ", "nankai"),
    ("西日本", "ニシニホン", "nishinihon"),
    ("東日本", "ヒガシニホン", "higashinihon"),
    ("北九州", "キタキュウシュウ", "kitakyushu"),
    ("信州", "シンシュウ", "shinshu"),
    ("上州", "ジョウシュウ", "joshu"),
    ("房総", "ボウソウ", "boso"),
    ("瀬戸内", "セトウチ", "setouchi"),
    ("播磨", "ハリマ", "harima"),
    ("常磐", "ジョウバン", "joban"),
    ("甲信", "コウシン", "koshin"),
    ("紀州", "キシュウ", "kishu"),
    ("京葉", "ケイヨウ", "keiyo"),
    ("武蔵", "ムサシ", "musashi"),
    ("相模", "サガミ", "sagami"),
    ("尾張", "オワリ", "owari"),
    ("三河", "ミカワ", "mikawa"),
)

_EN_PREFIXES: Final[tuple[_Word, ...]] = (
    ("Pacific", "パシフィック", "pacific"),
    ("Global", "グローバル", "global"),
    ("Northern", "ノーザン", "northern"),
    ("Summit", "サミット", "summit"),
    ("Atlas", "アトラス", "atlas"),
    ("Meridian", "メリディアン", "meridian"),
    ("Harbor", "ハーバー", "harbor"),
    ("Crescent", "クレセント", "crescent"),
    ("Pioneer", "パイオニア", "pioneer"),
    ("Sterling", "スターリング", "sterling"),
    ("Evergreen", "エバーグリーン", "evergreen"),
    ("Horizon", "ホライズン", "horizon"),
    ("Keystone", "キーストーン", "keystone"),
    ("Liberty", "リバティ", "liberty"),
    ("Orion", "オリオン", "orion"),
    ("Phoenix", "フェニックス", "phoenix"),
    ("Redwood", "レッドウッド", "redwood"),
    ("Silverline", "シルバーライン", "silverline"),
    ("Trinity", "トリニティ", "trinity"),
    ("Vanguard", "バンガード", "vanguard"),
    ("Westfield", "ウェストフィールド", "westfield"),
    ("Bluewater", "ブルーウォーター", "bluewater"),
    ("Ironbridge", "アイアンブリッジ", "ironbridge"),
    ("Lakeside", "レイクサイド", "lakeside"),
)

_EN_BUSINESS: Final[tuple[_Word, ...]] = (
    ("Trade", "トレード", "trade"),
    ("Industries", "インダストリーズ", "industries"),
    ("Materials", "マテリアルズ", "materials"),
    ("Foods", "フーズ", "foods"),
    ("Electronics", "エレクトロニクス", "electronics"),
    ("Chemicals", "ケミカルズ", "chemicals"),
    ("Logistics", "ロジスティクス", "logistics"),
    ("Components", "コンポーネンツ", "components"),
    ("Instruments", "インスツルメンツ", "instruments"),
    ("Supply", "サプライ", "supply"),
    ("Pharma", "ファーマ", "pharma"),
    ("Packaging", "パッケージング", "packaging"),
    ("Systems", "システムズ", "systems"),
    ("Machinery", "マシナリー", "machinery"),
    ("Textiles", "テキスタイル", "textiles"),
    ("Paper", "ペーパー", "paper"),
)

#: The last word of an English name ("Pacific Trade Japan"); later blocks use other places.
_EN_PLACES: Final[tuple[_Word, ...]] = (
    ("Japan", "ジャパン", "japan"),
    ("Tokyo", "トウキョウ", "tokyo"),
    ("Osaka", "オオサカ", "osaka"),
    ("Nagoya", "ナゴヤ", "nagoya"),
    ("Yokohama", "ヨコハマ", "yokohama"),
    ("Kobe", "コウベ", "kobe"),
    ("Kyoto", "キョウト", "kyoto"),
    ("Sapporo", "サッポロ", "sapporo"),
    ("Sendai", "センダイ", "sendai"),
    ("Fukuoka", "フクオカ", "fukuoka"),
    ("Hiroshima", "ヒロシマ", "hiroshima"),
    ("Kansai", "カンサイ", "kansai"),
    ("Kanto", "カントウ", "kanto"),
    ("Kyushu", "キュウシュウ", "kyushu"),
    ("Tohoku", "トウホク", "tohoku"),
    ("Chubu", "チュウブ", "chubu"),
    ("Asia", "アジア", "asia"),
    ("East Asia", "イーストアジア", "eastasia"),
    ("Nippon", "ニッポン", "nippon"),
    ("Far East", "ファーイースト", "fareast"),
)

#: Inserted after the prefix word when prefix × business × place run out.
_EN_MODIFIERS: Final[tuple[_Word, ...]] = (
    ("United", "ユナイテッド", "united"),
    ("International", "インターナショナル", "international"),
    ("Advanced", "アドバンスト", "advanced"),
    ("General", "ジェネラル", "general"),
    ("Premier", "プレミア", "premier"),
    ("Allied", "アライド", "allied"),
    ("Continental", "コンチネンタル", "continental"),
    ("Integrated", "インテグレーテッド", "integrated"),
    ("Standard", "スタンダード", "standard"),
    ("Precision", "プレシジョン", "precision"),
    ("Royal", "ロイヤル", "royal"),
    ("Central", "セントラル", "central"),
    ("Coastal", "コースタル", "coastal"),
    ("Eastern", "イースタン", "eastern"),
    ("Western", "ウエスタン", "western"),
    ("Southern", "サザン", "southern"),
)

_KANJI_DIGITS: Final[tuple[tuple[str, str], ...]] = (
    ("", ""),
    ("一", "イチ"),
    ("二", "ニ"),
    ("三", "サン"),
    ("四", "ヨン"),
    ("五", "ゴ"),
    ("六", "ロク"),
    ("七", "ナナ"),
    ("八", "ハチ"),
    ("九", "キュウ"),
)

#: Japanese legal forms: (form, placed in front?, type code of the 会社法人等番号).
_JA_LEGAL_FORMS: Final[tuple[tuple[str, bool, str], ...]] = (
    ("株式会社", True, "01"),
    ("株式会社", False, "01"),
    ("有限会社", True, "02"),
    ("合同会社", True, "03"),
)
_JA_LEGAL_FORM_WEIGHTS: Final = (9, 8, 2, 1)
#: English legal forms of Japanese subsidiaries: (form, type code).
_EN_LEGAL_FORMS: Final[tuple[tuple[str, str], ...]] = (
    ("K.K.", "01"),
    ("Co., Ltd.", "01"),
    ("G.K.", "03"),
)
_EN_LEGAL_FORM_WEIGHTS: Final = (12, 5, 3)
_TYPE_CODES: Final = {form: code for form, _, code in _JA_LEGAL_FORMS} | dict(_EN_LEGAL_FORMS)

_N_JA_BASE: Final = len(_JA_PREFIXES) * len(_JA_BUSINESS)  # 704
_N_EN_BASE: Final = len(_EN_PREFIXES) * len(_EN_BUSINESS)  # 384
#: Largest scale of demo_companies().  Company indices above it are never demo companies:
#: 850,000 + slot gives the foreign corporate number of the "invoice mismatch" request and
#: 900,001 + slot the company behind request ``slot``.
_MAX_SCALE: Final = 800_000
_MISMATCH_INDEX_BASE: Final = 850_000
_REQUEST_INDEX_BASE: Final = 900_000
#: Company indices must stay below this (the corporate-number serial has 6 digits).
_MAX_INDEX: Final = 999_999
#: Every eighth name slot is kept for the companies behind the requests, so that they read as
#: naturally as the demo companies and never share a name with one.
_REQUEST_NAME_EVERY: Final = 8


def _mix(value: int) -> int:
    """A small deterministic 32-bit integer hash (independent of PYTHONHASHSEED)."""
    value &= 0xFFFFFFFF
    value = ((value >> 16) ^ value) * 0x45D9F3B & 0xFFFFFFFF
    value = ((value >> 16) ^ value) * 0x45D9F3B & 0xFFFFFFFF
    return (value >> 16) ^ value


def _cumulative(weights: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(accumulate(weights))


def _by_hash(h: int, cumulative: tuple[int, ...]) -> int:
    """Index chosen by the hash value ``h`` with the given cumulative integer weights."""
    return bisect_right(cumulative, h % cumulative[-1])


def _by_rng(rng: Random, cumulative: tuple[int, ...]) -> int:
    """Index chosen with the given cumulative weights (``rng.random()`` only: fast)."""
    return bisect_right(cumulative, rng.random() * cumulative[-1])


def _below(rng: Random, n: int) -> int:
    return int(rng.random() * n)


def _between(rng: Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def _one(rng: Random, options: Sequence[_T]) -> _T:
    return options[int(rng.random() * len(options))]


_JA_LEGAL_FORM_CUM: Final = _cumulative(_JA_LEGAL_FORM_WEIGHTS)
_EN_LEGAL_FORM_CUM: Final = _cumulative(_EN_LEGAL_FORM_WEIGHTS)


def _scatter(size: int, salt: int) -> tuple[int, ...]:
    """A fixed pseudo-random order of prefix × business combinations, so that neighbouring
    companies (and the request slots) differ; combination 0 (東洋商事, Pacific Trade) first."""
    return tuple(sorted(range(size), key=lambda k: (k != 0, _mix(k * 2654435761 + salt))))


_JA_ORDER: Final = _scatter(_N_JA_BASE, 11)
_EN_ORDER: Final = _scatter(_N_EN_BASE, 29)


def _kanji_number(n: int) -> tuple[str, str]:
    """1..99 in kanji with its reading (二 ニ, 十五 ジュウゴ, 四十二 ヨンジュウニ)."""
    if not 1 <= n <= 99:
        raise ValueError(f"no kanji numeral for {n}")
    tens, ones = divmod(n, 10)
    kanji, kana = "", ""
    if tens:
        kanji += (_KANJI_DIGITS[tens][0] if tens > 1 else "") + "十"
        kana += (_KANJI_DIGITS[tens][1] if tens > 1 else "") + "ジュウ"
    kanji += _KANJI_DIGITS[ones][0]
    kana += _KANJI_DIGITS[ones][1]
    return kanji, kana


def _english_position(block: int) -> int:
    return _mix(block * 7 + 3) % 8


def _is_english(index: int) -> bool:
    """Exactly one demo company in each block of eight is foreign-affiliated (English)."""
    block, position = divmod(index - 1, 8)
    return position == _english_position(block)


def _language_counter(index: int) -> int:
    """0-based running number of demo company ``index`` among those of its language."""
    block, position = divmod(index - 1, 8)
    en_position = _english_position(block)
    if position == en_position:
        return block
    return index - 1 - block - (1 if position > en_position else 0)


def _demo_name_slot(counter: int) -> int:
    """Name slots of the demo companies skip every eighth one (kept for requests)."""
    return counter + counter // (_REQUEST_NAME_EVERY - 1)


def _request_name_slot(counter: int) -> int:
    return _REQUEST_NAME_EVERY * counter + _REQUEST_NAME_EVERY - 1


def _ja_name(slot: int, h: int) -> DemoCompanyName:
    block, k = divmod(slot, _N_JA_BASE)
    k = _JA_ORDER[k]
    prefix = _JA_PREFIXES[k % len(_JA_PREFIXES)]
    business = _JA_BUSINESS[k // len(_JA_PREFIXES)]
    core = prefix[0] + business[0]
    kana = prefix[1] + business[1]
    slug = f"{prefix[2]}-{business[2]}"
    if block:
        ordinal, r = divmod(block - 1, len(_JA_REGIONS))
        region = _JA_REGIONS[r]
        core, kana, slug = region[0] + core, region[1] + kana, f"{region[2]}-{slug}"
        if ordinal:
            number, number_kana = _kanji_number(ordinal + 1)
            core, kana = f"第{number}{core}", f"ダイ{number_kana}{kana}"
            slug = f"{slug}-{ordinal + 1}"
    form, front, _ = _JA_LEGAL_FORMS[_by_hash(h, _JA_LEGAL_FORM_CUM)]
    name = f"{form}{core}" if front else f"{core}{form}"
    return DemoCompanyName(name, kana, slug, "ja", form)


def _en_name(slot: int, h: int) -> DemoCompanyName:
    block, k = divmod(slot, _N_EN_BASE)
    k = _EN_ORDER[k]
    prefix = _EN_PREFIXES[k % len(_EN_PREFIXES)]
    business = _EN_BUSINESS[k // len(_EN_PREFIXES)]
    modifier_no, place_no = divmod(block, len(_EN_PLACES))
    words = [prefix]
    if modifier_no:
        if modifier_no > len(_EN_MODIFIERS):
            raise ValueError(f"name slot {slot} is beyond the English name space")
        words.append(_EN_MODIFIERS[modifier_no - 1])
    words += [business, _EN_PLACES[place_no]]
    form = _EN_LEGAL_FORMS[_by_hash(h, _EN_LEGAL_FORM_CUM)][0]
    name = " ".join(w[0] for w in words) + " " + form
    kana = "".join(w[1] for w in words)
    slug = "-".join(w[2] for w in words)
    return DemoCompanyName(name, kana, slug, "en", form)


def _naming(english: bool, slot: int, index: int) -> DemoCompanyName:
    h = _mix(index * 31 + 7)
    return _en_name(slot, h) if english else _ja_name(slot, h)


def demo_company_name(index: int) -> DemoCompanyName:
    """Name, kana reading, e-mail slug and language of demo company ``index`` (1-based).

    The same as the fields of ``demo_companies(n)[index - 1]``, without building the rest.
    """
    if not 1 <= index <= _MAX_SCALE:
        raise ValueError(f"demo company index must be between 1 and {_MAX_SCALE}; got {index}")
    return _naming(_is_english(index), _demo_name_slot(_language_counter(index)), index)


def _request_naming(slot: int) -> DemoCompanyName:
    """The company behind request ``slot``: one in eight is English (slot 5, 13, …)."""
    block, position = divmod(slot, 8)
    english = position == 5
    counter = block if english else slot - block - (1 if position > 5 else 0)
    return _naming(english, _request_name_slot(counter), _REQUEST_INDEX_BASE + 1 + slot)


# ---------------------------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------------------------

#: (town, postal code, highest 丁目; 0 = the town has no 丁目: "東塩小路町12-3")
_Town = tuple[str, str, int]
#: (city or ward, telephone area code, towns)
_City = tuple[str, str, tuple[_Town, ...]]

_CITIES: Final[dict[str, tuple[_City, ...]]] = {
    "13": (
        (
            "千代田区",
            "03",
            (
                ("丸の内", "100-0005", 3),
                ("大手町", "100-0004", 2),
                ("神田錦町", "101-0054", 3),
                ("内神田", "101-0047", 3),
                ("有楽町", "100-0006", 2),
                ("九段北", "102-0073", 4),
            ),
        ),
        (
            "中央区",
            "03",
            (
                ("日本橋", "103-0027", 3),
                ("日本橋本町", "103-0023", 4),
                ("京橋", "104-0031", 3),
                ("銀座", "104-0061", 8),
                ("八丁堀", "104-0032", 4),
                ("新川", "104-0033", 2),
            ),
        ),
        (
            "港区",
            "03",
            (
                ("芝", "105-0014", 5),
                ("浜松町", "105-0013", 2),
                ("虎ノ門", "105-0001", 5),
                ("赤坂", "107-0052", 9),
                ("港南", "108-0075", 4),
                ("芝浦", "108-0023", 4),
            ),
        ),
        (
            "新宿区",
            "03",
            (
                ("西新宿", "160-0023", 8),
                ("新宿", "160-0022", 7),
                ("四谷", "160-0004", 4),
            ),
        ),
        (
            "品川区",
            "03",
            (
                ("大崎", "141-0032", 5),
                ("東品川", "140-0002", 5),
                ("西五反田", "141-0031", 8),
            ),
        ),
        ("渋谷区", "03", (("渋谷", "150-0002", 3), ("恵比寿", "150-0013", 4))),
        (
            "江東区",
            "03",
            (
                ("豊洲", "135-0061", 6),
                ("有明", "135-0063", 3),
                ("亀戸", "136-0071", 9),
            ),
        ),
        ("台東区", "03", (("上野", "110-0005", 7), ("浅草橋", "111-0053", 5))),
        ("大田区", "03", (("蒲田", "144-0052", 5), ("平和島", "143-0006", 6))),
        ("八王子市", "042", (("明神町", "192-0046", 4),)),
    ),
    "27": (
        (
            "大阪市北区",
            "06",
            (
                ("梅田", "530-0001", 3),
                ("中之島", "530-0005", 6),
                ("堂島", "530-0003", 3),
            ),
        ),
        (
            "大阪市中央区",
            "06",
            (
                ("本町", "541-0053", 4),
                ("北浜", "541-0041", 4),
                ("南船場", "542-0081", 4),
                ("淡路町", "541-0047", 4),
            ),
        ),
        ("大阪市西区", "06", (("靱本町", "550-0004", 3), ("江戸堀", "550-0002", 3))),
        ("大阪市淀川区", "06", (("西中島", "532-0011", 7), ("宮原", "532-0003", 5))),
        ("堺市堺区", "072", (("南瓦町", "590-0078", 0),)),
        ("東大阪市", "06", (("高井田元町", "577-0054", 2),)),
    ),
    "23": (
        (
            "名古屋市中区",
            "052",
            (
                ("栄", "460-0008", 5),
                ("錦", "460-0003", 3),
                ("丸の内", "460-0002", 3),
            ),
        ),
        ("名古屋市中村区", "052", (("名駅", "450-0002", 4), ("名駅南", "450-0003", 5))),
        ("名古屋市東区", "052", (("泉", "461-0001", 3), ("東桜", "461-0005", 2))),
        ("豊田市", "0565", (("西町", "471-0025", 5),)),
    ),
    "14": (
        ("横浜市西区", "045", (("みなとみらい", "220-0012", 6), ("高島", "220-0011", 2))),
        ("横浜市中区", "045", (("山下町", "231-0023", 0), ("日本大通", "231-0021", 0))),
        ("横浜市港北区", "045", (("新横浜", "222-0033", 3),)),
        ("川崎市川崎区", "044", (("駅前本町", "210-0007", 0),)),
    ),
    "40": (
        (
            "福岡市博多区",
            "092",
            (
                ("博多駅前", "812-0011", 4),
                ("博多駅東", "812-0013", 3),
                ("祇園町", "812-0038", 0),
            ),
        ),
        (
            "福岡市中央区",
            "092",
            (
                ("天神", "810-0001", 4),
                ("大名", "810-0041", 2),
                ("赤坂", "810-0042", 3),
            ),
        ),
        ("北九州市小倉北区", "093", (("浅野", "802-0001", 3), ("魚町", "802-0006", 4))),
    ),
    "01": (
        (
            "札幌市中央区",
            "011",
            (
                ("北一条西", "060-0001", 0),
                ("大通西", "060-0042", 0),
                ("南一条西", "060-0061", 0),
            ),
        ),
        ("札幌市北区", "011", (("北七条西", "060-0807", 0),)),
    ),
    "04": (
        (
            "仙台市青葉区",
            "022",
            (
                ("中央", "980-0021", 4),
                ("一番町", "980-0811", 4),
                ("本町", "980-0014", 3),
            ),
        ),
        ("仙台市宮城野区", "022", (("榴岡", "983-0852", 5),)),
    ),
    "34": (
        (
            "広島市中区",
            "082",
            (
                ("紙屋町", "730-0031", 2),
                ("基町", "730-0011", 0),
                ("大手町", "730-0051", 5),
            ),
        ),
        ("広島市南区", "082", (("松原町", "732-0822", 0),)),
    ),
    "26": (
        ("京都市下京区", "075", (("東塩小路町", "600-8216", 0), ("中堂寺南町", "600-8813", 0))),
        ("京都市中京区", "075", (("西ノ京桑原町", "604-8451", 0),)),
    ),
    "28": (
        (
            "神戸市中央区",
            "078",
            (
                ("三宮町", "650-0021", 3),
                ("磯上通", "651-0086", 8),
                ("港島中町", "650-0046", 8),
            ),
        ),
        ("姫路市", "079", (("駅前町", "670-0927", 0),)),
        ("尼崎市", "06", (("潮江", "661-0976", 1),)),
    ),
}
_PREFECTURE_CODES: Final = tuple(_CITIES)
_PREFECTURE_CUM: Final = tuple(accumulate((35, 15, 10, 8, 7, 5, 4, 4, 5, 7)))
#: Registry office codes (first 4 digits of the 会社法人等番号) by prefecture.
_REGISTRY_OFFICES: Final[dict[str, tuple[str, ...]]] = {
    "13": ("0100", "0104", "0110", "0111"),
    "27": ("1200", "1201", "1202"),
    "23": ("1800", "1801"),
    "14": ("0200", "0201"),
    "40": ("4000", "4001"),
    "01": ("4300", "4301"),
    "04": ("3700",),
    "34": ("3400",),
    "26": ("1300",),
    "28": ("1400", "1401"),
}
_PREFECTURE_NAMES: Final = {p.code: p.name_ja for p in PREFECTURES}
_BUILDING_SUFFIXES: Final = (
    "ビル",
    "センタービル",
    "第一ビル",
    "第二ビル",
    "スクエア",
    "トラストタワー",
    "ビジネスセンター",
    "プラザビル",
    "ファーストビル",
    "中央ビル",
)


def _phone(rng: Random, area: str) -> str:
    """A fixed-line number with 10 digits in all: 03-1234-5678, 052-123-4567, 0565-12-3456."""
    exchange_digits = 6 - len(area)
    exchange = 2 * 10 ** (exchange_digits - 1) + _below(rng, 8 * 10 ** (exchange_digits - 1))
    return f"{area}-{exchange}-{_below(rng, 10_000):04d}"


def _mobile(rng: Random) -> str:
    prefix = _one(rng, ("090", "080", "070"))
    return f"{prefix}-{_between(rng, 1000, 9999)}-{_below(rng, 10_000):04d}"


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

_JA_SURNAMES: Final[tuple[_Word, ...]] = (
    ("佐藤", "サトウ", "sato"),
    ("鈴木", "スズキ", "suzuki"),
    ("高橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"),
    ("伊藤", "イトウ", "ito"),
    ("渡辺", "ワタナベ", "watanabe"),
    ("山本", "ヤマモト", "yamamoto"),
    ("中村", "ナカムラ", "nakamura"),
    ("小林", "コバヤシ", "kobayashi"),
    ("加藤", "カトウ", "kato"),
    ("吉田", "ヨシダ", "yoshida"),
    ("山田", "ヤマダ", "yamada"),
    ("佐々木", "ササキ", "sasaki"),
    ("山口", "ヤマグチ", "yamaguchi"),
    ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"),
    ("木村", "キムラ", "kimura"),
    ("林", "ハヤシ", "hayashi"),
    ("清水", "シミズ", "shimizu"),
    ("山崎", "ヤマザキ", "yamazaki"),
    ("森", "モリ", "mori"),
    ("阿部", "アベ", "abe"),
    ("池田", "イケダ", "ikeda"),
    ("橋本", "ハシモト", "hashimoto"),
    ("山下", "ヤマシタ", "yamashita"),
    ("石川", "イシカワ", "ishikawa"),
    ("中島", "ナカジマ", "nakajima"),
    ("前田", "マエダ", "maeda"),
    ("藤田", "フジタ", "fujita"),
    ("小川", "オガワ", "ogawa"),
    ("後藤", "ゴトウ", "goto"),
    ("岡田", "オカダ", "okada"),
    ("長谷川", "ハセガワ", "hasegawa"),
    ("村上", "ムラカミ", "murakami"),
    ("近藤", "コンドウ", "kondo"),
    ("石井", "イシイ", "ishii"),
    ("斎藤", "サイトウ", "saito"),
    ("坂本", "サカモト", "sakamoto"),
    ("遠藤", "エンドウ", "endo"),
    ("青木", "アオキ", "aoki"),
)

_JA_GIVEN_NAMES: Final[tuple[_Word, ...]] = (
    ("翔太", "ショウタ", "shota"),
    ("美咲", "ミサキ", "misaki"),
    ("健一", "ケンイチ", "kenichi"),
    ("陽子", "ヨウコ", "yoko"),
    ("大輔", "ダイスケ", "daisuke"),
    ("直樹", "ナオキ", "naoki"),
    ("拓也", "タクヤ", "takuya"),
    ("由美", "ユミ", "yumi"),
    ("恵子", "ケイコ", "keiko"),
    ("誠", "マコト", "makoto"),
    ("浩二", "コウジ", "koji"),
    ("隆", "タカシ", "takashi"),
    ("裕子", "ユウコ", "yuko"),
    ("真由美", "マユミ", "mayumi"),
    ("和也", "カズヤ", "kazuya"),
    ("達也", "タツヤ", "tatsuya"),
    ("彩", "アヤ", "aya"),
    ("愛", "アイ", "ai"),
    ("結衣", "ユイ", "yui"),
    ("蓮", "レン", "ren"),
    ("大翔", "ヒロト", "hiroto"),
    ("陽菜", "ヒナ", "hina"),
    ("悠真", "ユウマ", "yuma"),
    ("さくら", "サクラ", "sakura"),
    ("智子", "トモコ", "tomoko"),
    ("明美", "アケミ", "akemi"),
    ("博", "ヒロシ", "hiroshi"),
    ("清", "キヨシ", "kiyoshi"),
    ("修", "オサム", "osamu"),
    ("剛", "ツヨシ", "tsuyoshi"),
    ("亮", "リョウ", "ryo"),
    ("涼子", "リョウコ", "ryoko"),
    ("千尋", "チヒロ", "chihiro"),
    ("麻衣", "マイ", "mai"),
    ("香織", "カオリ", "kaori"),
    ("沙織", "サオリ", "saori"),
    ("雄一", "ユウイチ", "yuichi"),
    ("洋平", "ヨウヘイ", "yohei"),
    ("奈々", "ナナ", "nana"),
    ("俊介", "シュンスケ", "shunsuke"),
    ("恵", "メグミ", "megumi"),
)

_EN_SURNAMES: Final[tuple[_Word, ...]] = (
    ("Smith", "スミス", "smith"),
    ("Johnson", "ジョンソン", "johnson"),
    ("Williams", "ウィリアムズ", "williams"),
    ("Brown", "ブラウン", "brown"),
    ("Jones", "ジョーンズ", "jones"),
    ("Miller", "ミラー", "miller"),
    ("Davis", "デイビス", "davis"),
    ("Wilson", "ウィルソン", "wilson"),
    ("Taylor", "テイラー", "taylor"),
    ("Anderson", "アンダーソン", "anderson"),
    ("Thomas", "トーマス", "thomas"),
    ("Moore", "ムーア", "moore"),
    ("Martin", "マーティン", "martin"),
    ("Clark", "クラーク", "clark"),
    ("Lee", "リー", "lee"),
    ("Walker", "ウォーカー", "walker"),
)

_EN_GIVEN_NAMES: Final[tuple[_Word, ...]] = (
    ("James", "ジェームズ", "james"),
    ("Emily", "エミリー", "emily"),
    ("Michael", "マイケル", "michael"),
    ("Sarah", "サラ", "sarah"),
    ("David", "デイビッド", "david"),
    ("Jennifer", "ジェニファー", "jennifer"),
    ("Robert", "ロバート", "robert"),
    ("Laura", "ローラ", "laura"),
    ("Daniel", "ダニエル", "daniel"),
    ("Olivia", "オリビア", "olivia"),
    ("Andrew", "アンドリュー", "andrew"),
    ("Emma", "エマ", "emma"),
    ("Mark", "マーク", "mark"),
    ("Grace", "グレース", "grace"),
    ("Peter", "ピーター", "peter"),
    ("Anna", "アンナ", "anna"),
)

_JA_DEPARTMENTS: Final = (
    "営業部",
    "購買部",
    "総務部",
    "経理部",
    "資材調達課",
    "購買課",
    "業務部",
    "管理部",
    "製造部",
    "物流部",
    "情報システム部",
    "経営企画室",
)
_JA_ADMIN_DEPARTMENTS: Final = ("購買部", "総務部", "資材調達課", "管理部", "経営企画室")
_JA_ADMIN_TITLES: Final = ("部長", "課長", "次長", "室長", "主任")
_JA_TITLES: Final = ("担当", "担当", "担当", "主任", "係長", "課長代理", "課長", "マネージャー")
_EN_DEPARTMENTS: Final = (
    "Procurement",
    "Sales",
    "Finance",
    "Operations",
    "Administration",
    "Supply Chain",
)
_EN_ADMIN_TITLES: Final = ("Procurement Manager", "Director", "Office Manager", "General Manager")
_EN_TITLES: Final = (
    "Buyer",
    "Senior Buyer",
    "Procurement Specialist",
    "Accountant",
    "Operations Manager",
    "Assistant",
)
_JA_DISABLED_REASONS: Final[tuple[str, ...]] = (
    "退職",
    "異動",
    "退職（2026年9月末）",
    "休職",
    "担当変更",
    "部署統合",
)
_EN_DISABLED_REASONS: Final[tuple[str, ...]] = (
    "Left the company",
    "Transferred",
    "On leave",
    "Role changed",
)

_PERSON_COUNT_CUM: Final = _cumulative((30, 25, 18, 11, 8, 5, 3))  # 2..8 persons


def _person(
    rng: Random,
    key: str,
    domain: str,
    company_language: str,
    area: str,
    used_locals: set[str],
    *,
    role: str,
    first: bool,
    disabled: bool,
) -> DemoPerson:
    # Hot path (tens of thousands of calls): rng.random() inlined instead of helpers.
    r = rng.random
    admin = role == "admin"
    titles: tuple[str, ...]
    if company_language == "en" and r() < 0.5:
        last = _EN_SURNAMES[int(r() * len(_EN_SURNAMES))]
        given = _EN_GIVEN_NAMES[int(r() * len(_EN_GIVEN_NAMES))]
        language = "en"
        department = _EN_DEPARTMENTS[int(r() * len(_EN_DEPARTMENTS))]
        titles = _EN_ADMIN_TITLES if admin else _EN_TITLES
        reasons = _EN_DISABLED_REASONS
    else:
        last = _JA_SURNAMES[int(r() * len(_JA_SURNAMES))]
        given = _JA_GIVEN_NAMES[int(r() * len(_JA_GIVEN_NAMES))]
        language = "en" if company_language == "en" and r() < 0.3 else "ja"
        departments = _JA_ADMIN_DEPARTMENTS if first else _JA_DEPARTMENTS
        department = departments[int(r() * len(departments))]
        titles = _JA_ADMIN_TITLES if admin else _JA_TITLES
        reasons = _JA_DISABLED_REASONS
    title = titles[int(r() * len(titles))]
    local = base = f"{given[2]}.{last[2]}"
    suffix = 2
    while local in used_locals:
        local = f"{base}{suffix}"
        suffix += 1
    used_locals.add(local)
    phone = _phone(rng, area) if r() < 0.65 else _mobile(rng)
    return DemoPerson(
        key,
        last[0],
        given[0],
        last[1],
        given[1],
        f"{local}@{domain}",
        phone,
        department,
        title,
        role,
        "disabled" if disabled else "active",
        reasons[int(r() * len(reasons))] if disabled else None,
        language,
        _deviations(key),
    )


# ---------------------------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Choice:
    """Weighted choice among string values."""

    values: tuple[str, ...]
    cumulative: tuple[int, ...]

    @classmethod
    def of(cls, *options: tuple[str, int]) -> _Choice:
        return cls(tuple(v for v, _ in options), _cumulative(tuple(w for _, w in options)))

    def pick(self, rng: Random) -> str:
        return self.values[_by_rng(rng, self.cumulative)]


_CUSTOMER_GROUP: Final = _Choice.of(("CORP", 50), ("WHOLESALE", 30), ("RESELLER", 20))
_PRICE_GROUP: Final = {
    "CORP": _Choice.of(("STD", 7), ("VIP", 3)),
    "WHOLESALE": _Choice.of(("WHS-A", 5), ("WHS-B", 5)),
    "RESELLER": _Choice.of(("WHS-B", 6), ("VIP", 4)),
}
_LINE_DISCOUNT: Final = _Choice.of(("LD-NONE", 6), ("LD-5", 3), ("LD-10", 1))
_MULTILINE_DISCOUNT: Final = {
    True: _Choice.of(("ML-NONE", 4), ("ML-VOL", 6)),  # wholesalers
    False: _Choice.of(("ML-NONE", 4), ("ML-VOL", 1)),
}
_TOTAL_DISCOUNT: Final = _Choice.of(("TD-NONE", 8), ("TD-3", 2))
_PAYMENT_TERMS: Final = {
    "ja": _Choice.of(("EOM30", 60), ("EOM60", 20), ("NET30", 12), ("PREPAY", 8)),
    "en": _Choice.of(("NET30", 5), ("EOM30", 3), ("PREPAY", 2)),
}
_DELIVERY_MODE: Final = {
    True: _Choice.of(("STD", 12), ("EXPRESS", 3), ("CHARTER", 3), ("PICKUP", 3)),
    False: _Choice.of(("STD", 12), ("EXPRESS", 3), ("CHARTER", 1), ("PICKUP", 3)),
}
#: Credit limits in whole yen (round numbers); wholesalers get the upper part of the range.
_CREDIT_LIMITS: Final = (
    500_000,
    1_000_000,
    2_000_000,
    3_000_000,
    5_000_000,
    10_000_000,
    20_000_000,
    30_000_000,
    50_000_000,
)


def _properties(rng: Random, language: str) -> tuple[tuple[str, str | int], ...]:
    group = _CUSTOMER_GROUP.pick(rng)
    wholesale = group == "WHOLESALE"
    payment = _PAYMENT_TERMS[language].pick(rng)
    if payment == "PREPAY":
        credit = _CREDIT_LIMITS[0]
    elif wholesale:
        credit = _CREDIT_LIMITS[_between(rng, 3, len(_CREDIT_LIMITS) - 1)]
    else:
        credit = _CREDIT_LIMITS[_between(rng, 1, len(_CREDIT_LIMITS) - 3)]
    currency = "USD" if language == "en" and rng.random() < 0.4 else "JPY"
    return (
        ("customer_group", group),
        ("price_group", _PRICE_GROUP[group].pick(rng)),
        ("line_discount_group", _LINE_DISCOUNT.pick(rng)),
        ("multiline_discount_group", _MULTILINE_DISCOUNT[wholesale].pick(rng)),
        ("total_discount_group", _TOTAL_DISCOUNT.pick(rng)),
        ("payment_terms", payment),
        ("delivery_mode", _DELIVERY_MODE[wholesale].pick(rng)),
        ("credit_limit", credit),
        ("currency", currency),
        ("sales_tax_group", "TAX10"),
    )


_JA_GRANTS: Final = (("B2B-JP",), ("B2B-PRO",), ("B2B-JP", "B2B-PRO"))
_JA_GRANTS_CUM: Final = _cumulative((45, 20, 35))


def _grants(rng: Random, language: str) -> tuple[str, ...]:
    """About half of the companies have no grants (every site); the others some sites."""
    if rng.random() < 0.5:
        return ()
    if language == "en":
        return ("B2B-EN",) if rng.random() < 0.5 else ("B2B-JP", "B2B-EN")
    return _JA_GRANTS[_by_rng(rng, _JA_GRANTS_CUM)]


def _effective_channels(company: DemoCompany) -> tuple[str, ...]:
    return company.channels or _CHANNEL_CODES


def _catalogs(rng: Random, channels: tuple[str, ...], language: str, group: str) -> tuple[str, ...]:
    """Catalogs offered on at least one usable site; never none (rule 15)."""
    usable = set(channels or _CHANNEL_CODES)
    chance = {
        "CAT-STD": 0.85,
        "CAT-PRO": 0.3 if group == "CORP" else 0.7,
        "CAT-EXPORT": 0.9 if language == "en" else 0.1,
        "CAT-OUTLET": 0.2,
    }
    chosen = tuple(
        catalog.code
        for catalog in DEMO_CATALOGS
        if usable.intersection(catalog.channels) and rng.random() < chance[catalog.code]
    )
    return chosen or ("CAT-STD",)


def _company_key(index: int) -> str:
    return f"c{index:04d}"


def _corporate_base(index: int, prefecture: str, type_code: str) -> str:
    """The 12-digit 会社法人等番号: registry office, company type, 6-digit serial.

    The serial is a bijection of the index on 0..999999, so no two indices share a base.
    """
    offices = _REGISTRY_OFFICES[prefecture]
    office = offices[_mix(index * 13 + 5) % len(offices)]
    serial = (index * 7919 + 104_729) % 1_000_000
    return f"{office}{type_code}{serial:06d}"


def _company(index: int, naming: DemoCompanyName) -> DemoCompany:
    if not 1 <= index <= _MAX_INDEX:
        raise ValueError(f"company index out of range: {index}")
    rng = Random(f"hierdesk-demo-{index}")
    language = naming.language
    prefecture = _PREFECTURE_CODES[_by_rng(rng, _PREFECTURE_CUM)]
    city, area, towns = _one(rng, _CITIES[prefecture])
    town, postal, chome = _one(rng, towns)
    if chome:
        line1 = f"{town}{_between(rng, 1, chome)}-{_between(rng, 1, 25)}-{_between(rng, 1, 20)}"
    else:
        line1 = f"{town}{_between(rng, 1, 60)}-{_between(rng, 1, 12)}"
    line2 = (
        f"{town}{_one(rng, _BUILDING_SUFFIXES)}{_between(rng, 2, 25)}F"
        if rng.random() < 0.55
        else None
    )
    corporate = corporate_number_from_base(
        _corporate_base(index, prefecture, _TYPE_CODES[naming.legal_form])
    )
    invoice = f"T{corporate}" if rng.random() < 0.88 else None
    properties = _properties(rng, language)
    channels = _grants(rng, language)
    catalogs = _catalogs(rng, channels, language, str(properties[0][1]))
    key = _company_key(index)
    domain = f"{naming.slug}.example.jp"
    count = 2 + _by_rng(rng, _PERSON_COUNT_CUM)
    second_admin = rng.random() < 0.25
    used: set[str] = set()
    persons = tuple(
        _person(
            rng,
            f"{key}-p{j + 1}",
            domain,
            language,
            area,
            used,
            role="admin" if j == 0 or (j == 1 and second_admin) else "user",
            first=j == 0,
            disabled=j > 0 and rng.random() < 0.085,
        )
        for j in range(count)
    )
    return DemoCompany(
        index=index,
        key=key,
        name=naming.name,
        name_kana=naming.name_kana,
        corporate_number=corporate,
        invoice_registration_number=invoice,
        postal_code=postal,
        prefecture_code=prefecture,
        city=city,
        address_line1=line1,
        address_line2=line2,
        phone=_phone(rng, area),
        language=language,
        properties=properties,
        channels=channels,
        catalogs=catalogs,
        persons=persons,
    )


def demo_companies(n: int) -> tuple[DemoCompany, ...]:
    """The first ``n`` partner companies (keys ``c0001``…); prefix-stable in ``n``."""
    if not 0 <= n <= _MAX_SCALE:
        raise ValueError(f"the demo scale must be between 0 and {_MAX_SCALE}; got {n}")
    return tuple(_company(i, demo_company_name(i)) for i in range(1, n + 1))


# ---------------------------------------------------------------------------------------------
# Orders
# ---------------------------------------------------------------------------------------------

_JST: Final = timezone(timedelta(hours=9))
_ORDER_START: Final = datetime(2026, 6, 1, tzinfo=_JST)
_ORDER_DAYS: Final = 178  # 2026-06-01 .. 2026-11-25
_ORDER_COUNT_CUM: Final = _cumulative((10, 18, 20, 18, 14, 10, 10))  # 0..6 orders


def demo_orders(companies: tuple[DemoCompany, ...]) -> tuple[DemoOrder, ...]:
    """0–6 orders per company between 2026-06 and 2026-11 by its active members, on sites the
    company may use; older orders are invoiced, recent ones open or shipped, a few cancelled."""
    orders: list[DemoOrder] = []
    end = _ORDER_START + timedelta(days=_ORDER_DAYS)
    for company in companies:
        rng = Random(f"hierdesk-demo-orders-{company.index}")
        active = [p for p in company.persons if p.status == "active"]
        channels = _effective_channels(company)
        wholesale = dict(company.properties).get("customer_group") == "WHOLESALE"
        moments = sorted(
            _ORDER_START
            + timedelta(days=_below(rng, _ORDER_DAYS), minutes=_between(rng, 8 * 60, 20 * 60))
            for _ in range(_by_rng(rng, _ORDER_COUNT_CUM))
        )
        for j, moment in enumerate(moments):
            age = (end - moment).days
            if rng.random() < 0.05:
                status = "cancelled"
            elif age > 45:
                status = "invoiced"
            elif age > 12:
                status = "shipped" if rng.random() < 0.4 else "invoiced"
            else:
                status = "open" if rng.random() < 0.6 else "shipped"
            subtotal = _between(rng, 20, 4000 if wholesale else 1500) * 100
            orders.append(
                DemoOrder(
                    order_id=f"SO-{company.index:06d}-{j + 1:02d}",
                    channel=_one(rng, channels),
                    company_key=company.key,
                    person_key=_one(rng, active).key,
                    ordered_at=moment.isoformat(),
                    status=status,
                    total=subtotal * 11 // 10,  # 10 % consumption tax, whole yen
                    currency="JPY",
                )
            )
    return tuple(orders)


# ---------------------------------------------------------------------------------------------
# Requests
# ---------------------------------------------------------------------------------------------

#: Slot → recipe for the first requests; every later slot is a clean new partner.
#: Slot 5 (like every slot ≡ 5 mod 8) is an English-speaking company.
_RECIPES: Final = (
    "clean",
    "wrong_check_digit",
    "clean",
    "duplicate_corporate_number",
    "add_user_admin",
    "english",
    "duplicate_email",
    "hiragana_kana",
    "clean",
    "same_email_domain",
    "add_user_not_admin",
    "invoice_mismatch",
    "name_variant",
    "clean",
    "postal_full_width",
    "half_width_kana",
    "add_user_other_hierarchy",
    "clean",
    "clean",
    "clean",
)
#: Recipes that do not point at existing demo companies.
_SELF_CONTAINED: Final = frozenset(
    {
        "clean",
        "wrong_check_digit",
        "invoice_mismatch",
        "hiragana_kana",
        "half_width_kana",
        "postal_full_width",
        "english",
    }
)
#: Default queue length: every recipe above, or half the number of companies.
_MIN_PENDING: Final = len(_RECIPES)
_MAX_PENDING: Final = _MAX_INDEX - _REQUEST_INDEX_BASE

_REQUEST_START: Final = datetime(2026, 11, 1, tzinfo=_JST)
_REQUEST_DAYS: Final = 26
_GOLDEN: Final = 0.6180339887498949

_JA_COMMENTS: Final = (
    "請求書は本社経理部宛にお願いします。",
    "年間のお取引見込みは約500万円です。",
    "複数拠点からの発注を予定しています。",
    "掛け払い（月末締め翌月末払い）を希望します。",
    "展示会でご紹介いただきました。",
)
_EN_COMMENTS: Final = (
    "We would like to order on monthly invoice terms.",
    "Our regional head office is in Singapore; please send invoices to the Tokyo office.",
    "Introduced by your sales representative at the trade show.",
)
_EMPLOYEE_COUNTS: Final = (8, 15, 24, 40, 65, 120, 250, 480, 1200)

_KATAKANA_TO_HIRAGANA: Final = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}


def _build_half_width() -> dict[str, str]:
    table: dict[str, str] = {}
    for cp in range(0xFF61, 0xFFA0):
        full = unicodedata.normalize("NFKC", chr(cp))
        if len(full) == 1:
            table.setdefault(full, chr(cp))
    return table


_HALF_WIDTH: Final = _build_half_width()


def _to_hiragana(text: str) -> str:
    return text.translate(_KATAKANA_TO_HIRAGANA)


def _to_half_width(text: str) -> str:
    """Full-width katakana → half-width (ガ → ｶﾞ), as older forms and Excel sheets send it."""
    return "".join(
        _HALF_WIDTH.get(ch)
        or "".join(_HALF_WIDTH.get(part, part) for part in unicodedata.normalize("NFD", ch))
        for ch in text
    )


def _full_width(text: str) -> str:
    """Printable ASCII → full-width (100-0005 → １００－０００５)."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def _submitted_at(slot: int, rng: Random) -> str:
    """Spread over 2026-11-01..26 by the golden ratio, so any prefix of slots is spread too."""
    day = int((slot * _GOLDEN) % 1.0 * _REQUEST_DAYS)
    moment = _REQUEST_START + timedelta(
        days=day, minutes=_between(rng, 8 * 60, 21 * 60 + 59), seconds=_below(rng, 60)
    )
    return moment.isoformat()


def _external_id(slot: int, channel: str, rng: Random) -> str:
    return f"{_REQUEST_PREFIX[channel]}-2026-{1200 + slot * 3 + _below(rng, 3):06d}"


def _partner_request(
    slot: int, company: DemoCompany, person: DemoPerson, rng: Random, channel: str | None = None
) -> DemoRequest:
    """A clean partner request for ``company`` sent by ``person``."""
    english = company.language == "en"
    if channel is None:
        channel = "B2B-EN" if english else ("B2B-JP" if rng.random() < 0.65 else "B2B-PRO")
    with_number = rng.random() < 0.85
    comment = _one(rng, _EN_COMMENTS if english else _JA_COMMENTS)
    return DemoRequest(
        external_id=_external_id(slot, channel, rng),
        kind="partner",
        channel=channel,
        submitted_at=_submitted_at(slot, rng),
        company_name=company.name,
        company_name_kana=company.name_kana if rng.random() < 0.9 else None,
        corporate_number=company.corporate_number if with_number else None,
        invoice_registration_number=company.invoice_registration_number if with_number else None,
        email=person.email,
        last_name=person.last_name,
        first_name=person.first_name,
        last_name_kana=person.last_name_kana,
        first_name_kana=person.first_name_kana,
        phone=person.phone,
        job_title=person.job_title,
        department=person.department,
        postal_code=company.postal_code,
        # English forms send the JIS code, Japanese ones the name.
        prefecture=(
            company.prefecture_code if english else _PREFECTURE_NAMES[company.prefecture_code]
        ),
        city=company.city,
        address_line1=company.address_line1,
        address_line2=company.address_line2,
        employee_count=str(_one(rng, _EMPLOYEE_COUNTS)),
        language=person.language if english else "ja",
        comments=comment if rng.random() < 0.4 else None,
        hierarchy_key=None,
        requested_by=None,
        problem=None,
    )


def _new_person(company: DemoCompany, rng: Random, tag: str, taken: set[str]) -> DemoPerson:
    """A colleague not yet in ``company``: a fresh e-mail at the company's domain that is
    neither a member's nor in ``taken`` (the e-mails of requests already made); adds it there."""
    domain = company.persons[0].email.partition("@")[2]
    used = {p.email.partition("@")[0] for p in company.persons}
    used.update(e.partition("@")[0] for e in taken if e.endswith(f"@{domain}"))
    person = _person(
        rng,
        f"{company.key}-{tag}",
        domain,
        company.language,
        company.phone.partition("-")[0],
        used,
        role="user",
        first=False,
        disabled=False,
    )
    taken.add(person.email)
    return person


def _add_user(
    slot: int,
    company: DemoCompany,
    requester: DemoPerson,
    rng: Random,
    taken: set[str],
    problem: str | None,
) -> DemoRequest:
    person = _new_person(company, rng, f"r{slot}", taken)
    channel = _one(rng, _effective_channels(company))
    comment = (
        "Please give our new buyer access to the store."
        if person.language == "en"
        else "新任の購買担当者です。発注権限の付与をお願いします。"
    )
    return DemoRequest(
        external_id=_external_id(slot, channel, rng),
        kind="add_user",
        channel=channel,
        submitted_at=_submitted_at(slot, rng),
        company_name=company.name,
        company_name_kana=None,
        corporate_number=None,
        invoice_registration_number=None,
        email=person.email,
        last_name=person.last_name,
        first_name=person.first_name,
        last_name_kana=person.last_name_kana,
        first_name_kana=person.first_name_kana,
        phone=person.phone,
        job_title=person.job_title,
        department=person.department,
        postal_code=None,
        prefecture=None,
        city=None,
        address_line1=None,
        address_line2=None,
        employee_count=None,
        language=person.language,
        comments=comment,
        hierarchy_key=company.key,
        requested_by=requester.email,
        problem=problem,
    )


def _find(
    companies: tuple[DemoCompany, ...], start: int, accept: Callable[[DemoCompany], bool]
) -> DemoCompany | None:
    """The first company from position ``start`` on (wrapping around) that ``accept``s."""
    n = len(companies)
    return next(
        (companies[(start + i) % n] for i in range(n) if accept(companies[(start + i) % n])), None
    )


def _has_active_user(company: DemoCompany) -> bool:
    return any(p.role == "user" and p.status == "active" for p in company.persons)


def _request(
    slot: int, recipe: str, companies: tuple[DemoCompany, ...], taken: set[str]
) -> DemoRequest:
    rng = Random(f"hierdesk-demo-request-{slot}")
    new = _company(_REQUEST_INDEX_BASE + 1 + slot, _request_naming(slot))
    sender = new.persons[0]
    if recipe == "english":
        sender = replace(
            next((p for p in new.persons if p.last_name.isascii()), sender), language="en"
        )
    clean = _partner_request(slot, new, sender, rng)
    n = len(companies)
    if recipe == "clean" or (n == 0 and recipe not in _SELF_CONTAINED):
        return clean
    if recipe == "english":
        return replace(clean, problem="an English-speaking partner (language en)")
    if recipe == "wrong_check_digit":
        good = new.corporate_number
        bad = f"{int(good[0]) % 9 + 1}{good[1:]}"
        return replace(
            clean,
            corporate_number=bad,
            invoice_registration_number=None,
            problem=f"corporate number {bad} has a wrong check digit (valid: {good})",
        )
    if recipe == "invoice_mismatch":
        foreign = corporate_number_from_base(
            _corporate_base(_MISMATCH_INDEX_BASE + slot, new.prefecture_code, "01")
        )
        return replace(
            clean,
            corporate_number=new.corporate_number,
            invoice_registration_number=f"T{foreign}",
            problem=(
                f"invoice registration number T{foreign} does not match corporate number "
                f"{new.corporate_number}"
            ),
        )
    if recipe == "hiragana_kana":
        return replace(
            clean,
            company_name_kana=_to_hiragana(new.name_kana),
            last_name_kana=_to_hiragana(sender.last_name_kana),
            first_name_kana=_to_hiragana(sender.first_name_kana),
            problem="kana readings typed in hiragana (to be normalised to katakana)",
        )
    if recipe == "half_width_kana":
        return replace(
            clean,
            company_name_kana=_to_half_width(new.name_kana),
            last_name_kana=_to_half_width(sender.last_name_kana),
            first_name_kana=_to_half_width(sender.first_name_kana),
            problem="kana readings in half-width katakana (to be normalised to full width)",
        )
    if recipe == "postal_full_width":
        return replace(
            clean,
            postal_code="〒" + _full_width(new.postal_code),
            problem="postal code written with 〒 and full-width digits (to be normalised)",
        )
    if recipe == "duplicate_corporate_number":
        target = companies[2 % n]
        person = _new_person(target, rng, f"r{slot}", taken)
        request = _partner_request(slot, target, person, rng)
        return replace(
            request,
            corporate_number=target.corporate_number,
            invoice_registration_number=target.invoice_registration_number,
            problem=(
                f"same corporate number as demo company {target.key} ({target.name}), "
                "signing up again from another colleague: strong duplicate, "
                "add into the existing hierarchy or reject"
            ),
        )
    if recipe == "duplicate_email":
        target = companies[4 % n]
        person = [p for p in target.persons if p.status == "active"][-1]
        local, _, domain = person.email.partition("@")
        return replace(
            clean,
            email=f"{local[:1].upper()}{local[1:]}@{domain}",
            last_name=person.last_name,
            first_name=person.first_name,
            last_name_kana=person.last_name_kana,
            first_name_kana=person.first_name_kana,
            problem=(
                f"e-mail of active person {person.key} of {target.key} (differing only in "
                "case): strong duplicate, rule 5"
            ),
        )
    if recipe == "same_email_domain":
        target = companies[6 % n]
        person = _new_person(target, rng, f"r{slot}", taken)
        return replace(
            clean,
            email=person.email,
            last_name=person.last_name,
            first_name=person.first_name,
            last_name_kana=person.last_name_kana,
            first_name_kana=person.first_name_kana,
            problem=f"e-mail domain of demo company {target.key}: weak duplicate",
        )
    if recipe == "name_variant":
        target = _find(companies, 8 % n, lambda c: "株式会社" in c.name) or companies[8 % n]
        if "株式会社" in target.name:
            core = target.name.replace("株式会社", "")
            spaced = f"{core[: len(core) // 2]}\u3000{core[len(core) // 2 :]}"
            variant = target.name.replace(core, spaced).replace("株式会社", "㈱")
        else:
            variant = _full_width(target.name)
        return replace(
            clean,
            company_name=variant,
            company_name_kana=target.name_kana,
            corporate_number=None,
            invoice_registration_number=None,
            problem=(
                f"company name “{variant}” is “{target.name}” ({target.key}) written "
                "differently (㈱, full-width space): weak duplicate"
            ),
        )
    if recipe == "add_user_admin":
        target = companies[1 % n]
        return _add_user(slot, target, target.persons[0], rng, taken, None)
    if recipe == "add_user_not_admin":
        found = _find(companies, 3 % n, _has_active_user)
        if found is None:
            return clean
        requester = next(p for p in found.persons if p.role == "user" and p.status == "active")
        return _add_user(
            slot,
            found,
            requester,
            rng,
            taken,
            f"requested_by {requester.email} is a user, not an admin, of {found.key}",
        )
    if recipe == "add_user_other_hierarchy":
        if n < 2:
            return clean
        target = companies[5 % n]
        other = companies[7 % n] if 7 % n != 5 % n else companies[(5 % n + 1) % n]
        return _add_user(
            slot,
            target,
            other.persons[0],
            rng,
            taken,
            f"requested_by {other.persons[0].email} is an admin of {other.key}, "
            f"not of the target {target.key}",
        )
    raise AssertionError(recipe)  # pragma: no cover


def demo_requests(
    companies: tuple[DemoCompany, ...], n_pending: int | None = None
) -> tuple[DemoRequest, ...]:
    """The queue of pending requests from the sites, in order of arrival.

    The default length is ``max(20, len(companies) // 2)``, so that every deliberate problem
    (the first 17 slots) is present.  Request ``slot`` depends only on the slot and, for the
    problems that point at existing data, on a few companies at the front of ``companies``:
    a larger scale keeps the earlier requests and only adds clean ones.
    """
    if n_pending is None:
        n_pending = max(_MIN_PENDING, len(companies) // 2)
    if not 0 <= n_pending <= _MAX_PENDING:
        raise ValueError(f"n_pending must be between 0 and {_MAX_PENDING}; got {n_pending}")
    taken: set[str] = set()
    requests = [
        _request(slot, _RECIPES[slot] if slot < len(_RECIPES) else "clean", companies, taken)
        for slot in range(n_pending)
    ]
    requests.sort(key=lambda r: (r.submitted_at, r.external_id))
    return tuple(requests)
