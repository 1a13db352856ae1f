"""Intake of requests from the sites (``request import``, INTERFACES.md §4)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select

from hierdesk.data.schema import Channel, Request, utcnow
from hierdesk.domain.dto import ImportResult
from hierdesk.domain.errors import RuleError, ValidationError
from hierdesk.domain.intake import validate_request
from hierdesk.domain.jp import normalize_email
from hierdesk.domain.rows import file_label, open_rows
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.context import Context
from hierdesk.services.features import FeatureNames, is_enabled


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RuleError(
            "file_unreadable",
            N_("The file {path} cannot be read: {detail}"),
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from None


#: rows per INSERT: one statement for many rows, without holding the whole file's rows
INSERT_BATCH = 2000


def import_requests(
    ctx: Context,
    data: bytes,
    name: str,
    *,
    encoding: str = "utf-8",
    channel: str | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportResult:
    """Import every valid row in one transaction with its audit entry. Rows with errors
    are reported and skipped; a row seen before (same site and request number) is counted
    as a duplicate and changes nothing.

    ``progress(done, total)`` is called as rows are checked; when it returns False the
    import stops and nothing at all is imported."""
    # one row at a time (a file of 50,000 rows is never held as 50,000 dicts); a file that
    # turns out not to be JSON or CSV further down rolls back what was read before it
    total, rows = open_rows(data, name, encoding)
    errors: list[ValidationError] = []
    imported = duplicates = 0
    with ctx.db.write() as session:
        ctx.require(session, "clerk", N_("import requests"))
        if not is_enabled(session, "b2b"):
            raise RuleError(
                "feature_off",
                N_(
                    "Requests from the sites need {feature}. An administrator switches it on "
                    "under Settings ▸ Feature management."
                ),
                feature=FeatureNames(("b2b",)),
            )
        channels = set(session.execute(select(Channel.code)).scalars())
        seen = {
            (c, e) for c, e in session.execute(select(Request.channel_code, Request.external_id))
        }
        now = utcnow()
        table = cast(Table, Request.__table__)
        new_rows: list[dict[str, Any]] = []
        for done, (row, raw) in enumerate(rows, 1):
            if progress is not None and done % 25 == 1 and not progress(done - 1, total):
                raise RuleError(
                    "import_cancelled",
                    N_("The import was cancelled; no request from {name} was imported."),
                    name=file_label(name),
                )
            request, problems = validate_request(raw, row=row, default_channel=channel)
            if request is not None and request["channel"] not in channels:
                problems = [
                    ValidationError(
                        "channel_unknown",
                        N_("{field}: there is no B2B site “{value}”; known sites: {choices}."),
                        field="channel",
                        row=row,
                        value=request["channel"],
                        choices=", ".join(sorted(channels)),
                    )
                ]
            if problems or request is None:
                errors.extend(problems)
                continue
            values = request.values
            key = (str(values["channel"]), str(values["external_id"]))
            if key in seen:
                duplicates += 1
                continue
            seen.add(key)
            new_rows.append(
                {
                    "version": 1,
                    "external_id": key[1],
                    "channel_code": key[0],
                    "kind": values["kind"],
                    "status": "pending",
                    "submitted_at": values.get("submitted_at"),
                    "received_at": now,
                    "company_name": values.get("company_name"),
                    "company_name_kana": values.get("company_name_kana"),
                    "corporate_number": values.get("corporate_number"),
                    "invoice_registration_number": values.get("invoice_registration_number"),
                    "email": values["email"],
                    "last_name": values["last_name"],
                    "first_name": values["first_name"],
                    "last_name_kana": values.get("last_name_kana"),
                    "first_name_kana": values.get("first_name_kana"),
                    "phone": values.get("phone"),
                    "job_title": values.get("job_title"),
                    "department": values.get("department"),
                    "postal_code": values.get("postal_code"),
                    "prefecture": values.get("prefecture"),
                    "city": values.get("city"),
                    "address_line1": values.get("address_line1"),
                    "address_line2": values.get("address_line2"),
                    "employee_count": values.get("employee_count"),
                    "language": values["language"],
                    "comments": values.get("comments"),
                    "target_hierarchy": values.get("hierarchy_id"),
                    "requested_by": values.get("requested_by"),
                    "name_key": request.name_key,  # as validation computed them
                    "kana_key": request.kana_key,
                    "email_key": normalize_email(str(values["email"])),
                }
            )
            imported += 1
            if len(new_rows) == INSERT_BATCH:  # executemany, a batch at a time
                session.execute(insert(table), new_rows)
                new_rows = []
        if new_rows:
            session.execute(insert(table), new_rows)
        audit.record(
            session,
            ctx.login,
            "request.import",
            "file",
            file_label(name)[-60:],
            after={
                "imported": imported,
                "duplicates": duplicates,
                "refused_rows": len({e.row for e in errors}),
            },
        )
    return ImportResult(imported, duplicates, tuple(errors))
