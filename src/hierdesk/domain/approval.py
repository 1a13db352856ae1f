"""Deciding a request (DOMAIN.md rules 2–6): the choices a clerk has, and the approval
wizard's page flow as a Qt-free state machine.

The GUI's ``QWizard`` asks :class:`ApprovalFlow` which page follows which and whether the
current page may be left; the services enforce the same rules again when the decision is
written, so the CLI and a second desk cannot get around them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Final

from hierdesk.domain.dto import DuplicateCandidate
from hierdesk.i18n.core import N_

#: What the clerk decides on the duplicates page.
NEW: Final = "new"  # a new organization, person and hierarchy (partner requests)
INTO: Final = "into"  # the person as a user of an existing hierarchy
REJECT: Final = "reject"  # reject the request (as a duplicate, or for another reason)
DECISIONS: Final = (NEW, INTO, REJECT)

DECISION_LABELS: Final = {
    NEW: N_("New customer hierarchy"),
    INTO: N_("Add to an existing hierarchy as user"),
    REJECT: N_("Reject as duplicate"),
}

#: Reasons that refuse approval as a new hierarchy (rule 6), and the e-mail reason that
#: refuses any approval (rule 5: one e-mail, one active B2B person).
ORGANIZATION_REASONS: Final = ("corporate_number", "invoice_number")
EMAIL_REASON: Final = "email"

#: Fields of a request a clerk may correct before approving (what the site sent otherwise
#: stays as it was: site, request number, kind).
CORRECTABLE: Final = (
    "company_name",
    "company_name_kana",
    "corporate_number",
    "invoice_registration_number",
    "last_name",
    "first_name",
    "last_name_kana",
    "first_name_kana",
    "email",
    "phone",
    "department",
    "job_title",
    "postal_code",
    "prefecture",
    "city",
    "address_line1",
    "address_line2",
    "language",
)


class Page(IntEnum):
    """Pages of the approval wizard (the values are the QWizard page IDs)."""

    REVIEW = 0
    DUPLICATES = 1
    TERMS = 2
    SUMMARY = 3
    RESULT = 4


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a choice is not available: a stable code and a message template."""

    code: str
    message: str
    params: Mapping[str, object] = field(default_factory=dict)


def blocking(candidates: Iterable[DuplicateCandidate], reasons: tuple[str, ...]) -> list[str]:
    """Accounts of the candidates that match for one of ``reasons``."""
    return sorted({c.customer for c in candidates if c.reason in reasons})


def refusal(
    decision: str,
    kind: str,
    candidates: Iterable[DuplicateCandidate],
    *,
    into: str | None = None,
) -> Refusal | None:
    """Why ``decision`` is not allowed for a request of ``kind`` with these duplicate
    candidates (None: allowed). Rejecting is always allowed."""
    found = list(candidates)
    if decision == REJECT:
        return None
    if decision not in DECISIONS:
        return Refusal("decision_unknown", N_("Choose what to do with the request."))
    same_email = blocking(found, (EMAIL_REASON,))
    if same_email:
        return Refusal(
            "email_in_use",
            N_(
                "The e-mail address already belongs to the active user {customer}; one address "
                "can sign in for one customer only. Correct the address or reject the request."
            ),
            {"customer": ", ".join(same_email)},
        )
    if decision == NEW:
        if kind == "add_user":
            return Refusal(
                "add_user_needs_hierarchy",
                N_("A request to add a user is approved into the hierarchy it names."),
            )
        same_company = blocking(found, ORGANIZATION_REASONS)
        if same_company:
            return Refusal(
                "duplicate_organization",
                N_(
                    "The company is already the customer {customer} (same corporate or invoice "
                    "registration number). Add the person to its hierarchy, or reject the "
                    "request as a duplicate."
                ),
                {"customer": ", ".join(same_company)},
            )
        return None
    if not into:
        return Refusal(
            "hierarchy_required", N_("Choose the customer hierarchy to add the user to.")
        )
    return None


