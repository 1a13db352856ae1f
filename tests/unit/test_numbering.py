"""Number sequence formats (DOMAIN.md rule 10): validated when saved, rendered with padding."""

from __future__ import annotations

import pytest

from hierdesk.domain.errors import ValidationError
from hierdesk.domain.numbering import SequenceFormat, parse_format, validate_sequence


def test_default_formats_render_the_ids_users_see() -> None:
    assert parse_format("CH-######").render(1) == "CH-000001"
    assert parse_format("C######").render(42) == "C000042"
    assert parse_format("CH-######").render(999_999) == "CH-999999"


def test_constants_before_and_after_the_run_are_kept() -> None:
    fmt = parse_format("INV-####-JP")
    assert fmt == SequenceFormat("INV-", 4, "-JP")
    assert fmt.render(7) == "INV-0007-JP"
    assert fmt.capacity == 9999


def test_format_of_only_hashes_has_no_constants() -> None:
    fmt = parse_format("#####")
    assert fmt.render(12) == "00012"
    assert fmt.capacity == 99_999


def test_japanese_constants_are_allowed() -> None:
    assert parse_format("顧客-###").render(5) == "顧客-005"


@pytest.mark.parametrize("text", ["CH-", "", "ABC"])
def test_format_without_a_run_of_hashes_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_format(text)
    assert info.value.code == "sequence_format_no_run"
    assert info.value.field == "format"
    assert info.value.exit_status == 1


@pytest.mark.parametrize(("text", "runs"), [("CH-###-##", 2), ("#A#B#", 3)])
def test_format_with_several_runs_is_refused_naming_the_count(text: str, runs: int) -> None:
    with pytest.raises(ValidationError) as info:
        parse_format(text)
    assert info.value.code == "sequence_format_two_runs"
    assert text in str(info.value)
    assert str(runs) in str(info.value)


@pytest.mark.parametrize("text", ["CH ######", "CH-######\t", "C\n###"])
def test_spaces_or_control_characters_in_the_constants_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_format(text)
    assert info.value.code == "sequence_format_characters"


def test_format_longer_than_twenty_characters_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        parse_format("CUSTOMER-ACCOUNT-####")  # 21 characters
    assert info.value.code == "sequence_format_too_long"
    assert parse_format("CUSTOMER-ACCOUNT-###").width == 3  # 20 characters fit


def test_field_name_is_reported() -> None:
    with pytest.raises(ValidationError) as info:
        parse_format("none", field="format_hierarchy")
    assert info.value.field == "format_hierarchy"
    assert "format_hierarchy" in str(info.value)


def test_valid_sequence_settings_are_accepted() -> None:
    assert validate_sequence("CH-######", 1, 999_999, 1).width == 6
    # next = largest + 1 is a used-up sequence, which is a valid state to save
    assert validate_sequence("CH-##", 1, 99, 100).width == 2


def test_largest_that_does_not_fit_the_run_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        validate_sequence("CH-###", 1, 1000, 1)
    assert info.value.code == "sequence_largest_does_not_fit"
    assert info.value.field == "largest"
    assert "999" in str(info.value)  # says what the format holds


def test_largest_below_smallest_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        validate_sequence("CH-###", 500, 100, 500)
    assert info.value.code == "sequence_largest_below_smallest"
    assert info.value.field == "largest"


def test_negative_smallest_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        validate_sequence("CH-###", -1, 100, 1)
    assert info.value.code == "sequence_smallest_negative"
    assert info.value.field == "smallest"


@pytest.mark.parametrize("next_", [9, 102, 10_000])
def test_next_outside_smallest_to_largest_is_refused(next_: int) -> None:
    with pytest.raises(ValidationError) as info:
        validate_sequence("CH-###", 10, 100, next_)
    assert info.value.code == "sequence_next_out_of_range"
    assert info.value.field == "next"
    assert str(next_) in str(info.value)


def test_bad_format_is_reported_before_the_numbers() -> None:
    with pytest.raises(ValidationError) as info:
        validate_sequence("CH-", -5, -10, 0)
    assert info.value.code == "sequence_format_no_run"
