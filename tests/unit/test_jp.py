"""Japan specifics (DOMAIN.md "Japan specifics" and rule 6): hierdesk.domain.jp."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hierdesk.domain import jp
from hierdesk.domain.errors import ValidationError
from hierdesk.domain.jp import (
    LEGAL_FORMS,
    PREFECTURES,
    Prefecture,
    company_match_key,
    corporate_check_digit,
    corporate_number_from_base,
    email_domain,
    kana_sort_key,
    nfkc,
    normalize_digits,
    normalize_email,
    prefecture_name,
    search_key,
    to_katakana,
    validate_corporate_number,
    validate_email,
    validate_invoice_number,
    validate_kana,
    validate_postal_code,
    validate_prefecture,
)

#: The National Tax Agency's worked example.
NTA_BASE = "700110005901"
NTA_NUMBER = "8700110005901"
#: The corporate number of the National Tax Agency (国税庁) itself.
KOKUZEICHO = "7000012050002"


def raises_code(code: str, func: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func()
    assert info.value.code == code, info.value.english()
    return info.value


# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------


def test_nfkc_folds_width_and_enclosed_forms() -> None:
    assert nfkc("ＡＢＣ１２３") == "ABC123"
    assert nfkc("㈱") == "(株)"
    assert nfkc("ｶﾌﾞｼｷｶﾞｲｼｬ") == "カブシキガイシャ"
    assert nfkc("①") == "1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("８７００１１０００５９０１", NTA_NUMBER),
        ("8-7001-1000-5901", NTA_NUMBER),
        ("8‐7001‑1000–5901", NTA_NUMBER),  # hyphen, non-breaking hyphen, en dash
        ("8—7001−1000－5901", NTA_NUMBER),  # em dash, minus sign, full-width hyphen-minus
        ("８７００１１０ー００５９０１", NTA_NUMBER),  # long vowel mark typed by the IME
        ("8700110ｰ005901", NTA_NUMBER),  # half-width long vowel mark
        ("8 7001 1000 5901", NTA_NUMBER),
        ("8\u30007001\u30001000\u30005901", NTA_NUMBER),  # ideographic spaces
        ("8.7001.1000.5901", NTA_NUMBER),
        ("100 ー 0001", "1000001"),
    ],
)
def test_normalize_digits(text: str, expected: str) -> None:
    assert normalize_digits(text) == expected


def test_normalize_digits_keeps_long_vowel_mark_outside_digits() -> None:
    assert normalize_digits("ソニー") == "ソニー"
    assert normalize_digits("ー1") == "ー1"


# ---------------------------------------------------------------------------------------------
# Corporate number
# ---------------------------------------------------------------------------------------------


def test_check_digit_of_the_nta_worked_example() -> None:
    assert corporate_check_digit(NTA_BASE) == 8
    assert corporate_number_from_base(NTA_BASE) == NTA_NUMBER


def test_check_digit_of_the_national_tax_agency() -> None:
    assert corporate_check_digit(KOKUZEICHO[1:]) == 7
    assert corporate_number_from_base(KOKUZEICHO[1:]) == KOKUZEICHO


def test_check_digit_counts_weights_from_the_right() -> None:
    # A lone 1 at the right end has weight 1; one place to the left it has weight 2.
    assert corporate_check_digit("000000000001") == 8
    assert corporate_check_digit("000000000010") == 7
    # Sum ≡ 0 (mod 9) gives 9, never 0.
    assert corporate_check_digit("000000000000") == 9
    assert corporate_check_digit("000000000009") == 9


def test_check_digit_accepts_full_width_base() -> None:
    assert corporate_number_from_base("７００１１０００５９０１") == NTA_NUMBER


@pytest.mark.parametrize("base", ["70011000590", "7001100059011", "70011000590X", ""])
def test_check_digit_rejects_a_base_that_is_not_12_digits(base: str) -> None:
    error = raises_code("corporate_number_format", lambda: corporate_check_digit(base))
    assert "12 digits" in error.english()


@pytest.mark.parametrize(
    "text",
    [
        NTA_NUMBER,
        "８７００１１０００５９０１",
        "8-7001-1000-5901",
        "８７００１１０ー００５９０１",
        " 8700110005901 ",
        KOKUZEICHO,
    ],
)
def test_validate_corporate_number_accepts_normalised_forms(text: str) -> None:
    assert validate_corporate_number(text) == normalize_digits(text)
    assert len(validate_corporate_number(text)) == 13


@pytest.mark.parametrize(
    "text", ["", "870011000590", "87001100059011", "870011000590A", "T8700110005901", "法人番号"]
)
def test_validate_corporate_number_format(text: str) -> None:
    error = raises_code("corporate_number_format", lambda: validate_corporate_number(text))
    assert error.field == "corporate_number"
    assert error.params["value"] == text
    message = error.english()
    assert message.startswith("corporate_number: ")
    assert "13 digits" in message
    assert f"“{text}”" in message


def test_validate_corporate_number_names_the_field() -> None:
    error = raises_code(
        "corporate_number_format", lambda: validate_corporate_number("123", field="法人番号")
    )
    assert error.field == "法人番号"
    assert error.english().startswith("法人番号: ")


def test_validate_corporate_number_check_digit_says_what_it_should_be() -> None:
    error = raises_code(
        "corporate_number_check_digit", lambda: validate_corporate_number("1700110005901")
    )
    assert error.params["expected"] == 8
    assert "should be 8" in error.english()
    assert error.field == "corporate_number"


def test_validate_corporate_number_rejects_leading_zero() -> None:
    error = raises_code(
        "corporate_number_check_digit", lambda: validate_corporate_number("0700110005901")
    )
    assert "should be 8" in error.english()


digits12 = st.text(alphabet="0123456789", min_size=12, max_size=12)


@given(digits12)
def test_property_any_base_yields_a_valid_number(base: str) -> None:
    number = corporate_number_from_base(base)
    assert len(number) == 13
    assert number[1:] == base
    assert number[0] in "123456789"
    assert validate_corporate_number(number) == number


@given(digits12, st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=9))
def test_property_single_digit_change_is_rejected(base: str, position: int, shift: int) -> None:
    number = corporate_number_from_base(base)
    old = int(number[position])
    new = (old + shift) % 10
    changed = number[:position] + str(new) + number[position + 1 :]
    if position > 0 and {old, new} == {0, 9}:
        # A mod-9 check digit cannot see 0 ↔ 9 in the base (the weighted sum moves by 9 or 18):
        # a limitation of the official algorithm, not of the implementation.
        assert validate_corporate_number(changed) == changed
        return
    with pytest.raises(ValidationError) as info:
        validate_corporate_number(changed)
    assert info.value.code == "corporate_number_check_digit"


# ---------------------------------------------------------------------------------------------
# Invoice registration number
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "T8700110005901",
        "t8700110005901",
        "Ｔ８７００１１０００５９０１",
        "ｔ８７００１１０００５９０１",
        "T-8700-1100-05901",
        "Tー８７００１１０ー００５９０１",
        " T 8700 1100 05901 ",
    ],
)
def test_validate_invoice_number_normalises(text: str) -> None:
    assert validate_invoice_number(text) == "T8700110005901"
    assert validate_invoice_number(text, corporate_number=NTA_NUMBER) == "T8700110005901"


def test_validate_invoice_number_of_a_sole_proprietor_checks_only_the_format() -> None:
    # Not a valid corporate number (check digit 1 instead of 8), but fine for a sole proprietor.
    assert validate_invoice_number("T1700110005901") == "T1700110005901"
    assert validate_invoice_number("T1700110005901", corporate_number="") == "T1700110005901"


@pytest.mark.parametrize(
    "text", ["", "8700110005901", "T870011000590", "T87001100059011", "X8700110005901", "TT870"]
)
def test_validate_invoice_number_format(text: str) -> None:
    error = raises_code("invoice_number_format", lambda: validate_invoice_number(text))
    assert error.field == "invoice_registration_number"
    assert error.english().startswith("invoice_registration_number: ")
    assert "13 digits" in error.english()


def test_validate_invoice_number_must_match_the_corporate_number() -> None:
    error = raises_code(
        "invoice_number_mismatch",
        lambda: validate_invoice_number("T7000012050002", corporate_number=NTA_NUMBER),
    )
    assert NTA_NUMBER in error.english()
    assert error.field == "invoice_registration_number"


def test_validate_invoice_number_compares_with_a_normalised_corporate_number() -> None:
    assert (
        validate_invoice_number("T8700110005901", corporate_number="８７００-１１００-０５９０１")
        == "T8700110005901"
    )


def test_validate_invoice_number_of_a_corporation_applies_the_check_digit() -> None:
    error = raises_code(
        "corporate_number_check_digit",
        lambda: validate_invoice_number("T1700110005901", corporate_number="1700110005901"),
    )
    assert "should be 8" in error.english()


# ---------------------------------------------------------------------------------------------
# Kana
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("とうようしょうじ", "トウヨウショウジ"),
        ("ぁぃぅぇぉゕゖ", "ァィゥェォヵヶ"),
        ("ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシャ"),
        ("ﾄｳﾖｳ ｼｮｳｼﾞ", "トウヨウ ショウジ"),
        ("すゞき", "スヾキ"),
        ("いすゝ", "イスヽ"),
        ("ぱーく", "パーク"),
        ("ｿﾆｰ", "ソニー"),
        ("  やまだ\u3000\u3000 たろう \t", "ヤマダ タロウ"),
        ("ヴぁいおりん", "ヴァイオリン"),
        ("東京abc", "東京abc"),
    ],
)
def test_to_katakana(text: str, expected: str) -> None:
    assert to_katakana(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("やまだ　たろう", "ヤマダ タロウ"),
        ("ｼﾞｮﾝ･ｽﾐｽ", "ジョン・スミス"),
        ("ジョン・スミス", "ジョン・スミス"),
        ("すゞき", "スヾキ"),
        ("", ""),
    ],
)
def test_validate_kana_accepts_kana(text: str, expected: str) -> None:
    assert validate_kana(text, field="kana") == expected


@pytest.mark.parametrize("text", ["東洋商事", "Toyo", "トウヨウ1", "トウヨウ(カ)", "とうよう!"])
def test_validate_kana_rejects_other_scripts(text: str) -> None:
    error = raises_code("kana_invalid", lambda: validate_kana(text, field="name_kana"))
    assert error.field == "name_kana"
    message = error.english()
    assert message.startswith("name_kana: ")
    assert "katakana" in message
    assert "hiragana" in message


# ---------------------------------------------------------------------------------------------
# Postal code
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "100-0001",
        "1000001",
        "〒100-0001",
        "〒 100-0001",
        "１００－０００１",
        "〒１００ー０００１",
        "100ｰ0001",
        "100−0001",
        "100‐0001",
        "100–0001",
        " 100-0001 ",
    ],
)
def test_validate_postal_code(text: str) -> None:
    assert validate_postal_code(text) == "100-0001"


@pytest.mark.parametrize(
    "text", ["", "100-001", "10-00001", "1000-001", "100--0001", "100-00010", "〒", "abc-defg"]
)
def test_validate_postal_code_rejects(text: str) -> None:
    error = raises_code("postal_code_format", lambda: validate_postal_code(text))
    assert error.field == "postal_code"
    assert error.english().startswith("postal_code: ")


# ---------------------------------------------------------------------------------------------
# Prefectures
# ---------------------------------------------------------------------------------------------

EXPECTED_PREFECTURES = [
    ("北海道", "Hokkaido"),
    ("青森県", "Aomori"),
    ("岩手県", "Iwate"),
    ("宮城県", "Miyagi"),
    ("秋田県", "Akita"),
    ("山形県", "Yamagata"),
    ("福島県", "Fukushima"),
    ("茨城県", "Ibaraki"),
    ("栃木県", "Tochigi"),
    ("群馬県", "Gunma"),
    ("埼玉県", "Saitama"),
    ("千葉県", "Chiba"),
    ("東京都", "Tokyo"),
    ("神奈川県", "Kanagawa"),
    ("新潟県", "Niigata"),
    ("富山県", "Toyama"),
    ("石川県", "Ishikawa"),
    ("福井県", "Fukui"),
    ("山梨県", "Yamanashi"),
    ("長野県", "Nagano"),
    ("岐阜県", "Gifu"),
    ("静岡県", "Shizuoka"),
    ("愛知県", "Aichi"),
    ("三重県", "Mie"),
    ("滋賀県", "Shiga"),
    ("京都府", "Kyoto"),
    ("大阪府", "Osaka"),
    ("兵庫県", "Hyogo"),
    ("奈良県", "Nara"),
    ("和歌山県", "Wakayama"),
    ("鳥取県", "Tottori"),
    ("島根県", "Shimane"),
    ("岡山県", "Okayama"),
    ("広島県", "Hiroshima"),
    ("山口県", "Yamaguchi"),
    ("徳島県", "Tokushima"),
    ("香川県", "Kagawa"),
    ("愛媛県", "Ehime"),
    ("高知県", "Kochi"),
    ("福岡県", "Fukuoka"),
    ("佐賀県", "Saga"),
    ("長崎県", "Nagasaki"),
    ("熊本県", "Kumamoto"),
    ("大分県", "Oita"),
    ("宮崎県", "Miyazaki"),
    ("鹿児島県", "Kagoshima"),
    ("沖縄県", "Okinawa"),
]


def test_all_47_prefectures_in_jis_code_order() -> None:
    assert len(PREFECTURES) == 47
    assert [p.code for p in PREFECTURES] == [f"{n:02d}" for n in range(1, 48)]
    assert [(p.name_ja, p.name_en) for p in PREFECTURES] == EXPECTED_PREFECTURES
    assert all(isinstance(p, Prefecture) for p in PREFECTURES)
    assert len({p.kana for p in PREFECTURES}) == 47


def test_prefecture_kana_are_katakana_readings() -> None:
    for p in PREFECTURES:
        assert validate_kana(p.kana, field="kana") == p.kana
    by_code = {p.code: p.kana for p in PREFECTURES}
    assert by_code["01"] == "ホッカイドウ"
    assert by_code["13"] == "トウキョウト"
    assert by_code["26"] == "キョウトフ"
    assert by_code["27"] == "オオサカフ"
    assert by_code["47"] == "オキナワケン"


def test_prefecture_is_frozen() -> None:
    with pytest.raises(AttributeError):
        PREFECTURES[0].name_en = "Ezo"


FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize("prefecture", PREFECTURES, ids=lambda p: p.code)
def test_every_prefecture_round_trips(prefecture: Prefecture) -> None:
    code = prefecture.code
    assert validate_prefecture(code) == code
    assert validate_prefecture(str(int(code))) == code
    assert validate_prefecture(code.translate(FULL_WIDTH_DIGITS)) == code
    assert validate_prefecture(prefecture.name_ja) == code
    assert validate_prefecture(prefecture.name_en) == code
    assert validate_prefecture(prefecture.name_en.upper()) == code
    assert validate_prefecture(prefecture.kana) == code
    assert prefecture_name(code, "ja") == prefecture.name_ja
    assert prefecture_name(code, "en") == prefecture.name_en


def test_prefecture_names_of_13_and_47() -> None:
    assert prefecture_name("13", "ja") == "東京都"
    assert prefecture_name("13", "en") == "Tokyo"
    assert prefecture_name("47", "ja") == "沖縄県"
    assert prefecture_name("47", "en") == "Okinawa"
    assert prefecture_name("1", "ja_JP") == "北海道"
    assert prefecture_name("27", "en_US") == "Osaka"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("13", "13"),
        ("１３", "13"),
        ("1", "01"),
        ("01", "01"),
        ("47", "47"),
        ("東京都", "13"),
        ("東京", "13"),
        (" 東京 ", "13"),
        ("大阪府", "27"),
        ("大阪", "27"),
        ("京都府", "26"),
        ("京都", "26"),
        ("北海道", "01"),
        ("神奈川", "14"),
        ("和歌山県", "30"),
        ("鹿児島", "46"),
        ("Tokyo", "13"),
        ("tokyo", "13"),
        ("TOKYO", "13"),
        ("tokyo-to", "13"),
        ("Tokyo-to", "13"),
        ("Tōkyō", "13"),
        ("Osaka-fu", "27"),
        ("Ōsaka", "27"),
        ("Kyoto-fu", "26"),
        ("Hokkaidō", "01"),
        ("Aomori-ken", "02"),
        ("Aomori Prefecture", "02"),
        ("Hyōgo", "28"),
        ("Ｔｏｋｙｏ", "13"),
        ("とうきょうと", "13"),
        ("とうきょう", "13"),
        ("ｵｵｻｶ", "27"),
    ],
)
def test_validate_prefecture(text: str, code: str) -> None:
    assert validate_prefecture(text) == code


@pytest.mark.parametrize("text", ["", "0", "00", "48", "99", "100", "北海", "東京府", "Edo", "東"])
def test_validate_prefecture_unknown(text: str) -> None:
    error = raises_code("prefecture_unknown", lambda: validate_prefecture(text))
    assert error.field == "prefecture"
    assert error.english().startswith("prefecture: ")


def test_prefecture_name_of_unknown_code() -> None:
    raises_code("prefecture_unknown", lambda: prefecture_name("48", "ja"))


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------


def test_normalize_email() -> None:
    assert normalize_email("  Taro.Yamada@Example.CO.JP ") == "taro.yamada@example.co.jp"
    assert normalize_email("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ") == "taro@example.jp"


def test_email_domain() -> None:
    assert email_domain("Taro@Example.CO.JP") == "example.co.jp"
    assert email_domain("ｔａｒｏ＠ＥＸＡＭＰＬＥ．ｊｐ") == "example.jp"
    assert email_domain("no-at-sign") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("taro@example.co.jp", "taro@example.co.jp"),
        ("  Taro.Yamada@Example.CO.JP ", "Taro.Yamada@Example.CO.JP"),  # case kept as typed
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),
        ("first+tag@sub.example-mail.com", "first+tag@sub.example-mail.com"),
        ("taro..yamada.@docomo.ne.jp", "taro..yamada.@docomo.ne.jp"),  # old carrier address
        ("info@日本語.jp", "info@日本語.jp"),
        ("info@例え.テスト", "info@例え.テスト"),
        ("a" * 64 + "@example.jp", "a" * 64 + "@example.jp"),
    ],
)
def test_validate_email_accepts(text: str, expected: str) -> None:
    assert validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "taro",
        "taro@",
        "@example.jp",
        "taro@example",
        "taro@@example.jp",
        "taro@hanako@example.jp",
        "taro yamada@example.jp",
        "taro@exa mple.jp",
        "taro@example..jp",
        "taro@.example.jp",
        "taro@example.jp.",
        "taro@-example.jp",
        "taro@example-.jp",
        "taro@exa_mple.jp",
        "taro\x00@example.jp",
        "taro\u200b@example.jp",
        "Taro <taro@example.jp>",
        "taro@127.0.0.1",
        "a" * 65 + "@example.jp",
        "a@" + "b" * 64 + ".jp",
        "a@" + ".".join(["b" * 60] * 5) + ".jp",
    ],
)
def test_validate_email_rejects(text: str) -> None:
    error = raises_code("email_invalid", lambda: validate_email(text))
    assert error.field == "email"
    assert error.english().startswith("email: ")


def test_validate_email_names_the_field() -> None:
    error = raises_code("email_invalid", lambda: validate_email("x", field="contact_email"))
    assert error.field == "contact_email"


# ---------------------------------------------------------------------------------------------
# Matching, sorting and search keys
# ---------------------------------------------------------------------------------------------


def test_legal_forms_listed() -> None:
    for form in [
        "株式会社",
        "(株)",
        "㈱",
        "有限会社",
        "(有)",
        "合同会社",
        "(同)",
        "合資会社",
        "合名会社",
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
    ]:
        assert form in LEGAL_FORMS


def test_company_match_key_japanese_legal_forms() -> None:
    key = company_match_key("株式会社 東洋商事")
    assert key == "東洋商事"
    assert company_match_key("東洋商事㈱") == key
    assert company_match_key("東洋商事（株）") == key
    assert company_match_key("東洋商事(株)") == key
    assert company_match_key("株式会社東洋商事") == key
    assert company_match_key("東洋商事株式会社") == key
    assert company_match_key("(株)東洋商事") == key
    assert company_match_key("東洋　商事") == key


@pytest.mark.parametrize(
    "name",
    [
        "有限会社東洋商事",
        "㈲東洋商事",
        "東洋商事合同会社",
        "合資会社東洋商事",
        "合名会社 東洋商事",
        "一般社団法人東洋商事",
        "公益財団法人東洋商事",
        "特定非営利活動法人東洋商事",
        "NPO法人東洋商事",
        "ＮＰＯ法人東洋商事",
    ],
)
def test_company_match_key_other_japanese_forms(name: str) -> None:
    assert company_match_key(name) == "東洋商事"


def test_company_match_key_kana() -> None:
    key = company_match_key("とうようしょうじ")
    assert key == "トウヨウショウジ"
    assert company_match_key("トウヨウショウジ カブシキガイシャ") == key
    assert company_match_key("カブシキカイシャ トウヨウショウジ") == key
    assert company_match_key("ｶﾌﾞｼｷｶﾞｲｼｬ ﾄｳﾖｳｼｮｳｼﾞ") == key
    assert company_match_key("とうようしょうじ　ゆうげんがいしゃ") == key
    assert company_match_key("ゴウドウガイシャ・トウヨウショウジ") == key


def test_company_match_key_keeps_the_long_vowel_mark() -> None:
    assert company_match_key("ソニー株式会社") == "ソニー"
    assert company_match_key("そにー") == "ソニー"
    assert company_match_key("ソニ") != company_match_key("ソニー")


def test_company_match_key_latin_legal_forms() -> None:
    key = company_match_key("PACIFIC TRADE")
    assert key == "pacifictrade"
    assert company_match_key("Pacific Trade Co., Ltd.") == key
    for name in [
        "Pacific Trade Co.,Ltd.",
        "Pacific Trade Co. Ltd",
        "Pacific Trade Co Ltd",
        "Pacific Trade Ltd.",
        "Pacific Trade, Inc.",
        "Pacific Trade Inc",
        "Pacific Trade Corp.",
        "Pacific Trade Corporation",
        "Pacific Trade K.K.",
        "Pacific Trade KK",
        "Pacific Trade G.K.",
        "Pacific Trade LLC",
        "ＰＡＣＩＦＩＣ　ＴＲＡＤＥ　ＣＯ．，ＬＴＤ．",
        "pacific trade",
    ]:
        assert company_match_key(name) == key, name


def test_company_match_key_does_not_cut_legal_forms_out_of_words() -> None:
    assert company_match_key("Incline Partners") == "inclinepartners"
    assert company_match_key("Bookkeeping Service") == "bookkeepingservice"
    assert company_match_key("Corpus Data") == "corpusdata"
    assert company_match_key("LLCube") == "llcube"
    assert company_match_key("Pacific Trade") != company_match_key("Pacific Trading")


def test_company_match_key_removes_punctuation() -> None:
    assert company_match_key("東洋・商事") == "東洋商事"
    assert company_match_key("東洋、商事。") == "東洋商事"
    assert company_match_key("A.B.C, Trading") == "abctrading"


def test_kana_sort_key() -> None:
    assert kana_sort_key("カブシキガイシャ トウヨウショウジ") == "トウヨウショウジ"
    assert kana_sort_key("とうよう・しょうじ かぶしきがいしゃ") == "トウヨウショウジ"
    assert kana_sort_key("ﾕｳｹﾞﾝｶﾞｲｼｬ ｱｵﾊﾞ") == "アオバ"
    assert kana_sort_key("ゴウドウガイシャ ソニー") == "ソニー"
    assert kana_sort_key("あおば") == "アオバ"


def test_kana_sort_key_orders_in_gojuon() -> None:
    names = ["カブシキガイシャ サクラ", "あおば", "ﾀﾁﾊﾞﾅ", "イナホ ユウゲンガイシャ", "かえで"]
    ordered = sorted(names, key=kana_sort_key)
    assert [kana_sort_key(n) for n in ordered] == [
        "アオバ",
        "イナホ",
        "カエデ",
        "サクラ",
        "タチバナ",
    ]


def test_search_key() -> None:
    assert search_key("とうよう") == "トウヨウ"
    assert search_key("ﾄｳﾖｳ ｼｮｳｼﾞ") == "トウヨウショウジ"
    assert search_key("  Pacific　Trade ") == "pacifictrade"
    assert search_key("Taro@Example.JP") == "taro@example.jp"
    assert search_key("東洋㈱") == "東洋(株)"
    # Prefix matching of a term against stored keys.
    assert search_key("トウヨウショウジ").startswith(search_key("とうよう"))
    assert search_key("Pacific Trade Co., Ltd.").startswith(search_key("PACIFIC tr"))


# ---------------------------------------------------------------------------------------------
# Properties: validators raise only ValidationError, keys never raise
# ---------------------------------------------------------------------------------------------

interesting = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from("0123456789０１２３４５６７８９Tｔ-－ー‐−〒@＠.．株㈱会社あアｱ 　都県"),
    )
)

VALIDATORS: list[Callable[[str], str]] = [
    validate_corporate_number,
    validate_invoice_number,
    lambda text: validate_invoice_number(text, corporate_number=NTA_NUMBER),
    lambda text: validate_kana(text, field="kana"),
    validate_postal_code,
    validate_prefecture,
    validate_email,
    corporate_number_from_base,
]


@given(st.one_of(st.text(), interesting))
def test_property_validators_raise_only_validation_error(text: str) -> None:
    failures: list[ValidationError] = []
    for validator in VALIDATORS:
        try:
            result = validator(text)
        except ValidationError as error:
            failures.append(error)
        else:
            assert isinstance(result, str)
    # Every refusal has a code and a message whose placeholders are all filled.
    assert all(error.code and error.english() and error.localized() for error in failures)


@given(st.one_of(st.text(), interesting))
def test_property_keys_never_raise_and_are_idempotent(text: str) -> None:
    assert search_key(search_key(text)) == search_key(text)
    assert to_katakana(to_katakana(text)) == to_katakana(text)
    assert " " not in kana_sort_key(text)
    assert not any(ch.isspace() for ch in company_match_key(text))
    assert normalize_email(text) == normalize_email(normalize_email(text))
    email_domain(text)
    normalize_digits(text)


@given(st.one_of(st.text(), interesting))
def test_property_valid_results_validate_again(text: str) -> None:
    for validator in (validate_postal_code, validate_prefecture, validate_email):
        try:
            result = validator(text)
        except ValidationError:
            continue
        assert validator(result) == result


def test_module_has_no_qt_or_database_imports() -> None:
    source = Path(jp.__file__).read_text(encoding="utf-8")
    for forbidden in ("PySide6", "sqlalchemy", "hierdesk.data", "hierdesk.services"):
        assert forbidden not in source
