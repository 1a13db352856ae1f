"""Japan specifics: corporate and invoice numbers, kana, postal codes, prefectures, e-mail.

Pure Python (DOMAIN.md "Japan specifics" and rule 6).  The principle is *store what the user
typed, match on normalised keys*: the validators return the normalised form that should be
stored for numbers and codes, and the ``*_key`` functions give the keys that duplicate
detection, sorting and search compare.  Every validator raises only
:class:`~hierdesk.domain.errors.ValidationError`, whatever text it is given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from hierdesk.domain.errors import ValidationError
from hierdesk.i18n.core import N_

__all__ = [
    "LEGAL_FORMS",
    "PREFECTURES",
    "Prefecture",
    "company_match_key",
    "corporate_check_digit",
    "corporate_number_from_base",
    "email_domain",
    "kana_sort_key",
    "nfkc",
    "normalize_digits",
    "normalize_email",
    "prefecture_name",
    "search_key",
    "to_katakana",
    "validate_corporate_number",
    "validate_email",
    "validate_invoice_number",
    "validate_kana",
    "validate_postal_code",
    "validate_prefecture",
]

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

#: Dashes and hyphens as they remain after NFKC (－ and ﹣ become "-", ‑ becomes ‐, ｰ becomes ー
#: and is handled separately because it is also the kana long vowel mark).
_DASHES: Final = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe63\uff0d"
_LONG_VOWEL: Final = "\u30fc"  # ー
#: Invisible characters that come along when numbers are pasted from web pages.
_INVISIBLE: Final = "\u200b\u200c\u200d\u2060\ufeff"

_SEPARATORS_RE: Final = re.compile(rf"[\s.{re.escape(_DASHES)}{_INVISIBLE}]+")
_LONG_VOWEL_BETWEEN_DIGITS_RE: Final = re.compile(rf"(?<=[0-9]){_LONG_VOWEL}+(?=[0-9])")
_WHITESPACE_RE: Final = re.compile(r"\s+")

#: Hiragana ぁ..ゖ → katakana ァ..ヶ, and the iteration marks ゝゞ → ヽヾ.
_HIRAGANA_TO_KATAKANA: Final = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)} | {
    0x309D: 0x30FD,
    0x309E: 0x30FE,
}


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width ASCII → ASCII, half-width kana → full-width, ㈱ → (株) …"""
    return unicodedata.normalize("NFKC", text)


def _hiragana_to_katakana(text: str) -> str:
    return text.translate(_HIRAGANA_TO_KATAKANA)


def normalize_digits(text: str) -> str:
    """NFKC, then drop spaces, dots, hyphens/dashes of all kinds and ー between digits.

    Used before validating numbers typed as ``８７００１１０ー００５９０１`` or
    ``8-7001-1000-5901``.
    """
    value = _SEPARATORS_RE.sub("", nfkc(text))
    return _LONG_VOWEL_BETWEEN_DIGITS_RE.sub("", value)


# ---------------------------------------------------------------------------------------------
# Corporate number (法人番号) and invoice registration number (登録番号)
# ---------------------------------------------------------------------------------------------

_CORPORATE_RE: Final = re.compile(r"[0-9]{13}")
_BASE_RE: Final = re.compile(r"[0-9]{12}")
_INVOICE_RE: Final = re.compile(r"T[0-9]{13}")


@lru_cache(maxsize=256)  # a corporate number is checked again with its invoice number
def corporate_check_digit(base12: str) -> int:
    """The check digit (1–9) of a corporate number from its 12-digit base.

    ``check = 9 − (Σ Pn·Qn mod 9)``; Pn is the n-th digit counted from the right, Qn is 1 for
    odd n and 2 for even n.  NTA example: ``700110005901`` → 8.
    """
    base = normalize_digits(base12)
    if not _BASE_RE.fullmatch(base):
        raise ValidationError(
            "corporate_number_format",
            N_("{field}: the base of a corporate number has 12 digits; got “{value}”."),
            field="corporate_number",
            value=base12,
        )
    total = sum(
        int(digit) * (2 if n % 2 == 0 else 1) for n, digit in enumerate(reversed(base), start=1)
    )
    return 9 - total % 9


def corporate_number_from_base(base12: str) -> str:
    """The 13-digit corporate number: check digit followed by the 12-digit base."""
    return f"{corporate_check_digit(base12)}{normalize_digits(base12)}"


