"""Approving and rejecting requests (DOMAIN.md rules 2–6): what a decision creates, that it
is all or nothing, that it is taken once even by two desks at the same moment, and the
refusals that protect sign-in (one e-mail, one active B2B person) and the customer base
(one company, one organization)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from hierdesk.data.schema import (
    AuditEntry,
    ChannelGrant,
    Customer,
    Hierarchy,
    Member,
    Notification,
    Request,
    utcnow,
)
from hierdesk.domain.dto import DecisionResult
from hierdesk.domain.errors import (
    HierdeskError,
    NotFoundError,
    RuleError,
    ValidationError,
)
from hierdesk.domain.lookups import PROPERTIES
from hierdesk.i18n.formatting import format_datetime
from hierdesk.services import approval, audit, hierarchies, lookups, sequences
from hierdesk.services import notices as notice_queue
from hierdesk.services.context import Context, connect

Submit = Callable[..., int]
CUSTOMER_PROPERTIES = tuple(p for p in PROPERTIES if p != "invoice_account")


# --- helpers ---------------------------------------------------------------------------------


def _customer(ctx: Context, account: str) -> Customer:
    with ctx.db.read() as session:
        row = session.execute(select(Customer).where(Customer.account == account)).scalar_one()
        session.expunge(row)
        return row


def _request(ctx: Context, request_id: int) -> Request:
    with ctx.db.read() as session:
        row = session.get(Request, request_id)
        assert row is not None
        session.expunge(row)
        return row


def _member(ctx: Context, account: str) -> Member:
    with ctx.db.read() as session:
        row = session.execute(
            select(Member)
            .join(Customer, Customer.id == Member.customer_id)
            .where(Customer.account == account)
        ).scalar_one()
        session.expunge(row)
        return row


def _disable_member(ctx: Context, account: str) -> None:
    """Disable a member (the members workspace is another issue: write the row directly)."""
    with ctx.db.write() as session:
        customer_id = session.execute(
            select(Customer.id).where(Customer.account == account)
        ).scalar_one()
        session.execute(
            update(Member)
            .where(Member.customer_id == customer_id)
            .values(status="disabled", disabled_reason="left the company")
        )


def _properties(customer: Customer) -> dict[str, Any]:
    return {p: getattr(customer, p) for p in CUSTOMER_PROPERTIES}


def _state(ctx: Context) -> dict[str, object]:
    """Everything a decision could change, for "nothing changed" checks."""
    with ctx.db.read() as session:
        counts = {
            table.__name__: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (Customer, Hierarchy, Member, ChannelGrant, Notification, AuditEntry)
        }
        statuses = dict(session.execute(select(Request.id, Request.status)).all())
    return {
        **counts,
        "requests": statuses,
        "next_account": sequences.peek(ctx, "customer_account"),
        "next_hierarchy": sequences.peek(ctx, "hierarchy_id"),
    }


def _actions(ctx: Context) -> list[tuple[str, str, str]]:
    return [(e.action, e.entity_type, e.entity_id) for e in audit.list_entries(ctx, limit=None)]


# --- rule 2: approving a partner ---------------------------------------------------------------


def test_approving_a_partner_creates_organization_person_and_hierarchy(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    rid = submit_request(
        ctx,
        company_name="株式会社みなと商事",
        company_name_kana="みなとしょうじ",
        email="taro@minato.example.jp",
    )
    assert sequences.peek(ctx, "customer_account") == "C000001"
    assert sequences.peek(ctx, "hierarchy_id") == "CH-000001"
    before = utcnow()

    result = approval.approve(ctx, rid, grants=["B2B-JP"])

    after = utcnow()
    # two customer accounts and one hierarchy ID, taken from the sequences
    assert (result.organization, result.person, result.hierarchy) == (
        "C000001",
        "C000002",
        "CH-000001",
    )
    assert (result.role, result.created_hierarchy, result.grants) == ("admin", True, ("B2B-JP",))
    assert sequences.peek(ctx, "customer_account") == "C000003"
    assert sequences.peek(ctx, "hierarchy_id") == "CH-000002"

    # the hierarchy is named after the company, with the person as its admin
    detail = hierarchies.get_hierarchy(ctx, "CH-000001")
    assert detail.name == "株式会社みなと商事"
    assert detail.organization.account == "C000001"
    assert [(m.account, m.role, m.status) for m in detail.members if m.type == "person"] == [
        ("C000002", "admin", "active")
    ]
    assert detail.channels == ("B2B-JP",)

    org = _customer(ctx, "C000001")
    assert (org.type, org.name, org.name_kana) == (
        "organization",
        "株式会社みなと商事",
        "ミナトショウジ",
    )
    assert org.corporate_number == _request(ctx, rid).corporate_number
    assert org.corporate_number is not None
    assert len(org.corporate_number) == 13
    assert org.invoice_registration_number == f"T{org.corporate_number}"
    assert (org.postal_code, org.prefecture, org.city) == ("105-0011", "13", "港区")
    # the organization gets the defaults for new partners
    defaults = lookups.partner_defaults(ctx)
    assert _properties(org) == {p: defaults[p] for p in CUSTOMER_PROPERTIES}
    assert org.customer_group == "CORP"
    assert org.credit_limit == 1_000_000

    person = _customer(ctx, "C000002")
    assert (person.type, person.is_b2b, person.email) == ("person", True, "taro@minato.example.jp")
    assert (person.last_name, person.first_name, person.department) == ("山田", "太郎", "営業部")
    assert person.language == "ja"
    # centralised invoicing: the person is invoiced to the organization, other properties copied
    assert person.invoice_account == "C000001"
    assert _properties(person) == _properties(org)

    request = _request(ctx, rid)
    assert (request.status, request.decided_by) == ("approved", ctx.login)
    assert request.decided_at is not None
    assert before <= request.decided_at <= after
    assert (request.created_hierarchy, request.created_organization, request.created_person) == (
        "CH-000001",
        "C000001",
        "C000002",
    )

    actions = _actions(ctx)
    for entry in [
        ("request.approve", "request", str(rid)),
        ("customer.create", "customer", "C000001"),
        ("customer.create", "customer", "C000002"),
        ("hierarchy.create", "hierarchy", "CH-000001"),
    ]:
        assert entry in actions
    approve_entry = next(
        e for e in audit.list_entries(ctx, limit=None) if e.action == "request.approve"
    )
    assert approve_entry.operator == ctx.login
    assert approve_entry.before == {"status": "pending"}
    assert isinstance(approve_entry.after, dict)
    assert approve_entry.after["status"] == "approved"
    assert approve_entry.after["hierarchy"] == "CH-000001"

    # one "approved" notification for the requester, delivered to the outbox
    rows = notice_queue.list_notifications(ctx)
    assert [(n.request_id, n.kind, n.recipient, n.status) for n in rows] == [
        (rid, "approved", "taro@minato.example.jp", "written")
    ]
    assert result.notification is not None
    assert result.notification.status == "written"


def test_the_clerk_sets_the_new_partners_terms_and_the_hierarchy_name(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx)
    result = approval.approve(
        ctx,
        rid,
        properties={"price_group": "WHS-A", "payment_terms": "NET30", "credit_limit": 5_000_000},
        hierarchy_name="テスト商事グループ",
        grants=["B2B-JP", "B2B-EN"],
    )
    assert result.hierarchy is not None
    assert result.organization
    assert result.person
    assert hierarchies.get_hierarchy(ctx, result.hierarchy).name == "テスト商事グループ"
    assert set(hierarchies.get_hierarchy(ctx, result.hierarchy).channels) == {"B2B-JP", "B2B-EN"}
    org, person = _customer(ctx, result.organization), _customer(ctx, result.person)
    defaults = lookups.partner_defaults(ctx)
    assert (org.price_group, org.payment_terms, org.credit_limit) == ("WHS-A", "NET30", 5_000_000)
    assert org.delivery_mode == defaults["delivery_mode"]  # not overridden: the default
    assert _properties(person) == _properties(org)
    assert person.invoice_account == org.account


@pytest.mark.parametrize(
    ("properties", "code"),
    [
        ({"price_group": "NO-SUCH"}, "property_value_unknown"),
        ({"invoice_account": "C999999"}, "property_unknown"),
        ({"colour": "blue"}, "property_unknown"),
    ],
)
def test_terms_that_do_not_exist_are_refused_and_nothing_is_created(
    b2b_workspace: Context, submit_request: Submit, properties: dict[str, object], code: str
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx)
    before = _state(ctx)
    with pytest.raises(ValidationError) as info:
        approval.approve(ctx, rid, properties=properties)
    assert info.value.code == code
    assert _state(ctx) == before


# --- rule 2: all or nothing ----------------------------------------------------------------------


@pytest.mark.parametrize("failure", ["stopped", "exhausted", "late_crash", "unknown_grant"])
def test_a_failure_in_the_middle_leaves_nothing_behind(
    b2b_workspace: Context,
    submit_request: Submit,
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
) -> None:
    ctx = b2b_workspace
    expected: type[Exception] = RuleError
    grants: list[str] = []
    original_queue = notice_queue.queue
    if failure == "stopped":
        sequences.update_sequence(ctx, "HIER", stopped=True)
    elif failure == "exhausted":
        sequences.create_sequence(ctx, "TINY", "T-#", largest=1)
        sequences.assign(ctx, "hierarchy_id", "TINY")
        assert approval.approve(ctx, submit_request(ctx)).hierarchy == "T-1"  # its only ID
    elif failure == "late_crash":
        # everything is written when the notification is queued, the last step
        def broken(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError("the disk failed while queueing the notification")

        monkeypatch.setattr(notice_queue, "queue", broken)
        expected = RuntimeError
    else:
        grants = ["NO-SUCH-SITE"]
        expected = ValidationError
    rid = submit_request(ctx)
    before = _state(ctx)
    next_account = sequences.peek(ctx, "customer_account")

    with pytest.raises(expected) as info:
        approval.approve(ctx, rid, grants=grants)

    if failure in ("stopped", "exhausted"):
        assert isinstance(info.value, RuleError)
        assert info.value.code == f"sequence_{failure}"
        assert ("HIER" if failure == "stopped" else "TINY") in info.value.localized()
    if failure == "unknown_grant":
        assert isinstance(info.value, ValidationError)
        assert (info.value.code, info.value.field) == ("channel_unknown", "grant")
    # no customer, no hierarchy, no notification, no audit entry; the request still waits
    assert _state(ctx) == before
    assert _request(ctx, rid).status == "pending"
    # the continuous customer_account sequence has its numbers back
    assert sequences.peek(ctx, "customer_account") == next_account

    # once the cause is removed, approval takes the very numbers the failed one had
    if failure in ("stopped", "exhausted"):
        sequences.create_sequence(ctx, "HIER2", "H2-####")
        sequences.assign(ctx, "hierarchy_id", "HIER2")
    monkeypatch.setattr(notice_queue, "queue", original_queue)
    result = approval.approve(ctx, rid)
    assert result.organization == next_account


# --- rule 4: decided once ----------------------------------------------------------------------


@pytest.mark.parametrize("first", ["approve", "reject"])
@pytest.mark.parametrize("second", ["approve", "reject"])
def test_a_request_is_decided_once_naming_who_and_when(
    b2b_workspace: Context, submit_request: Submit, first: str, second: str
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx)
    if first == "approve":
        approval.approve(ctx, rid)
    else:
        approval.reject(ctx, rid, "The company could not be verified.")
    decided = _request(ctx, rid)
    before = _state(ctx)

    def decide_again() -> object:
        if second == "approve":
            return approval.approve(ctx, rid)
        return approval.reject(ctx, rid, "again")

    with pytest.raises(RuleError) as info:
        decide_again()

    assert info.value.code == "request_decided"
    message = info.value.localized()
    assert ctx.login in message
    assert format_datetime(decided.decided_at) in message
    assert ("approved" if first == "approve" else "rejected") in message
    assert _state(ctx) == before


def _two_desks_approve(
    ctx: Context, monkeypatch: pytest.MonkeyPatch, request_ids: tuple[int, int]
) -> list[object]:
    """Two clerks press Approve at the same moment, each on their own desk (own
    connection): desk i approves ``request_ids[i]``. Returns each desk's result or error."""
    monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", "20000")  # wait for the other desk
    desks = [connect(ctx.db.location.url, ctx.login) for _ in range(2)]
    # hold the transaction open a little so that the other desk certainly arrives meanwhile
    original = approval._approve_new

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.4)
        return original(*args, **kwargs)

    monkeypatch.setattr(approval, "_approve_new", slow)
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def press_approve(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = approval.approve(desks[i], request_ids[i])
        except HierdeskError as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=press_approve, args=(i,)) for i in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for desk in desks:
            desk.db.dispose()
    assert not any(thread.is_alive() for thread in threads)
    monkeypatch.setattr(approval, "_approve_new", original)
    return outcomes


