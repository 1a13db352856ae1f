"""Finding customer hierarchies: あいうえお順 by the kana reading, search on name, kana, e-mail,
account and corporate number after normalisation, paging."""

from __future__ import annotations

import pytest

from hierdesk.domain.errors import NotFoundError
from hierdesk.services import hierarchies
from hierdesk.services.context import Context

# The demo companies at scale 6, in あいうえお order of their readings (シ < ト < パ < ホ < マ);
# by kanji code point the order would be quite different (丸 < 北 < 東 …).
KANA_ORDER = [
    "株式会社白鳥包装",  # シラトリホウソウ
    "株式会社東洋機械",  # トウヨウキカイ
    "東洋商事株式会社",  # トウヨウショウジ
    "Pacific Trade Japan K.K.",  # パシフィックトレードジャパン
    "北斗化学株式会社",  # ホクトカガク
    "丸三電機株式会社",  # マルサンデンキ
]


def _names(ctx: Context, search: str | None = None, **kw: int) -> list[str]:
    return [r.name for r in hierarchies.list_hierarchies(ctx, search=search, **kw)]


def test_empty_workspace_lists_nothing(workspace: Context) -> None:
    assert hierarchies.list_hierarchies(workspace) == []
    assert hierarchies.count_hierarchies(workspace) == 0


def test_sorted_by_kana_reading(demo_workspace: Context) -> None:
    rows = hierarchies.list_hierarchies(demo_workspace)
    assert [r.name for r in rows] == KANA_ORDER
    assert rows[0].organization_kana == "シラトリホウソウ"
    assert hierarchies.count_hierarchies(demo_workspace) == 6


def test_rows_carry_member_counts_and_channel_grants(demo_workspace: Context) -> None:
    rows = {r.name: r for r in hierarchies.list_hierarchies(demo_workspace)}
    toyo = rows["東洋商事株式会社"]
    assert toyo.members == 5
    assert toyo.channels == ("B2B-JP", "B2B-PRO")
    assert rows["株式会社白鳥包装"].channels == ()  # no grants: every B2B site


def test_search_by_kana_prefix_in_any_kana(demo_workspace: Context) -> None:
    # hiragana, katakana, half-width katakana, with stray spaces
    for text in ("とうよう", "トウヨウ", "ﾄｳﾖｳ", "  とう よう "):
        assert _names(demo_workspace, text) == ["株式会社東洋機械", "東洋商事株式会社"], text
    assert _names(demo_workspace, "しょうじ") == []  # トウヨウ*ショウジ*: not at the start


def test_search_by_email_prefix(demo_workspace: Context) -> None:
    # keiko.kato@marusan-denki.example.jp is the admin of 丸三電機
    for text in ("keiko.kato@", "KEIKO.KATO", "ｋｅｉｋｏ．ｋａｔｏ"):
        assert _names(demo_workspace, text) == ["丸三電機株式会社"], text


def test_search_by_organization_or_member_account(demo_workspace: Context) -> None:
    rows = hierarchies.list_hierarchies(demo_workspace)
    target = rows[3]
    assert _names(demo_workspace, target.organization_account) == [target.name]
    assert _names(demo_workspace, target.organization_account.lower()) == [target.name]
    member = hierarchies.get_hierarchy(demo_workspace, target.code).members[-1]
    assert _names(demo_workspace, member.account) == [target.name]


def test_search_by_corporate_number_in_any_width(demo_workspace: Context) -> None:
    # 東洋商事's 法人番号 is 5180001112648
    for text in (
        "５１８０００１１１２６４８",
        "5180001112648",
        "5-1800-0111-2648",
        "５１８０－００１１",
    ):
        assert _names(demo_workspace, text) == ["東洋商事株式会社"], text


def test_search_by_part_of_the_company_name(demo_workspace: Context) -> None:
    for text, expected in (
        ("化学", ["北斗化学株式会社"]),
        ("東洋", ["株式会社東洋機械", "東洋商事株式会社"]),
        ("trade", ["Pacific Trade Japan K.K."]),
        ("ＴＲＡＤＥ", ["Pacific Trade Japan K.K."]),
    ):
        assert _names(demo_workspace, text) == expected, text