def suggested_decision(
    kind: str, candidates: Iterable[DuplicateCandidate], target: str | None = None
) -> tuple[str, str | None]:
    """The decision the wizard preselects, and the hierarchy for ``into``."""
    found = list(candidates)
    if blocking(found, (EMAIL_REASON,)):
        return REJECT, None
    if kind == "add_user":
        return INTO, target
    strong = [c for c in found if c.reason in ORGANIZATION_REASONS and c.hierarchy]
    if strong:
        return INTO, strong[0].hierarchy
    return NEW, None


@dataclass
class ApprovalFlow:
    """Where the approval wizard is, and where it may go.

    ``field_errors`` holds the fields of the review page that do not validate; the
    duplicate candidates are those of the corrected values. The clerk's choice is
    ``decision`` (and ``into`` for a hierarchy, ``reason`` for a rejection)."""

    kind: str
    target: str | None = None  # add_user: the hierarchy the request names
    candidates: list[DuplicateCandidate] = field(default_factory=list)
    field_errors: dict[str, str] = field(default_factory=dict)
    decision: str = NEW
    into: str | None = None
    reason: str = ""
    terms_errors: dict[str, str] = field(default_factory=dict)
    #: add_user: why the requester may not add users to the hierarchy (shown as it is)
    requester_problem: str | None = None
    done: bool = False

    def __post_init__(self) -> None:
        self._suggest()

    def _suggest(self) -> None:
        self.decision, self.into = suggested_decision(self.kind, self.candidates, self.target)
        if self.decision == INTO and self.kind == "add_user" and self.requester_problem:
            self.decision, self.into = REJECT, None

    def set_candidates(self, candidates: Iterable[DuplicateCandidate]) -> None:
        """New candidates (after corrections): keep the clerk's choice when it is still
        allowed, otherwise fall back to the suggestion."""
        self.candidates = list(candidates)
        if self.refusal() is not None:
            self._suggest()

    def choose(self, decision: str, into: str | None = None) -> None:
        self.decision = decision
        if self.kind == "add_user" and decision == INTO:
            into = self.target
        self.into = into if decision == INTO else None

    def refusal(self) -> Refusal | None:
        if self.decision == INTO and self.kind == "add_user" and self.requester_problem:
            return Refusal("requester_not_admin", "{problem}", {"problem": self.requester_problem})
        return refusal(self.decision, self.kind, self.candidates, into=self.into)

    def pages(self) -> tuple[Page, ...]:
        """The pages of the current path, in order."""
        if self.decision == NEW:
            return (Page.REVIEW, Page.DUPLICATES, Page.TERMS, Page.SUMMARY, Page.RESULT)
        return (Page.REVIEW, Page.DUPLICATES, Page.SUMMARY, Page.RESULT)

    def next_page(self, page: Page) -> Page | None:
        """The page after ``page`` on the current path (None after the last)."""
        path = self.pages()
        if page not in path:
            # the clerk changed the decision while on a page the new path skips
            following = [p for p in path if p > page]
            return following[0] if following else None
        i = path.index(page)
        return path[i + 1] if i + 1 < len(path) else None

    def problems(self, page: Page) -> list[Refusal]:
        """What keeps the clerk on ``page`` (empty: Next or Finish may be pressed)."""
        if page == Page.REVIEW:
            return [
                Refusal("field_invalid", message, {"field": name})
                for name, message in self.field_errors.items()
            ]
        if page == Page.DUPLICATES:
            refused = self.refusal()
            return [refused] if refused else []
        if page == Page.TERMS:
            return [
                Refusal("field_invalid", message, {"field": name})
                for name, message in self.terms_errors.items()
            ]
        if page == Page.SUMMARY:
            if self.decision == REJECT and not self.reason.strip():
                return [Refusal("reason_required", N_("Enter the reason for the rejection."))]
            refused = self.refusal()
            return [refused] if refused else []
        return []

    def can_leave(self, page: Page) -> bool:
        return not self.problems(page) and not (page == Page.RESULT and not self.done)
