"""The customers distribution job and sign-in linking without a database (DOMAIN.md rules 9,
11, 15; INTERFACES.md §5, §6): what each site's file holds, what a run changes, which
outcome a sign-in gets when several problems apply, and the rows a sign-in file may hold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from hierdesk.domain.distribution import (
    LINKED,
    OUTCOMES,
    PROBLEMS,
    Candidate,
    HierarchySnapshot,
    PersonSnapshot,
    changes,
    channel_content,
    decide_signin,
    document,
    fingerprint,
    next_step,
    same_content,
    usable_channels,
    validate_signin,
)
from hierdesk.i18n.core import set_language

SITES = ("B2B-EN", "B2B-JP", "B2B-PRO")


def person(cid: int, account: str, role: str = "user", name: str = "山田 太郎") -> PersonSnapshot:
    return PersonSnapshot(cid, account, name, f"{account.lower()}@example.jp", role)


def hierarchy(
    code: str,
    org: tuple[int, str],
    members: tuple[PersonSnapshot, ...],
    grants: tuple[str, ...] = (),
    catalogs: dict[str, frozenset[str]] | None = None,
    name: str | None = None,
) -> HierarchySnapshot:
    return HierarchySnapshot(
        code=code,
        name=name or f"株式会社{code}",
        organization_id=org[0],
        organization_account=org[1],
        organization_name=f"株式会社{code}",
        organization_email=None,
        grants=frozenset(grants),
        members=members,
        catalogs=catalogs or {},
    )


#: H1 has no grants; H2 may use B2B-JP; H3 B2B-EN and a site that is no longer active.
H1 = hierarchy("CH-1", (1, "C001"), (person(2, "C002", "admin"), person(3, "C003")))
H2 = hierarchy("CH-2", (4, "C004"), (person(5, "C005", "admin"),), grants=("B2B-JP",))
H3 = hierarchy("CH-3", (6, "C006"), (person(7, "C007", "admin"),), grants=("B2B-EN", "B2B-OLD"))
ALL = (H3, H1, H2)  # unsorted on purpose


def accounts(channel: str, *, restriction: bool) -> list[str]:
    content = channel_content(channel, ALL, SITES, restriction=restriction, catalogs_on=False)
    return [c["account"] for c in content.customers]


# --- rule 9: which sites a hierarchy may use ----------------------------------------------


def test_usable_channels_follow_rule_9() -> None:
    assert usable_channels((), SITES, restriction=True) == SITES
    assert usable_channels(("B2B-JP",), SITES, restriction=False) == SITES
    assert usable_channels(("B2B-PRO", "B2B-JP"), SITES, restriction=True) == ("B2B-JP", "B2B-PRO")
    # a grant of a site that is not active any more gives no site
    assert usable_channels(("B2B-OLD",), SITES, restriction=True) == ()


# --- §5: the content of a site's file ------------------------------------------------------


def test_without_restriction_every_site_publishes_every_hierarchy() -> None:
    everyone = ["C001", "C002", "C003", "C004", "C005", "C006", "C007"]
    for site in SITES:
        assert accounts(site, restriction=False) == everyone
        content = channel_content(site, ALL, SITES, restriction=False, catalogs_on=False)
        assert [h["id"] for h in content.hierarchies] == ["CH-1", "CH-2", "CH-3"]
        assert all(h["channels"] == list(SITES) for h in content.hierarchies)


def test_with_restriction_a_hierarchy_is_only_in_the_files_of_its_granted_sites() -> None:
    assert accounts("B2B-JP", restriction=True) == ["C001", "C002", "C003", "C004", "C005"]
    assert accounts("B2B-EN", restriction=True) == ["C001", "C002", "C003", "C006", "C007"]
    assert accounts("B2B-PRO", restriction=True) == ["C001", "C002", "C003"]
    content = channel_content("B2B-EN", ALL, SITES, restriction=True, catalogs_on=False)
    by_id = {h["id"]: h for h in content.hierarchies}
    assert by_id["CH-1"]["channels"] == list(SITES)  # no grants: every site
    assert by_id["CH-3"]["channels"] == ["B2B-EN"]  # the inactive site is not offered
    assert "CH-2" not in by_id


def test_a_customer_record_names_its_hierarchy_role_and_type() -> None:
    content = channel_content("B2B-JP", [H1], SITES, restriction=True, catalogs_on=False)
    records = {c["account"]: c for c in content.customers}
    assert records["C001"] == {
        "account": "C001",
        "type": "organization",
        "name": "株式会社CH-1",
        "email": None,
        "hierarchy": "CH-1",
        "role": None,
        "status": "active",
    }
    assert records["C002"]["type"] == "person"
    assert records["C002"]["role"] == "admin"
    assert records["C003"]["role"] == "user"
    assert records["C003"]["email"] == "c003@example.jp"
    assert content.hierarchies[0]["organization"] == "C001"
    assert set(content.fingerprints) == {1, 2, 3}  # customer ids of everything published


def test_the_document_has_the_documented_keys_and_same_content_ignores_the_time() -> None:
    content = channel_content("B2B-JP", ALL, SITES, restriction=True, catalogs_on=False)
    first = document(content, "2026-11-26T00:00:00+00:00")
    assert set(first) == {"channel", "generated_at", "customers", "hierarchies"}
    assert first["channel"] == "B2B-JP"
    later = document(content, "2026-11-27T00:00:00+00:00")
    assert same_content(first, later)
    other = channel_content("B2B-EN", ALL, SITES, restriction=True, catalogs_on=False)
    assert not same_content(first, document(other, "2026-11-26T00:00:00+00:00"))


def test_fingerprints_change_exactly_when_what_is_published_changes() -> None:
    def prints(hs: Any, site: str = "B2B-JP", restriction: bool = True) -> Any:
        return channel_content(site, hs, SITES, restriction=restriction, catalogs_on=False)

    base = prints([H1]).fingerprints
    assert prints([H1]).fingerprints == base  # stable
    promoted = hierarchy(
        "CH-1", (1, "C001"), (person(2, "C002", "admin"), person(3, "C003", "admin"))
    )
    changed = prints([promoted]).fingerprints
    assert {cid for cid in base if base[cid] != changed[cid]} == {3}
    renamed = hierarchy("CH-1", (1, "C001"), H1.members, name="新しい名前")
    # the hierarchy's entry is part of every customer's record
    assert all(prints([renamed]).fingerprints[cid] != base[cid] for cid in base)
    granted = hierarchy("CH-1", (1, "C001"), H1.members, grants=("B2B-JP",))
    assert all(prints([granted]).fingerprints[cid] != base[cid] for cid in base)
    assert fingerprint({"a": 1, "b": 2}) == fingerprint({"b": 2, "a": 1})
    assert fingerprint("x") != fingerprint("y")


# --- rule 15: catalogs -----------------------------------------------------------------------


def test_with_catalogs_on_a_hierarchy_without_a_catalog_on_the_site_is_held_back() -> None:
    standard = frozenset({"B2B-JP", "B2B-EN"})
    c1 = hierarchy("CH-1", (1, "C001"), H1.members, catalogs={"CAT-STD": standard})
    c2 = hierarchy("CH-2", (4, "C004"), H2.members, grants=("B2B-JP",))  # no catalog at all
    c3 = hierarchy(
        "CH-3",
        (6, "C006"),
        H3.members,
        grants=("B2B-EN",),
        catalogs={"CAT-PRO": frozenset({"B2B-PRO"}), "CAT-EXPORT": frozenset({"B2B-EN"})},
    )
    hs = (c1, c2, c3)

    def run(site: str, on: bool) -> Any:
        return channel_content(site, hs, SITES, restriction=True, catalogs_on=on)

    jp = run("B2B-JP", True)
    assert [h["id"] for h in jp.hierarchies] == ["CH-1"]
    assert jp.held_back == ("CH-2",)
    assert [c["account"] for c in jp.customers] == ["C001", "C002", "C003"]
    assert set(jp.fingerprints) == {1, 2, 3}
    en = run("B2B-EN", True)
    assert [(h["id"], h["catalogs"]) for h in en.hierarchies] == [
        ("CH-1", ["CAT-STD"]),
        ("CH-3", ["CAT-EXPORT"]),  # only the catalogs offered on this site
    ]
    assert en.held_back == ()  # CH-2 may not use B2B-EN: not held back, just not there
    pro = run("B2B-PRO", True)
    assert pro.hierarchies == ()
    assert pro.held_back == ("CH-1",)  # CH-1 may use B2B-PRO but has no catalog there
    # with the feature off nothing is held back; the catalogs are still listed
    off = run("B2B-JP", False)
    assert [(h["id"], h["catalogs"]) for h in off.hierarchies] == [
        ("CH-1", ["CAT-STD"]),
        ("CH-2", []),
    ]
    assert off.held_back == ()


# --- what a run changes -----------------------------------------------------------------------


def test_changes_sort_customers_into_added_updated_withdrawn() -> None:
    current = {1: "a", 2: "b2", 3: "c", 5: "e"}
    published = {
        1: ("a", False),  # unchanged
        2: ("b", False),  # changed
        4: ("d", False),  # no longer published
        5: ("e", True),  # withdrawn earlier, back now
        6: ("f", True),  # withdrawn earlier and still absent
    }
    got = changes(current, published)
    assert got.added == (3, 5)
    assert got.updated == (2,)
    assert got.withdrawn == (4,)
    assert got.count == 4
    assert changes(current, {k: (v, False) for k, v in current.items()}).count == 0
    assert changes({}, {}).count == 0
    first = changes({9: "x", 8: "y"}, {})
    assert (first.added, first.updated, first.withdrawn) == ((8, 9), (), ())


# --- §6: the outcome of a sign-in -------------------------------------------------------------


def cand(cid: int = 10, *, may_use: bool = True, distributed: bool = True) -> Candidate:
    return Candidate(cid, f"C{cid:03d}", "CH-1", may_use, distributed)


def test_outcomes_are_listed_in_the_documented_order() -> None:
    assert PROBLEMS == (
        "auto_link_disabled",
        "identity_not_found",
        "multiple_accounts",
        "channel_denied",
        "not_distributed",
    )
    assert set(OUTCOMES) == {"linked", "already_linked", *PROBLEMS}
    assert set(LINKED).isdisjoint(PROBLEMS)


def test_when_several_problems_apply_the_first_in_the_documented_order_is_reported() -> None:
    """Start with every problem at once and remove them one by one: each step reveals the
    next problem in the order of INTERFACES.md §6, and the last step links."""
    bad = cand(10, may_use=False, distributed=False)
    steps: list[tuple[bool, list[Candidate]]] = [
        (False, []),  # everything wrong; with no candidate only two problems can apply
        (True, []),
        (True, [bad, cand(11, may_use=False, distributed=False)]),
        (True, [bad]),
        (True, [cand(10, may_use=True, distributed=False)]),
        (True, [cand(10)]),
    ]
    got = [decide_signin(auto_link=a, candidates=c, linked_to=None).outcome for a, c in steps]
    assert got == [*PROBLEMS, "linked"]
    # automatic linking off outweighs even a person ready to link
    assert decide_signin(auto_link=False, candidates=[cand()], linked_to=10).outcome == (
        "auto_link_disabled"
    )
    # two people, both ready: still ambiguous
    two = [cand(10), cand(11)]
    assert decide_signin(auto_link=True, candidates=two, linked_to=10).outcome == (
        "multiple_accounts"
    )
    # a denied site outweighs a missing distribution
    denied = decide_signin(auto_link=True, candidates=[bad], linked_to=None)
    assert denied.outcome == "channel_denied"
    assert denied.customer_id == 10
    assert denied.detail == {"customer": "C010", "hierarchy": "CH-1"}


def test_multiple_accounts_names_every_account() -> None:
    got = decide_signin(auto_link=True, candidates=[cand(12), cand(3)], linked_to=None)
    assert got.customer_id is None
    assert got.detail == {"customers": ["C003", "C012"]}


def test_linked_and_already_linked() -> None:
    linked = decide_signin(auto_link=True, candidates=[cand(10)], linked_to=None)
    assert (linked.outcome, linked.customer_id) == ("linked", 10)
    assert linked.detail == {"customer": "C010", "hierarchy": "CH-1"}
    again = decide_signin(auto_link=True, candidates=[cand(10)], linked_to=10)
    assert (again.outcome, again.customer_id) == ("already_linked", 10)
    # linked before to somebody else: linked to the one person now found
    moved = decide_signin(auto_link=True, candidates=[cand(10)], linked_to=99)
    assert (moved.outcome, moved.customer_id) == ("linked", 10)
    # a linked identity whose site was taken away is not "already linked"
    revoked = decide_signin(auto_link=True, candidates=[cand(10, may_use=False)], linked_to=10)
    assert revoked.outcome == "channel_denied"


# --- the rows of a sign-in file ---------------------------------------------------------------


def test_a_valid_row() -> None:
    row = {
        "identity_id": " idp|123 ",
        "email": "ＴＡＲＯ@Minato.Example.JP",
        "channel": "B2B-JP",
        "signed_in_at": "2026-11-26T09:30:00+09:00",
    }
    signin, errors = validate_signin(row, row=4)
    assert errors == []
    assert signin is not None
    assert signin.identity_id == "idp|123"
    assert signin.email == "TARO@Minato.Example.JP"  # NFKC, as typed otherwise
    assert signin.channel == "B2B-JP"
    assert signin.signed_in_at == datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    assert signin.signed_in_at.utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2026-11-26T00:30:00Z", datetime(2026, 11, 26, 0, 30, tzinfo=UTC)),
        ("2026-11-26T00:30:00", datetime(2026, 11, 26, 0, 30, tzinfo=UTC)),  # naive: UTC
        (
            "2026-11-26T09:30:00+09:00",
            datetime(2026, 11, 26, 9, 30, tzinfo=timezone(timedelta(hours=9))),
        ),
        ("", None),
    ],
)
def test_sign_in_times(when: str, expected: datetime | None) -> None:
    raw = {"identity_id": "i", "email": "a@b.example.jp", "channel": "S", "signed_in_at": when}
    signin, errors = validate_signin(raw, row=1)
    assert errors == []
    assert signin is not None
    assert signin.signed_in_at == expected


def test_problems_name_the_row_and_the_field() -> None:
    signin, errors = validate_signin(
        {"identity_id": "  ", "email": "not-an-address", "signed_in_at": "yesterday"}, row=7
    )
    assert signin is None
    assert {(e.row, e.field, e.code) for e in errors} == {
        (7, "identity_id", "field_required"),
        (7, "email", "email_invalid"),
        (7, "channel", "field_required"),
        (7, "signed_in_at", "date_invalid"),
    }
    assert all(e.params["row"] == 7 for e in errors)
    assert any("yesterday" in e.english() for e in errors)
    long_id, errors = validate_signin(
        {"identity_id": "x" * 101, "email": "a@b.example.jp", "channel": "S"}, row=2
    )
    assert long_id is None
    assert [(e.row, e.field, e.code) for e in errors] == [(2, "identity_id", "field_too_long")]
    assert "101" in errors[0].english()
    exactly, errors = validate_signin(
        {"identity_id": "x" * 100, "email": "a@b.example.jp", "channel": "S"}, row=2
    )
    assert exactly is not None
    assert errors == []


# --- what a clerk reads -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "detail", "must_name"),
    [
        ("linked", {"customer": "C010", "hierarchy": "CH-1"}, ["C010"]),
        ("already_linked", {"customer": "C010", "hierarchy": "CH-1"}, ["C010"]),
        ("auto_link_disabled", {}, ["Link pending"]),
        ("identity_not_found", {}, ["Link pending"]),
        ("identity_not_found", {"disabled": "C044", "hierarchy": "CH-9"}, ["C044", "CH-9"]),
        ("multiple_accounts", {"customers": ["C003", "C012"]}, ["C003", "C012"]),
        ("channel_denied", {"customer": "C010", "hierarchy": "CH-1"}, ["CH-1", "B2B-JP"]),
        ("not_distributed", {"customer": "C010", "hierarchy": "CH-1"}, ["C010", "B2B-JP"]),
    ],
)
def test_the_next_step_names_what_the_clerk_acts_on(
    outcome: str, detail: dict[str, Any], must_name: list[str]
) -> None:
    set_language("en")
    text = next_step(outcome, detail, channel="B2B-JP")
    assert text
    for word in must_name:
        assert word in text
    # every problem has its own advice
    if outcome in PROBLEMS:
        others = {next_step(o, {}, channel="B2B-JP") for o in PROBLEMS if o != outcome}
        assert text not in others
