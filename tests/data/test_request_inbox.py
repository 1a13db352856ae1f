"""The request inbox as a service: search, order, warnings, and an import that is cancelled."""

from __future__ import annotations

import pytest

from hierdesk.domain.errors import RuleError
from hierdesk.domain.jp import search_key, to_katakana
from hierdesk.services import audit, intake, requests
from hierdesk.services.context import Context

CSV = (
    "external_id,channel,company_name,email,last_name,first_name\n"
    + "".join(
        f"C-{n},B2B-JP,キャンセル商事{n},c{n}@cancel.example.jp,山田,太郎\n" for n in range(60)
    )
).encode()


def test_search_finds_a_corporate_number_typed_in_full_width_with_dashes(
    demo_workspace: Context,
) -> None:
    target = next(r for r in requests.list_requests(demo_workspace) if r.corporate_number)
    number = str(target.corporate_number)
    typed = "-".join((number[:4], number[4:8], number[8:])).translate(
        str.maketrans("0123456789-", "０１２３４５６７８９－")
    )
    found = requests.list_requests(demo_workspace, search=typed)
    assert target.id in [r.id for r in found]
    assert all(r.corporate_number == number for r in found)
    assert requests.count_requests(demo_workspace, search=typed) == len(found)


def test_order_by_reading_and_newest_first(demo_workspace: Context) -> None:
    by_kana = requests.list_requests(demo_workspace, sort="kana")
    readings = [
        search_key(to_katakana(r.company_name_kana)) for r in by_kana if r.company_name_kana
    ]
    assert readings == sorted(readings)
    # requests without a reading come after those with one
    first_without = next(i for i, r in enumerate(by_kana) if not r.company_name_kana)
    assert all(not r.company_name_kana for r in by_kana[first_without:])

    oldest = requests.list_requests(demo_workspace)
    newest = requests.list_requests(demo_workspace, sort="received_desc")
    assert [r.id for r in newest] == [r.id for r in reversed(oldest)]


def test_warnings_come_strongest_first(demo_workspace: Context) -> None:
    rows = requests.list_requests(demo_workspace, with_warnings=True)
    order = ["corporate_number", "invoice_number", "email", "company_name", "company_kana"]
    strongest = [r for r in rows if "corporate_number" in r.warnings]
    assert strongest
    for row in rows:
        known = [w for w in row.warnings if w in order]
        assert known == sorted(known, key=order.index)
    # without asking, the list stays cheap and carries none
    assert all(r.warnings == () for r in requests.list_requests(demo_workspace))


def test_a_cancelled_import_imports_nothing(demo_workspace: Context) -> None:
    before = requests.count_requests(demo_workspace)
    entries = audit.count_entries(demo_workspace)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 30  # the clerk presses Cancel half-way

    with pytest.raises(RuleError) as info:
        intake.import_requests(demo_workspace, CSV, "cancel.csv", progress=progress)
    assert info.value.code == "import_cancelled"
    assert "cancel.csv" in info.value.localized()
    assert seen[0] == (0, 60)
    assert requests.count_requests(demo_workspace) == before
    assert audit.count_entries(demo_workspace) == entries

    result = intake.import_requests(demo_workspace, CSV, "cancel.csv", progress=lambda d, t: True)
    assert result.imported == 60
    assert requests.count_requests(demo_workspace) == before + 60


def test_every_action_of_a_working_day_has_a_name_in_the_audit_log(
    demo_workspace: Context,
) -> None:
    from hierdesk.domain.model import AUDIT_ACTIONS, ENTITY_TYPES
    from hierdesk.services import approval

    rows = requests.list_requests(demo_workspace, status="pending", with_warnings=True)
    partner = next(r for r in rows if r.kind == "partner" and not r.warnings)
    approval.approve(demo_workspace, partner.id)
    strong = next(r for r in rows if "corporate_number" in r.warnings)
    into = approval.review(demo_workspace, strong.id).candidates[0].hierarchy
    approval.approve(demo_workspace, strong.id, into=into)
    other = next(r for r in rows if r.id not in (partner.id, strong.id))
    approval.reject(demo_workspace, other.id, "重複")
    entries = audit.list_entries(demo_workspace, limit=500)
    actions = {e.action for e in entries}
    assert {"request.approve", "request.reject", "hierarchy.create", "member.add"} <= actions
    assert actions <= set(AUDIT_ACTIONS)
    assert {e.entity_type for e in entries} <= set(ENTITY_TYPES)


def test_each_existing_customer_is_named_once_with_its_strongest_reason(
    demo_workspace: Context,
) -> None:
    """The same e-mail says more than the same domain, the same company name more than the
    same reading: a customer matched both ways is listed once, with the stronger reason."""
    from dataclasses import dataclass

    from hierdesk.services import duplicates, hierarchies

    @dataclass
    class Typed:
        email: str
        company_name: str | None = None
        company_name_kana: str | None = None
        corporate_number: str | None = None
        invoice_registration_number: str | None = None

    code = next(
        h.code
        for h in hierarchies.list_hierarchies(demo_workspace)
        if sum(1 for m in hierarchies.list_members(demo_workspace, h.code) if m.status == "active")
        >= 2
    )
    nodes = hierarchies.list_members(demo_workspace, code)
    organization, person = nodes[0], next(n for n in nodes[1:] if n.status == "active")
    assert person.email
    assert organization.name_kana
    same_person = Typed(email=person.email)
    same_company = Typed(
        email="nobody@elsewhere.example.jp",
        company_name=organization.name,
        company_name_kana=organization.name_kana,
    )
    with demo_workspace.db.read() as session:
        by_person, by_company = duplicates.find_many(session, [same_person, same_company])
    reasons = {(d.customer, d.reason) for d in by_person}
    assert (person.account, "email") in reasons
    assert (person.account, "email_domain") not in reasons
    assert any(reason == "email_domain" for _account, reason in reasons)  # the colleagues
    assert {(d.customer, d.reason) for d in by_company} == {(organization.account, "company_name")}
