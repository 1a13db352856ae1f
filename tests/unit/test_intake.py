"""One request row as a site sends it (INTERFACES.md §4): every problem named by field."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from hierdesk.domain.errors import ValidationError
from hierdesk.domain.intake import FIELDS, validate_request

GOOD = {
    "external_id": "JP-2026-000123",
    "channel": "B2B-JP",
    "submitted_at": "2026-11-26T09:30:00+09:00",
    "company_name": "株式会社みなと商事",
    "company_name_kana": "みなとしょうじ",
    "corporate_number": "８７００１１０００５９０１",
    "invoice_registration_number": "T8700110005901",
    "email": "Hanako.Sato@minato.example.jp",
    "last_name": "佐藤",
    "first_name": "花子",
    "last_name_kana": "ｻﾄｳ",
    "first_name_kana": "ハナコ",
    "postal_code": "〒１００－０００１",
    "prefecture": "東京",
    "employee_count": "１，２００",
}


def _codes(errors: list[ValidationError]) -> dict[str, str]:
    return {str(e.field): e.code for e in errors}


def test_a_clean_partner_request_is_normalised() -> None:
    request, errors = validate_request(GOOD, row=1)
    assert errors == []
    assert request is not None
    assert request["kind"] == "partner"
    assert request["company_name_kana"] == "ミナトショウジ"
    assert request["last_name_kana"] == "サトウ"
    assert request["corporate_number"] == "8700110005901"
    assert request["postal_code"] == "100-0001"
    assert request["prefecture"] == "13"
    assert request["employee_count"] == 1200
    assert request["submitted_at"] == datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    assert request["email"] == "Hanako.Sato@minato.example.jp"  # stored as typed
    assert request["language"] == "ja"


def test_every_problem_of_a_row_is_reported_with_its_field_and_row() -> None:
    bad = dict(GOOD)
    bad.update(
        corporate_number="1700110005901",  # wrong check digit
        invoice_registration_number="T123",
        email="not an address",
        postal_code="12-34",
        prefecture="Atlantis",
        employee_count="-5",
        language="fr",
        last_name="",
    )
    request, errors = validate_request(bad, row=7)
    assert request is None
    assert _codes(errors) == {
        "corporate_number": "corporate_number_check_digit",
        "invoice_registration_number": "invoice_number_format",
        "email": "email_invalid",
        "postal_code": "postal_code_format",
        "prefecture": "prefecture_unknown",
        "employee_count": "employee_count_invalid",
        "language": "language_unknown",
        "last_name": "field_required",
    }
    assert {e.row for e in errors} == {7}


def test_the_invoice_number_of_a_corporation_must_be_its_corporate_number() -> None:
    bad = dict(GOOD, invoice_registration_number="T1234567890123")
    _request, errors = validate_request(bad)
    assert _codes(errors) == {"invoice_registration_number": "invoice_number_mismatch"}


def test_channel_comes_from_the_option_when_the_row_has_none() -> None:
    row = {k: v for k, v in GOOD.items() if k != "channel"}
    _request, errors = validate_request(row)
    assert _codes(errors) == {"channel": "field_required"}
    request, errors = validate_request(row, default_channel="B2B-PRO")
    assert errors == []
    assert request is not None
    assert request["channel"] == "B2B-PRO"


def test_add_user_needs_the_hierarchy_and_who_asked_but_no_company() -> None:
    row = {k: v for k, v in GOOD.items() if not k.startswith(("company", "corporate", "invoice"))}
    row["kind"] = "add_user"
    _request, errors = validate_request(row)
    assert _codes(errors) == {"hierarchy_id": "field_required", "requested_by": "field_required"}
    row.update(hierarchy_id="CH-000001", requested_by="admin@minato.example.jp")
    request, errors = validate_request(row)
    assert errors == []
    assert request is not None
    assert request["kind"] == "add_user"


def test_too_long_and_control_characters_are_refused() -> None:
    bad = dict(GOOD, company_name="株" * 201, department="営業\x00部")
    _request, errors = validate_request(bad)
    assert _codes(errors) == {
        "company_name": "field_too_long",
        "department": "field_control_characters",
    }


@given(
    st.dictionaries(
        st.sampled_from(FIELDS), st.one_of(st.text(max_size=60), st.integers(), st.none())
    )
)
def test_any_row_gives_a_request_or_errors_naming_fields(row: dict[str, object]) -> None:
    request, errors = validate_request(row, row=3)
    assert (request is None) == bool(errors)
    for error in errors:
        assert error.field
        assert error.row == 3
        assert error.localized()