def _check_corporate_digits(digits: str, value: str, field: str) -> None:
    expected = corporate_check_digit(digits[1:])
    if int(digits[0]) != expected:
        raise ValidationError(
            "corporate_number_check_digit",
            N_(
                "{field}: “{value}” is not a valid corporate number; its first digit "
                "(the check digit) should be {expected}."
            ),
            field=field,
            value=value,
            expected=expected,
        )


def validate_corporate_number(text: str, field: str = "corporate_number") -> str:
    """Return the 13-digit corporate number, accepting full-width digits and separators."""
    digits = normalize_digits(text)
    if not _CORPORATE_RE.fullmatch(digits):
        raise ValidationError(
            "corporate_number_format",
            N_("{field}: a corporate number has 13 digits; got “{value}”."),
            field=field,
            value=text,
        )
    _check_corporate_digits(digits, text, field)
    return digits


def validate_invoice_number(
    text: str,
    corporate_number: str | None = None,
    field: str = "invoice_registration_number",
) -> str:
    """Return the normalised invoice registration number ``T`` + 13 digits.

    With ``corporate_number`` (the customer is a corporation) the 13 digits must be that
    corporate number, so its check digit applies too.  Without one (a sole proprietor, or no
    corporate number entered: ``None`` or blank) only the format is checked.
    """
    value = normalize_digits(text).upper()
    value = re.sub(rf"^T{_LONG_VOWEL}+(?=[0-9])", "T", value)
    if not _INVOICE_RE.fullmatch(value):
        raise ValidationError(
            "invoice_number_format",
            N_(
                "{field}: an invoice registration number is “T” followed by 13 digits; "
                "got “{value}”."
            ),
            field=field,
            value=text,
        )
    if corporate_number is not None and corporate_number.strip():
        corporate = normalize_digits(corporate_number)
        if value[1:] != corporate:
            raise ValidationError(
                "invoice_number_mismatch",
                N_(
                    "{field}: for a corporation the invoice registration number is “T” followed "
                    "by its corporate number {corporate_number}; got “{value}”."
                ),
                field=field,
                value=text,
                corporate_number=corporate_number,
            )
        _check_corporate_digits(value[1:], text, field)
    return value


# ---------------------------------------------------------------------------------------------
# Kana
# ---------------------------------------------------------------------------------------------

#: Katakana letters ァ..ヺ, the middle dot ・, ー, ヽヾ, small katakana extensions, ASCII space.
_KANA_RE: Final = re.compile(r"[\u30a1-\u30fa\u30fb\u30fc\u30fd\u30fe\u31f0-\u31ff ]*")


def to_katakana(text: str) -> str:
    """Full-width katakana: NFKC, hiragana → katakana, whitespace runs → one space, stripped."""
    value = _hiragana_to_katakana(nfkc(text))
    return _WHITESPACE_RE.sub(" ", value).strip()


def validate_kana(text: str, field: str) -> str:
    """Return the reading in katakana; hiragana and half-width kana are converted.

    An empty reading is returned as ``""``; whether it is required is the caller's business.
    """
    value = to_katakana(text)
    if not _KANA_RE.fullmatch(value):
        raise ValidationError(
            "kana_invalid",
            N_("{field}: enter the reading in katakana or hiragana; got “{value}”."),
            field=field,
            value=text,
        )
    return value


# ---------------------------------------------------------------------------------------------
# Postal code
# ---------------------------------------------------------------------------------------------

_POSTAL_RE: Final = re.compile(
    rf"〒?\s*([0-9]{{3}})\s*[{re.escape(_DASHES)}{_LONG_VOWEL}]?\s*([0-9]{{4}})"
)


def validate_postal_code(text: str, field: str = "postal_code") -> str:
    """Return ``NNN-NNNN``; accepts a leading 〒, full-width digits, any dash or none."""
    match = _POSTAL_RE.fullmatch(nfkc(text).strip())
    if match is None:
        raise ValidationError(
            "postal_code_format",
            N_("{field}: a postal code has 7 digits like 100-0001; got “{value}”."),
            field=field,
            value=text,
        )
    return f"{match.group(1)}-{match.group(2)}"


# ---------------------------------------------------------------------------------------------
# Prefectures (JIS X 0401)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Prefecture:
    code: str
    name_ja: str
    name_en: str
    kana: str