def test_two_desks_approving_at_the_same_moment_create_one_hierarchy(
    b2b_workspace: Context, submit_request: Submit, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx)
    outcomes = _two_desks_approve(ctx, monkeypatch, (rid, rid))

    approved = [o for o in outcomes if isinstance(o, DecisionResult)]
    refused = [o for o in outcomes if isinstance(o, HierdeskError)]
    assert len(approved) == 1, outcomes
    assert len(refused) == 1, outcomes
    error = refused[0]
    # the second desk waited for the first and is told who approved it and when (rule 4),
    # not that the database was busy or that "another desk changed the record"
    assert isinstance(error, RuleError), error.english()
    assert error.code == "request_decided"
    assert ctx.login in error.localized()
    with ctx.db.read() as session:
        assert session.execute(select(func.count()).select_from(Hierarchy)).scalar_one() == 1
        assert session.execute(select(func.count()).select_from(Customer)).scalar_one() == 2
        assert session.execute(select(func.count()).select_from(Notification)).scalar_one() == 1
    assert _request(ctx, rid).created_hierarchy == approved[0].hierarchy
    assert [a for a, _t, _i in _actions(ctx)].count("request.approve") == 1
    assert sequences.peek(ctx, "customer_account") == "C000003"  # no number lost or doubled


