"""Duplicate candidates of a request (DOMAIN.md rules 5 and 6).

Strong matches refuse approval as a new hierarchy: the same corporate number or invoice
registration number as an organization, the same e-mail as an active B2B person (the site
could not link the sign-in). Weak matches are warnings: the same e-mail domain, or the
same company name or reading after normalisation (NFKC, case folding, no spaces, no legal
form, hiragana as katakana).
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import func, select
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


OrganizationKeys = list[tuple[str, str | None, str, str]]


def organization_keys(session: Session) -> OrganizationKeys:
    """Every organization's account, hierarchy and company match keys of its name and
    reading: computed once when many requests are checked together."""
    return [
        (account, code, company_match_key(name), company_match_key(kana or ""))
        for account, code, name, kana in session.execute(
            select(Customer.account, Hierarchy.code, Customer.name, Customer.name_kana)
            .join(Hierarchy, Hierarchy.organization_id == Customer.id, isouter=True)
            .where(Customer.type == "organization")
        )
    ]


def find(
    session: Session,
    request: Candidate | Request,
    *,
    strong_only: bool = False,
    organizations: OrganizationKeys | None = None,
) -> list[DuplicateCandidate]:
    """Existing customers that ``request`` may duplicate, strongest reason first.
    ``strong_only`` skips the weak checks (what approval enforces)."""
    found: dict[tuple[str, str], DuplicateCandidate] = {}

    def add(customer: str, hierarchy: str | None, reason: str) -> None:
        found.setdefault(
            (customer, reason), DuplicateCandidate(customer, hierarchy, reason, reason in STRONG)
        )

    org_hierarchy = (
        select(Customer.account, Hierarchy.code)
        .join(Hierarchy, Hierarchy.organization_id == Customer.id, isouter=True)
        .where(Customer.type == "organization")
    )
    corporate = normalize_digits(request.corporate_number or "")
    if corporate:
        for account, code in session.execute(
            org_hierarchy.where(Customer.corporate_number == corporate)
        ):
            add(account, code, "corporate_number")
    invoice = normalize_digits(request.invoice_registration_number or "").upper()
    if invoice:
        for account, code in session.execute(
            org_hierarchy.where(Customer.invoice_registration_number == invoice)
        ):
            add(account, code, "invoice_number")

    person_hierarchy = (
        select(Customer.account, Hierarchy.code, Customer.email_key)
        .join(Member, Member.customer_id == Customer.id)
        .join(Hierarchy, Hierarchy.id == Member.hierarchy_id)
        .where(Customer.type == "person", Customer.is_b2b.is_(True))
    )
    email = normalize_email(request.email)
    for account, code, _key in session.execute(
        person_hierarchy.where(Customer.email_key == email, Member.status == "active")
    ):
        add(account, code, "email")
    domain = "" if strong_only else email_domain(request.email)
    if domain:
        for account, code, _key in session.execute(
            person_hierarchy.where(func.lower(Customer.email_key).like(f"%@{domain}"))
        ):
            if (account, "email") not in found:
                add(account, code, "email_domain")

    name_key = "" if strong_only else company_match_key(request.company_name or "")
    kana_key = "" if strong_only else company_match_key(request.company_name_kana or "")
    if name_key or kana_key:
        keys = organizations if organizations is not None else organization_keys(session)
        for org_account, org_code, org_name_key, org_kana_key in keys:
            if name_key and org_name_key == name_key:
                add(org_account, org_code, "company_name")
            elif kana_key and org_kana_key and org_kana_key == kana_key:
                add(org_account, org_code, "company_kana")
    order = {
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
    return sorted(found.values(), key=lambda d: (order[d.reason], d.customer))
