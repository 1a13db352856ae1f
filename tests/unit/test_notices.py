"""The letters to requesters (DOMAIN.md rule 14): in the requester's language whatever the
clerk's, and Japanese honorifics — a person gets 様, a company or department without a person
gets 御中, never both."""

from __future__ import annotations

import pytest

from hierdesk.domain.notices import Addressee, address_block, approved, rejected
from hierdesk.i18n.core import set_language, translations_for

PERSON = Addressee("株式会社みなと商事", "営業部", "山田", "太郎")
NO_PERSON = Addressee("株式会社みなと商事", "営業部", None, None)
COMPANY_ONLY = Addressee("株式会社みなと商事", None, None, None)
SITE = "みなと B2B ストア"


def _japanese(text: str, *names: str) -> bool:
    """Whether ``text`` has Japanese words besides the ``names`` it quotes."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def test_a_person_is_addressed_with_sama_after_company_and_department() -> None:
    block = address_block(PERSON, "ja")
    assert block.splitlines() == ["株式会社みなと商事", "営業部", "山田 太郎 様"]
    assert block.splitlines()[-1] == "山田 太郎 様"
    assert "御中" not in block


@pytest.mark.parametrize(
    ("who", "last_line"),
    [(NO_PERSON, "営業部 御中"), (COMPANY_ONLY, "株式会社みなと商事 御中")],
)
def test_without_a_person_the_company_or_department_gets_onchu(
    who: Addressee, last_line: str
) -> None:
    block = address_block(who, "ja")
    assert block.splitlines()[-1] == last_line
    assert block.count("御中") == 1
    assert "様" not in block


def test_a_person_without_a_company_still_gets_sama_only() -> None:
    block = address_block(Addressee(None, None, "山田", "太郎"), "ja")
    assert block == "山田 太郎 様"


@pytest.mark.parametrize(
    ("who", "greeting"),
    [
        (Addressee("Minato Trading", "Sales", "Yamada", "Taro"), "Dear Taro Yamada,"),
        (Addressee("Minato Trading", None, None, None), "Dear Minato Trading team,"),
    ],
)
def test_english_letters_greet_by_name(who: Addressee, greeting: str) -> None:
    block = address_block(who, "en")
    assert block == greeting
    assert "様" not in block
    assert "御中" not in block


def test_an_english_letter_keeps_the_order_of_a_name_written_in_kanji() -> None:
    """Kanji names are family name first in any language: 山田 太郎, never 太郎 山田."""
    assert address_block(PERSON, "en") == "Dear 山田 太郎,"
    assert address_block(Addressee(None, None, "Smith", "Ann"), "en") == "Dear Ann Smith,"


@pytest.mark.parametrize("clerk_language", ["en", "ja"])
def test_an_approval_letter_is_in_the_requesters_language(clerk_language: str) -> None:
    set_language(clerk_language)  # the clerk's language does not matter
    common = {
        "recipient": "taro@minato.example.jp",
        "site": SITE,
        "account": "C000002",
        "hierarchy": "株式会社みなと商事 (CH-000001)",
        "role": "admin",
    }
    ja = approved(language="ja", who=PERSON, **common)
    en = approved(language="en", who=Addressee("Minato", None, "Yamada", "Taro"), **common)

    assert (ja.kind, ja.language, ja.recipient) == ("approved", "ja", "taro@minato.example.jp")
    assert ja.body.splitlines()[:3] == ["株式会社みなと商事", "営業部", "山田 太郎 様"]
    assert "御中" not in ja.body
    for value in ("C000002", "CH-000001", "taro@minato.example.jp", SITE):
        assert value in ja.body
        assert value in en.body
    names = ("株式会社みなと商事", "営業部", "山田", "太郎", "様", SITE)
    assert _japanese(ja.body, *names), ja.body
    assert _japanese(ja.subject, SITE), ja.subject
    assert SITE in ja.subject

    assert en.language == "en"
    assert en.body.splitlines()[0] == "Dear Taro Yamada,"
    assert not _japanese(en.body, SITE, "株式会社みなと商事")
    assert en.subject == f"[{SITE}] Your B2B account has been approved"
    # the role in the requester's words
    assert translations_for("ja").gettext("administrator") in ja.body
    assert "administrator" in en.body


def test_the_role_of_an_added_user_is_user() -> None:
    notice = approved(
        language="en",
        recipient="hanako@minato.example.jp",
        who=Addressee(None, None, "Sato", "Hanako"),
        site="B2B",
        account="C000009",
        hierarchy="Minato (CH-000001)",
        role="user",
    )
    assert "administrator" not in notice.body
    assert "user" in notice.body


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_rejection_letter_carries_the_reason(language: str) -> None:
    reason = "法人番号を確認できませんでした。" if language == "ja" else "We could not verify you."
    who = PERSON if language == "ja" else Addressee("Minato", None, "Yamada", "Taro")
    notice = rejected(
        language=language,
        recipient="taro@minato.example.jp",
        who=who,
        site=SITE,
        reason=f"  {reason}\n",
    )
    assert notice.kind == "rejected"
    assert reason in notice.body
    assert (
        notice.subject
        != approved(
            language=language,
            recipient="x@example.jp",
            who=PERSON,
            site=SITE,
            account="C1",
            hierarchy="H",
            role="admin",
        ).subject
    )
    if language == "ja":
        assert notice.body.splitlines()[2] == "山田 太郎 様"
        names = ("株式会社みなと商事", "営業部", "山田", "太郎", "様", SITE, reason)
        assert _japanese(notice.body, *names), notice.body
    else:
        assert notice.body.splitlines()[0] == "Dear Taro Yamada,"


def test_an_unknown_language_falls_back_to_japanese() -> None:
    notice = rejected(language="fr", recipient="a@example.jp", who=PERSON, site=SITE, reason="理由")
    assert notice.language == "ja"
    assert "山田 太郎 様" in notice.body