@pytest.mark.parametrize("same", ["email", "corporate_number"])
def test_two_desks_cannot_approve_the_same_person_or_company_twice_at_once(
    b2b_workspace: Context, submit_request: Submit, monkeypatch: pytest.MonkeyPatch, same: str
) -> None:
    """Two requests for the same e-mail (rule 5) or the same company (rule 6), approved as
    new hierarchies on two desks at the same moment: the duplicate check of the second desk
    must see what the first created, whatever the backend."""
    ctx = b2b_workspace
    first = submit_request(ctx, email="taro@minato.example.jp")
    number = _request(ctx, first).corporate_number
    second = submit_request(
        ctx,
        **(
            {"email": "TARO@minato.example.jp"}
            if same == "email"
            else {"corporate_number": number, "invoice_registration_number": f"T{number}"}
        ),
    )

    outcomes = _two_desks_approve(ctx, monkeypatch, (first, second))

    approved = [o for o in outcomes if isinstance(o, DecisionResult)]
    refused = [o for o in outcomes if isinstance(o, HierdeskError)]
    assert len(approved) == 1, outcomes
    assert len(refused) == 1, outcomes
    error = refused[0]
    assert isinstance(error, RuleError), error.english()
    assert error.code == ("email_in_use" if same == "email" else "duplicate_organization")
    with ctx.db.read() as session:
        assert session.execute(select(func.count()).select_from(Hierarchy)).scalar_one() == 1
        assert session.execute(select(func.count()).select_from(Customer)).scalar_one() == 2
    assert sorted(_request(ctx, r).status for r in (first, second)) == ["approved", "pending"]