#: All 47 prefectures in JIS X 0401 code order.
PREFECTURES: Final[tuple[Prefecture, ...]] = (
    Prefecture("01", "北海道", "Hokkaido", "ホッカイドウ"),
    Prefecture("02", "青森県", "Aomori", "アオモリケン"),
    Prefecture("03", "岩手県", "Iwate", "イワテケン"),
    Prefecture("04", "宮城県", "Miyagi", "ミヤギケン"),
    Prefecture("05", "秋田県", "Akita", "アキタケン"),
    Prefecture("06", "山形県", "Yamagata", "ヤマガタケン"),
    Prefecture("07", "福島県", "Fukushima", "フクシマケン"),
    Prefecture("08", "茨城県", "Ibaraki", "イバラキケン"),
    Prefecture("09", "栃木県", "Tochigi", "トチギケン"),
    Prefecture("10", "群馬県", "Gunma", "グンマケン"),
    Prefecture("11", "埼玉県", "Saitama", "サイタマケン"),
    Prefecture("12", "千葉県", "Chiba", "チバケン"),
    Prefecture("13", "東京都", "Tokyo", "トウキョウト"),
    Prefecture("14", "神奈川県", "Kanagawa", "カナガワケン"),
    Prefecture("15", "新潟県", "Niigata", "ニイガタケン"),
    Prefecture("16", "富山県", "Toyama", "トヤマケン"),
    Prefecture("17", "石川県", "Ishikawa", "イシカワケン"),
    Prefecture("18", "福井県", "Fukui", "フクイケン"),
    Prefecture("19", "山梨県", "Yamanashi", "ヤマナシケン"),
    Prefecture("20", "長野県", "Nagano", "ナガノケン"),
    Prefecture("21", "岐阜県", "Gifu", "ギフケン"),
    Prefecture("22", "静岡県", "Shizuoka", "シズオカケン"),
    Prefecture("23", "愛知県", "Aichi", "アイチケン"),
    Prefecture("24", "三重県", "Mie", "ミエケン"),
    Prefecture("25", "滋賀県", "Shiga", "シガケン"),
    Prefecture("26", "京都府", "Kyoto", "キョウトフ"),
    Prefecture("27", "大阪府", "Osaka", "オオサカフ"),
    Prefecture("28", "兵庫県", "Hyogo", "ヒョウゴケン"),
    Prefecture("29", "奈良県", "Nara", "ナラケン"),
    Prefecture("30", "和歌山県", "Wakayama", "ワカヤマケン"),
    Prefecture("31", "鳥取県", "Tottori", "トットリケン"),
    Prefecture("32", "島根県", "Shimane", "シマネケン"),
    Prefecture("33", "岡山県", "Okayama", "オカヤマケン"),
    Prefecture("34", "広島県", "Hiroshima", "ヒロシマケン"),
    Prefecture("35", "山口県", "Yamaguchi", "ヤマグチケン"),
    Prefecture("36", "徳島県", "Tokushima", "トクシマケン"),
    Prefecture("37", "香川県", "Kagawa", "カガワケン"),
    Prefecture("38", "愛媛県", "Ehime", "エヒメケン"),
    Prefecture("39", "高知県", "Kochi", "コウチケン"),
    Prefecture("40", "福岡県", "Fukuoka", "フクオカケン"),
    Prefecture("41", "佐賀県", "Saga", "サガケン"),
    Prefecture("42", "長崎県", "Nagasaki", "ナガサキケン"),
    Prefecture("43", "熊本県", "Kumamoto", "クマモトケン"),
    Prefecture("44", "大分県", "Oita", "オオイタケン"),
    Prefecture("45", "宮崎県", "Miyazaki", "ミヤザキケン"),
    Prefecture("46", "鹿児島県", "Kagoshima", "カゴシマケン"),
    Prefecture("47", "沖縄県", "Okinawa", "オキナワケン"),
)

_PREFECTURE_BY_CODE: Final = {p.code: p for p in PREFECTURES}
#: Romanised suffixes by the Japanese suffix (北海道 keeps its 道: "Hokkaido").
_EN_SUFFIX: Final = {"都": "to", "府": "fu", "県": "ken"}
_KANA_SUFFIX: Final = {"都": "ト", "府": "フ", "県": "ケン"}
#: Other spellings seen in addresses.
_EN_ALIASES: Final = {"gumma": "10", "hokkaidou": "01", "ohita": "44", "tokyometropolis": "13"}


def _japanese_key(text: str) -> str:
    return _WHITESPACE_RE.sub("", nfkc(text))


def _kana_key(text: str) -> str:
    return to_katakana(text).replace(" ", "")


def _english_key(text: str) -> str:
    """Latin name without diacritics (Tōkyō → tokyo), spaces, hyphens or dots; "" otherwise."""
    decomposed = unicodedata.normalize("NFKD", nfkc(text).strip())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(rf"[\s.{re.escape(_DASHES)}]+", "", plain)
    return plain if re.fullmatch(r"[a-z]+", plain) else ""