def test_search_by_hierarchy_id(demo_workspace: Context) -> None:
    target = hierarchies.list_hierarchies(demo_workspace)[2]
    assert [r.code for r in hierarchies.list_hierarchies(demo_workspace, search=target.code)] == [
        target.code
    ]


def test_search_without_matches_finds_nothing(demo_workspace: Context) -> None:
    # LIKE wildcards are taken literally
    for text in ("%", "_", "\\", "zzz-nothing", "存在しない会社"):
        assert _names(demo_workspace, text) == [], text
        assert hierarchies.count_hierarchies(demo_workspace, search=text) == 0, text


def test_blank_search_lists_everything(demo_workspace: Context) -> None:
    for text in ("", "   ", None):
        assert _names(demo_workspace, text) == KANA_ORDER, text


def test_search_count_matches_the_list(demo_workspace: Context) -> None:
    assert hierarchies.count_hierarchies(demo_workspace, search="とうよう") == 2


def test_paging_with_limit_and_offset(demo_workspace: Context) -> None:
    pages = [_names(demo_workspace, limit=4, offset=o) for o in (0, 4, 8)]
    assert pages == [KANA_ORDER[:4], KANA_ORDER[4:], []]
    assert _names(demo_workspace, limit=2, offset=1) == KANA_ORDER[1:3]
    assert _names(demo_workspace, offset=5) == KANA_ORDER[5:]
    assert _names(demo_workspace, "とうよう", limit=1, offset=1) == ["東洋商事株式会社"]


def test_members_list_admins_first_then_by_reading(demo_workspace: Context) -> None:
    code = next(
        r.code for r in hierarchies.list_hierarchies(demo_workspace) if r.name == "東洋商事株式会社"
    )
    nodes = hierarchies.list_members(demo_workspace, code)
    assert nodes[0].type == "organization"
    assert nodes[0].name == "東洋商事株式会社"
    people = nodes[1:]
    assert [n.role for n in people] == ["admin"] + ["user"] * (len(people) - 1)
    users = [n.name_kana for n in people[1:]]
    assert users == sorted(users, key=lambda k: (k or "").replace(" ", ""))
    assert {n.status for n in people} == {"active", "disabled"}


def test_unknown_hierarchy_is_not_found(demo_workspace: Context) -> None:
    for call in (hierarchies.get_hierarchy, hierarchies.list_members):
        with pytest.raises(NotFoundError) as info:
            call(demo_workspace, "CH-999999")
        assert info.value.code == "hierarchy_not_found"
        assert info.value.exit_status == 1
        assert "CH-999999" in info.value.localized()


def test_sorted_by_order_volume_largest_first(demo_workspace: Context) -> None:
    from hierdesk.services import orders

    listed = hierarchies.list_hierarchies(demo_workspace, sort="volume")
    volumes = orders.volume(demo_workspace)
    assert [h.volume for h in listed] == [volumes.get(h.code, 0) for h in listed]
    shown = [h.volume or 0 for h in listed]
    assert shown == sorted(shown, reverse=True)
    assert shown[0] > shown[-1]
    # by reading, no volume is computed
    assert all(h.volume is None for h in hierarchies.list_hierarchies(demo_workspace))


def test_volume_of_a_period_counts_only_its_orders(demo_workspace: Context) -> None:
    from hierdesk.services import orders

    recent = orders.list_orders(demo_workspace, limit=1)[0]
    since = recent.ordered_at
    listed = hierarchies.list_hierarchies(demo_workspace, sort="volume", since=since)
    top = listed[0]
    assert top.volume == orders.volume(demo_workspace, since=since)[top.code] > 0
    assert sum(h.volume or 0 for h in listed) == sum(
        o.total
        for o in orders.list_orders(demo_workspace, orders.OrderFilter(since=since), limit=None)
        if o.status != "cancelled"
    )


def test_a_problem_list_keeps_only_its_hierarchies(demo_workspace: Context) -> None:
    every = [h.code for h in hierarchies.list_hierarchies(demo_workspace)]
    some = set(every[::2])
    listed = [h.code for h in hierarchies.list_hierarchies(demo_workspace, codes=some)]
    assert set(listed) == some
    assert listed == [c for c in every if c in some]  # still あいうえお順
    assert hierarchies.count_hierarchies(demo_workspace, codes=some) == len(some)
    assert hierarchies.count_hierarchies(demo_workspace, codes=()) == 0