# --- rule 5: one e-mail, one active B2B person ----------------------------------------------


@pytest.fixture
def taro(b2b_workspace: Context, submit_request: Submit) -> Request:
    """An approved partner request: its admin signs in as taro@minato.example.jp."""
    rid = submit_request(b2b_workspace, email="taro@minato.example.jp")
    approval.approve(b2b_workspace, rid)
    request = _request(b2b_workspace, rid)
    assert request.created_hierarchy
    assert request.created_person
    assert request.created_organization
    return request


@pytest.mark.parametrize(
    "same_address", ["TARO@Minato.Example.JP", "ｔａｒｏ＠ｍｉｎａｔｏ．ｅｘａｍｐｌｅ．ｊｐ"]
)
@pytest.mark.parametrize("decision", ["new", "into"])
def test_an_e_mail_of_an_active_b2b_person_is_refused_naming_the_customer(
    b2b_workspace: Context, submit_request: Submit, taro: Request, same_address: str, decision: str
) -> None:
    ctx = b2b_workspace
    existing = taro.created_person
    rid = submit_request(ctx, email=same_address)
    before = _state(ctx)
    with pytest.raises(RuleError) as info:
        approval.approve(ctx, rid, into=taro.created_hierarchy if decision == "into" else None)
    assert info.value.code == "email_in_use"
    assert existing is not None
    assert existing in info.value.localized()
    assert _state(ctx) == before