def _add_unique(lookup: dict[str, str], key: str, code: str) -> None:
    if lookup.setdefault(key, code) != code:  # pragma: no cover - a mistake in the table
        raise RuntimeError(f"prefecture key {key!r} is ambiguous")


def _build_prefecture_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for p in PREFECTURES:
        suffix = p.name_ja[-1]
        keys = {p.name_ja, p.kana, p.name_en.casefold()}
        if suffix in _EN_SUFFIX:
            keys.add(p.name_ja[:-1])
            keys.add(p.kana.removesuffix(_KANA_SUFFIX[suffix]))
            keys.add(p.name_en.casefold() + _EN_SUFFIX[suffix])
        keys.add(p.name_en.casefold() + "prefecture")
        for key in keys:
            _add_unique(lookup, key, p.code)
    for key, code in _EN_ALIASES.items():
        _add_unique(lookup, key, code)
    return lookup


_PREFECTURE_LOOKUP: Final = _build_prefecture_lookup()


def validate_prefecture(text: str, field: str = "prefecture") -> str:
    """Return the 2-digit JIS code of a prefecture given as a code or a name.

    Accepts ``13`` / ``1`` / ``１３``, 東京都 / 東京, とうきょう / トウキョウト, Tokyo / tokyo-to /
    Tōkyō; 北海道 keeps its 道.
    """
    digits = normalize_digits(text)
    if re.fullmatch(r"[0-9]{1,2}", digits):
        code = f"{int(digits):02d}"
        if code in _PREFECTURE_BY_CODE:
            return code
    else:
        for key in (_japanese_key(text), _kana_key(text), _english_key(text)):
            found = _PREFECTURE_LOOKUP.get(key) if key else None
            if found is not None:
                return found
    raise ValidationError(
        "prefecture_unknown",
        N_(
            "{field}: “{value}” is not a prefecture; enter a JIS code from 01 to 47 "
            "or a name such as 東京都 or Tokyo."
        ),
        field=field,
        value=text,
    )


def prefecture_name(code: str, language: str) -> str:
    """The prefecture's name in ``language`` ("ja" → 東京都, anything else → Tokyo).

    ``code`` is anything :func:`validate_prefecture` accepts; unknown codes raise
    ``prefecture_unknown``.
    """
    prefecture = _PREFECTURE_BY_CODE[validate_prefecture(code)]
    if language.strip().casefold().startswith("ja") or language.strip() == "日本語":
        return prefecture.name_ja
    return prefecture.name_en


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------

_EMAIL_FORBIDDEN_LOCAL: Final = frozenset('"(),:;<>[\\]')
_EMAIL_INVALID_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
#: in ASCII, those categories and spaces are exactly the controls, the space and DEL
_EMAIL_INVALID_ASCII: Final = re.compile(r"[\x00-\x20\x7f]")
_ASCII_LABEL: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def normalize_email(text: str) -> str:
    """The key e-mail addresses are compared with: NFKC, stripped, case folded."""
    return nfkc(text).strip().casefold()


def email_domain(text: str) -> str:
    """The normalised domain part of an address ("" when there is no ``@``)."""
    address = normalize_email(text)
    if "@" not in address:
        return ""
    return address.rpartition("@")[2].rstrip(".")


