"""The approval wizard's flow without Qt (DOMAIN.md rules 3–6): which pages each decision
goes through, which decision is proposed for the duplicates found, and what keeps the clerk
on a page."""

from __future__ import annotations

import pytest

from hierdesk.domain.approval import (
    INTO,
    NEW,
    REJECT,
    ApprovalFlow,
    Page,
    refusal,
    suggested_decision,
)
from hierdesk.domain.dto import DuplicateCandidate

EMAIL = DuplicateCandidate("C000002", "CH-000001", "email", True)
CORPORATE = DuplicateCandidate("C000001", "CH-000001", "corporate_number", True)
INVOICE = DuplicateCandidate("C000011", "CH-000007", "invoice_number", True)
SAME_NAME = DuplicateCandidate("C000021", "CH-000010", "company_name", False)
SAME_DOMAIN = DuplicateCandidate("C000004", "CH-000002", "email_domain", False)

ALL_PAGES = (Page.REVIEW, Page.DUPLICATES, Page.TERMS, Page.SUMMARY, Page.RESULT)
WITHOUT_TERMS = (Page.REVIEW, Page.DUPLICATES, Page.SUMMARY, Page.RESULT)


# --- pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "into", "pages"),
    [(NEW, None, ALL_PAGES), (INTO, "CH-000001", WITHOUT_TERMS), (REJECT, None, WITHOUT_TERMS)],
)
def test_each_decision_has_its_pages(decision: str, into: str | None, pages: tuple[Page]) -> None:
    flow = ApprovalFlow("partner")
    flow.choose(decision, into)
    assert flow.pages() == pages
    # Next walks the path page by page and ends after the result
    walked = [Page.REVIEW]
    while (following := flow.next_page(walked[-1])) is not None:
        walked.append(following)
    assert tuple(walked) == pages


def test_changing_the_decision_on_the_terms_page_continues_to_the_summary() -> None:
    flow = ApprovalFlow("partner")
    assert flow.next_page(Page.DUPLICATES) == Page.TERMS
    flow.choose(REJECT)
    assert flow.next_page(Page.DUPLICATES) == Page.SUMMARY
    assert flow.next_page(Page.TERMS) == Page.SUMMARY  # a page the new path skips
    assert flow.next_page(Page.RESULT) is None


def test_an_add_user_request_never_shows_the_terms() -> None:
    flow = ApprovalFlow("add_user", target="CH-000005")
    assert (flow.decision, flow.into) == (INTO, "CH-000005")
    assert Page.TERMS not in flow.pages()


# --- the proposed decision ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "candidates", "target", "proposed"),
    [
        ("partner", [], None, (NEW, None)),
        ("partner", [SAME_NAME, SAME_DOMAIN], None, (NEW, None)),  # weak: only a warning
        ("partner", [EMAIL], None, (REJECT, None)),
        ("partner", [CORPORATE, SAME_NAME], None, (INTO, "CH-000001")),
        ("partner", [INVOICE], None, (INTO, "CH-000007")),
        ("partner", [CORPORATE, EMAIL], None, (REJECT, None)),  # the e-mail rule wins
        ("add_user", [], "CH-000005", (INTO, "CH-000005")),
        ("add_user", [CORPORATE], "CH-000005", (INTO, "CH-000005")),
        ("add_user", [EMAIL], "CH-000005", (REJECT, None)),
    ],
)
def test_the_wizard_proposes_a_decision(
    kind: str,
    candidates: list[DuplicateCandidate],
    target: str | None,
    proposed: tuple[str, str | None],
) -> None:
    assert suggested_decision(kind, candidates, target) == proposed
    flow = ApprovalFlow(kind, target=target, candidates=candidates)
    assert (flow.decision, flow.into) == proposed
    # what is proposed can be carried out
    assert flow.problems(Page.DUPLICATES) == []


def test_an_add_user_request_from_a_non_admin_is_proposed_for_rejection() -> None:
    problem = "jiro@example.jp is not an active admin of CH-000005"
    flow = ApprovalFlow("add_user", target="CH-000005", requester_problem=problem)
    assert flow.decision == REJECT
    flow.choose(INTO)
    [refused] = flow.problems(Page.DUPLICATES)
    assert refused.code == "requester_not_admin"
    assert problem in refused.message.format(**refused.params)
    assert not flow.can_leave(Page.DUPLICATES)


