"""Channel access without a database (DOMAIN.md rule 9): every combination of the things
that decide it, against a decision table written out here, independently of the code."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from hierdesk.domain.access import REASONS, decide
from hierdesk.i18n.core import _, set_language

CHANNEL = "B2B-JP"
#: the hierarchy's grants: none, some including the channel asked about, some without it
GRANTS = {
    "none": (),
    "including": ("B2B-EN", CHANNEL),
    "not_including": ("B2B-EN", "B2B-PRO"),
}

ANY = object()

#: The decision table, first matching row wins:
#: (b2b, channel active, in hierarchy, member active, restriction, grants) → (allowed, reason)
TABLE: list[tuple[tuple[Any, ...], tuple[bool, str]]] = [
    ((False, ANY, ANY, ANY, ANY, ANY), (False, "b2b_disabled")),
    ((True, False, ANY, ANY, ANY, ANY), (False, "channel_inactive")),
    ((True, True, False, ANY, ANY, ANY), (False, "not_in_hierarchy")),
    ((True, True, True, False, ANY, ANY), (False, "member_disabled")),
    ((True, True, True, True, False, ANY), (True, "restriction_off")),
    ((True, True, True, True, True, "none"), (True, "no_grants")),
    ((True, True, True, True, True, "including"), (True, "granted")),
    ((True, True, True, True, True, "not_including"), (False, "not_granted")),
]

COMBINATIONS = list(
    itertools.product(
        (True, False),  # feature b2b
        (True, False),  # the channel is active
        (True, False),  # the customer is in a hierarchy
        (True, False),  # the member is active
        (True, False),  # feature channel_restriction
        tuple(GRANTS),
    )
)


def _expected(combination: tuple[Any, ...]) -> tuple[bool, str]:
    matching = [
        outcome
        for pattern, outcome in TABLE
        if all(p is ANY or p == c for p, c in zip(pattern, combination, strict=True))
    ]
    assert matching, combination  # the table covers every combination
    return matching[0]


def test_the_table_covers_all_96_combinations() -> None:
    assert len(COMBINATIONS) == 2 * 2 * 2 * 2 * 2 * 3
    assert {_expected(c)[1] for c in COMBINATIONS} == set(REASONS)


@pytest.mark.parametrize(
    ("b2b", "channel_active", "in_hierarchy", "member_active", "restriction", "grants"),
    COMBINATIONS,
)
def test_every_combination_is_decided_as_the_table_says(
    b2b: bool,
    channel_active: bool,
    in_hierarchy: bool,
    member_active: bool,
    restriction: bool,
    grants: str,
) -> None:
    combination = (b2b, channel_active, in_hierarchy, member_active, restriction, grants)
    decision = decide(
        b2b=b2b,
        restriction=restriction,
        channel=CHANNEL,
        channel_active=channel_active,
        in_hierarchy=in_hierarchy,
        member_active=member_active,
        grants=GRANTS[grants],
    )
    assert (decision.allowed, decision.reason) == _expected(combination)


def test_only_five_combinations_let_the_customer_in() -> None:
    """Allowed exactly when B2B is on, the site is active, the customer an active member,
    and either the restriction is off or the grants do not exclude the site (rule 9)."""
    allowed = [
        c
        for c in COMBINATIONS
        if decide(
            b2b=c[0],
            channel_active=c[1],
            in_hierarchy=c[2],
            member_active=c[3],
            restriction=c[4],
            channel=CHANNEL,
            grants=GRANTS[c[5]],
        ).allowed
    ]
    assert sorted(allowed) == sorted(
        (True, True, True, True, restriction, grants)
        for restriction, grants in [
            (False, "none"),
            (False, "including"),
            (False, "not_including"),
            (True, "none"),
            (True, "including"),
        ]
    )


def test_grants_are_matched_by_the_whole_code() -> None:
    def allowed(channel: str, grants: tuple[str, ...]) -> bool:
        return decide(
            b2b=True,
            restriction=True,
            channel=channel,
            channel_active=True,
            in_hierarchy=True,
            member_active=True,
            grants=grants,
        ).allowed

    assert allowed("B2B-JP", ("B2B-JP",))
    assert not allowed("B2B-J", ("B2B-JP",))
    assert not allowed("B2B-JP", ("B2B-JP2",))
    assert not allowed("b2b-jp", ("B2B-JP",))


def test_every_reason_reads_as_words_in_both_languages() -> None:
    set_language("ja")
    for code, words in REASONS.items():
        assert " " in words, code  # words, not a code
        assert _(words) != words, code  # translated
