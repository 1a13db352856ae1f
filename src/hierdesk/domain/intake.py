"""Validation of one request as it arrives from a site (INTERFACES.md §4).

Pure Python: the file readers and the import service call :func:`validate_request` for
every row and collect the errors it returns — every problem of a row at once, each naming
its field, so that a clerk can fix a file in one pass. A row with errors is not imported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from hierdesk.domain import jp
from hierdesk.domain.errors import ValidationError
from hierdesk.domain.model import REQUEST_KINDS
from hierdesk.domain.rows import iso_moment
from hierdesk.i18n.core import N_

#: Field lengths (characters) as the schema stores them.
LIMITS: Final = {
    "external_id": 60,
    "channel": 20,
    "company_name": 200,
    "company_name_kana": 200,
    "email": 254,
    "last_name": 100,
    "first_name": 100,
    "last_name_kana": 100,
    "first_name_kana": 100,
    "phone": 40,
    "job_title": 100,
    "department": 100,
    "city": 100,
    "address_line1": 200,
    "address_line2": 200,
    "comments": 4000,
    "hierarchy_id": 20,
    "requested_by": 254,
}

#: Length of the search keys (name and kana) stored beside a request.
KEY_LIMIT: Final = 200

FIELDS: Final = (
    "external_id",
    "kind",
    "channel",
    "submitted_at",
    "company_name",
    "company_name_kana",
    "corporate_number",
    "invoice_registration_number",
    "email",
    "last_name",
    "first_name",
    "last_name_kana",
    "first_name_kana",
    "phone",
    "job_title",
    "department",
    "postal_code",
    "prefecture",
    "city",
    "address_line1",
    "address_line2",
    "employee_count",
    "language",
    "comments",
    "hierarchy_id",
    "requested_by",
)


@dataclass
class RequestInput:
    """A request that passed validation: what the user typed, normalised where the rules
    say so (kana to katakana, identifiers to their canonical form)."""

    values: dict[str, object] = field(default_factory=dict)
    #: the search keys of the company name and reading, as stored beside the request
    name_key: str = ""
    kana_key: str = ""

    def __getitem__(self, key: str) -> object:
        return self.values.get(key)


def _text(raw: Mapping[str, object], name: str) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def _control_characters(text: str) -> bool:
    """Control characters (but tab, line feed and carriage return), and lone surrogates (a
    JSON file can hold "\\ud800"), which no database can store."""
    return _CONTROL.search(text) is not None


def _unstorable(text: str) -> bool:
    """What even a free-text field cannot hold: NUL (PostgreSQL refuses it) and lone
    surrogates."""
    return _UNSTORABLE.search(text) is not None


def _too_long_written_out(name: str, row: int | None, limit: int, count: int) -> ValidationError:
    return ValidationError(
        "field_too_long_written_out",
        N_(
            "{field}: at most {limit} characters once written out in full (㍿ is 株式会社, "
            "㌀ is アパート); this value has {count}."
        ),
        field=name,
        row=row,
        limit=limit,
        count=count,
    )


def validate_request(
    raw: Mapping[str, object], *, row: int | None = None, default_channel: str | None = None
) -> tuple[RequestInput | None, list[ValidationError]]:
    """Check one request. Returns the normalised request, or None and every error."""
    errors: list[ValidationError] = []
    out: dict[str, object] = {}
    # every field as text, stripped, once (None: missing or blank)
    texts = {str(k): _text(raw, k) for k in raw}

    def fail(err: ValidationError) -> None:
        err.row = row
        err.params["row"] = row
        errors.append(err)

    def required(name: str) -> str | None:
        value = texts.get(name)
        if value is None:
            fail(
                ValidationError(
                    "field_required", N_("{field}: a value is required."), field=name, row=row
                )
            )
        return value

    for name, limit in LIMITS.items():
        value = texts.get(name)
        if value is None:
            continue
        if len(value) > limit:
            fail(
                ValidationError(
                    "field_too_long",
                    N_("{field}: at most {limit} characters; this value has {count}."),
                    field=name,
                    row=row,
                    limit=limit,
                    count=len(value),
                )
            )
        elif _control_characters(value) if name != "comments" else _unstorable(value):
            fail(
                ValidationError(
                    "field_control_characters",
                    N_("{field}: the value contains control characters."),
                    field=name,
                    row=row,
                )
            )
        else:
            out[name] = value

    kind = texts.get("kind") or "partner"
    if kind not in REQUEST_KINDS:
        fail(
            ValidationError(
                "request_kind_unknown",
                N_("{field}: “{value}” is not a kind of request; use partner or add_user."),
                field="kind",
                row=row,
                value=kind,
            )
        )
    out["kind"] = kind

    required("external_id")
    channel = texts.get("channel") or default_channel
    if channel is None:
        fail(
            ValidationError(
                "field_required", N_("{field}: a value is required."), field="channel", row=row
            )
        )
    else:
        out["channel"] = channel
    if kind == "partner":
        required("company_name")
    else:
        required("hierarchy_id")
        required("requested_by")
    required("last_name")
    required("first_name")

    email = required("email")
    if email is not None:
        try:
            out["email"] = jp.validate_email(email)
        except ValidationError as err:
            fail(err)
    requested_by = texts.get("requested_by")
    if requested_by is not None:
        try:
            out["requested_by"] = jp.validate_email(requested_by, "requested_by")
        except ValidationError as err:
            fail(err)

    checks = (
        ("company_name_kana", lambda v: jp.validate_kana(v, "company_name_kana")),
        ("last_name_kana", lambda v: jp.validate_kana(v, "last_name_kana")),
        ("first_name_kana", lambda v: jp.validate_kana(v, "first_name_kana")),
        ("corporate_number", jp.validate_corporate_number),
        ("postal_code", jp.validate_postal_code),
        ("prefecture", jp.validate_prefecture),
    )
    for name, check in checks:
        value = texts.get(name)
        if value is not None:
            try:
                out[name] = check(value)
            except ValidationError as err:
                fail(err)

    for name in ("company_name_kana", "last_name_kana", "first_name_kana"):
        kana = out.get(name)
        if isinstance(kana, str) and len(kana) > LIMITS[name]:
            out.pop(name)
            fail(_too_long_written_out(name, row, LIMITS[name], len(kana)))
    # the search keys stored beside the request (NFKC, case folded: ﷺ is 18 letters)
    name_key = jp.search_key(str(out.get("company_name") or ""))
    kana_key = jp.search_key(str(out.get("company_name_kana") or ""))
    for name, key in (("company_name", name_key), ("company_name_kana", kana_key)):
        if len(key) > KEY_LIMIT:
            fail(_too_long_written_out(name, row, KEY_LIMIT, len(key)))

    invoice = texts.get("invoice_registration_number")
    if invoice is not None:
        corporate = out.get("corporate_number")
        try:
            out["invoice_registration_number"] = jp.validate_invoice_number(
                invoice, corporate if isinstance(corporate, str) else None
            )
        except ValidationError as err:
            fail(err)

    submitted = texts.get("submitted_at")
    if submitted is not None:
        try:
            out["submitted_at"] = iso_moment(submitted)
        except ValueError:
            fail(
                ValidationError(
                    "date_invalid",
                    N_(
                        "{field}: “{value}” is not an ISO 8601 date and time such as "
                        "2026-11-26T09:30:00+09:00."
                    ),
                    field="submitted_at",
                    row=row,
                    value=submitted,
                )
            )

    employees = texts.get("employee_count")
    if employees is not None:
        digits = jp.nfkc(employees).replace(",", "")
        # ASCII digits only (str.isdigit() also takes ², 𐩀, … that int() refuses), and no
        # more than fit, before int() (which refuses more than 4300 digits)
        if re.fullmatch(r"[0-9]{1,8}", digits) and int(digits) <= 10_000_000:
            out["employee_count"] = int(digits)
        else:
            fail(
                ValidationError(
                    "employee_count_invalid",
                    N_("{field}: a whole number of 0 or more is expected; got “{value}”."),
                    field="employee_count",
                    row=row,
                    value=employees,
                )
            )

    language = (texts.get("language") or "ja").lower()
    if language not in ("ja", "en"):
        fail(
            ValidationError(
                "language_unknown",
                N_("{field}: “{value}” is not a language; use ja or en."),
                field="language",
                row=row,
                value=language,
            )
        )
    out["language"] = language

    if errors:
        return None, errors
    return RequestInput(out, name_key, kana_key), []