def test_the_e_mail_of_a_disabled_member_may_be_used_again(
    b2b_workspace: Context, submit_request: Submit, taro: Request
) -> None:
    ctx = b2b_workspace
    existing = taro.created_person
    assert existing is not None
    rid = submit_request(ctx, email="Taro@Minato.example.jp")
    _disable_member(ctx, existing)
    result = approval.approve(ctx, rid)
    assert result.created_hierarchy
    assert result.person is not None
    assert _customer(ctx, result.person).email == "Taro@Minato.example.jp"


def test_a_corrected_e_mail_is_checked_too(
    b2b_workspace: Context, submit_request: Submit, taro: Request
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx, email="someone.else@example.jp")
    with pytest.raises(RuleError) as info:
        approval.approve(ctx, rid, corrections={"email": "taro@MINATO.example.jp"})
    assert info.value.code == "email_in_use"
    assert _request(ctx, rid).email == "someone.else@example.jp"  # the correction was not kept


# --- rule 6: one company, one organization -------------------------------------------------------


@pytest.mark.parametrize("field", ["corporate_number", "invoice_registration_number"])
def test_the_same_company_is_added_into_its_hierarchy_not_created_again(
    b2b_workspace: Context, submit_request: Submit, taro: Request, field: str
) -> None:
    ctx = b2b_workspace
    first = taro
    organization = first.created_organization
    assert organization is not None
    same: dict[str, object] = {
        "company_name": "Minato Shoji Co., Ltd.",
        "company_name_kana": None,
        "email": "jiro@minato.example.jp",
        "first_name": "次郎",
        "corporate_number": None,
        "invoice_registration_number": None,
    }
    same[field] = getattr(first, field)
    rid = submit_request(ctx, **same)
    before = _state(ctx)

    with pytest.raises(RuleError) as info:
        approval.approve(ctx, rid)
    assert info.value.code == "duplicate_organization"
    assert organization in info.value.localized()
    assert _state(ctx) == before

    result = approval.approve(ctx, rid, into=taro.created_hierarchy)
    assert (result.hierarchy, result.role, result.created_hierarchy) == (
        taro.created_hierarchy,
        "user",
        False,
    )
    assert result.organization == organization
    assert result.person is not None
    person, org = _customer(ctx, result.person), _customer(ctx, organization)
    assert person.invoice_account == organization
    assert _properties(person) == _properties(org)
    with ctx.db.read() as session:
        assert session.execute(select(func.count()).select_from(Hierarchy)).scalar_one() == 1
    assert _member(ctx, result.person).role == "user"
    assert _request(ctx, rid).created_organization is None


def test_rejecting_a_duplicate_is_always_allowed(
    b2b_workspace: Context, submit_request: Submit, taro: Request
) -> None:
    ctx = b2b_workspace
    first = taro
    rid = submit_request(
        ctx,
        email=first.email.upper(),
        corporate_number=first.corporate_number,
        invoice_registration_number=first.invoice_registration_number,
    )
    result = approval.reject(ctx, rid, "Already a partner.", duplicate_of=taro.created_hierarchy)
    assert result.status == "rejected"
    assert _request(ctx, rid).status == "rejected"