def _domain_label_ok(label: str) -> bool:
    if label.isascii():  # the common case, in one regular expression
        return _ASCII_LABEL.fullmatch(label) is not None
    if not 1 <= len(label) <= 63 or label[0] == "-" or label[-1] == "-":
        return False
    return all(
        ch == "-" or ch.isalnum() or (ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LMN")
        for ch in label
    )


def _email_ok(address: str) -> bool:
    # the key compared (case folded: ß is ss) is stored too, in as many characters
    if not address or len(address.casefold()) > 254 or address.count("@") != 1:
        return False
    if address.isascii():
        if _EMAIL_INVALID_ASCII.search(address):
            return False
    elif any(
        ch.isspace() or unicodedata.category(ch) in _EMAIL_INVALID_CATEGORIES for ch in address
    ):
        return False
    local, domain = address.split("@")
    if not 1 <= len(local) <= 64 or any(ch in _EMAIL_FORBIDDEN_LOCAL for ch in local):
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not all(_domain_label_ok(label) for label in labels):
        return False
    return not labels[-1].isdigit()


def validate_email(text: str, field: str = "email") -> str:
    """Return the address as typed (NFKC, stripped) after a pragmatic shape check.

    One ``@``; a local part of 1–64 characters; a domain with a dot whose labels are letters
    (IDN letters too), digits and hyphens; no spaces or control characters; at most 254 in all.
    Japanese carrier addresses such as ``taro..yamada.@docomo.ne.jp`` are accepted.
    """
    address = nfkc(text).strip()
    if not _email_ok(address):
        raise ValidationError(
            "email_invalid",
            N_("{field}: “{value}” is not an e-mail address like name@example.co.jp."),
            field=field,
            value=text,
        )
    return address


# ---------------------------------------------------------------------------------------------
# Matching, sorting and search keys
# ---------------------------------------------------------------------------------------------

#: Legal-form words removed from company names (and kana readings) before they are compared.
LEGAL_FORMS: Final[tuple[str, ...]] = (
    "株式会社",
    "(株)",
    "㈱",
    "有限会社",
    "(有)",
    "㈲",
    "合同会社",
    "(同)",
    "合資会社",
    "(資)",
    "㈾",
    "合名会社",
    "(名)",
    "㈴",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "特定非営利活動法人",
    "NPO法人",
    "カブシキガイシャ",
    "カブシキカイシャ",
    "ユウゲンガイシャ",
    "ゴウドウガイシャ",
    "ゴウシガイシャ",
    "ゴウメイガイシャ",
    "Co., Ltd.",
    "Co.,Ltd.",
    "Co. Ltd",
    "Ltd.",
    "Inc.",
    "Corp.",
    "Corporation",
    "K.K.",
    "KK",
    "G.K.",
    "LLC",
)

#: A Latin legal form must not touch Latin letters or digits (so "Inc" stays in "Incline").
_LATIN_WORD_CHARS: Final = r"0-9a-z\u00c0-\u024f"


def _legal_form_key(form: str) -> str:
    return _hiragana_to_katakana(nfkc(form).casefold())


def _legal_form_pattern(key: str) -> str:
    if key.isascii():
        parts = []
        for ch in key:
            if ch == ".":
                parts.append(r"\.?")
            elif ch == ",":
                parts.append(",?")
            elif ch == " ":
                parts.append(r"\s*")
            else:
                parts.append(re.escape(ch))
        return rf"(?<![{_LATIN_WORD_CHARS}])(?:{''.join(parts)})(?![{_LATIN_WORD_CHARS}])"
    # Japanese forms are whole words wherever they stand (前株 and 後株); allow stray spaces.
    return r"\s*".join(re.escape(ch) for ch in key)


def _legal_forms_re(forms: list[str]) -> re.Pattern[str]:
    # Longest first, so that "Co., Ltd." wins over "Ltd." and 一般社団法人 over shorter forms.
    keys = sorted({_legal_form_key(f) for f in forms}, key=lambda k: (-len(k), k))
    return re.compile("|".join(_legal_form_pattern(k) for k in keys))


_LEGAL_FORMS_RE: Final = _legal_forms_re(list(LEGAL_FORMS))
_KANA_LEGAL_FORMS_RE: Final = _legal_forms_re([f for f in LEGAL_FORMS if _KANA_RE.fullmatch(f)])
_MATCH_PUNCTUATION_RE: Final = re.compile(r"[\s・,、.。]+")


def company_match_key(name: str) -> str:
    """Key for "same company name" (rule 6): NFKC, case folded, legal forms removed,
    hiragana → katakana, spaces, ・, commas and periods removed (ー is kept).

    株式会社 東洋商事, 東洋商事㈱ and 東洋商事（株） give the same key; so do
    "Pacific Trade Co., Ltd." and "PACIFIC TRADE".
    """
    value = _hiragana_to_katakana(nfkc(name).casefold())
    value = _LEGAL_FORMS_RE.sub(" ", value)
    return nfkc(_MATCH_PUNCTUATION_RE.sub("", value))


def kana_sort_key(kana: str) -> str:
    """Key for あいうえお順: katakana without spaces, ・ or legal-form words.

    ``カブシキガイシャ トウヨウ・ショウジ`` → ``トウヨウショウジ``.
    """
    value = to_katakana(kana).replace(" ", "").replace("・", "")
    return nfkc(_KANA_LEGAL_FORMS_RE.sub("", value))


def search_key(text: str) -> str:
    """What search terms and stored name/kana/e-mail keys are compared with (prefix match):
    NFKC, case folded, hiragana → katakana, whitespace removed.

    NFKC is applied again at the end: removing a space can bring a letter next to a combining
    mark (NFKC turns ¸ into space + U+0327), and the key must be stable when keyed again.
    """
    return nfkc(_WHITESPACE_RE.sub("", _hiragana_to_katakana(nfkc(text).casefold())))
