"""``hierdesk-cli request approve`` and ``request reject`` (INTERFACES.md §3, DOMAIN.md rules
1–6): the JSON they print, and exit status 0 done · 1 refused (nothing changed) · 2 usage ·
3 not an operator."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from hierdesk.cli import main
from hierdesk.services import features, operators, sequences
from hierdesk.services.context import Context

BACKEND = "postgresql" if os.environ.get("HIERDESK_TEST_PG_URL", "").strip() else "sqlite"

Submit = Callable[..., int]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    status = main(["--json", *args])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def ok(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    status, data, err = run(capsys, *args)
    assert status == 0, (data, err)
    return data


def refused(capsys: pytest.CaptureFixture[str], *args: str, status: int = 1) -> tuple[str, str]:
    """Run a command that must be refused: returns the error code and its message."""
    got, data, err = run(capsys, *args)
    assert got == status, (data, err)
    assert err.strip()
    return data["error"]["code"], data["error"]["message"]


def pending(capsys: pytest.CaptureFixture[str], db: str) -> set[int]:
    return {r["id"] for r in ok(capsys, "--db", db, "request", "list", "--status", "pending")}


def peek(capsys: pytest.CaptureFixture[str], db: str, reference: str) -> str:
    return str(ok(capsys, "--db", db, "sequence", "peek", reference)["next"])


def test_approve_prints_what_it_created(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, submit_request: Submit
) -> None:
    db = b2b_workspace.db.location.url
    rid = submit_request(b2b_workspace, company_name="株式会社みなと商事", email="taro@minato.jp")

    data = ok(capsys, "--db", db, "request", "approve", str(rid), "--grant", "B2B-JP")

    assert {"request", "hierarchy", "organization", "person", "role"} <= set(data)
    assert (data["request"], data["hierarchy"], data["organization"], data["person"]) == (
        rid,
        "CH-000001",
        "C000001",
        "C000002",
    )
    assert data["role"] == "admin"
    shown = ok(capsys, "--db", db, "hierarchy", "show", "CH-000001")
    assert shown["name"] == "株式会社みなと商事"
    assert shown["organization"]["account"] == "C000001"
    assert shown["channels"] == ["B2B-JP"]
    assert [(m["customer"], m["email"], m["role"], m["status"]) for m in shown["members"]] == [
        ("C000002", "taro@minato.jp", "admin", "active")
    ]
    assert rid not in pending(capsys, db)
    approved = ok(capsys, "--db", db, "request", "list", "--status", "approved")
    assert [r["id"] for r in approved] == [rid]
    assert peek(capsys, db, "customer_account") == "C000003"


@pytest.mark.parametrize("locale", ["en", "ja"])
def test_approve_says_what_it_created_in_words(
    capsys: pytest.CaptureFixture[str],
    b2b_workspace: Context,
    submit_request: Submit,
    locale: str,
) -> None:
    db = b2b_workspace.db.location.url
    rid = submit_request(b2b_workspace, company_name="株式会社みなと商事")
    assert main(["--db", db, "--locale", locale, "request", "approve", str(rid)]) == 0
    out = capsys.readouterr().out
    for value in ("CH-000001", "C000001", "C000002", "株式会社みなと商事"):
        assert value in out
    if locale == "ja":
        assert "承認" in out


def test_the_same_company_is_refused_as_new_and_added_with_into(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, submit_request: Submit
) -> None:
    db = b2b_workspace.db.location.url
    first = submit_request(b2b_workspace)
    created = ok(capsys, "--db", db, "request", "approve", str(first))
    corporate = ok(capsys, "--db", db, "request", "show", str(first))["corporate_number"]
    second = submit_request(
        b2b_workspace,
        corporate_number=corporate,
        invoice_registration_number=None,
        email="jiro@example.jp",
    )

    code, message = refused(capsys, "--db", db, "request", "approve", str(second))
    assert code == "duplicate_organization"
    assert created["organization"] in message
    assert second in pending(capsys, db)
    assert peek(capsys, db, "customer_account") == "C000003"

    approve = ("--db", db, "request", "approve", str(second))
    code, _message = refused(capsys, *approve, "--into", "CH-000001", "--grant", "B2B-EN")
    assert code == "grants_need_new_hierarchy"
    code, _message = refused(capsys, *approve, "--into", "CH-999999")
    assert code == "hierarchy_not_found"

    added = ok(capsys, *approve, "--into", "CH-000001")
    assert (added["hierarchy"], added["organization"], added["role"]) == (
        "CH-000001",
        created["organization"],
        "user",
    )
    members = ok(capsys, "--db", db, "hierarchy", "show", "CH-000001")["members"]
    assert [(m["customer"], m["role"]) for m in members] == [
        (created["person"], "admin"),
        (added["person"], "user"),
    ]
    assert len(ok(capsys, "--db", db, "hierarchy", "list")) == 1


def test_a_decided_request_is_refused_naming_who_decided(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, submit_request: Submit
) -> None:
    db = b2b_workspace.db.location.url
    rid = submit_request(b2b_workspace)
    ok(capsys, "--db", db, "request", "approve", str(rid))
    for command in (("approve", str(rid)), ("reject", str(rid), "--reason", "duplicate")):
        code, message = refused(capsys, "--db", db, "request", *command)
        assert code == "request_decided"
        assert b2b_workspace.login in message
    assert len(ok(capsys, "--db", db, "hierarchy", "list")) == 1
    code, _message = refused(capsys, "--db", db, "request", "approve", "999999")
    assert code == "request_not_found"


def test_reject_needs_a_reason(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, submit_request: Submit
) -> None:
    db = b2b_workspace.db.location.url
    rid = submit_request(b2b_workspace)

    code, message = refused(capsys, "--db", db, "request", "reject", str(rid), "--reason", "")
    assert code == "reason_required"
    assert "reason" in message
    code, _message = refused(capsys, "--db", db, "request", "reject", str(rid), "--reason", "  ")
    assert code == "reason_required"
    code, _message = refused(capsys, "--db", db, "request", "reject", str(rid), status=2)
    assert code == "usage"  # --reason is required
    assert rid in pending(capsys, db)
    assert ok(capsys, "--db", db, "notification", "list") == []

    data = ok(capsys, "--db", db, "request", "reject", str(rid), "--reason", "登記を確認できません")
    assert (data["request"], data["status"]) == (rid, "rejected")
    assert data["notification"]["status"] == "written"
    rejected = ok(capsys, "--db", db, "request", "list", "--status", "rejected")
    assert [r["id"] for r in rejected] == [rid]
    [notice] = ok(capsys, "--db", db, "notification", "list")
    assert (notice["request"], notice["kind"], notice["status"]) == (rid, "rejected", "written")
    assert ok(capsys, "--db", db, "notification", "list", "--status", "queued") == []
    assert ok(capsys, "--db", db, "hierarchy", "list") == []


@pytest.mark.parametrize("failure", ["stopped_sequence", "unknown_grant", "b2b_off"])
def test_a_refused_approval_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    b2b_workspace: Context,
    submit_request: Submit,
    failure: str,
) -> None:
    db = b2b_workspace.db.location.url
    rid = submit_request(b2b_workspace)
    before = peek(capsys, db, "customer_account")
    grants: list[str] = []
    if failure == "stopped_sequence":
        sequences.update_sequence(b2b_workspace, "HIER", stopped=True)
    elif failure == "unknown_grant":
        grants = ["--grant", "B2B-JP", "--grant", "NOPE"]
    else:
        features.set_enabled(b2b_workspace, "b2b", False)

    code, message = refused(capsys, "--db", db, "request", "approve", str(rid), *grants)

    expected = {
        "stopped_sequence": ("sequence_stopped", "HIER"),
        "unknown_grant": ("channel_unknown", "NOPE"),
        "b2b_off": ("feature_off", "b2b"),
    }[failure]
    assert code == expected[0]
    assert expected[1] in message
    # the customer account the failed approval allocated was given back
    assert peek(capsys, db, "customer_account") == before
    if failure == "b2b_off":
        features.set_enabled(b2b_workspace, "b2b", True)
    assert rid in pending(capsys, db)
    assert ok(capsys, "--db", db, "hierarchy", "list") == []
    assert ok(capsys, "--db", db, "notification", "list") == []


def _login_role(url: str, login: str) -> None:
    """A PostgreSQL login role for a desk operator, with rights on hierdesk's tables."""
    import psycopg

    with psycopg.connect(
        url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        if not exists:
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
        conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"')
        conn.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"')


def test_only_operators_decide_requests(
    capsys: pytest.CaptureFixture[str], b2b_workspace: Context, submit_request: Submit
) -> None:
    db = b2b_workspace.db.location.url

    def as_operator(login: str) -> list[str]:
        if BACKEND == "sqlite":
            return ["--db", db, "--operator", login]
        # on PostgreSQL the operator is the database login: connect as that role
        _login_role(db, login)
        return ["--db", make_url(db).set(username=login).render_as_string(hide_password=False)]

    rid = submit_request(b2b_workspace)
    other = submit_request(b2b_workspace)
    for command in (("approve", str(rid)), ("reject", str(rid), "--reason", "no")):
        code, message = refused(capsys, *as_operator("nobody"), "request", *command, status=3)
        assert code == "operator_unknown"
        assert "nobody" in message
    code, _message = refused(capsys, *as_operator("nobody"), "notification", "retry", status=3)
    assert code == "operator_unknown"
    assert pending(capsys, db) == {rid, other}

    # a clerk is enough, and the decision names the clerk
    operators.add_operator(b2b_workspace, "tanaka", "clerk")
    data = ok(capsys, *as_operator("tanaka"), "request", "approve", str(rid))
    assert data["role"] == "admin"
    ok(capsys, *as_operator("tanaka"), "request", "reject", str(other), "--reason", "重複です")
    code, message = refused(capsys, "--db", db, "request", "approve", str(rid))
    assert code == "request_decided"
    assert "tanaka" in message
    entries = ok(capsys, "--db", db, "audit", "list", "--limit", "50")
    decisions = [e for e in entries if e["action"] in ("request.approve", "request.reject")]
    assert {(e["entity_id"], e["operator"]) for e in decisions} == {
        (str(rid), "tanaka"),
        (str(other), "tanaka"),
    }
