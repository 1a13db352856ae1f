"""Duplicate candidates of a request (DOMAIN.md rules 5 and 6).

Strong matches refuse approval as a new hierarchy: the same corporate number or invoice
registration number as an organization, the same e-mail as an active B2B person (the site
could not link the sign-in). Weak matches are warnings: the same e-mail domain, or the
same company name or reading after normalisation (NFKC, case folding, no spaces, no legal
form, hiragana as katakana).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Customer, Hierarchy, Member, Request
from hierdesk.domain.dto import DuplicateCandidate
from hierdesk.domain.jp import company_match_key, email_domain, normalize_digits, normalize_email

STRONG = ("corporate_number", "invoice_number", "email")


class Candidate(Protocol):
    """What is compared: a stored request, or a request with the clerk's corrections."""

    @property
    def corporate_number(self) -> str | None: ...
    @property
    def invoice_registration_number(self) -> str | None: ...
    @property
    def email(self) -> str: ...
    @property
    def company_name(self) -> str | None: ...
    @property
    def company_name_kana(self) -> str | None: ...


_ORDER = {
    reason: i
    for i, reason in enumerate(
        (
            "corporate_number",
            "invoice_number",
            "email",
            "company_name",
            "company_kana",
            "email_domain",
        )
    )
}


def find(
    session: Session, request: Candidate | Request, *, strong_only: bool = False
) -> list[DuplicateCandidate]:
    """Existing customers that ``request`` may duplicate, strongest reason first.
    ``strong_only`` skips the weak checks (what approval enforces)."""
    return find_many(session, [request], strong_only=strong_only)[0]


def find_many(
    session: Session, candidates: Sequence[Candidate | Request], *, strong_only: bool = False
) -> list[list[DuplicateCandidate]]:
    """:func:`find` for each of ``candidates`` (a page of the inbox) in a few indexed
    queries: one per kind of match for the whole page, never one per request."""
    corporate = [normalize_digits(c.corporate_number or "") for c in candidates]
    invoice = [normalize_digits(c.invoice_registration_number or "").upper() for c in candidates]
    email = [normalize_email(c.email) for c in candidates]
    domain = ["" if strong_only else email_domain(c.email) for c in candidates]
    name = ["" if strong_only else company_match_key(c.company_name or "") for c in candidates]
    kana = ["" if strong_only else company_match_key(c.company_name_kana or "") for c in candidates]

    organization = (
        select(Customer.account, Hierarchy.code)
        .join(Hierarchy, Hierarchy.organization_id == Customer.id, isouter=True)
        .where(Customer.type == "organization")
    )
    person = (
        select(Customer.account, Hierarchy.code)
        .join(Member, Member.customer_id == Customer.id)
        .join(Hierarchy, Hierarchy.id == Member.hierarchy_id)
        .where(Customer.type == "person", Customer.is_b2b.is_(True))
    )

    def matches(stmt: Any, column: Any, keys: list[str]) -> dict[str, list[tuple[str, Any]]]:
        wanted = sorted({k for k in keys if k})
        by_key: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        if wanted:
            for account, code, key in session.execute(
                stmt.add_columns(column).where(column.in_(wanted))
            ):
                by_key[key].append((account, code))
        return by_key

    by_corporate = matches(organization, Customer.corporate_number, corporate)
    by_invoice = matches(organization, Customer.invoice_registration_number, invoice)
    by_email = matches(person.where(Member.status == "active"), Customer.email_key, email)
    by_domain = matches(person, Customer.email_domain, domain)
    names: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    readings: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    wanted_names = sorted({k for k in name if k})
    wanted_kana = sorted({k for k in kana if k})
    if wanted_names or wanted_kana:
        for account, code, name_key, kana_key in session.execute(
            organization.add_columns(Customer.name_match_key, Customer.kana_match_key).where(
                or_(
                    Customer.name_match_key.in_(wanted_names),
                    Customer.kana_match_key.in_(wanted_kana),
                )
            )
        ):
            if name_key:
                names[name_key].append((account, code))
            if kana_key:
                readings[kana_key].append((account, code))

    def reasons(i: int) -> Iterator[tuple[str, Any, str]]:
        """Candidate ``i``'s matches as (account, hierarchy, reason), strongest kinds first."""
        if corporate[i]:
            yield from ((a, c, "corporate_number") for a, c in by_corporate.get(corporate[i], ()))
        if invoice[i]:
            yield from ((a, c, "invoice_number") for a, c in by_invoice.get(invoice[i], ()))
        yield from ((a, c, "email") for a, c in by_email.get(email[i], ()))
        if domain[i]:
            yield from ((a, c, "email_domain") for a, c in by_domain.get(domain[i], ()))
        # the same company: by name, or else by reading (one reason per organization)
        named = {a for a, _c in names.get(name[i], ())} if name[i] else set()
        if name[i]:
            yield from ((a, c, "company_name") for a, c in names.get(name[i], ()))
        if kana[i]:
            by_reading = readings.get(kana[i], ())
            yield from ((a, c, "company_kana") for a, c in by_reading if a not in named)

    results = []
    for i in range(len(candidates)):
        found: dict[tuple[str, str], DuplicateCandidate] = {}
        for account, code, reason in reasons(i):
            if reason == "email_domain" and (account, "email") in found:
                continue  # the same e-mail says more than the same domain
            found.setdefault(
                (account, reason), DuplicateCandidate(account, code, reason, reason in STRONG)
            )
        results.append(sorted(found.values(), key=lambda d: (_ORDER[d.reason], d.customer)))
    return results