def test_new_candidates_keep_the_clerks_choice_while_it_is_allowed() -> None:
    flow = ApprovalFlow("partner", candidates=[CORPORATE])
    flow.choose(REJECT)
    flow.set_candidates([CORPORATE, SAME_NAME])
    assert flow.decision == REJECT  # still allowed: kept
    flow.choose(NEW)
    flow.set_candidates([])  # the clerk corrected the corporate number
    assert flow.decision == NEW
    flow.set_candidates([EMAIL])  # … and the e-mail now belongs to someone
    assert (flow.decision, flow.into) == (REJECT, None)


# --- what keeps the clerk on a page --------------------------------------------------------------


def test_field_errors_keep_the_clerk_on_the_review_page() -> None:
    flow = ApprovalFlow(
        "partner",
        field_errors={"corporate_number": "corporate_number: the check digit should be 8."},
    )
    [problem] = flow.problems(Page.REVIEW)
    assert (problem.code, problem.params["field"]) == ("field_invalid", "corporate_number")
    assert "check digit" in problem.message
    assert not flow.can_leave(Page.REVIEW)
    flow.field_errors.clear()
    assert flow.problems(Page.REVIEW) == []
    assert flow.can_leave(Page.REVIEW)


@pytest.mark.parametrize(
    ("candidates", "decision", "into", "code", "named"),
    [
        ([EMAIL], NEW, None, "email_in_use", "C000002"),
        ([EMAIL], INTO, "CH-000001", "email_in_use", "C000002"),
        ([CORPORATE], NEW, None, "duplicate_organization", "C000001"),
        ([INVOICE, CORPORATE], NEW, None, "duplicate_organization", "C000001, C000011"),
        ([], INTO, None, "hierarchy_required", None),
    ],
)
def test_a_refused_decision_keeps_the_clerk_on_the_duplicates_page(
    candidates: list[DuplicateCandidate],
    decision: str,
    into: str | None,
    code: str,
    named: str | None,
) -> None:
    flow = ApprovalFlow("partner", candidates=candidates)
    flow.choose(decision, into)
    [problem] = flow.problems(Page.DUPLICATES)
    assert problem.code == code
    if named is not None:
        assert problem.params["customer"] == named
    assert not flow.can_leave(Page.DUPLICATES)
    assert flow.problems(Page.SUMMARY) == [problem]  # Finish is refused as well
    flow.choose(REJECT)  # rejecting is always allowed
    assert flow.problems(Page.DUPLICATES) == []


def test_the_same_company_may_be_added_into_its_hierarchy() -> None:
    flow = ApprovalFlow("partner", candidates=[CORPORATE])
    flow.choose(INTO, "CH-000001")
    assert flow.problems(Page.DUPLICATES) == []
    assert flow.can_leave(Page.DUPLICATES)


def test_a_rejection_needs_a_reason_on_the_summary_page() -> None:
    flow = ApprovalFlow("partner", candidates=[EMAIL])
    assert flow.decision == REJECT
    [problem] = flow.problems(Page.SUMMARY)
    assert problem.code == "reason_required"
    flow.reason = "   "
    assert [p.code for p in flow.problems(Page.SUMMARY)] == ["reason_required"]
    flow.reason = "Already registered."
    assert flow.problems(Page.SUMMARY) == []
    assert flow.can_leave(Page.SUMMARY)


def test_terms_errors_keep_the_clerk_on_the_terms_page() -> None:
    flow = ApprovalFlow("partner")
    flow.terms_errors["credit_limit"] = "credit_limit: a whole number of yen."
    assert [p.params["field"] for p in flow.problems(Page.TERMS)] == ["credit_limit"]
    assert not flow.can_leave(Page.TERMS)


def test_the_result_page_is_left_only_when_the_decision_is_written() -> None:
    flow = ApprovalFlow("partner")
    assert not flow.can_leave(Page.RESULT)
    flow.done = True
    assert flow.can_leave(Page.RESULT)


def test_refusal_rules_for_each_kind() -> None:
    assert refusal(NEW, "add_user", []) is not None
    assert refusal(NEW, "add_user", []).code == "add_user_needs_hierarchy"  # type: ignore[union-attr]
    assert refusal(INTO, "add_user", [], into="CH-000005") is None
    assert refusal(REJECT, "partner", [EMAIL, CORPORATE]) is None
    assert refusal("approve", "partner", []).code == "decision_unknown"  # type: ignore[union-attr]
    assert refusal(NEW, "partner", [SAME_NAME, SAME_DOMAIN]) is None