def test_grants_are_chosen_only_for_a_new_hierarchy(
    b2b_workspace: Context, submit_request: Submit, taro: Request
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx)
    with pytest.raises(RuleError) as info:
        approval.approve(ctx, rid, into=taro.created_hierarchy, grants=["B2B-EN"])
    assert info.value.code == "grants_need_new_hierarchy"
    with pytest.raises(NotFoundError):
        approval.approve(ctx, rid, into="CH-999999")
    assert _request(ctx, rid).status == "pending"


# --- rule 3: add_user requests ---------------------------------------------------------------


@pytest.fixture
def partner(b2b_workspace: Context, submit_request: Submit) -> dict[str, str]:
    """An approved partner on special terms, with a second admin and a user:
    the accounts and e-mails by role."""
    ctx = b2b_workspace
    result = approval.approve(
        ctx,
        submit_request(ctx, email="taro@minato.example.jp"),
        properties={"price_group": "VIP", "payment_terms": "EOM60"},
    )
    assert result.hierarchy
    assert result.organization
    assert result.person
    user = approval.approve(
        ctx,
        submit_request(
            ctx,
            email="jiro@minato.example.jp",
            corporate_number=_customer(ctx, result.organization).corporate_number,
            invoice_registration_number=None,
        ),
        into=result.hierarchy,
    )
    assert user.person is not None
    other = approval.approve(ctx, submit_request(ctx, email="admin@other.example.jp"))
    return {
        "hierarchy": result.hierarchy,
        "organization": result.organization,
        "admin": result.person,
        "user": user.person,
        "other_hierarchy": str(other.hierarchy),
    }


def test_an_add_user_request_adds_a_user_with_the_organizations_terms(
    b2b_workspace: Context, submit_request: Submit, partner: dict[str, str]
) -> None:
    ctx = b2b_workspace
    rid = submit_request(
        ctx,
        kind="add_user",
        hierarchy_id=partner["hierarchy"],
        requested_by="TARO@minato.example.jp",  # the admin, written another way
        email="hanako@minato.example.jp",
    )
    result = approval.approve(ctx, rid)
    assert (result.hierarchy, result.role, result.organization) == (
        partner["hierarchy"],
        "user",
        partner["organization"],
    )
    assert result.person is not None
    person = _customer(ctx, result.person)
    org = _customer(ctx, partner["organization"])
    assert (person.price_group, person.payment_terms) == ("VIP", "EOM60")
    assert _properties(person) == _properties(org)
    assert person.invoice_account == partner["organization"]
    assert (person.email, person.last_name, person.first_name) == (
        "hanako@minato.example.jp",
        "佐藤",
        "花子",
    )
    assert _member(ctx, result.person).role == "user"
    assert ("member.add", "hierarchy", partner["hierarchy"]) in _actions(ctx)
    # approving it into another hierarchy than the one it names is refused
    other = submit_request(
        ctx,
        kind="add_user",
        hierarchy_id=partner["hierarchy"],
        requested_by="taro@minato.example.jp",
        email="saburo@minato.example.jp",
    )
    with pytest.raises(RuleError) as info:
        approval.approve(ctx, other, into=partner["other_hierarchy"])
    assert info.value.code == "add_user_other_hierarchy"


@pytest.mark.parametrize("requester", ["user", "disabled_admin", "stranger", "other_admin"])
def test_only_an_active_admin_of_the_hierarchy_may_add_users(
    b2b_workspace: Context, submit_request: Submit, partner: dict[str, str], requester: str
) -> None:
    ctx = b2b_workspace
    email = {
        "user": "jiro@minato.example.jp",
        "disabled_admin": "taro@minato.example.jp",
        "stranger": "someone@minato.example.jp",
        "other_admin": "admin@other.example.jp",
    }[requester]
    if requester == "disabled_admin":
        _disable_member(ctx, partner["admin"])
    rid = submit_request(
        ctx,
        kind="add_user",
        hierarchy_id=partner["hierarchy"],
        requested_by=email,
        email="hanako@minato.example.jp",
    )
    before = _state(ctx)
    with pytest.raises(RuleError) as info:
        approval.approve(ctx, rid)
    assert info.value.code == "requester_not_admin"
    assert email in info.value.localized()
    assert partner["hierarchy"] in info.value.localized()
    assert _state(ctx) == before
    assert approval.review(ctx, rid).requester_problem is not None
    # the clerk can still reject it
    assert approval.reject(ctx, rid, "Ask an admin of your company.").status == "rejected"


# --- rule 4: rejecting ---------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_a_rejection_needs_a_reason(
    b2b_workspace: Context, submit_request: Submit, reason: str
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx)
    before = _state(ctx)
    with pytest.raises(ValidationError) as info:
        approval.reject(ctx, rid, reason)
    assert (info.value.code, info.value.field) == ("reason_required", "reason")
    assert _state(ctx) == before


def test_a_rejection_is_recorded_with_its_reason_and_queues_a_notification(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx, email="ann@pacific.example.com", language="en")
    result = approval.reject(ctx, rid, "  We could not verify the company.  ")
    assert result.status == "rejected"
    request = _request(ctx, rid)
    assert (request.status, request.decided_by, request.reject_reason) == (
        "rejected",
        ctx.login,
        "We could not verify the company.",
    )
    assert request.decided_at is not None
    assert utcnow() - request.decided_at < timedelta(minutes=5)
    entry = next(e for e in audit.list_entries(ctx, limit=None) if e.action == "request.reject")
    assert entry.entity_id == str(rid)
    assert isinstance(entry.after, dict)
    assert entry.after["reason"] == "We could not verify the company."
    [notice] = notice_queue.list_notifications(ctx)
    assert (notice.kind, notice.recipient, notice.request_id) == (
        "rejected",
        "ann@pacific.example.com",
        rid,
    )
    with ctx.db.read() as session:
        body = session.execute(select(Notification.body)).scalar_one()
    assert "We could not verify the company." in body
    with ctx.db.read() as session:
        assert session.execute(select(func.count()).select_from(Customer)).scalar_one() == 0


# --- corrections before approval -----------------------------------------------------------------


def _break_check_digit(ctx: Context, request_id: int) -> tuple[str, str]:
    """Store a corporate number with a wrong check digit, as older imports (and the demo
    dataset) have them; returns (wrong, right)."""
    request = _request(ctx, request_id)
    good = request.corporate_number
    assert good is not None
    bad = f"{int(good[0]) % 9 + 1}{good[1:]}"
    with ctx.db.write() as session:
        session.execute(
            update(Request).where(Request.id == request_id).values(corporate_number=bad)
        )
    return bad, good


def test_a_wrong_corporate_number_is_refused_until_the_clerk_corrects_it(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx, invoice_registration_number=None)
    bad, good = _break_check_digit(ctx, rid)
    before = _state(ctx)

    with pytest.raises(ValidationError) as info:
        approval.approve(ctx, rid)
    assert (info.value.code, info.value.field) == (
        "corporate_number_check_digit",
        "corporate_number",
    )
    assert "corporate_number" in info.value.localized()
    assert _state(ctx) == before
    assert [e.field for e in approval.review(ctx, rid).errors] == ["corporate_number"]
    assert approval.review(ctx, rid, {"corporate_number": good}).errors == ()

    result = approval.approve(ctx, rid, corrections={"corporate_number": good})
    assert result.organization is not None
    assert _customer(ctx, result.organization).corporate_number == good
    assert _request(ctx, rid).corporate_number == good  # the request keeps the corrected value
    entry = next(e for e in audit.list_entries(ctx, limit=None) if e.action == "request.approve")
    assert isinstance(entry.after, dict)
    assert entry.after["corrections"] == {"corporate_number": {"before": bad, "after": good}}


def test_only_the_requesters_details_can_be_corrected(
    b2b_workspace: Context, submit_request: Submit
) -> None:
    ctx = b2b_workspace
    rid = submit_request(ctx)
    with pytest.raises(ValidationError) as info:
        approval.approve(ctx, rid, corrections={"channel": "B2B-EN"})
    assert info.value.code == "field_not_correctable"
    with pytest.raises(ValidationError) as info:
        approval.approve(ctx, rid, corrections={"email": "not an address"})
    assert info.value.field == "email"
    assert _request(ctx, rid).status == "pending"
